"""How much a header-shaped line looks like an item's header: features of the line, one scorer.

Each feature is a fact about the line or its neighbours (0 or 1); the score is the weighted sum.
The weights are data: `bench/importfit.py` measures, on the real corpus, the checks right for
each weight moved up or down, so a weight is kept where the corpus prefers it, not by hand.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping

from .lines import Line
from .vocabulary import CLOSED

Features = dict[str, int]

WEIGHTS: dict[str, int] = {
    "prefixed": 3,  # 'Punkt 31', 'Pkt. 42', 'Item 4'
    "marked_heading": 3,  # the source marks the line as a heading (HTML h1-h6, Markdown #, bold)
    "bulleted": 1,  # '• 209. Titel'
    "lower_case_title": -3,
    "recommendation": -3,  # '1. At dagsorden godkendes': a recommendation's list, not an item
    "long_title": -3,  # over 150 characters: a paragraph
    "open_ending": -2,  # ends in ':', ',' or ';'
    "closed_marker": 1,
    "capitals": 2,  # 'ELECTION OF CHAIR': English minutes write item titles in capitals
    "odd_start": -3,  # '[Appointment of ...]', '(a) ...': a reference or a list's line
    "blank_before": 1,
    "heading_after": 2,  # a case number or a section heading follows
    "header_after": -1,  # a header right under a header: a table of contents, or a list
    "parent": 2,  # '67. Planning' right above '67.1 ...' or 'a. ...'
    "agenda_sentence": 3,  # 'To accept Apologies ...': English agendas phrase an item as its task
    "runs_on": 2,  # the item's text goes on after the title on the line ('Title.   It was resolved')
}
LINK = 1  # each step of a chain whose numbers follow each other without a gap


AGENDA_SENTENCE = re.compile(r"^To\s+(?:[a-z]+\s+)?(?:and\s+[a-z]+\s+)?[a-z]+\b")  # 'To discuss and resolve'


def shape_features(title: str, line: Line, prefixed: bool, bulleted: bool,
                   runs_on: bool = False) -> Features:
    letters = re.sub(r"[^A-Za-zÆØÅæøå]", "", title)
    return {
        "prefixed": int(prefixed),
        "marked_heading": int(line.heading > 0),
        "bulleted": int(bulleted),
        "lower_case_title": int(title[:1].islower()),
        "recommendation": int(bool(re.match(r"^(?:at|that)\s", title, re.IGNORECASE))),
        "long_title": int(len(title) > 150),
        "open_ending": int(title.endswith((":", ",", ";"))),
        "closed_marker": int(bool(CLOSED.search(title))),
        "capitals": int(len(letters) >= 4 and letters.isupper()),
        "odd_start": int(bool(re.match(r"^[\[(]", title))),
        "agenda_sentence": int(bool(AGENDA_SENTENCE.match(title))),
        "runs_on": int(runs_on),
    }


def weighted(features: Mapping[str, int], weights: Mapping[str, int] | None = None) -> int:
    use = WEIGHTS if weights is None else weights
    return sum(use[name] * value for name, value in features.items())


Scorer = Callable[[Mapping[str, int]], int]
