"""A meetings folder in a git repository of its own, built before and after a correction: the
sites the feed, calendar and corrections tests read back, built with MkDocs (`build_twice`), or
the feeds, calendars and data files alone, made by the engine (`make_twice`: 0.2 s, not 4 s).

The first commit publishes three meetings (held, planned, cancelled); the second corrects a
decision of the held meeting and the place of the planned one. Commit dates are fixed, so the
dates the pages show are known.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from sites import mkdocs_build

SITE_URL = "https://referat.example.dk/"
SITE_NAME = "Referater og beslutninger"  # mkdocs.yml's site_name, which feeds and calendars carry
REPO_URL = "https://github.com/byraadet-kommune/referater"  # not the example's placeholder
FIRST = "2025-11-27T09:00:00+01:00"
SECOND = "2025-12-03T14:30:00+01:00"
FIRST_MESSAGE = "Referat fra Byrådet 26. november"
SECOND_MESSAGE = "Rettet beslutning i punkt 1 og mødested (spurgt af jens.hansen@example.dk)"
CLOSED_TITLE = "Personalesag Grusgravvej"

HELD = """\
date: 2025-11-26
start: "17:00"
end: "19:30"
location: Byrådssalen
items:
  - number: 1
    title: Budget for <b>Skolevej</b>
    journal: 00.30.00-S00-1-25
    topics: [Økonomi, Skoler]
    sections:
      Sagsfremstilling: |
        Forvaltningen foreslår en ny cykelsti.
    decision: {decision}
  - number: 2
    title: {closed}
    closed: true
    decision: Indstillingen blev tiltrådt.
"""
PLANNED = """\
date: 2026-06-17
start: "16:00"
location: {place}
status: planned
items:
  - number: 1
    title: Budget for Skolevej, opfølgning
    journal: 00.30.00-S00-1-25
    topics: [Økonomi]
"""
CANCELLED = """\
date: 2026-08-19
status: cancelled
items: []
"""
BEFORE = {"decision": "Godkendt.", "place": "Mødelokale 2", "closed": CLOSED_TITLE}
AFTER = {"decision": "Godkendt med den ændring, at stien bliver bredere.",
         "place": "Rådhuset, lokale 7", "closed": CLOSED_TITLE}


def write(meetings: Path, values: dict[str, str]) -> None:
    folder = meetings / "byraadet"
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "body.yml").write_text("name: Byrådet\n", encoding="utf-8")
    (folder / "2025-11-26.yml").write_text(HELD.format(**values), encoding="utf-8")
    (folder / "2026-06-17.yml").write_text(PLANNED.format(**values), encoding="utf-8")
    (folder / "2026-08-19.yml").write_text(CANCELLED, encoding="utf-8")


def git(repo: Path, *args: str, when: str = FIRST) -> str:
    env = {**os.environ, "GIT_AUTHOR_NAME": "Sekretariatet", "GIT_AUTHOR_EMAIL": "post@example.dk",
           "GIT_COMMITTER_NAME": "Sekretariatet", "GIT_COMMITTER_EMAIL": "post@example.dk",
           "GIT_AUTHOR_DATE": when, "GIT_COMMITTER_DATE": when}
    done = subprocess.run(["git", "-C", str(repo), *args], capture_output=True, text=True,
                          env=env, check=True)
    return done.stdout.strip()


def commit(repo: Path, message: str, when: str) -> str:
    git(repo, "add", "-A", when=when)
    git(repo, "commit", "-q", "-m", message, when=when)
    return git(repo, "rev-parse", "HEAD")


def build(site: Path, meetings: Path) -> str:
    """Build the site from `meetings`; the build's log (stderr)."""
    git_folder = Path(shutil.which("git") or "git").parent  # the build runs with a bare PATH
    path = f"{Path(sys.executable).parent}{os.pathsep}{git_folder}"
    result = mkdocs_build(site, meetings, {"SITE_URL": SITE_URL, "REPO_URL": REPO_URL,
                                           "PATH": path})
    assert result.returncode == 0, result.stderr
    return result.stderr


def make(site: Path, meetings: Path) -> str:
    """Write the files the engine makes whole for `meetings` (feeds, calendars, data files) into
    `site`, with the build's settings; what the build would log. MkDocs publishes these files as
    they are (test_feeds.py proves it), so a test that reads only them needs no MkDocs build."""
    from referat.engine import build_site  # only when used: the engine is 0.4 s of importing

    made = build_site(meetings, SITE_NAME, display_root=meetings.parent, site_url=SITE_URL,
                      repo_url=REPO_URL, git_history=True)
    assert not [p for p in made.problems if p.is_error], made.problems
    for text in made.texts:
        (site / text.path).parent.mkdir(parents=True, exist_ok=True)
        (site / text.path).write_text(text.content(), encoding="utf-8")
    return "".join(f"INFO    -  {note}\n" for note in made.notes)


@dataclass(frozen=True)
class Builds:
    before: Path  # the site after the first commit
    after: Path  # the site after the correction
    first: str  # the commits' hashes
    second: str
    repo: Path
    log: str  # the second build's log


def twice(root: Path, publish: Callable[[Path, Path], str]) -> Builds:
    """The meetings committed, then corrected and committed again; `publish` makes the site after
    each commit."""
    repo = root / "repo"
    meetings = repo / "meetings"
    write(meetings, BEFORE)
    git(repo.parent, "init", "-q", str(repo))
    first = commit(repo, FIRST_MESSAGE, FIRST)
    publish(root / "before", meetings)
    write(meetings, AFTER)
    second = commit(repo, SECOND_MESSAGE, SECOND)
    log = publish(root / "after", meetings)
    return Builds(root / "before", root / "after", first, second, repo, log)


def build_twice(root: Path) -> Builds:
    """The sites built with MkDocs: pages, feeds, calendars, data files and search. (The call of
    `build` is written out so that tests/conftest.py sees that its users build a site.)"""
    return twice(root, lambda site, meetings: build(site, meetings))


def make_twice(root: Path) -> Builds:
    """The engine's files only (feeds, calendars, data files): no pages, no search index."""
    return twice(root, make)
