"""Participants as minutes list them: 'Lise Østermark (V), formand', 'Anne Berg (S) i stedet for Ole Dam'."""

from __future__ import annotations

import re
from dataclasses import replace

from ..model import Attendance, Participant

ROLES = ("formand", "næstformand", "borgmester", "viceborgmester", "1. viceborgmester", "2. viceborgmester",
         "medlem", "sekretær", "chair", "chairman", "chairperson", "chairwoman", "vice-chair", "vice chair",
         "vice-chairman", "mayor", "deputy mayor", "leader", "deputy leader")
ROLE = re.compile(r"^(?:" + "|".join(re.escape(r) for r in sorted(ROLES, key=len, reverse=True)) + r")$",
                  re.IGNORECASE)
# After a comma, lower-case words are a role, not a person: names are written with capitals
# ("Birthe Holm, lejerrepræsentant", "Lars Brink, politikommissær", "Jens Bo, 2. næstformand").
ROLE_WORDS = re.compile(r"^(?:\d\.\s*)?[a-zæøåé][a-zæøåé-]+(?:\s+[a-zæøåé][a-zæøåé-]+){0,3}$")
PARTY = re.compile(r"\((?P<party>[A-ZÆØÅ]{1,4}|[A-ZÆØÅ][a-zæøå]?\.?)\)")
PAREN = re.compile(r"\((?P<inner>[^()]*)\)")
SUBSTITUTE = re.compile(r"\s*(?:\(\s*)?(?:(?:mødt|mødte|deltog|attended|attending)\s+)?(?:som\s+)?"
                        r"(?:i stedet for|stedfortræder for|suppleant for|for|"
                        r"substituting for|substitute for|in place of|instead of)\s+(?P<for>[^()]+?)"
                        r"(?:\s*\([A-ZÆØÅ]{1,4}\))?\s*\)?\s*$", re.IGNORECASE)
SUBSTITUTE_PREFIX = re.compile(r"^(?:stedfortræder|suppleant|substitute)\s*:?\s*", re.IGNORECASE)
# 'Councillors T Wright (Chair), M Turner': the plural opens a list of names and is no part of the first.
TITLES = re.compile(r"^(?:cllrs?\.?|councillors?|rådmand)\s+", re.IGNORECASE)
ATTENDANCE: dict[str, Attendance] = {
    "mødt": "present", "til stede": "present", "tilstede": "present", "deltog": "present",
    "medlemmer": "present", "deltagere": "present", "present": "present", "members present": "present",
    "those attending": "present", "participating": "present", "councillors present": "present",
    "those present": "present",
    "x": "present", "fraværende": "absent", "ikke mødt": "absent", "absent": "absent",
    "afbud": "excused", "meldt afbud": "excused", "fraværende med afbud": "excused", "afbud fra": "excused",
    "fraværende uden afbud": "absent", "apologies": "excused", "apologies for absence": "excused",
    "stedfortræder": "substitute", "stedfortrædere": "substitute", "suppleant": "substitute",
    "suppleanter": "substitute", "substitute": "substitute", "substitutes": "substitute",
}


def participant_record(person: Participant) -> dict[str, str]:
    """A participant as a meeting file's record, in the contract's key order, empty keys left out."""
    out = {"name": person.name}
    for key in ("party", "role"):
        if value := getattr(person, key):
            out[key] = value
    out["attendance"] = person.attendance
    if person.substitute_for:
        out["substitute_for"] = person.substitute_for
    return out


def attendance_of(word: str) -> Attendance | None:
    """The attendance a label or table cell states ('Afbud' -> excused), or None."""
    return ATTENDANCE.get(re.sub(r"\s+", " ", word.strip().strip("*:").strip()).lower())


def split_people(text: str) -> list[str]:
    """A line of names split into one text per person; a role or a party after a comma stays with
    its person ('Stephanie Lose, V'), and 'Villy Søvndal, F - Tine Hundahl Jensen stedfortræder'
    is two people, the second the first one's substitute."""
    pieces = [p.strip() for p in PEOPLE_SEPARATOR.split(text) if p.strip()]
    people: list[str] = []
    role_first = ""  # 'The Vice Chairman' split off its 'Cllr. Mrs E Milner'
    for piece in pieces:
        if ROLE_BEFORE.match(f"{piece} cllr "):
            role_first = f"{piece} "
            continue
        piece, role_first = role_first + piece, ""
        if people and (found := PARTY_THEN_SUBSTITUTE.match(piece)):
            people[-1] += f" ({found['party']})"
            absent = BULLET_MARK.sub("", people[-1])
            people.append(f"{found['name']} stedfortræder for {absent}")
        elif people and PARTY_CODE.match(piece):
            people[-1] += f" ({piece})"
        elif people and is_role(piece.strip(" .")):
            people[-1] += f", {piece}"
        else:
            people.append(piece)
    return people


# Between two people: a comma, 'og', a bullet, or 'Cllr.' starting the next name (not 'for Cllr.').
PEOPLE_SEPARATOR = re.compile(r",|;|\s+[·•|]\s+|\s+og\s+|\s+and\s+|\s+&\s+|(?<!for)(?<!of)\s+(?=cllr\.?\s)",
                              re.IGNORECASE)
BULLET_MARK = re.compile(r"^[-•*·]\s*")
PARTY_CODE = re.compile(r"^[A-ZÆØÅ]{1,3}$")  # 'V', 'SF', 'Ø' after a comma: the party's letter
PARTY_THEN_SUBSTITUTE = re.compile(r"^(?P<party>[A-ZÆØÅ]{1,3})\s+[-–]\s+(?P<name>.+?)\s+"
                                   r"(?:stedfortræder|suppleant)$", re.IGNORECASE)
# 'The Vice Chairman Cllr. Mrs E Milner': a role written before the name.
ROLE_BEFORE = re.compile(r"^(?:the\s+)?(?P<role>vice[- ]chairman|vice[- ]chair|chairman|chair|"
                         r"deputy mayor|town mayor|mayor)\s+(?=cllr\.?\s|councillor\s)", re.IGNORECASE)

# In parentheses after a name, capitalised words are a role too: '(Town Mayor)', '(Chair)'.
TITLE_CASE = re.compile(r"^[A-ZÆØÅ][a-zæøå]+(?:[ -][A-ZÆØÅa-zæøå][a-zæøå]+){0,3}$")


def is_role(text: str) -> bool:
    """Whether a text after a name is a role: a known one, or lower-case words that are not an
    attendance ('afbud') or a joining word."""
    if ROLE.match(text):
        return True
    return bool(ROLE_WORDS.match(text)) and attendance_of(text) is None and \
        not re.match(r"^(?:og|and|i|for|som|samt)\b", text)


def parse_person(text: str, attendance: Attendance = "present") -> Participant | None:
    """One person from 'Lise Østermark (V), formand' and the like; None if no name is left."""
    text = re.sub(r"^[-•*·]\s*|^\d+\.\s+", "", text.strip()).strip(" .")
    if SUBSTITUTE_PREFIX.match(text):
        attendance, text = "substitute", SUBSTITUTE_PREFIX.sub("", text)
    substitute_for = None
    if found := SUBSTITUTE.search(text):
        attendance, text = "substitute", text[:found.start()]
        substitute_for = TITLES.sub("", found["for"].strip())
    before = ROLE_BEFORE.match(text)
    text = text[before.end():] if before else text
    party, role, text = take_party_and_role(text)
    role = role or (before["role"].lower() if before else None)
    name = TITLES.sub("", text).strip(" ,.-–")
    if not name or not re.search(r"[A-Za-zÆØÅæøå]", name):
        return None
    return Participant(name, party, role, attendance, substitute_for)


def take_party_and_role(text: str) -> tuple[str | None, str | None, str]:
    party = role = None
    if found := PARTY.search(text):
        party, after = found["party"].rstrip("."), text[found.end():].strip(" ,")
        if after and is_role(after):  # 'Jytte Borg (A) formand'
            role, after = after, ""
        text = text[:found.start()] + " " + after
    for found in PAREN.finditer(text):
        if is_role(found["inner"].strip()) or TITLE_CASE.match(found["inner"].strip()):
            role, text = found["inner"].strip(), text.replace(found[0], " ")
            break
    head, sep, tail = text.rpartition(",")
    if not role and sep and is_role(tail.strip(" .")):
        role, text = tail.strip(" ."), head
    words = text.split()
    if not role and words and ROLE.match(words[0]):
        role, text = words[0], " ".join(words[1:])
    elif not role and len(words) > 1 and re.match(r"^[-–]$", words[-2]) and ROLE.match(words[-1]):
        role, text = words[-1], " ".join(words[:-2])
    return party, role, re.sub(r"\s+", " ", text).strip()


NAME_WORD = re.compile(r"^(?:[A-ZÆØÅ][\w'’.-]*|[A-ZÆØÅ]\.?|de|van|von|af|la|le)$")


def is_person_line(text: str) -> bool:
    """A line that is one person's name (with party and role as minutes add them), as a list of
    members writes it one a line: 'Erling Larsen, (A)', 'Cllr Mr A H Porter (Chair)'."""
    person = parse_person(text)
    words = person.name.split() if person else []
    return 1 <= len(words) <= 6 and all(NAME_WORD.match(w) for w in words)


def merge_people(people: list[Participant]) -> list[Participant]:
    """One record per name: a later, more specific statement (absent, substitute) wins."""
    seen: dict[str, Participant] = {}
    for person in people:
        old = seen.get(person.name)
        if old is None:
            seen[person.name] = person
            continue
        seen[person.name] = replace(old, party=old.party or person.party, role=old.role or person.role,
                                    attendance=person.attendance if person.attendance != "present"
                                    else old.attendance,
                                    substitute_for=old.substitute_for or person.substitute_for)
    return list(seen.values())
