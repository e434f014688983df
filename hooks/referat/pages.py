"""What the engine produces: pages (path, Markdown, metadata) and attachment files to copy."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Literal

PageKind = Literal["meeting", "punkt", "index"]  # the front matter's referat_kind
SearchKind = Literal["Møde", "Punkt"]  # the search filter 'type', as readers see it


@dataclass(frozen=True)
class SearchEntry:
    """How a page appears in search: its result's heading, body and date, and its filters."""

    heading: str
    body: str
    when: str  # the date in Danish
    kind: SearchKind
    facets: tuple[tuple[str, str], ...]  # (organ|aar|emne|type, value)
    decision: str | None = None  # plain text, for the decisions-only search


@dataclass(frozen=True)
class Page:
    """A generated page. `path` is its place in the docs tree; `source` is the file to edit."""

    path: str
    title: str
    markdown: str
    kind: PageKind = "index"
    source: str | None = None
    description: str | None = None
    nav: bool = False  # the few index pages the nav names; every other page stays out of it
    search: SearchEntry | None = None  # for meeting and punkt pages: what search shows and filters


@dataclass(frozen=True)
class Asset:
    """A file copied into the site as it is, such as an attachment."""

    path: str
    source: Path

    @property
    def size(self) -> int:
        """The file's size in bytes, read from the disk when asked (at build time)."""
        return self.source.stat().st_size


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
