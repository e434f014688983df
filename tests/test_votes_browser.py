"""A punkt's outcome and vote in a real Chromium, on the example site (issue 14, point 2): the
vote table and the protocol remark show, nothing scrolls sideways on a phone, axe finds no WCAG 2.2
A/AA violation, and the search page filters by Udfald."""

from __future__ import annotations

import re
from typing import Any

import pytest
from axe_playwright_python.base import AXE_FILE_PATH
from playwright.sync_api import Page, ViewportSize, expect

pytestmark = pytest.mark.browser

PUNKT = "eksempeludvalget/2026-11-18/punkt-3/"
MEETING = "eksempeludvalget/2026-11-18/"
WCAG = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22a", "wcag22aa"]
WIDTHS: dict[str, ViewportSize] = {"phone": {"width": 390, "height": 844},
                                   "desktop": {"width": 1280, "height": 800}}
# Elements wider than the window, or that scroll sideways themselves.
OVERFLOW = """() => [...document.body.querySelectorAll("*")].filter((e) => {
  if (!e.checkVisibility()) return false;
  const box = e.getBoundingClientRect();
  const scrolls = ["auto", "scroll"].includes(getComputedStyle(e).overflowX)
    && e.scrollWidth > e.clientWidth + 1;
  return box.width > 1 && box.height > 1 && (box.right > innerWidth + 1 || scrolls);
}).map((e) => e.outerHTML.slice(0, 90))"""


def axe(page: Page) -> list[dict[str, Any]]:
    if page.evaluate("typeof axe") == "undefined":
        page.add_script_tag(path=str(AXE_FILE_PATH))
    results = page.evaluate("(tags) => axe.run(document, {runOnly: {type: 'tag', values: tags}, "
                            "resultTypes: ['violations']})", WCAG)
    return [{"id": v["id"], "nodes": [n["target"] for n in v["nodes"]]} for v in results["violations"]]


def test_punkt_page_shows_the_outcome_the_vote_and_the_remark(page: Page, base_url: str) -> None:
    page.goto(base_url + PUNKT)
    expect(page.locator(".referat-udfald")).to_have_text("Udfald: Godkendt")
    votes = page.locator(".referat-afstemning")
    expect(votes.locator("table caption")).to_have_text("Afstemning")
    expect(page.get_by_role("table", name="Afstemning")).to_be_visible()
    expect(votes.locator("thead th")).to_have_text(["Stemme", "Partier", "Navne", "Antal"])
    expect(votes.locator("tbody tr")).to_have_count(3)
    expect(votes.locator("tbody tr").nth(0).locator("td")).to_have_text(["For", "A, V, C, F", "–", "5"])
    expect(votes.locator("tbody tr").nth(1).locator("td")).to_have_text(["Imod", "Ø", "–", "1"])
    expect(page.get_by_text("Deltog ikke i behandlingen: Liv Gro Jensen.")).to_be_visible()
    expect(page.get_by_text("Protokolbemærkning fra Ø:")).to_be_visible()
    expect(page.get_by_text("ikke må betyde længere ventetid", exact=False)).to_be_visible()


@pytest.mark.parametrize("scheme", ["light", "dark"])
@pytest.mark.parametrize("width", WIDTHS)
@pytest.mark.parametrize("address", [PUNKT, "eksempeludvalget/2026-11-18/punkt-4/", MEETING])
def test_no_sideways_scroll_and_no_axe_violation(page: Page, base_url: str, address: str,
                                                  width: str, scheme: str) -> None:
    page.emulate_media(color_scheme=scheme)  # type: ignore[arg-type]
    page.set_viewport_size(WIDTHS[width])
    page.goto(base_url + address)
    assert page.evaluate(OVERFLOW) == []
    assert page.evaluate("document.documentElement.scrollWidth") <= WIDTHS[width]["width"]
    assert axe(page) == []


def test_meeting_agenda_shows_each_outcome(page: Page, base_url: str) -> None:
    page.goto(base_url + MEETING)
    row = page.locator(".referat-cards--agenda tbody tr").nth(3)
    expect(row.locator("td").nth(2)).to_contain_text("Udfald: Afvist.")


def test_search_filters_by_udfald(page: Page, base_url: str) -> None:
    page.set_viewport_size(WIDTHS["desktop"])
    page.goto(base_url + "soeg/?type=Punkt")
    expect(page.locator("#referat-results")).to_have_attribute("aria-busy", "false")
    group = page.locator("#referat-filters fieldset", has=page.locator("legend", has_text="Udfald"))
    expect(group).to_be_visible()
    group.get_by_label("afvist", exact=False).check()
    expect(page).to_have_url(re.compile(r"[?&]udfald=afvist\b"))
    expect(page.locator("#referat-results")).to_have_attribute("aria-busy", "false")
    results = page.locator("#referat-results .referat-result h2")
    expect(results).to_have_text(["Punkt 4: Forslag fra Enhedslisten om gratis bus for unge under "
                                  "uddannelse"])
