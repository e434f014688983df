"""Search figures for a built site: the size of its Pagefind bundles, and first queries in Chromium.

``index_sizes(site)`` needs only the file system. ``measure_search(site)`` serves the site on
localhost, opens ``/soeg/?q=WORD`` in a fresh browser context (empty cache) of Debian's chromium
for each word, and reports the bytes loaded and the milliseconds to the first result, cold and
for a second query on the same page. Playwright is imported only when the browser is needed.
"""

from __future__ import annotations

import gzip
import importlib.util
import os
import statistics
import sys
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from functools import partial
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any
from urllib.parse import quote, unquote, urlsplit

# The browser tests' lookup (CHROMIUM, Debian's, Playwright's), so the benchmark drives the same one.
CHROMIUM_LOOKUP = Path(__file__).resolve().parent.parent / "tests" / "chromium.py"
# As in tests/browser.py: without these, chromium tries to reach Google's hosts at start.
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync", "--no-first-run"]  # fmt: skip
BUNDLES = ("pagefind", "pagefind-beslutninger")  # the site's search bundles, under the site folder
SEARCH_PAGE = "soeg/"
# Inflected forms from bench/vocabulary.py that occur in every synthetic archive.
WORDS = ("budgettet", "lokalplanen", "høringssvarene")
TIMEOUT_MS = 120_000  # for one query; a 50,000-item index on a busy 2-CPU machine is slow

# Records performance.now() when the first result (<li>) appears in #referat-results, and when
# the filters with their counts appear in #referat-filters (the search page has then finished).
FIRST_RESULT_JS = """
(() => {
  const bench = window.__referatBench = { first: null, filters: null };
  const observer = new MutationObserver(() => {
    const list = document.getElementById("referat-results");
    if (bench.first === null && list && list.querySelector(":scope > li")) {
      bench.first = performance.now();
    }
    const filters = document.getElementById("referat-filters");
    if (bench.filters === null && filters && filters.firstElementChild) {
      bench.filters = performance.now();
    }
    if (bench.first !== null && bench.filters !== null) observer.disconnect();
  });
  observer.observe(document, { childList: true, subtree: true });
})();
"""

# What the cold query measured, read once the first result is on the page.
READ_COLD_JS = """
() => {
  const nav = performance.getEntriesByType("navigation")[0];
  return { first: window.__referatBench.first, filters: window.__referatBench.filters,
           dcl: nav.domContentLoadedEventEnd,
           count: document.getElementById("referat-count").textContent };
}
"""

# A second query on the same page, as if the word were pasted into the box (one input event):
# milliseconds from the event to the first new result.
WARM_QUERY_JS = """
async ([word, timeout]) => {
  const list = document.getElementById("referat-results");
  const input = document.getElementById("referat-q");
  return await new Promise((resolve, reject) => {
    let started = 0;
    const observer = new MutationObserver((records) => {
      if (records.some((r) => [...r.addedNodes].some((n) => n.nodeName === "LI"))) {
        observer.disconnect();
        resolve({ ms: performance.now() - started,
                  count: document.getElementById("referat-count").textContent });
      }
    });
    observer.observe(list, { childList: true });
    setTimeout(() => { observer.disconnect(); reject(new Error(`no results for ${word}`)); }, timeout);
    started = performance.now();
    input.value = word;
    input.dispatchEvent(new Event("input", { bubbles: true }));
  });
}
"""


# Resource timings of a page or of its worker (Pagefind searches in a Web Worker), with the
# time origin, so that the worker's times can be put on the page's clock.
TIMELINE_JS = """
() => ({ origin: performance.timeOrigin,
         entries: performance.getEntriesByType("resource").map(
           (e) => [new URL(e.name).pathname, e.startTime, e.responseEnd]) })
"""
# The order Pagefind loads its files in; "search" is when the first fragment was asked for, so
# the time between "index" and "search" is the search itself, in the worker's WebAssembly.
PHASES = ("manifest", "code", "entry", "meta", "filter", "index", "search", "fragment")


class SearchFailed(Exception):
    """The search page showed no results, or the browser could not run."""


# --------------------------------------------------------------------------------------------
# The bundles on disk
# --------------------------------------------------------------------------------------------


@dataclass
class Bundle:
    """One Pagefind bundle on disk."""

    bytes: int
    files: int
    fragments: int  # pf_fragment files: one per indexed page or record
    index_chunks: int  # pf_index files: the word index, split by word range


def index_sizes(site: Path) -> dict[str, Bundle]:
    """Size and file counts of each search bundle in a built site (missing bundles left out)."""
    sizes = {}
    for name in BUNDLES:
        folder = site / name
        if not folder.is_dir():
            continue
        bundle = Bundle(0, 0, 0, 0)
        for parent, _, files in os.walk(folder):
            for file in files:
                bundle.bytes += os.path.getsize(os.path.join(parent, file))
                bundle.files += 1
                bundle.fragments += file.endswith(".pf_fragment")
                bundle.index_chunks += file.endswith(".pf_index")
        sizes[name] = bundle
    return sizes


# --------------------------------------------------------------------------------------------
# Serving the site
# --------------------------------------------------------------------------------------------


class CountingServer(ThreadingHTTPServer):
    """A localhost server that remembers the bytes of every file body it sent."""

    daemon_threads = True

    def __init__(self, folder: Path) -> None:
        super().__init__(("127.0.0.1", 0), partial(CountingHandler, directory=str(folder)))
        self.sent: list[tuple[str, int]] = []
        self.lock = threading.Lock()


class CountingHandler(SimpleHTTPRequestHandler):
    """Static files over HTTP/1.1 with keep-alive, like a real server; no compression."""

    protocol_version = "HTTP/1.1"
    server: CountingServer

    def copyfile(self, source: Any, outputfile: Any) -> None:
        super().copyfile(source, outputfile)
        with self.server.lock:
            self.server.sent.append((urlsplit(self.path).path, source.tell()))

    def log_message(self, format: str, *args: object) -> None:  # noqa: A002 (the base's name)
        pass


@contextmanager
def serve(folder: Path) -> Iterator[tuple[str, CountingServer]]:
    """Serve a folder on a free localhost port; yields its base URL and the server."""
    server = CountingServer(folder)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/", server
    finally:
        server.shutdown()
        server.server_close()


# --------------------------------------------------------------------------------------------
# Queries in the browser
# --------------------------------------------------------------------------------------------


def kind(path: str) -> str:
    """What a requested path is: a Pagefind file by its role, or 'page' for the page itself."""
    parts = path.lstrip("/").split("/")
    if parts[0] not in BUNDLES:
        return "page"
    name = parts[-1]
    if name == "manifest.json":
        return "manifest"  # the list of the site's bundles, read before any of them
    if name == "pagefind-entry.json":
        return "entry"  # a bundle's languages and the name of its meta file
    for suffix, label in ((".pf_fragment", "fragment"), (".pf_index", "index"),
                          (".pf_filter", "filter"), (".pf_meta", "meta")):  # fmt: skip
        if name.endswith(suffix):
            return label
    return "code"  # pagefind.js, the worker, the WebAssembly


@dataclass
class Query:
    """One word searched on a fresh page, then a second word on the same page."""

    word: str
    count: str  # the page's result line, e.g. "1.234 resultater for »budgettet«."
    first_ms: float  # DOMContentLoaded -> first result
    done_ms: float | None  # DOMContentLoaded -> the filters with their counts are on the page
    nav_ms: float  # navigation start -> first result
    search_bytes: int  # bodies under /pagefind*/ for the first query
    search_gzip: int  # the same from a server that gzips (Pagefind's own files barely shrink)
    before_first: int  # the search bytes that had arrived when the first result appeared
    search_requests: int
    by_kind: dict[str, int]  # search bytes by kind: code, meta, index, filter, fragment
    page_bytes: int  # the page's own HTML, CSS, JS and images
    page_gzip: int  # the same, gzip-compressed as a web server would send it
    page_requests: int
    phases: dict[str, float]  # ms after DOMContentLoaded when each kind's last file had arrived
    # (and "search": when the first fragment was asked for)
    warm_word: str
    warm_ms: float
    warm_bytes: int  # more search bytes for the second query
    warm_count: str
    server_search_bytes: int  # the server's own count, as a check on the browser's


@dataclass
class SearchFigures:
    """All queries on one site, and the medians over the words."""

    queries: list[Query] = field(default_factory=list)

    def median(self, attribute: str) -> float:
        """The median over the words (NaN if no word has the figure)."""
        values = [v for q in self.queries if (v := getattr(q, attribute)) is not None]
        return statistics.median(values) if values else float("nan")

    def most(self, attribute: str) -> float:
        return max(getattr(q, attribute) for q in self.queries)


def chromium_lookup() -> Any:
    """tests/chromium.py as a module (the tests' folder is not a package)."""
    spec = importlib.util.spec_from_file_location("referat_tests_chromium", CHROMIUM_LOOKUP)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # its dataclasses look their module up there
    spec.loader.exec_module(module)
    return module


def chromium() -> Path | None:
    """The Chromium the browser tests drive, or None."""
    lookup = chromium_lookup()
    try:
        found = lookup.find()
    except lookup.NoChromium:
        return None
    return None if found is None else Path(found.path)


def problem() -> str | None:
    """Why the browser part cannot run, or None."""
    if chromium() is None:
        return ("no Chromium, so the search figures cannot be measured: run "
                "`python tests/chromium.py --install` (or set CHROMIUM), or pass --skip-search")
    try:
        import playwright.sync_api  # noqa: F401
    except ImportError:
        return "Playwright is not installed for this Python (pip install -e '.[test]'), or pass --skip-search"
    return None


def body_size(request: Any) -> int:
    """Bytes of a finished request's response body, as transferred."""
    try:
        size = int(request.sizes()["responseBodySize"])
    except Exception:  # noqa: BLE001 (fall back to the body itself)
        size = 0
    if size > 0:
        return size
    # Chromium reports 0 for a worker's script (pagefind-worker.js): count the body itself.
    try:
        response = request.response()
        return len(response.body()) if response else 0
    except Exception:  # noqa: BLE001 (a body the browser no longer holds)
        return 0


def on_disk(site: Path, path: str) -> Path:
    """The file a URL path was served from."""
    file = site / unquote(path).lstrip("/")
    return file / "index.html" if file.is_dir() else file


def measure_search(site: Path, words: tuple[str, ...] = WORDS, log: Any = print) -> SearchFigures:
    """Search each word on /soeg/ of the built site in a fresh browser context; see the module."""
    from playwright.sync_api import Error as PlaywrightError
    from playwright.sync_api import sync_playwright

    figures = SearchFigures()
    with serve(site) as (base, server), sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(chromium()), args=CHROMIUM_ARGS)
        try:
            warm_up(browser, base)
            for i, word in enumerate(words):
                second = words[(i + 1) % len(words)]
                try:
                    query = one_query(browser, base, server, site, word, second)
                except PlaywrightError as error:
                    raise SearchFailed(f"searching {word!r} on {base}{SEARCH_PAGE}: {error}") from error
                log(describe(query))
                figures.queries.append(query)
        finally:
            browser.close()
    return figures


def warm_up(browser: Any, base: str) -> None:
    """Open the front page once, so the browser's own start is not counted in the first word."""
    context = browser.new_context()
    context.new_page().goto(base, wait_until="load")
    context.close()


def one_query(browser: Any, base: str, server: CountingServer, site: Path, word: str,
              second: str) -> Query:  # fmt: skip
    """A cold query on a fresh page, then a warm one on the same page."""
    from playwright.sync_api import TimeoutError as PlaywrightTimeout

    context = browser.new_context()  # a new context has an empty cache
    finished: list[Any] = []
    problems: list[str] = []
    context.on("requestfinished", lambda r: finished.append(r))
    context.on("requestfailed", lambda r: problems.append(f"request failed: {r.url}"))
    try:
        page = context.new_page()
        page.on("pageerror", lambda e: problems.append(f"script error: {e}"))
        page.add_init_script(FIRST_RESULT_JS)
        with server.lock:
            server.sent.clear()
        page.goto(f"{base}{SEARCH_PAGE}?q={quote(word)}", wait_until="domcontentloaded")
        try:
            page.wait_for_function("window.__referatBench.first !== null", timeout=TIMEOUT_MS)
        except Exception as error:
            count = page.locator("#referat-count").text_content() or ""
            raise SearchFailed(f"no result for {word!r} within {TIMEOUT_MS} ms "
                               f"(the page says {count!r}; {'; '.join(problems)})") from error
        try:  # the warm query starts once the first has finished, filter counts and all
            page.wait_for_function("window.__referatBench.filters !== null", timeout=TIMEOUT_MS)
        except PlaywrightTimeout:
            problems.append(f"no filters on the page within {TIMEOUT_MS} ms")
        page.wait_for_load_state("networkidle")
        cold = page.evaluate(READ_COLD_JS)
        cold["phases"], cold["arrived"] = phases(page, cold["dcl"], cold["first"])
        cold_requests = list(finished)
        with server.lock:
            server_search = sum(n for path, n in server.sent if kind(path) != "page")
        warm = page.evaluate(WARM_QUERY_JS, [second, TIMEOUT_MS])
        page.wait_for_timeout(200)  # let late fragment requests finish before counting them
        warm_requests = finished[len(cold_requests):]
        if problems:
            raise SearchFailed(f"searching {word!r}: {'; '.join(problems)}")
        return tally(site, word, cold, cold_requests, warm, second, warm_requests, server_search)
    finally:
        context.close()


def tally(site: Path, word: str, cold: dict[str, Any], cold_requests: list[Any],
          warm: dict[str, Any], second: str, warm_requests: list[Any],
          server_search: int) -> Query:  # fmt: skip
    """Sum the requests of one query by kind."""
    by_kind: dict[str, int] = {}
    page_bytes = page_gzip = page_requests = search_requests = search_gzip = before_first = 0
    for request in cold_requests:
        path = urlsplit(request.url).path
        size = body_size(request)
        what = kind(path)
        if what == "page":
            page_bytes += size
            page_requests += 1
            page_gzip += gzipped(site, path, size)
        else:
            by_kind[what] = by_kind.get(what, 0) + size
            search_requests += 1
            search_gzip += gzipped(site, path, size)
            before_first += size if path in cold["arrived"] else 0
    warm_bytes = sum(body_size(r) for r in warm_requests if kind(urlsplit(r.url).path) != "page")
    return Query(
        word=word, count=cold["count"], first_ms=cold["first"] - cold["dcl"], nav_ms=cold["first"],
        done_ms=None if cold["filters"] is None else cold["filters"] - cold["dcl"],
        search_bytes=sum(by_kind.values()), search_gzip=search_gzip, before_first=before_first,
        search_requests=search_requests, by_kind=by_kind,
        page_bytes=page_bytes, page_gzip=page_gzip, page_requests=page_requests,
        phases=cold["phases"],
        warm_word=second, warm_ms=warm["ms"], warm_bytes=warm_bytes, warm_count=warm["count"],
        server_search_bytes=server_search,
    )  # fmt: skip


def phases(page: Any, dcl: float, first: float) -> tuple[dict[str, float], set[str]]:
    """When the last search file of each kind had arrived, in ms after DOMContentLoaded, and
    the paths of the search files that had arrived when the first result appeared.

    Read from the resource timings of the page and of its workers; a kind that loads in
    several steps (filters, then index chunks, then fragments) shows where the time goes.
    """
    arrived: set[str] = set()
    timelines = [page.evaluate(TIMELINE_JS)]
    mine = timelines[0]["origin"]
    for worker in page.workers:
        try:
            timelines.append(worker.evaluate(TIMELINE_JS))
        except Exception:  # noqa: BLE001 (a worker that has ended has no timeline)
            continue
    ends: dict[str, float] = {}
    for timeline in timelines:
        shift = timeline["origin"] - mine
        for path, start, end in timeline["entries"]:
            what = kind(path)
            if what != "page":
                ends[what] = max(ends.get(what, 0.0), end + shift - dcl)
                if end + shift <= first:
                    arrived.add(path)
            if what == "fragment":
                ends["search"] = min(ends.get("search", float("inf")), start + shift - dcl)
    return {k: ends[k] for k in PHASES if k in ends}, arrived


def gzipped(site: Path, path: str, size: int) -> int:
    """Bytes of a served file when a web server gzips it, if that is smaller."""
    file = on_disk(site, path)
    return min(size, len(gzip.compress(file.read_bytes(), 6))) if file.is_file() else size


def describe(q: Query) -> str:
    """One query in words, for the progress log."""
    parts = ", ".join(f"{k} {v / 1000:.1f}" for k, v in sorted(q.by_kind.items()))
    check = "" if q.server_search_bytes == q.search_bytes else (
        f" (server sent {q.server_search_bytes / 1000:.1f} KB)")
    steps = ", ".join(f"{k} {v:.0f}" for k, v in q.phases.items())
    done = "" if q.done_ms is None else f", filter counts at {q.done_ms:.0f} ms"
    return (f"{q.word!r}: {q.count.strip()} first result {q.first_ms:.0f} ms after "
            f"DOMContentLoaded ({q.nav_ms:.0f} ms after navigation start){done}; search "
            f"{q.search_bytes / 1000:.1f} KB ({q.search_gzip / 1000:.1f} KB gzip; "
            f"{q.before_first / 1000:.1f} KB by the first result) in "
            f"{q.search_requests} requests{check} [{parts}]; "
            f"page {q.page_bytes / 1000:.1f} KB ({q.page_gzip / 1000:.1f} KB gzip) in "
            f"{q.page_requests} requests; ms after DOMContentLoaded when the last file of each "
            f"kind had arrived (search: first fragment asked for): "
            f"{steps}; then {q.warm_word!r} in {q.warm_ms:.0f} ms, "
            f"+{q.warm_bytes / 1000:.1f} KB")
