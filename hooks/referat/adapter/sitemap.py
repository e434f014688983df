"""The sitemap lists every page: MkDocs writes its own pages' entries, and the adapter writes the
sitemap again with the engine's pages among them, in the order the pages were given to MkDocs,
with the theme's own `sitemap.xml` template."""

from __future__ import annotations

import gzip
import os
from collections.abc import Sequence
from dataclasses import dataclass
from urllib.parse import urljoin, urlsplit

import jinja2
from mkdocs import utils
from mkdocs.commands.build import _build_template
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import File, Files
from mkdocs.structure.nav import Navigation
from mkdocs.utils import get_build_date

from .files import RenderedFile

NAME = "sitemap.xml"


@dataclass(frozen=True)
class Entry:
    """What the sitemap template reads of a page."""

    canonical_url: str | None
    abs_url: str | None
    update_date: str
    is_link: bool = False


@dataclass(frozen=True)
class Listed:
    page: object


def write_sitemap(config: MkDocsConfig, env: jinja2.Environment, files: Files,
                  nav: Navigation) -> None:
    """Rewrite sitemap.xml and sitemap.xml.gz with every page, as MkDocs writes them."""
    if NAME not in config.theme.static_templates:
        return
    listed = entries(config, files)
    output = _build_template(NAME, env.get_template(NAME), listed, config, nav)  # type: ignore[arg-type]
    path = os.path.join(config.site_dir, NAME)
    utils.write_file(output.encode("utf-8"), path)
    timestamp = utils.get_build_timestamp(pages=[item.page for item in listed])  # type: ignore[misc]
    with open(f"{path}.gz", "wb") as out, gzip.GzipFile(fileobj=out, filename=f"{path}.gz",
                                                        mode="wb", mtime=timestamp) as zipped:
        zipped.write(output.encode("utf-8"))


def join(root: str, url: str) -> str:
    """`urljoin(root, url)` for the engine's addresses, which are plain relative paths (a tenth of
    the time, for 74,000 pages); anything else goes to urljoin."""
    if url.startswith(("/", ".")) or ":" in url or "?" in url or "#" in url:
        return urljoin(root, url)
    return root + url


def entries(config: MkDocsConfig, files: Files) -> Sequence[File | Listed]:
    """MkDocs' pages and the engine's, in the order of the files."""
    base = config.site_url
    root = (base if base.endswith("/") else base + "/") if base else None
    date = get_build_date()
    listed: list[File | Listed] = []
    for file in files:
        if isinstance(file, RenderedFile):
            canonical = join(root, file.url) if root else None
            listed.append(Listed(Entry(canonical, urlsplit(canonical).path if canonical else None,
                                       date)))
        elif file.is_documentation_page() and file.page is not None and file.inclusion.is_included():  # type: ignore[no-untyped-call]
            listed.append(file)
    return listed
