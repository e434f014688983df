"""Work done ahead in a forked process, in a cold build, to fill the cache: half the parsing of
the meeting files, and the data generators while the build's own process makes the pages.

The loader's cache is filled first: when most meeting files are not in it, a child parses half of
those and the build's process the other half, each storing what it parsed; then the loader runs
as always and finds every file in the cache (`split`).

A generator registered `ahead` reads only the catalog and the files to copy, so it can run as
soon as those are made. In a cold build (most meeting files parsed anew, so most of what the
generators keep in the cache is missing), a child process forked after the files runs every
such generator and throws its outputs away: what it keeps is what it put into the cache (each
meeting's pieces, the whole files' texts). The build's process makes the pages meanwhile, waits
for the child, and then runs the same generators, which now find their pieces in the cache. The
outputs are the ones a build without the child makes; only the work moves to the idle core (at
50,000 punkter the feeds, OParl, open data and calendars are some 36 s of a cold build's CPU).

A warm build (a rebuild after an edit) runs no child: its generators take little, and a fork
would copy the pages of a large process for nothing. Nor does a process with threads running
(a fork copies only the thread that forks, and a lock another thread held stays held), nor a
platform without fork. The child's failure costs nothing but its time: the build's process
makes whatever is missing itself.
"""

from __future__ import annotations

import contextlib
import multiprocessing
import os
import threading
from collections.abc import Callable, Sequence
from typing import Any, TypeVar

T = TypeVar("T")

COLD = 0.5  # the share of meeting files parsed anew above which a build counts as cold


def start(run: Any, generate: Sequence[Callable[[Any], object]]) -> int | None:
    """Fork a child that runs these generators for the cache; its pid, or None when not worth it."""
    if not generate or not is_cold(run) or not can_fork():
        return None
    return in_child(lambda: [each(run) for each in generate])


def split(items: Sequence[T], work: Callable[[T], object]) -> None:
    """`work` on every item, the second half in a forked child, for what it puts in the cache;
    nothing where there is no fork (the caller then does the work as it always does)."""
    if not can_fork():
        return
    half = len(items) // 2
    child = in_child(lambda: [work(item) for item in items[half:]])
    try:
        for item in items[:half]:
            work(item)
    finally:
        wait(child)


def in_child(work: Callable[[], object]) -> int:
    """Fork a child that does `work` and ends; its pid."""
    pid = os.fork()
    if pid:
        return pid
    code = 0
    try:
        work()
    except BaseException:  # the parent makes it then; nothing may leave this process but its exit
        code = 1
    finally:
        os._exit(code)


def wait(pid: int | None) -> None:
    """Wait for the child (its exit status does not matter: see the module's doc)."""
    if pid is not None:
        with contextlib.suppress(ChildProcessError):
            os.waitpid(pid, 0)


def is_cold(run: Any) -> bool:
    archive = run.catalog.archive
    return run.cache is not None and archive.parsed > COLD * max(1, len(archive.meetings))


def can_fork() -> bool:
    return "fork" in multiprocessing.get_all_start_methods() and threading.active_count() == 1
