"""The engine's pages as MkDocs files: the nav's pages are MkDocs' own documentation pages; every
other page is a `RenderedFile`, which MkDocs links to but neither reads, renders nor copies
(the adapter renders it into the same shell, in parallel, and caches it)."""

from __future__ import annotations

import contextlib
import functools
import html
import os
import posixpath
import re
import shutil
import stat
from pathlib import Path
from urllib.parse import quote

import yaml
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import File, InclusionLevel

from .. import contracts, searchdata, urls
from ..outputs import PageOutput
from . import preview

# The site's folders this build has made or found, so that each file's copy does not ask for its
# folder again: `os.makedirs` on a folder that exists raises and catches an error, and that was
# most of the cost of copying a rebuild's 15,000 files at 3,000 punkter (250,000 at 50,000).
# Emptied at the start of every build (on_files), since a build may remove folders.
FOLDERS: set[str] = set()


def folder_for(path: str) -> None:
    folder = os.path.dirname(path)
    if folder not in FOLDERS:
        os.makedirs(folder, exist_ok=True)
        FOLDERS.add(folder)


class RenderedFile(File):
    """A generated page rendered by the adapter: links to it resolve, and it never passes through
    MkDocs' own page build. The adapter links it into the site from the cache (`rendered`;
    writer.py), so MkDocs copies nothing."""

    rendered: str | None = None  # the page's HTML in the cache, once rendered

    def __init__(self, uri: str, dest_uri: str, site_dir: str, use_directory_urls: bool) -> None:
        # As WrittenFile: MkDocs' own constructor parses the path again (65,000 pages).
        self.src_uri, self.dest_uri = uri, dest_uri
        self.src_dir, self.dest_dir = None, site_dir
        self.use_directory_urls = use_directory_urls
        self.inclusion = InclusionLevel.NOT_IN_NAV
        self.abs_src_path = None
        self.url = file_url(dest_uri, use_directory_urls)

    def is_documentation_page(self) -> bool:
        return False

    def copy_file(self, dirty: bool = False) -> None:
        """Nothing: writer.py has put the page into the site."""


class WrittenFile(File):
    """One of the engine's whole files (a feed, a calendar, a data file): MkDocs knows it, so a
    hand-written page's link to it resolves, but the adapter writes it (writer.py)."""

    def __init__(self, uri: str, site_dir: str, use_directory_urls: bool) -> None:
        # The engine's paths are '/'-separated and normal already (urls.py); MkDocs' own
        # constructor parses each one again, which at 200,000 files took seconds.
        self.src_uri = self.dest_uri = uri
        self.src_dir, self.dest_dir = None, site_dir
        self.use_directory_urls = use_directory_urls
        self.inclusion = InclusionLevel.INCLUDED
        self.generated_by = "referat"
        self.abs_src_path = None

    def is_documentation_page(self) -> bool:
        return False  # MkDocs asks each of its files this several times a build

    def copy_file(self, dirty: bool = False) -> None:
        """Nothing: writer.py has put the file into the site."""


class PreviewFile(File):
    """A file the engine gives to copy (an attachment): copied as MkDocs copies it, except in a
    preview whose site already holds it as it is."""

    def token(self) -> str:
        status = os.stat(self.abs_src_path or "")
        return f"{self.abs_src_path}:{status.st_size}:{status.st_mtime_ns}"

    kept = False  # the build keeps the site the last build wrote (inplace.py)

    def copy_file(self, dirty: bool = False) -> None:
        if self.kept and self.copied():
            return
        if not os.environ.get(preview.PREVIEW):
            self.write(dirty)
            return
        token = self.token()
        if not preview.unchanged(self.dest_dir, self.dest_uri, token):
            self.write(dirty)
            preview.wrote(self.dest_dir, self.dest_uri, token)

    def copied(self) -> bool:
        """Whether the kept site has this file as the last build copied it: as large, and not
        older than its source (a copy is newer than what it was copied from)."""
        try:
            source, there = os.stat(self.abs_src_path or ""), os.lstat(self.abs_dest_path)
        except OSError:
            return False
        return stat.S_ISREG(there.st_mode) and there.st_size == source.st_size \
            and there.st_mtime_ns >= source.st_mtime_ns

    def write(self, dirty: bool) -> None:
        """What MkDocs' File.copy_file does, with the folder made once a build (folder_for)."""
        if dirty and not self.is_modified():
            return
        folder_for(self.abs_dest_path)
        assert self.abs_src_path is not None
        with contextlib.suppress(shutil.SameFileError):  # a plugin wrote it into the site
            shutil.copyfile(self.abs_src_path, self.abs_dest_path)


PLAIN = re.compile(r"[A-Za-z0-9_.~/-]*")  # what URL quoting leaves as it is


def file_url(dest_uri: str, use_directory_urls: bool) -> str:
    """A file's URL as MkDocs' File.url gives it, without quoting what needs none (the sitemap
    asks it of each of 66,000 pages)."""
    folder, _, name = dest_uri.rpartition("/")
    url = f"{folder or '.'}/" if use_directory_urls and name == "index.html" else dest_uri
    return url if PLAIN.fullmatch(url) else quote(url)


def rendered_file(page: PageOutput, site_dir: str, use_directory_urls: bool) -> RenderedFile:
    """The stand-in MkDocs keeps for a page the adapter renders; its address is the engine's."""
    return RenderedFile(page.path, urls.output_path(page.path), site_dir, use_directory_urls)


def page_file(page: PageOutput, config: MkDocsConfig, project: Path) -> File:
    """A MkDocs documentation file for a page, with its metadata as front matter and an edit link
    to its YAML."""
    inclusion = InclusionLevel.INCLUDED if page.nav else InclusionLevel.NOT_IN_NAV
    file = File.generated(config, page.path, content=front_matter(page) + page.markdown, inclusion=inclusion)
    file.edit_uri = edit_uri(page, config, project)
    return file


def edit_uri(page: PageOutput, config: MkDocsConfig, project: Path) -> str | None:
    """The page's meeting file relative to the docs folder, as MkDocs' edit links want it; no
    edit link for a page made from many files."""
    if not page.source:
        return None
    folder, _, name = page.source.rpartition("/")  # the engine's '/'-separated relative path
    return f"{relative_folder(folder, config.docs_dir, project)}/{name}"


@functools.lru_cache(maxsize=256)
def relative_folder(folder: str, docs_dir: str, project: Path) -> str:
    """A meetings folder relative to the docs folder, worked out once a build for each folder,
    not once for each of the 74,000 pages (relpath asks the system for the working folder)."""
    docs = Path(os.path.relpath(docs_dir, project)).as_posix()
    return posixpath.relpath(folder or ".", docs)


def front_matter(page: PageOutput) -> str:
    """The page's metadata as YAML front matter, for the pages MkDocs reads itself."""
    return "---\n" + yaml.safe_dump(page_meta(page), allow_unicode=True, sort_keys=False) + "---\n\n"


def page_meta(page: PageOutput) -> dict[str, object]:
    """A page's metadata, as MkDocs reads it from front matter. Values the theme prints as they
    are (title, description) are escaped here; our own templates escape the search data."""
    meta: dict[str, object] = {"title": html.escape(page.title), contracts.META_KIND: page.kind}
    if page.description:
        meta["description"] = html.escape(page.description)
    if page.search:
        meta[contracts.META_SEARCH] = searchdata.hidden_block(page.search)
    if page.feeds:  # the head's <link rel="alternate">; the template escapes the title
        meta[contracts.META_FEEDS] = [{"title": f.title, "path": f.path, "type": f.media_type}
                                      for f in page.feeds]
    return meta
