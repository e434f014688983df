#!/usr/bin/env python3
"""Generate a reproducible synthetic archive of Danish council minutes for benchmarks.

Usage::

    python bench/synth.py OUTDIR --items N [--seed 1] [--bodies B] [--years Y] [--quiet]

Writes ``OUTDIR/<body-slug>/body.yml`` and ``OUTDIR/<body-slug>/<YYYY-MM-DD>.yml`` (one file per
meeting, keys exactly as in the meeting-file contract) until about N agenda items exist, plus
small placeholder PDFs in ``OUTDIR/<body-slug>/bilag/`` for attachments given as files.

The same seed and arguments give byte-identical output: every random choice comes from
``random.Random`` instances seeded from the arguments, never from the global generator or the clock.
Only the standard library and PyYAML are used.

This file is the command line. The generator is split over sibling modules, imported with
``bench/`` on ``sys.path`` (as when this file runs as a script, or from ``run.py``):
``archive.py`` (the Generator), ``shape.py``, ``people.py``, ``cases.py``, ``prose.py`` and
``yaml_output.py``, with the data in ``vocabulary.py`` and ``bodies.py``.
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

from archive import Generator, Stats
from bodies import BODIES
from shape import Options


def generate(outdir: Path, opts: Options) -> Stats:
    """Write a synthetic archive into ``outdir`` (new or empty) and return statistics."""
    if outdir.exists() and any(outdir.iterdir()):
        raise SystemExit(f"synth: {outdir} is not empty; choose a new folder")
    outdir.mkdir(parents=True, exist_ok=True)
    return Generator(outdir, opts).run()


def summary(stats: Stats, outdir: Path, seconds: float) -> str:
    """The one-line summary printed at the end."""
    s = stats
    return (
        f"synth: {s.bodies} bodies, {s.meetings} meetings, {s.items} items ({s.closed} closed, "
        f"{s.journals} journal numbers, {s.attachments} attachments), {s.first} to {s.last}, "
        f"{s.bytes / 1e6:.1f} MB written to {outdir} in {seconds:.1f} s"
    )


def parse_args(argv: list[str] | None = None) -> argparse.Namespace:
    """Command-line arguments."""
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    p.add_argument("outdir", type=Path, help="folder to create (must be new or empty)")
    p.add_argument("--items", type=int, required=True, help="about this many agenda items")
    p.add_argument("--seed", type=int, default=1, help="random seed (default 1)")
    p.add_argument(
        "--bodies",
        type=int,
        choices=range(1, len(BODIES) + 1),
        metavar="B",
        help=f"number of bodies (default 3-8 by size, at most {len(BODIES)})",
    )
    p.add_argument("--years", type=int, help="spread over this many years (default by size)")
    p.add_argument("--quiet", action="store_true", help="no progress lines")
    p.add_argument(
        "--pure-yaml", action="store_true", help="use PyYAML's Python emitter (slower; same bytes)"
    )
    return p.parse_args(argv)


def main(argv: list[str] | None = None) -> int:
    """Run from the command line and print a summary to stderr."""
    args = parse_args(argv)
    if args.items < 1:
        raise SystemExit("synth: --items must be at least 1")
    opts = Options(args.items, args.seed, args.bodies, args.years, args.quiet, args.pure_yaml)
    started = time.perf_counter()
    stats = generate(args.outdir, opts)
    print(summary(stats, args.outdir, time.perf_counter() - started), file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
