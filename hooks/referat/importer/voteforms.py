"""The written forms of a vote, read into sides (for, against, abstain) of party letters, names
and counts. Nothing here knows the participants: votes.py confirms every letter and name.

Danish roll calls ("For stemte: A, F.", "Imod stemte 8 (...)", "Undlod at stemme: O", "Hverken
for eller imod stemte 5 (EL)", "For: 20 (Bo Hilsted (A), ...)"), majority and minority sentences
("Et flertal (A+V+C) ...", "F og Ø kunne ikke tiltræde"), tallies ("godkendt med 33 stemmer imod 9.
5 undlod.") and the English forms ("For: Cllrs A and B. Against: Cllr C", "5 for, 1 against",
"by 24 votes to 10, with 1 abstention", "Cllrs X and Y abstained").
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from .roster import name_like

# A roll-call label and the side it names. "Følgende undlod at stemme:" and lower-case labels in
# one sentence ("..., imod stemte 45 (...)") are the same labels. English council minutes head a
# roll call with what the vote was on: "There voted for the Minutes being a correct record:".
LABELS = (
    (r"there voted for\b[^:\n]{0,80}", "for"), (r"there voted against\b[^:\n]{0,80}", "against"),
    (r"there abstained(?: from voting)?", "abstain"),
    (r"hverken for eller imod(?: stemte)?", "abstain"),
    (r"for(?: [\wæøå -]{1,40}?)? stemte", "for"), (r"stemte for", "for"),
    (r"imod stemte|stemte imod", "against"),
    (r"undlod at stemme|undlod|abstained|abstain(?:ing|ed)?|abstentions?", "abstain"),
    (r"for|ayes?", "for"), (r"imod|against|noes|nays?", "against"),
)
LABEL = re.compile(r"(?<![\wæøå])(" + "|".join(f"(?:{p})" for p, _ in LABELS) + r")"
                   r"(?:\s*\(?(\d+)\)?)?\s*([:(])", re.IGNORECASE)
# A sentence that starts after a list ("... A og F. Forslaget blev vedtaget"): a capitalised word
# and a lower-case one; a name ("A. Ben Haddou") goes on with a capital.
SENTENCE = re.compile(r"\.\s+(?=[A-ZÆØÅ][a-zæøå]+\s+[a-zæøå])")
# Partibogstaver i en flertals- eller mindretalssætning: "A+V+C", "A, V og C".
LETTERS = r"[A-ZÆØÅ](?:\s*(?:\+|,|og)\s*[A-ZÆØÅ])*"
BLOC = re.compile(rf"\b([Ff]lertal|[Mm]indretal)(?:let)?\s*(?:\(({LETTERS})\)|,?\s*bestående af\s+"
                  rf"({LETTERS})\b)")
# Not a member or a party: "Udvalget kunne tiltræde", "Et enigt byråd kan godkende".
WHOLE = re.compile(r"(?i)udvalg|råd\b|rådet|bestyrelse|alle\b|samtlige|enig")
# "F og Ø kunne ikke tiltræde", "A, V og C kan tiltræde", "Liv Gro Jensen (V) kunne ikke anbefale".
ASSENT = re.compile(r"(?:^|(?<=[.:;]\s)|(?<=\n))([A-ZÆØÅ][^.:;\n]{0,200}?)\s+(?:kunne|kan)\s+(ikke\s+)?"
                    r"(?:tiltræde|anbefale|godkende|støtte)\b")
# "godkendt med 33 stemmer imod 9. 5 undlod." / "med 17 stemmer for, 8 imod og 2 undlod"
TALLY_DA = re.compile(r"(?:\b(godkendt|vedtaget|tiltrådt|anbefalet|forkastet|afvist|faldt)\s+)?"
                      r"med\s+(\d+)\s+stemmer?\s+(?:(for),?\s*(\d+)\s+imod|imod\s+(\d+))"
                      r"(?:[.,]?\s*(?:og\s+)?(\d+)\s+(?:der\s+)?undl(?:od|ader))?", re.IGNORECASE)
# "5 for, 1 against", "5 for, 1 abstention", "by 24 votes, to 10 votes, with 1 abstention"
TALLY_EN = re.compile(r"\b(\d+)\s+(?:votes?\s+)?(?:for|in favour)\b(?:,?\s*(\d+)\s+against)?"
                      r"(?:,?\s*(?:and\s+|with\s+)?(\d+)\s+abstentions?)?", re.IGNORECASE)
TALLY_BY = re.compile(r"\bby\s+(\d+)\s+votes?,?\s+to\s+(\d+)(?:\s+votes?)?"
                      r"(?:,?\s*with\s+(\d+)\s+abstentions?)?", re.IGNORECASE)
# "Councillors Sherriff and Grummitt abstained from voting." / "Cllr Long voted against."
NAMED = re.compile(r"\b((?:Cllrs?\.?|Councillors?)\s+[A-Z][^.;:\n]{0,160}?)\s+"
                   r"(abstained|voted against|voted for)\b")
NAMED_SIDE = {"abstained": "abstain", "voted against": "against", "voted for": "for"}
# Where a list gives way to its reason: "Niels Erik Poulsen (V) idet han ikke ønsker ...".
REASON = re.compile(r"\s*,?\s+(?:idet|da|fordi|med den begrundelse|because|as they)\b.*$", re.DOTALL)
SPLIT = re.compile(r"\s*(?:,|\+|&|\bog\b|\band\b)\s*")


@dataclass
class Side:
    """One side of a vote as written: the words of its members, and its count."""

    members: list[str] = field(default_factory=list)
    count: int | None = None


Votes = dict[str, Side]


@dataclass
class Roll:
    """The roll calls of one decision; more than one vote means the last is the item's."""

    votes: list[Votes] = field(default_factory=list)
    spans: list[tuple[int, int]] = field(default_factory=list)


def side_of_label(label: str) -> str:
    for pattern, side in LABELS:
        if re.fullmatch(pattern, label, re.IGNORECASE):
            return side
    raise ValueError(label)  # LABEL only matches the patterns above


def members(text: str) -> list[str]:
    """The parts of a written list: "A, B og C", "Bo Holm (A), Eva Lund (C)"."""
    text = re.sub(r"\([^()]*\)", lambda m: m.group(0).replace(",", "\0"), text)
    parts = [p.replace("\0", ",").strip(" .") for p in SPLIT.split(text)]
    return [p for p in parts if p and p.lower() not in ("none", "ingen")]


def list_after(text: str, start: int, end: int, bracket: bool) -> str:
    """The list a label introduces: a bracket's content, or the rest of the line up to the next
    label or sentence. A label that ends its line heads the list on the next line with text."""
    if bracket:
        depth, i = 1, start
        while i < len(text) and depth:
            depth += {"(": 1, ")": -1}.get(text[i], 0)
            i += 1
        return text[start:i - 1]
    line = next((part for part in text[start:end].split("\n") if part.strip()), "")
    return REASON.sub("", SENTENCE.split(line, 1)[0]).strip().rstrip(".")


def roll(text: str) -> Roll:
    """Every roll call in the text, grouped into votes: a side named again starts a new vote."""
    out = Roll()
    found = list(LABEL.finditer(text))
    for k, m in enumerate(found):
        nxt = found[k + 1].start() if k + 1 < len(found) else len(text)
        side, count, bracket, start = side_of_label(m.group(1)), m.group(2), m.group(3) == "(", m.end()
        if not bracket and (lead := re.match(r"\s*(\d+)\s*(\(?)", text[start:nxt])):
            count, bracket, start = count or lead.group(1), bool(lead.group(2)), start + lead.end()
        listed = list_after(text, start, nxt, bracket).strip(" ,;")
        # "A, V og C (5)", "Councillors Long, Dar ........ 2" (dotted leaders to the count)
        if (tail := re.search(r"\s*(?:\((\d+)\)|\.{2,}\s*(\d+))$", listed)) and not count:
            count, listed = tail.group(1) or tail.group(2), listed[:tail.start()]
        if re.fullmatch(r"\d+", listed):  # "For: 7, Against: 2"
            count, listed = count or listed, ""
        if not out.votes or side in out.votes[-1]:
            out.votes.append({})
            out.spans.append((m.start(), m.end()))
        out.votes[-1][side] = Side(members(listed), int(count) if count else None)
        at = text.find(listed, start)  # the list may start lines below its label
        out.spans[-1] = (out.spans[-1][0], (at if at >= 0 else start) + len(listed))
    return out


def blocs(text: str) -> Votes:
    """Majority and minority sentences, and who could (not) assent."""
    votes: Votes = {}
    for m in BLOC.finditer(text):
        key = "for" if m.group(1).lower() == "flertal" else "against"
        votes.setdefault(key, Side()).members += members(m.group(2) or m.group(3))
    for m in ASSENT.finditer(text):
        who = m.group(1)
        if BLOC.search(who) or WHOLE.search(who) or not all(map(name_like, members(who))):
            continue  # read above, the whole committee, or prose ("formanden kan godkende"): no vote
        key = "against" if m.group(2) else "for"
        votes.setdefault(key, Side()).members += members(who)
    return votes


def tally(text: str, carried: bool | None) -> Votes:
    """Counts written as numbers. "med 33 stemmer imod 9" and "by 24 votes to 10" give the
    winning side first, so which side is which follows the outcome; unknown, no count is read.
    More than one tally (the items of a page read as one) is no one item's: none is read."""
    found = [*TALLY_DA.finditer(text), *TALLY_BY.finditer(text),
             *(m for m in TALLY_EN.finditer(text) if m.group(2) or m.group(3))]  # "5 for" alone
    if len(found) != 1:
        return {}
    m = found[0]
    if m.re is TALLY_DA:
        if m.group(1):
            carried = m.group(1).lower() not in ("forkastet", "afvist", "faldt")
        if m.group(3):  # "17 stemmer for, 8 imod"
            return counted(int(m.group(2)), int(m.group(4)), m.group(6))
        return winner_first(int(m.group(2)), int(m.group(5)), m.group(6), carried)
    if m.re is TALLY_BY:
        return winner_first(int(m.group(1)), int(m.group(2)), m.group(3), carried)
    return counted(int(m.group(1)), int(m.group(2)) if m.group(2) else None, m.group(3))


def counted(yes: int, no: int | None, abstain: str | None) -> Votes:
    votes = {"for": Side(count=yes)}
    if no is not None:
        votes["against"] = Side(count=no)
    if abstain:
        votes["abstain"] = Side(count=int(abstain))
    return votes


def winner_first(first: int, second: int, abstain: str | None, carried: bool | None) -> Votes:
    if carried is None:
        return {}
    yes, no = (first, second) if carried else (second, first)
    return counted(yes, no, abstain)


def named(text: str) -> Votes:
    """English sentences that name who abstained or voted one way."""
    votes: Votes = {}
    for m in NAMED.finditer(text):
        votes.setdefault(NAMED_SIDE[m.group(2)], Side()).members += members(m.group(1))
    return votes
