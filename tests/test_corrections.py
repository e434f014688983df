"""The corrections log: built from a test repository's git history, before and after a second
commit corrects a decision and a place; a shallow clone and a folder without git still build and
say what they left out."""

from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path

import feedparser
import pytest

from git_site import (
    BEFORE,
    FIRST_MESSAGE,
    REPO_URL,
    Builds,
    build,
    write,
)
from referat import corrections

MEETING = "byraadet/2025-11-26/index.html"
PUNKT = "byraadet/2025-11-26/punkt-1/index.html"
CORRECTION = "Rettet beslutning i punkt 1 og mødested"


@pytest.fixture
def builds(git_builds: Builds) -> Builds:
    """The sites built with MkDocs before and after the correction (shared with the feed and
    calendar tests)."""
    return git_builds


@pytest.fixture
def outputs(git_outputs: Builds) -> Builds:
    """The feeds made by the engine alone, which the build publishes as they are."""
    return git_outputs


def log_box(site: Path, page: str) -> str:
    """The text of a page's corrections log, tags removed."""
    html = (site / page).read_text(encoding="utf-8")
    start = html.index('id="aendringer"')
    box = html[start:html.index("</div>", start)]
    return " ".join(re.sub(r"<[^>]+>", " ", box).split())


@pytest.mark.parametrize("page", [MEETING, PUNKT])
def test_the_second_commit_is_on_the_meeting_and_punkt_pages(builds: Builds, page: str) -> None:
    text = log_box(builds.after, page)
    assert "Først offentliggjort 27. november 2025" in text
    assert f"3. december 2025: {CORRECTION}" in text
    html = (builds.after / page).read_text(encoding="utf-8")
    assert f'href="{REPO_URL}/commit/{builds.second}"' in html
    assert f'href="{REPO_URL}/commit/{builds.first}"' in html


def test_before_the_correction_the_page_says_it_is_unchanged(builds: Builds) -> None:
    text = log_box(builds.before, MEETING)
    assert "Først offentliggjort 27. november 2025" in text
    assert "Siden er ikke ændret siden." in text and CORRECTION not in text


def test_the_punkt_page_says_the_log_is_the_meeting_files(builds: Builds) -> None:
    assert "gælder mødets fil" in log_box(builds.after, PUNKT)
    assert "gælder mødets fil" not in log_box(builds.after, MEETING)


def test_an_e_mail_address_in_a_commit_message_is_published_nowhere(builds: Builds) -> None:
    for site in (builds.before, builds.after):
        for path in site.rglob("*"):
            if path.is_file() and path.suffix in {".html", ".xml", ".ics", ".json"}:
                assert "jens.hansen" not in path.read_text(encoding="utf-8"), path
    assert "spurgt af […]" in log_box(builds.after, MEETING)


def test_the_corrections_feed_lists_the_second_commit(outputs: Builds) -> None:
    before = feedparser.parse((outputs.before / "atom/rettelser.xml").read_bytes())
    after = feedparser.parse((outputs.after / "atom/rettelser.xml").read_bytes())
    assert not after.bozo and before.entries == []
    # The second commit changed two meeting files: one entry for each.
    assert sorted(e.link for e in after.entries) == [
        "https://referat.example.dk/byraadet/2025-11-26/",
        "https://referat.example.dk/byraadet/2026-06-17/"]
    for entry in after.entries:
        assert CORRECTION in entry.summary and outputs.second in entry.id
        assert f"{REPO_URL}/commit/{outputs.second}" in entry.summary
        assert entry.updated.startswith("2025-12-03T14:30:00")


def test_the_build_reads_the_history_once(outputs: Builds, monkeypatch: pytest.MonkeyPatch) -> None:
    calls: list[list[str]] = []
    real = subprocess.run

    def counted(args: list[str], **kwargs: object) -> subprocess.CompletedProcess[bytes]:
        calls.append(args)
        return real(args, **kwargs)  # type: ignore[call-overload, no-any-return]

    monkeypatch.setattr(corrections.subprocess, "run", counted)
    history = corrections.read_history(outputs.repo / "meetings")
    assert [args[3:5] for args in calls] == [["rev-parse", "--is-shallow-repository"],
                                              ["-c", "core.quotePath=false"]]
    assert [c.commit for c in history.of("byraadet", "2025-11-26")] == [outputs.first,
                                                                        outputs.second]
    assert [c.message for c in history.of("byraadet", "2026-08-19")] == [FIRST_MESSAGE]


def test_a_shallow_clone_builds_and_says_it_left_the_log_out(builds: Builds,
                                                              tmp_path: Path) -> None:
    clone = tmp_path / "clone"
    subprocess.run(["git", "clone", "-q", "--depth", "1", builds.repo.as_uri(), str(clone)],
                   check=True, capture_output=True)
    log = build(tmp_path / "site", clone / "meetings")
    assert "the git history is shallow" in log and "fetch-depth: 0" in log
    page = (tmp_path / "site" / MEETING).read_text(encoding="utf-8")
    assert 'id="aendringer"' not in page and "Først offentliggjort" not in page
    assert (tmp_path / "site/atom/rettelser.xml").is_file()


def test_a_folder_without_git_builds_and_says_so(tmp_path: Path) -> None:
    write(tmp_path / "meetings", BEFORE)
    if shutil.which("git") and subprocess.run(
            ["git", "-C", str(tmp_path), "rev-parse"], capture_output=True).returncode == 0:
        pytest.fail("the temporary folder is inside a git repository; the test needs one outside")
    log = build(tmp_path / "site", tmp_path / "meetings")
    assert "not in a git repository" in log
    assert "Først offentliggjort" not in (tmp_path / "site" / MEETING).read_text(encoding="utf-8")
