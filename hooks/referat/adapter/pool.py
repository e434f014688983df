"""Render the engine's pages into the theme's shell in a pool of processes, one per core.

Each worker is forked from the build once it has read every page MkDocs builds itself, so it
starts with the loaded configuration, theme, files and nav, and renders a page the way MkDocs
does (`_populate_page`, then what `_build_page` does before writing): the same plugin events, the
same Markdown extensions, the same template and context, so the same HTML (the one difference:
the metadata is handed over as it is, not written as YAML front matter to be parsed back). Two
things are done once per process instead of once per page, with the same result: the Markdown
instance (convert.py) and the parts of the theme's shell that are the same on every engine page,
such as the nav (shared.py). Pages go to the workers in chunks; each rendered page is written
into the cache, and only its key comes back. What a page logs (a link MkDocs does not recognise,
say) is sent back and logged by the build, so `--strict` counts it; a page that fails is named,
and the build stops before it writes the site.
"""

from __future__ import annotations

import gc
import json
import logging
import multiprocessing
import os
from collections.abc import Iterator, Sequence
from concurrent.futures import ProcessPoolExecutor, as_completed
from concurrent.futures.process import BrokenProcessPool
from contextlib import contextmanager
from dataclasses import dataclass
from functools import cached_property
from typing import Any

import jinja2
from mkdocs.commands.build import get_context
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import File, Files, InclusionLevel
from mkdocs.structure.nav import Navigation
from mkdocs.structure.pages import Page

from ..cache import Cache
from .convert import PageMarkdown
from .shared import SharedParts

log = logging.getLogger("mkdocs.referat")
CHUNK = 64  # pages a worker renders per round trip
# Fewer pages than this are rendered in the build's own process: forking the workers from a build
# that holds a large archive costs more than rendering a correction's few pages (about 20 ms each).
SERIAL = 48
NAMESPACE = "pages"
HTML, WARNINGS = ".html", ".warnings.json"


@dataclass(frozen=True)
class Job:
    path: str
    markdown: str
    meta: dict[str, Any]  # what MkDocs would read from the page's front matter
    edit_uri: str | None
    key: str


@dataclass(frozen=True)
class Rendered:
    path: str
    key: str
    messages: tuple[tuple[int, str, str], ...] = ()  # (level, logger, message) the page logged
    error: str | None = None


@dataclass
class Shell:
    """What every render needs, loaded once by the build and inherited by each worker."""

    config: MkDocsConfig
    files: Files
    doc_files: Sequence[File]  # MkDocs' own pages, as its templates see them (`pages`)
    nav: Navigation
    env: jinja2.Environment
    cache: Cache

    @cached_property
    def markdown(self) -> PageMarkdown:
        """One Markdown instance for every page this process renders (convert.py)."""
        return PageMarkdown(self.config)

    @cached_property
    def parts(self) -> SharedParts:
        """The parts of the shell the engine's pages share (shared.py)."""
        return SharedParts(self.env)


class RenderError(Exception):
    """Pages could not be rendered; the message names each of them."""


SHELL: Shell | None = None  # set by the build before it forks its workers


class Collector(logging.Handler):
    """Keeps what a page logs, to send it back to the build."""

    def __init__(self) -> None:
        super().__init__(logging.INFO)
        self.records: list[logging.LogRecord] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.records.append(record)


COLLECTOR = Collector()


def start_worker() -> None:
    """A worker's log goes back to the build, not to the terminal a second time."""
    mkdocs_log = logging.getLogger("mkdocs")
    mkdocs_log.handlers = [COLLECTOR]
    mkdocs_log.propagate = False


@contextmanager
def collecting() -> Iterator[None]:
    """In the build's own process: what pages log is collected as a worker's is (and kept in
    the cache with the page), then logged by the build once they are rendered."""
    mkdocs_log = logging.getLogger("mkdocs")
    handlers, propagate = mkdocs_log.handlers, mkdocs_log.propagate
    start_worker()
    try:
        yield
    finally:
        mkdocs_log.handlers, mkdocs_log.propagate = handlers, propagate


def render_pages(shell: Shell, jobs: Sequence[Job], workers: int) -> list[Rendered]:
    """Render every job into the cache; the results in the jobs' order."""
    global SHELL
    SHELL = shell
    with shell.parts.installed():
        if workers <= 1 or len(jobs) <= SERIAL:
            with collecting():
                return [render_one(job) for job in jobs]
        # The first page is rendered here, so that each worker starts with the templates
        # compiled and the shared partials rendered, instead of doing both again.
        with collecting():
            first = render_one(jobs[0])
        return [first, *render_in_pool(jobs[1:], workers)]


def render_in_pool(jobs: Sequence[Job], workers: int) -> list[Rendered]:
    done: list[Rendered] = []
    # The workers share the build's objects copy-on-write; frozen, the collector of each worker
    # leaves them alone instead of walking (and so copying) them all.
    gc.freeze()
    context = multiprocessing.get_context("fork")  # workers inherit the loaded shell
    with ProcessPoolExecutor(workers, mp_context=context, initializer=start_worker) as pool:
        futures = {pool.submit(render_chunk, chunk): chunk for chunk in chunks(jobs, workers)}
        for future in as_completed(futures):
            try:
                done.extend(future.result())
            except BrokenProcessPool as error:
                chunk = futures[future]
                raise RenderError(f"a worker stopped while rendering {chunk[0].path} … "
                                  f"{chunk[-1].path}: {error}") from None
            progress(len(done) + 1, len(jobs) + 1)  # and the first, rendered before
    order = {job.path: i for i, job in enumerate(jobs)}
    return sorted(done, key=lambda r: order[r.path])


def chunks(jobs: Sequence[Job], workers: int) -> Iterator[Sequence[Job]]:
    """Chunks of at most CHUNK pages, at least four per worker so the cores finish together."""
    size = max(1, min(CHUNK, -(-len(jobs) // (workers * 4))))
    for start in range(0, len(jobs), size):
        yield jobs[start:start + size]


def progress(done: int, total: int) -> None:
    step = max(CHUNK, total // 10 // CHUNK * CHUNK)
    if total >= 2000 and done % step < CHUNK and done < total:
        log.info(f"referat: rendered {done:,} of {total:,} pages")


def render_chunk(jobs: Sequence[Job]) -> list[Rendered]:
    return [render_one(job) for job in jobs]


def render_one(job: Job) -> Rendered:
    """Render one page into the cache; what it logged, or what went wrong, comes back."""
    assert SHELL is not None
    start = len(COLLECTOR.records)
    try:
        html = render_html(SHELL, job)
    except Exception as error:  # a page that fails must not stop the others' report
        del COLLECTOR.records[start:]
        return Rendered(job.path, job.key, error=f"{type(error).__name__}: {error}")
    messages = tuple((r.levelno, r.name, r.getMessage()) for r in COLLECTOR.records[start:])
    del COLLECTOR.records[start:]
    if messages:
        SHELL.cache.write(NAMESPACE, job.key, json.dumps(messages).encode(), WARNINGS)
    SHELL.cache.write(NAMESPACE, job.key, html, HTML)
    return Rendered(job.path, job.key, messages)


def render_html(shell: Shell, job: Job) -> bytes:
    """The page as MkDocs' `_build_page` would write it."""
    config, nav = shell.config, shell.nav
    file = File.generated(config, job.path, content=job.markdown,
                          inclusion=InclusionLevel.NOT_IN_NAV)
    file.edit_uri = job.edit_uri
    page = Page(None, file, config)
    config._current_page = page
    try:
        populate(page, job, shell)
        page.active = True
        context = get_context(nav, shell.doc_files, config, page)
        template = shell.env.get_template(page.meta.get("template", "main.html"))
        context = config.plugins.on_page_context(context, page=page, config=config, nav=nav)
        output = config.plugins.on_post_page(template.render(context), page=page, config=config)
    finally:
        page.active = False
        config._current_page = None
    return output.encode("utf-8", errors="xmlcharrefreplace")


def populate(page: Page, job: Job, shell: Shell) -> None:
    """What MkDocs' `_populate_page` does, with the page's source and metadata given rather than
    read back from YAML front matter (the same values; it saves a YAML dump and parse a page)."""
    config, files = shell.config, shell.files
    page = config.plugins.on_pre_page(page, config=config, files=files)
    page.markdown, page.meta = job.markdown, dict(job.meta)
    page.markdown = config.plugins.on_page_markdown(page.markdown, page=page, config=config,
                                                    files=files)
    shell.markdown.render(page, files)  # what `page.render(config, files)` does
    page.content = config.plugins.on_page_content(page.content or "", page=page, config=config,
                                                  files=files)


def cached_messages(cache: Cache, key: str) -> tuple[tuple[int, str, str], ...] | None:
    """A cached page's logged messages (empty if none), or None when the page is not cached."""
    if not cache.has(NAMESPACE, key, HTML):
        return None
    data = cache.read(NAMESPACE, key, WARNINGS)
    return tuple(tuple(m) for m in json.loads(data)) if data else ()


def workers(setting: str | int | None) -> int:
    """Worker processes: the setting, or every core this process may use."""
    if setting and int(setting) > 0:
        return int(setting)
    return len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count() or 1
