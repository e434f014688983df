"""The one module that knows MkDocs: it hands the engine's pages to a MkDocs build.

It keeps no state between builds (`mkdocs serve` does not re-import hooks): what one build needs is
computed in `on_pre_build` and kept on that build's config object.
"""

from __future__ import annotations

import html
import logging
import os
import posixpath
import time
from pathlib import Path

import yaml
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import Abort
from mkdocs.livereload import LiveReloadServer
from mkdocs.structure.files import File, Files, InclusionLevel
from mkdocs.structure.pages import Page as MkDocsPage

from . import search
from .engine import Site, build_site
from .pages import Page
from .problems import summarise
from .settings import read_settings

log = logging.getLogger("mkdocs.referat")
SITE = "_referat_site"  # attribute of the build's config that carries the engine's result
SEARCH_CACHE = ".cache/referat/search"  # search bundles kept between builds, beside mkdocs.yml


def settings(config: MkDocsConfig) -> tuple[Path, Path]:
    """The project folder (beside mkdocs.yml) and the meetings folder, from `extra.referat`,
    whose keys are checked first: a wrong one stops the build before anything is built."""
    found, problems = read_settings(config.extra.get("referat"), Path(config.config_file_path))
    for problem in problems:
        log.error(str(problem))
    if problems:
        log.error(f"referat: {summarise(problems)}; nothing was built. Fix extra.referat in "
                  "mkdocs.yml (see the README's Configuration section).")
        raise Abort("Aborted: the settings in mkdocs.yml have errors.")
    return found.project, found.meetings


def on_pre_build(config: MkDocsConfig) -> None:
    """Check and render every meeting before MkDocs cleans the site folder; stop on errors."""
    project, meetings = settings(config)
    site = build_site(meetings, config.site_name, display_root=project)
    for problem in site.problems:
        # A warning (personal data such as a phone number) is printed as information: MkDocs would
        # count a logged warning and fail `mkdocs build --strict`, and only errors stop a build.
        # `referat check --strict` is the way to fail on warnings.
        (log.error if problem.is_error else log.info)(str(problem))
    if any(p.is_error for p in site.problems):
        log.error(f"referat: {summarise(site.problems)}; nothing was built. Fix the files above "
                  "('referat check' lists them again).")
        raise Abort("Aborted: the meeting files have errors.")
    setattr(config, SITE, site)


def on_serve(server: LiveReloadServer, config: MkDocsConfig) -> LiveReloadServer:
    """Rebuild when a meeting file changes, not only docs/."""
    _, meetings = settings(config)
    server.watch(str(meetings))
    return server


def on_files(files: Files, config: MkDocsConfig) -> Files:
    """Add the generated pages (out of the nav, unless the nav names them) and attachments."""
    site: Site = getattr(config, SITE)
    project, _ = settings(config)
    for page in site.pages:
        if files.get_file_from_path(page.path) is not None:
            raise Abort(f"referat: docs/{page.path} has the address of a generated page; "
                        "rename or remove it")
        files.append(generated_page(page, config, project))
    for asset in site.assets:
        files.append(File.generated(config, asset.path, abs_src_path=str(asset.source)))
    return files


def on_page_content(content: str, page: MkDocsPage) -> str:
    """Weigh decisions up in search and leave links to other pages out of it."""
    return search.weigh_decisions(content) if page.meta.get("referat_kind") == "punkt" else content


def on_post_build(config: MkDocsConfig) -> None:
    """Index the built site for search, and the decisions on their own."""
    site: Site = getattr(config, SITE)
    project, _ = settings(config)
    started = time.monotonic()
    try:
        budget = search.bundle_budget(config.extra.get("referat", {}).get("search_bundle_pages"))
        report = search.index_site(Path(config.site_dir), decisions(site, config),
                                   cache=project / SEARCH_CACHE, progress=log.info, budget=budget)
    except search.SearchIndexError as error:
        raise Abort(f"referat: the search index could not be built: {error}") from None
    log.info(f"referat: indexed {report.pages} pages and {report.decisions} decisions for "
             f"search in {time.monotonic() - started:.1f} s ({report.summary()})")


def decisions(site: Site, config: MkDocsConfig) -> list[search.Decision]:
    """The decisions-only search records, with the URLs MkDocs gave their pages."""
    records = []
    for page in site.pages:
        entry = page.search
        if entry is None or not entry.decision:
            continue
        url = "/" + File(page.path, None, config.site_dir, config.use_directory_urls).url
        records.append(search.Decision(url, entry.decision, entry.heading, entry.body,
                                       entry.when, entry.facets))
    return records


def generated_page(page: Page, config: MkDocsConfig, project: Path) -> File:
    """A MkDocs file for a page, with its metadata as front matter and an edit link to its YAML."""
    inclusion = InclusionLevel.INCLUDED if page.nav else InclusionLevel.NOT_IN_NAV
    file = File.generated(config, page.path, content=front_matter(page) + page.markdown,
                          inclusion=inclusion)
    if page.source:
        docs = os.path.relpath(config.docs_dir, project)
        file.edit_uri = posixpath.relpath(page.source, Path(docs).as_posix())
    return file


def front_matter(page: Page) -> str:
    """YAML front matter. Values the theme prints as they are (title, description) are escaped
    here; our own templates escape the search data themselves."""
    meta: dict[str, object] = {"title": html.escape(page.title), "referat_kind": page.kind}
    if page.description:
        meta["description"] = html.escape(page.description)
    if page.search:
        entry = page.search
        meta |= {"referat_heading": entry.heading, "referat_body": entry.body,
                 "referat_when": entry.when, "referat_kind_label": entry.kind,
                 "referat_facets": [list(f) for f in entry.facets]}
    return "---\n" + yaml.safe_dump(meta, allow_unicode=True, sort_keys=False) + "---\n\n"
