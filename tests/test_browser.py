"""The example site in a real Chromium: pages render, links lead where they say."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from playwright.sync_api import Browser, Page, sync_playwright

from browser import CHROMIUM, CHROMIUM_ARGS, serve
from sites import mkdocs_build


@pytest.fixture(scope="module")
def base_url(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    site = tmp_path_factory.mktemp("browser") / "site"
    result = mkdocs_build(site)
    assert result.returncode == 0, result.stderr
    with serve(site) as url:
        yield url


@pytest.fixture(scope="module")
def browser() -> Iterator[Browser]:
    assert Path(CHROMIUM).is_file(), f"{CHROMIUM} is missing: install Debian's chromium"
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield browser
        browser.close()


@pytest.fixture
def page(browser: Browser) -> Iterator[Page]:
    context = browser.new_context()
    yield context.new_page()
    context.close()


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
