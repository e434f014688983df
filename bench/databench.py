#!/usr/bin/env python3
"""What the open data and the OParl-shaped API add to a cold build.

Usage::

    python bench/databench.py [--items 3000] [--rounds 2] [--seed 1]
    python bench/databench.py --sizes 50000 --rounds 1   # --sizes is --items, as in run.py

Generates an archive with ``synth.py``, then builds the project cold (a new cache folder and a
new site folder every time) with every generator, and with the ``open-data`` and ``oparl``
generators taken out of the registry, alternating, ``--rounds`` times each. Prints each build's
wall seconds, the medians and the difference, the generators' own time in the engine (no MkDocs),
and how many files and bytes they write; for each data generator (feeds, calendars, open data,
OParl) its CPU seconds in the engine and their share of the median cold build's CPU seconds. Run
it with the Python that has the project installed.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

BENCH = Path(__file__).resolve().parent
ROOT = BENCH.parent
DATA_GENERATORS = ("open-data", "oparl")
SHARED = ("feeds", "calendars", "open-data", "oparl")  # the generators whose share is printed
# One build in a child process; argv[1] names generators to leave out (comma-separated, or "").
BUILD = """
import sys
from mkdocs.commands.build import build
from mkdocs.config import load_config
from referat import generators
left_out = set(filter(None, sys.argv[1].split(",")))
generators.GENERATORS[:] = [g for g in generators.GENERATORS if g.name not in left_out]
build(load_config(sys.argv[2], site_dir=sys.argv[3]))
"""
TIMING = """
import json, sys, time
from pathlib import Path
from referat import generators
from referat.catalog import build_catalog
from referat.loader import load
archive, _ = load(Path(sys.argv[1]))
run = generators.Run(build_catalog(archive), Path(sys.argv[1]), "Referater",
                     site_url="https://example.dk/")
for g in generators.GENERATORS:
    started, cpu = time.perf_counter(), time.process_time()
    made = g.generate(run)
    cpu = time.process_time() - cpu
    run.outputs.extend(made)
    texts = [o.text for o in made if hasattr(o, "text")]
    print(json.dumps([g.name, time.perf_counter() - started, cpu, len(made),
                      sum(len(t.encode()) for t in texts)]))
"""


def cold_build(meetings: Path, work: Path, left_out: tuple[str, ...]) -> tuple[float, float]:
    """Wall seconds and CPU seconds (user + system, the build and its workers and Pagefind) of
    one `mkdocs build` with a new cache and site folder. On a shared machine the CPU seconds
    are the steadier figure: wall time grows with the other jobs' load."""
    run = Path(tempfile.mkdtemp(dir=work))
    env = {**os.environ, "REFERAT_MEETINGS": str(meetings), "REFERAT_CACHE": str(run / "cache"),
           "NO_MKDOCS_2_WARNING": "1"}
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    started = time.monotonic()
    subprocess.run([sys.executable, "-c", BUILD, ",".join(left_out), str(ROOT / "mkdocs.yml"),
                    str(run / "site")], env=env, cwd=ROOT, check=True, capture_output=True)
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = after.ru_utime + after.ru_stime - before.ru_utime - before.ru_stime
    return time.monotonic() - started, cpu


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--items", "--sizes", dest="items", type=int, default=3000)
    parser.add_argument("--rounds", type=int, default=2)
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="databench-") as folder:
        work = Path(folder)
        meetings = work / "meetings"
        subprocess.run([sys.executable, str(BENCH / "synth.py"), str(meetings), "--items",
                        str(args.items), "--seed", str(args.seed), "--quiet"], check=True)
        times: dict[str, list[tuple[float, float]]] = {"with": [], "without": []}
        for n in range(args.rounds):
            for variant, left_out in (("with", ()), ("without", DATA_GENERATORS)):
                times[variant].append(cold_build(meetings, work, left_out))
                wall, cpu = times[variant][-1]
                print(f"round {n + 1}: {variant:7s} the data generators: {wall:6.1f} s wall, "
                      f"{cpu:6.1f} s CPU", flush=True)
        cold_cpu = statistics.median(t[1] for t in times["with"])
        for column, label in ((0, "wall"), (1, "CPU")):
            with_, without = (statistics.median(t[column] for t in times[k])
                              for k in ("with", "without"))
            print(f"cold build {label}, median of {args.rounds}: {with_:.1f} s with, "
                  f"{without:.1f} s without: {with_ - without:+.1f} s "
                  f"({(with_ / without - 1) * 100:+.1f} %)")
        timing = subprocess.run([sys.executable, "-c", TIMING, str(meetings)], check=True,
                                capture_output=True, text=True).stdout
        for line in timing.splitlines():
            name, seconds, cpu, outputs, size = json.loads(line)
            print(f"generator {name:15s} {seconds:6.2f} s {outputs:7d} outputs {size / 1e6:7.1f} MB")
            if name in SHARED:
                print(f"  {name}: {cpu:.2f} s CPU, {cpu / cold_cpu * 100:.1f} % of the cold "
                      f"build's {cold_cpu:.1f} s CPU at {args.items:,} items")


if __name__ == "__main__":
    main()
