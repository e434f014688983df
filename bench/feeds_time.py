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
from collections.abc import Sequence
from pathlib import Path

from referat import corrections, engine, follow, generators
from referat.cache import Cache
from referat.outputs import Output

Made = Sequence[Output]


def timed_generators(spent: dict[str, float]) -> None:
    """Wrap every registered generator, and the pages' follow step, so their CPU time is kept."""
    def wrap(each: generators.Generator) -> generators.Generator:
        def generate(run: generators.Run) -> Made:
            start = time.process_time()
            made = each.generate(run)
            spent[each.name] = time.process_time() - start
            return made
        return generators.Generator(each.name, each.makes, generate)
    generators.GENERATORS[:] = [wrap(g) for g in generators.GENERATORS]
    annotate = follow.annotate

    def timed_annotate(*args):  # type: ignore[no-untyped-def]
        start = time.process_time()
        done = annotate(*args)
        spent["follow (in pages)"] = time.process_time() - start
        return done
    follow.annotate = timed_annotate  # type: ignore[assignment]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("meetings", type=Path)
    parser.add_argument("--cache", type=Path, help="the engine's cache folder (none if left out)")
    args = parser.parse_args()
    spent: dict[str, float] = {}
    wall = time.perf_counter()
    corrections.read_history(args.meetings)
    print(f"{'git history (wall)':24s} {(time.perf_counter() - wall) * 1000:7.0f} ms")
    timed_generators(spent)
    start = time.process_time()
    site = engine.build_site(args.meetings, "Bench", site_url="https://referat.example.dk/",
                             repo_url="https://github.com/kommune/referater", git_history=True,
                             cache=Cache(args.cache) if args.cache else None)
    total = time.process_time() - start
    for name, seconds in spent.items():
        print(f"{name:24s} {seconds * 1000:7.0f} ms")
    size = sum(len(t.text) for t in site.texts) / 1e6
    print(f"{'engine in all':24s} {total * 1000:7.0f} ms: {len(site.pages):,} pages, "
          f"{len(site.texts):,} feeds and calendars ({size:.1f} MB)")


if __name__ == "__main__":
    main()
