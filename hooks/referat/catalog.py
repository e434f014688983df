"""The indexes of an archive: items by year, body, topic and journal number, with their slugs."""

from __future__ import annotations

from collections import Counter, defaultdict
from dataclasses import dataclass, field

from .model import Archive, Meeting, Treatment
from .slugs import slugify, unique_slugs


@dataclass
class Topic:
    """A topic page: the spelling most items use, and the items."""

    slug: str
    name: str
    treatments: list[Treatment] = field(default_factory=list)


@dataclass
class Case:
    """A journal number's page: its treatments, oldest first."""

    journal: str
    slug: str
    treatments: list[Treatment] = field(default_factory=list)


@dataclass
class Catalog:
    """Everything the index pages need, computed once per build."""

    archive: Archive
    meetings: list[Meeting]  # oldest first
    treatments: list[Treatment]  # oldest first
    topics: dict[str, Topic]  # by slug
    cases: dict[str, Case]  # by journal number as written
    by_body: dict[str, list[Meeting]]
    by_year: dict[int, list[Meeting]]

    def case_of(self, treatment: Treatment) -> Case | None:
        """The case page of a treatment; none for a closed one, whose journal is not published."""
        journal = treatment.item.journal
        return self.cases.get(journal) if journal and not treatment.item.closed else None


def build_catalog(archive: Archive) -> Catalog:
    """Index an archive; meetings and treatments oldest first."""
    meetings = sorted(archive.meetings, key=lambda m: m.sort_key)
    treatments = archive.treatments()
    # A closed item's journal number and topics are published nowhere, so it is in no index.
    published = [t for t in treatments if not t.item.closed]
    by_body: dict[str, list[Meeting]] = defaultdict(list)
    by_year: dict[int, list[Meeting]] = defaultdict(list)
    for meeting in meetings:
        by_body[meeting.body.slug].append(meeting)
        by_year[meeting.date.year].append(meeting)
    return Catalog(archive, meetings, treatments, index_topics(published),
                   index_cases(published), dict(by_body), dict(by_year))


def index_topics(treatments: list[Treatment]) -> dict[str, Topic]:
    """Topics by slug; spellings that share a slug ('Økonomi', 'økonomi') are one topic."""
    spellings: dict[str, Counter[str]] = defaultdict(Counter)
    members: dict[str, list[Treatment]] = defaultdict(list)
    for treatment in treatments:
        for name in dict.fromkeys(treatment.item.topics):
            slug = slugify(name)
            spellings[slug][name] += 1
            if not members[slug] or members[slug][-1] is not treatment:
                members[slug].append(treatment)
    return {slug: Topic(slug, spellings[slug].most_common(1)[0][0], members[slug])
            for slug in spellings}


def index_cases(treatments: list[Treatment]) -> dict[str, Case]:
    """Cases by journal number as written, each with a unique slug."""
    journals = [t.item.journal for t in treatments if t.item.journal]
    slugs = unique_slugs(journals)
    cases = {journal: Case(journal, slug) for journal, slug in slugs.items()}
    for treatment in treatments:
        if treatment.item.journal:
            cases[treatment.item.journal].treatments.append(treatment)
    return cases
