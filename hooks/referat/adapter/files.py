"""The engine's pages as MkDocs files: the nav's pages are MkDocs' own documentation pages; every
other page is a `RenderedFile`, which MkDocs links to and copies but neither reads nor renders
(the adapter renders it into the same shell, in parallel, and caches it)."""

from __future__ import annotations

import contextlib
import functools
import html
import os
import posixpath
import shutil
from pathlib import Path

import yaml
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import File, InclusionLevel

from .. import contracts, searchdata, urls
from ..cache import Cache, digest
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
    """A generated page rendered by the adapter: links to it resolve, MkDocs copies it from the
    cache (`rendered`) into the site, and it never passes through MkDocs' own page build."""

    rendered: Path | None = None  # the page's HTML in the cache, once rendered

    def is_documentation_page(self) -> bool:
        return False

    def copy_file(self, dirty: bool = False) -> None:
        """Hard-link the page from the cache (a cache entry is never changed in place, only
        replaced by a rename, so the site's file stays as it was built); copy it where the site
        is on another file system. A link costs a tenth of a copy, which tells at 74,000 pages."""
        if self.rendered is None:
            raise RuntimeError(f"referat: {self.src_uri} was never rendered")
        if preview.unchanged(self.dest_dir, self.dest_uri, self.rendered.name):
            return  # a preview's site already has this page
        folder_for(self.abs_dest_path)
        if os.path.lexists(self.abs_dest_path):  # `mkdocs build --dirty` keeps the old site
            os.unlink(self.abs_dest_path)
        try:
            os.link(self.rendered, self.abs_dest_path)
        except OSError:
            shutil.copyfile(self.rendered, self.abs_dest_path)
        preview.wrote(self.dest_dir, self.dest_uri, self.rendered.name)


TEXTS = "texts"  # the cache's namespace of the engine's whole files, by the digest of their bytes


class PreviewFile(File):
    """A file the engine gives (a feed, a data file, an attachment): written as MkDocs writes it,
    except in a preview whose site already holds it as it is. A text the cache (`texts`) has is
    hard-linked from it: a rebuild at 50,000 punkter writes some 200,000 files that are all the
    same as last time, and a link costs an eighth of writing the file."""

    texts: Cache | None = None

    def token(self) -> str:
        if self._content is not None:
            return digest(self._content)
        status = os.stat(self.abs_src_path or "")
        return f"{self.abs_src_path}:{status.st_size}:{status.st_mtime_ns}"

    def copy_file(self, dirty: bool = False) -> None:
        if not os.environ.get(preview.PREVIEW):
            self.write(dirty)
            return
        token = self.token()
        if not preview.unchanged(self.dest_dir, self.dest_uri, token):
            self.write(dirty)
            preview.wrote(self.dest_dir, self.dest_uri, token)

    def write(self, dirty: bool) -> None:
        """What MkDocs' File.copy_file does, with the folder made once a build (folder_for)."""
        if dirty and self._content is None and not self.is_modified():
            return
        folder_for(self.abs_dest_path)
        if self._content is None:
            assert self.abs_src_path is not None
            with contextlib.suppress(shutil.SameFileError):  # a plugin wrote it into the site
                shutil.copyfile(self.abs_src_path, self.abs_dest_path)
        else:
            self.write_text(self.content_bytes)

    def write_text(self, data: bytes) -> None:
        """The text linked from the cache, or written and then kept there by a second link."""
        target = self.abs_dest_path
        if os.path.lexists(target):  # never write into a link: it may be a cache entry's
            os.unlink(target)
        if self.texts is None:
            write_bytes(target, data)
            return
        entry = self.texts.path(TEXTS, digest(data))
        try:
            os.link(entry, target)
            return
        except OSError:
            write_bytes(target, data)
        keep(self.texts, entry, target)


def write_bytes(target: str, data: bytes) -> None:
    with open(target, "wb") as out:
        out.write(data)


def keep(cache: Cache, entry: Path, target: str) -> None:
    """Put a file just written into the cache under its digest, by a link renamed into place
    (a whole entry or none, as Cache.write); a cache on another file system keeps nothing."""
    cache.folder(entry)
    temporary = entry.with_name(f".tmp-{os.getpid()}-{entry.name}")
    try:
        os.link(target, temporary)
        os.replace(temporary, entry)
    except OSError:
        with contextlib.suppress(OSError):
            os.unlink(temporary)


def rendered_file(page: PageOutput, config: MkDocsConfig) -> RenderedFile:
    """The stand-in MkDocs keeps for a page the adapter renders; its address is the engine's."""
    return RenderedFile(page.path, src_dir=None, dest_dir=config.site_dir,
                        use_directory_urls=config.use_directory_urls,
                        dest_uri=urls.output_path(page.path), inclusion=InclusionLevel.NOT_IN_NAV)


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
    folder, name = posixpath.split(page.source)
    return posixpath.join(relative_folder(folder, config.docs_dir, project), name)


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
