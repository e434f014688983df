"""Read YAML nodes into values, field by field, as the schema describes them.

Every problem is collected; reading goes on past each one so that all are reported at once.
"""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from collections.abc import Callable
from typing import Any

from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode

from . import schema as s
from .problems import Problem, closest, unknown_key
from .yamlnodes import line, shorten

NULL_TAG = "tag:yaml.org,2002:null"
DATE_SHAPE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
TIME_SHAPE = re.compile(r"^(\d{1,2})[:.](\d{2})$")
NUMBER_SHAPE = re.compile(r"^[0-9A-Za-z]+([.\-][0-9A-Za-z]+)*$")

Build = Callable[[s.Record, dict[str, Any], Node, str], Any]


class Reader:
    """Reads one file's nodes; `problems` collects what is wrong, with file, line and field."""

    def __init__(self, path: str, build: Build) -> None:
        self.path = path
        self.build = build
        self.problems: list[Problem] = []
        self.lines: dict[str, int] = {}  # where each record and key starts, e.g. 'items[2].end'
        self.texts: list[tuple[str, ScalarNode]] = []  # every text read, for the personal-data check
        self.markdown: list[tuple[str, ScalarNode]] = []  # the Markdown among them, for the links
        self.numbers: dict[str, str] = {}  # each item's number by its place, e.g. 'items[3]': '32'

    def line_of(self, where: str, default: int = 1) -> int:
        """The line of a field or record, for checks made after reading."""
        return self.lines.get(where, default)

    def problem(self, node: Node | int, where: str, message: str) -> None:
        at = node if isinstance(node, int) else line(node)
        self.problems.append(Problem(self.path, at, shorten(where, 120), message))

    def record(self, node: Node, record: s.Record, where: str) -> Any:
        """A record built from a mapping node, or None if the node is not one."""
        if not isinstance(node, MappingNode):
            self.problem(node, where or record.name, f"expected a mapping of keys "
                         f"({', '.join(record.keys)}), found {describe(node)}")
            return None
        self.lines[where] = line(node)
        values: dict[str, Any] = {}
        for key, value in self.pairs(node, where):
            self.lines[join(where, key.value)] = line(key)
            field = record.field(key.value)
            if field is None:
                self.unknown_key(key, record, where)
            elif (got := self.value(value, field, join(where, field.key))) is not None:
                values[field.key] = got
        for field in record.fields:
            if field.required and field.key not in values and not self.reported(where, field.key):
                self.problem(node, join(where, field.key),
                             f"missing; add '{field.key}: {field.example or '...'}'")
        return self.build(record, values, node, where)

    def pairs(self, node: MappingNode, where: str) -> list[tuple[ScalarNode, Node]]:
        """The key/value pairs of a mapping, reporting duplicate and non-text keys."""
        seen: dict[str, int] = {}
        result = []
        for key, value in node.value:
            if not isinstance(key, ScalarNode):
                self.problem(key, where or "file", f"a key must be plain text, found {describe(key)}; "
                             "write 'key: value'")
                continue
            if is_null(key) or not str(key.value).strip():
                self.problem(key, where or "file", "a key is empty; write 'key: value'")
                continue
            if key.value in seen:
                self.problem(key, join(where, key.value), f"duplicate key: it is also on line "
                             f"{seen[key.value]}; keep one of them, or the other is lost")
                continue
            seen[key.value] = line(key)
            result.append((key, value))
        return result

    def unknown_key(self, key: ScalarNode, record: s.Record, where: str) -> None:
        self.problem(key, join(where, key.value), unknown_key(key.value, record.keys))

    def reported(self, where: str, key: str) -> bool:
        """Whether a problem was already reported for this field (so 'missing' is not added)."""
        return any(p.field == join(where, key) for p in self.problems)

    def value(self, node: Node, field: s.Field, where: str) -> Any:
        """The field's value read from its node, or None (with a problem, unless merely empty)."""
        if is_null(node):
            if field.required:
                self.problem(node, where, f"is empty; write a value, e.g. '{field.key}: "
                             f"{field.example or '...'}'")
            return None
        if field.required and isinstance(node, ScalarNode) and not str(node.value).strip():
            self.problem(node, where, f"is empty; write a value, e.g. '{field.key}: "
                         f"{field.example or '...'}'")
            return None
        read = READERS[field.kind]
        return read(self, node, field, where)

    def scalar(self, node: Node, where: str, wanted: str) -> str | None:
        if isinstance(node, ScalarNode):
            return str(node.value)
        self.problem(node, where, f"expected {wanted}, found {describe(node)}")
        return None

    def text(self, node: Node, where: str, wanted: str) -> str | None:
        """A scalar's text, kept with its node for the personal-data check."""
        if isinstance(node, ScalarNode):
            self.texts.append((where, node))
        return self.scalar(node, where, wanted)


def join(where: str, key: str) -> str:
    return f"{where}.{key}" if where else key


def is_null(node: Node) -> bool:
    """A plain empty, `~` or `null` value (libyaml gives plain scalars the style '', PyYAML None)."""
    return isinstance(node, ScalarNode) and node.tag == NULL_TAG and not node.style


def describe(node: Node) -> str:
    if isinstance(node, MappingNode):
        return "a mapping"
    if isinstance(node, SequenceNode):
        return "a list"
    return f"'{shorten(str(node.value))}'"


def read_text(r: Reader, node: Node, field: s.Field, where: str) -> str | None:
    text = r.text(node, where, "text")
    if text is None:
        return None
    # Composed (NFC): 'å' typed as a+ring and as one letter is one topic, one case, one address.
    text = unicodedata.normalize("NFC", " ".join(text.split()))
    if not text:
        r.problem(node, where, "is empty; write a value or remove the key")
        return None
    return text


def read_markdown(r: Reader, node: Node, field: s.Field, where: str) -> str | None:
    text = r.text(node, where, "Markdown text")
    if isinstance(node, ScalarNode):
        r.markdown.append((where, node))
    return text.strip("\n") if text is not None else None


def read_date(r: Reader, node: Node, field: s.Field, where: str) -> dt.date | None:
    text = r.scalar(node, where, "a date")
    if text is None:
        return None
    if not DATE_SHAPE.match(text.strip()):
        r.problem(node, where, f"'{shorten(text)}' is not a date; write it as YYYY-MM-DD, e.g. 2025-11-26")
        return None
    try:
        return dt.date.fromisoformat(text.strip())
    except ValueError:
        r.problem(node, where, f"'{shorten(text)}' is not a real date; check the month and the day")
        return None


def read_time(r: Reader, node: Node, field: s.Field, where: str) -> dt.time | None:
    text = r.scalar(node, where, "a time")
    if text is None:
        return None
    match = TIME_SHAPE.match(text.strip())
    if not match:
        r.problem(node, where, f"'{shorten(text)}' is not a time; write it as \"HH:MM\", e.g. \"17:00\"")
        return None
    hour, minute = int(match[1]), int(match[2])
    if hour > 23 or minute > 59:
        r.problem(node, where, f"'{shorten(text)}' is not a real time; hours go 0-23, minutes 0-59")
        return None
    return dt.time(hour, minute)


def read_bool(r: Reader, node: Node, field: s.Field, where: str) -> bool | None:
    text = r.scalar(node, where, "true or false")
    if text is None:
        return None
    if text.strip().lower() not in ("true", "false"):
        r.problem(node, where, f"'{shorten(text)}' is not true or false; write true or false")
        return None
    return text.strip().lower() == "true"


def read_number(r: Reader, node: Node, field: s.Field, where: str) -> str | None:
    text = r.scalar(node, where, "an item number")
    if text is None:
        return None
    if not NUMBER_SHAPE.match(text.strip()):
        r.problem(node, where, f"'{shorten(text)}' is not an item number; use digits and letters, "
                  "joined by '.' or '-', e.g. 31, \"4.01\" or \"1.a\"")
        return None
    if field.key == "number":
        r.numbers[where.rsplit(".", 1)[0]] = text.strip()
    return text.strip()


def read_count(r: Reader, node: Node, field: s.Field, where: str) -> int | None:
    text = r.scalar(node, where, "a whole number")
    if text is None:
        return None
    if not text.strip().isdigit() or not text.strip().isascii():
        r.problem(node, where, f"'{shorten(text)}' is not a whole number; write it in digits, "
                  f"e.g. '{field.key}: {field.example or 7}'")
        return None
    return int(text.strip())


def read_choice(r: Reader, node: Node, field: s.Field, where: str) -> str | None:
    text = r.scalar(node, where, f"one of {', '.join(field.choices)}")
    if text is None:
        return None
    if text.strip() not in field.choices:
        close = closest(text.strip(), field.choices)
        hint = f"did you mean '{close}'? " if close else ""
        r.problem(node, where, f"'{shorten(text)}' is not allowed; {hint}use one of "
                  f"{', '.join(field.choices)}")
        return None
    return text.strip()


def read_text_list(r: Reader, node: Node, field: s.Field, where: str) -> tuple[str, ...] | None:
    if not isinstance(node, SequenceNode):
        r.problem(node, where, f"expected a list, found {describe(node)}; write "
                  f"'{field.key}: [{shorten(node.value) if isinstance(node, ScalarNode) else '...'}]'")
        return None
    texts = (read_text(r, n, field, f"{where}[{i}]") for i, n in enumerate(node.value, 1))
    return tuple(t for t in texts if t is not None)


def read_record(r: Reader, node: Node, field: s.Field, where: str) -> Any:
    assert field.record is not None
    return r.record(node, field.record, where)


def read_record_list(r: Reader, node: Node, field: s.Field, where: str) -> tuple[Any, ...] | None:
    assert field.record is not None
    if not isinstance(node, SequenceNode):
        r.problem(node, where, f"expected a list ('- ' before each entry), found {describe(node)}")
        return None
    records = (r.record(n, field.record, f"{where}[{i}]") for i, n in enumerate(node.value, 1))
    return tuple(rec for rec in records if rec is not None)


def read_sections(r: Reader, node: Node, field: s.Field, where: str) -> dict[str, str] | None:
    if not isinstance(node, MappingNode):
        r.problem(node, where, "expected a mapping of heading: text, e.g. 'Indstilling: |'")
        return None
    sections: dict[str, str] = {}
    for key, value in r.pairs(node, where):
        heading = " ".join(str(key.value).split())
        r.texts.append((join(where, heading), key))
        text = read_markdown(r, value, field, join(where, heading))
        if heading.lower() == "beslutning":
            r.problem(key, join(where, heading), "the decision goes in 'decision:' of the item, "
                      "where it is set apart and searched; move it there")
        elif text is not None:
            sections[heading] = text
    return sections


READERS: dict[str, Callable[[Reader, Node, s.Field, str], Any]] = {
    s.TEXT: read_text,
    s.MARKDOWN: read_markdown,
    s.DATE: read_date,
    s.TIME: read_time,
    s.BOOL: read_bool,
    s.NUMBER: read_number,
    s.COUNT: read_count,
    s.CHOICE: read_choice,
    s.TEXT_LIST: read_text_list,
    s.RECORD: read_record,
    s.RECORD_LIST: read_record_list,
    s.SECTIONS: read_sections,
}
