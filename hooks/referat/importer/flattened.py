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
    """Every line, long flattened ones split before the item headers they hold."""
    out: list[Line] = []
    for line in lines:
        if len(line.text) >= LONG and (page := PAGE.match(line.text)):
            out.append(line.with_text(page["page"]))  # on a line of its own, not an item's number
            line = line.with_text(line.text[page.end():])
        cuts = header_cuts(line.text) if len(line.text) >= LONG else []
        if len(cuts) < 2:
            out.append(line)
            continue
        starts = [0, *cuts] if cuts[0] > 0 else cuts
        for start, end in zip(starts, [*starts[1:], len(line.text)], strict=True):
            out.append(line.with_text(line.text[start:end].strip()))
    return out


def header_cuts(text: str) -> list[int]:
    """Where the longest run of numbers that follow each other starts, in the line."""
    marks = [(m.start(), int(m["num"])) for m in MARK.finditer(text)
             if not REFERENCE.search(text[max(0, m.start() - 12):m.start()])]
    best: list[list[int]] = []  # per mark: the longest run ending there, as mark indexes
    for i, (_, number) in enumerate(marks):
        before = [best[j] for j in range(i) if 0 < number - marks[j][1] <= MAX_STEP]
        best.append(max(before, key=len, default=[]) + [i])
    run = max(best, key=len, default=[])
    return [marks[i][0] for i in run]
