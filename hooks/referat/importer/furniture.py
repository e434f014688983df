"""Page furniture: what a PDF or a web page adds around the minutes, recognised and left out.

Page headers and footers, page numbers, tables of contents with dotted leaders, "Til top", "Back to
top" and "Udskriv" links. Every line left out is returned as `Dropped`, so the importer can list it.
Words split at the end of a line ("kommu-" / "nen") are joined again.
"""

from __future__ import annotations

import re
from collections import Counter

from .headers import PREFIXED
from .journal import find_journal
from .lines import Dropped, Line
from .vocabulary import is_decision_heading, is_section_heading

PAGE_NUMBER = re.compile(r"^(?:-\s*)?(?:side|page|s\.)?\s*\d{1,4}(?:\s*(?:af|of|/)\s*\d{1,4})?(?:\s*-)?$",
                         re.IGNORECASE)
# Fields to fill in by hand: 'Signed ........ (Chairman)  Date ......', 'Underskrift: ______',
# also with the page number the footer carries ('Chairman's initials ........  Page 1 of 3').
FORM_LINE = re.compile(r"^(?:[^\W\d][^.\d_]{0,40}?:?\s*(?:\.{5,}|_{5,}|…{3,})\s*(?:\([^)]{1,30}\))?\s*)+"
                       r"(?:(?:side|page)\s*\d{1,4}\s*(?:af|of|/)\s*\d{1,4})?$", re.IGNORECASE)
PAGE_END = re.compile(r"\b(?:side|page)\s*\d{1,4}\s*(?:af|of|/)\s*\d{1,4}\s*$", re.IGNORECASE)
DOTTED_ENTRY = re.compile(r"^(?P<title>\S.*?)\s*(?:\.{3,}|(?:\.\s){3,}|…+|_{3,})\s*\.?\s*(?P<page>\d{1,4})$")
TAB_ENTRY = re.compile(r"^(?P<title>\S.*?)\s{4,}(?P<page>\d{1,4})$")
TOC_HEADING = re.compile(r"^(?:indholdsfortegnelse|indhold|table of contents|contents|items|agenda items|"
                         r"punkter på dagsordenen|dagsordenens punkter|dagsordenspunkter|sager på mødet)"
                         r"\s*:?$", re.IGNORECASE)
# 'Til top', 'Tilbage til toppen', 'Gå til toppen af siden', 'Back to the top', 'Return to top',
# 'Top of page': a link back to the page's top, which web pages put after every item.
TOP = (r"(?:(?:tilbage|gå|retur)\s+)?til\s+(?:toppen|top)(?:\s+af\s+siden)?|til\s+sidens\s+top|"
       r"(?:(?:back|return|go|scroll|jump)\s+)?to\s+(?:the\s+)?top(?:\s+of\s+(?:the\s+)?page)?|"
       r"top\s+of\s+(?:the\s+)?page")
ARROW = r"[↑▲⇧^]"  # 'Til toppen ↑', '▲ Back to top'
LINK = (rf"(?:{TOP}"
        r"|udskriv(?: hele)?(?: siden| referatet| dagsorden(?:en)?| dagsordnen)?|print(?: this page)?|"
        r"kopier link(?:et)?|copy link|tip en ven|send til en ven|del på (?:facebook|linkedin|x|twitter)|"
        r"top|del(?: siden)?|share(?: this page)?|læs op|lyt|vis som pdf|hent som pdf|"
        r"(?:download|hent)(?: som)?(?: hele)?(?: pdf| referat(?:et)?| dagsorden(?:en)?| minutes| agenda)?"
        r"(?:\s*\((?:pdf|word|docx?)\))?)")
LINKS = re.compile(rf"^(?:[-•*·]\s*)?(?:{ARROW}\s*)?{LINK}(?:\s*[|·•/–-]?\s*{LINK})*(?:\s*{ARROW})?$",
                   re.IGNORECASE)  # '• Udskriv' too
LINK_WORDS = re.compile(rf"\b{LINK}(?!\w)", re.IGNORECASE)  # each link of a bar, listed on its own
LINK_REASON = "link på siden"
DIGITS = re.compile(r"\d+")
SPACES = re.compile(r"\s+")
SPLIT_WORD = re.compile(r"[A-Za-zÆØÅæøåÉéÜüÖöÄä]{2}-$")
# A hyphen before these words is a Danish shared-suffix dash ("handle- og tidsplan"), not a split.
KEEP_DASH = re.compile(r"^(?:og|eller|samt|til|som|and|or)\b")
RUNNING = "sidehoved eller sidefod"


def remove_furniture(lines: list[Line]) -> tuple[list[Line], list[Dropped]]:
    """The lines without page furniture, and the furniture with the reason it was left out."""
    dropped: list[Dropped] = []
    edges = page_edges(lines)
    paged = len({line.page for line in lines}) > 1
    kept = []
    in_toc = False
    before = ""  # the last line of text kept
    for line in lines:
        text = line.text.strip()
        reason = furniture_reason(text, paged, edges)
        if reason == "indholdsfortegnelse" and not in_toc and introduced(before):
            reason = None  # 'There voted for:' / 'Councillors A, B ...... 24': a count, not a page
        if reason is None and (in_toc or TOC_HEADING.match(text)):
            reason = toc_reason(text)
        in_toc = reason is not None and reason.startswith("indholdsfortegnelse") or (in_toc and not text)
        if reason == LINK_REASON:
            dropped += [Dropped(line.with_text(link[0]), reason) for link in LINK_WORDS.finditer(text)]
        elif reason:
            dropped.append(Dropped(line, reason))
        else:
            kept.append(line)
            before = text or before
    return join_split_words(kept), dropped


def introduced(before: str) -> bool:
    """Whether the line above, a sentence ending in a colon, introduces what follows: a line with
    dotted leaders under it is then that sentence's list or count, not a table of contents."""
    return before.endswith(":") and not TOC_HEADING.match(before) and len(before.split()) >= 3


def furniture_reason(text: str, paged: bool, edges: set[str]) -> str | None:
    if not text:
        return None
    if PAGE_NUMBER.match(text) and (paged or re.search(r"[a-zA-Z]", text)):
        return "sidetal"
    if edge_key(text) in edges:
        return RUNNING
    if FORM_LINE.match(text):
        return "underskrift eller felt til udfyldning"
    if DOTTED_ENTRY.match(text):
        return "indholdsfortegnelse"
    if LINKS.match(text):
        return LINK_REASON
    return None


def toc_reason(text: str) -> str | None:
    """Inside a table of contents: its heading and its entries are furniture."""
    if TOC_HEADING.match(text) or DOTTED_ENTRY.match(text) or TAB_ENTRY.match(text):
        return "indholdsfortegnelse"
    return None


def shape(text: str) -> str:
    """A line with its numbers and spacing evened out, so 'Side 3 af 12' and 'Side 4 af 12' match."""
    return SPACES.sub(" ", DIGITS.sub("#", text)).strip().lower()


def edge_key(text: str) -> str:
    """How a line is compared across page edges. An item header ("Pkt. 2") opens many pages of
    minutes that give each item a page, so its number counts: only the same header repeated is
    a running header."""
    return " ".join(text.lower().split()) if PREFIXED.match(text) else shape(text)


def page_edges(lines: list[Line]) -> set[str]:
    """Shapes of lines that open or close many pages (running headers and footers)."""
    pages = split_pages(lines)
    if len(pages) < 2:
        pages = pages_by_numbers(lines)
    if len(pages) < 2:
        return set()
    counts: Counter[str] = Counter()
    for page in pages:
        texts = [t for line in page if (t := line.text.strip()) and not is_content_shape(t)]
        counts.update({edge_key(t) for t in texts[:2] + texts[-2:]})
    least = max(2, (len(pages) + 1) // 2)
    return {s for s, n in counts.items() if n >= least and len(s) > 1}


def is_content_shape(text: str) -> bool:
    """Lines that recur at page edges because minutes repeat them: case numbers and headings."""
    return bool(find_journal(text) or is_section_heading(text) or is_decision_heading(text))


def split_pages(lines: list[Line]) -> list[list[Line]]:
    pages: dict[int, list[Line]] = {}
    for line in lines:
        pages.setdefault(line.page, []).append(line)
    return list(pages.values())


def pages_by_numbers(lines: list[Line]) -> list[list[Line]]:
    """Text extracted without page breaks: a 'Side 3 af 12' line ends a page."""
    pages: list[list[Line]] = [[]]
    for line in lines:
        pages[-1].append(line)
        text = line.text.strip()
        if PAGE_NUMBER.match(text) and re.search(r"[a-zA-Z]", text) or PAGE_END.search(text):
            pages.append([])  # 'Side 3 af 12', also at the end of a footer line
    return [page for page in pages if page] if len(pages) > 2 else []


def join_split_words(lines: list[Line]) -> list[Line]:
    """Join a word split over two lines by hyphenation: 'kommu-' + 'nen' becomes 'kommunen'."""
    out: list[Line] = []
    for line in lines:
        previous = out[-1] if out else None
        if previous is not None and previous.text and SPLIT_WORD.search(previous.text.rstrip()):
            head = line.text.lstrip()
            if head[:1].islower() and not KEEP_DASH.match(head):
                word, _, rest = head.partition(" ")
                out[-1] = previous.with_text(previous.text.rstrip()[:-1] + word)
                if rest.strip():
                    out.append(line.with_text(rest))
                continue
        out.append(line)
    return out
