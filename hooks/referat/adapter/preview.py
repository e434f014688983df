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
from mkdocs.structure.files import Files

from .. import i18n
from ..engine import Site
from ..i18n import _
from ..outputs import PageOutput
from ..problems import Problem, summarise
from ..search_cache import link_tree

SEARCH_FOLDERS = ("pagefind", "pagefind-beslutninger")  # the site's search bundles
KEPT: list[Path] = []  # the first preview build's search bundles, for the builds after it

PREVIEW = "REFERAT_PREVIEW"  # set by `mkdocs serve`; set it to get the problems page in a build
# What each preview site holds now, by the site folder: a file's path in it -> a token of what was
# written there (a cache entry's name, a text's digest, a copied file's size and time), and every
# path the last build wrote. A save then writes only what changed, and removes what is gone.
WRITTEN: dict[str, dict[str, str]] = {}
PATHS: dict[str, set[str]] = {}
KEEP = ".referat-keep"  # a folder that is not there: MkDocs cleans it instead of the site
REAL_SITE = "_referat_real_site"  # the config's attribute: the site folder MkDocs serves


def problems_site(problems: list[Problem]) -> Site:
    """A site of one page, the front page, listing every problem, in the site's language (the
    count in the command's words for it, as `referat check` says it; the problems as it prints)."""
    lines = "\n".join(f"    {problem}" for problem in problems)
    count = summarise(problems, i18n.translations(i18n.current(), i18n.CLI_DOMAIN))
    title = _("Mødefilerne har fejl")
    markdown = (f"# {title}\n\n{html.escape(count)}. "
                + _("Siden bygges igen, når filerne er rettet og gemt.") + "\n\n" + lines + "\n")
    return Site((PageOutput("index.md", title, markdown, nav=True),), problems)


def show_problems_everywhere(config: MkDocsConfig) -> None:
    """Every address of the preview shows the problems page: MkDocs' server answers a missing
    page with 404.html, which becomes the front page with the site's root as its base."""
    site = Path(config.site_dir)
    front = (site / "index.html").read_text(encoding="utf-8")
    root = urlsplit(config.site_url or "/").path or "/"
    (site / "404.html").write_text(front.replace("<head>", f'<head><base href="{root}">', 1),
                                   encoding="utf-8")
    os.utime(site / "404.html")


def restore_search(site_dir: str, in_place: bool = False) -> bool:
    """In a preview after its first build: put the first build's search bundles into the site
    instead of indexing again (Pagefind on the edited year took most of a save's rebuild). The
    preview's search shows the pages as they were when it started; `mkdocs build` indexes all."""
    if not KEPT:
        return False
    if in_place and all((Path(site_dir) / name).is_dir() for name in SEARCH_FOLDERS):
        return True  # the site was kept, and its search bundles with it
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


def keep_site(config: MkDocsConfig) -> None:
    """After the preview's first build: keep the site MkDocs would clean before every build, so
    a save writes only the files that changed. MkDocs cleans `site_dir` before any hook can
    stop it, so for that moment it names a folder that is not there (`adopt_site` puts it back)."""
    if not os.environ.get(PREVIEW):
        return
    if not PATHS.get(config.site_dir):
        WRITTEN[config.site_dir] = {}  # the first build: MkDocs cleans the folder
        return
    set_aside(config)


def set_aside(config: MkDocsConfig) -> None:
    """Keep the site folder from MkDocs' cleaning: for that moment `site_dir` names a folder
    that is not there (`adopt_site` puts it back). Also for a build into the folder the last
    build wrote (inplace.py)."""
    setattr(config, REAL_SITE, config.site_dir)
    config.site_dir = os.path.join(config.site_dir, KEEP)


def adopt_site(config: MkDocsConfig, files: Files) -> None:
    """The files MkDocs found while `site_dir` was set aside go to the real site folder."""
    real = getattr(config, REAL_SITE, None)
    if real is None:
        return
    config.site_dir = real
    for file in files:
        file.dest_dir = real
        file.__dict__.pop("abs_dest_path", None)  # worked out from dest_dir when first asked


def kept(config: MkDocsConfig) -> bool:
    """Whether this build kept the previous preview site instead of cleaning it."""
    return getattr(config, REAL_SITE, None) is not None


def unchanged(dest_dir: str, path: str, token: str) -> bool:
    """Whether a preview site already holds this content at `path` (never in `mkdocs build`)."""
    return WRITTEN.get(dest_dir, {}).get(path) == token


def wrote(dest_dir: str, path: str, token: str) -> None:
    if os.environ.get(PREVIEW):
        WRITTEN.setdefault(dest_dir, {})[path] = token


def remove_stale(config: MkDocsConfig, files: Files) -> None:
    """In a preview, remove the files the last build wrote and this one did not (a meeting file
    that was removed, a page a correction no longer makes); remember what this build wrote."""
    if not os.environ.get(PREVIEW):
        return
    site = config.site_dir
    now = {file.dest_uri for file in files}
    written = WRITTEN.setdefault(site, {})
    for path in PATHS.get(site, set()) - now:
        Path(site, path).unlink(missing_ok=True)
        written.pop(path, None)
    PATHS[site] = now
