"""WCAG 2.2 AA on every kind of page, in Debian's Chromium.

axe-core (the copy bundled in the axe-playwright-python package) must find no WCAG 2.2 A or AA
violation, nor two landmarks of a kind with the same name (`landmark-unique`), at a desktop's width
and at a phone's, in light and in dark mode. What axe cannot judge is checked here with Playwright:
the skip link, landmarks, visible focus, heading order, table headers, the page's language, the
labelled search, the print style, and that nothing scrolls sideways on a phone.
"""

from __future__ import annotations

import shutil
from collections.abc import Callable, Iterator
from typing import Any

import pytest
from axe_playwright_python.base import AXE_FILE_PATH
from playwright.sync_api import Browser, Page, ViewportSize, expect

from browser import serve
from conftest import FIXTURES, ROOT
from sites import mkdocs_build

WCAG = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22a", "wcag22aa"]
EXTRA_RULES = ["landmark-unique"]  # a best practice, not a WCAG rule: run besides the tags
WIDTHS: dict[str, ViewportSize] = {"desktop": {"width": 1280, "height": 800},
                                   "phone": {"width": 390, "height": 844}}
NARROW: dict[str, ViewportSize] = {"phone": {"width": 390, "height": 844},
                                   "narrow phone": {"width": 320, "height": 640},
                                   "desktop": {"width": 1280, "height": 800}}

# One page of every kind, from the example meetings plus tests/fixtures/site.
KINDS = {
    "front": "",
    "meeting": "oekonomiudvalget/2024-03-04/",  # attendance table, agenda, next meeting
    "punkt": "byraadet/2024-03-20/punkt-40/",  # sections, a heading in the text, attachments
    "closed punkt": "oekonomiudvalget/2024-03-04/punkt-12-a/",
    "year": "aar/2024/",
    "topic": "emne/budget/",
    "journal number": "sag/00-30-00-s00-12-24/",
    "body": "byraadet/",
    "bodies": "organer/",
    "years": "aar/",
    "topics": "emne/",
    "cases": "sag/",
    "cases of a year": "sager/2024/",
    "search with results": "soeg/?q=budget",
    "accessibility statement": "tilgaengelighed/",
    "not found": "404.html",  # what the server sends for an address that does not exist
    "data and subscriptions": "data/",
}
# The lists of bodies, years, topics and cases share their frame with the kinds above: the checks
# that type or print use the kinds above only.
MAIN_KINDS = [kind for kind in KINDS if kind not in ("bodies", "years", "topics", "cases",
                                                     "cases of a year", "not found")]
TABLE_KINDS = ["meeting", "topic", "journal number"]


@pytest.fixture(scope="module")
def site_url(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """The example meetings and the fixture site's, built into one site and served."""
    sources = [ROOT / "meetings", FIXTURES / "site"]
    bodies = [{p.name for p in source.iterdir()} for source in sources]
    assert not bodies[0] & bodies[1], "the two meetings folders share a body"
    meetings = tmp_path_factory.mktemp("a11y") / "meetings"
    for source in sources:
        shutil.copytree(source, meetings, dirs_exist_ok=True)
    site = meetings.parent / "site"
    result = mkdocs_build(site, meetings)
    assert result.returncode == 0, result.stderr
    with serve(site) as url:
        yield url


@pytest.fixture(scope="module")
def opened(browser: Browser, site_url: str) -> Iterator[Callable[[str], Page]]:
    """One tab per kind of page, opened once, for the checks that only read a page."""
    context = browser.new_context()
    tabs: dict[str, Page] = {}
    problems: list[str] = []

    def tab_of(kind: str) -> Page:
        if kind not in tabs:
            tabs[kind] = context.new_page()
            tabs[kind].on("pageerror", lambda error: problems.append(f"{kind}: {error}"))
            open_kind(tabs[kind], site_url, kind)
        assert problems == []
        return tabs[kind]

    yield tab_of
    context.close()


def open_kind(page: Page, site_url: str, kind: str, width: str = "desktop") -> None:
    """Open the page of a kind and wait until it is complete (the search page's results too)."""
    page.set_viewport_size(WIDTHS[width])
    page.goto(site_url + KINDS[kind])
    if kind == "search with results":
        page.locator("#referat-results li").first.wait_for()
        page.locator("#referat-filters fieldset").first.wait_for(state="attached")  # folded on a phone


def axe(page: Page, context: str = "document", rules: list[str] | None = None) -> dict[str, Any]:
    """Run axe-core on the page, with the WCAG 2.2 A and AA rules and EXTRA_RULES (or only
    `rules`)."""
    if page.evaluate("typeof axe") == "undefined":
        page.add_script_tag(path=str(AXE_FILE_PATH))
    only = {"type": "rule", "values": rules} if rules else {"type": "tag", "values": WCAG}
    extra = {} if rules else {rule: {"enabled": True} for rule in EXTRA_RULES}
    # Every element that passes is listed only for a few rules: a full list costs seconds a page.
    kept = ["violations", "passes"] if rules else ["violations"]
    return page.evaluate("""([context, only, extra, kept]) => axe.run(
        context === "document" ? document : context,
        {runOnly: only, rules: extra, resultTypes: kept})""", [context, only, extra, kept])


def report(violations: list[dict[str, Any]]) -> str:
    """One line per element that fails: the rule, its impact, where, and what is wrong."""
    return "\n".join(
        f"{v['id']} ({v['impact']}) at {' '.join(map(str, node['target']))}: {v['help']}. "
        f"{' '.join(node['failureSummary'].split())}" for v in violations for node in v["nodes"])


def assert_no_violations(results: dict[str, Any], where: str) -> None:
    violations = results["violations"]
    if violations:
        print(report(violations))
    assert violations == [], f"axe found WCAG 2.2 A/AA violations on {where}:\n{report(violations)}"


# axe-core ------------------------------------------------------------------------------------

NEXT_FRAME = "new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done)))"


@pytest.mark.parametrize("scheme", ["light", "dark"])
@pytest.mark.parametrize("kind", KINDS)
def test_axe_finds_no_violation(page: Page, site_url: str, kind: str, scheme: str) -> None:
    page.emulate_media(color_scheme=scheme)  # type: ignore[arg-type]
    open_kind(page, site_url, kind)
    expected = "slate" if scheme == "dark" else "default"
    expect(page.locator("body")).to_have_attribute("data-md-color-scheme", expected)
    for width, size in WIDTHS.items():
        page.set_viewport_size(size)
        page.evaluate(NEXT_FRAME)  # the page's resize handlers run before the next frame is drawn
        results = axe(page)
        assert len(results["passes"]) > 10, "axe ran hardly any rule: is it the real axe-core?"
        assert_no_violations(results, f"the {kind} page at a {width}'s width, {scheme} ({page.url})")


def test_axe_reports_two_landmarks_with_one_name(page: Page, site_url: str) -> None:
    open_kind(page, site_url, "front")
    page.evaluate("""document.querySelector("article").insertAdjacentHTML("beforeend",
        '<nav aria-label="Navigation" class="planted"></nav>')""")
    assert "landmark-unique" in [v["id"] for v in axe(page)["violations"]]


# What sticks out to the right of the screen, or of a box that scrolls: the theme hides the
# page's sideways scrollbar, so such an element is cut off, or makes the reader scroll its box
# sideways (a table's, say). Checked on phones (320 and 390 px) and at a desktop's width.
OVERFLOW = """() => [...document.body.querySelectorAll("*")].filter((e) => {
  if (!e.checkVisibility({visibilityProperty: true, opacityProperty: true})) return false;
  for (let up = e; up; up = up.parentElement) {  // hidden for the eye, kept for screen readers
    if (getComputedStyle(up).clip.startsWith("rect(0px")) return false;
  }
  const box = e.getBoundingClientRect();
  const scrolls = ["auto", "scroll"].includes(getComputedStyle(e).overflowX)
    && e.scrollWidth > e.clientWidth + 1;
  return box.width > 1 && box.height > 1 && (box.right > innerWidth + 1 || scrolls);
}).map((e) => e.outerHTML.slice(0, 90))"""


@pytest.mark.parametrize("kind", KINDS)
def test_nothing_scrolls_sideways(page: Page, site_url: str, kind: str) -> None:
    open_kind(page, site_url, kind, "phone")
    for width, size in NARROW.items():
        page.set_viewport_size(size)
        page.evaluate(NEXT_FRAME)
        wide = page.evaluate(OVERFLOW)
        assert wide == [], f"the {kind} page scrolls sideways at a {width}'s width: {wide}"


def test_the_sideways_check_finds_what_sticks_out(page: Page, site_url: str) -> None:
    open_kind(page, site_url, "punkt", "phone")
    page.evaluate("""document.querySelector("article").insertAdjacentHTML(
        "beforeend", '<p class="planted" style="width: 500px">Bred</p>')""")
    assert page.evaluate(OVERFLOW) == ['<p class="planted" style="width: 500px">Bred</p>']


def test_dark_mode_follows_the_system_as_it_changes(page: Page, site_url: str) -> None:
    open_kind(page, site_url, "punkt")
    body = page.locator("body")
    expect(body).to_have_attribute("data-md-color-scheme", "default")
    page.emulate_media(color_scheme="dark")
    expect(body).to_have_attribute("data-md-color-scheme", "slate")
    background = page.locator(".admonition.beslutning").evaluate(
        "(e) => getComputedStyle(e).backgroundColor")
    assert background == "rgb(28, 42, 30)", background


def test_axe_finds_no_violation_in_the_header_results(page: Page, site_url: str) -> None:
    open_kind(page, site_url, "front")
    page.get_by_role("banner").get_by_role("searchbox").fill("budget")
    expect(page.get_by_role("region", name="Søgeresultater").get_by_role("link").first).to_be_visible()
    assert_no_violations(axe(page), "the front page with the header's results open")


def test_axe_reports_a_planted_violation(page: Page, site_url: str) -> None:
    open_kind(page, site_url, "punkt")
    page.evaluate("""document.querySelector("article").insertAdjacentHTML(
        "beforeend", '<p class="planted" style="color: #aaa">Svag tekst</p>')""")
    violations = axe(page)["violations"]
    assert [v["id"] for v in violations] == ["color-contrast"]
    assert report(violations).startswith("color-contrast (serious) at .planted: Elements must meet")


def test_footer_text_has_enough_contrast(page: Page, site_url: str) -> None:
    """The theme's footer text is 4.47:1; the site's style raises it above 4.5:1."""
    open_kind(page, site_url, "front")
    results = axe(page, ".md-footer", ["color-contrast"])
    assert_no_violations(results, "the footer")
    checked = [node["target"] for rule in results["passes"] for node in rule["nodes"]]
    assert any(".referat-footer__about" in target[-1] for target in checked), checked
    assert any("tilgaengelighed/" in target[-1] for target in checked), checked


# What axe cannot judge -----------------------------------------------------------------------

@pytest.mark.parametrize("kind", MAIN_KINDS)
def test_skip_link_moves_focus_to_the_content(page: Page, site_url: str, kind: str) -> None:
    open_kind(page, site_url, kind)
    page.keyboard.press("Tab")
    skip = page.locator("a.md-skip")
    expect(skip).to_be_focused()
    expect(skip).to_have_text("Gå til indholdet")
    page.wait_for_function("getComputedStyle(document.querySelector('a.md-skip')).opacity === '1'")
    page.keyboard.press("Enter")
    heading = page.locator("main article h1")
    expect(heading).to_be_focused()
    expect(heading).to_be_in_viewport()
    page.keyboard.press("Tab")
    after = page.evaluate("""document.querySelector("main article h1").compareDocumentPosition(
        document.activeElement) & Node.DOCUMENT_POSITION_FOLLOWING""")
    assert after, "the next Tab after the skip link went back before the content"


@pytest.mark.parametrize("kind", KINDS)
def test_landmarks(opened: Callable[[str], Page], kind: str) -> None:
    page = opened(kind)
    for role in ("banner", "main", "contentinfo"):
        expect(page.get_by_role(role)).to_have_count(1)  # type: ignore[arg-type]
    expect(page.get_by_role("banner").get_by_role("search", name="Søg i referater")).to_have_count(1)
    names = [box.get_attribute("aria-label") for box in page.get_by_role("search").all()]
    assert all(names) and len(set(names)) == len(names), f"search landmarks need names of their own: {names}"
    statement = page.get_by_role("contentinfo").get_by_role("link", name="Tilgængelighedserklæring")
    expect(statement).to_be_visible()


FOCUS = """() => {
  const e = document.activeElement, r = e.getBoundingClientRect(), s = getComputedStyle(e);
  const seen = r.width > 0 && r.height > 0 && r.bottom > 0 && r.right > 0 && r.top < innerHeight
    && r.left < innerWidth && s.visibility === "visible";
  const ring = (s.outlineStyle !== "none" && parseFloat(s.outlineWidth) >= 2) || s.boxShadow !== "none";
  return {what: e.outerHTML.slice(0, 100), body: e === document.body, seen, ring};
}"""


def focus_stops(page: Page) -> list[dict[str, Any]]:
    """Every place the Tab key stops on the page, from the top, once round."""
    stops: list[dict[str, Any]] = []
    for _ in range(300):
        page.keyboard.press("Tab")
        focus = page.evaluate(FOCUS)
        if focus["body"] or (stops and focus["what"] == stops[0]["what"]):
            return stops
        stops.append(focus)
    raise AssertionError("the Tab key never came round to the top again")


@pytest.mark.parametrize("kind", MAIN_KINDS)
def test_every_focus_stop_is_visible_with_a_ring(page: Page, site_url: str, kind: str) -> None:
    for width in WIDTHS:
        open_kind(page, site_url, kind, width)
        stops = focus_stops(page)
        assert len(stops) > 3, f"only {len(stops)} places take the focus at a {width}'s width"
        unseen = [s["what"] for s in stops if not s["seen"]]
        assert unseen == [], f"focus out of sight at a {width}'s width: {unseen}"
        bare = [s["what"] for s in stops if not s["ring"]]
        assert bare == [], f"focus without a visible ring at a {width}'s width: {bare}"


def test_menu_opens_and_closes_with_the_keyboard_on_a_phone(page: Page, site_url: str) -> None:
    open_kind(page, site_url, "meeting", "phone")
    menu = page.get_by_role("button", name="Menu")
    organer = page.get_by_role("navigation", name="Navigation").get_by_role("link", name="Organer")
    expect(menu).to_have_attribute("aria-expanded", "false")
    expect(organer).to_be_hidden()
    menu.focus()
    page.keyboard.press("Enter")
    expect(menu).to_have_attribute("aria-expanded", "true")
    expect(organer).to_be_in_viewport()
    for _ in range(10):
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.textContent.trim()") == "Organer":
            break
    expect(organer).to_be_focused()
    page.keyboard.press("Escape")
    expect(menu).to_be_focused()
    expect(menu).to_have_attribute("aria-expanded", "false")
    expect(organer).to_be_hidden()


HEADINGS = """[...document.querySelectorAll("h1, h2, h3, h4, h5, h6")]
  .filter((h) => h.checkVisibility()).map((h) => [Number(h.tagName[1]), h.textContent.trim()])"""


@pytest.mark.parametrize("kind", KINDS)
def test_one_h1_and_no_skipped_heading_level(opened: Callable[[str], Page], kind: str) -> None:
    page = opened(kind)
    headings = page.evaluate(HEADINGS)
    levels = [level for level, _ in headings]
    assert levels[0] == 1 and levels.count(1) == 1, headings
    skips = [(a, b) for a, b in zip(headings, headings[1:], strict=False) if b[0] > a[0] + 1]
    assert skips == [], f"a heading level is skipped: {skips}"


@pytest.mark.parametrize("kind", TABLE_KINDS)
def test_table_headers_have_scope(opened: Callable[[str], Page], kind: str) -> None:
    page = opened(kind)
    tables = page.locator("article table")
    assert tables.count() >= 1
    for table in tables.all():
        headers = table.locator("thead th")
        assert headers.count() >= 2
        assert {th.get_attribute("scope") for th in headers.all()} == {"col"}
        assert table.locator("tbody td").count() >= headers.count()


def test_agenda_table_names_its_columns_and_marks_closed_punkter(page: Page, site_url: str) -> None:
    open_kind(page, site_url, "meeting")
    table = page.get_by_role("table").filter(has=page.get_by_role("columnheader", name="Beslutning"))
    expect(table.get_by_role("columnheader")).to_have_text(["Punkt", "Titel", "Beslutning"])
    rows = table.locator("tbody tr")
    expect(rows.nth(0).get_by_role("cell")).to_have_text(
        ["12", "Budget 2025, første behandling", "Anbefales."])
    expect(rows.nth(1).get_by_role("cell")).to_have_text(
        ["12.a", "Salg af grund: Møllevej 4 Lukket punkt", "Godkendt."])


@pytest.mark.parametrize("width", ["desktop", "phone"])
def test_closed_punkt_is_marked_in_the_agenda(page: Page, site_url: str, width: str) -> None:
    open_kind(page, site_url, "meeting", width)
    rows = page.locator("article .referat-cards--agenda tbody tr")
    closed = rows.filter(has_text="Salg af grund")
    expect(closed.locator("em")).to_have_text("Lukket punkt")
    expect(closed.locator("em")).to_be_visible()
    expect(rows.filter(has_text="Lukket punkt")).to_have_count(1)


def test_attendance_is_a_line_for_each_kind(page: Page, site_url: str) -> None:
    open_kind(page, site_url, "meeting")
    expected = {"Mødt": "Anne Aa (A, formand)", "Stedfortræder": "Carl Cé (Ø) for Bo Bø",
                "Afbud": "Bo Bø (V)", "Fraværende": "Dorte Dø"}
    facts = page.locator("h2#deltagere + dl")
    expect(facts.locator("dt")).to_have_text(list(expected))
    expect(facts.locator("dd")).to_have_text(list(expected.values()))


def test_not_found_page_is_danish_with_a_search_box(page: Page, site_url: str) -> None:
    open_kind(page, site_url, "not found")
    expect(page.locator("html")).to_have_attribute("lang", "da")
    expect(page.locator("h1")).to_have_text("Siden findes ikke")
    expect(page).to_have_title("Siden findes ikke - Referater og beslutninger")
    assert "Not found" not in page.content()
    form = page.get_by_role("search", name="Søg efter siden")
    form.get_by_role("searchbox", name="Hvad leder du efter?").fill("budget")
    form.get_by_role("button", name="Søg").click()
    page.wait_for_url("**/soeg/?q=budget")


@pytest.mark.parametrize("kind", KINDS)
def test_language_is_danish(opened: Callable[[str], Page], kind: str) -> None:
    page = opened(kind)
    expect(page.locator("html")).to_have_attribute("lang", "da")


def test_header_search_and_its_results_are_labelled(page: Page, site_url: str) -> None:
    open_kind(page, site_url, "punkt")
    box = page.get_by_role("searchbox", name="Søg i referater")
    expect(page.get_by_role("button", name="Søg", exact=True)).to_be_visible()
    results = page.get_by_role("region", name="Søgeresultater")
    expect(results).to_be_hidden()
    box.fill("budget")
    expect(results.get_by_role("link").first).to_be_visible()
    expect(page.locator("#referat-search-status")).to_have_attribute("role", "status")
    expect(page.locator("#referat-search-status")).to_contain_text("resultat")
    box.press("ArrowDown")
    expect(results.get_by_role("link").first).to_be_focused()


def test_search_page_and_its_results_are_labelled(page: Page, site_url: str) -> None:
    open_kind(page, site_url, "search with results")
    form = page.get_by_role("search", name="Søg i referater og beslutninger")
    box = form.get_by_role("searchbox", name="Søg efter ord i referater og beslutninger")
    expect(box).to_have_value("budget")
    expect(form.get_by_role("checkbox", name="Søg kun i beslutninger")).to_be_visible()
    expect(form.get_by_role("group", name="Organ")).to_be_visible()
    expect(page.get_by_role("status").filter(has_text="for »budget«")).to_contain_text("resultat")
    results = page.get_by_role("list", name="Søgeresultater").get_by_role("listitem")
    assert results.count() >= 2
    expect(results.first.get_by_role("heading", level=2).get_by_role("link")).to_be_visible()


@pytest.mark.parametrize("kind", MAIN_KINDS)
def test_print_shows_the_content_alone_across_the_page(page: Page, site_url: str, kind: str) -> None:
    open_kind(page, site_url, kind)
    page.emulate_media(media="print")
    for hidden in (".md-header", ".md-sidebar", ".md-footer", "form[role=search].referat-search",
                   ".md-skip", ".md-content__button", ".referat-actions", ".referat-findform",
                   ".referat-crumbs"):
        for element in page.locator(hidden).all():
            expect(element).to_be_hidden()
    expect(page.locator("article h1")).to_be_visible()
    width = page.evaluate("document.documentElement.clientWidth")
    content = page.locator(".md-content").bounding_box()
    assert content is not None and content["width"] >= 0.95 * width, (content, width)
