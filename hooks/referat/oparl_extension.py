"""What OParl 1.1 has no property for: a punkt's votes, absences and protocol remarks.

OParl lets a publisher add properties of its own; they carry this prefix so that no later OParl
version's property can be mistaken for them (docs/data.md, "Udvidelser"). A person is named by
the Person object's id when the name is a participant's, as the check makes sure it is.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from .model import Item, VoteSide

PREFIX = "referat:"
Person = Callable[[str], str]  # a name -> the Person id, or the name as written


def decision_extension(person: Person, item: Item) -> dict[str, Any]:
    """The extension properties of an open punkt, only those that hold something."""
    found: dict[str, Any] = {}
    if item.votes is not None:
        found[PREFIX + "votes"] = {key: side(person, s) for key, s in item.votes.sides}
    if item.absent_from_item:
        found[PREFIX + "absentFromItem"] = [person(n) for n in item.absent_from_item]
    if item.remarks:
        found[PREFIX + "remarks"] = [{"by": person(r.by), "text": r.text} for r in item.remarks]
    return found


def side(person: Person, votes: VoteSide) -> dict[str, Any]:
    return {"parties": list(votes.parties), "persons": [person(n) for n in votes.names],
            "count": votes.count}
