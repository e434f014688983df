"""The search data's markup, written once for both search indexes: the hidden block of a meeting
or punkt page, and the small page of a decision. Values come from meeting files: every one is
escaped here."""

from __future__ import annotations

import html

from .outputs import SearchRecord


def fields(record: SearchRecord, kind: str | None = None) -> list[tuple[str, str, str]]:
    """(meta|filter, name, value) for Pagefind: the result's title, body, date and type, and the
    filters. No sort key: results rank by relevance, and a sort key costs every first query bytes
    for every page."""
    data = [("meta", "title", record.heading), ("meta", "organ", record.body),
            ("meta", "dato", record.when), ("meta", "type", kind or record.kind)]
    return data + [("filter", name, value) for name, value in record.facets]


def spans(record: SearchRecord, kind: str | None = None) -> str:
    """The fields as escaped `data-pagefind-*` spans."""
    e = html.escape
    return "".join(f'<span data-pagefind-{what}="{e(name)}">{e(value)}</span>'
                   for what, name, value in fields(record, kind))


def hidden_block(record: SearchRecord) -> str:
    """The block a page carries for search: hidden, and left out of the indexed text."""
    return f"<div hidden data-pagefind-ignore>{spans(record)}</div>"
