"""JSON Schema for editors (YAML language server), made from `referat.schema`."""

from __future__ import annotations

import json
from typing import Any

from . import schema as s

DRAFT = "http://json-schema.org/draft-07/schema#"
KINDS: dict[str, dict[str, Any]] = {
    s.TEXT: {"type": ["string", "number"]},
    s.MARKDOWN: {"type": "string"},
    s.DATE: {"type": "string", "pattern": r"^\d{4}-\d{2}-\d{2}$", "format": "date"},
    s.TIME: {"type": "string", "pattern": r"^\d{1,2}[:.]\d{2}$"},
    s.BOOL: {"type": "boolean"},
    s.COUNT: {"type": "integer", "minimum": 0},
    s.NUMBER: {"type": ["integer", "string"]},
    s.TEXT_LIST: {"type": "array", "items": {"type": ["string", "number"]}},
    s.SECTIONS: {"type": "object", "additionalProperties": {"type": "string"},
                 "propertyNames": {"not": {"enum": ["Beslutning", "beslutning"]}}},
}


def field_schema(field: s.Field) -> dict[str, Any]:
    """The JSON Schema of one field."""
    if field.kind == s.CHOICE:
        result: dict[str, Any] = {"enum": list(field.choices)}
    elif field.kind == s.RECORD:
        assert field.record is not None
        result = record_schema(field.record)
    elif field.kind == s.RECORD_LIST:
        assert field.record is not None
        result = {"type": "array", "items": record_schema(field.record)}
    else:
        result = dict(KINDS[field.kind])
    result["description"] = field.help
    if field.default is not None:
        result["default"] = field.default
    return result


def record_schema(record: s.Record) -> dict[str, Any]:
    """The JSON Schema of a mapping: its keys, which are required, and no others."""
    result: dict[str, Any] = {
        "type": "object",
        "description": record.help,
        "properties": {f.key: field_schema(f) for f in record.fields},
        "additionalProperties": False,
    }
    required = [f.key for f in record.fields if f.required]
    if required:
        result["required"] = required
    return result


def document(record: s.Record) -> str:
    """A complete JSON Schema file for a root record (meeting or body)."""
    return json.dumps({"$schema": DRAFT, "title": record.name, **record_schema(record)},
                      ensure_ascii=False, indent=2) + "\n"


FILES = {"meeting.schema.json": s.MEETING, "body.schema.json": s.BODY}
