"""A rebuild into the site folder the last build wrote: MkDocs would empty it and the adapter put
every file back (at 50,000 punkter some 330,000 files in 100,000 folders, most of a rebuild), so
instead the folder is kept and only what changed is written.

The last build leaves a record of the folder in the cache: the folder's identity (device, inode
and change time, so another folder at the same path is built from nothing), every file the build put there,
and the digest of each search bundle. A rebuild then:

- keeps a rendered page or an engine's file whose token (a page's key, a text's digest) is the
  one the record names for its path, and whose file there is still the one that build left (the
  same inode: writer.py), and links it again otherwise;
- removes the files the last build wrote and this one does not, and folders left empty;
- keeps a search bundle whose digest is unchanged (search.py).

MkDocs still writes its own pages and the theme's files. The record is taken away when the rebuild
begins and written when it ends, so after a killed or failed build the next one starts from
nothing. A file put into the site folder by hand stays until a build from nothing: delete the
folder (or run `make site`, which always builds into a new one).
"""

from __future__ import annotations

import contextlib
import os
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import Files

from ..cache import Cache, digest
from . import preview
from .files import RenderedFile, WrittenFile

NAMESPACE = "sites"  # the one namespace named by place, not content: a record per site folder
PREVIOUS = "_referat_previous_site"  # the config's attribute: the record this build started from
NOW = "_referat_site_paths"  # the config's attribute: this build's files (this_build)


@dataclass(frozen=True)
class SiteRecord:
    """What a build left in its site folder."""

    folder: tuple[int, int, int]  # the folder's device, inode and change time (identity)
    paths: frozenset[str]  # every file the build put there, '/'-separated, search bundles aside
    linked: Mapping[str, tuple[str, int]]  # those the adapter put there: token, inode (writer.py)
    search: Mapping[str, str] = field(default_factory=dict)  # "pagefind/2025" -> its digest


def identity(site_dir: str) -> tuple[int, int, int] | None:
    """The folder as the last build left it: a folder made anew may get the same inode, but not
    the same change time, which also moves when anything is added to it or taken from it."""
    try:
        status = os.stat(site_dir)
    except OSError:
        return None
    return status.st_dev, status.st_ino, status.st_ctime_ns


def key(site_dir: str) -> str:
    return digest("site folder", os.path.realpath(site_dir))


def take_record(cache: Cache, site_dir: str) -> SiteRecord | None:
    """The last build's record of this very folder, taken out of the cache (None when there is
    none, or the folder is another one now)."""
    found = cache.load(NAMESPACE, key(site_dir))
    with contextlib.suppress(FileNotFoundError):
        os.unlink(cache.location(NAMESPACE, key(site_dir), ".pickle"))
    if isinstance(found, SiteRecord) and found.folder == identity(site_dir):
        return found
    return None


def leave_record(cache: Cache, site_dir: str, paths: Iterable[str],
                 linked: Mapping[str, tuple[str, int]], search: Mapping[str, str]) -> None:
    folder = identity(site_dir)
    if folder is not None:
        cache.store(NAMESPACE, key(site_dir),
                    SiteRecord(folder, frozenset(paths), dict(linked), dict(search)))


def previous(config: MkDocsConfig) -> SiteRecord | None:
    """The record this build keeps its site folder by; None when it builds from nothing."""
    return getattr(config, PREVIOUS, None)


def remember(config: MkDocsConfig, record: SiteRecord | None) -> None:
    setattr(config, PREVIOUS, record)


def this_build(config: MkDocsConfig, files: Files) -> tuple[set[str], set[str]]:
    """Every file this build puts into the site and those of them linked from the cache, worked
    out once a build (the stale files are found by them, and the next build's record keeps them;
    at 50,000 punkter each is a set of 230,000 paths)."""
    found: tuple[set[str], set[str]] | None = getattr(config, NOW, None)
    if found is None:
        found = site_paths(config, files), linked_paths(files)
        setattr(config, NOW, found)
    return found


def linked_paths(files: Files) -> set[str]:
    """The files the adapter puts into the site as links to cache entries (writer.py)."""
    return {f.dest_uri for f in files if isinstance(f, WrittenFile)
            or (isinstance(f, RenderedFile) and f.rendered is not None)}


def site_paths(config: MkDocsConfig, files: Files) -> set[str]:
    """Every file this build puts into the site besides the search bundles: its files, the
    theme's own pages, and the sitemap's compressed copy."""
    paths = {f.dest_uri for f in files}
    paths.update(config.theme.static_templates)
    if "sitemap.xml" in paths:
        paths.add("sitemap.xml.gz")
    return paths


def remove_stale(site_dir: str, record: SiteRecord, now: set[str], linked: set[str]) -> int:
    """Remove the files the last build wrote and this one does not, and the folders they leave
    empty (a build from nothing has neither); how many files were removed. A link to a cache
    entry that this build does not link goes too: MkDocs writes into the file it finds, and must
    not write into a cache entry."""
    removed = 0
    for path in sorted((record.paths - now) | (record.linked.keys() - linked)):
        with contextlib.suppress(FileNotFoundError):
            os.unlink(os.path.join(site_dir, path))
            removed += 1
        remove_empty_folders(site_dir, os.path.dirname(path))
    return removed


def remove_empty_folders(site_dir: str, folder: str) -> None:
    while folder:
        try:
            os.rmdir(os.path.join(site_dir, folder))
        except OSError:  # not empty, or gone already
            return
        folder = os.path.dirname(folder)


def keep(config: MkDocsConfig, cache: Cache) -> None:
    """A build (not a preview: preview.py keeps its own) into the folder the last build wrote
    keeps that folder instead of letting MkDocs empty it."""
    record = None if os.environ.get(preview.PREVIEW) else take_record(cache, config.site_dir)
    remember(config, record)
    if record is not None:
        preview.set_aside(config)
