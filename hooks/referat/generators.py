"""The registry of output generators: one generator per kind of output (pages, search records,
files to copy; feeds, calendars and data files register the same way). The engine runs them in
registration order; a generator may read what earlier ones made."""

from __future__ import annotations

import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from functools import partial
from pathlib import Path
from typing import Any

from . import ahead, paths, urls
from .cache import Cache
from .catalog import Catalog
from .corrections import History
from .follow import Follow
from .outputs import DecisionRecord, FileCopy, Output, PageOutput, TextOutput
from .page_cache import PageCache
from .pagekinds import PageContext, make_pages
from .settings import DEFAULT_LICENCE, Licence


@dataclass
class Run:
    """One engine run: its inputs, and the outputs made so far."""

    catalog: Catalog
    meetings: Path
    site_name: str
    outputs: list[Output] = field(default_factory=list)
    spent: dict[str, float] = field(default_factory=dict)  # CPU seconds per generator (run_all)
    site_url: str = ""  # the site's address on the web, for feeds' links ('' when not known)
    licence: Licence = DEFAULT_LICENCE  # extra.referat.licence, carried by every data file
    repo_url: str = ""  # the repository's address, for links to the diffs of corrections
    history: History = field(default_factory=History)  # the meeting files' git history
    cache: Cache | None = None  # where generators keep what they made, by a digest of its inputs
    member_pages: bool = True  # extra.referat.member_pages (a body.yml can turn its own off)
    memo: dict[str, Any] = field(default_factory=dict)  # what generators share in one run (pieces.py)

    def of(self, kind: type) -> list:  # type: ignore[type-arg]
        return [o for o in self.outputs if isinstance(o, kind)]


@dataclass(frozen=True)
class Generator:
    name: str
    makes: type
    generate: Callable[[Run], Sequence[Output]]
    ahead: bool = False  # reads only the catalog and the files to copy (ahead.py)


GENERATORS: list[Generator] = []
FILES = "files"  # the generator of the files to copy, after which those `ahead` may run


def generator(name: str, makes: type, ahead: bool = False
              ) -> Callable[[Callable[[Run], Sequence[Output]]], Callable[[Run], Sequence[Output]]]:
    """Register a generator of one kind of output; adding one is one registration. `ahead`: it
    reads no other generator's outputs but the files to copy, so a cold build may run it in a
    process of its own while the pages are made (ahead.py)."""
    def register(generate: Callable[[Run], Sequence[Output]]) -> Callable[[Run], Sequence[Output]]:
        if any(g.name == name for g in GENERATORS):
            raise ValueError(f"generator {name!r} is registered twice")
        GENERATORS.append(Generator(name, makes, generate, ahead))
        return generate
    return register


def cached_text(run: Run, namespace: str, key: str, make: Callable[[], str]) -> str:
    """A whole file's text from the run's cache, or made and kept there; `key` is the digest of
    exactly what the file shows."""
    if run.cache is not None and (found := run.cache.read(namespace, key)) is not None:
        return found.decode("utf-8")
    text = make()
    if run.cache is not None:
        run.cache.write(namespace, key, text.encode("utf-8"))
    return text


def kept_text(run: Run, known: str, text: str) -> str | None:
    """A whole file's text kept in the run's cache's texts under its digest (`known`): None,
    and only the digest is held; without a cache, the text itself."""
    if run.cache is None:
        return text
    run.cache.keep_text(known, text)
    return None


def text_output(run: Run, path: str, text: str | None, media_type: str, known: str) -> TextOutput:
    """A whole file, held (`text`), or read from the run's cache's texts when it was kept there
    (`kept_text` gave None)."""
    if text is not None:
        return TextOutput(path, text, media_type, known)
    assert run.cache is not None  # a text is kept only in a cache (kept_text)
    return TextOutput(path, "", media_type, known, partial(run.cache.text, known))


def run_all(run: Run) -> list[Output]:
    """Every generator in turn; the CPU seconds each took are kept in `run.spent`. In a cold build
    those registered `ahead` first run in a child process beside the pages (ahead.py)."""
    child = None
    for each in GENERATORS:
        if each.ahead:
            ahead.wait(child)
            child = None
        started = time.process_time()
        run.outputs.extend(each.generate(run))
        run.spent[each.name] = time.process_time() - started
        if each.name == FILES:
            child = ahead.start(run, [g.generate for g in GENERATORS if g.ahead])
    ahead.wait(child)
    return run.outputs


@generator("files", FileCopy)
def attachment_files(run: Run) -> Sequence[Output]:
    """The attachment files to copy into the site (a closed punkt publishes none)."""
    return [FileCopy(paths.attachment(m, a.file), run.meetings / m.body.slug / a.file)
            for m in run.catalog.archive.meetings for i in m.items if not i.closed
            for a in i.attachments if a.file]


@generator("pages", PageOutput)
def pages(run: Run) -> Sequence[Output]:
    """Every page, with its follow annotations; with a cache, a meeting's pages come from it
    while nothing they read has changed (page_cache.py)."""
    files = {copy.path: copy for copy in run.of(FileCopy)}
    follow = Follow(run.catalog, run.history, run.repo_url)
    kept = None if run.cache is None else PageCache(
        run.cache, run.catalog, files, follow.feeds, run.history, run.repo_url)
    return make_pages(PageContext(run.catalog, run.site_name, files, run.member_pages),
                      follow.annotate, kept.keep if kept else None,
                      kept.keep_group if kept else None)


@generator("decisions", DecisionRecord)
def decisions(run: Run) -> Sequence[Output]:
    """Each punkt's decision as a search record of its own, linking to the punkt's page."""
    return [DecisionRecord(urls.root_url(page.path), page.search, page.digest or "")
            for page in run.of(PageOutput) if page.search is not None and page.search.decision]


# Whole-file outputs register in their own modules (imported last: they use the registry above).
# Feeds, calendars and the corrections feed register themselves (after the pages: they read them).
# The attached PDFs' text, for search, registers after the pages too (it carries their search data).
from . import attachment_text, calendars, feeds, oparl, opendata  # noqa: E402,F401  # noqa: E402,F401
