"""The files made from the schema are current, and agree with it."""

from __future__ import annotations

import json

from conftest import ROOT
from referat import formatdoc, jsonschema
from referat import schema as s


def test_json_schema_files_are_current() -> None:
    for name, record in jsonschema.FILES.items():
        committed = (ROOT / "schema" / name).read_text(encoding="utf-8")
        assert committed == jsonschema.document(record), f"schema/{name} is stale: make generated"


def test_format_page_is_current() -> None:
    committed = (ROOT / "docs" / "format.md").read_text(encoding="utf-8")
    assert committed == formatdoc.render(), "docs/format.md is stale: make generated"


def all_fields(record: s.Record) -> list[tuple[s.Record, s.Field]]:
    found = []
    for field in record.fields:
        found.append((record, field))
        if field.record is not None:
            found += all_fields(field.record)
    return found


def test_every_field_has_help_and_is_documented() -> None:
    page = formatdoc.render()
    for record, field in all_fields(s.MEETING) + all_fields(s.BODY):
        assert field.help.strip(), f"{record.name}.{field.key} has no help text"
        assert f"| `{field.key}` |" in page, f"{record.name}.{field.key} is not on the format page"


def test_json_schema_mirrors_the_records() -> None:
    meeting = json.loads(jsonschema.document(s.MEETING))
    assert meeting["additionalProperties"] is False
    assert set(meeting["properties"]) == set(s.MEETING.keys)
    assert meeting["required"] == ["date", "items"]
    item = meeting["properties"]["items"]["items"]
    assert set(item["properties"]) == set(s.ITEM.keys)
    assert item["properties"]["closed"]["type"] == "boolean"
    status = meeting["properties"]["status"]
    assert status["enum"] == list(s.STATUS) and status["description"]


def test_example_meetings_name_the_schema_for_editors() -> None:
    for path in (ROOT / "meetings").rglob("*.yml"):
        first = path.read_text(encoding="utf-8").splitlines()[0]
        name = "body" if path.name == "body.yml" else "meeting"
        assert first == f"# yaml-language-server: $schema=../../schema/{name}.schema.json", path
