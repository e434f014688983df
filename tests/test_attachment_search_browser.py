"""A word found only in an attached PDF finds its punkt, in a real Chromium, on the example site
built with the real MkDocs and Pagefind (issue 14, point 5): the result names the punkt, says
"fundet i bilag: <title>" and links to the file."""

from __future__ import annotations

from pathlib import Path

from playwright.sync_api import Page, expect

WORD = "Puljeoversigt"  # in meetings/integrationsraadet/bilag/budget-2025-11.pdf, nowhere else
FILE = "integrationsraadet/bilag/budget-2025-11.pdf"
BODY = "Integrationsrådet"


def test_the_word_is_only_in_the_attachment(example: Path) -> None:
    pages = [p for p in example.rglob("*.html") if WORD.lower() in p.read_text("utf-8").lower()]
    assert pages == [] and (example / FILE).is_file()


def test_a_word_only_in_an_attachment_finds_its_punkt(page: Page, base_url: str,
                                                      tmp_path: Path) -> None:
    for width in (390, 1280):
        page.set_viewport_size({"width": width, "height": 900})
        page.goto(base_url + f"soeg/?q={WORD.lower()}")
        expect(page.locator("#referat-results")).to_have_attribute("aria-busy", "false")
        result = page.locator("#referat-results .referat-result")
        expect(result).to_have_count(1)
        expect(result.locator("h2 a")).to_have_text("Punkt 35: Orientering")
        assert (result.locator("h2 a").get_attribute("href") or "").endswith(
            "/integrationsraadet/2025-11-26/punkt-35/")
        found = result.locator(".referat-result__attachment")
        expect(found).to_have_text("fundet i bilag: Budget november 2025")
        assert (found.locator("a").get_attribute("href") or "").endswith("/" + FILE)
        expect(result.locator("mark").first).to_have_text(WORD)
        page.screenshot(path=tmp_path / f"bilag-{width}.png")  # to look at, with --basetemp
        response = page.request.get(base_url + FILE)
        assert response.ok and response.body().startswith(b"%PDF-")


def organ_count(page: Page, body: str) -> int:
    label = page.locator("#referat-filters label", has_text=body).inner_text()
    return int(label.rsplit("(", 1)[1].rstrip(")").replace(".", ""))


def test_a_search_by_filters_alone_leaves_the_attachment_out(page: Page, base_url: str) -> None:
    """Nothing is found in an attachment without words: the filters' counts before a search, and
    a search by a filter alone, count the punkter and meetings, not the attachment's record."""
    page.goto(base_url + "soeg/")
    expect(page.locator("#referat-filters input").first).to_be_attached()
    before = organ_count(page, BODY)
    assert page.locator("#referat-filters label", has_text="Bilag").count() == 0
    page.goto(base_url + f"soeg/?organ={BODY}")
    expect(page.locator("#referat-results")).to_have_attribute("aria-busy", "false")
    expect(page.locator("#referat-count")).to_have_text(f"{before} resultater, nyeste først.")
    expect(page.locator(".referat-result__attachment")).to_have_count(0)
    page.goto(base_url + f"soeg/?q={WORD.lower()}")
    expect(page.locator("#referat-results")).to_have_attribute("aria-busy", "false")
    expect(page.locator("#referat-filters label", has_text="Bilag")).to_have_text("Bilag (1)")
