#!/usr/bin/env python3
"""Count an archive's pages by kind, and what leaving out the pages that add nothing saves.

Usage::

    python bench/synth.py ../a3k --items 3000 --quiet && python bench/pages.py ../a3k

Prints the engine's pages by kind, and the cases treated once: those have no page of their own
(the punkt's page has the same facts), so each is a page saved (issue 11, point 4).
"""

from __future__ import annotations

import sys
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "hooks"))

from referat.catalog import build_catalog  # noqa: E402
from referat.loader import load  # noqa: E402
from referat.pagekinds import PAGE_KINDS, PageContext  # noqa: E402


def main(meetings: Path) -> None:
    archive, problems = load(meetings)
    if any(p.is_error for p in problems):
        sys.exit(f"{meetings}: the archive has errors; run `referat check`")
    catalog = build_catalog(archive)
    context = PageContext(catalog, "Referater", {})
    counts = Counter({kind.name: sum(1 for _ in kind.make(context)) for kind in PAGE_KINDS})
    once = sum(1 for case in catalog.cases.values() if len(case.treatments) == 1)
    total = sum(counts.values())
    for name, n in counts.items():
        print(f"{name:>14} {n:>7,}")
    print(f"{'pages':>14} {total:>7,}")
    print(f"cases: {len(catalog.cases):,}, treated once: {once:,} (no page of their own); "
          f"{once:,} of {total + once:,} pages saved ({once / (total + once):.1%})")


if __name__ == "__main__":
    main(Path(sys.argv[1]))
