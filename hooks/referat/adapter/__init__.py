"""The one package that knows MkDocs: it hands the engine's outputs to a MkDocs build.

MkDocs builds the hand-written pages, the nav's pages and the theme's assets. The engine's other
pages are rendered here, into the same shell, in parallel and through the cache (render.py), and
the adapter writes them into the site (writer.py). What one build needs is kept on that build's config object;
only the preview (`mkdocs serve`, preview.py) keeps, between saves, what its site folder holds.
"""

from __future__ import annotations

import contextlib
import gc
import logging
import os
import time
from collections.abc import Iterator
from pathlib import Path

import jinja2
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import Abort
from mkdocs.livereload import LiveReloadServer
from mkdocs.structure.files import Files
from mkdocs.structure.nav import Navigation
from mkdocs.structure.pages import Page as MkDocsPage

from .. import contracts, i18n, search
from ..cache import Cache
from ..engine import Site, build_site
from ..problems import summarise
from ..settings import Settings, read_settings
from . import inplace
from .ending import end_if_built
from .files import FOLDERS, PreviewFile, RenderedFile, WrittenFile, page_file, rendered_file
from .keys import site_key, template_cache
from .preview import (
    PREVIEW,
    adopt_site,
    keep_search,
    keep_site,
    kept,
    problems_site,
    remove_stale,
    restore_search,
    show_problems_everywhere,
)
from .render import render_site
from .repository import check_repository
from .sitemap import write_sitemap
from .writer import page_entry, text_entry, write_site

log = logging.getLogger("mkdocs.referat")
SITE, NAV, FILES = "_referat_site", "_referat_nav", "_referat_files"  # attributes of the config
SETTINGS = "_referat_settings"
PLACEMENT = "_referat_placement"  # where the adapter's files stand in the site (writer.py)
SEARCH_CACHE = "search"  # search bundles kept between builds, inside the cache folder


def checked(config: MkDocsConfig) -> Settings:
    """`extra.referat`, checked once per build: a wrong key stops the build before anything is
    built."""
    if (found := getattr(config, SETTINGS, None)) is not None:
        return found  # type: ignore[no-any-return]
    found, problems = read_settings(config.extra.get("referat"), Path(config.config_file_path))
    for problem in problems:
        log.error(str(problem))
    if problems:
        log.error(f"referat: {summarise(problems)}; nothing was built. Fix extra.referat in "
                  "mkdocs.yml (see the README's Configuration section).")
        raise Abort("Aborted: the settings in mkdocs.yml have errors.")
    setattr(config, SETTINGS, found)
    return found


def settings(config: MkDocsConfig) -> tuple[Path, Path]:
    """The project folder (beside mkdocs.yml) and the meetings folder."""
    found = checked(config)
    return found.project, found.meetings


def language(config: MkDocsConfig) -> str:
    """The site's language, `theme.language` (Danish without one), read once here: the engine
    is told it and knows nothing of MkDocs."""
    return str(config.theme.get("language") or i18n.DEFAULT)


def cache_of(config: MkDocsConfig) -> Cache:
    """The cache folder: `extra.referat.cache`, by default .cache/referat beside mkdocs.yml."""
    return Cache(checked(config).cache)


def on_startup(command: str) -> None:
    """Under `mkdocs serve`, a meeting file with an error shows as a page listing the problems."""
    if command == "serve":
        os.environ[PREVIEW] = "1"


def on_shutdown() -> None:
    """A `mkdocs build` that succeeded ends without freeing what it made (ending.py)."""
    end_if_built()


def on_pre_build(config: MkDocsConfig) -> None:
    """Check every meeting and make the outputs before MkDocs cleans the site folder; stop on
    errors (or, in a preview, show them)."""
    project, meetings = settings(config)
    i18n.choose(language(config))  # the hooks' words, after the engine's run, in its language
    check_repository(config)
    config.extra["referat_contract"] = contracts.for_templates()
    if not i18n.known(language(config)):
        log.warning(f"referat: there is no catalog for theme.language '{language(config)}' "
                    "(hooks/referat/locale/); the site's own words stay Danish")
    config.extra["referat_strings"] = i18n.js_strings(language(config))
    config.extra["referat_locale"] = i18n.LOCALES.get(language(config), language(config))
    with collected_once():
        site = build_site(meetings, config.site_name, display_root=project, cache=cache_of(config),
                          site_url=config.site_url or "", repo_url=config.repo_url or "",
                          licence=checked(config).licence, git_history=True,
                          member_pages=checked(config).member_pages, language=language(config))
    for note in site.notes:
        log.info(note)
    for problem in site.problems:
        # A warning (personal data such as a phone number) is printed as information: MkDocs would
        # count a logged warning and fail `mkdocs build --strict`, and only errors stop a build.
        # `referat check --strict` is the way to fail on warnings.
        (log.error if problem.is_error else log.info)(str(problem))
    if any(p.is_error for p in site.problems):
        if os.environ.get(PREVIEW):
            site = problems_site(site.problems)
        else:
            log.error(f"referat: {summarise(site.problems)}; nothing was built. Fix the files "
                      "above ('referat check' lists them again).")
            raise Abort("Aborted: the meeting files have errors.")
    setattr(config, SITE, site)
    keep_site(config)
    inplace.keep(config, cache_of(config))


@contextlib.contextmanager
def collected_once() -> Iterator[None]:
    """The engine's run without Python's cycle collector, which at every few thousand new objects
    walked all the objects the run had made so far (a tenth of a rebuild's engine at 10,000
    punkter); after it, what it made is frozen (never walked again) until the build ends
    (on_post_build), since it lives that long. Not collected first: at 50,000 punkter that
    walk of 1.3 million objects took 1.0 s to find 672 unreachable ones in a rebuild, and some
    137,000 small ones (the JSON encoder's closures, a few MB) in a cold build."""
    gc.unfreeze()  # a preview's last build, if it stopped before its end
    gc.disable()
    try:
        yield
    finally:
        gc.enable()
        gc.freeze()


def on_serve(server: LiveReloadServer, config: MkDocsConfig) -> LiveReloadServer:
    """Rebuild when a meeting file changes, not only docs/."""
    _, meetings = settings(config)
    server.watch(str(meetings))
    return server


def on_files(files: Files, config: MkDocsConfig) -> Files:
    """Add the generated pages (the nav's for MkDocs to build, the others for the adapter), the
    files to copy and the files the engine wrote whole."""
    site: Site = getattr(config, SITE)
    project, _ = settings(config)
    FOLDERS.clear()  # a new build: its site's folders are made again where they are missing
    adopt_site(config, files)
    site_dir, directory_urls = config.site_dir, config.use_directory_urls
    known = files.src_uris  # the engine's paths are normal: no parsing each (get_file_from_path)
    for page in site.pages:
        if page.path in known:
            raise Abort(f"referat: docs/{page.path} has the address of a generated page; "
                        "rename or remove it")
        files.append(page_file(page, config, project) if page.nav else
                     rendered_file(page, site_dir, directory_urls))
    kept = inplace.previous(config) is not None
    for asset in site.assets:
        copy = PreviewFile.generated(config, asset.path, abs_src_path=str(asset.source))
        assert isinstance(copy, PreviewFile)  # File.generated makes one of its own class
        copy.kept = kept
        files.append(copy)
    for text in site.texts:  # feeds, calendars, data files: written in on_env (writer.py)
        files.append(WrittenFile(text.path, site_dir, directory_urls))
    return files


def on_nav(nav: Navigation, config: MkDocsConfig) -> Navigation:
    setattr(config, NAV, nav)
    return nav


def on_env(env: jinja2.Environment, config: MkDocsConfig, files: Files) -> jinja2.Environment:
    """MkDocs has read its own pages: render the engine's into the same shell, before MkDocs
    writes anything, so a page that fails stops the build with nothing written."""
    site: Site = getattr(config, SITE)
    project, _ = settings(config)
    # The templates' own words ({% trans %}, _()) in the site's language; MkDocs has added
    # Jinja's i18n extension, and a Danish site keeps the templates' text as it is.
    env.add_extension("jinja2.ext.i18n")
    env.install_gettext_translations(i18n.translations(language(config)), newstyle=True)  # type: ignore[attr-defined]
    env.bytecode_cache = template_cache(cache_of(config).root, env)
    shell = site_key(config, files, getattr(config, NAV))
    setattr(config, FILES, (env, files, shell))
    render_site(site, config, files, getattr(config, NAV), env, cache_of(config), project, shell)
    write_files(site, config, files)
    return env


def write_files(site: Site, config: MkDocsConfig, files: Files) -> None:
    """Put the rendered pages and the engine's whole files into the site, before MkDocs copies
    its own (writer.py)."""
    started = time.monotonic()
    entries = [page_entry(f.dest_uri, f.rendered) for f in files
               if isinstance(f, RenderedFile) and f.rendered is not None]
    entries += [text_entry(t.path, t.text, t.digest, t.make) for t in site.texts]
    record = inplace.previous(config)
    # The stale files first: a file may stand where this build needs a folder.
    removed = 0 if record is None else inplace.remove_stale(
        config.site_dir, record, *inplace.this_build(config, files))
    written, placement = write_site(config.site_dir, entries, cache_of(config),
                                    kept=None if record is None else record.linked)
    setattr(config, PLACEMENT, placement)
    into = "the site" if record is None else \
        f"the site kept from the last build ({removed:,} files it no longer has removed)"
    log.info(f"referat: {written:,} of {len(entries):,} files written into {into}, "
             f"in {time.monotonic() - started:.1f} s")


def on_page_content(content: str, page: MkDocsPage) -> str:
    """Mark what search indexes: decisions weigh more; facts and links to other pages are out."""
    return search.mark_for_search(content, page.meta.get(contracts.META_KIND))


def page_keys(files: Files) -> dict[str, str]:
    """The rendered pages' cache keys by their path in the site: a page's bytes are its cache
    entry's, named by its key, so search need not read a page it has seen under that key."""
    return {f.dest_uri: os.path.basename(f.rendered) for f in files
            if isinstance(f, RenderedFile) and f.rendered is not None}


def html_paths(config: MkDocsConfig, files: Files) -> list[str]:
    """Every HTML file the build wrote: its files' and the theme's own pages (404.html)."""
    paths = {f.dest_uri for f in files if f.dest_uri.endswith(".html")}
    paths.update(name for name in config.theme.static_templates if name.endswith(".html"))
    return sorted(paths)


def on_post_build(config: MkDocsConfig) -> None:
    """List every page in the sitemap; index the built site for search, and the decisions."""
    try:
        index_built_site(config)
    finally:
        gc.unfreeze()  # what the build made may go now (a preview builds again and again)


def index_built_site(config: MkDocsConfig) -> None:
    site: Site = getattr(config, SITE)
    env, files, shell = getattr(config, FILES)
    write_sitemap(config, env, files, getattr(config, NAV), cache_of(config), shell)
    remove_stale(config, files)
    previewing = bool(os.environ.get(PREVIEW))
    if previewing and any(p.is_error for p in site.problems):
        show_problems_everywhere(config)
        return
    if previewing and restore_search(config.site_dir, in_place=kept(config)):
        log.info("referat: the preview's search shows the pages as they were when it started")
        return
    started = time.monotonic()
    record = inplace.previous(config)
    records = [search.Decision(d.url, d.record.decision or "", d.record.heading, d.record.body,
                               d.record.when, d.record.facets, d.record.date, d.token)
               for d in site.decisions]
    try:
        found = checked(config)
        report = search.index_site(Path(config.site_dir), records,
                                   cache=found.cache / SEARCH_CACHE, progress=log.info,
                                   budget=found.search_bundle_pages,
                                   attachments=site.attachment_texts, known=page_keys(files),
                                   paths=html_paths(config, files),
                                   present=None if record is None else record.search)
    except search.SearchIndexError as error:
        raise Abort(f"referat: the search index could not be built: {error}") from None
    attached = f", {report.attachments} attachments' text" if report.attachments else ""
    log.info(f"referat: indexed {report.pages} pages{attached} and {report.decisions} decisions for "
             f"search in {time.monotonic() - started:.1f} s ({report.summary()})")
    if previewing:
        keep_search(config.site_dir)
    else:
        inplace.leave_record(cache_of(config), config.site_dir,
                             inplace.this_build(config, files)[0], getattr(config, PLACEMENT),
                             report.placed)
