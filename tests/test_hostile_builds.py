"""Builds under stress. Two builds at once into two folders both succeed. A build that fails at any
stage (a meeting file's error, a theme error, a failed search index) leaves the published site
folder byte for byte as it was when it goes through `make site` (scripts/build_site.py); a plain
`mkdocs build` stops before it empties the folder when a meeting file has an error. A 20 MB value
in the wrong place gives a short problem line."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import FIXTURES
from hostile_input import assert_check_and_build_agree, run, write_meetings
from sites import ROOT

SCRIPT = ROOT / "scripts" / "build_site.py"
ENV = {"PATH": str(Path(sys.executable).parent), "NO_MKDOCS_2_WARNING": "1"}


def contents(folder: Path) -> dict[str, bytes]:
    return {p.relative_to(folder).as_posix(): p.read_bytes() if p.is_file() else b"<folder>"
            for p in sorted(folder.rglob("*"))}


def mkdocs(site: Path, meetings: Path, cwd: Path = ROOT,
           config: Path = ROOT / "mkdocs.yml") -> subprocess.Popen[str]:
    return subprocess.Popen([sys.executable, "-m", "mkdocs", "build", "--strict", "-f", str(config),
                             "-d", str(site)], cwd=cwd, env={**ENV, "REFERAT_MEETINGS": str(meetings)},
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)


def test_two_builds_at_once_into_two_folders_both_succeed(tmp_path: Path) -> None:
    sites = [tmp_path / "a" / "site", tmp_path / "b" / "site"]
    builds = [mkdocs(site, FIXTURES / "site") for site in sites]
    for build in builds:
        _, err = build.communicate(timeout=300)
        assert build.returncode == 0, err[-3000:]
    first, second = (contents(site) for site in sites)
    pages = sorted(name for name in first if name.endswith(".html"))
    # Pagefind names its index files by their content's hash, which varies from run to run.
    assert pages == sorted(name for name in second if name.endswith(".html"))
    assert "byraadet/2024-03-20/index.html" in pages
    assert all(first[name] == second[name] for name in pages)
    for built in (first, second):
        # Search is partitioned: one bundle per year (or group of years) under each folder.
        assert "pagefind/manifest.json" in built
        for folder in ("pagefind", "pagefind-beslutninger"):
            bundles = [name for name in built
                       if name.startswith(f"{folder}/") and name.endswith("/pagefind.js")]
            assert bundles, f"no search bundle under {folder}/"
        assert any("/fragment/" in name for name in built if name.startswith("pagefind/"))


def published(tmp_path: Path) -> Path:
    site = tmp_path / "out" / "site"
    site.mkdir(parents=True)
    (site / "index.html").write_text("the published site", encoding="utf-8")
    (site / "sag").mkdir()
    (site / "sag" / "index.html").write_text("a published case list", encoding="utf-8")
    return site


def project(tmp_path: Path) -> Path:
    """A copy of the project's configuration and docs, with the engine linked and the fixture
    meetings."""
    folder = tmp_path / "project"
    folder.mkdir()
    shutil.copy(ROOT / "mkdocs.yml", folder / "mkdocs.yml")
    shutil.copytree(ROOT / "docs", folder / "docs")
    shutil.copytree(FIXTURES / "site", folder / "meetings")
    (folder / "hooks").symlink_to(ROOT / "hooks")
    return folder


def theme_error(folder: Path) -> None:
    (folder / "docs" / "overrides" / "main.html").write_text(
        '{% extends "base.html" %}\n{% block content %}{{ page.content }\n', encoding="utf-8")


def search_error(folder: Path) -> None:
    """Pagefind reads a configuration file from the folder it runs in."""
    (folder / "pagefind.yml").write_text("site: [not closed\n", encoding="utf-8")


def meeting_error(folder: Path) -> None:
    shutil.rmtree(folder / "meetings")
    shutil.copytree(FIXTURES / "bad" / "many-problems", folder / "meetings")


def strict_warning(folder: Path) -> None:
    meeting = folder / "meetings" / "byraadet" / "2024-03-20.yml"
    meeting.write_text(meeting.read_text(encoding="utf-8").replace(
        "Imod stemte: Ø.", "Imod stemte: Ø. Se [notatet](notat.md)."), encoding="utf-8")


@pytest.mark.parametrize("broken", [meeting_error, strict_warning, theme_error, search_error],
                         ids=lambda f: f.__name__)
def test_make_site_keeps_the_site_whatever_stage_fails(tmp_path: Path, broken) -> None:
    folder = project(tmp_path)
    broken(folder)
    site = published(tmp_path)
    before = contents(site)
    ran = run([sys.executable, str(SCRIPT), "-f", "mkdocs.yml", "-d", str(site)], cwd=folder,
              bounded=False)
    assert ran.code != 0
    assert contents(site) == before
    assert sorted(p.name for p in site.parent.iterdir()) == ["site"]
    assert f"{site} was kept as it was" in ran.stderr


def test_the_copied_project_builds_when_nothing_is_broken(tmp_path: Path) -> None:
    """The failures above come from what each breaks, not from the copy."""
    folder = project(tmp_path)
    site = published(tmp_path)
    ran = run([sys.executable, str(SCRIPT), "-f", "mkdocs.yml", "-d", str(site)], cwd=folder,
              bounded=False)
    assert ran.code == 0, ran.output[-3000:]
    assert (site / "byraadet" / "index.html").is_file()


def test_plain_mkdocs_build_stops_before_it_empties_the_site_on_a_meeting_error(
        tmp_path: Path) -> None:
    site = published(tmp_path)
    before = contents(site)
    build = mkdocs(site, FIXTURES / "bad" / "many-problems")
    _, err = build.communicate(timeout=300)
    assert build.returncode != 0 and "nothing was built" in err
    assert contents(site) == before


def test_a_huge_value_in_the_wrong_place_gives_a_short_line(tmp_path: Path) -> None:
    huge = "x" * 20_000_000
    meetings = write_meetings(tmp_path, {"raad/2025-11-26.yml": (
        f"date: 2025-11-26\nstart: \"{huge}\"\nitems:\n  - number: \"{huge}\"\n    title: T\n"
        f"    closed: {huge}\n    ? {huge}\n    : x\n    topics: {huge}\n")})  # a long key needs '?'
    problems = assert_check_and_build_agree(meetings, tmp_path / "site")
    assert len(problems) >= 4, [p[:300] for p in problems]
    assert all(len(p) < 600 for p in problems), [len(p) for p in problems]
    assert any("'xxxxxxxxxx" in p and "… (20,000,000 characters)" in p for p in problems)
