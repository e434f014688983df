"""Attachment files are copied into the built site, and the punkt page links them with type and size."""

from __future__ import annotations

from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from conftest import FIXTURES
from sites import mkdocs_build

PUNKT = "byraadet/2024-03-20/punkt-40/index.html"


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    site = tmp_path_factory.mktemp("attachments") / "site"
    result = mkdocs_build(site, FIXTURES / "site")
    assert result.returncode == 0, result.stderr
    return site


def attachment_links(site: Path) -> dict[str, str]:
    """Each linked entry of the punkt page's attachment list: the entry's text, by its address."""
    soup = BeautifulSoup((site / PUNKT).read_text(encoding="utf-8"), "html.parser")
    heading = soup.find(lambda tag: tag.name in ("h2", "h3") and "Bilag" in tag.get_text())
    assert heading is not None, "the punkt page has no Bilag heading"
    listing = heading.find_next(["ul", "ol"])
    return {a["href"]: " ".join(a.parent.get_text(" ").split()) for a in listing.find_all("a")}


def test_the_attachment_file_is_copied_byte_for_byte(site: Path) -> None:
    source = FIXTURES / "site/byraadet/bilag/budget.pdf"
    copied = site / "byraadet/bilag/budget.pdf"
    assert copied.read_bytes() == source.read_bytes()


def test_the_link_reaches_the_copied_file(site: Path) -> None:
    local = [href for href in attachment_links(site) if not href.startswith("http")]
    assert local, "no link to a file in the attachment list"
    for href in local:
        assert (site / PUNKT).parent.joinpath(href).resolve().is_file(), f"{href} leads nowhere"


def test_the_link_shows_the_files_type_and_size(site: Path) -> None:
    size = (FIXTURES / "site/byraadet/bilag/budget.pdf").stat().st_size
    shown = [text for href, text in attachment_links(site).items() if href.endswith("budget.pdf")]
    assert shown and "PDF" in shown[0] and f"{size} B" in shown[0], shown


def test_a_web_address_is_linked_as_it_is(site: Path) -> None:
    assert "https://example.org/hoering" in attachment_links(site)
