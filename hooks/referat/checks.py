"""Rules that span fields of one meeting: numbers, closed items, times. Pure: no file access."""

from __future__ import annotations

from .model import Item, Meeting
from .problems import Problem
from .slugs import slugify


def check_meeting(meeting: Meeting, line: int) -> list[Problem]:
    """Problems of a meeting as a whole; `line` is where the meeting's mapping starts."""
    return [*_check_times(meeting, line), *_check_numbers(meeting), *_check_closed(meeting)]


def _check_times(meeting: Meeting, line: int) -> list[Problem]:
    if meeting.start and meeting.end and meeting.end <= meeting.start:
        return [Problem(meeting.source, line, "end", f"{meeting.end:%H:%M} is not after the start "
                        f"{meeting.start:%H:%M}; correct one of them")]
    return []


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


def _check_closed(meeting: Meeting) -> list[Problem]:
    problems = []
    for item in meeting.items:
        if not item.closed:
            continue
        for key, present in (("sections", item.sections), ("attachments", item.attachments)):
            if present:
                problems.append(Problem(meeting.source, item.line, f"{item.where}.{key}",
                                        "a closed item publishes only its title and decision, and "
                                        "the repository may be public; remove the "
                                        f"{key} from this file"))
    return problems
