"""The search index: Pagefind over the built site, in Danish, plus a decisions-only index, both
split into bundles by period (see search_partitions.py) and listed in a manifest for soeg.js.

Knows nothing of MkDocs: it gets the built site's folder and the decisions with their URLs.
Pagefind runs as its command-line program from the `pagefind[extended]` wheel. (Its Python API
takes about 100 ms a custom record, far too slow for an archive's decisions; the command indexes
a folder of small pages instead.) Each partition is indexed in a run of its own; the pages'
partitions one after another and the decisions' beside them, so the memory of a run is bounded by
the partition's size, not the archive's; a partition whose input is unchanged since the last
build is taken from the cache instead.
"""

from __future__ import annotations

import contextlib
import hashlib
import html
import json
import os
import re
import shutil
import subprocess
import sys
from collections.abc import Callable, Iterable, Mapping
from concurrent.futures import ThreadPoolExecutor
from contextvars import copy_context
from dataclasses import dataclass, field, replace
from functools import partial
from importlib.metadata import version
from pathlib import Path

from . import contracts, i18n, searchdata
from .cache import digest as content_digest
from .cache import engine_version
from .outputs import AttachmentRecord, SearchRecord
from .search_cache import BundleCache, link_file, link_tree
from .search_partitions import Partition, Record, partition, plan, read_pages

BUNDLE = "pagefind"  # the pages' bundles, one folder per partition, relative to the site folder
DECISIONS = "pagefind-beslutninger"  # the decisions-only bundles
MANIFEST = "manifest.json"  # in BUNDLE: the bundles of both, newest first, for soeg.js
DECISION_WEIGHT = "4"  # how much more a word in a decision counts than one elsewhere
# An attachment's words count less than a page's: a punkt whose own text has the words comes first.
ATTACHMENT_WEIGHT = "0.5"
# The files of a partition's folder that are records: built pages, and attachments' records at
# their files' own paths (so a result found in an attachment has the file's address; only PDFs'
# text is read, whatever the case of their suffix). Not "**/*": with it Pagefind 1.5 crawls a
# folder of 1,500 pages in minutes instead of 3 s, asleep most of the time.
GLOB = "**/*.{html,[pP][dD][fF]}"
# Older years are grouped into partitions of at most this many pages (docs/ydelse.md: a run
# of Pagefind holds about 80 KB a page, so this bounds a run's memory near 400 MB).
PAGE_BUDGET = 5000
INDEXED = re.compile(r"Indexed (\d+) pages?")
# Files Pagefind writes for its own ready-made interfaces, which this site does not use.
UNUSED = ("pagefind-ui.js", "pagefind-ui.css", "pagefind-modular-ui.js", "pagefind-modular-ui.css",
          "pagefind-component-ui.js", "pagefind-component-ui.css", "pagefind-highlight.js",
          "wasm.unknown.pagefind")  # fmt: skip
Progress = Callable[[str], None]
Page = str | Callable[[], str]  # a decision's page for Pagefind, or what makes it


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
    date: str = ""  # ISO 8601, the newest-first order's key
    # A digest of everything above, when the caller has one (its punkt page's digest): then the
    # decision's page is made only if its bundle is indexed (decision_record).
    token: str = ""

    @property
    def year(self) -> str | None:
        return next((value for name, value in self.facets if name == "aar"), None)


@dataclass
class IndexReport:
    """What was indexed, for the build log."""

    pages: int
    decisions: int
    attachments: int = 0  # attachments' texts, records of their own in the pages' bundles
    indexed: list[str] = field(default_factory=list)  # bundles Pagefind ran on ("pagefind/2025")
    reused: list[str] = field(default_factory=list)  # bundles taken unchanged from the cache
    peak_rss_mib: float = 0.0  # the largest single Pagefind run's resident memory
    tags: list[str] = field(default_factory=list)  # each partition's digest, in order
    placed: dict[str, str] = field(default_factory=dict)  # each bundle's folder -> its digest

    def summary(self) -> str:
        total = len(self.indexed) + len(self.reused)
        memory = f", the largest run {self.peak_rss_mib:.0f} MiB" if self.indexed else ""
        return f"{len(self.indexed)} of {total} bundles indexed, {len(self.reused)} unchanged{memory}"


def index_site(site: Path, decisions: list[Decision], cache: Path | None = None,
               progress: Progress | None = None, budget: int = PAGE_BUDGET,
               attachments: list[AttachmentRecord] | None = None,
               known: Mapping[str, str] | None = None,
               paths: Iterable[str] | None = None,
               present: Mapping[str, str] | None = None) -> IndexReport:
    """Write the search bundles of both indexes, and their manifest, into the built site; the
    attachments' texts go in the pages' bundles, as records of their own.

    `cache` is a folder that keeps bundles between builds (None: index everything); `known`
    gives the pages whose bytes a key determines by their path, and `paths` every HTML file of
    the site, where the caller knows them (see read_pages). `present` gives the bundles a site
    kept from its last build already holds, by digest ("pagefind/2025" -> digest): those stay as
    they are; without it the bundles are laid out anew."""
    bundles = BundleCache(cache)
    seen = bundles.seen() if known else {}
    # Each page is made once, and its record (with the hash of its bytes) from it.
    written: dict[Record, Page] = dict(decision_record(d) for d in decisions)
    attached = dict(attachment_record(a, attachment_page(a)) for a in attachments or ())
    pages = read_pages(site, known, seen, paths) + list(attached)
    keys = plan((p.year for p in pages), budget, also=(r.year for r in written))
    report = IndexReport(len(pages) - len(attached), len(decisions), len(attached))
    lanes = [(BUNDLE, "pages", partition(pages, keys)),
             (DECISIONS, "decisions", partition(list(written), keys))]
    written |= attached  # the pages' lane writes the attachments' records as it writes decisions'
    for name, _, parts in lanes:
        clear_lane(site / name, {p.key for p in parts} if present is not None else set())
    # The two indexes side by side, one Pagefind run each at a time: a rebuild's edited year of
    # pages and of decisions run on the two cores together, and memory stays bounded by one
    # partition of each.
    with ThreadPoolExecutor(len(lanes)) as pool:
        # Each lane in a copy of this thread's context: it stems and tags in the site's language.
        done = [pool.submit(copy_context().run, index_lane, site, name, parts, written, bundles,
                            progress, present or {})
                for name, _, parts in lanes]
        results = [future.result() for future in done]
    manifest: dict[str, list[dict[str, object]]] = {}
    for (name, kind, parts), lane in zip(lanes, results, strict=True):
        manifest[kind] = [manifest_entry(name, part, tag) for part, tag in zip(parts, lane.tags, strict=True)]
        report.placed |= {f"{name}/{part.key}": tag for part, tag in zip(parts, lane.tags, strict=True)}
        report.indexed += lane.indexed
        report.reused += lane.reused
        report.peak_rss_mib = max(report.peak_rss_mib, lane.peak_rss_mib)
    write_manifest(site / BUNDLE / MANIFEST, manifest)
    if known:
        bundles.keep_seen({key: seen[key] for key in known.values() if key in seen})
    bundles.prune()
    return report


def index_lane(site: Path, name: str, parts: list[Partition], written: dict[Record, Page],
               bundles: BundleCache, progress: Progress | None,
               present: Mapping[str, str]) -> IndexReport:
    """One index's partitions in turn; its report, with each partition's digest in `tags`."""
    lane = IndexReport(0, 0)
    for part in parts:
        def fill(folder: Path, part: Partition = part) -> None:
            fill_folder(folder, part, site, written)
        lane.tags.append(index_partition(site / name / part.key, part, fill, bundles, lane, progress,
                                         present.get(f"{name}/{part.key}")))
    return lane


def clear_lane(folder: Path, keep: set[str]) -> None:
    """Remove an index's folder, but for the partitions' folders named in `keep` (a kept site's
    bundles, each kept only if its digest is unchanged: index_partition)."""
    if not keep:
        shutil.rmtree(folder, ignore_errors=True)
        return
    with contextlib.suppress(FileNotFoundError), os.scandir(folder) as found:
        for entry in found:
            if entry.name in keep and entry.is_dir(follow_symlinks=False):
                continue
            if entry.is_dir(follow_symlinks=False):
                shutil.rmtree(entry.path, ignore_errors=True)
            else:
                os.unlink(entry.path)


def bundle_budget(setting: object) -> int:
    """The pages a bundle may hold, from mkdocs.yml's `extra.referat.search_bundle_pages`."""
    if setting is None or setting == "":
        return PAGE_BUDGET
    try:
        budget = int(str(setting))
    except ValueError:
        budget = 0
    if budget < 1:
        raise SearchIndexError(f"mkdocs.yml: extra.referat.search_bundle_pages is {setting!r}; "
                               f"give a whole number of pages, such as {PAGE_BUDGET}")
    return budget


def index_partition(target: Path, part: Partition, fill: Callable[[Path], None],
                    bundles: BundleCache, report: IndexReport, progress: Progress | None,
                    present: str | None = None) -> str:
    """Put one partition's bundle at target, from the cache or by running Pagefind; its digest.
    A bundle the site holds already (`present`, its digest) stays as it is."""
    label = f"{target.parent.name}/{part.key}"
    digest = part.digest(recipe())
    if present == digest and target.is_dir():
        report.reused.append(label)
        return digest
    shutil.rmtree(target, ignore_errors=True)
    stored = bundles.get(digest)
    if stored is not None:
        report.reused.append(label)
    else:
        if progress:
            progress(f"referat: indexing {label} ({len(part.records)} records) for search")
        workspace = bundles.workspace()
        try:
            fill(workspace / "site")
            _, rss = run_pagefind(workspace / "site", workspace / "bundle")
            report.peak_rss_mib = max(report.peak_rss_mib, rss)
            remove_unused(workspace / "bundle")
            stored = bundles.put(digest, workspace / "bundle")
            link_tree(stored, target)
        finally:
            shutil.rmtree(workspace, ignore_errors=True)
        report.indexed.append(label)
        return digest
    link_tree(stored, target)
    return digest


def fill_folder(folder: Path, part: Partition, site: Path, written: dict[Record, Page]) -> None:
    """Lay out a partition's pages for Pagefind: the built page itself (hard-linked), or the
    decision's small page at its punkt's path."""
    for record in part.records:
        path = folder / record.path
        path.parent.mkdir(parents=True, exist_ok=True)
        if (page := written.get(record)) is not None:
            path.write_text(page if isinstance(page, str) else page(), encoding="utf-8")
        else:
            link_file(site / record.path, path)


def recipe() -> str:
    """Everything besides the pages that a bundle's bytes depend on."""
    return (f"pagefind {version('pagefind')} {i18n.current()} weight {DECISION_WEIGHT} unused {UNUSED}"
            f" attachments {ATTACHMENT_WEIGHT} glob {GLOB}")


def manifest_entry(name: str, part: Partition, digest: str) -> dict[str, object]:
    """A bundle for soeg.js: its URL relative to the manifest, its period, and a tag that
    changes with its content (so the browser may cache its entry file)."""
    url = f"{part.key}/" if name == BUNDLE else f"../{name}/{part.key}/"
    return {"url": url, "period": part.key, "records": len(part.records), "tag": digest[:12]}


def write_manifest(path: Path, manifest: dict[str, list[dict[str, object]]]) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(manifest, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")


def remove_unused(bundle: Path) -> None:
    for name in UNUSED:
        (bundle / name).unlink(missing_ok=True)


def run_pagefind(source: Path, output: Path) -> tuple[int, float]:
    """Index a folder of HTML into a bundle: the pages indexed and the run's peak memory (MiB)."""
    command = [sys.executable, "-m", "pagefind", "--site", str(source), "--output-path",
               str(output), "--force-language", i18n.current(), "--glob", GLOB]
    # The run's own resource usage (wait4) gives its peak memory; the Python wrapper execs the
    # binary, so it is one process.
    with subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
                          text=True) as process:
        printed = process.stdout.read() if process.stdout else ""
        _, status, usage = os.wait4(process.pid, 0)
        process.returncode = os.waitstatus_to_exitcode(status)
    if process.returncode != 0 or not (output / "pagefind-entry.json").is_file():
        raise SearchIndexError(f"pagefind failed on {source}:\n{printed}")
    found = INDEXED.search(printed)
    return (int(found[1]) if found else 0), usage.ru_maxrss / 1024


def decision_record(decision: Decision) -> tuple[Record, Page]:
    """A decision's place in its index (the path of its page, its year and the hash of the
    page), with the page. With a token, the hash is the token's, this code's and the language's,
    and the page is made only when its bundle is indexed: at 50,000 punkter making them all was
    a second of every rebuild."""
    path = decision.url.strip("/") + "/index.html"
    if decision.token:
        known = content_digest("decision page", engine_version(), i18n.current(), decision.url,
                               decision.token)
        return Record(path, decision.year, known), partial(decision_page, decision)
    page = decision_page(decision)
    return Record(path, decision.year, hashlib.sha256(page.encode()).hexdigest()), page


def decision_page(decision: Decision) -> str:
    """The decision's words, its result's data and its filters, all escaped (the data in the
    same markup as a page's, from searchdata.py)."""
    e = html.escape
    record = SearchRecord(decision.heading, decision.body, decision.when,
                          contracts.SEARCH_DECISION, decision.facets, date=decision.date)
    spans = searchdata.spans(record)
    return (f'<!doctype html><html lang="{i18n.current()}"><head><meta charset="utf-8">'
            f"<title>{e(decision.heading)}</title></head><body data-pagefind-body>"
            f"<div hidden data-pagefind-ignore>{spans}</div><p>{e(decision.text)}</p>"
            "</body></html>\n")


def attachment_record(attachment: AttachmentRecord, page: str) -> tuple[Record, str]:
    """An attachment's place in the pages' index: the file's own path (so a result links to the
    file), the punkt's year and the hash of its page), with the page."""
    year = next((value for name, value in attachment.record.facets
                 if name == contracts.FACET_YEAR), None)
    return Record(attachment.path, year, hashlib.sha256(page.encode()).hexdigest()), page


def attachment_page(attachment: AttachmentRecord) -> str:
    """An attachment's text, weighed low, with its punkt's result data and filters, the
    attachment's title and the punkt page's address (relative to the file's), all escaped."""
    e = html.escape
    record = as_attachment(attachment.record)
    spans = searchdata.spans(record) + "".join(
        f'<span data-pagefind-meta="{name}">{e(value)}</span>'
        for name, value in ((contracts.SEARCH_META_ATTACHMENT, attachment.title),
                            (contracts.SEARCH_META_PAGE, attachment.page)))
    return (f'<!doctype html><html lang="{i18n.current()}"><head><meta charset="utf-8">'
            f"<title>{e(record.heading)}</title></head><body data-pagefind-body>"
            f"<div hidden data-pagefind-ignore>{spans}</div>"
            f'<p data-pagefind-weight="{ATTACHMENT_WEIGHT}">{e(attachment.text)}</p>'
            "</body></html>\n")


def as_attachment(record: SearchRecord) -> SearchRecord:
    """The punkt's search record as its attachment's: the same filters, but of its own type."""
    facets = tuple((name, contracts.SEARCH_ATTACHMENT if name == contracts.FACET_KIND else value)
                   for name, value in record.facets)
    return replace(record, kind=contracts.SEARCH_ATTACHMENT, facets=facets)


def weigh_decisions(page_html: str) -> str:
    """Make words in a page's decision count more, and leave its links to other pages out."""
    decision, related = contracts.BOX_DECISION, contracts.BOX_RELATED
    return (page_html.replace(f'<div class="admonition {decision}">',
                              f'<div class="admonition {decision}" '
                              f'data-pagefind-weight="{DECISION_WEIGHT}">')
            .replace(f'<div class="admonition {related}">',
                     f'<div class="admonition {related}" data-pagefind-ignore>'))


# The facts at the top of a meeting or punkt page (its first definition list), the line under a
# punkt's title that names its meeting, and a table's column heads are labels and metadata, not
# text: left where they are in the index, they were the snippet of every result whose words are
# in its title ("Tidspunkt onsdag den 26. november 2025 kl. 17.00 Sag ..."), since a snippet
# with no word found is the start of the text. So they are left out there, and the facts'
# values (a journal number, a place) are indexed again, without their labels, in a hidden
# paragraph after the text: still found, never the start of a snippet. Their filters and the
# result's meta are the search data's (searchdata.py); `ignore` keeps those inside it.
FACTS = re.compile(r"<dl(?=[\s>])(.*?)</dl>", re.S)
VALUE = re.compile(r"<dd>(.*?)</dd>", re.S)
TAG = re.compile(r"<[^>]*>")
SPACE_BEFORE = re.compile(r" ([,.;:])")  # left where a tag was taken out before a comma
MEETING_LINE = re.compile(r"(</h1>\s*<p)(?=>)")
TABLE_HEAD = re.compile(r"<thead(?=>)")
IGNORE = " data-pagefind-ignore"


def mark_for_search(page_html: str, kind: object) -> str:
    """A meeting or punkt page's HTML with what search should leave out marked; the decision
    weighed up on a punkt page. Other pages are returned as they are."""
    if kind not in contracts.SEARCHABLE_KINDS:
        return page_html
    marked = TABLE_HEAD.sub(r"<thead" + IGNORE, page_html)
    if kind == contracts.KIND_PUNKT:
        marked = MEETING_LINE.sub(r"\1" + IGNORE, marked, count=1)
        marked = weigh_decisions(marked)
    facts = FACTS.search(marked)
    if facts is None:
        return marked
    # The values are the renderer's escaped HTML; without their tags they stay escaped text.
    values = " · ".join(SPACE_BEFORE.sub(r"\1", " ".join(TAG.sub(" ", value).split()))
                        for value in VALUE.findall(facts[1]))
    return (f"{marked[:facts.start()]}<dl{IGNORE}{facts[1]}</dl>{marked[facts.end():]}"
            f"\n<p hidden>{values}</p>\n")
