"""The meeting's participants, as a decision's words name them.

A vote, an absence or a remark may only name a participant (referat check rejects anyone else),
so every name read from a decision is looked up here. A name is taken as a participant's when it
is the same name, or when its surname is that of exactly one participant ("Cllr Sherriff" for
"D Sherriff"); anything else is no one's, and the caller says so instead of guessing.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from ..model import ATTENDED

# "Cllr", "Councillors", "borgmester" before a name; "(A)", "(løsgænger)" after it.
TITLE = re.compile(r"^(?:cllrs?\.?|councillors?|borgmester|formand(?:en)?|rådmand|mayor)\s+",
                   re.IGNORECASE)
SUFFIX = re.compile(r"\s*\([^()]*\)\s*$")
PARTICLES = {"af", "de", "la", "le", "van", "von", "der", "den", "du", "da"}


@dataclass
class Roster:
    """Names and parties of one meeting's participants."""

    names: list[str] = field(default_factory=list)
    attended: set[str] = field(default_factory=set)
    party_of: dict[str, str] = field(default_factory=dict)

    @classmethod
    def of(cls, participants: list[dict[str, Any]]) -> Roster:
        names = [str(p["name"]) for p in participants if p.get("name")]
        attended = {str(p["name"]) for p in participants
                    if p.get("name") and p.get("attendance", "present") in ATTENDED}
        party_of = {str(p["name"]): str(p["party"]) for p in participants if p.get("name") and p.get("party")}
        return cls(names, attended, party_of)

    @property
    def parties(self) -> set[str]:
        return set(self.party_of.values())

    def __bool__(self) -> bool:
        return bool(self.names)

    def name(self, text: str) -> str | None:
        """The participant a written name means, or None."""
        bare = bare_name(text)
        if not bare:
            return None
        for name in self.names:
            if name.lower() == bare.lower():
                return name
        surname = bare.split()[-1].lower()
        same = [n for n in self.names if n.split()[-1].lower() == surname]
        initials = bare.split()[:-1]
        if len(same) == 1 and all(same[0].split()[0].lower().startswith(i.rstrip(".").lower())
                                  for i in initials[:1]):
            return same[0]
        return None

    def party(self, text: str) -> str | None:
        token = text.strip().rstrip(".")
        return token if token in self.parties else None


def bare_name(text: str) -> str:
    """A written name without its title and its party or role in brackets."""
    text = " ".join(text.split()).strip(" .;:")
    while (stripped := SUFFIX.sub("", TITLE.sub("", text))) != text:
        text = stripped
    return text.strip(" .;:")


def name_like(written: str) -> bool:
    """A name or a party letter, not a piece of prose: every word capitalised but particles."""
    words = bare_name(written).split()
    return bool(words) and all(w[0].isupper() or w in PARTICLES for w in words)
