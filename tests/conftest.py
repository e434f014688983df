"""Shared test tools: golden files and the example project's folders."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from playwright.sync_api import Browser, Page, Request, sync_playwright

import chromium
from browser import CHROMIUM_ARGS, serve
from sites import mkdocs_build

ROOT = Path(__file__).resolve().parent.parent
GOLDEN = Path(__file__).resolve().parent / "golden"
FIXTURES = Path(__file__).resolve().parent / "fixtures"


# A test that uses one of these fixtures drives Chromium: it gets the `browser` marker, so that
# `make check` can leave it out (`pytest -m "not browser and not slow"`).
BROWSER_FIXTURES = {"browser", "page", "base_url"}
# Tests that cost several CPU seconds each get the `slow` marker: `make test` runs them, `make check`
# does not. Hypothesis's property tests (hundreds of examples each), and test_hostile.py's two sites
# of 70 bodies built with MkDocs (its `hostile` and `clean` fixtures), measured at 10 s each.
SLOW_FIXTURES = {"hostile", "clean"}


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    for item in items:
        fixtures = set(getattr(item, "fixturenames", ()))
        if BROWSER_FIXTURES & fixtures:
            item.add_marker(pytest.mark.browser)
        is_property = getattr(getattr(item, "obj", None), "is_hypothesis_test", False)
        if is_property or (SLOW_FIXTURES & fixtures and item.path.name == "test_hostile.py"):
            item.add_marker(pytest.mark.slow)


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
