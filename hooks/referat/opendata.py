"""Open data: every meeting as JSON beside its page, the whole archive as one NDJSON file, every
punkt's decision in one CSV, and the JSON Schema of each (formats in dataschema.py, addresses in
urls.py, documented in docs/data.md).

A data file publishes what the pages publish and nothing more: a closed punkt's title and
decision only (no journal, topics, sections or attachments), no `unplaced` lines, no YAML
comments (the loader never keeps them). Every file carries the licence of extra.referat.licence.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
from collections.abc import Sequence
from functools import partial
from typing import Any

from . import dataschema, paths, pieces, urls
from .cache import digest
from .generators import Run, cached_text, generator, kept_text, text_output
from .model import Item, Meeting, NextMeeting, Participant, Votes, VoteSide
from .outputs import Output, TextOutput

JSON = "application/json"
NDJSON = "application/x-ndjson"
CSV = "text/csv"
# Excel opens a CSV as UTF-8 only when it starts with a byte order mark; LibreOffice, Python's
# csv (encoding utf-8-sig) and pandas read past it. docs/data.md says so.
BOM = "\ufeff"
TOPIC_SEPARATOR = "; "
REMARK_SEPARATOR = "\n\n"  # remarks are Markdown paragraphs: a blank line between two
# A cell a spreadsheet would run as a formula (=HYPERLINK(...), DDE): text from a pull request
# gets a leading apostrophe in the CSV, as OWASP advises; the JSON keeps the text as written.
FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
NAMESPACE = "data"  # each meeting's piece, and the CSV, in the cache (pieces.py)


@generator("open-data", TextOutput, ahead=True)
def open_data(run: Run) -> Sequence[Output]:
    """meeting.json for every meeting, the bulk NDJSON, the decisions CSV and the schemas.
    Each meeting's share of them is one piece (pieces.py), made again only when the meeting's
    inputs change; the bulk file and the CSV are the pieces joined."""
    meetings = run.catalog.meetings
    keys = [pieces.meeting_key(run, m) for m in meetings]
    made = pieces.grouped(run, NAMESPACE, keys, lambda n: meeting_piece(run, meetings[n]))
    outputs: list[Output] = [meeting_json(run, piece) for piece in made]
    lines = [line for _, line, _, _, _ in made]
    # The bulk file is its lines joined, and the CSV the cached text of its key: each named by
    # what makes it, and put together only when the writer has not got it (outputs.TextOutput).
    outputs.append(TextOutput(urls.BULK_DATA, "", NDJSON, digest("bulk data", *lines),
                              partial(bulk, lines)))
    csv_key = digest("csv", pieces.site_key(run), *keys)
    outputs.append(TextOutput(urls.DECISIONS_CSV, "", CSV, digest("csv text", csv_key), partial(
        cached_text, run, NAMESPACE, csv_key, lambda: decisions_csv(run, [p[3] for p in made]))))
    outputs += [TextOutput(urls.data_schema(name), dataschema.document(name, schema_url(run, name)),
                           JSON) for name in dataschema.SCHEMAS]
    return outputs


def bulk(lines: list[str]) -> str:
    return "".join(line + "\n" for line in lines)


def meeting_piece(run: Run, meeting: Meeting) -> tuple[str, str, str | None, str, str]:
    """A meeting's share of the open data: its meeting.json's path, its line in the bulk file
    (compact JSON), meeting.json's text (None: kept in the cache's texts), its rows of the CSV
    and meeting.json's digest."""
    record = meeting_record(run, meeting)
    text = dumps(record, 2)
    known = digest(text)
    return (urls.meeting_data(paths.meeting(meeting)), dumps(record), kept_text(run, known, text),
            csv_rows(run, meeting, record), known)


def meeting_json(run: Run, piece: tuple[str, str, str | None, str, str]) -> TextOutput:
    path, _, text, _, known = piece
    return text_output(run, path, text, JSON, known)


def dumps(record: dict[str, Any], indent: int | None = None) -> str:
    """JSON as UTF-8 text, not \\u escapes: Danish letters stay readable in an editor."""
    return json.dumps(record, ensure_ascii=False, indent=indent,
                      separators=None if indent else (",", ":"))


def schema_url(run: Run, name: str) -> str:
    return urls.absolute(run.site_url, urls.data_schema(name))


def licence(run: Run) -> dict[str, str]:
    return {"name": run.licence.name, "url": run.licence.url}


def meeting_record(run: Run, meeting: Meeting) -> dict[str, Any]:
    """A meeting as dataschema.MEETING describes it, every key written."""
    body = meeting.body
    return {
        "licence": licence(run),
        "schema": schema_url(run, "meeting-data"),
        "url": urls.absolute(run.site_url, paths.meeting(meeting)),
        "body": {"slug": body.slug, "name": body.name, "organisation": body.organisation},
        "date": meeting.date.isoformat(),
        "start": clock(meeting.start),
        "end": clock(meeting.end),
        "location": meeting.location,
        "status": meeting.status,
        "minute_taker": meeting.minute_taker,
        "participants": [participant(p) for p in meeting.participants],
        "items": [item_record(run, meeting, item) for item in meeting.items],
        "next_meeting": next_meeting(meeting.next_meeting),
    }


def clock(time: dt.time | None) -> str | None:
    return time.strftime("%H:%M") if time else None


def participant(person: Participant) -> dict[str, Any]:
    return {"name": person.name, "party": person.party, "role": person.role,
            "attendance": person.attendance, "substitute_for": person.substitute_for}


def next_meeting(announced: NextMeeting | None) -> dict[str, Any] | None:
    if announced is None:
        return None
    return {"date": announced.date.isoformat(), "start": clock(announced.start),
            "end": clock(announced.end), "location": announced.location, "note": announced.note}


def item_record(run: Run, meeting: Meeting, item: Item) -> dict[str, Any]:
    """A punkt; a closed one keeps its title and decision and nothing else of its own."""
    shown = not item.closed
    return {
        "number": item.number,
        "title": item.title,
        "url": urls.absolute(run.site_url, paths.item(meeting, item)),
        "closed": item.closed,
        "journal": item.journal if shown else None,
        "topics": list(dict.fromkeys(item.topics)) if shown else [],
        "sections": [{"heading": heading, "text": text}
                     for heading, text in item.sections.items()] if shown else [],
        "decision": item.decision,
        "attachments": [{"title": a.title, "url": attachment_url(run, meeting, a.file, a.url)}
                        for a in item.attachments] if shown else [],
        "outcome": item.outcome if shown else None,
        "votes": votes_record(item.votes) if shown else None,
        "absent_from_item": list(item.absent_from_item) if shown else [],
        "remarks": [{"by": r.by, "text": r.text} for r in item.remarks] if shown else [],
    }


def votes_record(votes: Votes | None) -> dict[str, Any] | None:
    """The vote with every side written: null for a side that was not recorded."""
    if votes is None:
        return None
    sides = dict(votes.sides)
    return {key: side_record(sides.get(key)) for key in ("for", "against", "abstain")}


def side_record(side: VoteSide | None) -> dict[str, Any] | None:
    if side is None:
        return None
    return {"parties": list(side.parties), "names": list(side.names), "count": side.count}


def attachment_url(run: Run, meeting: Meeting, file: str | None, url: str | None) -> str | None:
    if file:
        return urls.absolute(run.site_url, paths.attachment(meeting, file))
    return url


def decisions_csv(run: Run, rows: Sequence[str]) -> str:
    """The CSV: its header and every meeting's rows (RFC 4180, with BOM), oldest meeting first."""
    out = io.StringIO()
    csv.DictWriter(out, fieldnames=dataschema.CSV_COLUMNS, lineterminator="\r\n").writeheader()
    return BOM + out.getvalue() + "".join(rows)


def csv_rows(run: Run, meeting: Meeting, record: dict[str, Any]) -> str:
    """A meeting's rows of the CSV: one a punkt, in the order of the agenda."""
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=dataschema.CSV_COLUMNS, lineterminator="\r\n")
    for item in record["items"]:
        writer.writerow({
            "date": record["date"], "body": cell(meeting.body.name),
            "number": cell(item["number"]), "title": cell(item["title"]),
            "journal": cell(item["journal"] or ""),
            "topics": cell(TOPIC_SEPARATOR.join(item["topics"])),
            "decision": cell(item["decision"] or ""), "closed": str(item["closed"]).lower(),
            "outcome": cell(item["outcome"] or ""), **vote_cells(item["votes"]),
            "remarks": cell(REMARK_SEPARATOR.join(f"{r['by']}: {r['text']}"
                                                  for r in item["remarks"])),
            "url": item["url"], "licence": run.licence.url,
        })
    return out.getvalue()


def vote_cells(votes: dict[str, Any] | None) -> dict[str, str]:
    """votes_for, votes_for_count, ...: who (parties and names, '; ') and how many, or ''."""
    cells = {}
    for key in ("for", "against", "abstain"):
        side = (votes or {}).get(key) or {"parties": [], "names": [], "count": None}
        cells[f"votes_{key}"] = cell(TOPIC_SEPARATOR.join((*side["parties"], *side["names"])))
        cells[f"votes_{key}_count"] = "" if side["count"] is None else str(side["count"])
    return cells


def cell(text: str) -> str:
    """A text cell that no spreadsheet runs as a formula."""
    return "'" + text if text.startswith(FORMULA_START) else text
