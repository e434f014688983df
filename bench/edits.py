"""The benchmark's edits: one decision corrected in the newest meeting, for the rebuild and for the
serve preview (``mkdocs serve``: the time from the save until the served page shows it).

The newest meeting is edited because that is where corrections land, and its year is the
search partition of its own (hooks/referat/search_partitions.py). The edit is made in the text,
not by dumping the YAML again, so the rest of the file stays byte for byte as it was: a plain
word is added at the end of the first open item's decision.
"""

from __future__ import annotations

import re
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

DECISION = re.compile(r"^(?P<indent> +)decision: (?P<value>.*)$")
POLL_SECONDS = 0.05  # between two requests for the edited page
START_SECONDS = 3600  # the longest `mkdocs serve` may take for its first build
PREVIEW_SECONDS = 300  # the longest the preview may take to show an edit


class EditFailed(Exception):
    """The archive has no decision to edit, or the preview never showed the edit."""


def newest_meeting(archive: Path) -> Path:
    """The meeting file with the latest date (file names are dates), across every body."""
    meetings = [p for p in archive.glob("*/*.yml") if p.name != "body.yml"]
    if not meetings:
        raise EditFailed(f"no meeting files in {archive}")
    return max(meetings, key=lambda p: (p.stem, p.parent.name))


def meeting_url(archive: Path, meeting: Path) -> str:
    """The meeting page's address relative to the site's root (the engine's `<body>/<date>/`)."""
    return f"{meeting.parent.name}/{meeting.stem}/"


def edit_decision(meeting: Path, word: str) -> None:
    """Add `word` to the end of the first decision written as a literal block or a plain one-line
    scalar (the two forms synth.py writes for open items)."""
    lines = meeting.read_text("utf-8").splitlines(keepends=True)
    for i, line in enumerate(lines):
        found = DECISION.match(line.rstrip("\n"))
        if not found:
            continue
        value = found["value"]
        if value in ("|", "|-", "|+") and i + 1 < len(lines):
            indent = re.match(r" *", lines[i + 1])[0]  # type: ignore[index]
            end = i + 1
            while end < len(lines) and (lines[end].startswith(indent) or not lines[end].strip()):
                end += 1
            lines.insert(end, f"{indent}{word}\n")
        elif value and value[0] not in "\"'[{&*!|>%@`#":
            lines[i] = line.rstrip("\n") + f" {word}\n"
        else:
            continue
        meeting.write_text("".join(lines), "utf-8")
        return
    raise EditFailed(f"{meeting}: no decision written in a form the benchmark can edit")


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def fetch(url: str) -> str | None:
    """The page's text, or None while the server is not answering it."""
    try:
        with urllib.request.urlopen(url, timeout=60) as response:  # noqa: S310 (localhost)
            return str(response.read().decode("utf-8", errors="replace"))
    except (urllib.error.URLError, ConnectionError, TimeoutError, OSError):
        return None


def wait_for(url: str, word: str, seconds: float, server: subprocess.Popen[bytes]) -> float:
    """Seconds until the page at url contains word; EditFailed if the server dies or it takes
    longer than `seconds`."""
    started = time.perf_counter()
    while time.perf_counter() - started < seconds:
        if server.poll() is not None:
            raise EditFailed(f"mkdocs serve exited with {server.returncode}")
        text = fetch(url)
        if text is not None and word in text:
            return time.perf_counter() - started
        time.sleep(POLL_SECONDS)
    raise EditFailed(f"{url} did not show {word!r} within {seconds:.0f} s")


@contextmanager
def serving(root: Path, env: dict[str, str], log: Path,
            port: int) -> Iterator[tuple[str, subprocess.Popen[bytes]]]:
    """`mkdocs serve` of the project at root on a port; its base URL and process."""
    command = [sys.executable, "-m", "mkdocs", "serve", "--dev-addr", f"127.0.0.1:{port}"]
    with log.open("wb") as out:
        server = subprocess.Popen(command, cwd=root, env=env, stdout=out, stderr=subprocess.STDOUT)
        try:
            yield f"http://127.0.0.1:{port}/", server
        finally:
            server.terminate()
            try:
                server.wait(timeout=30)
            except subprocess.TimeoutExpired:
                server.kill()
                server.wait()


def preview_latency(root: Path, env: dict[str, str], archive: Path, log: Path,
                    port: int) -> tuple[float, float]:
    """(seconds of the first build under `mkdocs serve`, seconds from saving an edited decision
    until the served meeting page shows it)."""
    meeting = newest_meeting(archive)
    before, after = f"Forhaandsvist{time.time_ns()}", f"Gemt{time.time_ns()}"
    edit_decision(meeting, before)
    with serving(root, env, log, port) as (base, server):
        url = base + meeting_url(archive, meeting)
        first = wait_for(url, before, START_SECONDS, server)
        time.sleep(1.0)  # past the watcher's first scan, so the save is seen as a change
        edit_decision(meeting, after)
        return first, wait_for(url, after, PREVIEW_SECONDS, server)
