"""Addresses: no two things may get the same page, and no name may take a page the site needs.

Topics that differ only in case or spacing ('Økonomi', 'økonomi') are one topic on purpose. Any
other two topics, or two journal numbers written differently, whose slugs are the same would share
a page (or one would get an address nobody can guess): that is an error naming both places. A body
folder may not take the address of an index page, of a hand-written page in the docs folder or of
what the theme and the search index write; a topic or journal number may not be called 'index'.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import yaml

from . import paths, search, urls
from .model import Meeting
from .problems import Problem
from .slugs import slugify

# Folders the theme writes at the top of the site (Material's assets, MkDocs' search); the rest
# are derived from the engine's paths, the search bundles and the docs folder.
THEME_FOLDERS = {"assets": "the theme's files", "search": "the theme's search"}


def engine_names() -> dict[str, str]:
    """Top-level names of the generated index pages and the search index, with what they are."""
    indexes = {paths.FRONT: "the front page", paths.BODIES: "the list of bodies",
               paths.YEARS: "the list of years", paths.TOPICS: "the list of topics",
               paths.JOURNALS: "the list of cases", paths.cases_of_year(2000): "the cases by year"}
    names = {page.split("/")[0].removesuffix(".md"): what for page, what in indexes.items()}
    names |= {search.BUNDLE: "the search index", search.DECISIONS: "the decisions' search index"}
    # The data files' folder is the page Data og abonnement's own (docs/data.md reserves it).
    names |= {urls.OPARL: "the OParl-shaped API",
              urls.DECISIONS_FEED.split("/")[0]: "the site's feeds",
              urls.ALL_MEETINGS_CALENDAR.split("/")[0]: "the calendar of every meeting"}
    return names | THEME_FOLDERS


def docs_folder(project: Path) -> Path | None:
    """The docs folder of the MkDocs project whose mkdocs.yml is in `project`, if there is one."""
    config = project / "mkdocs.yml"
    if not config.is_file():
        return None
    stat = config.stat()
    folder = project / docs_dir_name(config, stat.st_mtime_ns, stat.st_size)
    return folder if folder.is_dir() else None


@lru_cache(maxsize=8)
def docs_dir_name(config: Path, mtime_ns: int, size: int) -> str:
    """mkdocs.yml's `docs_dir`, read once per version of the file (a load asks three times; the
    file's time and size are in the cache's key, so an edited file is read again)."""
    try:  # composed, not loaded: mkdocs.yml has tags (!ENV) that only MkDocs constructs
        root = yaml.compose(config.read_text(encoding="utf-8"), Loader=yaml.SafeLoader)
    except (OSError, UnicodeDecodeError, yaml.YAMLError):
        root = None
    if isinstance(root, yaml.MappingNode):
        return next((str(v.value) for k, v in root.value if k.value == "docs_dir" and
                     isinstance(v, yaml.ScalarNode)), "docs")
    return "docs"


def site_names(project: Path) -> dict[str, str]:
    """Every top-level name the site uses for its own pages, with what uses it."""
    names = engine_names()
    docs = docs_folder(project)
    if docs is not None:
        for entry in docs.iterdir():
            name = entry.stem if entry.suffix == ".md" else entry.name
            names.setdefault(name, f"docs/{entry.name}")
    return names


def check_docs(project: Path, show: str) -> list[Problem]:
    """Hand-written pages at the address of a generated index page, found before a build."""
    docs = docs_folder(project)
    if docs is None:
        return []
    generated = engine_names()
    return [Problem(f"{show}/{entry.name}", 1, "docs", f"has the address of {generated[name]}, "
                    "which the site makes; rename or remove it")
            for entry in sorted(docs.iterdir())
            if (name := entry.stem if entry.suffix == ".md" else entry.name) in generated
            and name not in THEME_FOLDERS and name not in (search.BUNDLE, search.DECISIONS)]


@dataclass(frozen=True)
class Place:
    """Where a name is written: file, line and field."""

    name: str
    source: str
    line: int
    field: str

    def __str__(self) -> str:
        return f"'{self.name}' ({self.source}:{self.line})"


def check_archive(meetings: Iterable[Meeting],
                  lines: Mapping[str, Mapping[str, int]]) -> list[Problem]:
    """Topics and journal numbers that would share a page or take an index page's address."""
    topics: list[Place] = []
    journals: list[Place] = []
    for meeting in meetings:
        at = lines.get(meeting.source, {})
        for item in meeting.items:
            field = f"{item.where}.topics"
            topics += [Place(t, meeting.source, at.get(field, item.line), f"{field}[{i}]")
                       for i, t in enumerate(item.topics, 1)]
            if item.journal:
                field = f"{item.where}.journal"
                journals.append(Place(item.journal, meeting.source, at.get(field, item.line), field))
    return [*_clashes(topics, "topic", paths.topic, same_topic),
            *_clashes(journals, "journal number", paths.journal, str)]


def same_topic(name: str) -> str:
    """Spellings of one topic: case and spacing do not count."""
    return " ".join(name.split()).casefold()


def _clashes(places: list[Place], kind: str, page: Callable[[str], str],
             key: Callable[[str], str]) -> list[Problem]:
    """A problem for each spelling whose slug an earlier, different spelling already has."""
    first: dict[str, Place] = {}
    reported: set[tuple[str, str]] = set()
    problems = []
    for place in places:
        slug = slugify(place.name)
        address = page(slug).removesuffix(".md")
        if slug == "index":
            problems.append(Problem(place.source, place.line, place.field, f"the {kind} "
                                    f"'{place.name}' would take the address {address}/ of the "
                                    "list of them; choose another name"))
        elif slug not in first:
            first[slug] = place
        elif key(first[slug].name) != key(place.name) and \
                (place.name, place.source) not in reported:
            reported.add((place.name, place.source))
            problems.append(Problem(place.source, place.line, place.field, f"the {kind} "
                                    f"'{place.name}' gets the same address ({address}/) as "
                                    f"{first[slug]}; write it the same way in both places, or "
                                    "make them differ in letters or digits"))
    return problems
