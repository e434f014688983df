"""Search in a real Chromium: Danish forms find their punkt, filters narrow, the header box works."""

from __future__ import annotations

import re
from urllib.parse import quote

import pytest
from playwright.sync_api import Page, expect

MEETING_2025 = "integrationsraadet/2025-11-26/"
MEETING_2022 = "integrationsraadet/2022-09-28/"


def search(page: Page, base_url: str, address: str) -> list[str]:
    """Open the search page at an address and return the result links, in order."""
    page.goto(base_url + "soeg/" + address)
    # The newest partition's results come first; wait for the whole archive's.
    expect(page.locator("#referat-results")).to_have_attribute("aria-busy", "false")
    expect(page.locator("#referat-count")).to_contain_text("resultat")
    expect(page.locator("#referat-results li").first).to_be_visible()
    return result_links(page)


def result_links(page: Page) -> list[str]:
    """The result links as drawn at one moment: read in one call, so a redraw cannot come between."""
    hrefs: list[str] = page.locator("#referat-results a").evaluate_all(
        "links => links.map((link) => link.getAttribute('href') || '')")
    return hrefs


@pytest.mark.parametrize("word, punkt", [
    ("integrationspolitikken", MEETING_2025 + "punkt-33/"),  # text: "integrationspolitik"
    ("rekrutteringen", MEETING_2025 + "punkt-34/"),  # text: "rekruttering", "rekrutteres"
    ("overleveringen", MEETING_2025 + "punkt-33/"),  # text: "overlevering"
    ("ordstyreren", MEETING_2022 + "punkt-3/"),  # text: "ordstyrer"
    ("handleplanerne", MEETING_2022 + "punkt-5/"),  # text: "handle- og tidsplaner"
    ("rekrutteringsflyer", MEETING_2025 + "punkt-34/"),  # compound, text: "informationsflyer"
])
def test_danish_forms_find_their_punkt(page: Page, base_url: str, word: str, punkt: str) -> None:
    links = search(page, base_url, f"?q={quote(word)}")
    assert links[0].endswith(punkt), links


def test_results_show_title_body_date_and_highlighted_excerpt(page: Page, base_url: str) -> None:
    search(page, base_url, "?q=ordstyreren")
    first = page.locator("#referat-results li").first
    expect(first.locator("h2")).to_have_text("Punkt 3: Valg af ordstyrer")
    expect(first.locator(".referat-result__meta")).to_have_text(
        "Integrationsrådet · 28. september 2022 · Punkt")
    expect(first.locator("mark").first).to_be_visible()


def test_the_query_comes_from_the_address(page: Page, base_url: str) -> None:
    search(page, base_url, "?q=overleveringen")
    expect(page.locator("#referat-q")).to_have_value("overleveringen")


def test_filters_narrow_the_results_and_show_counts(page: Page, base_url: str) -> None:
    everything = search(page, base_url, "?q=godkendt")
    year = page.get_by_role("checkbox", name="2022 (3)")
    expect(year).to_be_visible()
    year.check()
    expect(page.locator("#referat-count")).to_contain_text("3 resultater")
    expect(page.locator("#referat-results")).to_have_attribute("aria-busy", "false")
    expect(page.locator("#referat-results > .referat-result")).to_have_count(3)
    narrowed = result_links(page)
    assert len(narrowed) == 3 < len(everything)
    assert all("2022-09-28" in link for link in narrowed)
    assert "aar=2022" in page.url  # the filtered search can be linked


def test_body_and_kind_filters(page: Page, base_url: str) -> None:
    links = search(page, base_url, "?q=godkendt&organ=Integrationsr%C3%A5det&type=Punkt")
    assert links and all("/punkt-" in link for link in links)


def test_decisions_only(page: Page, base_url: str) -> None:
    everything = search(page, base_url, "?q=rekruttering")
    decisions = search(page, base_url, "?q=rekruttering&kun=beslutninger")
    assert decisions and len(decisions) < len(everything)
    expect(page.locator("#referat-only-decisions")).to_be_checked()
    meta = page.locator(".referat-result__meta").all_inner_texts()
    assert all(text.endswith("Beslutning") for text in meta)


def test_header_box_shows_results_and_opens_the_punkt(page: Page, base_url: str) -> None:
    page.goto(base_url + MEETING_2022)
    box = page.get_by_role("searchbox", name="Søg i referater")
    box.fill("ordstyreren")
    results = page.locator("#referat-search-results")
    expect(results).to_be_visible()
    expect(page.locator("#referat-search-status")).to_contain_text("resultat")
    results.get_by_role("link", name="Punkt 3: Valg af ordstyrer").click()
    page.wait_for_url("**/punkt-3/")
    expect(page.locator("h1")).to_have_text("Valg af ordstyrer")


def test_header_box_works_with_the_keyboard(page: Page, base_url: str) -> None:
    page.goto(base_url)
    box = page.get_by_role("searchbox", name="Søg i referater")
    box.focus()
    page.keyboard.type("overleveringen")
    expect(page.locator("#referat-search-results a").first).to_be_visible()
    page.keyboard.press("ArrowDown")
    expect(page.locator("#referat-search-results a").first).to_be_focused()
    page.keyboard.press("Escape")
    expect(box).to_be_focused()
    expect(page.locator("#referat-search-results")).to_be_hidden()
    page.keyboard.press("Enter")  # the form opens the search page with the query
    page.wait_for_url("**/soeg/?q=overleveringen")
    expect(page.locator("#referat-results a").first).to_be_visible()


def test_the_header_box_says_what_it_searches(page: Page, base_url: str) -> None:
    """It searches the meetings and punkter, decisions and all: its visible placeholder, its
    label and its landmark's name say so alike (it said "Søg i beslutninger")."""
    page.goto(base_url)
    box = page.get_by_role("searchbox", name="Søg i referater")
    expect(box).to_have_attribute("placeholder", "Søg i referater")
    expect(page.get_by_role("search", name="Søg i referater")).to_have_count(1)
    box.fill("indstiller")  # a word of the punkter's texts ("Indstilling"), in no decision
    expect(page.locator("#referat-search-results").get_by_role("link").first).to_have_text(
        re.compile(r"^Punkt \d+: "))
