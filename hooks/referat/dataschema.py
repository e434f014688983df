"""The formats of the open data (docs/data.md), described once as records of `referat.schema`.

The meeting file's own records are reused where the data says the same thing (a participant, the
next meeting), with their Danish help texts; the JSON Schema of each data file is made from the
records below, as `referat.jsonschema` makes the meeting file's. Every key is always written: a key
that is not required and has no default is null when the meeting file leaves it out, and a list is
empty. `python -m referat.dataschema -o schema` writes the schema files (`make generated`).
"""

from __future__ import annotations

import argparse
import json
from dataclasses import replace
from pathlib import Path
from typing import Any

from . import schema as s

URL = "url"  # an absolute address (site_url + path), or an attachment's own https:// address
DRAFT = "https://json-schema.org/draft/2020-12/schema"

# Kinds as the data writes them: text is always a string, a punkt's number as written.
KINDS: dict[str, dict[str, Any]] = {
    s.TEXT: {"type": "string"},
    s.MARKDOWN: {"type": "string"},
    s.DATE: {"type": "string", "pattern": r"^\d{4}-\d{2}-\d{2}$", "format": "date"},
    s.TIME: {"type": "string", "pattern": r"^\d{2}:\d{2}$"},
    s.BOOL: {"type": "boolean"},
    s.COUNT: {"type": "integer", "minimum": 0},
    s.NUMBER: {"type": "string"},
    s.TEXT_LIST: {"type": "array", "items": {"type": "string"}},
    URL: {"type": "string", "format": "uri-reference", "pattern": r"^(https?://|/)\S*$"},
}


def text(key: str, help: str, required: bool = False) -> s.Field:
    return s.Field(key, s.TEXT, help, required=required)


def url(key: str, help: str, required: bool = True) -> s.Field:
    return s.Field(key, URL, help, required=required)


def reused(record: s.Record, key: str, help: str | None = None) -> s.Field:
    """A field of the meeting file's records; `help` when its text speaks to the file's writer."""
    found = record.field(key)
    assert found is not None, key  # a key of the meeting file's own records
    return replace(found, help=help) if help else found


DATE = "Mødets dato, ÅÅÅÅ-MM-DD."
NUMBER = "Punktets nummer som i referatet, som tekst: 31, 4.01, 1.a."


LICENCE = s.Record("licence", "Licensen, som filen er udgivet under (mkdocs.yml: "
                   "extra.referat.licence).", (
    text("name", "Licensens navn, fx CC BY 4.0.", required=True),
    url("url", "Licensens adresse."),
))

BODY = s.Record("body", "Organet, der holdt mødet.", (
    text("slug", "Organets mappe under meetings/ og første del af dets adresser.", required=True),
    reused(s.BODY, "name"), reused(s.BODY, "organisation"),
))

SECTION = s.Record("section", "Et afsnit af punktet, i referatets rækkefølge.", (
    text("heading", "Afsnittets overskrift, som i referatet.", required=True),
    s.Field("text", s.MARKDOWN, "Afsnittets tekst (Markdown).", required=True),
))

ATTACHMENT = s.Record("attachment", "Et bilag til punktet.", (
    reused(s.ATTACHMENT, "title"),
    url("url", "Bilagets adresse: filen på sitet eller dens egen adresse; null, når bilaget ikke "
        "er offentliggjort som fil.", required=False),
))

VOTE_SIDE = s.Record("vote_side", s.VOTE_SIDE.help + " En side, der ikke er registreret, er "
                     "null.", (
    reused(s.VOTE_SIDE, "parties"), reused(s.VOTE_SIDE, "names"),
    reused(s.VOTE_SIDE, "count", "Antallet af stemmer, som referatet angiver det; null, når det "
           "ikke er angivet."),
))

VOTES = s.Record("votes", "En afstemning om punktet: for, imod og undlod.", tuple(
    s.Field(f.key, s.RECORD, f.help, record=VOTE_SIDE) for f in s.VOTES.fields))

ITEM = s.Record("item", "Et punkt på dagsordenen. Et lukket punkt har kun titel og beslutning: "
                "journal er null, og topics, sections og attachments er tomme.", (
    reused(s.ITEM, "number", NUMBER), reused(s.ITEM, "title"),
    url("url", "Punktets side."),
    reused(s.ITEM, "closed", "true for et lukket punkt: kun titel og beslutning offentliggøres."),
    reused(s.ITEM, "journal", "Sagens journalnummer, præcis som i sagssystemet; null for et "
           "lukket punkt."),
    reused(s.ITEM, "topics", "Punktets emner; tom for et lukket punkt."),
    s.Field("sections", s.RECORD_LIST, "Punktets afsnit i rækkefølge.", record=SECTION),
    reused(s.ITEM, "decision", "Beslutningen (Markdown), som den står i mødefilen; null, når "
           "der ikke er registreret en beslutning."),
    s.Field("attachments", s.RECORD_LIST, "Punktets bilag.", record=ATTACHMENT),
    reused(s.ITEM, "outcome", "Beslutningens udfald, fx godkendt, afvist eller taget til "
           "efterretning (listen står på siden Mødefilens format); null, når det ikke er "
           "registreret, og for et lukket punkt."),
    s.Field("votes", s.RECORD, "Afstemningen; null, når der ikke er registreret en, og for et "
            "lukket punkt.", record=VOTES),
    reused(s.ITEM, "absent_from_item", "Deltagere, der ikke deltog i behandlingen af punktet; "
           "tom for et lukket punkt."),
    s.Field("remarks", s.RECORD_LIST, "Protokolbemærkninger; tom for et lukket punkt.",
            record=s.REMARK),
))

MEETING = s.Record("meeting-data", "Et møde som åbne data: filen meeting.json ved mødets side og "
                   "hver linje i referater.ndjson.", (
    s.Field("licence", s.RECORD, LICENCE.help, required=True, record=LICENCE),
    url("schema", "Adressen på denne JSON Schema."),
    url("url", "Mødets side."),
    s.Field("body", s.RECORD, BODY.help, required=True, record=BODY),
    reused(s.MEETING, "date", DATE),
    reused(s.MEETING, "start", "Starttidspunkt, TT:MM."),
    reused(s.MEETING, "end", "Sluttidspunkt, TT:MM."),
    *(reused(s.MEETING, key) for key in ("location", "status", "minute_taker", "participants")),
    s.Field("items", s.RECORD_LIST, "Dagsordenens punkter i rækkefølge.", record=ITEM),
    reused(s.MEETING, "next_meeting"),
))

# One row of beslutninger.csv: one punkt. Every value is text, as a CSV reader returns it.
DECISION_ROW = s.Record("decision-row", "En række i beslutninger.csv: ét punkt og dets "
                        "beslutning. Alle værdier er tekst; et tomt felt er en tom tekst. En "
                        "tekst, der begynder med =, +, -, @, tabulator eller linjeskift, har en "
                        "apostrof (') foran, så et regneark ikke udfører den som en formel.", (
    reused(s.MEETING, "date", DATE),
    text("body", "Organets navn.", required=True),
    reused(s.ITEM, "number", NUMBER), reused(s.ITEM, "title"),
    text("journal", "Sagens journalnummer; tomt for et lukket punkt."),
    text("topics", "Punktets emner adskilt af '; '; tomt for et lukket punkt."),
    s.Field("decision", s.MARKDOWN, "Beslutningen (Markdown), som den står i mødefilen."),
    s.Field("closed", s.BOOL, "true for et lukket punkt, ellers false.", required=True),
    text("outcome", "Beslutningens udfald; tomt, når det ikke er registreret, og for et lukket "
         "punkt."),
    *(field for key, label in (("for", "for"), ("against", "imod"), ("abstain", "undlod at stemme"))
      for field in (
          text(f"votes_{key}", f"Partier og navne, der stemte {label}, adskilt af '; '."),
          s.Field(f"votes_{key}_count", s.COUNT, f"Antallet, der stemte {label}, når referatet "
                  "angiver det; ellers tomt."))),
    s.Field("remarks", s.MARKDOWN, "Protokolbemærkningerne som 'fra: tekst', adskilt af en tom "
            "linje; tomt for et lukket punkt."),
    url("url", "Punktets side."),
    url("licence", "Licensens adresse."),
))
CSV_COLUMNS = tuple(DECISION_ROW.keys)


def nullable(field: s.Field) -> bool:
    """A key the meeting file may leave out, with no default: written as null."""
    return not field.required and field.default is None and field.kind not in (
        s.TEXT_LIST, s.RECORD_LIST)


def field_schema(field: s.Field) -> dict[str, Any]:
    if field.kind == s.CHOICE:
        result: dict[str, Any] = {"enum": list(field.choices)}
    elif field.kind == s.RECORD:
        assert field.record is not None
        result = record_schema(field.record)
    elif field.kind == s.RECORD_LIST:
        assert field.record is not None
        result = {"type": "array", "items": record_schema(field.record)}
    elif field.kind == s.SECTIONS:
        result = {"type": "array", "items": record_schema(SECTION)}
    else:
        result = dict(KINDS[field.kind])
    if nullable(field):
        result = {"anyOf": [result, {"type": "null"}]}
    return {"description": field.help, **result}


def record_schema(record: s.Record) -> dict[str, Any]:
    """A mapping whose every key is written (null when empty) and no other."""
    return {"type": "object", "description": record.help,
            "properties": {f.key: field_schema(f) for f in record.fields},
            "required": list(record.keys), "additionalProperties": False}


ROW_COUNT = {"type": "string", "pattern": r"^\d+$"}  # a CSV cell holds a count as digits


def row_field(field: s.Field) -> dict[str, Any]:
    """A CSV cell: text, empty when the punkt has no value."""
    if field.kind == s.BOOL:
        return {"description": field.help, "enum": ["true", "false"]}
    shape = dict(ROW_COUNT) if field.kind == s.COUNT else dict(KINDS.get(field.kind, KINDS[s.TEXT]))
    if "pattern" in shape and not field.required:
        shape["pattern"] = f"^$|{shape['pattern']}"
    return {"description": field.help, **shape, "type": "string"}


def row_schema(record: s.Record) -> dict[str, Any]:
    return {"type": "object", "description": record.help,
            "properties": {f.key: row_field(f) for f in record.fields},
            "required": list(record.keys), "additionalProperties": False}


SCHEMAS = {"meeting-data": (MEETING, record_schema), "decision-row": (DECISION_ROW, row_schema)}


def document(name: str, address: str) -> str:
    """The JSON Schema file of a data format, naming its published address as its $id."""
    record, make = SCHEMAS[name]
    return json.dumps({"$schema": DRAFT, "$id": address, "title": record.name, **make(record)},
                      ensure_ascii=False, indent=2) + "\n"


def file_name(name: str) -> str:
    return f"{name}.schema.json"


def main() -> None:
    """Write the data formats' schemas to a folder, with relative $ids (the site's name theirs)."""
    parser = argparse.ArgumentParser(description=main.__doc__)
    parser.add_argument("-o", "--output", type=Path, default=Path("schema"))
    folder = parser.parse_args().output
    folder.mkdir(parents=True, exist_ok=True)
    for name in SCHEMAS:
        (folder / file_name(name)).write_text(document(name, file_name(name)), encoding="utf-8")


if __name__ == "__main__":
    main()
