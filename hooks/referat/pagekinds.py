"""The one registry of page kinds: each kind names the renderer that makes its pages from the
catalog. The pages generator (generators.py) makes them in the order they are registered. A kind
made meeting by meeting (`meeting_page_kind`) is made in groups, one per meeting, which the pages
cache (page_cache.py) keeps whole. So is a kind made in groups of treatments (`grouped_page_kind`:
a topic's year pages, a case's page, a year's cases), kept by what its treatments' meetings are."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from functools import cached_property, partial

from .catalog import Case, Catalog
from .members import Member, latest_list, members_by_body
from .model import Meeting, Treatment
from .outputs import FileCopy, PageOutput
from .render_index import (
    cases_by_year,
    render_bodies,
    render_body,
    render_case,
    render_cases,
    render_cases_of_year,
    render_front,
    render_topic,
    render_topic_year,
    render_topics,
    render_year,
    render_years,
    topic_years,
)
from .render_meeting import has_page, render_item, render_meeting
from .render_members import render_member, render_members


@dataclass(frozen=True)
class PageContext:
    """What every page renderer may read: the catalog, the site's name and the copied files
    by their path in the site (an attachment line shows its file's type and size)."""

    catalog: Catalog
    site_name: str
    files: Mapping[str, FileCopy]
    member_pages: bool = True  # extra.referat.member_pages: the site's members' pages are on

    @cached_property  # a frozen dataclass keeps it in its __dict__: made once, for every kind
    def members(self) -> dict[str, list[Member]]:
        """The members of each body whose member pages are on, by body folder."""
        return members_by_body(self.catalog.archive.bodies, self.catalog.by_body, self.member_pages)


Finish = Callable[[Iterable[PageOutput]], list[PageOutput]]  # what is done to every page made
OfMeeting = Callable[[PageContext, Meeting], Iterable[PageOutput]]  # one meeting's pages of a kind
# How a meeting's group of pages is made: `keep(kind, meeting, make)` calls `make` or, in the pages
# cache, takes what an earlier call made from the same inputs.
Keep = Callable[[str, Meeting, Callable[[], list[PageOutput]]], list[PageOutput]]


@dataclass(frozen=True)
class Group:
    """Pages made from some treatments and nothing else of the catalog: `label` names all else
    they read (a topic's name, a case's journal number; the shape of the cases in a year's list),
    and `make` makes them. The pages cache keeps them by the label and the treatments' meetings
    and places, before `finish` (the feeds and "Følg" lines are added every build)."""

    label: str
    treatments: Sequence[Treatment]
    make: Callable[[], list[PageOutput]]
    meetings: Sequence[Meeting] = ()  # meetings it reads whole, beside its treatments'


KeepGroup = Callable[[str, Group], list[PageOutput]]
OfGroups = Callable[["PageContext"], Iterable[Group]]


@dataclass(frozen=True)
class PageKind:
    name: str
    make: Callable[[PageContext], Iterable[PageOutput]]
    # A kind made meeting by meeting: one meeting's pages (`make` is then all meetings' in turn).
    of_meeting: OfMeeting | None = None
    groups: OfGroups | None = None  # a kind made in groups of treatments (Group)


PAGE_KINDS: list[PageKind] = []


def page_kind(name: str) -> Callable[[Callable[[PageContext], Iterable[PageOutput]]],
                                     Callable[[PageContext], Iterable[PageOutput]]]:
    """Register a page kind; adding a kind of page is one registration."""
    def register(make: Callable[[PageContext], Iterable[PageOutput]]
                 ) -> Callable[[PageContext], Iterable[PageOutput]]:
        add(PageKind(name, make))
        return make
    return register


def add(kind: PageKind) -> None:
    if any(known.name == kind.name for known in PAGE_KINDS):
        raise ValueError(f"page kind {kind.name!r} is registered twice")
    PAGE_KINDS.append(kind)


def meeting_page_kind(name: str) -> Callable[[OfMeeting], OfMeeting]:
    """Register a page kind made meeting by meeting, oldest meeting first."""
    def register(of_meeting: OfMeeting) -> OfMeeting:
        def make(c: PageContext) -> Iterable[PageOutput]:
            return (page for m in c.catalog.meetings for page in of_meeting(c, m))
        add(PageKind(name, make, of_meeting))
        return of_meeting
    return register


def grouped_page_kind(name: str) -> Callable[[OfGroups], OfGroups]:
    """Register a page kind made in groups of treatments (Group)."""
    def register(groups: OfGroups) -> OfGroups:
        def make(c: PageContext) -> Iterable[PageOutput]:
            return (page for g in groups(c) for page in g.make())
        add(PageKind(name, make, groups=groups))
        return groups
    return register


def make_pages(context: PageContext, finish: Finish = list, keep: Keep | None = None,
               keep_group: KeepGroup | None = None) -> list[PageOutput]:
    """Every page of every registered kind, in registration order, each through `finish`; a kind
    made meeting by meeting is made through `keep`, one meeting's group at a time, and a kind
    made in groups of treatments through `keep_group`."""
    made: list[PageOutput] = []
    for kind in PAGE_KINDS:
        if kind.groups is not None and keep_group is not None:
            made += finish(page for g in kind.groups(context) for page in keep_group(kind.name, g))
            continue
        if kind.of_meeting is None or keep is None:
            made += finish(kind.make(context))
            continue
        for m in context.catalog.meetings:
            made += keep(kind.name, m, group(kind.of_meeting, context, m, finish))
    return made


def group(of_meeting: OfMeeting, context: PageContext, meeting: Meeting, finish: Finish
          ) -> Callable[[], list[PageOutput]]:
    """How to make one meeting's group of pages, when `keep` does not have it."""
    return lambda: finish(of_meeting(context, meeting))


@page_kind("front")
def front(c: PageContext) -> Iterable[PageOutput]:
    return [render_front(c.catalog, c.site_name)]


@page_kind("bodies")
def bodies(c: PageContext) -> Iterable[PageOutput]:
    return [render_bodies(c.catalog)]


@page_kind("years")
def years(c: PageContext) -> Iterable[PageOutput]:
    return [render_years(c.catalog)]


@page_kind("topics")
def topics(c: PageContext) -> Iterable[PageOutput]:
    return [render_topics(c.catalog)]


@page_kind("cases")
def cases(c: PageContext) -> Iterable[PageOutput]:
    return [render_cases(c.catalog)]


@page_kind("body")
def body(c: PageContext) -> Iterable[PageOutput]:
    return [render_body(b, c.catalog, c.members.get(b.slug, ())) for b in c.catalog.archive.bodies]


@page_kind("year")
def year(c: PageContext) -> Iterable[PageOutput]:
    return [render_year(y, c.catalog) for y in sorted(c.catalog.by_year)]


@page_kind("topic")
def topic(c: PageContext) -> Iterable[PageOutput]:
    return [render_topic(t) for t in c.catalog.topics.values()]


@grouped_page_kind("topic-year")
def topic_year(c: PageContext) -> Iterable[Group]:
    """A large topic's pages, a year each, each a group of that year's treatments: an edit makes
    one year's page again, not the topic's twenty."""
    return [Group(f"{t.slug}\n{t.name}\n{year}", chosen, partial(render_topic_year, t, year, chosen))
            for t in c.catalog.topics.values() for year, chosen in topic_years(t)]


@grouped_page_kind("cases-of-year")
def cases_of_year(c: PageContext) -> Iterable[Group]:
    """Each year's list of the cases first treated that year; the label holds each case's
    journal number, address and number of treatments (its link goes to its page or its punkt)."""
    return [Group(repr([(k.journal, k.slug, len(k.treatments)) for k in cases]),
                  [t for k in cases for t in k.treatments],
                  partial(one_list, year, cases))
            for year, cases in cases_by_year(c.catalog)]


def one_list(year: int, cases: list[Case]) -> list[PageOutput]:
    return [render_cases_of_year(year, cases)]


def one_case(k: Case) -> list[PageOutput]:
    return [render_case(k)]


@grouped_page_kind("case")
def case(c: PageContext) -> Iterable[Group]:
    """A page for each case treated more than once; a case treated once is read on its punkt's
    page, which has the same facts (issue 11: fewer pages where they add nothing)."""
    return [Group(f"{k.slug}\n{k.journal}", k.treatments, partial(one_case, k))
            for k in c.catalog.cases.values() if has_page(k)]


@meeting_page_kind("meeting")
def meeting(c: PageContext, m: Meeting) -> Iterable[PageOutput]:
    """A meeting's page, followed by its punkter's pages (with the previous and next). What they
    read is what page_cache.py keys a meeting's group by: a new read must be added there."""
    yield render_meeting(m, c.catalog)
    treatments = [Treatment(m, item) for item in m.items]
    for i, treatment in enumerate(treatments):
        neighbours = (treatments[i - 1] if i else None,
                      treatments[i + 1] if i + 1 < len(treatments) else None)
        yield render_item(treatment, neighbours, c.catalog, c.files)


@page_kind("members")
def members(c: PageContext) -> Iterable[PageOutput]:
    """The list of a body's members, for each body with member pages and participants."""
    return [render_members(b, c.members[b.slug], latest_list(c.catalog.by_body.get(b.slug, [])))
            for b in c.catalog.archive.bodies if c.members.get(b.slug)]


@grouped_page_kind("member")
def member(c: PageContext) -> Iterable[Group]:
    """A page per member: only people listed as participants of a held meeting. It reads the
    meetings the member has a seat at, and whether the newest is the body's latest list."""
    for b in c.catalog.archive.bodies:
        latest = latest_list(c.catalog.by_body.get(b.slug, []))
        yield from (Group(f"{m.slug}\n{m.name}\n{m.latest.meeting is latest}", (),
                          partial(one_member, m, latest), [s.meeting for s in m.seats])
                    for m in c.members.get(b.slug, ()))


def one_member(member: Member, latest: Meeting | None) -> list[PageOutput]:
    return [render_member(member, latest)]
