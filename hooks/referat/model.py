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
ATTENDED: tuple[Attendance, ...] = ("present", "substitute")  # at the meeting, and so able to vote
# A vote's sides, in the order minutes give them, with the words Danish minutes use for them.
VOTE_SIDES = {"for": "For", "against": "Imod", "abstain": "Undlod"}


@dataclass(frozen=True)
class Body:
    """A council, committee or board whose meetings are published (meetings/<slug>/body.yml)."""

    slug: str
    name: str
    organisation: str | None = None
    description: str | None = None
    outcomes: tuple[str, ...] = ()  # outcomes this body uses beyond OUTCOMES
    member_pages: bool = True  # a page per member, made from the participants

    @property
    def allowed_outcomes(self) -> tuple[str, ...]:
        return (*OUTCOMES, *(o for o in self.outcomes if o not in OUTCOMES))


# The outcomes a decision may be labelled with; a body adds its own in body.yml (`outcomes`).
OUTCOMES = ("godkendt", "godkendt med ændringer", "afvist", "udsat", "taget til efterretning",
            "oversendt", "drøftet", "anbefalet", "ikke anbefalet", "tiltrådt", "besluttet",
            "trukket", "bortfaldet")


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
class VoteSide:
    """Who voted one way: party letters and/or members' names, and how many votes, if counted."""

    parties: tuple[str, ...] = ()
    names: tuple[str, ...] = ()
    count: int | None = None

    @property
    def votes(self) -> int | None:
        """The number of votes: the count, or the names when only names are given."""
        if self.count is not None:
            return self.count
        return len(self.names) if self.names and not self.parties else None


@dataclass(frozen=True)
class Votes:
    """A recorded vote on a punkt (afstemning)."""

    for_: VoteSide | None = None
    against: VoteSide | None = None
    abstain: VoteSide | None = None

    @property
    def sides(self) -> tuple[tuple[str, VoteSide], ...]:
        """The sides that were recorded, as (key in the file, side), in a fixed order."""
        named = (("for", self.for_), ("against", self.against), ("abstain", self.abstain))
        return tuple((key, side) for key, side in named if side is not None)


@dataclass(frozen=True)
class Remark:
    """A protocol remark (protokolbemærkning): who made it and what it says."""

    by: str
    text: str


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
    outcome: str | None = None
    votes: Votes | None = None
    absent_from_item: tuple[str, ...] = ()
    remarks: tuple[Remark, ...] = ()
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
    # Each meeting with a digest of what made it (its file's bytes, its path and its body), from
    # the loader, so that a cache key need not digest the meeting again. Paired with the meeting
    # itself, not its place or path: a meeting made some other way has no digest here.
    digests: tuple[tuple[Meeting, str], ...] = field(default=(), compare=False, repr=False)
    # How many files the loader parsed, not found in its cache: most of them, in a cold build.
    parsed: int = field(default=0, compare=False, repr=False)

    def treatments(self) -> list[Treatment]:
        """Every item with its meeting, oldest meeting first."""
        return [Treatment(m, i) for m in sorted(self.meetings, key=lambda m: m.sort_key) for i in m.items]
