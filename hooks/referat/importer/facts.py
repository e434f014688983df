"""The meeting's facts from the lines before the first item: body, date, times, place, people.

Every line is either used for a fact, or returned as unplaced, so nothing is lost.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field

from ..model import Participant
from .furniture import LINK
from .lines import Line
from .people import (
    ATTENDANCE,
    SUBSTITUTE,
    attendance_of,
    is_person_line,
    parse_person,
    split_people,
)
from .sources import is_table_rule
from .when import date_words, find_date, find_times, is_bare_date

LABELS = {
    "date": ("mødedato", "dato", "date", "date of meeting", "meeting date", "dag"),
    "time": ("tidspunkt", "mødetidspunkt", "mødetid", "tid", "kl", "klokken", "time", "starttidspunkt",
             "start", "mødestart"),
    "end": ("sluttidspunkt", "slut", "mødeslut", "mødet sluttede", "mødet hævet", "hævet", "finish", "end"),
    "location": ("mødested", "mødelokale", "lokale", "sted", "adresse", "venue", "location", "place"),
    "minute_taker": ("referent", "referenter", "protokolfører", "sekretær", "minute taker", "minutes taker",
                     "minutes taken by", "minutes by", "referat ved", "referatet blev taget af",
                     "clerk", "clerk to the council", "minuttaker", "democratic services officer", "officer"),
    "people": tuple(word for word in ATTENDANCE if word != "x"),  # 'x' marks a table's cell only
}
LABEL = re.compile(r"^(?P<label>" + "|".join(sorted((re.escape(x) for v in LABELS.values() for x in v),
                                                    key=len, reverse=True))
                   + r"|[a-zæøå]+medlemmer)\.?(?:\s*:\s*|\s+(?=\S)|\s*$)(?P<value>.*)$",
                   re.IGNORECASE)
EMBEDDED_PEOPLE = re.compile(r"\b(?P<label>mødedeltagere|deltagere|til stede|afbud fra|members present|"
                             r"present)\s*:\s*(?P<names>[A-ZÆØÅ][^:]*)", re.IGNORECASE)
LONG_FACT = 20  # words: a line this long that gives a title or a date says more than that
ANY_LABEL = re.compile(r"^[A-ZÆØÅ][\w .-]{1,30}:(?:\s|$)")  # 'Bemærkninger:' starts a line of its own
TITLE = re.compile(r"^(?:referat|dagsorden|beslutningsprotokol|protokol|minutes|agenda|summons)\b",
                   re.IGNORECASE)
# The nouns that name a council's bodies, also at the end of a Danish compound ('Bevillingsnævnet'),
# but not 'Rådhuset'.
BODY_NOUN = re.compile(r"(?:udvalg|råd|nævn|bestyrelse|forsamling|repræsentation|komit[eé]|forum|"
                       r"council|committee|board|cabinet|assembly|panel)(?:et|en|ets|ene|s)?\b",
                       re.IGNORECASE)
NAME_ONLY = re.compile(r"^[A-ZÆØÅ][\w\-–&' ]{2,60}$")
# A name on its own, with a party letter or not: 'Niels Bak (V)', 'Cllr Mark Evans'.
PERSON = re.compile(r"^(?:Cllr\.?\s+|Councillor\s+)?[A-ZÆØÅ][\w.'-]+(?:\s+[A-ZÆØÅ][\w.'-]+){1,3}"
                    r"(?:\s*\([A-ZÆØÅ]{1,4}\))?$")
ORGANISATION = re.compile(r"^(?:[A-ZÆØÅ][\w-]+\s+){1,3}(?:kommune|amtskommune)$|^region\s+[A-ZÆØÅ][\w-]+$",
                          re.IGNORECASE)
# What a web page or a title puts where a body's name could stand, and is never one: the label of
# one of the page's controls or links ('Fold alle punkter', 'Udvid alle', 'Expand all', 'Print',
# 'Download "Referat ..."'), an image's text ('Frederikssund Kommunes logo'), or a meeting's kind
# ('EOM', 'AGM', 'Extraordinary Meeting'). A month or a weekday alone is no name either (names_no_body).
CONTROL = re.compile(r"^(?:fold|udvid|skjul|vis|luk|åbn|expand|collapse|show|hide|open|close)"
                     r"(?:\s+(?:alle|all|ud|ind|sammen|op|up))+(?:\s+(?:punkter|punkterne|sager|sagerne|"
                     r"items|sections|afsnit|bilag))?$|^(?:menu|søg|search|log ind|login)$", re.IGNORECASE)
LINK_LABEL = re.compile(rf"^(?:{LINK})(?:\s*[\"“„«'].*)?$", re.IGNORECASE)
MEETING_KIND = re.compile(r"^(?:AGM|EGM|EOM|APM|(?:(?:extra\s?ordinary|ordinary|annual|special|statutory|"
                          r"general|full|ekstraordinært|ordinært)\s+)*(?:meeting|møde))$", re.IGNORECASE)
KIND = r"(?:extra\s?ordinary|ordinary|annual|special|statutory|general)"  # of a meeting, in English
AROUND_NAME = " -–:,.\"“”„«»'"  # 'Referat. af mødet i ...', 'Download "Referat af ..."'
PLACE = re.compile(r"^(?:i|på|in|at)\s+(?P<place>[A-ZÆØÅ0-9].*)$")
# A line with a finite verb of its own is a sentence, not a title, a body's name or a name in a list
# ('Referatet blev godkendt', 'The minutes of the meeting held on 5 May were approved'). The verbs
# are the closed class of Danish and English auxiliaries and copulas, written in lower case as they
# stand inside a sentence (so 'Will Jones' is a name); a relative word takes the first verb after it
# for its own clause ('Minutes of a meeting which was held on ...' is still a title).
FINITE = frozenset(("er", "var", "blev", "bliver", "har", "havde", "vil", "ville", "skal", "skulle", "kan",
                    "kunne", "må", "måtte", "is", "are", "was", "were", "has", "have", "had", "will",
                    "would", "shall", "should", "can", "could", "must"))
RELATIVE = frozenset(("der", "som", "hvor", "hvilket", "which", "that", "who", "whom", "whose", "where"))
# A sentence without a verb of its own: a noun and the participle of what a meeting does with its
# minutes, agenda or items, after it ('Referat godkendt.', 'Dagsorden godkendt', 'Minutes approved'),
# or the participle alone ('Godkendt.'); the Danish passive ('Dagsordenen godkendes') is finite.
# Before its noun, after 'as' or in brackets it is an attribute of a title ('Godkendt referat',
# 'Minutes ..., as approved', 'Referat (godkendt)'). Not 'held' or 'afholdt': 'Meeting held on ...'.
PARTICIPLES = frozenset((
    "godkendt", "godkendes", "vedtaget", "vedtages", "tiltrådt", "tiltrædes", "taget", "tages", "noteret",
    "noteres", "forkastet", "forkastes", "afvist", "afvises", "udsat", "udsættes", "underskrevet",
    "underskrives", "oplæst", "udsendt", "anbefalet", "anbefales", "drøftet", "behandlet", "besluttet",
    "approved", "agreed", "adopted", "accepted", "noted", "received", "signed", "confirmed", "rejected",
    "deferred", "carried", "circulated", "ratified", "endorsed"))
ATTRIBUTE_AFTER = frozenset(("as", "som", "the", "a", "an", "det", "den", "de", "et", "en", "af", "of"))
# Where a sentence ends: a full stop after a word (not 'Mr.' or 'St.'), then a capital.
SENTENCE_END = re.compile(r"(?<=\w\w\w)[\"”’»)]?[.!?][\"”’»]*\s+(?=[\"“„«]?[A-ZÆØÅ])")
# A sentence about the minutes or the agenda dates them (approved, sent, signed), not the meeting.
ABOUT_MINUTES = re.compile(r"\b(?:referat\w*|\w*protokol\w*|minutes|dagsorden\w*|agenda)\b", re.IGNORECASE)


@dataclass
class Facts:
    """What the lines before the items say about the meeting."""

    body: str | None = None
    kind: str | None = None  # "referat" or "dagsorden", from the title
    date: dt.date | None = None
    start: str | None = None
    end: str | None = None
    location: str | None = None
    minute_taker: str | None = None
    people: list[Participant] = field(default_factory=list)
    titles: list[str] = field(default_factory=list)  # the minutes' own title lines, kept as comments
    columns: dict[str, int] = field(default_factory=dict)  # an attendance table's header: field -> column
    unplaced: list[Line] = field(default_factory=list)
    letterhead: list[Line] = field(default_factory=list)  # 'Vesterå Kommune' above the minutes
    dated_by: Line | None = None  # the sentence the date was read from, when nothing else gave one


def read_facts(lines: list[Line]) -> Facts:
    """The facts of the preamble; lines that state none are kept as unplaced."""
    facts = Facts()
    stated: list[tuple[Line, Facts]] = []  # sentences that give a date, for want of a better one
    people_label: str | None = None
    previous_dated = False
    after_blank = False
    for line in join_broken(lines):
        text = line.text.replace("**", "").strip().strip("*_").strip()
        if not text:
            after_blank = True
            continue
        listed = is_person_line(text) and not TITLE.match(text)  # the next name of a list
        if after_blank and not re.match(r"^[-•*·]\s", text) and not listed:
            people_label = None  # a list of names ends at a blank line, unless the list goes on
        after_blank = False
        if line.cells and read_row(facts, line.cells) or is_table_rule(text):
            continue
        found = LABEL.match(text)
        if found and labelled(facts, found["label"], found["value"].strip()):
            people_label = found["label"] if kind_of(found["label"]) == "people" else None
            previous_dated = kind_of(found["label"]) == "date"
            continue
        if people_label and (ANY_LABEL.match(text) or is_statement(text)):
            people_label = None  # 'Bemærkninger:' or a sentence after the members: not a name
        if people_label and attendance_of(bullet := re.sub(r"^[-•*·]\s*", "", text)):
            people_label = bullet  # '• Afbud' inside the list: the names below it sent apologies
            continue
        if people_label and add_people(facts, text, people_label):
            continue
        if is_statement(text):
            facts.unplaced.append(line)  # a sentence before the items is for a person to place
            if not ABOUT_MINUTES.search(text) and read_when(said := Facts(), text, False):
                stated.append((line, said))
            if len(text.split()) > LONG_FACT:
                embedded_people(facts, text)
            previous_dated = False
            continue
        if read_free(facts, text, previous_dated):
            previous_dated = facts.date is not None
            if len(text.split()) > LONG_FACT:
                facts.unplaced.append(line)  # a paragraph, not a title or a date line: more than its facts
                embedded_people(facts, text)
            continue
        if not facts.titles and facts.date is None and ORGANISATION.match(text):
            facts.letterhead.append(line)  # the authority's name on the letterhead, before the title
            continue
        facts.unplaced.append(line)
    if facts.date is None and stated:
        facts.dated_by, said = stated[0]
        facts.date = said.date
        facts.start, facts.end = facts.start or said.start, facts.end or said.end
        facts.location = facts.location or said.location
    name_body(facts, lines)
    return facts


def is_statement(text: str) -> bool:
    """Whether a line is a sentence: its first sentence has a finite verb outside a relative clause.
    Only the first, as a page flattened onto one line starts with its title and holds sentences
    further on; and only one of a sentence's length, as a longer run of words is a paragraph or
    such a page, which read_facts keeps under unplaced whole while it reads its facts."""
    first = SENTENCE_END.split(text, maxsplit=1)[0]
    if len(first.split()) > LONG_FACT:
        return False
    tokens = re.findall(r"\w+|[^\w\s]", first.lower() if first.isupper() else first)
    if len(tokens) - (tokens[-1:] == ["."]) == 1:
        return tokens[0].lower() in PARTICIPLES  # 'Godkendt.'
    open_clauses = 0
    for i, word in enumerate(tokens):
        if word in RELATIVE:
            open_clauses += 1
        elif word in FINITE or word in PARTICIPLES and predicative(tokens, i):
            if not open_clauses:
                return True
            open_clauses -= 1
    return False


def predicative(tokens: list[str], i: int) -> bool:
    """Whether the participle at i says what was done ('Referat godkendt'): after a word of its
    own, not first, in brackets or after an article or 'as' ('Godkendt referat', '(godkendt)')."""
    before = tokens[i - 1] if i else ""
    return bool(re.fullmatch(r"\w+", before)) and before.lower() not in ATTRIBUTE_AFTER


def names_no_body(text: str) -> bool:
    """Whether a line or a part of a title can never be a body's name (CONTROL, LINK_LABEL,
    MEETING_KIND), as it is only a month or weekday with or without its day and year ('June',
    'May 2021', 'Mandag'), or an image's text."""
    text = text.strip(AROUND_NAME)
    words = re.findall(r"[^\W\d_]+", text.lower())
    return (not words or all(word in date_words() or word in ("st", "nd", "rd", "th") for word in words)
            or "logo" in words or any(p.match(text) for p in (CONTROL, LINK_LABEL, MEETING_KIND)))


def bare(text: str) -> str:
    """A line's text without Markdown's heading marks, bold or italics around it."""
    return text.strip().strip("*_#").strip()


def is_body_name(text: str) -> bool:
    """A line that is only a body's name: 'Kultur- og Fritidsudvalget', 'Millbrook Parish Council'."""
    return bool(NAME_ONLY.match(text) and BODY_NOUN.search(text) and not LABEL.match(text)
                and not TITLE.match(text) and len(text.split()) <= 8 and not is_statement(text)
                and not names_no_body(text))


def name_body(facts: Facts, lines: list[Line]) -> None:
    """The body's name: the last line above the items that names a body on its own ('Harwick Town
    Council' / 'Planning Committee': the committee), unless the title names a more specific one;
    else a name standing alone above 'Referat'."""
    named = [text for line in lines if is_body_name(text := bare(line.text))]
    if named and (facts.body is None or not BODY_NOUN.search(facts.body)
                  or named[-1].endswith(f" {facts.body}")):
        facts.body = named[-1]
        facts.titles.insert(0, facts.body)
        facts.unplaced = [line for line in facts.unplaced if bare(line.text) != facts.body]
    if facts.body is not None or not facts.titles:
        return
    for line in facts.unplaced:
        text = line.text.strip().strip("*_").strip()
        if NAME_ONLY.match(text) and not is_statement(text) and not names_no_body(text):
            facts.body = text
            facts.titles.insert(0, facts.body)
            facts.unplaced.remove(line)
            return


def join_broken(lines: list[Line]) -> list[Line]:
    """A line that continues the one above: it starts in lower case ('**Referat' / 'af møde i
    ...'), or the line above filled the page's width, as a PDF wraps a long list of members. A line
    that gives only a date ('20. marts 2024', 'den 20. marts 2024 kl. 17') stands on its own: it
    is the meeting's date, not the end of a long sentence or title above it."""
    out: list[Line] = []
    full = 0.85 * max((len(line.text.strip()) for line in lines), default=0)
    for line in lines:
        text = line.text.strip().strip("*_").strip()
        wrapped = full >= 60 and bool(out) and len(out[-1].text.strip()) >= full and \
            not LABEL.match(text) and not ANY_LABEL.match(text) and not re.match(r"^[-•*·]\s", text) \
            and not line.heading
        if out and (text[:1].islower() or wrapped) and not out[-1].blank and not out[-1].cells \
                and not line.cells and text and not is_bare_date(text):
            out[-1] = out[-1].with_text(f"{out[-1].text.strip().strip('*_').strip()} {text}")
        else:
            out.append(line)
    return out


def kind_of(label: str) -> str:
    label = label.lower()
    if label.endswith("medlemmer"):
        return "people"  # udvalgsmedlemmer, rådsmedlemmer, bestyrelsesmedlemmer
    return next(kind for kind, words in LABELS.items() if label in words)


def labelled(facts: Facts, label: str, value: str) -> bool:
    """A 'Label: value' line; False if the value says nothing the label promises."""
    kind = kind_of(label)
    if kind == "people":  # 'Deltagere var alle medlemmer': a sentence, not a list of names
        return (not is_statement(f"{label} {value}") and add_people(facts, value, label)) or not value
    if kind == "minute_taker":
        facts.minute_taker = facts.minute_taker or value.strip(" .") or None
        return bool(value)
    if kind == "location":
        facts.location = facts.location or value.strip(" .") or None
        return bool(value)
    if kind == "end":
        facts.end = facts.end or find_times(value)[0]
        return facts.end is not None
    return read_when(facts, value, kind == "date")


def read_when(facts: Facts, value: str, is_date: bool) -> bool:
    date = find_date(value)
    start, end = find_times(value)
    facts.date = facts.date or date
    facts.start = facts.start or start
    facts.end = facts.end or end
    if date and (place := place_after_date(value)):
        facts.location = facts.location or place
    return bool(date or start) or (not value and is_date)


def place_after_date(value: str) -> str | None:
    """'Onsdag d. 28. september 2022 i Kultur & Frivillighuset' -> the place after the date."""
    found = re.search(r"(?:\b\d{4}|\b\d{1,2}[.:]\d{2}(?:\s*[ap]\.?m\.?)?|\b\d{1,2}\s*[ap]\.?m\.?)\s*(?:,\s*)?"
                      r"(?:i|på|in|at)\s+(?:the\s+)?(?P<place>[A-ZÆØÅ].*)$", value)
    return found["place"].strip(" .") if found else None


def read_free(facts: Facts, text: str, previous_dated: bool) -> bool:
    """An unlabelled line: the title with the body's name, a date line, or a place after a date."""
    if TITLE.match(text) or (facts.body is None and re.search(r"\b(?:referat|minutes)\b", text, re.I)):
        read_title(facts, text)
        return True
    if facts.titles and facts.body is None and NAME_ONLY.match(text) and not find_date(text) \
            and not names_no_body(text):
        facts.body = text  # "REFERAT" on one line and the body's name on the next
        facts.titles.append(text)
        return True
    if (found := SUBSTITUTE.search(text)) and PERSON.match(text[:found.start()].strip()):
        person = parse_person(text, "substitute")  # 'Niels Bak (V) deltog som stedfortræder for ...'
        if person is not None:
            facts.people.append(person)
            return True
    if facts.date is None and find_date(text):
        return read_when(facts, text, True)
    if previous_dated and facts.location is None and (found := PLACE.match(text)):
        facts.location = found["place"].strip(" .")
        return True
    if facts.start is None and re.match(r"^(?:kl\.?|klokken)\s", text, re.I):
        return read_when(facts, text, False)
    return False


def read_title(facts: Facts, text: str) -> None:
    """'Referat af møde i Integrationsrådet i Holstebro Kommune' -> body, kind and any date."""
    facts.titles.append(text)
    lower = text.lower()
    facts.kind = facts.kind or ("dagsorden" if re.search(r"dagsorden|agenda|summons", lower) and
                                not re.search(r"referat|minutes|protokol", lower) else "referat")
    read_when(facts, text, False)
    if facts.body is None:
        facts.body = body_from_title(text)


def body_from_title(text: str) -> str | None:
    text = re.sub(r"\b(?:referat|dagsorden|beslutningsprotokol|protokol|minutes|agenda)\b", "|", text,
                  flags=re.IGNORECASE)
    text = re.sub(r"\b(?:af|fra|for|of|the|til)\b\s*(?:det\s+)?(?:ordinære|ekstraordinære|ordinary|"
                  r"extraordinary)?\s*(?:møde(?:t)?|meeting)\s+(?:i|for|of)?\s*(?:the\s+)?", " ", text,
                  flags=re.IGNORECASE)
    for part in text.split("|"):
        if (name := name_in_title(part)) is not None:
            return name
    return None


def name_in_title(part: str) -> str | None:
    """The body's name in a part of a title around 'Referat' or 'Minutes', if it has one: up to its
    date, place or relative clause, without 'af mødet i' or 'of the Special Meeting of the Full' before it or
    'Extraordinary Meeting' after it."""
    part = re.split(r"\s+(?:i\s+\S+\s+kommune|d\.|den|held|on|\d|(?:which|who|that|der|som|hvor)\b)",
                    part.strip(AROUND_NAME), maxsplit=1, flags=re.IGNORECASE)[0]
    part = re.sub(rf"^(?:(?:af|fra|for|of|the|an?|møde i|mødet i)\s+|(?:{KIND}\s+)*meeting\s+(?:of|for)\s+"
                  r"(?:the\s+)?(?:full\s+)?)+", "", part.strip(AROUND_NAME), flags=re.I)
    part = re.sub(rf"\s+(?:{KIND}\s+)*meeting$", "", part, flags=re.I).strip(AROUND_NAME)
    return part if len(part) > 2 and part[0].isupper() and not names_no_body(part) else None


def header_columns(cells: tuple[str, ...]) -> dict[str, int]:
    """The columns of an attendance table's header row ('Navn | Parti | Rolle | Fremmøde'), or {}."""
    found = {key: i for i, cell in enumerate(cells) for key, words in COLUMNS.items()
             if cell.strip(" :").lower() in words}
    return found if "name" in found and len(found) > 1 else {}


def read_column_row(facts: Facts, cells: tuple[str, ...]) -> bool:
    def cell(key: str) -> str:
        i = facts.columns.get(key)
        return cells[i].strip() if i is not None and i < len(cells) else ""
    text = cell("name") + (f" ({cell('party')})" if cell("party") else "")
    text += f", {cell('role')}" if cell("role") else ""
    state = cell("attendance")
    attendance = attendance_of(state) if state else "present"
    person = parse_person(text if attendance else f"{text} {state}", attendance or "present")
    if person is not None:
        facts.people.append(person)
    return person is not None


def embedded_people(facts: Facts, text: str) -> None:
    """A list of members inside a line of flattened text ('... Fraværende: Ingen. Mødedeltagere:
    Arne Ebsen, Birger Jensen, ..., Vibeke Rindom åben'): up to the next label or a lower-case word."""
    for found in EMBEDDED_PEOPLE.finditer(text):
        names = re.split(r"\s+(?=[a-zæøå])|\s+\S+:", found["names"], maxsplit=1)[0]
        if len(names.split(",")) >= 2:
            add_people(facts, names, found["label"])


def add_people(facts: Facts, text: str, label: str) -> bool:
    """People listed under or after an attendance label; False if the text holds no person."""
    attendance = attendance_of(label) or "present"
    found = [p for piece in split_people(text) if (p := parse_person(piece, attendance))]
    facts.people.extend(found)
    return bool(found)


COLUMNS = {"name": ("navn", "name", "medlem", "member", "councillor"), "party": ("parti", "party"),
           "role": ("rolle", "role", "funktion", "hverv"),
           "attendance": ("fremmøde", "attendance", "status", "deltagelse", "mødt/afbud")}


def read_row(facts: Facts, cells: tuple[str, ...]) -> bool:
    """A table row: 'Mødt | Lise Østermark (V)', 'Mødedato | 3. september 2024', or a header row."""
    filled = [c.replace("**", "").strip() for c in cells if c.strip("* ")]
    if all(c.rstrip().endswith(":") for c in filled):
        return True  # a header row of labels, such as "Indbudte: | Medlemmer:"
    if columns := header_columns(cells):
        facts.columns = columns
        return True
    if facts.columns:
        return read_column_row(facts, cells)
    found = LABEL.fullmatch(filled[0].strip(" :")) if len(filled) > 1 else None
    if found and kind_of(found["label"]) != "people":
        return labelled(facts, found["label"], " ".join(filled[1:]))
    attendance = next((a for c in filled if (a := attendance_of(c))), None)
    if attendance:
        others = [c for c in filled if not attendance_of(c)]
        if others and (person := parse_person(" ".join(others), attendance)):
            facts.people.append(person)
            return True
        return not others  # a header row such as "Mødt | Medlemmer"
    return False
