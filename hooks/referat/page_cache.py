"""The pages cache: a meeting's derived pages (its page and its punkter's, with their follow
annotations) kept whole in the run's cache, so that a rebuild after one edit derives again only
the meetings whose pages can have changed.

A group's key is the digest of everything those pages read, and nothing is taken on trust:

- the meeting itself (its file's bytes, path and body; Archive.digests);
- for each punkt in a case: the case's journal number and slug, and each of its treatments as
  the digest of that treatment's meeting and its place there (the list of the case's other
  treatments and the link to the case's page);
- the name each of its topics is shown by, which the whole archive decides;
- each attached file's place in the site and its size (the attachment line's type and size);
- the feeds each page names, its meeting file's git history and the repository's address;
- the site's language, the engine's code and the versions of the libraries that write words.

The previous and next punkt are in the same meeting, so they are in its digest. A renderer that
reads something new must add it here; tests/test_page_cache.py changes each input in turn and
compares the pages with a clean build's.
"""

from __future__ import annotations

import platform
from collections.abc import Callable, Mapping
from dataclasses import replace
from functools import cache
from importlib import metadata

from . import i18n, paths
from .cache import Cache, digest, engine_version
from .catalog import Case, Catalog
from .corrections import History
from .model import Item, Meeting, Treatment
from .outputs import FeedLink, FileCopy, PageOutput
from .pagekinds import Group
from .slugs import slugify

NAMESPACE = "page-outputs"  # a meeting's group of derived pages, pickled, by the key above


@cache
def libraries() -> str:
    """The versions of what the renderers write with besides the engine: Babel's dates and
    numbers, python-slugify's slugs and Python's own Unicode data."""
    return repr((platform.python_version(), metadata.version("babel"),
                 metadata.version("python-slugify")))


def meeting_digests(catalog: Catalog) -> Callable[[Meeting], str]:
    """Each meeting's digest: the loader's, for the very meeting it loaded, or else its repr's
    (a dataclass's repr holds every field, the body's too)."""
    known = {id(m): (m, found) for m, found in catalog.archive.digests}

    def of(meeting: Meeting) -> str:
        pair = known.get(id(meeting))
        if pair is None or pair[0] is not meeting:  # kept with its meeting: its id stays its own
            pair = known[id(meeting)] = (meeting, digest(repr(meeting)))
        return pair[1]
    return of


class PageCache:
    """The keys of one run's meeting groups, and the groups kept under them."""

    def __init__(self, store: Cache, catalog: Catalog, files: Mapping[str, FileCopy],
                 feeds: Mapping[str, tuple[FeedLink, ...]], history: History, repo_url: str) -> None:
        self.store, self.catalog, self.files, self.feeds = store, catalog, files, feeds
        self.history = history
        self.meeting = meeting_digests(catalog)
        self.places = {id(item): i for m in catalog.meetings for i, item in enumerate(m.items)}
        self.common = digest(engine_version(), libraries(), i18n.current(), repo_url)
        self.cases: dict[str, str] = {}  # each case's part of its punkter's keys (case)

    def keep(self, kind: str, meeting: Meeting, make: Callable[[], list[PageOutput]]
             ) -> list[PageOutput]:
        """A meeting's group of pages of `kind`, from the cache, or made and kept there."""
        key = self.key(kind, meeting)
        found = self.store.load(NAMESPACE, key)
        if isinstance(found, list):
            return found
        # Each page carries the digest of all it is, for the adapter's key (PageOutput.digest):
        # hashed once, when it is made, not in every build. Of its own fields, not the group's
        # key, so a page of an edited meeting that reads the same keeps its rendered HTML.
        made = [replace(page, digest=digest(repr(page))) for page in make()]
        self.store.store(NAMESPACE, key, made)
        return made

    def keep_group(self, kind: str, group: Group) -> list[PageOutput]:
        """A group's pages of `kind` (pagekinds.Group), from the cache, or made and kept there.
        Kept before the feeds and "Følg" lines are added, and without a digest: the adapter
        hashes them (they are few beside the meetings' pages)."""
        key = digest(self.common, "group", kind, group.label, *(
            f"{self.meeting(t.meeting)}:{self.places[id(t.item)]}" for t in group.treatments),
            "meetings", *(self.meeting(m) for m in group.meetings))
        found = self.store.load(NAMESPACE, key)
        if isinstance(found, list):
            return found
        made = group.make()
        self.store.store(NAMESPACE, key, made)
        return made

    def key(self, kind: str, meeting: Meeting) -> str:
        here = paths.meeting(meeting)
        return digest(self.common, kind, self.meeting(meeting), here, repr(self.feeds.get(here)),
                      repr(self.history.of(meeting.body.slug, meeting.slug)),
                      *(self.item(Treatment(meeting, item)) for item in meeting.items))

    def item(self, treatment: Treatment) -> str:
        """What a punkt's page reads beyond its meeting."""
        item, case = treatment.item, self.catalog.case_of(treatment)
        treated = "" if case is None else self.case(case)
        return repr((treated, self.topics(item), self.attachments(treatment.meeting, item),
                     self.feeds.get(paths.item(treatment.meeting, item))))

    def case(self, case: Case) -> str:
        """A case's journal number, slug and treatments (each its meeting's digest and its place
        there), once a run for each case, not once for each of its punkter."""
        if (found := self.cases.get(case.journal)) is None:
            found = self.cases[case.journal] = digest(case.journal, case.slug, *(
                f"{self.meeting(t.meeting)}:{self.places[id(t.item)]}" for t in case.treatments))
        return found

    def topics(self, item: Item) -> tuple[str | None, ...]:
        """Each topic's name as its topic page spells it (the spelling most punkter use)."""
        return tuple(topic.name if (topic := self.catalog.topics.get(slugify(name))) else None
                     for name in item.topics)

    def attachments(self, meeting: Meeting, item: Item) -> tuple[tuple[str, int | None], ...]:
        """Each attached file's place in the site and, when it is copied, its size."""
        targets = [paths.attachment(meeting, a.file) for a in item.attachments if a.file]
        return tuple((target, copy.size if (copy := self.files.get(target)) else None)
                     for target in targets)
