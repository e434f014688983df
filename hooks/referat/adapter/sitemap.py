"""The sitemap lists every page: MkDocs writes its own pages' entries, and the adapter writes the
sitemap again with the engine's pages among them, in the order the pages were given to MkDocs,
with the theme's own `sitemap.xml` template.

The sitemap and its compressed copy are kept in the cache under the site's key (keys.site_key:
the theme, its templates and the configuration) and every entry's address and date: a build
whose pages are the ones the last build listed writes the kept bytes, without the template's
pass over every page (some 2 s at 50,000 punkter)."""

from __future__ import annotations

import functools
import gzip
import io
import os
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any
from urllib.parse import urljoin, urlsplit

import jinja2
from mkdocs import utils
from mkdocs.commands.build import _build_template
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import File, Files
from mkdocs.structure.nav import Navigation
from mkdocs.utils import get_build_date

from ..cache import Cache, digest
from .files import RenderedFile

NAME = "sitemap.xml"
NAMESPACE = "sitemaps"  # in the cache: a sitemap and its gzipped copy, by what they list


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
                  nav: Navigation, cache: Cache, shell_key: str) -> None:
    """Rewrite sitemap.xml and sitemap.xml.gz with every page, as MkDocs writes them."""
    if NAME not in config.theme.static_templates:
        return
    listed = entries(config, files)
    key = digest(shell_key, NAME, "\n".join(map(described, listed)))
    found = cache.load(NAMESPACE, key)
    if not isinstance(found, tuple):
        found = rendered(config, env, nav, listed)
        cache.store(NAMESPACE, key, found)
    path = os.path.join(config.site_dir, NAME)
    for name, data in zip((path, f"{path}.gz"), found, strict=True):
        utils.write_file(data, name)


def rendered(config: MkDocsConfig, env: jinja2.Environment, nav: Navigation,
             listed: Sequence[File | Listed]) -> tuple[bytes, bytes]:
    """The sitemap from the theme's template, and its gzipped copy dated by its newest entry."""
    output = _build_template(NAME, env.get_template(NAME), listed, config, nav)  # type: ignore[arg-type]
    data = output.encode("utf-8")
    timestamp = utils.get_build_timestamp(pages=[item.page for item in listed])  # type: ignore[misc]
    zipped = io.BytesIO()
    with gzip.GzipFile(fileobj=zipped, filename=f"{os.path.join(config.site_dir, NAME)}.gz",
                       mode="wb", mtime=timestamp) as out:
        out.write(data)
    return data, zipped.getvalue()


def described(item: File | Listed) -> str:
    """What the template reads of an entry."""
    page: Any = item.page  # a MkDocs page, or an Entry that reads as one
    return f"{page.is_link}\t{page.canonical_url}\t{page.abs_url}\t{page.update_date}"


def join(root: str, url: str) -> str:
    """`urljoin(root, url)` for the engine's addresses, which are plain relative paths (a tenth of
    the time, for 74,000 pages); anything else goes to urljoin."""
    if url.startswith(("/", ".")) or ":" in url or "?" in url or "#" in url:
        return urljoin(root, url)
    return root + url


def path_of(address: str | None, root: str | None) -> str | None:
    """`urlsplit(address).path`; for an address under `root` (as most are), the root's path and
    the rest, without parsing each of 66,000 addresses again."""
    if address is None or root is None:
        return None
    if not address.startswith(root) or any(c in address for c in "?#"):
        return urlsplit(address).path
    return root_path(root) + address[len(root):]


@functools.lru_cache(maxsize=4)
def root_path(root: str) -> str:
    return urlsplit(root).path


def entries(config: MkDocsConfig, files: Files) -> Sequence[File | Listed]:
    """MkDocs' pages and the engine's, in the order of the files."""
    base = config.site_url
    root = (base if base.endswith("/") else base + "/") if base else None
    date = get_build_date()
    listed: list[File | Listed] = []
    for file in files:
        if isinstance(file, RenderedFile):
            canonical = join(root, file.url) if root else None
            listed.append(Listed(Entry(canonical, path_of(canonical, root), date)))
        elif file.is_documentation_page() and file.page is not None and file.inclusion.is_included():  # type: ignore[no-untyped-call]
            listed.append(file)
    return listed
