"""Markdown helpers for the page renderers, and the names they know the outputs by."""

from __future__ import annotations

from .contracts import PageKind, SearchKind
from .outputs import FileCopy, PageOutput, SearchRecord

# The renderers' names for the outputs they make (outputs.py defines them).
Page = PageOutput
SearchEntry = SearchRecord
Asset = FileCopy

__all__ = ["Asset", "Page", "PageKind", "SearchEntry", "SearchKind", "facts", "join", "table"]


def facts(rows: list[tuple[str, str]]) -> str:
    """A definition list of label and Markdown value, for the facts at the top of a page."""
    return "\n\n".join(f"{label}\n:   {value}" for label, value in rows if value)


def table(headers: list[str], rows: list[list[str]]) -> str:
    """A Markdown table; cells are Markdown on one line."""
    lines = ["| " + " | ".join(headers) + " |", "|" + " --- |" * len(headers)]
    lines += ["| " + " | ".join(row) + " |" for row in rows]
    return "\n".join(lines)


def join(*blocks: str) -> str:
    """Markdown blocks separated by blank lines, the empty ones left out."""
    return "\n\n".join(b.strip("\n") for b in blocks if b and b.strip()) + "\n"
