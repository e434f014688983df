"""Text flattened out of a PDF: a page's lines run together into one long line.

Document-sharing sites and some exports give a page of minutes as one line ("... Kommunalbestyrelsen
Referat 1. Meddelelser a) Der afholdes ... ØKONOMIUDVALGET 2. Anden egentlige budgetopfølgning
..."). The item headers are still there, as numbers that follow each other, each before a capital
letter. A long line with two or more of them is split before each, so the later stages see the
headers at the start of a line, as in any other source. Nothing else of the line changes.
"""

from __future__ import annotations

import re

from .lines import Line

LONG = 200  # characters: a line this long that holds several headers is a flattened page
MARK = re.compile(r"(?:^|(?<=\s))(?:Punkt\s+|Pkt\.\s*|Item\s+|Sag\s+)?(?P<num>\d{1,4})[.:]\s+(?=[A-ZÆØÅ\"“])")
MAX_STEP = 2  # a number may skip one (an item left out of a published text)
REFERENCE = re.compile(r"\b(?:punkt|pkt\.?|nr\.?|under|den|d\.)\s*$")  # 'under punkt 29.': prose
PAGE = re.compile(r"^(?P<page>\d{1,3})\s+(?=[^\d\s.])")  # '2 Indholdsfortegnelse ...': the page's number


def split_flattened(lines: list[Line]) -> list[Line]:
    """Every line, long flattened ones split before the item headers they hold. On pages that
    start with their page's number, the headers' numbers follow each other across the pages, so
    the run is sought over all of them: a page that ends with '1. Meddelelser' has its header
    when item 2's is on the next page. Any other long line needs two headers of its own."""
    paged, pages = numbered_pages(lines)
    run = header_cuts([line.text if i in pages else "" for i, line in enumerate(paged)])
    cuts = run if sum(len(at) for at in run.values()) >= 2 else {}
    for i, line in enumerate(paged):
        if i not in pages and len(line.text) >= LONG and len(own := header_cuts([line.text]).get(0, [])) >= 2:
            cuts[i] = own
    return [piece for i, line in enumerate(paged) for piece in pieces(line, cuts.get(i, []))]


def numbered_pages(lines: list[Line]) -> tuple[list[Line], set[int]]:
    """The lines with each flattened page's number on a line of its own, not an item's number,
    and the indexes of the pages' text. The next page's number goes on the sequence though its
    page is short (the last one of an excerpt)."""
    paged: list[Line] = []
    pages: set[int] = set()
    last = 0
    for line in lines:
        page = PAGE.match(line.text)
        if page and (len(line.text) >= LONG or pages and int(page["page"]) == last + 1):
            last = int(page["page"])
            paged.append(line.with_text(page["page"]))
            line = line.with_text(line.text[page.end():])
            pages.add(len(paged))
        paged.append(line)
    return paged, pages


def pieces(line: Line, at: list[int]) -> list[Line]:
    """The line cut at the given places, or whole."""
    if not at:
        return [line]
    starts = [0, *at] if at[0] > 0 else at
    return [line.with_text(line.text[start:end].strip())
            for start, end in zip(starts, [*starts[1:], len(line.text)], strict=True)]


def header_cuts(texts: list[str]) -> dict[int, list[int]]:
    """Where the longest run of numbers that follow each other starts, per line and place."""
    marks = [(index, m.start(), int(m["num"])) for index, text in enumerate(texts)
             for m in MARK.finditer(text)
             if not REFERENCE.search(text[max(0, m.start() - 12):m.start()])]
    best: list[list[int]] = []  # per mark: the longest run ending there, as mark indexes
    for i, (_, _, number) in enumerate(marks):
        before = [best[j] for j in range(i) if 0 < number - marks[j][2] <= MAX_STEP]
        best.append(max(before, key=len, default=[]) + [i])
    cuts: dict[int, list[int]] = {}
    for i in max(best, key=len, default=[]):
        cuts.setdefault(marks[i][0], []).append(marks[i][1])
    return cuts
