"""Members' pages in the example site built with MkDocs, in Chromium: a page for each participant
of the example's held meetings and none for a name only in a text; the list of members and a
member's page pass axe-core's WCAG 2.2 A and AA rules at a phone's and a desktop's width, and
nothing scrolls sideways on a phone."""

from __future__ import annotations

from pathlib import Path

import pytest
from playwright.sync_api import Page, expect

from test_accessibility import NEXT_FRAME, OVERFLOW, WIDTHS, assert_no_violations, axe

EXAMPLE_MEMBERS = {
    "eksempeludvalget": {"mette-lund-soerensen", "jonas-bech", "liv-gro-jensen", "henrik-aagaard",
                         "camilla-thorsen", "rasmus-holm-nielsen", "sara-quist", "peter-moelgaard",
                         "birgit-skov"},
    "integrationsraadet": {"ghassan-rahmi", "josaph-francis-ragunathan", "dinos-kananda-byamungu",
                           "ghada-mansour", "karina-byskov-viborg", "tiaheswery-thiaharaja",
                           "lise-oestermark"},
}
PAGES = {"list of members": "eksempeludvalget/medlemmer/",
         "member": "eksempeludvalget/medlemmer/sara-quist/"}


def test_the_example_s_participants_have_pages_and_names_in_texts_none(example: Path) -> None:
    for body, expected in EXAMPLE_MEMBERS.items():
        folder = example / body / "medlemmer"
        made = {p.name for p in folder.iterdir() if (p / "index.html").is_file()}
        assert made == expected
        assert (folder / "index.html").is_file()
    # The minute taker and the first names in the 2022 decisions are not participants.
    for name in ("alice-flink", "tiahes", "ghassan"):
        assert not list(example.glob(f"*/medlemmer/{name}")), name
    sitemap = (example / "sitemap.xml").read_text(encoding="utf-8")
    assert "eksempeludvalget/medlemmer/sara-quist/" in sitemap


@pytest.mark.parametrize("kind", PAGES)
def test_members_pages_pass_axe_and_fit_a_phone(page: Page, base_url: str, kind: str) -> None:
    for scheme in ("light", "dark"):
        # The scheme is chosen before the page opens: switched on an open page, the theme's links
        # fade to their new colour (a transition), and axe would measure a colour in between.
        page.emulate_media(color_scheme=scheme)  # type: ignore[arg-type]
        page.goto(base_url + PAGES[kind])
        expect(page.locator("body")).to_have_attribute(
            "data-md-color-scheme", "slate" if scheme == "dark" else "default")
        assert page.locator("h1").inner_text() in (
            "Sara Quist", "Medlemmer af Eksempeludvalget for Arbejdsmarked")
        for width, size in WIDTHS.items():
            page.set_viewport_size(size)
            page.evaluate(NEXT_FRAME)
            results = axe(page)
            assert len(results["passes"]) > 10, "axe ran hardly any rule"
            assert_no_violations(results, f"the {kind} page at a {width}'s width, {scheme}")
            if width == "phone":
                assert page.evaluate(OVERFLOW) == [], f"the {kind} page scrolls sideways"


def test_a_member_s_page_shows_the_named_vote_and_the_body_page_links_to_it(
        page: Page, base_url: str) -> None:
    page.goto(base_url + "eksempeludvalget/")
    page.get_by_role("link", name="Sara Quist").click()
    page.wait_for_url("**/eksempeludvalget/medlemmer/sara-quist/")
    row = page.locator("table tr", has_text="Forslag fra Enhedslisten om gratis bus")
    assert row.locator("td").last.inner_text() == "For"
    assert "kun er ført efter parti" in page.locator("article").inner_text()
