"""The benchmark's results: one Row per archive size, the tables and the targets from the issue."""

from __future__ import annotations

import math
from collections.abc import Callable
from dataclasses import dataclass, field

from searchbench import Bundle, SearchFigures

# Targets from the issue, at 50,000 items.
TARGET_SIZE = 50_000
TARGET_BUILD_S = 6 * 60
TARGET_RSS_MIB = 2 * 1024
TARGET_REBUILD_S = 20  # a rebuild after one edited decision
TARGET_PREVIEW_S = 5  # mkdocs serve: from the save to the served page showing the edit
# Targets at 3,000 items: the cold build against plain MkDocs, the rebuild against the cold build.
RATIO_SIZE = 3_000
TARGET_PLAIN_RATIO = 0.8
TARGET_REBUILD_RATIO = 0.15
TARGET_SCALING = 1.2  # s/1000 items at 50,000 against that at 5,000
SCALING_BASE = 5_000
TARGET_QUERY_BYTES = 250_000  # search bytes of a first query (1 KB = 1000 bytes)
TARGET_QUERY_MS = 500  # DOMContentLoaded -> first result, median of the words


@dataclass
class Build:
    """One measured build."""

    seconds: float
    rss_mib: float
    pages: int
    site_mb: float
    index_seconds: float | None = None  # the search indexing inside the build, from its log
    cpu_seconds: float = 0.0  # user + system CPU of the build's whole process tree


@dataclass
class Row:
    """Results for one archive size."""

    size: int
    items: int
    meetings: int
    synth_seconds: float
    commit: str = ""  # the repository's commit when our site was built (+dirty: local changes)
    ours: Build | None = None  # the cold build: an empty cache
    rebuild: Build | None = None  # after one edited decision, with the cold build's cache and site
    rebuild_new: Build | None = None  # the same into a new folder (as `make site` builds)
    serve_first: float | None = None  # mkdocs serve's first build (the cache warm)
    preview: float | None = None  # mkdocs serve: seconds from the save to the page showing it
    plain: Build | None = None
    index: dict[str, Bundle] = field(default_factory=dict)
    search: SearchFigures | None = None


def fmt(value: float | int | None, spec: str = "") -> str:
    """Format a table cell; '-' for missing values."""
    return "-" if value is None else format(value, spec)


def aligned(head: list[str], rows: list[list[str]]) -> str:
    """Right-aligned text columns under a dashed rule."""
    lines = [head, *rows]
    widths = [max(len(line[i]) for line in lines) for i in range(len(head))]
    out = ["  ".join(cell.rjust(w) for cell, w in zip(line, widths, strict=True)) for line in lines]
    out.insert(1, "  ".join("-" * w for w in widths))
    return "\n".join(out)


def build_table(rows: list[Row]) -> str:
    """Build time and memory, ours against plain MkDocs."""
    head = ["size", "items", "meetings", "pages", "site MB", "build s", "CPU s", "index s",
            "s/1000 items", "peak RSS MiB", "rebuild s", "rebuild CPU s", "rebuild/cold",
            "rebuild RSS MiB", "new folder s", "serve 1st s", "preview s", "plain pages", "plain s",
            "plain RSS MiB", "ours/plain"]  # fmt: skip
    cells = []
    for r in rows:
        o, p, b = r.ours, r.plain, r.rebuild
        cells.append([
            fmt(r.size), fmt(r.items), fmt(r.meetings), fmt(o and o.pages),
            fmt(o and o.site_mb, ".1f"), fmt(o and o.seconds, ".1f"),
            fmt(o and o.cpu_seconds, ".1f"), fmt(o and o.index_seconds, ".1f"),
            fmt(o and 1000 * o.seconds / r.items, ".2f"), fmt(o and o.rss_mib, ".0f"),
            fmt(b and b.seconds, ".1f"), fmt(b and b.cpu_seconds, ".1f"),
            fmt(b and o and b.seconds / o.seconds, ".2f"),
            fmt(b and b.rss_mib, ".0f"), fmt(r.rebuild_new and r.rebuild_new.seconds, ".1f"),
            fmt(r.serve_first, ".1f"), fmt(r.preview, ".2f"),
            fmt(p and p.pages), fmt(p and p.seconds, ".1f"), fmt(p and p.rss_mib, ".0f"),
            fmt(o and p and o.seconds / p.seconds, ".2f"),
        ])  # fmt: skip
    return aligned(head, cells)


def search_table(rows: list[Row]) -> str:
    """The search bundles' size and the first queries in the browser."""
    head = ["size", "index MB", "fragments", "decisions MB", "fragments", "query KB",
            "max KB", "gzip KB", "by 1st KB", "requests", "page KB", "page gzip KB", "first ms",
            "counts ms", "warm ms", "warm KB"]  # fmt: skip
    cells = []
    for r in rows:
        pages, decisions, s = r.index.get("pagefind"), r.index.get("pagefind-beslutninger"), r.search

        def med(attr: str, scale: float = 1, spec: str = ".0f", s: SearchFigures | None = s) -> str:
            value = s.median(attr) / scale if s else None
            return fmt(None if value is None or math.isnan(value) else value, spec)

        cells.append([
            fmt(r.size), fmt(pages and pages.bytes / 1e6, ".1f"), fmt(pages and pages.fragments),
            fmt(decisions and decisions.bytes / 1e6, ".1f"),
            fmt(decisions and decisions.fragments),
            med("search_bytes", 1000, ".1f"), fmt(s and s.most("search_bytes") / 1000, ".1f"),
            med("search_gzip", 1000, ".1f"), med("before_first", 1000, ".1f"),
            med("search_requests"),
            med("page_bytes", 1000, ".1f"), med("page_gzip", 1000, ".1f"),
            med("first_ms"), med("done_ms"), med("warm_ms"), med("warm_bytes", 1000, ".1f"),
        ])  # fmt: skip
    return aligned(head, cells)


def check(ok: bool) -> str:
    return "met" if ok else "NOT MET"


def targets(rows: list[Row]) -> str:
    """Each size against the issue's targets (which apply at 50,000 items)."""
    per_item: dict[int, float] = {
        r.size: r.ours.seconds / r.items for r in rows if r.ours is not None
    }
    lines = [f"Targets from the issue, which apply at {TARGET_SIZE:,} items; smaller sizes show "
             "the trend:"]  # fmt: skip
    for r in rows:
        found: list[str] = []
        add: Callable[[str], None] = found.append
        if r.ours:
            o = r.ours
            add(f"build {o.seconds:.0f} s <= {TARGET_BUILD_S} s: {check(o.seconds <= TARGET_BUILD_S)}")
            add(f"peak {o.rss_mib:.0f} MiB <= {TARGET_RSS_MIB} MiB: "
                f"{check(o.rss_mib <= TARGET_RSS_MIB)}")  # fmt: skip
            found.extend(edit_targets(r, o))
            if SCALING_BASE in per_item and r.size > SCALING_BASE:
                ratio = per_item[r.size] / per_item[SCALING_BASE]
                add(f"per item {ratio:.2f}x that at {SCALING_BASE:,} <= {TARGET_SCALING}x: "
                    f"{check(ratio <= TARGET_SCALING)}")  # fmt: skip
        if r.search:
            most, ms = r.search.most("search_bytes"), r.search.median("first_ms")
            add(f"first query {most / 1000:.0f} KB (largest of the words) <= "
                f"{TARGET_QUERY_BYTES // 1000} KB: {check(most <= TARGET_QUERY_BYTES)}")
            add(f"first result {ms:.0f} ms (median) <= {TARGET_QUERY_MS} ms: "
                f"{check(ms <= TARGET_QUERY_MS)}")  # fmt: skip
        lines.append(f"  {r.size:>6}: " + ("; ".join(found) if found else "nothing measured"))
    if TARGET_SIZE in per_item and SCALING_BASE not in per_item:
        lines.append(f"  (per-item scaling needs {SCALING_BASE} and {TARGET_SIZE} in one run: "
                     f"--sizes {SCALING_BASE},{TARGET_SIZE})")  # fmt: skip
    return "\n".join(lines)


def edit_targets(r: Row, o: Build) -> list[str]:
    """The rebuild, the preview and, at 3,000 items, the two ratios."""
    found = []
    if r.rebuild:
        b = r.rebuild.seconds
        found.append(f"rebuild {b:.1f} s <= {TARGET_REBUILD_S} s: {check(b <= TARGET_REBUILD_S)}")
        if r.size == RATIO_SIZE:
            found.append(f"rebuild {b / o.seconds:.2f}x cold <= {TARGET_REBUILD_RATIO}x: "
                         f"{check(b / o.seconds <= TARGET_REBUILD_RATIO)}")
    if r.preview is not None:
        found.append(f"preview {r.preview:.1f} s <= {TARGET_PREVIEW_S} s: "
                     f"{check(r.preview <= TARGET_PREVIEW_S)}")
    if r.plain and r.size == RATIO_SIZE:
        ratio = o.seconds / r.plain.seconds
        found.append(f"cold {ratio:.2f}x plain MkDocs <= {TARGET_PLAIN_RATIO}x: "
                     f"{check(ratio <= TARGET_PLAIN_RATIO)}")
    return found


def report(rows: list[Row]) -> str:
    """Everything printed at the end of a run."""
    commits = sorted({r.commit for r in rows if r.commit})
    parts = ["Build", build_table(rows)]
    if any(r.index or r.search for r in rows):
        parts += ["", "Search", search_table(rows)]
    parts += ["", targets(rows)]
    if len(commits) == 1:
        parts += ["", f"Measured at commit {commits[0]}"]
    elif commits:
        parts += ["", "Measured at commits:"] + [f"  {r.size}: {r.commit}" for r in rows if r.commit]
    return "\n".join(parts)
