"""The engine's pages through the cache: a page whose key is in the cache is not rendered again;
the others are rendered in the pool (pool.py). Either way MkDocs then copies them into the site."""

from __future__ import annotations

import json
import logging
import time
from pathlib import Path

import jinja2
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import Abort
from mkdocs.structure.files import Files
from mkdocs.structure.nav import Navigation

from ..cache import Cache
from ..engine import Site
from ..outputs import PageOutput
from .files import RenderedFile, edit_uri, page_meta
from .keys import page_key
from .pool import HTML, NAMESPACE, Job, RenderError, Shell, cached_messages, render_pages, workers

log = logging.getLogger("mkdocs.referat")


def render_site(site: Site, config: MkDocsConfig, files: Files, nav: Navigation,
                env: jinja2.Environment, cache: Cache, project: Path, shell_key: str) -> None:
    """Render every page MkDocs does not build itself, or take it from the cache; `shell_key`
    is the site's key (keys.site_key)."""
    started = time.monotonic()
    targets = {f.src_uri: f for f in files if isinstance(f, RenderedFile)}
    keyed = [(page, page_key_of(page, shell_key, config, project)) for page in site.pages
             if page.path in targets]
    missing = []
    for page, key in keyed:
        messages = cached_messages(cache, key)
        if messages is None:
            missing.append(page_job(page, shell_key, config, project))
        else:
            relog(messages)
    count = workers(config.extra.get("referat", {}).get("workers"))
    shell = Shell(config, files, files.documentation_pages(), nav, env, cache)
    try:
        rendered = render_pages(shell, missing, count)
    except RenderError as error:
        raise Abort(f"referat: {error}; nothing was written") from None
    report_failures(rendered)
    for result in rendered:
        relog(result.messages)
    for page, key in keyed:
        targets[page.path].rendered = cache.location(NAMESPACE, key, HTML)
    log.info(f"referat: {len(keyed):,} pages, {len(missing):,} rendered on {count} "
             f"{'core' if count == 1 else 'cores'} and {len(keyed) - len(missing):,} from the cache, "
             f"in {time.monotonic() - started:.1f} s")


def page_key_of(page: PageOutput, shell_key: str, config: MkDocsConfig, project: Path) -> str:
    """A page's key: the shell's and everything of the page itself. A page the engine's cache
    gave carries a digest of all of that (PageOutput.digest), and nothing of it is hashed again:
    at 50,000 punkter that is most of a rebuild's keys."""
    if page.digest is None:
        return page_job(page, shell_key, config, project).key
    return page_key(shell_key, page.path, "digest:" + page.digest, edit_uri(page, config, project))


def page_job(page: PageOutput, shell_key: str, config: MkDocsConfig, project: Path) -> Job:
    """A page to render, with its key (see page_key_of)."""
    meta, edit = page_meta(page), edit_uri(page, config, project)
    if page.digest is not None:
        return Job(page.path, page.markdown, meta, edit, page_key_of(page, shell_key, config, project))
    source = json.dumps(meta, ensure_ascii=False, sort_keys=True) + "\n" + page.markdown
    return Job(page.path, page.markdown, meta, edit, page_key(shell_key, page.path, source, edit))


def relog(messages: tuple[tuple[int, str, str], ...]) -> None:
    """Log what a page logged while it was rendered, as MkDocs would have (`--strict` counts it)."""
    for level, name, message in messages:
        logging.getLogger(name).log(level, message)


def report_failures(rendered: list) -> None:  # type: ignore[type-arg]
    failed = [r for r in rendered if r.error]
    for result in failed:
        log.error(f"referat: page {result.path} could not be rendered: {result.error}")
    if failed:
        raise Abort(f"referat: {len(failed)} of the generated pages could not be rendered "
                    "(listed above); nothing was written")
