"""Search bundles kept between builds, by the content hash of what they index.

A bundle is stored under its digest (`<folder>/<digest>/`), so two sites, or two builds at once,
never overwrite each other's bundle: a digest names exactly one bundle. A bundle is built in a
temporary folder and renamed into place, so a killed build leaves no half bundle under a digest,
only a `tmp-*` folder, which a later build removes. The cache is only ever a shortcut: deleting
the folder makes the next build index everything again.
"""

from __future__ import annotations

import os
import shutil
import tempfile
import time
from pathlib import Path

SEEN = "pages-seen.txt"  # what the last build read of its pages, by their keys (not a bundle)
KEEP_UNUSED = 64  # bundles kept beyond those the last build used (other sites, older states)
STALE_TMP_SECONDS = 6 * 3600  # a temporary folder this old belongs to a build that died


class BundleCache:
    """Bundles by digest in a folder; with no folder, a cache that holds nothing."""

    def __init__(self, folder: Path | None) -> None:
        self.folder = folder
        self.used: set[str] = set()

    def get(self, digest: str) -> Path | None:
        """The stored bundle for a digest, or None; marks it as used."""
        if self.folder is None:
            return None
        bundle = self.folder / digest
        if not (bundle / "pagefind-entry.json").is_file():
            return None
        self.used.add(digest)
        os.utime(bundle)  # most recently used, for pruning
        return bundle

    def workspace(self) -> Path:
        """A new empty folder to build in: inside the cache (so a rename can store it), or in
        the system's temporary folder when there is no cache."""
        if self.folder is None:
            return Path(tempfile.mkdtemp(prefix="referat-search-"))
        self.folder.mkdir(parents=True, exist_ok=True)
        return Path(tempfile.mkdtemp(prefix="tmp-", dir=self.folder))

    def put(self, digest: str, bundle: Path) -> Path:
        """Store a freshly built bundle under its digest; where it now is."""
        if self.folder is None:
            return bundle
        target = self.folder / digest
        try:
            bundle.rename(target)
        except OSError:  # another build stored the same digest first: the two are the same
            shutil.rmtree(bundle, ignore_errors=True)
        self.used.add(digest)
        return target

    def prune(self) -> None:
        """Remove dead temporary folders and all but the newest unused bundles."""
        if self.folder is None or not self.folder.is_dir():
            return
        now = time.time()
        unused = []
        for entry in self.folder.iterdir():
            age = now - entry.stat().st_mtime
            if entry.name == SEEN:
                continue
            if entry.name.startswith("tmp-"):
                if age > STALE_TMP_SECONDS:
                    remove(entry)
            elif entry.name not in self.used:
                unused.append((age, entry))
        for _, entry in sorted(unused)[KEEP_UNUSED:]:
            shutil.rmtree(entry, ignore_errors=True)


    def seen(self) -> dict[str, tuple[str | None, str]]:
        """The year and indexed hash of the pages the last build read, by their keys (a key
        names one page's bytes, so an entry is right whichever build wrote it)."""
        try:
            text = (self.folder / SEEN).read_text(encoding="utf-8") if self.folder else ""
        except OSError:
            return {}
        found: dict[str, tuple[str | None, str]] = {}
        for line in text.splitlines():
            parts = line.split("\t")
            if len(parts) == 3:
                found[parts[0]] = (parts[1] or None, parts[2])
        return found

    def keep_seen(self, seen: dict[str, tuple[str | None, str]]) -> None:
        """Keep what this build read of its pages for the next, whole or not at all."""
        if self.folder is None:
            return
        self.folder.mkdir(parents=True, exist_ok=True)
        handle, temporary = tempfile.mkstemp(dir=self.folder, prefix="tmp-seen-")
        with os.fdopen(handle, "w", encoding="utf-8") as out:
            out.writelines(f"{key}\t{year or ''}\t{digest}\n" for key, (year, digest) in seen.items())
        os.replace(temporary, self.folder / SEEN)


def remove(entry: Path) -> None:
    """A folder or a file left by a build that died."""
    if entry.is_dir():
        shutil.rmtree(entry, ignore_errors=True)
    else:
        entry.unlink(missing_ok=True)


def link_tree(source: Path, target: Path) -> None:
    """Put a copy of a folder at target, hard-linking files where the file system allows."""
    for parent, _, files in os.walk(source):
        folder = target / Path(parent).relative_to(source)
        folder.mkdir(parents=True, exist_ok=True)
        for name in files:
            link_file(Path(parent) / name, folder / name)


def link_file(source: Path, target: Path) -> None:
    """Hard-link a file, or copy it when the two folders are on different file systems."""
    try:
        os.link(source, target)
    except OSError:
        shutil.copy2(source, target)
