"""Who did not take part in an item, who wrote a protocol remark, and who made a reservation, as
a decision's sentences say it.

Every name and party is looked up in the meeting's participants (roster.py); one that is no
participant's is left out, and the reason goes under "check by hand".
"""

from __future__ import annotations

import re

from .roster import Roster, bare_name, name_like
from .voteforms import members

# Where a sentence starts: the text's start, a line's, or after a full stop, colon or semicolon.
START = r"(?:^|(?<=[.:;]\s)|(?<=\n))"
WHO = r"([A-ZÆØÅ][^.:;\n]{0,200}?)"
# "<navn> var forhindret i at deltage i (udvalgets) behandling", "<navn> deltog ikke i sagens
# behandling", "<navne> erklærede sig inhabile (og forlod mødet)", "<navn> var fraværende." under
# the item's decision (only where the sentence ends there: "var fraværende fra kl. 18" is part of
# the item), "Cllr X declared an interest and left the room", "Cllr X did not take part in the vote".
ABSENT = re.compile(
    START + WHO + r"\s+(?:var forhindret i at deltage i\b|deltog ikke i (?:\w+s )?behandling|"
    r"var fraværende(?=[ \t]*(?:[.;\n]|$))|"
    r"erklærede sig inhabile?\b|var inhabile?\b|"
    r"declared an? (?:\w+ )*?interest and left\b|left the (?:room|meeting|chamber) (?:for|during)\b|"
    r"did not (?:take part|participate|vote) in\b)")
# "Protokolbemærkning fra Ø: ...", "Protokolbemærkning (Ø): ..."
REMARK = re.compile(r"Protokolbemærkning(?:\s*\((?:fra\s+)?([^)]+)\)|\s+fra\s+([^:\n]+))?\s*:[ \t]*(.*)")
# "Ø ønskede følgende ført til protokol: ...", "V afgav følgende protokolbemærkning: ...",
# "Enhedslisten ønskede følgende bemærkning tilført beslutningsprotokollen: ..."
REMARK_BY = re.compile(START + WHO + r"\s+(?:ønskede|ønsker|afgav|fik|bad om at få)\s+(?:følgende\s+)?"
                       r"(?:bemærkning\s+)?(?:ført til|tilført|indført i)?\s*(?:beslutnings)?"
                       r"protokol(?:len|bemærkning)?(?:\s+ført til protokol(?:len)?)?\s*:[ \t]*(.*)")
# "O tog forbehold", "V tog forbehold for stillingtagen i byrådet", "A tager forbehold", "Ø har
# taget forbehold", "V forbeholdt sig ret til at vende tilbage til sagen i byrådet"
RESERVED = re.compile(START + WHO + r"\s+(?:(?:tog|tager|har taget)\s+(?:et\s+)?forbehold\b|"
                      r"forbehold(?:t|er)\s+sig\b)")


def absent(text: str, roster: Roster, checks: list[str]) -> list[str]:
    """The participants who did not take part in this item."""
    names: list[str] = []
    for m in ABSENT.finditer(text):
        if re.search(r"\bikke$", m.group(1)):
            continue  # "... at Jakob Næsager (C) ikke var inhabil": he took part
        if not all(map(name_like, members(m.group(1)))):
            checks.append(f"'{m.group(0).strip()[:80]}': someone did not take part, in words not "
                          "read; absence left out")
            continue
        for written in members(m.group(1)):
            name = roster.name(written)
            if name is None:
                checks.append(f"'{bare_name(written)}' did not take part but is no participant; "
                              "absence left out")
            elif name not in names:
                names.append(name)
    return names


def remarks(text: str, roster: Roster, checks: list[str]) -> list[dict[str, str]]:
    """Protocol remarks whose every author is a participant or a participant's party."""
    found = [((m.group(1) or m.group(2) or "").strip(), m.end(3), m.group(3)) for m in REMARK.finditer(text)]
    found += [(m.group(1).strip(), m.end(2), m.group(2)) for m in REMARK_BY.finditer(text)]
    out = []
    for who, end, said in sorted(found, key=lambda f: f[1]):
        body = said.strip() or next_paragraph(text, end)
        authors = [author(w, roster) for w in members(who)] if who else [None]
        if not body or None in authors:
            checks.append(f"protokolbemærkning by '{who}': no participant or party of this meeting; "
                          "remark left out (it stays in the decision's text)")
            continue
        out += [{"by": a, "text": body} for a in authors if a]
    return out


def author(written: str, roster: Roster) -> str | None:
    return roster.party(bare_name(written)) or roster.party(written) or roster.name(written)


def next_paragraph(text: str, end: int) -> str:
    """The paragraph after a heading line that ends in a colon: the remark's text."""
    rest = text[end:].lstrip("\n").strip()
    return rest.split("\n\n", 1)[0].strip() if rest else ""


def reservations(text: str, checks: list[str]) -> None:
    """A reservation (forbehold) is no vote for or against: it is recorded in no side, and the
    reviewer is told so, for a council may mean it as an abstention."""
    for m in RESERVED.finditer(text):
        who = ", ".join(members(m.group(1)))
        checks.append(f"{who} tog forbehold: a reservation is recorded in no side of the vote "
                      "(it stays in the decision's text); record it by hand if it was a vote")
