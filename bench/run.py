#!/usr/bin/env python3
"""Benchmark the site build on synthetic archives, against a plain MkDocs baseline.

Usage::

    python bench/run.py [--sizes 3000,10000] [--repeat 1] [--seed 1] [--keep]
                        [--skip-ours] [--skip-plain] [--skip-rebuild] [--skip-preview]
                        [--skip-search] [--plain-plugins search] [--json FILE]

For each size: generate an archive with ``synth.py`` into a temporary folder, build the project
(``mkdocs build --clean`` from the repository root, with ``REFERAT_MEETINGS`` pointing at the
archive and an empty cache), edit one decision and build again with the cache, time how soon
``mkdocs serve`` shows a saved edit (``edits.py``), measure its search bundles and first queries
in Chromium (``searchbench.py``), then build a plain MkDocs + Material project with the same
number of pages of comparable Markdown. Each build runs in a fresh wrapper process that reports
wall seconds, the CPU seconds and peak RSS of the build's process tree (``getrusage``). Tables
and the issue's targets are printed at the end (``report.py``). Run it with the Python that has
the project installed; that Python also runs the builds.
"""

from __future__ import annotations

import argparse
import importlib.metadata
import json
import os
import platform
import re
import shutil
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from dataclasses import asdict
from pathlib import Path
from typing import Any

import yaml

BENCH = Path(__file__).resolve().parent
ROOT = BENCH.parent
sys.path.insert(0, str(BENCH))
import edits  # noqa: E402  (sibling modules, found through the line above)
import searchbench  # noqa: E402
import synth  # noqa: E402
from report import Build, Row, report  # noqa: E402

MEETINGS_VAR = "REFERAT_MEETINGS"
CACHE_VAR = "REFERAT_CACHE"  # the build's cache folder: one per size, empty for the cold build
SITE_URL_VAR = "SITE_URL"  # mkdocs.yml's site_url
STDERR_TAIL = 40  # lines of a failed build's stderr to show
LINKS_PER_LIST = 50  # links on each padding page of the plain baseline
SafeLoader: Any = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
# The engine's INFO line after indexing; our build runs without -q to log it.
INDEXED = re.compile(r"referat: indexed .* for search in ([0-9.]+) s")

# Runs one command and prints its wall time and the peak RSS of its process tree as JSON.
# It runs in a fresh interpreter, so RUSAGE_CHILDREN covers this one build and nothing else.
WRAPPER = """\
import json, resource, subprocess, sys, time
cmd = json.loads(sys.argv[1])
with open(sys.argv[2], "wb") as out, open(sys.argv[3], "wb") as err:
    started = time.perf_counter()
    code = subprocess.run(cmd, stdout=out, stderr=err).returncode
    seconds = time.perf_counter() - started
usage = resource.getrusage(resource.RUSAGE_CHILDREN)
print(json.dumps({"returncode": code, "seconds": seconds, "maxrss": usage.ru_maxrss,
                  "cpu": usage.ru_utime + usage.ru_stime}))
"""


class BuildFailed(Exception):
    """A build exited non-zero or produced no pages."""


# --------------------------------------------------------------------------------------------
# Measuring
# --------------------------------------------------------------------------------------------


def rss_mib(maxrss: int) -> float:
    """Convert ru_maxrss to MiB (kibibytes on Linux, bytes on macOS)."""
    return maxrss / (1024 * 1024) if sys.platform == "darwin" else maxrss / 1024


def tail(path: Path, lines: int = STDERR_TAIL) -> str:
    """The last lines of a text file."""
    text = path.read_text("utf-8", errors="replace") if path.exists() else ""
    return "\n".join(text.splitlines()[-lines:])


def measure(
    name: str, cmd: list[str], cwd: Path, env: dict[str, str], logs: Path
) -> tuple[float, float, float]:
    """Run ``cmd`` in a wrapper; return (seconds, peak RSS MiB, CPU seconds of its whole process
    tree); raise BuildFailed on failure."""
    logs.mkdir(parents=True, exist_ok=True)
    out, err = logs / f"{name}.stdout.log", logs / f"{name}.stderr.log"
    wrapper = [sys.executable, "-c", WRAPPER, json.dumps(cmd), str(out), str(err)]
    done = subprocess.run(wrapper, cwd=cwd, env=env, capture_output=True, text=True)
    if done.returncode != 0:
        raise BuildFailed(f"{name}: the measuring wrapper failed:\n{done.stderr[-3000:]}")
    result = json.loads(done.stdout.strip().splitlines()[-1])
    if result["returncode"] != 0:
        raise BuildFailed(
            f"{name}: build exited with {result['returncode']}; last lines of stderr "
            f"({err}):\n{tail(err)}"
        )
    return result["seconds"], rss_mib(result["maxrss"]), result["cpu"]


def site_stats(site: Path) -> tuple[int, float]:
    """Pages (index.html files) and total size in MB (10^6 bytes) of a built site."""
    pages, size = 0, 0
    for folder, _, files in os.walk(site):
        for file in files:
            size += os.path.getsize(os.path.join(folder, file))
            pages += file == "index.html"
    return pages, size / 1e6


def mkdocs_build(
    name: str, project: Path, site: Path, env: dict[str, str], logs: Path, repeat: int = 1,
    quiet: bool = True,
) -> Build:
    """``mkdocs build --clean [-q] -d site`` in ``project``, measured ``repeat`` times.

    Reports the fastest wall time and the largest peak RSS of the runs.
    """
    env = dict(env, NO_MKDOCS_2_WARNING="1")  # Material's end-of-life banner, noise in the logs
    cmd = [sys.executable, "-m", "mkdocs", "build", "--clean", *(["-q"] if quiet else []),
           "-d", str(site)]  # fmt: skip
    runs = [measure(name, cmd, project, env, logs) for _ in range(repeat)]
    seconds, rss, cpu = min(runs)
    pages, size = site_stats(site)
    if pages == 0:
        raise BuildFailed(f"{name}: the build succeeded but wrote no index.html into {site}")
    return Build(seconds, max(m for _, m, _ in runs), pages, size, cpu_seconds=cpu)


# --------------------------------------------------------------------------------------------
# The project's build
# --------------------------------------------------------------------------------------------


PORTS: dict[Path, int] = {}  # the serve preview's port, per work folder


def ours_env(archive: Path, work: Path) -> dict[str, str]:
    """The environment of our builds: the archive, a cache folder of this size's own, and the
    address `mkdocs serve` will have as the site's URL (a page's canonical link is part of it, so
    with another URL the preview's first build would find no page in the cache)."""
    port = PORTS.setdefault(work, edits.free_port())
    return dict(os.environ, **{MEETINGS_VAR: str(archive), CACHE_VAR: str(work / "cache"),
                               SITE_URL_VAR: f"http://127.0.0.1:{port}/"})


def build_ours(archive: Path, work: Path, repeat: int) -> Build:
    """Build the repository's site from ``archive`` with an empty cache each time (cold), with the
    seconds its search indexing took."""
    env = ours_env(archive, work)
    runs = []
    for _ in range(repeat):
        shutil.rmtree(work / "cache", ignore_errors=True)
        runs.append(mkdocs_build("ours", ROOT, work / "site", env, work / "logs", quiet=False))
    build = min(runs, key=lambda b: b.seconds)
    build.rss_mib = max(b.rss_mib for b in runs)
    build.index_seconds = index_seconds(work / "logs" / "ours.stderr.log")
    return build


def index_seconds(log: Path) -> float | None:
    indexed = INDEXED.findall(tail(log))
    return float(indexed[-1]) if indexed else None


def rebuild_ours(archive: Path, work: Path, into: str = "site") -> Build:
    """One decision of the newest meeting corrected, then the site built again with the cache the
    cold build left: into the cold build's own folder, as `mkdocs build` run again does (the
    adapter keeps that folder and writes what changed), or into a new one (`into`, removed after),
    as `make site` builds."""
    edits.edit_decision(edits.newest_meeting(archive), f"Rettet {time.time()}")
    env = ours_env(archive, work)
    name = "rebuild" if into == "site" else "rebuild-new"
    build = mkdocs_build(name, ROOT, work / into, env, work / "logs", quiet=False)
    build.index_seconds = index_seconds(work / "logs" / f"{name}.stderr.log")
    if into != "site":
        shutil.rmtree(work / into, ignore_errors=True)
    return build


def preview_ours(archive: Path, work: Path) -> tuple[float, float]:
    """`mkdocs serve` with the warm cache: its first build, and the seconds from saving an
    edited decision until the served meeting page shows it."""
    env = dict(ours_env(archive, work), NO_MKDOCS_2_WARNING="1")
    return edits.preview_latency(ROOT, env, archive, work / "logs" / "serve.log", PORTS[work])


def commit() -> str:
    """The repository's short commit, with +dirty if the engine or site files have local changes."""

    def git(*args: str) -> str:
        done = subprocess.run(["git", "-C", str(ROOT), *args], capture_output=True, text=True)
        return done.stdout.strip() if done.returncode == 0 else ""

    head = git("rev-parse", "--short", "HEAD") or "unknown"
    dirty = git("status", "--porcelain", "--", "hooks", "docs", "mkdocs.yml", "pyproject.toml")
    return head + ("+dirty" if dirty else "")


# --------------------------------------------------------------------------------------------
# The plain MkDocs baseline
# --------------------------------------------------------------------------------------------


def meeting_files(archive: Path) -> Iterator[tuple[str, str, Path]]:
    """(body slug, body name, meeting file) for every meeting, in a stable order."""
    for body in sorted(p for p in archive.iterdir() if p.is_dir()):
        name = yaml.load((body / "body.yml").read_text("utf-8"), Loader=SafeLoader)["name"]
        for file in sorted(body.glob("*.yml")):
            if file.name != "body.yml":
                yield body.name, name, file


def item_markdown(body_name: str, day: str, item: dict[str, Any]) -> str:
    """An agenda item as a plain Markdown page: the same text the project publishes."""
    lines = [f"# Punkt {item['number']}: {item['title']}", "", f"{body_name}, møde {day}", ""]
    if item.get("journal"):
        lines += [f"Journalnummer: {item['journal']}", ""]
    if item.get("topics"):
        lines += ["Emner: " + ", ".join(item["topics"]), ""]
    for heading, text in (item.get("sections") or {}).items():
        lines += [f"## {heading}", "", text.strip(), ""]
    if item.get("decision"):
        lines += ["## Beslutning", "", item["decision"].strip(), ""]
    if item.get("attachments"):
        lines += ["## Bilag", ""] + [f"- {a['title']}" for a in item["attachments"]] + [""]
    return "\n".join(lines)


def meeting_markdown(body_name: str, meeting: dict[str, Any], links: list[tuple[str, str]]) -> str:
    """A meeting as a plain Markdown page: facts, participants and links to its items."""
    lines = [f"# {body_name} {meeting['date']}", ""]
    for key in ("start", "end", "location", "minute_taker"):
        if meeting.get(key):
            lines.append(f"- {key}: {meeting[key]}")
    lines += ["", "## Deltagere", ""]
    for p in meeting.get("participants") or []:
        party = f" ({p['party']})" if p.get("party") else ""
        lines.append(f"- {p['name']}{party}, {p.get('role', 'medlem')}")
    lines += ["", "## Punkter", ""] + [f"- [{title}]({href})" for href, title in links]
    return "\n".join(lines) + "\n"


def plain_pages(archive: Path) -> Iterator[tuple[str, str]]:
    """(path under docs/, Markdown) for a page per meeting and per item, then list pages."""
    all_links: list[tuple[str, str]] = []
    for slug, body_name, file in meeting_files(archive):
        meeting = yaml.load(file.read_text("utf-8"), Loader=SafeLoader)
        folder = f"m/{slug}/{file.stem}"
        links = [(f"{item['number']}.md", str(item["title"])) for item in meeting["items"]]
        yield f"{folder}/index.md", meeting_markdown(body_name, meeting, links)
        for item in meeting["items"]:
            yield f"{folder}/{item['number']}.md", item_markdown(body_name, file.stem, item)
        all_links += [(f"../../{folder}/{href}", title) for href, title in links]
    yield from padding_pages(all_links)


def padding_pages(links: list[tuple[str, str]]) -> Iterator[tuple[str, str]]:
    """Endless list pages (like index pages) linking to items, to reach a page count."""
    k = 0
    while links:
        start = (k * LINKS_PER_LIST) % len(links)
        chunk = (links + links)[start : start + LINKS_PER_LIST]
        body = "\n".join(f"- [{title}]({href})" for href, title in chunk)
        yield f"oversigt/{k + 1}.md", f"# Oversigt {k + 1}\n\n{body}\n"
        k += 1


def plain_config(plugins: list[str]) -> dict[str, Any]:
    """mkdocs.yml of the baseline: Material, Danish, only index.md in the nav."""
    return {
        "site_name": "Plain MkDocs baseline",
        "theme": {"name": "material", "language": "da"},
        "nav": ["index.md"],
        "validation": {"nav": {"omitted_files": "ignore"}},
        "plugins": plugins,
    }


def write_plain_project(archive: Path, project: Path, pages: int, plugins: list[str]) -> int:
    """Write a plain MkDocs project with ``pages`` pages (index.md included); return the count."""
    docs = project / "docs"
    docs.mkdir(parents=True)
    (project / "mkdocs.yml").write_text(
        yaml.safe_dump(plain_config(plugins), allow_unicode=True, sort_keys=False), "utf-8"
    )
    (docs / "index.md").write_text("# Referater\n\nEn side til sammenligning.\n", "utf-8")
    written = 1
    for rel, text in plain_pages(archive):
        if written >= pages:
            break
        path = docs / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, "utf-8")
        written += 1
    return written


def build_plain(archive: Path, work: Path, pages: int, plugins: list[str], repeat: int) -> Build:
    """Write and build the plain baseline with ``pages`` pages."""
    project = work / "plain"
    write_plain_project(archive, project, pages, plugins)
    env = dict(os.environ)
    return mkdocs_build("plain", project, work / "plain-site", env, work / "logs", repeat)


# --------------------------------------------------------------------------------------------
# Running and reporting
# --------------------------------------------------------------------------------------------


def bench_size(size: int, args: argparse.Namespace, work: Path) -> Row:
    """Generate an archive of ``size`` items and run the builds asked for."""
    archive = work / "meetings"
    started = time.perf_counter()
    stats = synth.generate(archive, synth.Options(items=size, seed=args.seed, quiet=True))
    row = Row(size, stats.items, stats.meetings, time.perf_counter() - started)
    log(f"[{size}] {synth.summary(stats, archive, row.synth_seconds)}")
    if not args.skip_ours:
        row.commit = commit()
        row.ours = build_ours(archive, work, args.repeat)
        log(f"[{size}] ours at {row.commit}, cold: {describe(row.ours)}")
        if not args.skip_rebuild:
            row.rebuild = rebuild_ours(archive, work)
            log(f"[{size}] rebuild after one edited decision: {describe(row.rebuild)}")
            row.rebuild_new = rebuild_ours(archive, work, into="site-rebuild")
            log(f"[{size}] the same into a new folder: {describe(row.rebuild_new)}")
        if not args.skip_preview:
            row.serve_first, row.preview = preview_ours(archive, work)
            log(f"[{size}] mkdocs serve: first build {row.serve_first:.1f} s, an edited "
                f"decision shown {row.preview:.2f} s after the save")
        row.index = searchbench.index_sizes(work / "site")
        for name, b in row.index.items():
            log(f"[{size}] {name}/: {b.bytes / 1e6:.1f} MB in {b.files} files, "
                f"{b.fragments} fragments, {b.index_chunks} index chunks")  # fmt: skip
        if not args.skip_search:
            row.search = searchbench.measure_search(
                work / "site", log=lambda message: log(f"[{size}] search {message}"))
    if not args.skip_plain:
        target = row.ours.pages if row.ours else stats.meetings + stats.items + 1
        row.plain = build_plain(archive, work, target, args.plain_plugins, args.repeat)
        log(f"[{size}] plain MkDocs: {describe(row.plain)}")
    return row


def describe(b: Build) -> str:
    """One build in words."""
    index = "" if b.index_seconds is None else f" ({b.index_seconds:.1f} s search indexing)"
    return (f"{b.pages} pages, {b.site_mb:.1f} MB, {b.seconds:.1f} s{index}, "
            f"{b.cpu_seconds:.1f} CPU s, peak RSS {b.rss_mib:.0f} MiB")  # fmt: skip


def log(message: str) -> None:
    """Progress to stderr."""
    print(message, file=sys.stderr, flush=True)


def environment() -> str:
    """Python, MkDocs and Material versions, CPUs and platform."""

    def version(dist: str) -> str:
        try:
            return importlib.metadata.version(dist)
        except importlib.metadata.PackageNotFoundError:
            return "missing"

    return (
        f"Python {platform.python_version()} ({sys.executable}), mkdocs {version('mkdocs')}, "
        f"mkdocs-material {version('mkdocs-material')}, PyYAML {version('PyYAML')}, "
        f"{os.cpu_count()} CPUs, {platform.system()} {platform.machine()}"
    )


def parse_sizes(text: str) -> list[int]:
    """``"1000,10000"`` -> [1000, 10000]."""
    sizes = [int(part) for part in text.split(",") if part.strip()]
    if not sizes or min(sizes) < 1:
        raise argparse.ArgumentTypeError("sizes must be positive integers, e.g. 1000,10000")
    return sizes


def parse_args(argv: list[str] | None = None) -> argparse.Namespace:
    """Command-line arguments."""
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    p.add_argument("--sizes", type=parse_sizes, default=[3000, 10000],
                   help="comma-separated item counts (default 3000,10000)")  # fmt: skip
    p.add_argument("--seed", type=int, default=1, help="seed for synth.py (default 1)")
    p.add_argument("--repeat", type=int, default=1, choices=range(1, 11), metavar="K",
                   help="build each site K times; report the fastest (default 1)")  # fmt: skip
    p.add_argument("--keep", action="store_true", help="keep archives, sites and logs")
    p.add_argument("--skip-ours", action="store_true", help="build only the plain baseline")
    p.add_argument("--skip-plain", action="store_true", help="build only the project")
    p.add_argument("--skip-rebuild", action="store_true",
                   help="skip the rebuild after one edited decision")
    p.add_argument("--skip-preview", action="store_true",
                   help="skip the latency of mkdocs serve after an edit")
    p.add_argument("--skip-search", action="store_true",
                   help="skip the first queries in Chromium (the index sizes are still reported)")
    p.add_argument("--json", type=Path, metavar="FILE", help="also write the results as JSON")
    p.add_argument("--plain-plugins", type=lambda s: [x for x in s.split(",") if x],
                   default=["search"],
                   help="plugins of the plain baseline (default: search; '' for none)")  # fmt: skip
    return p.parse_args(argv)


def preflight(args: argparse.Namespace) -> str | None:
    """Why the benchmark cannot run, or None."""
    try:
        importlib.metadata.version("mkdocs")
    except importlib.metadata.PackageNotFoundError:
        return f"mkdocs is not installed for {sys.executable}; run with the project's Python"
    if not args.skip_ours and not (ROOT / "mkdocs.yml").is_file():
        return f"no mkdocs.yml in {ROOT}; nothing to build (use --skip-ours for the baseline)"
    if args.skip_ours and args.skip_plain:
        return "--skip-ours and --skip-plain together leave nothing to do"
    if not args.skip_ours and not args.skip_search:
        return searchbench.problem()
    return None


def main(argv: list[str] | None = None) -> int:
    """Benchmark every size, print the table; non-zero exit if a build fails."""
    args = parse_args(argv)
    problem = preflight(args)
    if problem:
        log(f"bench: {problem}")
        return 2
    log(f"bench: {environment()}")
    rows: list[Row] = []
    status = 0
    for size in args.sizes:
        work = Path(tempfile.mkdtemp(prefix=f"referat-bench-{size}-"))
        keep = args.keep
        try:
            rows.append(bench_size(size, args, work))
        except (BuildFailed, searchbench.SearchFailed, edits.EditFailed) as failure:
            log(f"bench: {type(failure).__name__} at size {size}\n{failure}")
            keep, status = True, 1  # keep the logs and the archive for a look
        finally:
            if keep:
                log(f"[{size}] kept {work}")
            else:
                shutil.rmtree(work, ignore_errors=True)
        if status:
            break
    if rows:
        print(report(rows))
    if rows and args.json:
        args.json.write_text(json.dumps([asdict(r) for r in rows], indent=1), "utf-8")
    return status


if __name__ == "__main__":
    sys.exit(main())
