"""The engine: a meetings folder becomes typed outputs, made by the registered generators
(generators.py). Knows nothing of MkDocs: read -> model -> generate; the adapter writes."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from .cache import Cache
from .catalog import build_catalog
from .corrections import History, read_history
from .generators import Run, run_all
from .i18n import DEFAULT, using
from .loader import load
from .outputs import AttachmentRecord, BuildNote, DecisionRecord, FileCopy, Output, PageOutput, TextOutput
from .problems import Problem
from .settings import DEFAULT_LICENCE, Licence


@dataclass(frozen=True)
class Site:
    """The outputs of a site, or the problems that stop it (then there are no outputs)."""

    outputs: tuple[Output, ...]
    problems: list[Problem]
    notes: tuple[str, ...] = ()  # what the build left out and why, for the build's log
    spent: dict[str, float] = field(default_factory=dict)  # CPU seconds per generator

    @property
    def pages(self) -> list[PageOutput]:
        return [o for o in self.outputs if isinstance(o, PageOutput)]

    @property
    def assets(self) -> list[FileCopy]:
        return [o for o in self.outputs if isinstance(o, FileCopy)]

    @property
    def decisions(self) -> list[DecisionRecord]:
        return [o for o in self.outputs if isinstance(o, DecisionRecord)]

    @property
    def texts(self) -> list[TextOutput]:
        return [o for o in self.outputs if isinstance(o, TextOutput)]

    @property
    def attachment_texts(self) -> list[AttachmentRecord]:
        return [o for o in self.outputs if isinstance(o, AttachmentRecord)]


def build_site(meetings: Path, site_name: str, display_root: Path | None = None,
               cache: Cache | None = None, site_url: str = "", repo_url: str = "",
               licence: Licence = DEFAULT_LICENCE, git_history: bool = False,
               member_pages: bool = True, language: str = DEFAULT) -> Site:
    """Load the meetings folder and make every output; none if any file has an error. With a
    cache, meeting files whose bytes are unchanged are not parsed again. `site_url` makes the
    feeds' and data files' links absolute; `repo_url` links corrections to their diffs;
    `licence` goes into the data files; with `git_history` the meeting files' git history makes
    the corrections log (the adapter asks for it); `member_pages` False makes no members' pages;
    `language` is the language of the site's own words (i18n.py), Danish unless told."""
    archive, problems = load(meetings, display_root, cache)
    if any(p.is_error for p in problems):
        return Site((), problems)
    history = read_history(meetings) if git_history else History()
    run = Run(build_catalog(archive), meetings, site_name, site_url=site_url, repo_url=repo_url,
              licence=licence, history=history, cache=cache, member_pages=member_pages)
    notes: tuple[str, ...] = (f"referat: {history.note}",) if history.note else ()
    with using(language):
        outputs = tuple(run_all(run))
    notes += tuple(o.text for o in outputs if isinstance(o, BuildNote))  # e.g. a PDF with no text
    return Site(outputs, problems, notes, run.spent)
