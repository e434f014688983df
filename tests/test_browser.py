"""The example site in a real Chromium: pages render, links lead where they say."""

from __future__ import annotations

from playwright.sync_api import Page


def test_punkt_page_shows_title_decision_and_edit_link(page: Page, base_url: str) -> None:
    page.goto(base_url + "integrationsraadet/2025-11-26/punkt-34/")
    assert page.locator("h1").inner_text() == "Rekruttering af nye medlemmer til integrationsrådet"
    decision = page.locator(".admonition.beslutning")
    assert decision.is_visible()
    assert "bred tilgang til rekruttering" in decision.inner_text()
    edit = page.locator("a.md-content__button").first.get_attribute("href") or ""
    assert edit.endswith("/edit/main/meetings/integrationsraadet/2025-11-26.yml")
    assert page.locator("html").get_attribute("lang") == "da"


def test_agenda_link_opens_the_punkt(page: Page, base_url: str) -> None:
    page.goto(base_url + "integrationsraadet/2022-09-28/")
    page.get_by_role("link", name="Valg af ordstyrer").click()
    page.wait_for_url("**/punkt-3/")
    assert page.locator("h1").inner_text() == "Valg af ordstyrer"


def test_case_page_lists_the_history_oldest_first(page: Page, base_url: str) -> None:
    page.goto(base_url + "sag/15-00-00-g01-2536-21/")
    rows = page.locator("article table tbody tr")
    assert rows.count() == 6
    assert "Punkt 31" in rows.first.inner_text() and "Punkt 36" in rows.last.inner_text()
