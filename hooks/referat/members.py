"""The members of a body, gathered from the participants of its held meetings. Pure: records in,
records out; render_members.py makes the pages.

Only a person listed under a held meeting's `participants` is a member here (a substitute too):
a name written in a decision or a section is never looked for, so a citizen named in a text gets
no page. A closed punkt adds nothing (not its votes, not who was absent from it): only its title
and decision are published. A vote counts for a member only where the member's name is recorded;
a vote recorded by party says nothing of how each of the party's members voted.
"""

from __future__ import annotations

import datetime as dt
import hashlib
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass

from .i18n import N_, _
from .model import ATTENDED, Body, Meeting, Participant, Treatment
from .slugs import slugify

SUBSTITUTE_ROLE = N_("stedfortræder")  # a substitute's role, whatever the file calls it
RESERVED_SLUGS = frozenset({"index"})  # the list of members takes medlemmer/index


def key(name: str) -> str:
    """A name as members are told apart: spacing does not count (the loader composes Unicode)."""
    return " ".join(name.split())


@dataclass(frozen=True)
class Seat:
    """One held meeting a member is listed at, as its participants list says."""

    meeting: Meeting
    participant: Participant

    @property
    def attended(self) -> bool:
        return self.participant.attendance in ATTENDED

    @property
    def role(self) -> str | None:
        """The role at this meeting; a substitute's is 'stedfortræder'."""
        if self.participant.attendance == "substitute":
            return _(SUBSTITUTE_ROLE)  # in the site's language: the file's own roles are its words
        return self.participant.role


@dataclass(frozen=True)
class Spell:
    """Meetings in a row with the same party and role: 'A, medlem, 2022–2025'."""

    party: str | None
    role: str | None
    first: dt.date
    last: dt.date
    meetings: int


@dataclass(frozen=True)
class Vote:
    """How a member voted on a public punkt: 'for', 'against' or 'abstain' (model.Votes' keys)."""

    treatment: Treatment
    side: str


@dataclass(frozen=True)
class Member:
    """A person listed as a participant of a body's held meetings."""

    body: Body
    name: str  # as the member's latest meeting writes it
    slug: str  # unique within the body
    seats: tuple[Seat, ...]  # oldest meeting first
    absent_from: tuple[Treatment, ...] = ()  # public punkter the member did not take part in
    votes: tuple[Vote, ...] = ()  # votes where the member's name is recorded

    @property
    def latest(self) -> Seat:
        return self.seats[-1]

    @property
    def attended(self) -> tuple[Seat, ...]:
        return tuple(s for s in self.seats if s.attended)

    @property
    def missed(self) -> tuple[Seat, ...]:
        return tuple(s for s in self.seats if not s.attended)

    @property
    def spells(self) -> tuple[Spell, ...]:
        """Parties and roles over time: a new spell wherever either changes."""
        spells: list[Spell] = []
        for seat in self.seats:
            party, day = seat.participant.party, seat.meeting.date
            last = spells[-1] if spells else None
            if last is not None and (last.party, last.role) == (party, seat.role):
                spells[-1] = Spell(party, seat.role, last.first, day, last.meetings + 1)
            else:
                spells.append(Spell(party, seat.role, day, day, 1))
        return tuple(spells)


def held(meetings: Iterable[Meeting]) -> list[Meeting]:
    """The meetings that make members: held ones (not planned, not cancelled), oldest first."""
    return sorted((m for m in meetings if m.status == "held"), key=lambda m: m.sort_key)


def latest_list(meetings: Sequence[Meeting]) -> Meeting | None:
    """The newest held meeting that lists its participants: who the members are now."""
    return next((m for m in reversed(held(meetings)) if m.participants), None)


def gather(body: Body, meetings: Iterable[Meeting]) -> list[Member]:
    """Every participant of the body's held meetings, with their seats, absences and named
    votes, in the order of their first meeting."""
    seats: dict[str, list[Seat]] = {}
    chosen = [m for m in held(meetings) if m.body.slug == body.slug]
    for meeting in chosen:
        for participant in meeting.participants:
            listed = seats.setdefault(key(participant.name), [])
            if not listed or listed[-1].meeting is not meeting:  # a name listed twice counts once
                listed.append(Seat(meeting, participant))
    slugs = member_slugs(list(seats))
    absent, votes = public_records(chosen)
    return [Member(body, listed[-1].participant.name, slugs[name], tuple(listed),
                   tuple(absent.get(name, ())), tuple(votes.get(name, ())))
            for name, listed in seats.items()]


def public_records(meetings: Iterable[Meeting]) -> tuple[dict[str, list[Treatment]],
                                                         dict[str, list[Vote]]]:
    """Who was absent from which public punkt, and who voted how by name; closed punkter are
    left out whole."""
    absent: dict[str, list[Treatment]] = {}
    votes: dict[str, list[Vote]] = {}
    for meeting in meetings:
        for item in meeting.items:
            if item.closed:
                continue
            treatment = Treatment(meeting, item)
            for name in dict.fromkeys(key(n) for n in item.absent_from_item):
                absent.setdefault(name, []).append(treatment)
            for side, recorded in item.votes.sides if item.votes else ():
                for name in dict.fromkeys(key(n) for n in recorded.names):
                    votes.setdefault(name, []).append(Vote(treatment, side))
    return absent, votes


def member_slugs(names: Sequence[str]) -> dict[str, str]:
    """An address for each name, unique within the body. A name keeps its plain slug unless an
    earlier name (in sorted order) or the list of members has it; then a short hash of the name
    is added, so the address stays the same in every build."""
    taken = set(RESERVED_SLUGS)
    result: dict[str, str] = {}
    for name in sorted(set(names)):
        slug = slugify(name)
        if slug in taken:
            digest = hashlib.sha1(name.encode()).hexdigest()
            size = 6
            while f"{slug}-{digest[:size]}" in taken:
                size += 2
            slug = f"{slug}-{digest[:size]}"
        taken.add(slug)
        result[name] = slug
    return result


def members_by_body(bodies: Iterable[Body], by_body: Mapping[str, Sequence[Meeting]],
                    site_on: bool = True) -> dict[str, list[Member]]:
    """The members of every body whose member pages are on (the site's setting and the body's
    `member_pages`), by body folder; a body without participants has none."""
    if not site_on:
        return {}
    return {body.slug: gather(body, by_body.get(body.slug, ()))
            for body in bodies if body.member_pages}
