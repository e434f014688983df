#!/usr/bin/env python3
"""What each generator of the engine costs in a cold MkDocs build and in a rebuild after one
edit: its CPU seconds and its share of the whole build's CPU time, for the feeds, calendars,
open data and OParl generators among the rest.

Usage::

    python bench/outputs_time.py [--sizes 3000,50000] [--seed 1]

For each size: generate an archive with ``synth.py``, commit it to a git repository of its own (so
the corrections log and the OParl dates read a real history), build the project with a new cache
(cold), correct one decision of the newest meeting, commit it, and build again with that cache.
Each build is ``mkdocs build`` in a child process that keeps the engine's CPU seconds per
generator (``Run.spent``); the build's own CPU time (user + system of its process tree, Pagefind
included) is the whole the shares are of. The machine's load is printed beside every build:
wall time grows with it, CPU time much less. Run it with the Python that has the project installed.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import edits

BENCH = Path(__file__).resolve().parent
ROOT = BENCH.parent
NEW_OUTPUTS = ("feeds", "calendars", "open-data", "oparl")
# One build in a child process: the engine's CPU seconds per generator appended to argv[2] as JSON.
BUILD = """
import json, sys
from mkdocs.commands.build import build
from mkdocs.config import load_config
from referat import engine
real = engine.run_all
def timed(run):
    made = real(run)
    with open(sys.argv[2], "a", encoding="utf-8") as out:
        out.write(json.dumps(run.spent) + "\\n")
    return made
engine.run_all = timed
build(load_config(sys.argv[1], site_dir=sys.argv[3]))
"""


def git(repo: Path, *args: str) -> None:
    env = {**os.environ, "GIT_AUTHOR_NAME": "Bench", "GIT_AUTHOR_EMAIL": "bench@example.dk",
           "GIT_COMMITTER_NAME": "Bench", "GIT_COMMITTER_EMAIL": "bench@example.dk"}
    subprocess.run(["git", "-C", str(repo), *args], check=True, capture_output=True, env=env)


def build(meetings: Path, work: Path, name: str) -> tuple[float, float, dict[str, float]]:
    """Wall and CPU seconds of one `mkdocs build` with the cache in `work`, and the engine's CPU
    seconds per generator (of its last run, if the build ran the engine more than once)."""
    spent = work / f"{name}.spent"
    env = {**os.environ, "REFERAT_MEETINGS": str(meetings), "REFERAT_CACHE": str(work / "cache"),
           "SITE_URL": "https://referat.example.dk/", "NO_MKDOCS_2_WARNING": "1"}
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    started = time.monotonic()
    subprocess.run([sys.executable, "-c", BUILD, str(ROOT / "mkdocs.yml"), str(spent),
                    str(work / name)], env=env, cwd=ROOT, check=True, capture_output=True)
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = after.ru_utime + after.ru_stime - before.ru_utime - before.ru_stime
    runs = spent.read_text(encoding="utf-8").splitlines()
    return time.monotonic() - started, cpu, json.loads(runs[-1])


def report(size: int, label: str, wall: float, cpu: float, spent: dict[str, float]) -> None:
    load = ", ".join(f"{x:.2f}" for x in os.getloadavg())
    print(f"\n[{size} items] {label}: {wall:.1f} s wall, {cpu:.1f} s CPU (user+sys), load {load}")
    for name, seconds in spent.items():
        mark = "  *" if name in NEW_OUTPUTS else ""
        print(f"  {name:16s} {seconds:8.2f} s CPU {seconds / cpu * 100:6.1f} %{mark}")
    new = sum(spent.get(name, 0.0) for name in NEW_OUTPUTS)
    print(f"  {'new outputs (*)':16s} {new:8.2f} s CPU {new / cpu * 100:6.1f} %")


def bench(size: int, seed: int, work: Path) -> None:
    repo = work / "repo"
    meetings = repo / "meetings"
    subprocess.run([sys.executable, str(BENCH / "synth.py"), str(meetings), "--items", str(size),
                    "--seed", str(seed), "--quiet"], check=True)
    git(work, "init", "-q", str(repo))
    git(repo, "add", "-A")
    git(repo, "commit", "-qm", "Referater")
    report(size, "cold build", *build(meetings, work, "cold"))
    edits.edit_decision(edits.newest_meeting(meetings), "Rettet")
    git(repo, "commit", "-qam", "Rettet beslutning")
    report(size, "rebuild after one edit", *build(meetings, work, "rebuild"))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", default="3000", help="item counts, comma-separated")
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args()
    for size in (int(part) for part in args.sizes.split(",") if part.strip()):
        with tempfile.TemporaryDirectory(prefix="outputs-time-") as folder:
            bench(size, args.seed, Path(folder))


if __name__ == "__main__":
    main()
