"""The record of a council: bodies, meetings, items. Plain typed records; nothing here reads files."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from typing import Literal

# The words a meeting file uses, defined once: the schema, the JSON Schema and the format page list
# them from here, and mypy rejects a comparison with a word that is not one of them.
Status = Literal["held", "planned", "cancelled"]  # minutes | agenda only | called off
Attendance = Literal["present", "absent", "excused", "substitute"]


@dataclass(frozen=True)
class Body:
    """A council, committee or board whose meetings are published (meetings/<slug>/body.yml)."""

    slug: str
    name: str
    organisation: str | None = None
    description: str | None = None


@dataclass(frozen=True)
class Participant:
    """A person at (or missing from) a meeting."""

    name: str
    party: str | None = None
    role: str | None = None
    attendance: Attendance = "present"
    substitute_for: str | None = None


@dataclass(frozen=True)
class Attachment:
    """A bilag: a file beside the meeting file, a URL, or only a title."""

    title: str
    file: str | None = None
    url: str | None = None


@dataclass(frozen=True)
class Item:
    """An agenda item (punkt) and what was decided."""

    number: str
    title: str
    journal: str | None = None
    topics: tuple[str, ...] = ()
    closed: bool = False
    sections: dict[str, str] = field(default_factory=dict)
    decision: str | None = None
    attachments: tuple[Attachment, ...] = ()
    line: int = 0  # where the item starts in its file, for problems
    where: str = ""  # its place in the file, e.g. items[3], for problems


@dataclass(frozen=True)
class NextMeeting:
    """When and where the body meets next, as announced in the minutes."""

    date: dt.date
    start: dt.time | None = None
    end: dt.time | None = None
    location: str | None = None
    note: str | None = None


@dataclass(frozen=True)
class Unplaced:
    """A line of an imported source that the importer could not place: shown on no page, a
    warning until someone moves it to its field or deletes it."""

    text: str
    line: str | None = None


@dataclass(frozen=True)
class Meeting:
    """One meeting of one body: one YAML file."""

    body: Body
    slug: str
    source: str
    date: dt.date
    items: tuple[Item, ...] = ()
    start: dt.time | None = None
    end: dt.time | None = None
    location: str | None = None
    status: Status = "held"
    minute_taker: str | None = None
    participants: tuple[Participant, ...] = ()
    next_meeting: NextMeeting | None = None
    unplaced: tuple[Unplaced, ...] = ()

    @property
    def sort_key(self) -> tuple[dt.date, dt.time, str, str]:
        return (self.date, self.start or dt.time(0), self.body.slug, self.slug)


@dataclass(frozen=True)
class Treatment:
    """One item in the meeting that treated it: the unit of indexes and histories."""

    meeting: Meeting
    item: Item


KLE_SHAPE = re.compile(r"^(\d\d\.\d\d\.\d\d)-([A-Z]\d\d)-(\d+)-(\d\d)$")


@dataclass(frozen=True)
class Journal:
    """A case (sag) number, kept exactly as written; only the KLE shape is decomposed."""

    raw: str

    @property
    def kle(self) -> tuple[str, str, str, str] | None:
        """(emne, handlingsfacet, sequence, two-digit year) for KLE-shaped numbers, else None."""
        match = KLE_SHAPE.match(self.raw.strip())
        if match is None:
            return None
        emne, facet, sequence, year = match.groups()  # the pattern has exactly these four groups
        return emne, facet, sequence, year


@dataclass(frozen=True)
class Archive:
    """Everything loaded from a meetings folder."""

    bodies: tuple[Body, ...]
    meetings: tuple[Meeting, ...]

    def treatments(self) -> list[Treatment]:
        """Every item with its meeting, oldest meeting first."""
        return [Treatment(m, i) for m in sorted(self.meetings, key=lambda m: m.sort_key) for i in m.items]
