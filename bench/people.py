"""People of the synthetic archive: council members elected per term, substitutes, attendance."""

from __future__ import annotations

import random
from dataclasses import dataclass, field
from datetime import date

from bodies import BodySpec
from vocabulary import FIRST_NAMES, MIDDLE_NAMES, PARTIES, SURNAMES
from yaml_output import Flow

# --------------------------------------------------------------------------------------------
# People
# --------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Person:
    """A named person, with a party letter for politicians."""

    name: str
    party: str | None = None


@dataclass
class Term:
    """One election period: the council, substitutes, body memberships and minute takers."""

    council: list[Person]
    substitutes: dict[str, list[Person]]
    members: dict[str, list[tuple[Person, str]]] = field(default_factory=dict)
    minute_takers: dict[str, str] = field(default_factory=dict)


class People:
    """Creates unique Danish names, the members of every body per election term, and who attends."""

    def __init__(self, rng: random.Random, bodies: list[BodySpec]) -> None:
        """Remember the generator and the bodies whose members we appoint."""
        self.rng = rng
        self.bodies = bodies
        self.used: set[str] = set()
        self.terms: dict[int, Term] = {}

    def new_name(self) -> str:
        """A Danish name not used before."""
        r = self.rng
        while True:
            parts = [r.choice(FIRST_NAMES)]
            if r.random() < 0.3:
                parts.append(r.choice(MIDDLE_NAMES))
            parts.append(r.choice([s for s in SURNAMES if s not in parts]))
            name = " ".join(parts)
            if name not in self.used:
                self.used.add(name)
                return name

    def term(self, year: int) -> Term:
        """The term covering ``year`` (terms start 2002, 2006, ...), created on first use."""
        start = year - (year - 2002) % 4
        if start not in self.terms:
            self.terms[start] = self._new_term(self.terms.get(start - 4))
        return self.terms[start]

    def _new_term(self, previous: Term | None) -> Term:
        """Elect a council (some re-elected), then appoint bodies and minute takers."""
        r = self.rng
        seats = r.choice((25, 27, 29, 31))
        letters = sorted(
            r.choices(list(PARTIES), weights=list(PARTIES.values()), k=seats),
            key=lambda p: list(PARTIES).index(p),
        )
        pool = {
            p: [x for x in (previous.council if previous else []) if x.party == p] for p in PARTIES
        }
        council = [self._elect(party, pool[party]) for party in letters]
        subs = {p: [Person(self.new_name(), p) for _ in range(3)] for p in dict.fromkeys(letters)}
        term = Term(council=council, substitutes=subs)
        for body in self.bodies:
            term.members[body.slug] = self._appoint(body, council)
            term.minute_takers[body.slug] = self.new_name()
        return term

    def _elect(self, party: str, incumbents: list[Person]) -> Person:
        """Re-elect an incumbent of the party (60 %) or elect a newcomer."""
        if incumbents and self.rng.random() < 0.6:
            return incumbents.pop(self.rng.randrange(len(incumbents)))
        return Person(self.new_name(), party)

    def _appoint(self, body: BodySpec, council: list[Person]) -> list[tuple[Person, str]]:
        """Members of one body with roles; the largest party's first member is mayor."""
        r = self.rng
        mayor = council[0]
        if body.kind == "council":
            people = council[:]
        elif body.kind == "finance":
            people = [mayor] + r.sample(council[1:], 8)
        elif body.kind == "advisory":
            people = [Person(self.new_name()) for _ in range(r.randint(7, 9))] + r.sample(
                council, 2
            )
        else:
            people = r.sample(council, 7)
        roles = ["formand", "næstformand"] + ["medlem"] * (len(people) - 2)
        if body.kind not in ("council", "finance"):
            r.shuffle(people)
        return list(zip(people, roles, strict=True))

    def participants(self, body: BodySpec, day: date) -> list[Flow]:
        """Members with attendance; an excused politician sometimes has a substitute."""
        r = self.rng
        term = self.term(day.year)
        out, subs = [], []
        for person, role in term.members[body.slug]:
            x = r.random()
            attendance = "present" if x < 0.88 else "absent" if x < 0.92 else "excused"
            out.append(person_entry(person, role, attendance))
            pool = term.substitutes.get(person.party or "", [])
            if attendance == "excused" and pool and r.random() < 0.5:
                sub = r.choice(pool)
                if all(s["name"] != sub.name for s in subs):
                    subs.append(
                        Flow(
                            name=sub.name,
                            party=sub.party,
                            role="medlem",
                            attendance="substitute",
                            substitute_for=person.name,
                        )
                    )
        return out + subs


def person_entry(person: Person, role: str, attendance: str) -> Flow:
    """A participant mapping: name, party (if any), role, attendance."""
    entry = Flow(name=person.name)
    if person.party:
        entry["party"] = person.party
    entry["role"] = role
    entry["attendance"] = attendance
    return entry
