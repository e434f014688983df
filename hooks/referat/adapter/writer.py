"""The site's files the adapter writes itself, once its pages are rendered and before MkDocs copies
its own: each rendered page hard-linked from the cache, and each of the engine's whole files
(feeds, calendars, data files, OParl) linked from the cache by the digest of its bytes, or written
and then kept there.

At 50,000 punkter a build puts some 215,000 such files into 100,000 new folders. Done one by one,
as MkDocs copies files, that was half of a rebuild, and most of it Python's own work around each
system call. Here the folders are made once each, parents first, and the files put in a thread
a core: a link, a folder or a write releases the GIL.

A cache entry is never changed in place (cache.py), so a linked page stays as it was built; a
file the site already has is unlinked first, never written into (it may be a cache entry's).
"""

from __future__ import annotations

import contextlib
import os
import stat
import threading
from collections.abc import Callable, Iterable, Mapping, Sequence
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from typing import NoReturn, TypeVar

from mkdocs.exceptions import Abort

from ..cache import TEXTS, Cache, digest
from . import preview

# Threads making folders and links: one a core. More lost time on 2 cores (each call is a few
# microseconds, and the threads then wait on the GIL and on each other in the file system).
THREADS = min(os.cpu_count() or 1, 4)
CHUNK = 256  # files a thread takes at a time: fewer hand-overs between threads
T = TypeVar("T")
R = TypeVar("R")


# Where each of the adapter's files stands in the site: its path -> its token and the inode of
# the file there (a link to its cache entry), as the next build into the same folder checks it.
Placement = dict[str, tuple[str, int]]


@dataclass(frozen=True)
class Entry:
    """One file to put into the site: a cache entry to link (`source`) or a text to write,
    held (`text`) or given by `make` only when the site and the cache have not got it."""

    uri: str  # its path in the site, '/'-separated
    token: str  # what it holds: a page's key, a text's digest
    source: str | None = None
    text: str | None = None  # encoded only when the site has not got it
    make: Callable[[], str] | None = None

    def data(self) -> bytes:
        text = self.text if self.make is None else self.make()
        assert text is not None
        return text.encode("utf-8")


def page_entry(uri: str, rendered: str) -> Entry:
    """A rendered page, linked from its cache entry (whose name is its key)."""
    return Entry(uri, os.path.basename(rendered), source=rendered)


def text_entry(uri: str, text: str, known: str = "", make: Callable[[], str] | None = None) -> Entry:
    """A text, by the digest of its UTF-8 bytes, or `known` when its maker knew its token; a
    text not held is given by `make` (outputs.TextOutput)."""
    if make is not None and known:
        return Entry(uri, known, make=make)
    held = text if make is None else make()  # no token: made once, to hash it and to write it
    return Entry(uri, known or digest(held), text=held)  # digest() hashes a str's UTF-8


def write_site(site_dir: str, entries: Sequence[Entry], texts: Cache | None,
               kept: Mapping[str, tuple[str, int]] | None = None) -> tuple[int, Placement]:
    """Put every entry into the site (in a preview, those its site does not hold as they are;
    in a site `kept` from the last build, those not in place as that build left them:
    inplace.py); how many were written, and where every entry now stands. A file that cannot be
    written stops the build, naming it."""
    previewing = bool(os.environ.get(preview.PREVIEW))
    todo = [e for e in entries if not (previewing and preview.unchanged(site_dir, e.uri, e.token))]
    put = Putter(site_dir, texts)
    make_site_folder(site_dir)
    placement: Placement = {}
    with ThreadPoolExecutor(THREADS, thread_name_prefix="referat-write") as pool:
        if kept is not None:
            # In this thread: a look at a file is a system call too short to share out, and on
            # 2 cores the threads took 1.0 s for the 232,565 files of 50,000 punkter, one 0.76 s.
            there = [put.placed(kept, entry) for entry in todo]
            placement = {e.uri: kept[e.uri] for e, ok in zip(todo, there, strict=True) if ok}
            todo = [e for e, ok in zip(todo, there, strict=True) if not ok]
        for level in folder_levels(site_dir, (e.uri for e in todo)):
            in_chunks(pool, put.folder, level)
        placement.update(zip((e.uri for e in todo), in_chunks(pool, put.entry, todo), strict=True))
    if previewing:
        for entry in todo:
            preview.wrote(site_dir, entry.uri, entry.token)
    return len(todo), placement


def in_chunks(pool: ThreadPoolExecutor, put: Callable[[T], R], items: Sequence[T]) -> list[R]:
    """`put` every item, a chunk to a thread at a time, and what each gave, in order: a thread
    pool's `map` hands over each item on its own (its chunksize is for process pools), and that
    was most of the time."""
    def chunk(start: int) -> list[R]:
        return [put(item) for item in items[start:start + CHUNK]]
    # list(): an error in a thread is raised here
    return [r for done in list(pool.map(chunk, range(0, len(items), CHUNK))) for r in done]


def make_site_folder(site_dir: str) -> None:
    """MkDocs makes the site folder only when it copies its first file, after this."""
    try:
        os.makedirs(site_dir, exist_ok=True)
    except OSError as error:
        fail(site_dir, error.strerror)


def folder_levels(site_dir: str, uris: Iterable[str]) -> list[list[str]]:
    """The site's folders these files need, in levels: a level's folders have their parents in
    the levels before it."""
    needed: set[str] = set()
    for uri in uris:
        folder = os.path.dirname(uri)
        while folder and folder not in needed:
            needed.add(folder)
            folder = os.path.dirname(folder)
    levels: dict[int, list[str]] = {}
    for folder in needed:
        levels.setdefault(folder.count("/"), []).append(os.path.join(site_dir, folder))
    return [levels[depth] for depth in sorted(levels)]


class Putter:
    """Puts one entry or one folder into the site; called from several threads at once."""

    def __init__(self, site_dir: str, texts: Cache | None) -> None:
        self.site_dir, self.texts = site_dir, texts

    def folder(self, path: str) -> None:
        try:
            os.mkdir(path)
        except FileExistsError:
            if not os.path.isdir(path):
                fail(path, "a file has the name of a folder the site needs")
        except OSError as error:
            fail(path, error.strerror)

    def placed(self, kept: Mapping[str, tuple[str, int]], entry: Entry) -> bool:
        """Whether the site's file is still what the last build put there for this entry: the
        same token, and the same file (one look at its inode; a file put there by hand, or a
        symbolic link, is another). Cache entries never change (cache.py), so neither did it."""
        token, inode = kept.get(entry.uri, ("", 0))
        if token != entry.token:
            return False
        try:
            there = os.lstat(f"{self.site_dir}/{entry.uri}")
        except OSError:
            return False
        return there.st_ino == inode and stat.S_ISREG(there.st_mode)

    def entry(self, entry: Entry) -> tuple[str, int]:
        """Put the entry there; its token and the inode of its file, for the next build."""
        target = os.path.join(self.site_dir, entry.uri)
        try:
            if entry.source is not None:
                link_or_copy(entry.source, target)
            else:
                self.text(entry, target)
            return entry.token, os.lstat(target).st_ino
        except OSError as error:
            fail(target, error.strerror)

    def text(self, entry: Entry, target: str) -> None:
        """The text linked from the cache by its token, or written and then kept there by a
        second link."""
        if self.texts is None:
            write_bytes(target, entry.data())
            return
        kept = self.texts.location(TEXTS, entry.token)
        try:
            link(kept, target)
            return
        except OSError:  # not in the cache yet, or the cache is on another file system
            write_bytes(target, entry.data())
        keep(self.texts, kept, target)


def link(source: str, target: str) -> None:
    """A hard link; a file already there (`mkdocs build --dirty`) is unlinked first."""
    try:
        os.link(source, target)
    except FileExistsError:
        os.unlink(target)
        os.link(source, target)


def link_or_copy(source: str, target: str) -> None:
    """A link, or a copy where the site is on another file system than the cache."""
    try:
        link(source, target)
    except OSError:
        if not os.path.exists(source):
            raise
        with open(source, "rb") as page:
            write_bytes(target, page.read())


def write_bytes(target: str, data: bytes) -> None:
    if os.path.lexists(target):  # never write into a link: it may be a cache entry's
        os.unlink(target)
    with open(target, "wb") as out:
        out.write(data)


def keep(cache: Cache, entry: str, target: str) -> None:
    """Put a file just written into the cache under its digest, by a link renamed into place
    (a whole entry or none, as Cache.write); a cache on another file system keeps nothing."""
    cache.folder_of(entry)
    temporary = f"{os.path.dirname(entry)}/.tmp-{os.getpid()}-{threading.get_ident()}-" \
                f"{os.path.basename(entry)}"
    try:
        os.link(target, temporary)
        os.replace(temporary, entry)
    except OSError:
        with contextlib.suppress(OSError):
            os.unlink(temporary)


def fail(path: str, reason: str | None) -> NoReturn:
    raise Abort(f"referat: could not write {path}: {reason or 'unknown error'}; the site is "
                "incomplete, so publish nothing from it and build again")
