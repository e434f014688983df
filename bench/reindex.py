#!/usr/bin/env python3
"""Index a site that `mkdocs build` made, again, with the engine's search indexer alone.

Usage::

    python bench/reindex.py SITE MEETINGS [--budget PAGES] [--cache DIR] [--touch-year YEAR]

Rebuilds ``SITE/pagefind*`` from the built pages and the meetings' decisions, as the build's
last step does, and prints the seconds, the bundles indexed and reused and the largest Pagefind
run's peak memory. With ``--cache`` a second run reuses what the first stored; ``--touch-year``
first changes one punkt page of that year (as an edited meeting would), so the run shows what a
rebuild after one edit costs. Used to measure partition sizes without a full build.
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "hooks"))

from referat import search  # noqa: E402
from referat.engine import build_site  # noqa: E402


def decisions(meetings: Path) -> list[search.Decision]:
    """The decisions-only records, with the URLs MkDocs gives their pages (directory URLs)."""
    site = build_site(meetings, "bench", display_root=meetings)
    records = []
    for page in site.pages:
        entry = page.search
        if entry is None or not entry.decision:
            continue
        stem = page.path.removesuffix(".md").removesuffix("index")
        url = "/" + (stem.rstrip("/") + "/" if stem else "")
        records.append(search.Decision(url, entry.decision, entry.heading, entry.body,
                                       entry.when, entry.facets))
    return records


def touch(site: Path, year: str) -> Path:
    """Change the indexed text of one punkt page of the year; the page changed."""
    for page in sorted(site.glob(f"*/{year}-*/punkt-*/index.html")):
        text = page.read_text(encoding="utf-8")
        marker = "<div data-pagefind-body>"
        if marker in text:
            page.write_text(text.replace(marker, marker + f"<p>rettet {time.time()}</p>", 1),
                            encoding="utf-8")
            return page
    raise SystemExit(f"reindex: no punkt page of {year} in {site}")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("site", type=Path)
    parser.add_argument("meetings", type=Path)
    parser.add_argument("--budget", type=int, default=search.PAGE_BUDGET)
    parser.add_argument("--cache", type=Path)
    parser.add_argument("--touch-year")
    args = parser.parse_args()
    records = decisions(args.meetings)
    if args.touch_year:
        print(f"reindex: changed {touch(args.site, args.touch_year)}", file=sys.stderr)
    started = time.perf_counter()
    report = search.index_site(args.site, records, cache=args.cache,
                               progress=lambda line: print(line, file=sys.stderr),
                               budget=args.budget)
    seconds = time.perf_counter() - started
    print(f"reindex: {report.pages} pages, {report.decisions} decisions in {seconds:.1f} s; "
          f"{report.summary()}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
