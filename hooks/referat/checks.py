"""Rules that span fields of one meeting: numbers, closed items, times. Pure: no file access."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping

from .decisions import check_decisions
from .model import Item, Meeting
from .problems import Problem
from .slugs import slugify


def check_meeting(meeting: Meeting, lines: Mapping[str, int]) -> list[Problem]:
    """Problems of a meeting as a whole; `lines` gives the line of each field by its place."""
    return [*_check_times(meeting, lines), *_check_next(meeting, lines),
            *_check_numbers(meeting), *_check_closed(meeting, lines), *_check_unplaced(meeting, lines),
            *check_decisions(meeting, lines)]


def _check_times(meeting: Meeting, lines: Mapping[str, int], where: str = "",
                 start: dt.time | None = None, end: dt.time | None = None) -> list[Problem]:
    start, end = (start, end) if where else (meeting.start, meeting.end)
    field = f"{where}.end" if where else "end"
    if start and end and end <= start:
        return [Problem(meeting.source, lines.get(field, 1), field, f"{end:%H:%M} is not after "
                        f"the start {start:%H:%M}; correct one of them")]
    return []


def _check_next(meeting: Meeting, lines: Mapping[str, int]) -> list[Problem]:
    announced = meeting.next_meeting
    if announced is None:
        return []
    problems = _check_times(meeting, lines, "next_meeting", announced.start, announced.end)
    if meeting.date != dt.date.min and announced.date <= meeting.date:
        problems.append(Problem(meeting.source, lines.get("next_meeting.date", 1),
                                "next_meeting.date", f"{announced.date} is not after the meeting's "
                                f"date {meeting.date}; correct one of them"))
    return problems


def _check_numbers(meeting: Meeting) -> list[Problem]:
    problems = []
    seen: dict[str, Item] = {}
    for item in meeting.items:
        key = slugify(item.number)
        if key in seen:
            first = seen[key]
            same = "is" if first.number == item.number else f"gives the same address as {first.number}"
            problems.append(Problem(meeting.source, item.line, f"{item.where}.number",
                                    f"{item.number} {same} on line {first.line} ({first.where}); "
                                    "every item in a meeting needs its own number"))
        else:
            seen[key] = item
    return problems


def _check_closed(meeting: Meeting, lines: Mapping[str, int]) -> list[Problem]:
    problems = []
    for item in meeting.items:
        if not item.closed:
            continue
        for key, present in (("sections", item.sections), ("attachments", item.attachments)):
            if present:
                field = f"{item.where}.{key}"
                problems.append(Problem(meeting.source, lines.get(field, item.line), field,
                                        "a closed item publishes only its title and decision, and "
                                        "the repository may be public; remove the "
                                        f"{key} from this file"))
        facts: tuple[tuple[str, object], ...] = (("journal", item.journal), ("topics", item.topics))
        for key, fact in facts:
            if fact:
                field = f"{item.where}.{key}"
                problems.append(Problem(meeting.source, lines.get(field, item.line), field,
                                        CLOSED_FACTS.format(key=key), "warning"))
    return problems


def _check_unplaced(meeting: Meeting, lines: Mapping[str, int]) -> list[Problem]:
    """Text an import could not place is unreviewed: a warning, so --strict fails on it."""
    if not meeting.unplaced:
        return []
    first = meeting.unplaced[0].line
    where = f" (the first from the source's line {first})" if first else ""
    return [Problem(meeting.source, lines.get("unplaced", 1), "unplaced",
                    f"{len(meeting.unplaced)} lines from the imported source are not placed{where}; "
                    "move each to its field or delete it, then delete 'unplaced'", "warning")]


# A closed item's journal number and topics stay in its file, for the record, and are published
# nowhere: on the case's page or a topic's page they would tie the closed treatment to the case's
# public history, which can tell who it is about. The decision alone is what must be published.
CLOSED_FACTS = ("a closed item's {key} is not published anywhere (it would link the closed "
                "treatment to the case's public pages); it stays in this file only, so remove it "
                "if the repository is public and it may identify someone")
