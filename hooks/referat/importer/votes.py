"""Reads votes, outcome, absences and protocol remarks from a decision's words.

The decision's text is never changed: this only proposes the new fields, and only when the
meeting's participants confirm every party letter and name; anything unsure becomes a line for
"check by hand" instead of a guess (referat check rejects votes by non-participants).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

Side = dict[str, Any]

# Partibogstaver: "A+V+C", "A, V og C", "F, Ø".
LETTERS = r"[A-ZÆØÅ](?:\s*(?:\+|,|og)\s*[A-ZÆØÅ])*"
# "Et flertal (A+V+C) godkender ..." / "Et flertal bestående af A og V ..."
MAJORITY = re.compile(rf"\bflertal\s*(?:\(({LETTERS})\)|bestående af\s+({LETTERS})\b)")
# "Et mindretal (F, Ø) kunne ikke tiltræde" / "... stemte imod"
MINORITY = re.compile(rf"\bmindretal\s*(?:\(({LETTERS})\)|bestående af\s+({LETTERS})\b)")
# "For stemte: A, F." / "For stemte 7: A, V" / "Imod stemte (2): Ø" / "Undlod at stemme: O"
ROLL = re.compile(r"\b(For stemte|Imod stemte|Undlod at stemme|Undlod)\s*(?:\(?(\d+)\)?)?\s*:\s*"
                  r"([^.\n]*)")
# "... med 17 stemmer for, 8 imod og 2 undlod"
TALLY = re.compile(r"(\d+)\s+stemmer?\s+for,\s*(\d+)\s+imod(?:\s+og\s+(\d+)\s+undlod)?")
# English: "For: 7, Against: 2, Abstain: 1"
ENGLISH = re.compile(r"\bFor:\s*(\d+),?\s*Against:\s*(\d+)(?:,?\s*Abstain(?:ed|ing)?:\s*(\d+))?")
# "<Navn> var forhindret i at deltage i (udvalgets) behandling(en)" / "deltog ikke i behandlingen"
ABSENT = re.compile(r"([A-ZÆØÅ][\wæøåÆØÅ.-]+(?:\s+[A-ZÆØÅ][\wæøåÆØÅ.-]+)+)\s+"
                    r"(?:var forhindret i at deltage|deltog ikke) i (?:udvalgets )?behandling")
# "Protokolbemærkning (fra Ø): ..." / "Ø ønskede følgende ført til protokol: ..."
REMARK = re.compile(r"Protokolbemærkning(?:\s*\((?:fra\s+)?([^)]+)\)|\s+fra\s+([^:]+))?\s*:\s*(.+)")
REMARK_WISH = re.compile(r"([A-ZÆØÅ]|[A-ZÆØÅ][\wæøå]+(?:\s+[A-ZÆØÅ][\wæøå]+)+)\s+ønskede "
                         r"(?:følgende )?ført til protokol(?:len)?\s*:\s*(.+)")
SIDE = {"For stemte": "for", "Imod stemte": "against", "Undlod at stemme": "abstain",
        "Undlod": "abstain"}
# Udfald af beslutningens første ord; kun når det er klart.
OPENINGS = (("indstillingen godkendt", "godkendt"), ("godkendt med ændringer", "godkendt med ændringer"),
            ("godkendt", "godkendt"), ("taget til efterretning", "taget til efterretning"),
            ("udsat", "udsat"), ("afvist", "afvist"), ("anbefales ikke", "ikke anbefalet"),
            ("anbefales", "anbefalet"), ("oversendt", "oversendt"), ("drøftet", "drøftet"),
            ("tiltrådt", "tiltrådt"), ("carried", "godkendt"), ("resolved", "godkendt"),
            ("lost", "afvist"), ("rejected", "afvist"), ("deferred", "udsat"),
            ("noted", "taget til efterretning"))


@dataclass
class Reading:
    """The fields read from one decision, and what a person must check."""

    fields: dict[str, object] = field(default_factory=dict)
    checks: list[str] = field(default_factory=list)


def outcome(text: str) -> str | None:
    start = text.strip().lower()
    for words, value in OPENINGS:
        if re.match(rf"{re.escape(words)}\b", start):
            return value
    return None


def letters(group: str) -> list[str]:
    return re.findall(r"[A-ZÆØÅ]", group)


def known(values: list[str], allowed: set[str], what: str, checks: list[str]) -> bool:
    unknown = [v for v in values if v not in allowed]
    if unknown:
        checks.append(f"{what} {', '.join(unknown)} is no participant's; votes left out")
    return not unknown


def side_of(names: str, parties: set[str], people: set[str], checks: list[str]) -> Side | None:
    parts = [p.strip() for p in re.split(r",|\bog\b|\+", names) if p.strip()]
    if parts and all(re.fullmatch(r"[A-ZÆØÅ]", p) for p in parts):
        return {"parties": parts} if known(parts, parties, "party", checks) else None
    return {"names": parts} if parts and known(parts, people, "name", checks) else None


def roll(text: str, parties: set[str], people: set[str], checks: list[str]) -> dict[str, Side]:
    votes: dict[str, Side] = {}
    for label, count, names in ROLL.findall(text):
        side = side_of(names, parties, people, checks) if names.strip() else {}
        if side is None:
            return {}
        if count:
            side["count"] = int(count)
        votes[SIDE[label]] = side
    return votes


def blocs(text: str, parties: set[str], checks: list[str]) -> dict[str, Side]:
    votes: dict[str, Side] = {}
    for key, pattern in (("for", MAJORITY), ("against", MINORITY)):
        m = pattern.search(text)
        if m:
            found = letters(m.group(1) or m.group(2))
            if not known(found, parties, "party", checks):
                return {}
            votes[key] = {"parties": found}
    return votes


def counts(text: str) -> dict[str, Side]:
    m = TALLY.search(text) or ENGLISH.search(text)
    if not m:
        return {}
    keys = ("for", "against", "abstain")
    return {k: {"count": int(v)} for k, v in zip(keys, m.groups(), strict=False) if v is not None}


def remarks(text: str, allowed: set[str], checks: list[str]) -> list[dict[str, str]]:
    out = [{"by": (m.group(1) or m.group(2) or "").strip(), "text": m.group(3).strip()}
           for m in REMARK.finditer(text)]
    out += [{"by": m.group(1), "text": m.group(2).strip()} for m in REMARK_WISH.finditer(text)]
    for r in out:  # "Mikkel Brandt (O)": the name as the participants have it
        r["by"] = re.sub(r"\s*\([A-ZÆØÅ]\)$", "", r["by"])
    if unsure := [r for r in out if r["by"] not in allowed]:
        checks.append(f"protokolbemærkning by '{unsure[0]['by']}': no participant or party of "
                      "this meeting; remark left out (it stays in the decision's text)")
    return [r for r in out if r["by"] in allowed]


def absent(text: str, people: set[str], checks: list[str]) -> list[str]:
    names = []
    for name in ABSENT.findall(text):
        if name in people:
            names.append(name)
        else:
            checks.append(f"'{name}' did not take part but is no participant; absence left out")
    return names


def read(text: str, participants: list[dict[str, Any]]) -> Reading:
    """The new fields of one decision, given the meeting's participants (name, party)."""
    out = Reading()
    people = {str(p.get("name")) for p in participants}
    parties = {str(p["party"]) for p in participants if p.get("party")}
    if "stemte" in text and not ROLL.search(text) and not MAJORITY.search(text):
        out.checks.append("a vote is mentioned ('stemte') in a form not read; votes left out")
    votes = roll(text, parties, people, out.checks) or blocs(text, parties, out.checks) \
        or counts(text)
    if votes and not participants:
        out.checks.append("votes found but the meeting's participants were not; votes left out")
    elif votes:
        out.fields["votes"] = votes
    for key, value in (("outcome", outcome(text)), ("absent_from_item", absent(text, people, out.checks)),
                       ("remarks", remarks(text, people | parties, out.checks))):
        if value:
            out.fields[key] = value
    return out
