"""A rebuild into the site folder the last build wrote keeps that folder and writes only what
changed (hooks/referat/adapter/inplace.py), and still equals a build from nothing, byte for byte
and folder for folder, search bundles included."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

from project import Project
from referat.adapter import inplace
from referat.adapter.writer import Entry, Putter
from referat.cache import Cache

ROOT = Path(__file__).resolve().parent.parent
FIXTURE = ROOT / "tests" / "fixtures" / "site"
MEETING = "meetings/byraadet/2024-03-20.yml"
KEPT = "files written into the site kept from the last build"


def tree(site: Path) -> dict[str, bytes | None]:
    """Every file's bytes and every folder (None), by its path: the search bundles too."""
    return {p.relative_to(site).as_posix(): None if p.is_dir() else p.read_bytes()
            for p in sorted(site.rglob("*"))}


def assert_same_as_from_nothing(project: Project, site: Path, tmp: Path) -> None:
    """The kept site equals a build into a new folder with a copy of the same cache: Pagefind's
    bundles then come from the cache, byte for byte (two runs of it name files differently;
    tests/test_cache.py proves that a cached page equals one built without a cache)."""
    clean = tmp / "clean"
    shutil.rmtree(clean, ignore_errors=True)
    shutil.rmtree(tmp / "cache-clean", ignore_errors=True)
    shutil.copytree(tmp / "cache", tmp / "cache-clean")
    assert KEPT not in project.build(clean, tmp / "cache-clean").stderr
    ours, theirs = tree(site), tree(clean)
    assert ours.keys() == theirs.keys(), (
        f"only in the kept site: {sorted(ours.keys() - theirs.keys())[:5]}; "
        f"only in the clean one: {sorted(theirs.keys() - ours.keys())[:5]}")
    assert [k for k in ours if ours[k] != theirs[k]] == []


@pytest.fixture
def project(tmp_path: Path) -> Project:
    return Project(tmp_path / "project", FIXTURE)


@pytest.mark.slow
def test_a_rebuild_after_edits_keeps_the_folder_and_equals_a_build_from_nothing(
        project: Project, tmp_path: Path) -> None:
    site, cache = tmp_path / "site", tmp_path / "cache"
    assert KEPT not in project.build(site, cache).stderr  # the first build: from nothing
    # A decision edited, a meeting removed (its pages, feeds and data files go) and a new one.
    project.edit(MEETING, "Et flertal (A+V) godkender budgettet.", "Et flertal godkender det rettede budget.")
    (project.folder / "meetings/byraadet/2024-06-19.yml").rename(
        project.folder / "meetings/byraadet/2024-09-18.yml")
    project.edit("meetings/byraadet/2024-09-18.yml", "2024-06-19", "2024-09-18")
    log = project.build(site, cache).stderr
    assert KEPT in log, log
    assert "0 files it no longer has removed" not in log  # the renamed meeting's old files
    assert not (site / "byraadet" / "2024-06-19").exists()
    assert (site / "byraadet" / "2024-09-18" / "index.html").is_file()
    assert_same_as_from_nothing(project, site, tmp_path)


@pytest.mark.slow
def test_a_page_changed_by_hand_in_the_kept_site_is_put_back(project: Project,
                                                             tmp_path: Path) -> None:
    site, cache = tmp_path / "site", tmp_path / "cache"
    project.build(site, cache)
    page = site / "byraadet" / "2024-03-20" / "index.html"
    page.unlink()  # replaced, not written into: it is a link to a cache entry
    page.write_text("tampered", encoding="utf-8")
    assert KEPT in project.build(site, cache).stderr
    assert "tampered" not in page.read_text(encoding="utf-8")
    assert_same_as_from_nothing(project, site, tmp_path)


@pytest.mark.slow
def test_another_folder_at_the_same_path_is_built_from_nothing(project: Project,
                                                               tmp_path: Path) -> None:
    site, cache = tmp_path / "site", tmp_path / "cache"
    project.build(site, cache)
    shutil.rmtree(site)
    site.mkdir()
    (site / "left-behind.txt").write_text("not this build's", encoding="utf-8")
    log = project.build(site, cache).stderr
    assert KEPT not in log, log
    assert not (site / "left-behind.txt").exists()  # MkDocs emptied it, as it always does


def test_the_record_is_taken_away_when_a_rebuild_begins(tmp_path: Path) -> None:
    """A build that is killed or fails after it began leaves no record: the next builds from
    nothing."""
    cache, site = Cache(tmp_path / "cache"), tmp_path / "site"
    site.mkdir()
    inplace.leave_record(cache, str(site), {"index.html"}, {}, {"pagefind/2024": "d"})
    first = inplace.take_record(cache, str(site))
    assert first is not None and first.paths == {"index.html"}
    assert inplace.take_record(cache, str(site)) is None


def test_a_record_of_a_folder_that_was_replaced_is_not_used(tmp_path: Path) -> None:
    cache, site = Cache(tmp_path / "cache"), tmp_path / "site"
    site.mkdir()
    inplace.leave_record(cache, str(site), {"index.html"}, {}, {})
    site.rename(tmp_path / "elsewhere")
    site.mkdir()
    assert inplace.take_record(cache, str(site)) is None


def test_stale_files_go_with_the_folders_they_leave_empty(tmp_path: Path) -> None:
    (tmp_path / "a" / "b").mkdir(parents=True)
    (tmp_path / "a" / "b" / "index.html").write_text("old", encoding="utf-8")
    (tmp_path / "a" / "keep.html").write_text("kept", encoding="utf-8")
    record = inplace.SiteRecord((0, 0, 0), frozenset({"a/b/index.html", "a/keep.html"}),
                                {"a/keep.html": ("key", 1)})
    # a/keep.html is still a file of the build, but MkDocs writes it now: not a link any more
    assert inplace.remove_stale(str(tmp_path), record, {"a/keep.html"}, set()) == 2
    assert not (tmp_path / "a").exists()


def test_a_site_file_is_in_place_only_when_it_is_the_file_the_last_build_left(
        tmp_path: Path) -> None:
    entry = tmp_path / "cache-entry.html"
    entry.write_text("page", encoding="utf-8")
    put = Putter(str(tmp_path / "site"), None)
    (tmp_path / "site").mkdir()
    page = Entry("index.html", "key", source=str(entry))
    kept = {"index.html": ("key", entry.stat().st_ino)}
    assert not put.placed(kept, page)  # not there
    os.symlink(entry, tmp_path / "site" / "index.html")
    assert not put.placed(kept, page)  # a symbolic link is not the entry
    os.unlink(tmp_path / "site" / "index.html")
    shutil.copy(entry, tmp_path / "site" / "index.html")
    assert not put.placed(kept, page)  # the same bytes in another file
    os.unlink(tmp_path / "site" / "index.html")
    os.link(entry, tmp_path / "site" / "index.html")
    assert put.placed(kept, page)
    assert not put.placed({"index.html": ("another key", entry.stat().st_ino)}, page)
    assert not put.placed({}, page)  # the last build did not put it there


@pytest.mark.slow
def test_an_attachment_changed_since_the_last_build_is_copied_again(project: Project,
                                                                   tmp_path: Path) -> None:
    site, cache = tmp_path / "site", tmp_path / "cache"
    project.build(site, cache)
    source = project.folder / "meetings" / "byraadet" / "bilag" / "budget.pdf"
    copied = site / "byraadet" / "bilag" / "budget.pdf"
    assert copied.read_bytes() == source.read_bytes()
    changed = source.read_bytes().replace(b"%PDF", b"%pdf", 1)  # as large, other bytes
    source.write_bytes(changed)
    os.utime(source, ns=(copied.stat().st_mtime_ns + 1, copied.stat().st_mtime_ns + 1))
    assert KEPT in project.build(site, cache).stderr
    assert copied.read_bytes() == changed
    assert_same_as_from_nothing(project, site, tmp_path)
