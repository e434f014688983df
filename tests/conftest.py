"""Shared test tools: golden files and the example project's folders."""

from __future__ import annotations

import functools
import inspect
import linecache
import re
import sys
from collections.abc import Iterator
from pathlib import Path
from types import CodeType
from typing import TYPE_CHECKING

import pytest

import chromium
from browser import CHROMIUM_ARGS, serve
from git_site import Builds, build_twice, make_twice
from sites import mkdocs_build

if TYPE_CHECKING:  # Playwright is imported by the browser fixtures only: 0.3 s of every start
    from playwright.sync_api import Browser, Page, Request

ROOT = Path(__file__).resolve().parent.parent
GOLDEN = Path(__file__).resolve().parent / "golden"
FIXTURES = Path(__file__).resolve().parent / "fixtures"
TESTS = Path(__file__).resolve().parent


# A test that uses one of these fixtures drives Chromium: it gets the `browser` marker, so that
# `make check` can leave it out (`pytest -m "not browser and not slow"`).
BROWSER_FIXTURES = {"browser", "page", "base_url"}
# Tests that cost several CPU seconds each get the `slow` marker: `make test` runs them, `make check`
# does not. Hypothesis's property tests (hundreds of examples each), and every test that builds a
# site with MkDocs, ProperDocs or scripts/build_site.py, itself, through a helper or through a
# fixture (each build is seconds of CPU; `make check` has 15 s for everything). Tests may also be
# marked `slow` by hand (a real installer, a source the importer stops only at its time limit).
RUNS_A_BUILD = re.compile(r"\bmkdocs_build\(|\"mkdocs\"|\bproperdocs\b|build_site\.py|"
                          r"\bassert_check_and_build_agree\(|\bindex_site\(")
# Words one of which a text holds if RUNS_A_BUILD finds something in it: looked for first, as
# the regular expression costs a worker's start a few tenths of a second on every test's source.
BUILD_WORDS = ("mkdocs", "properdocs", "build_site.py", "assert_check_and_build_agree(", "index_site(")
# Modules whose tests build sites or search indexes through helpers the rule does not follow
# (scripts/build_site.py by a constant, a cache's builds), measured at 4-160 s a test.
SLOW_MODULES = {"test_build_site", "test_hostile_builds", "test_cache", "test_cache_robust",
                "test_search_index", "test_search_partitions", "test_import_corpus"}
# Tests that build nothing, yet cost the most of what was left, summed over their parameters
# (`pytest --durations=0 -m "not browser and not slow"`, 2 cores shared, 2 December 2026): each
# imports every corpus case again, asks Playwright, or starts `referat check` processes. What
# stays fast covers the same rules (a corpus case imports as written by hand, the check's errors).
SLOW_TESTS = {
    # 3 December 2026: what was left above 0.3 s of CPU once the caches' tests came.
    "test_pieces.py::test_a_rebuild_makes_no_piece_and_an_edit_only_the_edited_meeting_s",  # 0.4 s
    "test_pieces.py::test_a_file_saved_while_the_build_reads_it_is_not_taken_for_what_was_loaded",
    "test_importeval.py::test_every_corpus_document_has_source_address_and_expected_reading",
    "test_english.py::test_english_corrections_have_no_danish_words",  # 0.3 s
    "test_import.py::test_every_text_case_printed_to_pdf_imports_as_its_text",  # 11.6 s
    "test_import.py::test_every_text_case_saved_as_word_imports_as_its_text",  # 11 s
    "test_import.py::test_cli_all_imports_a_folder_with_progress",  # 1.3 s
    "test_import.py::test_a_pdf_imports_as_well_as_its_text",  # 0.7 s
    "test_import_hostile.py::test_work_past_the_time_limit_is_stopped",  # 1.0 s
    "test_import.py::test_draft_passes_referat_check_and_reads_back",  # 8.4 s
    "test_import.py::test_page_furniture_is_left_out_and_listed",  # 6.6 s
    "test_import.py::test_corpus_case_finds_its_body",  # 6.4 s
    "test_import.py::test_no_word_of_the_content_is_lost",  # 4.7 s
    "test_hostile_markdown.py::test_a_build_that_meets_recursion_prints_one_line",  # 4.5 s
    "test_hostile_markdown.py::test_a_megabyte_text_is_refused_at_its_field",  # 0.6 s
    "test_hostile_markdown.py::test_the_renderer_turns_recursion_into_an_error_naming_the_page",  # 0.4 s
    "test_chromium.py::test_playwrights_chromium_is_found_where_playwright_puts_it",  # 4.4 s
    "test_chromium.py::test_with_none_and_no_way_to_install_it_stops_within_seconds_with_one_line",
    "test_hostile_yaml.py::test_many_aliases_are_listed_up_to_a_limit_then_counted",  # 3.9 s
    "test_hostile_yaml.py::test_an_anchor_alone_is_harmless_and_read",  # 2.5 s
    "test_hostile_yaml.py::test_every_alias_is_refused_even_a_harmless_one",  # 2.0 s
    "test_readme.py::test_cog_finds_the_readme_current",  # 3.2 s
    "test_hostile_paths.py::test_an_attachment_beside_a_meetings_page_is_allowed",  # 2.5 s
    "test_hostile_paths.py::test_a_link_inside_the_body_folder_is_followed",  # 2.0 s
    "test_hostile.py::test_payloads_with_hidden_characters_are_refused_before_a_build",  # 2.1 s
    "test_hostile_encodings.py::test_the_list_of_invisible_characters_holds_every_format_character",
    "test_hostile_encodings.py::test_markdown_keeps_zero_width_characters_and_soft_hyphens",
    "test_hostile_encodings.py::test_many_invisible_characters_are_reported_up_to_a_limit",
    "test_hostile_encodings.py::test_a_reordering_character_in_markdown_is_an_error",
}


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    for item in items:
        if BROWSER_FIXTURES & set(getattr(item, "fixturenames", ())):
            item.add_marker(pytest.mark.browser)
        if is_slow(item):
            item.add_marker(pytest.mark.slow)


def is_slow(item: pytest.Item) -> bool:
    if getattr(getattr(item, "obj", None), "is_hypothesis_test", False):
        return True
    module = getattr(item, "module", None)
    if module is None:
        return False
    name = f"{item.path.name}::{getattr(item, 'originalname', item.name)}"
    return module.__name__ in SLOW_MODULES or name in SLOW_TESTS or builds_a_site(item)


def builds_a_site(item: pytest.Item) -> bool:
    """Whether a test, or a fixture it uses, builds a site."""
    info = getattr(item, "_fixtureinfo", None)
    fixtures = [d.func for ds in (info.name2fixturedefs.values() if info else ()) for d in ds]
    return any(builds(thing) for thing in [getattr(item, "obj", None), *fixtures])


@functools.cache
def builds(thing: object) -> bool:
    """Whether a function or class of tests/ builds a site: itself, or by calling a name of its
    own module that does (cached: a fixture is asked once, not once for each of its tests)."""
    text, module = source_of(thing)
    return bool(text) and (runs_a_build(text) or calls_one_of(building_names(module), text))


def runs_a_build(text: str) -> bool:
    return any(word in text for word in BUILD_WORDS) and RUNS_A_BUILD.search(text) is not None


def calls_one_of(names: frozenset[str] | set[str], text: str) -> bool:
    """Whether a text calls one of these names."""
    found = [name for name in names if f"{name}(" in text]
    return bool(found) and re.search(rf"\b(?:{'|'.join(map(re.escape, found))})\(", text) is not None


def source_of(thing: object) -> tuple[str, str]:
    """A function's or class's source and module name, nothing for what is not defined in tests/.
    Cut from the file by its code objects' lines: inspect.getsource tokenizes the file anew each
    time, and parsing every test file costs a second of each worker's start. A class is its
    methods (what a class body runs outside them builds nothing in tests/)."""
    thing = inspect.unwrap(thing) if callable(thing) else thing  # type: ignore[arg-type]
    thing = getattr(thing, "__func__", thing)  # a test method: its function
    module = getattr(thing, "__module__", None)
    if inspect.isclass(thing):
        members = (getattr(v, "__func__", None) or getattr(v, "fget", None) or v
                   for v in vars(thing).values())
        codes = [m.__code__ for m in members if inspect.isfunction(m)]
    else:
        codes = [code] if (code := getattr(thing, "__code__", None)) is not None else []
    codes = [code for code in codes if in_tests(code.co_filename)]  # builds start in tests/ code
    if not codes or not isinstance(module, str):
        return "", ""
    lines = linecache.getlines(codes[0].co_filename)
    return "\n".join("".join(lines[c.co_firstlineno - 1:last_line(c)]) for c in codes), module


def last_line(code: CodeType) -> int:
    """The last line of a function: of its code and of the functions and lambdas inside it."""
    ends = [line for _, _, line in code.co_lines() if line is not None]
    inner = [last_line(c) for c in code.co_consts if isinstance(c, CodeType)]
    return max([code.co_firstlineno, *ends, *inner])


@functools.cache
def in_tests(filename: str) -> bool:
    return Path(filename).resolve().parent == TESTS


ASKING: set[str] = set()  # modules whose building names are being found (helpers may import each other)


@functools.cache
def building_names(module: str) -> frozenset[str]:
    """Names in a module of tests/ of the functions and classes that build a site: directly, by
    calling another such name, or (imported from a helper module) as that module found."""
    ASKING.add(module)
    try:
        values = {name: value for name, value in vars(sys.modules[module]).items()
                  if inspect.isfunction(value) or inspect.isclass(value)}
        sources = {name: found for name, value in values.items() if (found := source_of(value))[0]}
        found = {name for name, (text, home) in sources.items() if runs_a_build(text) or
                 home != module and home not in ASKING and values[name].__name__ in building_names(home)}
    finally:
        ASKING.discard(module)
    while True:
        more = {name for name, (text, _) in sources.items()
                if name not in found and calls_one_of(found, text)}
        if not more:
            return frozenset(found)
        found |= more


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption("--update-golden", action="store_true",
                     help="Rewrite golden files with what the code produces now (`make golden`).")


class Golden:
    """Compares a text with tests/golden/<name>, or rewrites it with --update-golden."""

    def __init__(self, update: bool) -> None:
        self.update = update

    def check(self, name: str, actual: str) -> None:
        path = GOLDEN / name
        if self.update:
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(actual, encoding="utf-8")
            return
        assert path.is_file(), f"no golden file {path}; run `make golden` and review it"
        expected = path.read_text(encoding="utf-8")
        assert actual == expected, f"{name} differs from its golden file; if intended, `make golden`"


@pytest.fixture
def golden(request: pytest.FixtureRequest) -> Golden:
    return Golden(request.config.getoption("--update-golden"))


@pytest.fixture(scope="session")
def example(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The example site, built once per test run with `mkdocs build --strict`."""
    site = tmp_path_factory.mktemp("example") / "site"
    result = mkdocs_build(site)
    assert result.returncode == 0, result.stderr
    return site


@pytest.fixture(scope="session")
def git_builds(tmp_path_factory: pytest.TempPathFactory) -> Builds:
    """tests/git_site.py's repository built with MkDocs before and after its correction, once per
    run for the feed, calendar and corrections tests (two builds: 4 CPU seconds)."""
    return build_twice(tmp_path_factory.mktemp("git-builds"))


@pytest.fixture(scope="session")
def git_outputs(tmp_path_factory: pytest.TempPathFactory) -> Builds:
    """The same repository's feeds, calendars and data files, made by the engine alone: for the
    tests that read only those files (they are published as they are; test_feeds.py checks)."""
    return make_twice(tmp_path_factory.mktemp("git-outputs"))


@pytest.fixture(scope="session")
def base_url(example: Path) -> Iterator[str]:
    """The example site served on localhost."""
    with serve(example) as url:
        yield url


@pytest.fixture(scope="session")
def browser() -> Iterator[Browser]:
    """The Chromium that tests/chromium.py finds (as `make test` does), driven by Playwright."""
    try:
        found = chromium.find()
    except chromium.NoChromium as problem:
        pytest.fail(str(problem), pytrace=False)
    if found is None:
        pytest.fail(chromium.MISSING, pytrace=False)
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=found.path, args=CHROMIUM_ARGS)
        yield browser
        browser.close()


@pytest.fixture
def page(browser: Browser) -> Iterator[Page]:
    """A fresh browser tab that fails the test on a script error or a request that fails."""
    context = browser.new_context()
    tab = context.new_page()
    problems: list[str] = []
    tab.on("pageerror", lambda error: problems.append(f"script error: {error}"))
    def failed(request: Request) -> None:
        # Leaving a page aborts its background loading; that is not a failure of the site.
        if request.failure != "net::ERR_ABORTED":
            problems.append(f"request failed: {request.url} ({request.failure})")

    tab.on("requestfailed", failed)
    yield tab
    context.close()
    assert problems == []
