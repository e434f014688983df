"""Which search partition each page goes in, and the content hash of each partition's input.

The archive's search index is split by period so that no Pagefind run holds the whole archive in
memory and a rebuild re-indexes only the periods whose pages changed. Once the archive has more
than `budget` pages, the newest year is a partition of its own: it is searched first in the
browser, and it is where new meetings and most corrections land, so keeping it small makes both
the first results and a rebuild cheap. Older years are grouped, oldest first, into partitions of
at most `budget` pages (a year larger than the budget stays whole). Grouping from the oldest end
keeps the groups of past years fixed while the newest year grows.
"""

from __future__ import annotations

import hashlib
import os
import re
from collections import Counter
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path

BODY_MARK = b"data-pagefind-body"  # a page Pagefind indexes (meeting and punkt pages)
BODY_END = b"</article>"  # the indexed part of a page ends inside the theme's article
YEAR = re.compile(rb'data-pagefind-filter="aar">\s*(\d{4})\s*<')
UNDATED = "uden-aar"  # the partition of records with no year, searched last
# What was read of a page, by its key: its year and the hash of its indexed part ("" when
# Pagefind does not index it).
Seen = dict[str, tuple[str | None, str]]


@dataclass(frozen=True)
class Record:
    """One indexed page (or decision): its path in the site, its year and its content hash."""

    path: str  # relative to the site folder, with forward slashes
    year: str | None
    digest: str


@dataclass(frozen=True)
class Partition:
    """A period's records; `key` names its bundle folder ("2025", "2012-2015")."""

    key: str
    records: tuple[Record, ...]

    def digest(self, recipe: str) -> str:
        """A hash of everything the bundle depends on: the indexer's recipe and every record."""
        total = hashlib.sha256(recipe.encode())
        for record in sorted(self.records, key=lambda r: r.path):
            total.update(f"\0{record.path}\0{record.digest}".encode())
        return total.hexdigest()[:32]


def read_pages(site: Path, known: Mapping[str, str] | None = None,
               seen: Seen | None = None, paths: Iterable[str] | None = None) -> list[Record]:
    """Every page in the built site that Pagefind indexes, with the hash of its indexed part.

    Only the part from the body mark to the end of the article is hashed: the theme's header,
    nav and footer are outside what Pagefind indexes, so a new entry in the nav does not make
    every partition look changed. `known` gives, by path, the key of a page whose bytes that key
    determines (the adapter's cache key of a rendered page); `seen` holds what earlier builds
    read of pages by that key, and gets this build's: such a page is read once, not every build.
    `paths` names the site's pages, where the caller knows them: walking a site of 100,000
    folders to find them took seconds of a rebuild at 50,000 punkter."""
    known, seen = known or {}, seen if seen is not None else {}
    records = []
    for path in html_files(site) if paths is None else paths:
        key = known.get(path)
        if key is None or (found := seen.get(key)) is None:
            record = read_page(site / path, site)
            found = (record.year, record.digest) if record else (None, "")
            if key is not None:
                seen[key] = found
        if found[1]:
            records.append(Record(path, *found))
    return records


def html_files(site: Path) -> Iterable[str]:
    """Every HTML file in the site, by its '/'-separated path."""
    root = len(str(site)) + 1
    for parent, _, files in os.walk(site):
        folder = parent[root:].replace(os.sep, "/")
        for name in files:
            if name.endswith(".html"):
                yield f"{folder}/{name}" if folder else name


def read_page(path: Path, site: Path) -> Record | None:
    """A page's record, or None if Pagefind would not index it (or the build did not write it:
    a page MkDocs leaves out, such as a draft)."""
    try:
        content = path.read_bytes()
    except FileNotFoundError:
        return None
    start = content.find(BODY_MARK)
    if start < 0:
        return None
    end = content.find(BODY_END, start)
    indexed = content[start:] if end < 0 else content[start:end]
    found = YEAR.search(indexed)
    return Record(path.relative_to(site).as_posix(), found[1].decode() if found else None,
                  hashlib.sha256(indexed).hexdigest())


def plan(years: Iterable[str | None], budget: int,
         also: Iterable[str | None] = ()) -> dict[str | None, str]:
    """The partition key of each year, from how many pages each year has; `also` are years
    that must have a key whatever their count (those of the decisions).

    An archive of at most `budget` pages is one partition: a split would cost a small site
    requests and nothing else. (It would also skew the ranking: Pagefind weighs a word by how
    rare it is in its own bundle, and tiny bundles make that noisy.)"""
    counts = Counter(years)
    for year in also:
        counts[year] += 0
    dated = sorted(year for year in counts if year is not None)
    keys: dict[str | None, str] = {}
    if sum(counts[year] for year in dated) <= budget:
        keys |= dict.fromkeys(dated, span(dated)) if dated else {}
    else:
        keys[dated[-1]] = dated[-1]
        keys |= group(dated[:-1], counts, budget)
    if None in counts:
        keys[None] = UNDATED
    return keys


def group(years: list[str], counts: Counter[str | None], budget: int) -> dict[str | None, str]:
    """Consecutive years, oldest first, in groups of at most `budget` pages."""
    keys: dict[str | None, str] = {}
    current: list[str] = []
    for year in years:
        if current and sum(counts[y] for y in current) + counts[year] > budget:
            keys |= dict.fromkeys(current, span(current))
            current = []
        current.append(year)
    if current:
        keys |= dict.fromkeys(current, span(current))
    return keys


def span(years: list[str]) -> str:
    """A partition's key from its years: "2019" or "2019-2021"."""
    return years[0] if len(years) == 1 else f"{years[0]}-{years[-1]}"


def partition(records: list[Record], keys: dict[str | None, str]) -> list[Partition]:
    """The records split by the plan, newest partition first and the undated last."""
    groups: dict[str, list[Record]] = {}
    for record in records:
        groups.setdefault(keys[record.year], []).append(record)
    order = sorted((key for key in groups if key != UNDATED), reverse=True)
    order += [UNDATED] if UNDATED in groups else []
    return [Partition(key, tuple(groups[key])) for key in order]
