"""The corrections log: when each meeting file was first published and each later change, read
from the repository's git history in one pass (`git log --name-only` over the meetings folder),
however many files there are.

Without git, outside a repository, or in a shallow clone (whose oldest commit would look like the
first publication of every file), the log is left out and `History.note` says so; the build goes
on. The granularity is the meeting file: a punkt's page shows the changes of its meeting's file.
"""

from __future__ import annotations

import datetime as dt
import re
import shutil
import subprocess
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath

from . import personal

RECORD, UNIT = "\x1e", "\x1f"  # separators git never finds in a hash, a date or a subject line
FORMAT = f"--format={RECORD}%H{UNIT}%cI{UNIT}%s"
MESSAGE_LIMIT = 200  # a subject line longer than this is cut: it is a summary, not the change
HASH = re.compile(r"^[0-9a-f]{40,64}$")


@dataclass(frozen=True)
class Change:
    """One commit that touched a meeting file: its hash, when it was committed, its subject."""

    commit: str
    when: dt.datetime  # aware, as git wrote it
    message: str


@dataclass(frozen=True)
class History:
    """Every meeting file's changes, oldest first, by `key()`; `note` says what was left out."""

    changes: dict[str, tuple[Change, ...]] = field(default_factory=dict)
    note: str | None = None

    def of(self, body: str, stem: str) -> tuple[Change, ...]:
        return self.changes.get(key(body, stem), ())


def key(body: str, stem: str) -> str:
    """A meeting file's key: its body folder and its name without the suffix."""
    return f"{body}/{stem}"


def git(folder: Path, *args: str) -> str | None:
    """git's output in `folder`, or None when git is missing or fails there."""
    try:
        done = subprocess.run(["git", "-C", str(folder), *args], capture_output=True, check=False,
                              timeout=600)
    except (OSError, subprocess.TimeoutExpired):
        return None
    return done.stdout.decode("utf-8", "replace") if done.returncode == 0 else None


def read_history(meetings: Path) -> History:
    """The history of every meeting file under `meetings`, or an empty one saying why not."""
    if shutil.which("git") is None:
        return History(note="git is not installed: pages show no corrections log and feeds "
                            "date entries by the meeting")
    shallow = git(meetings, "rev-parse", "--is-shallow-repository")
    if shallow is None:
        return History(note="the meetings folder is not in a git repository: pages show no "
                            "corrections log and feeds date entries by the meeting")
    if shallow.strip() == "true":
        return History(note="the git history is shallow (a checkout with fetch-depth 1?): the "
                            "corrections log is left out; check out the full history "
                            "(fetch-depth: 0) to show it")
    out = git(meetings, "-c", "core.quotePath=false", "log", "--name-only", "--no-renames",
              "--relative", FORMAT, "--", ".")
    if out is None:
        return History(note="git log failed in the meetings folder: pages show no corrections log")
    return History(parse_log(out))


def parse_log(out: str) -> dict[str, tuple[Change, ...]]:
    """git log's records (newest first) as each file's changes, oldest first."""
    found: dict[str, list[Change]] = {}
    for record in out.split(RECORD)[1:]:
        head, _, names = record.partition("\n")
        commit, when, message = head.split(UNIT, 2)
        if not HASH.match(commit):
            continue
        change = Change(commit, dt.datetime.fromisoformat(when), clean(message))
        for name in names.splitlines():
            parts = PurePosixPath(name.strip()).parts
            if len(parts) >= 2 and parts[-1].endswith((".yml", ".yaml")):
                found.setdefault(key(parts[0], PurePosixPath(parts[-1]).stem), []).append(change)
    return {name: tuple(reversed(changes)) for name, changes in found.items()}


def clean(message: str) -> str:
    """A commit's subject as the log shows it: personal data (an e-mail address, a phone or CPR
    number) left out, as in every output, and a long line cut."""
    text = message.strip()
    for finding in reversed(personal.find(text)):
        text = text[:finding.start] + "[…]" + text[finding.start + len(finding.text):]
    return text if len(text) <= MESSAGE_LIMIT else text[:MESSAGE_LIMIT - 1] + "…"


def commit_url(repo_url: str, commit: str) -> str | None:
    """The page of a commit's diff on the repository's host (GitHub, GitLab, Gitea and Forgejo
    all answer /commit/<hash>), or None without a repository address."""
    if not repo_url.startswith(("https://", "http://")):
        return None
    return f"{repo_url.rstrip('/')}/commit/{commit}"
