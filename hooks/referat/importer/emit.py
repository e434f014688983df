"""Writing an imported meeting as a meeting file that reads like a hand-made one.

Participants and attachments on one line each, multi-line text as literal blocks, a blank line
between items, and the lines the importer could not place as data under `unplaced` at the end, so a
reviewer sees them in the pull request, `referat check --strict` fails until they are dealt with,
and nothing of the source is lost.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

import yaml

SCHEMA_LINE = "# yaml-language-server: $schema=../../schema/meeting.schema.json"
INDENT = "  "


def dump_meeting(meeting: dict[str, Any], source: str, titles: list[str]) -> str:
    """The meeting file's text."""
    out = [SCHEMA_LINE, f"# Importeret fra {source} med `referat import`. Gennemgå det før udgivelse."]
    out += [f"# Titel i kilden: {title}" for title in titles]
    for key, value in meeting.items():
        if key == "unplaced":
            out.append("# Tekst fra kilden, som ikke kunne placeres: flyt hver linje til sit felt "
                       "eller slet den, og slet så 'unplaced'.")
        if key in ("participants", "unplaced"):
            out.append(f"{key}:")
            out += [f"{INDENT}- {flow(p)}" for p in value]
        elif key == "items":
            out.append("items:")
            for item in value:
                out += item_lines(item)
        else:
            out += field_lines(key, value, "")
    return "\n".join(out) + "\n"


def item_lines(item: dict[str, Any]) -> list[str]:
    lines: list[str] = []
    for key, value in item.items():
        lines += field_lines(key, value, INDENT * 2)
    lines[0] = INDENT + "- " + lines[0].lstrip()
    return lines + [""]


def field_lines(key: str, value: Any, indent: str) -> list[str]:
    if key == "sections":
        lines = [f"{indent}sections:"]
        for heading, text in value.items():
            lines += field_lines(scalar(heading), text, indent + INDENT)
        return lines
    if key == "attachments":
        return [f"{indent}attachments:"] + [f"{indent}{INDENT}- {flow(a)}" for a in value]
    if isinstance(value, str) and "\n" in value:
        # An indentation indicator when the text starts indented, or YAML would take that as the block's.
        style = "|2" if value[:1] == " " else "|"
        return [f"{indent}{key}: {style}"] + block(value, indent + INDENT)
    return [f"{indent}{key}: {flow(value) if isinstance(value, dict) else scalar(value)}"]


def block(text: str, indent: str) -> list[str]:
    """A literal block scalar's lines; blank lines stay empty (no trailing spaces)."""
    return [f"{indent}{line}" if line.strip() else "" for line in text.split("\n")]


def flow(record: dict[str, Any]) -> str:
    """A record on one line, in its own key order; PyYAML quotes what flow style needs quoted
    (': ', ',', braces), which a value quoted on its own would not."""
    text = yaml.safe_dump(record, allow_unicode=True, width=1 << 20, default_flow_style=True,
                          sort_keys=False)
    return text.removesuffix("\n")


def scalar(value: Any) -> str:
    """One value as YAML, quoted only when YAML needs it."""
    if isinstance(value, dt.date):
        return value.isoformat()
    text = yaml.safe_dump(value, allow_unicode=True, width=1 << 20, default_flow_style=True)
    return text.removesuffix("\n").removesuffix("\n...").strip()
