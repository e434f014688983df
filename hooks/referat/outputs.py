"""What the engine produces, as typed outputs: each kind is made by one registered generator
(generators.py) and written by the adapter. Knows nothing of MkDocs.

- PageOutput: a page, as a path in the docs tree, Markdown and metadata, rendered into the
  theme's shell by the adapter;
- SearchRecord: how a page, or a punkt's decision alone, appears in search;
- FileCopy: a file copied into the site as it is, such as an attachment;
- TextOutput: any other file the engine writes whole (a feed, a calendar, a JSON file).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from . import contracts


@dataclass(frozen=True)
class SearchRecord:
    """How a page appears in search: its result's heading, body and date, and its filters.
    `decision` is the punkt's decision as plain text, for the decisions-only search; `date` is
    the meeting's day (ISO 8601), the key of the newest-first order."""

    heading: str
    body: str
    when: str  # the date in Danish
    kind: contracts.SearchKind
    facets: tuple[tuple[str, str], ...]  # (contracts.FACETS name, value)
    decision: str | None = None
    date: str = ""


@dataclass(frozen=True)
class FeedLink:
    """A feed or calendar a page names in its head (`<link rel="alternate">`): its title, its
    path in the site and its media type."""

    title: str
    path: str
    media_type: str


@dataclass(frozen=True)
class PageOutput:
    """A generated page. `path` is its place in the docs tree (urls.py gives its address);
    `source` is the meeting file to edit."""

    path: str
    title: str
    markdown: str
    kind: contracts.PageKind = contracts.KIND_INDEX
    source: str | None = None
    description: str | None = None
    nav: bool = False  # the few index pages the nav names; every other page stays out of it
    search: SearchRecord | None = None  # for meeting and punkt pages
    feeds: tuple[FeedLink, ...] = ()  # the feeds and calendars that follow what the page shows
    # The digest of every field above, when the engine's cache kept the page (page_cache.py), so
    # the adapter's key need not hash the page again in every build. Not part of what the page
    # is: a page made without a cache equals it.
    digest: str | None = field(default=None, compare=False)


@dataclass(frozen=True)
class FileCopy:
    """A file copied into the site as it is, such as an attachment."""

    path: str
    source: Path

    @property
    def size(self) -> int:
        """The file's size in bytes, read from the disk when asked (at build time)."""
        return self.source.stat().st_size


@dataclass(frozen=True)
class TextOutput:
    """A file the engine writes whole at `path` in the site: a feed, a calendar, JSON."""

    path: str
    text: str  # "" when `make` gives it
    media_type: str = "text/plain"
    # A token that names the text's bytes (cache.digest of them, or one composed from such
    # digests), when its maker knew it: else "", and the writer hashes the text.
    digest: str = ""
    # Gives the text when it is not held here: a file kept in the cache's texts (cache.TEXTS)
    # by its digest, or a file put together from such files. At 50,000 punkter the OParl files
    # are 986 MB, and held in memory they were most of a build's peak.
    make: Callable[[], str] | None = field(default=None, compare=False, repr=False)

    def content(self) -> str:
        """The text, from `make` when it is not held here."""
        return self.text if self.make is None else self.make()


@dataclass(frozen=True)
class DecisionRecord:
    """A punkt's decision as a search record of its own, at its page's site-relative URL."""

    url: str
    record: SearchRecord
    # The digest of the punkt's page, which holds the record (PageOutput.digest), when it has
    # one: search then knows an unchanged decision without making its page (search.py).
    token: str = field(default="", compare=False)


@dataclass(frozen=True)
class AttachmentRecord:
    """An attached PDF's text as a search record of its own (attachment_text.py): found, it links
    to the file at `path` (in the site) and names its punkt, whose search data and filters
    (`record`) it carries; `page` is the punkt page's address relative to the file's."""

    path: str
    page: str
    title: str  # the attachment's title, for "fundet i bilag: <title>"
    text: str
    record: SearchRecord


@dataclass(frozen=True)
class BuildNote:
    """A line for the build's log: what a generator could not do with a file, and what to do."""

    text: str


Output = PageOutput | SearchRecord | FileCopy | TextOutput | DecisionRecord | AttachmentRecord | BuildNote
