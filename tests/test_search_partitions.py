"""Search split by year, in a real build, a real Pagefind and a real Chromium.

The fixture archive (tests/fixtures/search-years) has meetings in 2019, 2021 and 2024; built with
a budget of two pages a bundle, each year is a partition of its own. "Skolebus" occurs in the
oldest and the newest year, so a search for it, and its filter counts, must cover all three.
"""

from __future__ import annotations

import json
import re
import shutil
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest
from playwright.sync_api import Page, Route, expect

from browser import serve
from conftest import FIXTURES
from sites import mkdocs_build

ARCHIVE = FIXTURES / "search-years"
SPLIT = {"REFERAT_SEARCH_BUNDLE_PAGES": "2"}
REPORT = re.compile(r"referat: indexed .*\((\d+) of (\d+) bundles indexed, (\d+) unchanged")


def build(site: Path, meetings: Path) -> str:
    """Build the site with the small bundle budget; the build's log."""
    result = mkdocs_build(site, meetings, SPLIT)
    assert result.returncode == 0, result.stderr
    return result.stderr


@pytest.fixture(scope="module")
def years_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    site = tmp_path_factory.mktemp("years") / "site"
    build(site, ARCHIVE)
    return site


@pytest.fixture(scope="module")
def years_url(years_site: Path) -> Iterator[str]:
    with serve(years_site) as url:
        yield url


def manifest(site: Path) -> dict[str, list[dict[str, object]]]:
    return json.loads((site / "pagefind" / "manifest.json").read_text(encoding="utf-8"))


def bundle_files(site: Path, folder: str) -> dict[str, bytes]:
    """Every file of one bundle, by its path inside the bundle."""
    root = site / folder
    return {p.relative_to(root).as_posix(): p.read_bytes() for p in root.rglob("*") if p.is_file()}


def test_each_year_is_a_bundle_listed_newest_first(years_site: Path) -> None:
    listed = manifest(years_site)
    assert [b["period"] for b in listed["pages"]] == ["2024", "2021", "2019"]
    assert [b["period"] for b in listed["decisions"]] == ["2024", "2021", "2019"]
    assert [b["records"] for b in listed["pages"]] == [4, 2, 3]  # meeting and punkt pages
    for kind in ("pagefind", "pagefind-beslutninger"):
        for year in ("2024", "2021", "2019"):
            assert (years_site / kind / year / "pagefind.js").is_file()
            assert list((years_site / kind / year).glob("*.pf_meta")), (kind, year)
        assert not (years_site / kind / "2024" / "pagefind-ui.js").exists()  # unused, left out


def wait_for_everything(page: Page) -> list[str]:
    """Wait until the older bundles are merged in; the result links, in order."""
    expect(page.locator("#referat-results")).to_have_attribute("aria-busy", "false")
    expect(page.locator("#referat-filters fieldset").first).to_be_visible()
    # Read in one call, so a redraw cannot come between the links.
    hrefs: list[str] = page.locator("#referat-results a").evaluate_all(
        "links => links.map((link) => link.getAttribute('href') || '')")
    return hrefs


def test_a_query_finds_punkter_in_the_oldest_and_the_newest_year(page: Page, years_url: str) -> None:
    page.goto(years_url + "soeg/?q=k%C3%B8rselsordningerne&type=Punkt")
    links = wait_for_everything(page)
    assert sorted(links) == ["/skoleudvalget/2019-03-12/punkt-1/", "/skoleudvalget/2024-09-10/punkt-1/",
                             "/teknikudvalget/2024-02-05/punkt-1/"]
    expect(page.locator("#referat-count")).to_have_text("3 resultater for »kørselsordningerne«.")


def test_the_filters_count_across_partitions(page: Page, years_url: str) -> None:
    page.goto(years_url + "soeg/?q=k%C3%B8rselsordning&type=Punkt")
    wait_for_everything(page)
    for name in ("2024 (2)", "2019 (1)", "Skoleudvalget (2)", "Teknik- og miljøudvalget (1)",
                 "Transport (3)", "Punkt (3)"):
        expect(page.get_by_role("checkbox", name=name, exact=True)).to_be_visible()
    expect(page.get_by_role("checkbox", name="2021 (0)")).to_have_count(0)  # no result there
    page.get_by_role("checkbox", name="2019 (1)").check()
    expect(page.locator("#referat-count")).to_have_text("1 resultat for »kørselsordning«.")
    assert wait_for_everything(page) == ["/skoleudvalget/2019-03-12/punkt-1/"]


def test_the_filters_without_a_query_count_the_whole_archive(page: Page, years_url: str) -> None:
    page.goto(years_url + "soeg/")
    expect(page.locator("#referat-filters fieldset").first).to_be_visible()
    for name in ("2024 (4)", "2021 (2)", "2019 (3)", "Skoleudvalget (7)", "Møde (4)", "Punkt (5)"):
        expect(page.get_by_role("checkbox", name=name, exact=True)).to_be_visible()


def test_the_newest_year_shows_first_and_the_older_merge_in(page: Page, years_url: str) -> None:
    # Hold back the oldest bundle's files until the newest year's results are on the page.
    held: list[Route] = []
    page.route("**/pagefind/2019/**", lambda route: held.append(route))
    page.goto(years_url + "soeg/?q=k%C3%B8rselsordning&type=Punkt")
    expect(page.locator("#referat-count")).to_have_text(
        "2 resultater for »kørselsordning« i 2024. Søger i ældre år …")
    expect(page.locator("#referat-results")).to_have_attribute("aria-busy", "true")
    expect(page.locator("#referat-results .referat-result")).to_have_count(2)
    for _ in range(100):  # the older bundles are asked for once the newest year's are shown
        if held:
            break
        page.wait_for_timeout(50)
    assert held, "the oldest bundle was not asked for"
    # Continue the held requests before unrouting: unrouting lets later requests through, but whether it
    # frees the held ones depends on when the browser hears of it.
    for route in list(held):
        route.continue_()
    page.unroute("**/pagefind/2019/**")
    assert len(wait_for_everything(page)) == 3


def test_decisions_only_covers_every_year(page: Page, years_url: str) -> None:
    page.goto(years_url + "soeg/?q=godkendt&kun=beslutninger")
    links = wait_for_everything(page)
    assert sorted(links) == ["/skoleudvalget/2019-03-12/punkt-1/", "/skoleudvalget/2021-06-08/punkt-1/",
                             "/skoleudvalget/2024-09-10/punkt-1/"]
    for name in ("2024 (1)", "2021 (1)", "2019 (1)", "Skoleudvalget (3)"):
        expect(page.get_by_role("checkbox", name=name, exact=True)).to_be_visible()
    meta = page.locator(".referat-result__meta").all_inner_texts()
    assert all(text.endswith("Beslutning") for text in meta), meta


def test_the_header_box_finds_the_oldest_year_too(page: Page, years_url: str) -> None:
    page.goto(years_url)
    page.get_by_role("searchbox", name="Søg i referater").fill("legepladsen")
    results = page.locator("#referat-search-results")
    expect(results).to_have_attribute("aria-busy", "false")
    expect(page.locator("#referat-search-status")).to_have_text("1 resultat. Pil ned for at gå til dem.")
    expect(results.get_by_role("link", name="Punkt 1: Ny legeplads ved Nordskolen")).to_be_visible()


def test_a_rebuild_reindexes_only_the_edited_year(tmp_path: Path, years_site: Path) -> None:
    meetings = tmp_path / "meetings"
    shutil.copytree(ARCHIVE, meetings)
    before = tmp_path / "before"
    build(before, meetings)
    edited = meetings / "skoleudvalget" / "2021-06-08.yml"
    word = f"gyngestativ{uuid.uuid4().hex[:8]}"  # new text, never seen by the cache before
    edited.write_text(edited.read_text(encoding="utf-8").replace(
        "decision: Godkendt.", f"decision: Godkendt med et {word}."), encoding="utf-8")
    after = tmp_path / "after"
    log = build(after, meetings)
    assert REPORT.search(log) is not None and REPORT.findall(log)[-1] == ("2", "6", "4"), log
    for kind in ("pagefind", "pagefind-beslutninger"):
        for year in ("2024", "2019"):
            assert bundle_files(after, f"{kind}/{year}") == bundle_files(before, f"{kind}/{year}")
        assert bundle_files(after, f"{kind}/2021") != bundle_files(before, f"{kind}/2021")
    assert manifest(after)["pages"][0] == manifest(before)["pages"][0]
    assert manifest(after)["pages"][1]["tag"] != manifest(before)["pages"][1]["tag"]


def result_days(page: Page) -> list[str]:
    """The meeting day of every result on the page, from its address."""
    links = wait_for_everything(page)
    found = [re.search(r"/(\d{4}-\d{2}-\d{2})/", link) for link in links]
    assert links and all(found), links
    return [match[1] for match in found if match]


def test_a_search_by_filters_alone_is_newest_first_across_the_bundles(page: Page, years_url: str) -> None:
    page.goto(years_url + "soeg/?type=Punkt")
    assert result_days(page) == ["2024-09-10", "2024-02-05", "2021-06-08", "2019-03-12", "2019-03-12"]
    expect(page.locator("#referat-count")).to_have_text("5 resultater, nyeste først.")


@pytest.mark.parametrize("kind", ["", "&kun=beslutninger"])
def test_the_date_orders_cover_every_bundle(page: Page, years_url: str, kind: str) -> None:
    page.goto(years_url + f"soeg/?q=godkendt{kind}")
    relevant = result_days(page)
    assert {day[:4] for day in relevant} == {"2019", "2021", "2024"}, relevant
    page.locator("#referat-sort").select_option("nyeste")
    expect(page).to_have_url(re.compile("sorter=nyeste"))
    newest = result_days(page)
    assert newest == sorted(relevant, reverse=True), (newest, relevant)
    page.locator("#referat-sort").select_option("aeldste")
    expect(page).to_have_url(re.compile("sorter=aeldste"))
    assert result_days(page) == sorted(relevant)


def test_newest_first_shows_the_newest_bundle_at_once(page: Page, years_url: str) -> None:
    held: list[Route] = []
    page.route("**/pagefind/2019/**", lambda route: held.append(route))
    page.goto(years_url + "soeg/?type=Punkt")
    expect(page.locator("#referat-count")).to_have_text("2 resultater i 2024. Søger i ældre år …")
    links = page.locator("#referat-results h2 a")  # drawn just after the count
    expect(links).to_have_count(2)
    assert links.evaluate_all("links => links.map((link) => link.getAttribute('href'))") == [
        "/skoleudvalget/2024-09-10/punkt-1/", "/teknikudvalget/2024-02-05/punkt-1/"]
    for _ in range(100):  # the older bundles are asked for once the newest year's are shown
        if held:
            break
        page.wait_for_timeout(50)
    assert held, "the oldest bundle was not asked for"
    page.unroute("**/pagefind/2019/**")
    assert len(result_days(page)) == 5
