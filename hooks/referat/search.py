"""The search index: Pagefind over the built site, in Danish, plus a decisions-only index.

Knows nothing of MkDocs: it gets the built site's folder and the decisions with their URLs.
"""

from __future__ import annotations

import asyncio
from dataclasses import dataclass
from pathlib import Path

from pagefind.index import IndexConfig, PagefindIndex

LANGUAGE = "da"
BUNDLE = "pagefind"  # the whole site's index, relative to the site folder
DECISIONS = "pagefind-beslutninger"  # the decisions-only index
DECISION_WEIGHT = "4"  # how much more a word in a decision counts than one elsewhere


@dataclass(frozen=True)
class Decision:
    """One punkt's decision as a search record of its own."""

    url: str
    text: str
    heading: str
    body: str
    when: str
    date: str
    facets: tuple[tuple[str, str], ...]


@dataclass(frozen=True)
class IndexReport:
    """What was indexed, for the build log."""

    pages: int
    decisions: int


def index_site(site: Path, decisions: list[Decision]) -> IndexReport:
    """Write both search bundles into the built site."""
    return asyncio.run(_index(site, decisions))


async def _index(site: Path, decisions: list[Decision]) -> IndexReport:
    # Each index writes its bundle when its context closes without an error.
    pages_config = IndexConfig(force_language=LANGUAGE, output_path=str(site / BUNDLE))
    async with PagefindIndex(config=pages_config) as index:
        pages = await index.add_directory(str(site))
    decisions_config = IndexConfig(force_language=LANGUAGE, output_path=str(site / DECISIONS))
    async with PagefindIndex(config=decisions_config) as index:
        for decision in decisions:
            await index.add_custom_record(**record(decision))
    return IndexReport(pages["page_count"], len(decisions))


def record(decision: Decision) -> dict[str, object]:
    """A Pagefind custom record: the decision's words, its result's data and its filters."""
    filters: dict[str, list[str]] = {}
    for name, value in decision.facets:
        filters.setdefault(name, []).append(value)
    return {
        "url": decision.url,
        "content": decision.text,
        "language": LANGUAGE,
        "meta": {"title": decision.heading, "organ": decision.body, "dato": decision.when,
                 "type": "Beslutning"},
        "filters": filters,
        "sort": {"dato": decision.date},
    }


def weigh_decisions(html: str) -> str:
    """Make words in a page's decision count more, and leave its links to other pages out."""
    return (html.replace('<div class="admonition beslutning">',
                         f'<div class="admonition beslutning" data-pagefind-weight="{DECISION_WEIGHT}">')
            .replace('<div class="admonition relateret">',
                     '<div class="admonition relateret" data-pagefind-ignore>'))
