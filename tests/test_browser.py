"""The example site in a real Chromium: pages render, links lead where they say, the decision
comes first on a phone, and the buttons and forms of the pages work."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from playwright.sync_api import Browser, Page, expect

PHONE = {"width": 390, "height": 844}


def punkt_pages(site: Path) -> list[str]:
    return sorted(p.parent.relative_to(site).as_posix() + "/"
                  for p in site.glob("*/*/punkt-*/index.html"))


def test_punkt_page_shows_title_and_decision(page: Page, base_url: str) -> None:
    page.goto(base_url + "integrationsraadet/2025-11-26/punkt-34/")
    assert page.locator("h1").inner_text() == "Rekruttering af nye medlemmer til integrationsrådet"
    decision = page.locator(".admonition.beslutning")
    assert decision.is_visible()
    assert "bred tilgang til rekruttering" in decision.inner_text()
    assert page.locator("html").get_attribute("lang") == "da"


def test_decision_comes_before_the_sections(page: Page, base_url: str) -> None:
    page.goto(base_url + "integrationsraadet/2025-11-26/punkt-35/")
    headings = page.locator("article h2").all_inner_texts()
    assert headings[:3] == ["Beslutning", "Indstilling", "Sagsfremstilling"], headings


def test_decision_box_starts_in_the_first_screen_of_every_punkt_page_on_a_phone(
        page: Page, base_url: str, example: Path) -> None:
    page.set_viewport_size(PHONE)  # type: ignore[arg-type]
    urls = punkt_pages(example)
    assert len(urls) >= 16
    late = []
    for url in urls:
        page.goto(base_url + url)
        box = page.locator(".admonition.beslutning").bounding_box()
        assert box is not None, url
        if box["y"] + 40 > PHONE["height"]:  # its heading, at least, is on the first screen
            late.append((url, box["y"]))
    assert late == [], f"the decision starts below the first screen: {late}"


def test_other_treatments_are_newest_first_with_their_decisions(page: Page, base_url: str) -> None:
    page.goto(base_url + "integrationsraadet/2025-11-26/punkt-33/")
    items = page.locator("#sagens-andre-behandlinger + ul > li")
    expect(items).to_have_count(5)
    expect(items.first).to_contain_text("Punkt 36: Eventuelt")
    expect(items.first).to_contain_text("Beslutning: Der var ingen emner under eventuelt")
    expect(items.last).to_contain_text("Punkt 31: Godkendelse af dagsorden")


def test_agenda_link_opens_the_punkt(page: Page, base_url: str) -> None:
    page.goto(base_url + "integrationsraadet/2022-09-28/")
    page.get_by_role("link", name="Valg af ordstyrer").click()
    page.wait_for_url("**/punkt-3/")
    assert page.locator("h1").inner_text() == "Valg af ordstyrer"


@pytest.mark.parametrize("width", [PHONE["width"], 1280])
def test_agenda_shows_number_title_and_decision(page: Page, base_url: str, width: int) -> None:
    page.set_viewport_size({"width": width, "height": 844})
    page.goto(base_url + "integrationsraadet/2025-11-26/")
    first = page.locator("article .referat-cards--agenda tbody tr").first
    cells = first.locator("td")
    expect(cells).to_have_text(["31", "Godkendelse af dagsorden", "Godkendt"])
    number, title, decision = (cells.nth(i).bounding_box() for i in range(3))
    assert number and title and decision
    if width == PHONE["width"]:  # a card: the number and title, then the decision, at body size
        assert abs(number["y"] - title["y"]) < 2 and decision["y"] > title["y"] + title["height"] - 2
        decision_label = cells.nth(2).evaluate(
            "(e) => getComputedStyle(e, '::before').content")
        assert decision_label == '"Beslutning: "', decision_label
        assert cells.nth(2).evaluate("(e) => getComputedStyle(e).fontSize") == "16px"
    else:  # a table: three columns side by side
        assert abs(number["y"] - decision["y"]) < 2 and number["x"] < title["x"] < decision["x"]


def test_case_page_is_named_and_lists_the_history_oldest_first(page: Page, base_url: str) -> None:
    page.goto(base_url + "sag/15-00-00-g01-2536-21/")
    expect(page.locator("h1")).to_have_text("Godkendelse af dagsorden")
    expect(page.locator("article dl")).to_contain_text("15.00.00-G01-2536-21")
    rows = page.locator("article table tbody tr")
    assert rows.count() == 6
    assert "Punkt 31" in rows.first.inner_text() and "Punkt 36" in rows.last.inner_text()
    rows.first.get_by_role("link", name="Integrationsrådet").click()
    page.wait_for_url("**/integrationsraadet/")


def test_case_table_dates_lead_to_the_meeting(page: Page, base_url: str) -> None:
    page.goto(base_url + "sag/15-00-00-g01-2536-21/")
    page.locator("article table tbody tr").first.get_by_role("link", name="26. november 2025").click()
    page.wait_for_url("**/integrationsraadet/2025-11-26/")


def test_index_pages_have_breadcrumbs(page: Page, base_url: str) -> None:
    for url, trail in (("organer/", ["Forside"]), ("integrationsraadet/", ["Forside", "Organer"]),
                       ("aar/2025/", ["Forside", "År"]), ("emne/oekonomi/", ["Forside", "Emner"]),
                       ("sager/2025/", ["Forside", "Sager"]),
                       ("sag/15-00-00-g01-2536-21/", ["Forside", "Sager", "Sager fra 2025"])):
        page.goto(base_url + url)
        expect(page.locator("article .referat-crumbs li")).to_have_text(trail)
    page.get_by_role("link", name="Forside", exact=True).last.click()
    page.wait_for_url(base_url)


def test_body_page_shows_members_and_meetings(page: Page, base_url: str) -> None:
    page.goto(base_url + "integrationsraadet/")
    members = page.locator("#medlemmer + ul > li")
    expect(members.first).to_be_visible()
    expect(members.filter(has_text="Lise Østermark (V)")).to_have_count(1)
    expect(page.locator("article")).to_contain_text("Efter deltagerlisten fra mødet")


def test_front_page_has_search_latest_decisions_and_meetings(page: Page, base_url: str) -> None:
    page.goto(base_url)
    expect(page.locator("article h2")).to_have_text(
        ["Seneste beslutninger", "Seneste møder", "Find beslutninger"])
    latest = page.locator("article .referat-cards--treatments tbody tr")
    expect(latest).to_have_count(6)
    expect(latest.first).to_contain_text("Punkt 6: Meddelelser")
    form = page.get_by_role("search", name="Find en beslutning")
    form.get_by_role("searchbox", name="Hvad leder du efter?").fill("høring")
    form.get_by_role("button", name="Søg").click()
    page.wait_for_url("**/soeg/?q=h%C3%B8ring")


def test_copy_link_button_copies_the_page_address(browser: Browser, base_url: str) -> None:
    context = browser.new_context(permissions=["clipboard-read", "clipboard-write"])
    page = context.new_page()
    page.goto(base_url + "integrationsraadet/2025-11-26/punkt-34/#beslutning")
    page.get_by_role("button", name="Kopiér link").click()
    expect(page.get_by_role("status").filter(has_text="Linket er kopieret.")).to_be_visible()
    copied = page.evaluate("navigator.clipboard.readText()")
    # The page's own address without the #part, as the site's address names it (its canonical).
    assert copied == page.locator("link[rel=canonical]").get_attribute("href")
    assert copied.endswith("/integrationsraadet/2025-11-26/punkt-34/")
    context.close()


def test_buttons_stay_hidden_without_javascript(browser: Browser, base_url: str) -> None:
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(base_url + "integrationsraadet/2025-11-26/punkt-34/")
    expect(page.locator(".referat-actions")).to_be_hidden()
    context.close()


def test_print_button_opens_the_print_dialog(page: Page, base_url: str) -> None:
    page.goto(base_url + "integrationsraadet/2025-11-26/")
    page.evaluate("window.print = () => { document.body.dataset.printed = 'yes'; }")
    page.get_by_role("button", name="Udskriv").click()
    expect(page.locator("body")).to_have_attribute("data-printed", "yes")


def test_every_page_has_opengraph_and_description(page: Page, base_url: str) -> None:
    for url in ("", "integrationsraadet/2025-11-26/punkt-34/", "sag/15-00-00-g01-2536-21/", "om/"):
        page.goto(base_url + url)
        for name in ("og:title", "og:description", "og:type", "og:site_name", "og:locale"):
            content = page.locator(f'meta[property="{name}"]').get_attribute("content")
            assert content, (url, name)
        assert page.locator('meta[name="description"]').get_attribute("content"), url
    description = page.locator('meta[property="og:description"]')
    page.goto(base_url + "integrationsraadet/2025-11-26/punkt-34/")
    expect(description).to_have_attribute(
        "content", re.compile(r"^Punkt 34: Rekruttering .* Beslutning: Integrationsrådet drøftede"))
