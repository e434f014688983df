"""The search page in a real Chromium, on the example site: what a result's snippet is made of,
the order of the results, and the layout at a phone's and a desktop's width (issue 12, point 4).

The order across the year bundles of a larger archive is proven in test_search_partitions.py.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from axe_playwright_python.base import AXE_FILE_PATH
from playwright.sync_api import Browser, Page, expect

# WCAG 2.2 A and AA, and the rule that tells two landmarks of one kind apart by their names.
WCAG = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]
EXTRA_RULES = ["landmark-unique"]
PHONE = {"width": 390, "height": 844}
DESKTOP = {"width": 1280, "height": 800}
DAY = re.compile(r"/(\d{4}-\d{2}-\d{2})/")
# Searches whose snippets must come from the text or the decision: by filters alone (no word
# to centre a snippet on), by words in titles, by words in the facts, and decisions only.
SEARCHES = ["?type=Punkt", "?type=M%C3%B8de", "?q=godkendt", "?q=integrationsr%C3%A5det",
            "?q=korsgade", "?q=godkendelse", "?kun=beslutninger&aar=2022"]


@pytest.fixture
def phone(browser: Browser) -> Iterator[Page]:
    """A tab the size of a phone (390x844), failing the test on a script error."""
    context = browser.new_context(viewport=PHONE)  # type: ignore[arg-type]
    tab = context.new_page()
    errors: list[str] = []
    tab.on("pageerror", lambda error: errors.append(str(error)))
    yield tab
    context.close()
    assert errors == []


def search(page: Page, base_url: str, address: str) -> list[str]:
    """Open the search page at an address, wait for the whole archive's results; their links."""
    page.goto(base_url + "soeg/" + address)
    return settled(page)


def settled(page: Page) -> list[str]:
    """Wait until the results are the whole archive's (soeg.js marks the list busy until then);
    their links."""
    expect(page.locator("#referat-results")).to_have_attribute("aria-busy", "false")
    expect(page.locator("#referat-results .referat-result").first).to_be_attached()
    # Read in one call, so a redraw cannot come between the links.
    hrefs: list[str] = page.locator("#referat-results h2 a").evaluate_all(
        "links => links.map((link) => link.getAttribute('href') || '')")
    return hrefs


def days(links: list[str]) -> list[str]:
    """The meeting day of every result, from its address."""
    found = [DAY.search(link) for link in links]
    assert all(found), links
    return [match[1] for match in found if match]


def facts_labels(site: Path) -> set[str]:
    """Every label of the facts on the built meeting and punkt pages (their <dt>s)."""
    labels: set[str] = set()
    for page in site.rglob("index.html"):
        text = page.read_text(encoding="utf-8")
        if "data-pagefind-body" in text:
            labels |= {label.strip() for label in re.findall(r"<dt>(.*?)</dt>", text, re.S)}
    return labels


# Snippets -----------------------------------------------------------------------------------

def test_snippets_never_start_with_a_facts_label(page: Page, base_url: str, example: Path) -> None:
    labels = facts_labels(example)
    assert {"Tidspunkt", "Sted", "Organ"} <= labels, labels  # the facts are there to leave out
    checked = 0
    for address in SEARCHES:
        search(page, base_url, address)
        snippets = page.locator(".referat-result__excerpt").all_inner_texts()
        assert snippets, address
        for snippet in snippets:
            assert snippet.strip(), f"{address}: an empty snippet"
            assert not any(snippet.startswith(label) for label in labels), (address, snippet)
            assert "Tidspunkt" not in snippet and "Sted " not in snippet, (address, snippet)
            checked += 1
    assert checked > 25


def test_a_punkt_found_by_filters_alone_shows_its_decision(page: Page, base_url: str) -> None:
    search(page, base_url, "?type=Punkt&emne=Mødeledelse")
    first = page.locator("#referat-results .referat-result").first
    expect(first.locator("h2")).to_have_text("Punkt 3: Valg af ordstyrer")
    expect(first.locator(".referat-result__excerpt")).to_have_text("Ghassan blev valgt til ordstyrer.")


def test_a_snippet_still_highlights_the_words_found(page: Page, base_url: str) -> None:
    search(page, base_url, "?q=ordstyreren")
    first = page.locator(".referat-result__excerpt").first
    expect(first.locator("mark").first).to_be_visible()


# Order --------------------------------------------------------------------------------------

def test_a_search_by_filters_alone_is_newest_first(page: Page, base_url: str) -> None:
    found = days(search(page, base_url, "?type=Punkt"))
    assert len(found) == 20 and found == sorted(found, reverse=True), found
    assert found[0] != found[-1]
    expect(page.locator("#referat-sort")).to_have_value("nyeste")
    expect(page.locator("#referat-sort option[value=relevans]")).to_be_disabled()
    expect(page.locator("#referat-count")).to_have_text("22 resultater, nyeste først.")


def test_the_reader_chooses_relevance_or_a_date_order(page: Page, base_url: str) -> None:
    relevant = search(page, base_url, "?q=godkendt")
    expect(page.locator("#referat-sort")).to_have_value("relevans")
    assert days(relevant) != sorted(days(relevant), reverse=True), "pick a word whose best match is old"
    page.locator("#referat-sort").select_option("nyeste")
    expect(page.locator("#referat-count")).to_have_text("11 resultater for »godkendt«, nyeste først.")
    newest = days(settled(page))
    assert newest == sorted(newest, reverse=True) and sorted(newest) == sorted(days(relevant))
    assert "sorter=nyeste" in page.url  # the order can be linked
    oldest = days(search(page, base_url, "?q=godkendt&sorter=aeldste"))
    assert oldest == sorted(oldest) and oldest[0] != oldest[-1]
    expect(page.locator("#referat-sort")).to_have_value("aeldste")


# Layout -------------------------------------------------------------------------------------

def box(page: Page, selector: str) -> dict[str, float]:
    found = page.locator(selector).first.bounding_box()
    assert found is not None, f"{selector} is not shown"
    return found


@pytest.mark.parametrize("address", ["?q=budget", "?type=Punkt", "?q=godkendt&kun=beslutninger"])
def test_the_first_result_is_in_the_first_screen_of_a_phone(phone: Page, base_url: str,
                                                             address: str) -> None:
    search(phone, base_url, address)
    title = box(phone, "#referat-results .referat-result h2")
    assert title["y"] + title["height"] <= PHONE["height"], title
    expect(phone.locator(".referat-filterbox__toggle")).to_be_visible()
    expect(phone.locator("#referat-filters fieldset").first).to_be_hidden()  # folded


def test_the_filters_fold_above_the_results_on_a_phone(phone: Page, base_url: str) -> None:
    search(phone, base_url, "?q=godkendt&aar=2022")
    toggle = phone.locator(".referat-filterbox__toggle")
    expect(toggle).to_have_text("Filtre (1 valgt)")
    toggle.click()
    year = phone.get_by_role("checkbox", name="2022 (3)")
    expect(year).to_be_visible()
    assert box(phone, "#referat-filters")["y"] + 10 < box(phone, "#referat-results")["y"]
    year.uncheck()  # the filters work from the disclosure
    expect(phone.locator("#referat-count")).to_have_text("11 resultater for »godkendt«.")
    expect(toggle).to_have_text("Filtre")


def test_the_filters_sit_beside_the_results_on_a_wide_screen(page: Page, base_url: str) -> None:
    page.set_viewport_size(DESKTOP)  # type: ignore[arg-type]
    search(page, base_url, "?q=godkendt")
    expect(page.locator(".referat-filterbox__toggle")).to_be_hidden()
    expect(page.get_by_role("heading", name="Filtrér resultaterne")).to_be_visible()
    filters, results = box(page, "#referat-filters"), box(page, "#referat-results")
    assert filters["x"] + filters["width"] <= results["x"], (filters, results)
    assert abs(filters["y"] - results["y"]) < 120, (filters, results)  # side by side


@pytest.mark.parametrize("width", [320, 390])
def test_nothing_scrolls_sideways_on_a_phone(page: Page, base_url: str, width: int) -> None:
    page.set_viewport_size({"width": width, "height": 800})
    for address in ("?q=budget", "?type=Punkt"):
        search(page, base_url, address)
        page.locator(".referat-filterbox__toggle").click()  # the filters open, too
        expect(page.locator("#referat-filters fieldset").first).to_be_visible()
        wide = page.evaluate("document.documentElement.scrollWidth")
        assert wide <= width, f"{address} at {width} px is {wide} px wide"


# Keyboard and screen readers ------------------------------------------------------------------

def test_skip_to_results_passes_the_filters(page: Page, base_url: str) -> None:
    page.set_viewport_size(DESKTOP)  # type: ignore[arg-type]
    search(page, base_url, "?q=budget")
    page.locator("#referat-only-decisions").focus()
    page.keyboard.press("Tab")
    skip = page.get_by_role("link", name="Gå til resultaterne")
    expect(skip).to_be_focused()
    expect(skip).to_be_in_viewport()
    page.keyboard.press("Enter")
    expect(page.locator("#referat-count")).to_be_focused()
    page.keyboard.press("Tab")
    expect(page.locator("#referat-sort")).to_be_focused()  # the order, then the first result
    page.keyboard.press("Tab")
    expect(page.locator("#referat-results h2 a").first).to_be_focused()


def test_the_count_is_announced_and_the_filters_work_by_keyboard(page: Page, base_url: str) -> None:
    page.set_viewport_size(DESKTOP)  # type: ignore[arg-type]
    search(page, base_url, "?q=godkendt")
    count = page.locator("#referat-count")
    expect(count).to_have_attribute("role", "status")
    expect(count).to_have_attribute("aria-live", "polite")
    year = page.get_by_role("checkbox", name="2025 (3)")
    year.focus()
    page.keyboard.press("Space")
    expect(count).to_have_text("3 resultater for »godkendt«.")
    expect(page.get_by_role("checkbox", name="2025 (3)")).to_be_focused()  # the focus stays


def test_the_phone_s_filters_open_with_the_keyboard(phone: Page, base_url: str) -> None:
    search(phone, base_url, "?q=budget")
    phone.locator(".referat-filterbox__toggle").focus()
    phone.keyboard.press("Enter")
    expect(phone.locator("#referat-filterbox")).to_have_attribute("open", "")
    phone.keyboard.press("Tab")
    expect(phone.locator("#referat-filters input").first).to_be_focused()


def axe(page: Page, only: dict[str, Any]) -> list[dict[str, Any]]:
    if page.evaluate("typeof axe") == "undefined":
        page.add_script_tag(path=str(AXE_FILE_PATH))
    result: dict[str, Any] = page.evaluate(
        "(only) => axe.run(document, {runOnly: only, resultTypes: ['violations']})", only)
    return list(result["violations"])


def violations(page: Page) -> str:
    found = axe(page, {"type": "tag", "values": WCAG}) + axe(page, {"type": "rule", "values": EXTRA_RULES})
    return "\n".join(f"{v['id']}: {v['help']} at {node['target']}" for v in found for node in v["nodes"])


@pytest.mark.parametrize("size", [PHONE, DESKTOP], ids=["390", "1280"])
def test_axe_finds_no_violation_with_results(page: Page, base_url: str, size: dict[str, int]) -> None:
    page.set_viewport_size(size)  # type: ignore[arg-type]
    search(page, base_url, "?q=godkendt&aar=2022")
    assert violations(page) == ""
    toggle = page.locator(".referat-filterbox__toggle")
    if toggle.is_visible():
        toggle.click()
    expect(page.locator("#referat-filters fieldset").first).to_be_visible()
    assert violations(page) == ""
