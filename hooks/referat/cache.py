"""A content-addressed cache on disk, for parsed meeting files and rendered pages.

An entry's name is the digest of everything its content depends on, so an entry is never stale:
a changed input gives another name. Entries are written to a temporary file and renamed into
place (`os.replace`), so a killed build leaves no half-written entry, and two builds at once at
worst write the same bytes twice. Nothing is ever updated in place; clearing the cache is
`rm -rf .cache/referat` (`make clean-cache`), and costs one slower build.
"""

from __future__ import annotations

import errno
import hashlib
import os
import pickle
import tempfile
from functools import cache
from pathlib import Path
from typing import Any

PACKAGE = Path(__file__).resolve().parent
# The namespace of the site's whole files (feeds, data files, OParl), by a token naming their
# bytes: the engine keeps some there as it makes them, and the adapter links the site's from it.
TEXTS = "texts"


def digest(*parts: str | bytes) -> str:
    """A hex digest of the parts, each length-prefixed so that no two lists of parts collide."""
    h = hashlib.blake2b(digest_size=20)
    for part in parts:
        data = part.encode("utf-8") if isinstance(part, str) else part
        h.update(len(data).to_bytes(8, "little"))
        h.update(data)
    return h.hexdigest()


@cache
def engine_version() -> str:
    """A digest of the engine's own source: any change to the code, or to a catalog of the site's
    words (locale/), invalidates every entry."""
    files = sorted([*PACKAGE.rglob("*.py"), *PACKAGE.rglob("*.po")])
    return digest(*(part for path in files
                    for part in (path.relative_to(PACKAGE).as_posix(), path.read_bytes())))


class Cache:
    """Entries by namespace (`meetings`, `pages`) and key, under `root`."""

    def __init__(self, root: Path) -> None:
        self.root = root
        self.base = os.fspath(root)
        self.folders: set[Path] = set()  # made (or found) by this process: no mkdir per entry
        self.names: set[str] = set()  # the same, named as strings (folder_of)

    def folder(self, target: Path) -> None:
        if target.parent not in self.folders:
            target.parent.mkdir(parents=True, exist_ok=True)
            self.folders.add(target.parent)

    def folder_of(self, location: str) -> None:
        """The folder of an entry named by its `location`, made if it is not there."""
        folder = os.path.dirname(location)
        if folder not in self.names:
            os.makedirs(folder, exist_ok=True)
            self.names.add(folder)

    def path(self, namespace: str, key: str, suffix: str = "") -> Path:
        return Path(self.location(namespace, key, suffix))

    def location(self, namespace: str, key: str, suffix: str = "") -> str:
        """The entry's path as a string: a rebuild at 50,000 punkter asks for some 300,000
        entries, and pathlib's parsing of each was seconds of it."""
        return f"{self.base}/{namespace}/{key[:2]}/{key}{suffix}"

    def read(self, namespace: str, key: str, suffix: str = "") -> bytes | None:
        try:
            with open(self.location(namespace, key, suffix), "rb") as entry:
                return entry.read()
        except OSError:
            return None

    def has(self, namespace: str, key: str, suffix: str = "") -> bool:
        return os.path.isfile(self.location(namespace, key, suffix))

    def write(self, namespace: str, key: str, data: bytes, suffix: str = "") -> Path:
        """Write an entry atomically: whole or not at all."""
        target = self.path(namespace, key, suffix)
        self.folder(target)
        try:
            handle, temporary = tempfile.mkstemp(dir=target.parent, prefix=".tmp-")
        except FileNotFoundError:  # the cache was cleared while this build ran
            self.folders.clear()
            self.folder(target)
            handle, temporary = tempfile.mkstemp(dir=target.parent, prefix=".tmp-")
        try:
            with os.fdopen(handle, "wb") as out:
                out.write(data)
            os.replace(temporary, target)
        except BaseException:
            Path(temporary).unlink(missing_ok=True)
            raise
        return target

    def text(self, key: str) -> str:
        """A whole file's text kept in TEXTS; a clear error if the cache has lost it."""
        data = self.read(TEXTS, key)
        if data is None:
            raise FileNotFoundError(errno.ENOENT, f"the cache {self.base} has lost a file this "
                                    "build needs; delete the cache folder and build again")
        return data.decode("utf-8")

    def keep_text(self, key: str, text: str) -> None:
        """Keep a whole file's text in TEXTS under `key`, unless it is there."""
        if not self.has(TEXTS, key):
            self.write(TEXTS, key, text.encode("utf-8"))

    def load(self, namespace: str, key: str) -> Any:
        """A pickled entry, or None if there is none or it cannot be read back."""
        data = self.read(namespace, key, ".pickle")
        if data is None:
            return None
        try:
            return pickle.loads(data)
        except Exception:  # an entry from another Python: treat it as missing
            return None

    def store(self, namespace: str, key: str, value: Any) -> None:
        self.write(namespace, key, pickle.dumps(value, protocol=pickle.HIGHEST_PROTOCOL), ".pickle")
