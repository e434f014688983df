"""The authority a body belongs to ('Fjordby Kommune', 'Region Midtfjord'), for body.yml's
`organisation`: named on the letterhead, in the title, or in the running header of every page."""

from __future__ import annotations

import re

from .facts import Facts
from .furniture import RUNNING
from .lines import Dropped

NAMED = re.compile(r"\b(?P<name>(?:[A-ZÆØÅ][\w-]+\s+){1,2}(?:Kommune|Amtskommune|Regionskommune)"
                   r"|Region\s+[A-ZÆØÅ][\w-]+)\b")


def organisation_of(facts: Facts, dropped: list[Dropped]) -> str | None:
    """The letterhead's authority, else one the minutes' title or running header names, else the
    only one the page's furniture names (a site's logo or footer: 'Region Midtfjord · Damvej 4')."""
    for line in facts.letterhead:
        if text := line.text.strip().strip("*_#").strip():
            return text.title() if text.isupper() else text
    running = [d.line.text for d in dropped if d.reason == RUNNING]
    for text in [*facts.titles, *running]:
        if found := NAMED.search(text):
            return found["name"]
    named = {found["name"] for d in dropped if (found := NAMED.search(d.line.text))}
    return named.pop() if len(named) == 1 else None
