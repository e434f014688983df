"""The preview (`mkdocs serve`): while a meeting file has an error, the site shows the problems
instead of the old pages, so the browser's reload tells the editor what to fix."""

from __future__ import annotations

import atexit
import html
import os
import shutil
import tempfile
from pathlib import Path
from urllib.parse import urlsplit

from mkdocs.config.defaults import MkDocsConfig

from ..engine import Site
from ..outputs import PageOutput
from ..problems import Problem, summarise
from ..search_cache import link_tree

SEARCH_FOLDERS = ("pagefind", "pagefind-beslutninger")  # the site's search bundles
KEPT: list[Path] = []  # the first preview build's search bundles, for the builds after it

PREVIEW = "REFERAT_PREVIEW"  # set by `mkdocs serve`; set it to get the problems page in a build


def problems_site(problems: list[Problem]) -> Site:
    """A site of one page, the front page, listing every problem."""
    lines = "\n".join(f"    {problem}" for problem in problems)
    markdown = (f"# Mødefilerne har fejl\n\n{html.escape(summarise(problems))}. Siden bygges "
                "igen, når filerne er rettet og gemt.\n\n" + lines + "\n")
    page = PageOutput("index.md", "Mødefilerne har fejl", markdown, nav=True)
    return Site((page,), problems)


def show_problems_everywhere(config: MkDocsConfig) -> None:
    """Every address of the preview shows the problems page: MkDocs' server answers a missing
    page with 404.html, which becomes the front page with the site's root as its base."""
    site = Path(config.site_dir)
    front = (site / "index.html").read_text(encoding="utf-8")
    root = urlsplit(config.site_url or "/").path or "/"
    (site / "404.html").write_text(front.replace("<head>", f'<head><base href="{root}">', 1),
                                   encoding="utf-8")
    os.utime(site / "404.html")


def restore_search(site_dir: str) -> bool:
    """In a preview after its first build: put the first build's search bundles into the site
    instead of indexing again (Pagefind on the edited year took most of a save's rebuild). The
    preview's search shows the pages as they were when it started; `mkdocs build` indexes all."""
    if not KEPT:
        return False
    for name in SEARCH_FOLDERS:
        shutil.rmtree(Path(site_dir) / name, ignore_errors=True)
        if (KEPT[0] / name).is_dir():
            link_tree(KEPT[0] / name, Path(site_dir) / name)
    return True


def keep_search(site_dir: str) -> None:
    """Keep the search bundles of the preview's first build, until the preview ends."""
    kept = Path(tempfile.mkdtemp(prefix="referat-preview-search-"))
    atexit.register(shutil.rmtree, kept, ignore_errors=True)
    for name in SEARCH_FOLDERS:
        if (Path(site_dir) / name).is_dir():
            link_tree(Path(site_dir) / name, kept / name)
    KEPT.append(kept)
