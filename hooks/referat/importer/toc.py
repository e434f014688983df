"""A table of contents: the list of the meeting's items before the first item's text.

A table of contents names every item of the meeting, also those whose text the source leaves out
(an excerpt, a published agenda whose closed items have no text, a page whose items fold out) and
it often marks the closed ones ('103. Lukket sag: Tandpleje', 'LUKKET PUNKT - Redegørelse'). So
its entries are items too: an entry whose item has a header later gets the entry's closed marker,
and an entry without one becomes an item with its title only.

An entry is a line with an item header's shape; a table of contents is a run of at least three
such lines, next to each other (a blank line between them at most), whose numbers follow each
other, and which starts before the first item header outside it. A numbered list in an item's
text comes after that item's header, so it is never taken for one.
"""

from __future__ import annotations

from dataclasses import dataclass

from .headers import Header, candidate, follows
from .lines import Line

MIN_ENTRIES = 3
MAX_BLANKS = 1  # blank lines between two entries of one table


@dataclass(frozen=True)
class Contents:
    """The table of contents found, if any: its entries, and the line indexes it spans."""

    entries: tuple[Header, ...] = ()

    @property
    def indexes(self) -> set[int]:
        return {entry.index for entry in self.entries}


def find_contents(lines: list[Line], headers: list[Header]) -> Contents:
    """The longest run of entries that starts before the first header outside it."""
    runs = entry_runs(lines)
    for run in sorted(runs, key=len, reverse=True):
        inside = {entry.index for entry in run}
        body = [h for h in headers if h.index not in inside]
        if not body or run[0].index < body[0].index:
            return Contents(tuple(run))
    return Contents()


def entry_runs(lines: list[Line]) -> list[list[Header]]:
    """Runs of at least MIN_ENTRIES header-shaped lines next to each other, numbered in order."""
    runs: list[list[Header]] = []
    run: list[Header] = []
    blanks = 0
    for index, line in enumerate(lines):
        if line.blank:
            blanks += 1
            continue
        entry = candidate(lines, index)
        joined = entry is not None and bool(run) and blanks <= MAX_BLANKS \
            and follows(run[-1].key, entry.key) is not None
        if entry is not None and is_entry(entry) and (joined or not run):
            run.append(entry)
        else:
            runs.append(run)
            run = [entry] if entry is not None and is_entry(entry) else []
        blanks = 0
    runs.append(run)
    return [r for r in runs if len(r) >= MIN_ENTRIES]


def is_entry(entry: Header) -> bool:
    """An entry has a title that reads as one: not lower case, not a recommendation's 'at ...'.
    A header whose line goes on with the item's text ('2. Introduction – Ref 24/105: The Chair
    welcomed ...') is the item itself, written one item a paragraph, never an entry: taken for
    one, the items' text would be dropped as a table of contents."""
    title = entry.title.strip()
    return bool(title) and not entry.rest and not title[:1].islower() \
        and not title.lower().startswith(("at ", "that "))
