#!/usr/bin/env python3
"""What the feeds, calendars and corrections log add to a build: the CPU time of each generator
of the engine, and of reading the git history, on a meetings folder.

Usage::

    python bench/synth.py ../archive --items 3000 --quiet
    git -C ../archive init -q && git -C ../archive add -A && git -C ../archive commit -qm x
    python bench/feeds_time.py ../archive [--cache ../archive-cache]

Run it twice with the same --cache for a rebuild's figures (the feeds and calendars come from
the cache). CPU time of this process is measured (`time.process_time`), so other work on the
machine changes the figures little; git's own process is not counted (see the wall time).
"""

from __future__ import annotations

import argparse
import time
from pathlib import Path

from referat import corrections, engine, follow
from referat.cache import Cache


def timed_follow(spent: dict[str, float]) -> None:
    """Keep the CPU time of the pages' follow step (the engine keeps each generator's)."""
    annotate = follow.Follow.annotate

    def timed_annotate(*args):  # type: ignore[no-untyped-def]
        start = time.process_time()
        done = annotate(*args)
        spent["follow (in pages)"] = spent.get("follow (in pages)", 0.0) + time.process_time() - start
        return done
    follow.Follow.annotate = timed_annotate  # type: ignore[method-assign]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("meetings", type=Path)
    parser.add_argument("--cache", type=Path, help="the engine's cache folder (none if left out)")
    args = parser.parse_args()
    spent: dict[str, float] = {}
    wall = time.perf_counter()
    corrections.read_history(args.meetings)
    print(f"{'git history (wall)':24s} {(time.perf_counter() - wall) * 1000:7.0f} ms")
    timed_follow(spent)
    start = time.process_time()
    site = engine.build_site(args.meetings, "Bench", site_url="https://referat.example.dk/",
                             repo_url="https://github.com/kommune/referater", git_history=True,
                             cache=Cache(args.cache) if args.cache else None)
    total = time.process_time() - start
    for name, seconds in {**site.spent, **spent}.items():
        print(f"{name:24s} {seconds * 1000:7.0f} ms")
    size = sum(len(t.text) for t in site.texts) / 1e6
    print(f"{'engine in all':24s} {total * 1000:7.0f} ms: {len(site.pages):,} pages, "
          f"{len(site.texts):,} whole files: feeds, calendars, data ({size:.1f} MB)")


if __name__ == "__main__":
    main()
