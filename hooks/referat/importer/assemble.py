"""From a source file to a meeting file's data, with a report of what was found and dropped."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from ..model import Status
from . import ocr
from .facts import Facts, is_body_name, read_facts
from .flattened import split_flattened
from .furniture import RUNNING, remove_furniture
from .guard import bounded, checked_read
from .headers import Header, candidate, find_headers, number_key
from .items import (
    UNPLACED,
    Item,
    absentee_names,
    attachment_titles,
    clean_title,
    decision_text,
    heading_block,
    read_item,
    text_of,
)
from .lines import Dropped, Line
from .nextmeeting import take_next_meeting
from .organisation import organisation_of
from .people import attendance_of, merge_people, parse_person, participant_record
from .profiles import (
    Profile,
    active,
    detect,
    fallback_decision_headings,
    page_title_lines,
)
from .singleitem import LABEL_LINE, closed_divider, reads_as_title, single_item, single_item_note
from .sources import read_source
from .toc import Contents, find_contents
from .vocabulary import CLOSED, heading_key
from .votes import read as read_votes
from .when import find_date, find_times

LEADER = re.compile(r"\s*\.{3,}.*$")  # a contents entry's dotted leader and page: 'Budget....xi'
ENDED = ("mødet hævet", "mødet sluttede", "mødet afsluttet", "meeting closed", "meeting ended",
         "the meeting closed", "the meeting ended")


@dataclass
class Imported:
    """A meeting read from a source: the meeting file's data and what the reader should check."""

    source: Path
    meeting: dict[str, Any]
    body: str | None
    unplaced: list[Line] = field(default_factory=list)
    titles: list[str] = field(default_factory=list)
    dropped: list[Dropped] = field(default_factory=list)
    unsure: list[str] = field(default_factory=list)
    repeated_absentees: int = 0
    text_lines: int = 0  # lines of the source with text, for the summary's doubts
    text_words: int = 0
    organisation: str | None = None  # the authority on the letterhead, for body.yml
    read_by_ocr: bool = False  # a scanned PDF: its text was recognised, not read


def import_source(path: Path, body: str | None = None) -> Imported:
    """Read one source file (.txt, .md, .html, .pdf or .docx) into a meeting, in bounded time and
    memory (guard.py): a damaged or hostile file gives a one-line SourceError. A scanned PDF is
    read again by OCR, which takes minutes, with OCR's longer time limit."""
    try:
        with ocr.deferred():
            return bounded(path, lambda source: import_unbounded(source, body))
    except ocr.NeedsOcr:
        return bounded(path, lambda source: import_unbounded(source, body), seconds=ocr.OCR_SECONDS)


def import_unbounded(path: Path, body: str | None = None) -> Imported:
    lines, dropped = checked_read(path, read_source)
    lines = split_flattened(lines)
    profile = detect(lines)
    with active(profile):
        imported = read_meeting(path, body, profile_furniture(lines, profile, dropped), dropped)
    imported.read_by_ocr = path.resolve() in ocr.READ
    return imported


def read_meeting(path: Path, body: str | None, lines: list[Line], dropped: list[Dropped]) -> Imported:
    lines, furniture = remove_furniture(lines)
    dropped += furniture
    notes: list[str] = []
    headers = find_headers(lines, skip=page_title_lines(lines))
    contents = find_contents(lines, headers)
    headers = titled_from_above([h for h in headers if h.index not in contents.indexes], lines)
    if not headers and not contents.entries and (one := single_item(lines)) is not None:
        headers = [one]
        notes.append(single_item_note(one, lines))
    lines, divider = closed_divider(lines, dropped)
    bounds = zip(headers, ends(headers, lines), strict=True)
    items = [read_item(h, lines[h.index + (not h.opens_body) + h.below: end]) for h, end in bounds]
    for header, item in zip(headers, items, strict=True):
        if divider is not None and header.index > divider and not item.closed:
            item.closed = True
            notes.append(f"item {item.number}: closed, as a line above it says the items after it "
                         "are treated behind closed doors; check it")
    items = with_contents(items, contents, notes)
    preamble = lines[: headers[0].index] if headers else lines
    facts = read_facts(drop_toc(preamble, headers, items, dropped))
    dropped += [Dropped(line, "brevhoved: organisationens navn") for line in facts.letterhead]
    result = Imported(path, {}, body or facts.body or running_body(dropped), unplaced=facts.unplaced,
                      titles=facts.titles, dropped=dropped, unsure=notes,
                      text_lines=sum(not line.blank for line in lines),
                      text_words=sum(len(line.text.split()) for line in lines),
                      organisation=organisation_of(facts, dropped))
    result.meeting = meeting_record(facts, items, result)
    return result


def titled_from_above(headers: list[Header], lines: list[Line]) -> list[Header]:
    """A header with a number and no title ('Sag nr. 129') right under a line that reads as a
    title ('Spørgetid'), as some municipal pages write them: the item starts at its title."""
    out: list[Header] = []
    for header in headers:
        above = header.index - 1
        text = lines[above].text.strip().strip("*_").strip() if above >= 0 else ""
        if not header.title and not header.opens_body and text and reads_as_title(text) \
                and not LABEL_LINE.match(text) and heading_block(text) is None \
                and candidate(lines, above) is None and (not out or out[-1].index < above):
            header = replace(header, index=above, title=text, below=1)
        out.append(header)
    return out


def profile_furniture(lines: list[Line], profile: Profile, dropped: list[Dropped]) -> list[Line]:
    """The lines without the page text the publishing system puts around the minutes."""
    furniture = set(profile.furniture)
    kept = []
    for line in lines:
        if line.text.strip() in furniture:
            dropped.append(Dropped(line, f"sidens faste tekst ({profile.name})"))
        else:
            kept.append(line)
    return kept


def with_contents(items: list[Item], contents: Contents, notes: list[str]) -> list[Item]:
    """The items, with those only the table of contents names, and its closed markers."""
    found = {item.number: item for item in items}
    for entry in contents.entries:
        title, closed = clean_title(LEADER.sub("", entry.title))
        item = found.get(entry.number)
        if item is None:
            found[entry.number] = Item(entry.number, title or f"Punkt {entry.number}", closed)
            notes.append(f"item {entry.number}: named only in the table of contents; its text is "
                         "not in the source")
        elif closed and not item.closed:
            item.closed = True
            notes.append(f"item {entry.number}: closed, as the table of contents marks it")
    return sorted(found.values(), key=lambda item: sortable(number_key(item.number)))


def sortable(key: tuple[int | str, ...]) -> tuple[tuple[int, int | str], ...]:
    """A number's key that compares with any other: numbers before letters at each place."""
    return tuple((0, part) if isinstance(part, int) else (1, part) for part in key)


def running_body(dropped: list[Dropped]) -> str | None:
    """A body named only in the running header of every page ('Huslejenævnet i Tornby Kommune')."""
    return next((text for d in dropped if d.reason == RUNNING
                 and is_body_name(text := d.line.text.strip())), None)


def ends(headers: list[Header], lines: list[Line]) -> list[int]:
    return [h.index for h in headers[1:]] + [len(lines)] if headers else []


def drop_toc(preamble: list[Line], headers: list[Header], items: list[Item],
             dropped: list[Dropped]) -> list[Line]:
    """Lines before the first item that repeat an item's header or title are its table of
    contents, with or without a page number."""
    titles = {normal(f"{h.number} {h.title}") for h in headers}
    titles |= {normal(h.title) for h in headers if h.title}
    titles |= {normal(f"{i.number} {i.title}") for i in items} | {normal(i.title) for i in items}
    kept = []
    for line in preamble:
        text = re.sub(r"\s+\d{1,3}$", "", line.text.strip())  # without the page number of an entry
        if text and (strip_number(line.text) in titles or strip_number(text) in titles):
            dropped.append(Dropped(line, "indholdsfortegnelse"))
        else:
            kept.append(line)
    return kept


def normal(text: str) -> str:
    """A title as compared with a table of contents: no bold, case, closed marker or final period."""
    return " ".join(CLOSED.sub(" ", text.replace("*", "")).lower().rstrip(".").split())


def strip_number(text: str) -> str:
    found = candidate([Line(text, 0)], 0)
    if found is None:
        return normal(text)
    return normal(f"{found.number} {found.title}")


def meeting_record(facts: Facts, items: list[Item], result: Imported) -> dict[str, Any]:
    """The meeting file's data in the contract's key order."""
    people = list(facts.people)
    end = facts.end
    for item in items:
        end = take_end(item) or end
        for label, names in item.absentees:
            attendance = attendance_of(label) or "absent"
            people += [p for n in absentee_names(names) if (p := parse_person(n, attendance))]
            result.repeated_absentees += 1
    meeting: dict[str, Any] = {}
    if facts.date:
        meeting["date"] = facts.date
        if facts.dated_by is not None:
            result.unsure.append(f"meeting date {facts.date.isoformat()} read from a sentence before the "
                                 f"items (line {facts.dated_by.number}, under 'unplaced'), as the minutes "
                                 "give no other: check it")
    elif decided := decision_date(items):
        meeting["date"] = decided
        result.unsure.append(f"meeting date {decided.isoformat()} read from the last decision heading "
                             "('Beslutning i ... den ...'), as the page gives no other: check it")
    else:
        result.unsure.append("no meeting date found: write `date: YYYY-MM-DD` by hand")
    for key, value in (("start", facts.start), ("end", end), ("location", facts.location)):
        if value:
            meeting[key] = value
    meeting["status"] = status(facts, items)
    if facts.minute_taker:
        meeting["minute_taker"] = facts.minute_taker
    if people:
        meeting["participants"] = [participant_record(p) for p in merge_people(people)]
    announced = take_next_meeting(items[-1].blocks) if items else None
    meeting["items"] = [item_record(item, meeting["status"], result) for item in items]
    read_decisions(meeting, result)
    if announced:
        meeting["next_meeting"] = announced
    if not items:
        result.unsure.append("no item headers found: every line is under 'unplaced'")
    if unplaced := [unplaced_record(line) for line in result.unplaced if not line.blank]:
        meeting["unplaced"] = unplaced
    return meeting


def decision_date(items: list[Item]) -> dt.date | None:
    """The date of the last dated decision heading ('Beslutning i Byrådet den 19-12-2016'): on an
    item's own page, the decision of the meeting the page is from (earlier committees' come first)."""
    dates = [date for item in items for block in item.blocks
             if block.kind == "decision" and block.heading and (date := find_date(block.heading))]
    return dates[-1] if dates else None


def read_decisions(meeting: dict[str, Any], result: Imported) -> None:
    """Votes, outcome, absences and remarks read from each open decision; the text stays whole."""
    for record in meeting["items"]:
        if record.get("closed") or not record.get("decision"):
            continue  # a closed item publishes its title and decision and nothing else
        reading = read_votes(record["decision"], meeting.get("participants", []))
        record.update(reading.fields)
        result.unsure += [f"item {record['number']}: {check}" for check in reading.checks]


def unplaced_record(line: Line) -> dict[str, Any]:
    """A line the importer could not place, as the meeting file keeps it: shown on no page."""
    record: dict[str, Any] = {"line": line.number} if line.number else {}
    return {**record, "text": line.text.strip()}


def status(facts: Facts, items: list[Item]) -> Status:
    decided = any(block.kind == "decision" and any(t.strip() for t in block.lines)
                  for item in items for block in item.blocks)  # an empty 'Beslutning' is to come
    return "planned" if facts.kind == "dagsorden" and not decided else "held"


def take_end(item: Item) -> str | None:
    """'Mødet hævet kl. 18.30' under the last item: the meeting's end, not the item's text."""
    for block in item.blocks:
        for i, line in enumerate(block.lines):
            if line.strip().lower().startswith(ENDED) and (end := find_times(line)[0]):
                del block.lines[i]
                return end
    return None


def item_record(item: Item, meeting_status: Status, result: Imported) -> dict[str, Any]:
    record: dict[str, Any] = {"number": number_value(item.number), "title": item.title}
    result.unsure += item.notes
    if item.journal and item.closed:
        # A closed item publishes only its title and decision, and the draft goes into the
        # repository: the number is left out of the file, and named here so it is not lost.
        result.unsure.append(f"item {item.number}: closed; its journal number {item.journal} "
                             "is left out of the draft, as a closed item publishes only its "
                             "title and decision")
    elif item.journal:
        record["journal"] = item.journal
    if item.closed:
        record["closed"] = True
    blocks = weigh_decisions(item.blocks)
    if any(b.kind == "decision" and b.heading for b in blocks):
        for block in blocks:  # a decision heading of its own: text after a proposal is a section
            if block.kind == "decision" and block.heading is None:
                block.kind = "section"
    if not any(b.heading or b.kind == "decision" for b in blocks) and meeting_status == "held":
        for block in blocks:
            block.kind = "decision"  # text straight under the title is what was decided
    sections = sections_of(blocks)
    if sections:
        record["sections"] = sections
        if item.closed:
            result.unsure.append(f"item {item.number}: closed, but has text besides its decision; "
                                 "remove it before publishing")
    if decision := decision_text([b for b in blocks if b.kind == "decision"]):
        record["decision"] = decision
    if titles := attachment_titles([b for b in blocks if b.kind == "attachments"]):
        record["attachments"] = titles
    return record


def weigh_decisions(blocks: list[Any]) -> list[Any]:
    """A system's weaker decision heading ('Minutes:' on a ModernGov page) is a section when the
    item also has a real decision ('RESOLVED', 'Decisions:')."""
    weak = fallback_decision_headings()
    def is_weak(block: Any) -> bool:
        return block.kind == "decision" and heading_key(block.heading or "") in weak
    if any(block.kind == "decision" and not is_weak(block) for block in blocks):
        for block in blocks:
            if is_weak(block):
                block.kind = "section"
    return blocks


def sections_of(blocks: list[Any]) -> dict[str, str]:
    sections: dict[str, str] = {}
    for block in blocks:
        if block.kind != "section":
            continue
        heading = block.heading or UNPLACED
        text = text_of(block.lines)
        if heading in sections:
            sections[heading] = f"{sections[heading]}\n\n{text}".strip()
        elif text or block.heading:
            sections[heading] = text
    return sections


def number_value(number: str) -> int | str:
    return int(number) if number.isdigit() else number


def meeting_date(imported: Imported) -> dt.date | None:
    date = imported.meeting.get("date")
    return date if isinstance(date, dt.date) else None
