"""The search index: Pagefind over the built site, in Danish, plus a decisions-only index.

Knows nothing of MkDocs: it gets the built site's folder and the decisions with their URLs.
Pagefind runs as its command-line program from the `pagefind[extended]` wheel. (Its Python API
takes about 100 ms a custom record, far too slow for an archive's decisions; the command indexes
a folder of small pages instead.)
"""

from __future__ import annotations

import html
import re
import subprocess
import sys
import tempfile
from dataclasses import dataclass
from pathlib import Path

from . import contracts, searchdata
from .outputs import SearchRecord

LANGUAGE = "da"
BUNDLE = "pagefind"  # the whole site's index, relative to the site folder
DECISIONS = "pagefind-beslutninger"  # the decisions-only index
DECISION_WEIGHT = "4"  # how much more a word in a decision counts than one elsewhere
INDEXED = re.compile(r"Indexed (\d+) pages?")


class SearchIndexError(Exception):
    """Pagefind failed; the message says what it printed."""


@dataclass(frozen=True)
class Decision:
    """One punkt's decision as a search record of its own; `url` is root-relative."""

    url: str
    text: str
    heading: str
    body: str
    when: str
    facets: tuple[tuple[str, str], ...]


@dataclass(frozen=True)
class IndexReport:
    """What was indexed, for the build log."""

    pages: int
    decisions: int


def index_site(site: Path, decisions: list[Decision]) -> IndexReport:
    """Write both search bundles into the built site."""
    pages = run_pagefind(site, site / BUNDLE)
    with tempfile.TemporaryDirectory(prefix="referat-decisions-") as folder:
        write_decision_pages(Path(folder), decisions)
        run_pagefind(Path(folder), site / DECISIONS)
    return IndexReport(pages, len(decisions))


def run_pagefind(source: Path, output: Path) -> int:
    """Index a folder of HTML into a bundle; the number of pages indexed."""
    command = [sys.executable, "-m", "pagefind", "--site", str(source), "--output-path",
               str(output), "--force-language", LANGUAGE]
    done = subprocess.run(command, capture_output=True, text=True, check=False)
    if done.returncode != 0:
        raise SearchIndexError(f"pagefind failed on {source}:\n{done.stdout}\n{done.stderr}")
    found = INDEXED.search(done.stdout)
    return int(found[1]) if found else 0


def write_decision_pages(folder: Path, decisions: list[Decision]) -> None:
    """One small page per decision, at its punkt's URL, so results link to the punkt."""
    for decision in decisions:
        path = folder / decision.url.strip("/") / "index.html"
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(decision_page(decision), encoding="utf-8")


def decision_page(decision: Decision) -> str:
    """The decision's words, its result's data and its filters, all escaped (the data in the
    same markup as a page's, from searchdata.py)."""
    e = html.escape
    record = SearchRecord(decision.heading, decision.body, decision.when,
                          contracts.SEARCH_DECISION, decision.facets)
    spans = searchdata.spans(record)
    return (f'<!doctype html><html lang="{LANGUAGE}"><head><meta charset="utf-8">'
            f"<title>{e(decision.heading)}</title></head><body data-pagefind-body>"
            f"<div hidden data-pagefind-ignore>{spans}</div><p>{e(decision.text)}</p>"
            "</body></html>\n")


def weigh_decisions(page_html: str) -> str:
    """Make words in a page's decision count more, and leave its links to other pages out."""
    decision, related = contracts.BOX_DECISION, contracts.BOX_RELATED
    return (page_html.replace(f'<div class="admonition {decision}">',
                              f'<div class="admonition {decision}" '
                              f'data-pagefind-weight="{DECISION_WEIGHT}">')
            .replace(f'<div class="admonition {related}">',
                     f'<div class="admonition {related}" data-pagefind-ignore>'))
