"""Reads votes, outcome, absences and protocol remarks from a decision's words.

The decision's text is never changed: this only proposes the new fields, and only when the
meeting's participants confirm every party letter and name; anything unsure becomes a line for
"check by hand" instead of a guess (referat check rejects votes by non-participants, and counts
that cannot be). The written forms are read in voteforms.py (votes), outcomes.py and itemnotes.py
(absences, remarks, reservations); the participants are looked up in roster.py.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from .itemnotes import absent, remarks, reservations
from .outcomes import outcome
from .roster import Roster, bare_name
from .voteforms import Side, Votes, blocs, named, roll, tally

Record = dict[str, Any]
CARRIED = {"godkendt": True, "tiltrådt": True, "anbefalet": True, "afvist": False}
# A vote is mentioned, so one that is not read must be named under "check by hand".
MENTIONED = re.compile(r"\bstemte\b|\bafstemning\b|\bstemmer\b|\bvoted\b|\brecorded vote\b", re.IGNORECASE)


@dataclass
class Reading:
    """The fields read from one decision, and what a person must check."""

    fields: dict[str, object] = field(default_factory=dict)
    checks: list[str] = field(default_factory=list)


def read(text: str, participants: list[dict[str, Any]]) -> Reading:
    """The new fields of one decision, given the meeting's participants (name, party)."""
    out = Reading()
    roster = Roster.of(participants)
    value, why = outcome(text)
    out.checks += [why] if why else []
    away = absent(text, roster, out.checks)
    reservations(text, out.checks)
    votes = written_votes(text, CARRIED.get(value or ""), out.checks)
    if votes and not roster:
        out.checks.append("votes found but the meeting's participants were not; votes left out")
    elif votes and (confirmed := confirm(votes, roster, away, out.checks)):
        out.fields["votes"] = confirmed
    elif not votes and MENTIONED.search(text):
        out.checks.append("a vote is mentioned in a form not read; votes left out")
    for key, found in (("outcome", value), ("absent_from_item", away),
                       ("remarks", remarks(text, roster, out.checks))):
        if found:
            out.fields[key] = found
    return out


def written_votes(text: str, carried: bool | None, checks: list[str]) -> Votes:
    """The item's vote as written, before any participant confirms it."""
    rolls = roll(text)
    if rolls.votes:
        if len(rolls.votes) > 1:
            checks.append(f"{len(rolls.votes)} votes are recorded under this item; the last is read "
                          "as the item's (the others were on amendments or other proposals): check it")
        begin = rolls.spans[-2][1] if len(rolls.votes) > 1 else 0
        return with_counts(rolls.votes[-1], tally(text[begin:rolls.spans[-1][1]], carried), checks)
    sides = blocs(text) or named(text)
    return with_counts(sides, tally(text, carried), checks) if sides else tally(text, carried)


def with_counts(sides: Votes, counts: Votes, checks: list[str]) -> Votes:
    """A tally's counts given to the sides it counts; a count the roll call contradicts is the
    roll call's, and said."""
    for key, counted in counts.items():
        side = sides.setdefault(key, Side())
        if side.count is None:
            side.count = counted.count
        elif side.count != counted.count:
            checks.append(f"the votes {key} are counted both {side.count} and {counted.count}; "
                          f"{side.count} is kept")
    return sides


def confirm(votes: Votes, roster: Roster, away: list[str], checks: list[str]) -> dict[str, Record]:
    """The vote in the fields' shape when every member is a participant taking part; else none."""
    out: dict[str, Record] = {}
    taking_part = roster.attended - set(away)
    for key in ("for", "against", "abstain"):
        if key not in votes:
            continue
        record = side_record(votes[key], roster, taking_part, checks)
        if record is None:
            return {}
        if record:
            out[key] = record
    return out if counts_fit(out, roster, taking_part, checks) else {}


def side_record(side: Side, roster: Roster, taking_part: set[str], checks: list[str]) -> Record | None:
    parties: list[str] = []
    names: list[str] = []
    for written in side.members:
        if party := roster.party(bare_name(written)) or roster.party(written):
            parties.append(party)
        elif (name := roster.name(written)) and name in taking_part:
            names.append(name)
        else:
            what = "party" if re.fullmatch(r"[A-ZÆØÅ]{1,3}", bare_name(written)) else "name"
            checks.append(f"{what} '{bare_name(written)}' is no participant's taking part in this "
                          "item; votes left out")
            return None
    record: Record = {"parties": parties} if parties else {}
    if names:
        record["names"] = names
    if side.count is not None:
        record["count"] = side.count
    return record


def counts_fit(votes: dict[str, Record], roster: Roster, taking_part: set[str],
               checks: list[str]) -> bool:
    """Counts referat check accepts: no more votes than members taking part, no fewer than the
    names given, and no more on a side than its parties and names have members."""
    names = [n for side in votes.values() for n in side.get("names", [])]
    if len(names) != len(set(names)):
        checks.append("a member is named on two sides of the vote; votes left out")
        return False
    total = sum(side.get("count", 0) for side in votes.values())
    if total > len(taking_part):
        checks.append(f"{total} votes are counted but {len(taking_part)} participants took part; "
                      "votes left out")
        return False
    for key, side in votes.items():
        count, able = side.get("count"), members_of(side, roster, taking_part)
        too_many = bool(side.get("parties")) and count is not None and count > able
        if count is not None and (count < len(side.get("names", [])) or too_many):
            checks.append(f"the {count} votes {key} do not fit the parties and names given; votes left out")
            return False
    return True


def members_of(side: Record, roster: Roster, taking_part: set[str]) -> int:
    parties = set(side.get("parties", []))
    return sum(1 for name in taking_part
               if roster.party_of.get(name) in parties or name in side.get("names", []))
