"""The site's menu and edit links, from real builds of the example: the secretariat's pages sit in
a section of their own, and pages link to their meeting file only in a real repository."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from html_page import HtmlPage
from referat.adapter.repository import is_placeholder
from sites import mkdocs_build

PUNKT = Path("integrationsraadet") / "2025-11-26" / "punkt-34" / "index.html"
MEETING_FILE = "/edit/main/meetings/integrationsraadet/2025-11-26.yml"


def test_secretariat_pages_are_a_section_of_their_own(example: Path) -> None:
    html = (example / PUNKT).read_text(encoding="utf-8")
    top = re.findall(r'<a href="([^"#]*)" class="md-nav__link', html)
    assert "../../../format/" in top and "../../../ydelse/" in top
    section = html[html.index("For sekretariatet"):]
    assert section.index("Mødefilens format") < section.index("Ydelse")
    citizens = html[:html.index("For sekretariatet")]
    assert "Mødefilens format" not in citizens and "Ydelse" not in citizens


def test_no_edit_links_without_a_repository(example: Path) -> None:
    html = (example / PUNKT).read_text(encoding="utf-8")
    assert 'rel="edit"' not in html and "md-source" not in html


def test_edit_links_lead_to_the_meeting_file_of_a_real_repository(tmp_path: Path) -> None:
    result = mkdocs_build(tmp_path / "site", settings={"REPO_URL": "https://github.com/holstebro/referater"})
    assert result.returncode == 0, result.stderr
    links = HtmlPage(tmp_path / "site" / PUNKT).links
    assert "https://github.com/holstebro/referater" + MEETING_FILE in links


def test_a_placeholder_repository_is_a_warning_and_gives_no_edit_links(tmp_path: Path) -> None:
    result = mkdocs_build(tmp_path / "site", settings={"REPO_URL": "https://github.com/kommune/referater"})
    assert result.returncode == 1
    assert "repo_url 'https://github.com/kommune/referater' is a placeholder" in result.stderr
    assert "WARNING" in result.stderr


@pytest.mark.parametrize(("url", "placeholder"), [
    ("https://github.com/kommune/referater", True), ("https://github.com/kommune/referater.git", True),
    ("https://example.org/referater", True), ("https://git.example.com/x/y", True),
    ("http://localhost:3000/x/y", True), ("referater", True),
    ("https://github.com/holstebro/referater", False), ("https://gitlab.com/kommune/referater", False),
])
def test_placeholders_are_told_from_real_repositories(url: str, placeholder: bool) -> None:
    assert is_placeholder(url) is placeholder
