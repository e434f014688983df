"""The engine's whole files (feeds, calendars, data files, OParl) are hard-linked into the site
from the cache, by the digest of their bytes, once a build has written them; the site is the same
as a clean build's, and a file the site has is never written into in place."""

from __future__ import annotations

import os
from pathlib import Path

from built_site import site_files
from project import Project

ROOT = Path(__file__).resolve().parent.parent
FIXTURE = ROOT / "tests" / "fixtures" / "site"
DATA = "byraadet/2024-03-20/meeting.json"  # one of the engine's whole files


def entries(cache: Path) -> dict[int, Path]:
    return {path.stat().st_ino: path for path in (cache / "texts").rglob("*") if path.is_file()}


def test_a_rebuild_links_the_engines_files_from_the_cache(tmp_path: Path) -> None:
    project, cache = Project(tmp_path / "project", FIXTURE), tmp_path / "cache"
    project.build(tmp_path / "first", cache)
    kept = entries(cache)
    first = tmp_path / "first" / DATA
    assert first.stat().st_ino in kept, "the written file was not kept in the cache"
    project.build(tmp_path / "second", cache)
    second = tmp_path / "second" / DATA
    assert second.stat().st_ino == first.stat().st_ino  # linked, not written again
    assert len(entries(cache)) == len(kept)
    project.build(tmp_path / "clean", tmp_path / "other-cache")
    assert site_files(tmp_path / "second") == site_files(tmp_path / "clean")


def test_an_edit_writes_a_new_file_and_leaves_the_old_entry_whole(tmp_path: Path) -> None:
    project, cache = Project(tmp_path / "project", FIXTURE), tmp_path / "cache"
    project.build(tmp_path / "first", cache)
    before = (tmp_path / "first" / DATA).read_bytes()
    project.edit("meetings/byraadet/2024-03-20.yml", "godkender budgettet.",
                 "godkender budgettet med en rettelse.")
    project.build(tmp_path / "second", cache)
    after = tmp_path / "second" / DATA
    assert b"med en rettelse" in after.read_bytes()
    assert (tmp_path / "first" / DATA).read_bytes() == before  # the old site and entry as they were
    assert after.stat().st_ino != (tmp_path / "first" / DATA).stat().st_ino
    assert os.stat(after).st_ino in entries(cache)
