"""Rules for what a punkt records about its decision: outcome, votes, absences and remarks.

Pure: the meeting (with its body, for the body's own outcomes) and the lines of its fields in,
problems out. A vote is checked against the meeting's participants, because a vote by someone who
was not there, or counts that cannot be, would be published as the council's record.
"""

from __future__ import annotations

from collections.abc import Mapping

from .model import ATTENDED, Item, Meeting, Participant, VoteSide
from .problems import Level, Problem, closest


def check_decisions(meeting: Meeting, lines: Mapping[str, int]) -> list[Problem]:
    """Problems of every punkt's outcome, votes, absences and remarks."""
    return [p for item in meeting.items for p in Punkt(meeting, item, lines).problems()]


class Punkt:
    """One punkt being checked; `say` adds a problem at the line of the field it names."""

    def __init__(self, meeting: Meeting, item: Item, lines: Mapping[str, int]) -> None:
        self.meeting, self.item, self.lines = meeting, item, lines
        self.found: list[Problem] = []

    def say(self, field: str, message: str, severity: Level = "error") -> None:
        where = f"{self.item.where}.{field}"
        at = self.lines.get(where, self.lines.get(where.rsplit(".", 1)[0], self.item.line))
        self.found.append(Problem(self.meeting.source, at, where, message, severity))

    def problems(self) -> list[Problem]:
        self.check_outcome()
        if self.item.closed:
            self.check_closed()
            return self.found
        taking_part = self.check_absent()
        self.check_votes(taking_part)
        self.check_remarks()
        return self.found

    def check_outcome(self) -> None:
        outcome, allowed = self.item.outcome, self.meeting.body.allowed_outcomes
        if outcome is None or outcome in allowed:
            return
        close = closest(outcome.lower(), allowed)
        hint = f"did you mean '{close}'? " if close else ""
        self.say("outcome", f"'{outcome}' is not an outcome; {hint}use one of "
                 f"{', '.join(allowed)}, or add it to 'outcomes' in the body's body.yml")

    def check_closed(self) -> None:
        item = self.item
        for key, present in (("votes", item.votes), ("absent_from_item", item.absent_from_item),
                             ("remarks", item.remarks)):
            if present:
                self.say(key, f"a closed item publishes only its title and decision; remove the "
                         f"{key} from this file, or write what may be published in the decision")
        if item.outcome:
            self.say("outcome", "a closed item's outcome is not published (only its title and "
                     "decision are); it stays in this file only", "warning")

    def check_absent(self) -> list[Participant]:
        """Report absences of people not at the meeting; the participants who took part."""
        named = {p.name for p in self.meeting.participants}
        for name in self.item.absent_from_item:
            if name not in named:
                self.say("absent_from_item", f"'{name}' is not among the meeting's participants; "
                         "write the name as under participants, or add the person there")
        return [p for p in self.meeting.participants if p.attendance in ATTENDED
                and p.name not in self.item.absent_from_item]

    def check_votes(self, taking_part: list[Participant]) -> None:
        votes = self.item.votes
        if votes is None:
            return
        if not self.meeting.participants:
            self.say("votes", "the meeting lists no participants, so the votes cannot be checked; "
                     "add 'participants' with each member's name and party")
            return
        cast: dict[str, str] = {}
        for key, side in votes.sides:
            self.check_side(key, side, taking_part, cast)
        total = sum(side.votes or 0 for _, side in votes.sides)
        if total > len(taking_part):
            self.say("votes", f"{total} votes are recorded, but only {len(taking_part)} "
                     "participants took part in this item; correct the counts or the participants")

    def check_side(self, key: str, side: VoteSide, taking_part: list[Participant],
                   cast: dict[str, str]) -> None:
        parties = {p.party for p in self.meeting.participants if p.party}
        for party in side.parties:
            if party not in parties:
                self.say(f"votes.{key}.parties", f"party '{party}' has no participant in this "
                         f"meeting (parties there: {', '.join(sorted(parties)) or 'none'}); "
                         "correct the letter, or give the member's party under participants")
        present = {p.name for p in taking_part}
        for name in side.names:
            if name not in present:
                self.say(f"votes.{key}.names", f"'{name}' did not take part in this item (not a "
                         "participant who was present, or absent from the item); correct the name")
            elif name in cast:
                self.say(f"votes.{key}.names", f"'{name}' also voted '{cast[name]}'; a member "
                         "votes once")
            cast.setdefault(name, key)
        self.check_count(key, side, taking_part)

    def check_count(self, key: str, side: VoteSide, taking_part: list[Participant]) -> None:
        if side.count is None:
            return
        if side.count < len(side.names):
            self.say(f"votes.{key}.count", f"{side.count} is fewer than the {len(side.names)} "
                     "names given; correct the count or the names")
        able = [p for p in taking_part if p.party in side.parties or p.name in side.names]
        if side.parties and side.count > len(able):
            self.say(f"votes.{key}.count", f"{side.count} votes, but {', '.join(side.parties)} "
                     f"and the names given have only {len(able)} participants taking part; "
                     "correct the count, the parties or the participants")

    def check_remarks(self) -> None:
        who = {p.name for p in self.meeting.participants} | {
            p.party for p in self.meeting.participants if p.party}
        for i, remark in enumerate(self.item.remarks, 1):
            if remark.by not in who:
                self.say(f"remarks[{i}].by", f"'{remark.by}' is neither a participant's name nor "
                         "a participant's party in this meeting; write it as under participants")
