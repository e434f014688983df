"""Finding the agenda items' headers among the lines.

Minutes write item headers in many ways ("Punkt 31: Titel", "1. Titel", "Pkt. 42", "• 209. Titel",
"38Godkendelse", "4.01) Item"), and the same shapes occur inside items as numbered lists. So every
line that could be a header becomes a candidate with a score for how much it looks like one, and
the headers are the chain of candidates with the highest total score in which each number follows
the one before (31 then 32, 4.01 then 4.02 or 5, 1 then 1.a). A list "1., 2." inside item 6 cannot
sit in a chain that has passed 6, and a table of contents that repeats the titles loses to the
headers that have text under them.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .headerscore import AGENDA_SENTENCE, LINK, shape_features, weighted
from .journal import JOURNAL, JOURNAL_LINE, find_journal
from .lines import Line
from .vocabulary import (
    is_attachment_heading,
    is_decision_heading,
    is_section_heading,
)

NUM = r"(?P<num>\d{1,4}(?:\.\d{1,3})?(?:\.?[a-z](?![a-zæøå]))?)"
PREFIXED = re.compile(rf"^(?:punkt|pkt\.?|item|agenda item|dagsordenspunkt|dagsordenpunkt|sag|minute|ad"
                      rf"|nr\.)\s*"
                      rf"(?:nr\.?\s*)?{NUM}\s*(?:[:.)\-–]\s*|\s+|$)(?P<title>.*)$", re.IGNORECASE)
PLAIN = re.compile(rf"^{NUM}(?:[.)]\s*|\s+[-–]\s+|\s+)(?P<title>\S.*)$")  # '3. T', '3) T', '3 - T'
NUMBER_ONLY = re.compile(rf"^{NUM}[.)]?(?P<title>)$")
GLUED = re.compile(r"^(?P<num>\d{1,4})(?P<title>[A-ZÆØÅ][a-zæøåé]{2,}.*)$")
BULLET = re.compile(r"^(?:[•·▪◦●*–-]\s*)+")
BOLD = re.compile(r"\*\*|__")
# A minute's reference before its number: 'C048/23      1.  APOLOGIES FOR ABSENCE'.
LEADING_REF = re.compile(rf"^(?P<ref>{JOURNAL})\s{{2,}}(?=\d)")
# '21 Feb 2018 - 18:00': a date, not item 21.
DATE_START = re.compile(r"^\d{1,2}\.?\s+(?:jan|feb|mar|apr|maj|may|jun|jul|aug|sep|okt|oct|nov|dec)[a-z]*\.?"
                        r"\s+\d{4}\b", re.IGNORECASE)
# 'Apologies - Ref 24/104: Councillors P Wilks ...': the title, the minute's reference, and the
# item's text on the same line.
REF_AFTER = re.compile(r"^(?P<title>\S.*?)\s+[-–]\s+(?P<ref>[^\W\d][\w.]{0,15}\s*\S+?)\s*:"
                       r"(?:\s+(?P<rest>.*)|$)")
# 'To accept Apologies ... s85(1).   There were no apologies.': a sentence, a wide gap, the text.
SENTENCE_GAP = re.compile(r"^(?P<title>\S.*?[.!?])\s{2,}(?P<rest>[A-ZÆØÅ\d].*)$")
# 'Minute 6 [Appointment of Chair]': a reference to another meeting's minute, as ModernGov pages
# list them, never an item's own header. A Markdown link '[Title](https://...)' is a title.
REFERENCE = re.compile(r"^\[[^\]]*\](?!\()")
# 'Anden budgetopfølgning Økonomiudvalget den 21. marts 2006, pkt. 4 ...': where the item was
# treated before, as Danish minutes list it under the title; a flattened PDF runs it on.
TREATED = re.compile(r"\s(?=[A-ZÆØÅ][a-zæøå-]+(?:udvalget|udvalgets møde|bestyrelsen|bestyrelsens møde|"
                     r"rådet|rådets møde)\s+(?:den\s+)?\d{1,2}\.\s*[a-zæøå]+\s+\d{4},?\s+(?:pkt|punkt)\b)")
# 'Forslag fra Henrik Vestergaard: Én by Én strategi. Så vender vi ...': a title, then the text.
FIRST_SENTENCE = re.compile(r"^(?P<title>[^.!?]{3,150}[.!?])\s+(?P<rest>[A-ZÆØÅ].{100,})$")
LETTERED_AFTER = re.compile(r"\s(?=\(?a\)\s+[A-ZÆØÅ])")  # '... a) Der afholdes': the first lettered point
ABBREVIATION_END = re.compile(r"\b(?:nr|pkt|jf|bl\.a|ca|vedr|inkl|st|[A-ZÆØÅa-zæøå])\.$")
# 'BR 551/06. Tillæg nr. 1 ...': the case number written between the item's number and title.
CASE_FIRST = re.compile(r"^(?P<ref>[A-ZÆØÅ]{1,5}\s?\d{1,6}/\d{2,4})\.?\s+(?=\S)")
FIRST_LETTERED = re.compile(r"^\(?a[.)]\s+\S")  # 'a. Members may ...', '(a) ...': the first sub-item
MAX_TITLE = 400  # longer is a paragraph, even where minutes write the agenda's whole sentence
MIN_CHAIN = 0  # measured by bench/importfit.py: a chain scoring less is a list or a stray number
MAX_GAP = 6  # published minutes leave out closed items' numbers; more than this is not a chain


@dataclass(frozen=True)
class Header:
    """A line that may be an item's header: its index in the lines, number and title as written."""

    index: int
    number: str
    title: str
    score: int
    opens_body: bool = False  # the line is the item's own first line (a case number), not a header
    journal: str | None = None  # a case number or minute reference written before the number
    below: int = 0  # lines after the header's own that belong to it ('Spørgetid' / 'Sag nr. 129')
    rest: str = ""  # the item's first text, written on the header's line after the title

    @property
    def key(self) -> tuple[int | str, ...]:
        return number_key(self.number)


def number_key(number: str) -> tuple[int | str, ...]:
    """'4.01' -> (4, 1), '1.a' -> (1, 'a'), '31' -> (31,)."""
    parts = re.findall(r"\d+|[a-z]", number)
    return tuple(int(p) if p.isdigit() else p for p in parts)


def clean(text: str) -> str:
    return BOLD.sub("", text).strip()


def candidate(lines: list[Line], index: int) -> Header | None:
    """The line at `index` as a header candidate, or None if it has no header shape."""
    line = lines[index]
    text = clean(line.text)
    bulleted = bool(BULLET.match(text))
    text = BULLET.sub("", text)
    ref = LEADING_REF.match(text)
    text = text[ref.end():] if ref else text
    if DATE_START.match(text) or (journal := find_journal(text)) and JOURNAL_LINE.match(journal):
        return None  # a date, or a case number ('Sag 306-2009-600'), not an item
    prefixed = PREFIXED.match(text)
    found = prefixed or PLAIN.match(text) or GLUED.match(text) or NUMBER_ONLY.match(text)
    if not found:
        return None
    title, journal, rest = run_on(found["title"].strip(), long_line=len(text) > 250,
                                  prefixed=bool(prefixed))
    if (first := CASE_FIRST.match(title)) and find_journal(first["ref"]):
        title, journal = title[first.end():], journal or first["ref"]  # 'Nr. 27  BR 551/06. Title'
    if too_long(text, title, rest) or REFERENCE.match(title):
        return None
    if not title and not (prefixed or line.heading or bulleted or re.fullmatch(r"\d{1,4}[.)]", text)):
        return None
    features = shape_features(title, line, bool(prefixed), bulleted, bool(rest))
    features.update(context_features(lines, index, found["num"]))
    score = weighted(features)
    return Header(index, found["num"], title, score, journal=ref["ref"] if ref else journal, rest=rest)


def too_long(text: str, title: str, rest: str) -> bool:
    """A long numbered line is a paragraph, unless it states the agenda's task ('To discuss and
    resolve ...') or goes on with the item's text after its title: minutes written one item a
    paragraph ('3. Public Bodies ... be excluded.  It was resolved ...')."""
    if len(title) > MAX_TITLE:
        return True
    return len(text) > 250 and not rest and not AGENDA_SENTENCE.match(title)


def run_on(title: str, long_line: bool = False, prefixed: bool = False) -> tuple[str, str | None, str]:
    """A header line that goes on after its title, as minutes written one item a paragraph do:
    the title, the reference written after it ('Introduction – Ref 24/105: The Chair ...'), and
    the item's text. The reference is kept as written, label and all. A long line under an
    explicit header ('Sag 6: Title. Så vender vi ...'), as a flattened PDF runs them on, ends its
    title at the first sentence; any long header line ends it before its first lettered point
    ('1. Meddelelser a) Der afholdes ...')."""
    if (found := REF_AFTER.match(title)) and find_journal(found["ref"]):
        return found["title"], found["ref"], (found["rest"] or "").strip()
    if found := SENTENCE_GAP.match(title):
        return found["title"], None, found["rest"].strip()
    if found := TREATED.search(title):
        return title[:found.start()].rstrip(" ,.-–"), None, title[found.start():].strip()
    if long_line and (found := LETTERED_AFTER.search(title)):
        return title[:found.start()], None, title[found.start():].strip()
    if long_line and prefixed and (found := FIRST_SENTENCE.match(title)) \
            and not ABBREVIATION_END.search(found["title"]):
        return found["title"].rstrip("."), None, found["rest"].strip()
    return title, None, ""


def opens_its_subitems(lines: list[Line], index: int, number: str) -> bool:
    """'67. Planning' over '67.1 ...', or '2. Declarations of Interests:' over 'a. Members ...'."""
    following = next_text(lines, index)
    after = clean(following.text) if following else ""
    return after.startswith(f"{number.rstrip('.')}.") and bool(re.match(r"^\d+\.\d", after)) \
        or bool(FIRST_LETTERED.match(after))


def context_features(lines: list[Line], index: int, number: str) -> dict[str, int]:
    """Headers stand apart: a blank line before, and a case number or a heading after."""
    following = next_text(lines, index)
    after = following.text if following else ""
    return {
        "blank_before": int(index == 0 or lines[index - 1].blank),
        "heading_after": int(bool(after) and bool(find_journal(after) or is_section_heading(after)
                                                   or is_decision_heading(after)
                                                   or is_attachment_heading(after))),
        "header_after": int(following is not None and following.index_gap <= 2 and bool(
            PLAIN.match(BULLET.sub("", clean(after))) or PREFIXED.match(clean(after)))),
        "parent": int(opens_its_subitems(lines, index, number)),
    }


@dataclass(frozen=True)
class Following:
    text: str
    index_gap: int


def next_text(lines: list[Line], index: int) -> Following | None:
    for j in range(index + 1, min(index + 6, len(lines))):
        if not lines[j].blank:
            return Following(lines[j].text, j - index)
    return None


def follows(before: tuple[int | str, ...], after: tuple[int | str, ...]) -> int | None:
    """How many numbers were skipped from `before` to `after` (0 = the next one), or None."""
    if len(after) == len(before) and before[:-1] == after[:-1]:
        return step(before[-1], after[-1])
    if len(after) == len(before) + 1 and after[:-1] == before:
        return step_from_start(after[-1])  # 4 -> 4.01, 1 -> 1.a
    if len(after) < len(before) and isinstance(after[0], int) and isinstance(before[0], int) \
            and all(step_from_start(p) == 0 for p in after[1:]):
        return step(before[0], after[0])  # 4.03 -> 5, 1.c -> 2
    if len(after) == len(before) and len(after) > 1 and isinstance(after[0], int) \
            and isinstance(before[0], int) and step_from_start(after[-1]) == 0:
        return step(before[0], after[0])  # 4.03 -> 5.01
    return None


def step(a: int | str, b: int | str) -> int | None:
    if isinstance(a, int) and isinstance(b, int):
        gap = b - a - 1
    elif isinstance(a, str) and isinstance(b, str):
        gap = ord(b) - ord(a) - 1
    else:
        return None
    return gap if 0 <= gap <= MAX_GAP else None


def step_from_start(part: int | str) -> int | None:
    gap = part - 1 if isinstance(part, int) else ord(part) - ord("a")
    return gap if 0 <= gap <= MAX_GAP else None


def find_headers(lines: list[Line], skip: frozenset[int] = frozenset()) -> list[Header]:
    """The item headers: the best-scoring chain of candidates whose numbers follow each other, or,
    in minutes that number no items, the case numbers that open them; never a line in `skip`."""
    chain = numbered_headers(lines, skip)
    by_case = [h for h in case_headers(lines) if h.index not in skip]
    return by_case if len(by_case) >= 2 and len(by_case) > len(chain) else chain


def case_headers(lines: list[Line]) -> list[Header]:
    """Items known only by a case number ('## 24/1187' over 'Sagsfremstilling'), numbered by place."""
    found = [i for i, line in enumerate(lines) if opens_case(lines, i)]
    return [Header(i, str(n), "", 0, opens_body=True) for n, i in enumerate(found, 1)]


def opens_case(lines: list[Line], index: int) -> bool:
    """A line that is only a case number, set apart as a heading or followed by a section heading."""
    line = lines[index]
    journal = find_journal(line.text)
    if line.blank or not journal or not JOURNAL_LINE.match(journal):
        return False  # a case number alone, not 'Sag nr. 1: Titel'
    following = next_text(lines, index)
    return bool(line.heading) or following is not None and following.index_gap <= 2 and (
        is_section_heading(following.text) or is_decision_heading(following.text))


def numbered_headers(lines: list[Line], skip: frozenset[int] = frozenset()) -> list[Header]:
    """The best-scoring chain of header candidates whose numbers follow each other."""
    candidates = [c for i in range(len(lines)) if i not in skip and (c := candidate(lines, i)) is not None]
    best: list[tuple[int, int]] = []  # per candidate: (chain score ending here, previous or -1)
    by_key: dict[tuple[int | str, ...], list[int]] = {}
    for i, cand in enumerate(candidates):
        best.append(best_link(i, cand, candidates, best, by_key))
        by_key.setdefault(cand.key, []).append(i)
    if not best:
        return []
    end = max(range(len(best)), key=lambda i: (best[i][0], -i))
    if best[end][0] < MIN_CHAIN:
        return []
    chain = []
    while end >= 0:
        chain.append(candidates[end])
        end = best[end][1]
    return chain[::-1]


def best_link(i: int, cand: Header, candidates: list[Header], best: list[tuple[int, int]],
              by_key: dict[tuple[int | str, ...], list[int]]) -> tuple[int, int]:
    """The best chain ending in candidate i: its own score plus the best chain it can follow."""
    top = (cand.score, -1)
    for key, indexes in by_key.items():
        gap = follows(key, cand.key)
        if gap is None:
            continue
        for j in indexes:
            total = best[j][0] + cand.score - gap + (LINK if gap == 0 else 0)
            if total > top[0]:
                top = (total, j)
    return top
