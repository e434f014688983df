"""Each meeting's share of the data outputs (feeds, calendars, open data, OParl), kept in the
cache by a digest of that meeting's inputs: a rebuild after one edit makes the edited meeting's
share again and reads every other meeting's, and a list or a whole file is put together from
the pieces (or read whole, while the keys of its pieces are the same).

A meeting's inputs (`meeting_key`) are its file as the loader read it, its body, its file's git
history and what every data file shows of the site: the engine, the site's address and name,
the repository's address, the licence and the language. The file is counted by its bytes when
it was last changed before this process started (so it is the file the loader read); a file
changed since (a save during `mkdocs serve`, perhaps while the build read it) is counted by the
meeting as loaded, its repr, which costs more but is what the outputs are made of.

Pieces are kept in groups of consecutive keys, and each on its own too: an unchanged group is one
read, and a group with a changed piece reads its other pieces one by one and makes that one.
Meetings are grouped by GROUP (an edit is mostly of the newest); feeds, cases and persons, which
one edit changes at scattered places, in smaller groups (`group_size`).
"""

from __future__ import annotations

import math
import os
import time
from collections.abc import Callable, Sequence
from functools import partial
from typing import TypeVar

from . import i18n
from .cache import digest, engine_version
from .generators import Run
from .model import Item, Meeting

GROUP = 100  # pieces in one entry of a group
EDITED = 25  # about the number of feeds (or of cases, or of persons) one meeting is in
STARTED = time.time_ns()  # when this process began (imported with the generators, before a build)
# A modification time later than STARTED minus this may be of a save after the loader read the
# file: the kernel stamps files with a clock that lags by a few milliseconds, and a filesystem
# that keeps whole seconds only (FAT, HFS+) rounds down by up to two.
LAG_NS = 50_000_000
COARSE_NS = 2_000_000_000
SUFFIXES = (".yml", ".yaml")  # a meeting file's (loader.YAML_SUFFIXES)
T = TypeVar("T")


def site_key(run: Run) -> str:
    """What every piece shows of the site (made once a run)."""
    if (found := run.memo.get("site-key")) is None:
        found = run.memo["site-key"] = digest(
            engine_version(), run.site_url, run.site_name, run.repo_url, repr(run.licence),
            i18n.current())
    return str(found)


def meeting_key(run: Run, meeting: Meeting) -> str:
    """The digest of a meeting's inputs (made once a run per meeting)."""
    keys: dict[int, str] = run.memo.setdefault("meeting-keys", {})
    if (found := keys.get(id(meeting))) is None:
        read = source_bytes(run, meeting)
        found = keys[id(meeting)] = digest(
            site_key(run), repr(meeting.body), meeting.source, meeting.slug,
            *(("file", read) if read is not None else ("loaded", repr(meeting))),
            repr(run.history.of(meeting.body.slug, meeting.slug)))
    return found


def source_bytes(run: Run, meeting: Meeting) -> bytes | None:
    """The meeting file's bytes, when it was last changed before this process started; else
    None (the file may have changed since the loader read it)."""
    for suffix in SUFFIXES:
        path = run.meetings / meeting.body.slug / (meeting.slug + suffix)
        try:
            changed = os.stat(path).st_mtime_ns
        except OSError:
            continue
        return path.read_bytes() if trusted(changed) else None
    return None


def trusted(changed: int) -> bool:
    """Whether a file with this modification time (ns) was surely last changed before STARTED
    (a time in whole seconds may be a coarse filesystem's, rounded down)."""
    return changed < STARTED - (COARSE_NS if changed % 1_000_000_000 == 0 else LAG_NS)


def one(run: Run, namespace: str, key: str, make: Callable[[], T]) -> T:
    """A piece from the cache, or made and kept there."""
    if run.cache is None:
        return make()
    found = run.cache.load(namespace, key)
    if found is None:
        found = make()
        run.cache.store(namespace, key, found)
    return found  # type: ignore[no-any-return]


def grouped(run: Run, namespace: str, keys: Sequence[str], make: Callable[[int], T],
            scattered: bool = False) -> list[T]:
    """The pieces of these keys, in order; `make(n)` makes the n-th. A group of GROUP is one
    entry, read while all of its keys are the same. Pieces an edit changes at `scattered` places
    (the feeds, cases and persons of one meeting) are kept in smaller groups (`group_size`)."""
    if run.cache is None:
        return [make(n) for n in range(len(keys))]
    size = group_size(len(keys)) if scattered else GROUP
    found: list[T] = []
    for start in range(0, len(keys), size):
        part = keys[start:start + size]
        key = digest("group", *part)
        if (got := run.cache.load(namespace, key)) is None:
            got = [one(run, namespace, k, partial(make, start + n)) for n, k in enumerate(part)]
            run.cache.store(namespace, key, got)
        found += got
    return found


def group_size(count: int) -> int:
    """Groups of n of `count` pieces, of which about EDITED change at scattered places, cost
    count / n reads of groups and EDITED * n reads of single pieces: fewest at sqrt(count / EDITED)."""
    return max(10, math.isqrt(count // EDITED))


def agenda_place(run: Run, item: Item) -> int:
    """A punkt's place on its meeting's agenda (from 0), by the punkt itself (made once a run)."""
    places: dict[int, int] | None = run.memo.get("agenda-places")
    if places is None:
        places = run.memo["agenda-places"] = {id(each): n for m in run.catalog.meetings
                                              for n, each in enumerate(m.items)}
    return places[id(item)]
