"""Index pages: front page, bodies, years, topics and cases (journal numbers)."""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence

from . import danish, paths
from .catalog import Case, Catalog, Topic
from .contracts import TABLE_CASES, TABLE_TREATMENTS
from .i18n import _
from .members import Member, key
from .model import Body, Journal, Meeting, Participant, Treatment
from .pages import Page, facts, join, table
from .render_meeting import cards, crumbs, has_page, item_label, meeting_title, person
from .text import block, inline, short

LATEST = 10
LATEST_DECISIONS = 6  # on the front page: a phone's screen or two
TOPIC_PAGE_LIMIT = 100  # a topic with more punkter gets a page per year


def meeting_link(meeting: Meeting, here: str, label: str | None = None) -> str:
    text = inline(label or meeting_title(meeting))
    return f"[{text}]({paths.link(here, paths.meeting(meeting))})"


def meeting_list(meetings: Iterable[Meeting], here: str, with_body: bool = False) -> str:
    """One line per meeting: when (and which body), how many items, and the status if not held."""
    lines = [f"- {f'{inline(m.body.name)}: ' if with_body else ''}"
             f"{meeting_link(m, here, danish.when(m.date, m.start))} · "
             f"{danish.count(len(m.items), 'punkt', 'punkter')}"
             f"{' · ' + danish.label(danish.STATUS[m.status]) if m.status != 'held' else ''}"
             for m in meetings]
    return "\n".join(lines)


def treatment_table(treatments: Iterable[Treatment], here: str) -> str:
    """Punkter with their dates and bodies (linked to the meeting and the body) and decisions."""
    rows = [[meeting_link(t.meeting, here, danish.short_date(t.meeting.date)),
             f"[{inline(t.meeting.body.name)}]({paths.link(here, paths.body(t.meeting.body))})",
             f"[{inline(item_label(t))}]({paths.link(here, paths.item(t.meeting, t.item))})",
             inline(short(t.item.decision)) or "–"] for t in treatments]
    return cards(TABLE_TREATMENTS, table([_("Dato"), _("Organ"), _("Punkt"), _("Beslutning")], rows))


def render_front(catalog: Catalog, site_name: str) -> Page:
    """The front page: the search field (the template's), the latest decisions, the coming
    meetings, the latest meetings and every way in."""
    here = paths.FRONT
    latest = [m for m in reversed(catalog.meetings) if m.status != "planned"][:LATEST]
    upcoming = [m for m in catalog.meetings if m.status == "planned"]
    decided = [t for t in reversed(catalog.treatments)
               if t.meeting.status == "held" and t.item.decision][:LATEST_DECISIONS]
    ways = "\n".join(f"- [{label}]({paths.link(here, target)}): {what}" for label, target, what in (
        (_("Organer"), paths.BODIES, _("råd og udvalg og alle deres møder")),
        (_("År"), paths.YEARS, _("alle møder år for år")),
        (_("Emner"), paths.TOPICS, _("punkter samlet efter emne")),
        (_("Sager"), paths.JOURNALS, _("en sags forløb på tværs af møder, efter journalnummer")),
    ))
    markdown = join(
        f"# {inline(site_name)}",
        _("Referater og beslutninger fra {meetings} med {punkter}.").format(
            meetings=danish.count(len(catalog.meetings), "møde", "møder"),
            punkter=danish.count(len(catalog.treatments), "punkt", "punkter")),
        join("## " + _("Seneste beslutninger"), treatment_table(decided, here)) if decided else "",
        join("## " + _("Kommende møder"), meeting_list(upcoming, here, True)) if upcoming else "",
        "## " + _("Seneste møder"), meeting_list(latest, here, True) or _("Der er ingen møder endnu."),
        "## " + _("Find beslutninger"), ways,
    )
    return Page(here, site_name, markdown, nav=True)


def render_bodies(catalog: Catalog) -> Page:
    here = paths.BODIES
    lines = [f"- [{inline(b.name)}]({paths.link(here, paths.body(b))}): "
             f"{danish.count(len(catalog.by_body.get(b.slug, [])), 'møde', 'møder')}"
             for b in sorted(catalog.archive.bodies, key=lambda b: danish.sort_key(b.name))]
    return Page(here, _("Organer"), join(crumbs(here, []), "# " + _("Organer"),
                                         "\n".join(lines) or _("Der er ingen organer.")), nav=True)


def render_body(body: Body, catalog: Catalog, member_pages: Sequence[Member] = ()) -> Page:
    """A body's page: what it is, its members and next meeting, and its meetings by year, newest
    first. With `member_pages` the members' names link to their pages."""
    here = paths.body(body)
    meetings = list(reversed(catalog.by_body.get(body.slug, [])))
    years = sorted({m.date.year for m in meetings}, reverse=True)
    by_year = [join(f"## {year}", meeting_list((m for m in meetings if m.date.year == year), here))
               for year in years]
    markdown = join(crumbs(here, [(_("Organer"), paths.BODIES)]), f"# {inline(body.name)}",
                    inline(body.organisation or ""), block(body.description or ""),
                    coming(meetings, here), members(meetings, here, member_pages), *by_year)
    return Page(here, body.name, markdown, description=_(
        "{body}: medlemmer, møder, dagsordener og referater.").format(body=body.name))


def members(meetings: list[Meeting], here: str, member_pages: Sequence[Member] = ()) -> str:
    """The members as the latest held meeting lists them (its participants but the substitutes),
    linked to their pages when the body has members' pages."""
    latest = next((m for m in meetings if m.status == "held" and m.participants), None)
    if latest is None:
        return ""
    pages = {key(m.name): paths.member(m.body, m.slug) for m in member_pages}
    names = [f"- {linked_person(p, pages.get(key(p.name)), here)}" for p in latest.participants
             if p.attendance != "substitute"]
    source = _("Efter deltagerlisten fra mødet {meeting}.").format(
        meeting=meeting_link(latest, here, danish.short_date(latest.date)))
    every = (_("[Alle medlemmer]({link}), også tidligere, med fremmøde og stemmer.").format(
        link=paths.link(here, paths.members(member_pages[0].body))) if member_pages else "")
    return join("## " + _("Medlemmer"), "\n".join(names), source, every)


def linked_person(who: Participant, page: str | None, here: str) -> str:
    """'Anne Aa (A, formand)', the name linked to the member's page when there is one."""
    text, name = person(who), inline(who.name)
    return f"[{name}]({paths.link(here, page)}){text[len(name):]}" if page else text


def coming(meetings: list[Meeting], here: str) -> str:
    """The body's next meeting: the first planned one, else the one the latest minutes announce."""
    planned = [m for m in meetings if m.status == "planned"]
    if planned:
        first = planned[-1]  # `meetings` is newest first
        return join("## " + _("Næste møde"), meeting_link(first, here, danish.when(first.date, first.start))
                    + (f", {inline(first.location)}" if first.location else ""))
    announced = next((m.next_meeting for m in meetings if m.status == "held"), None)
    if announced is None or (meetings and announced.date <= meetings[0].date):
        return ""
    when = danish.when(announced.date, announced.start, announced.end)
    place = f", {inline(announced.location)}" if announced.location else ""
    return join("## " + _("Næste møde"), f"{when[0].upper()}{when[1:]}{place}.")


def render_years(catalog: Catalog) -> Page:
    here = paths.YEARS
    lines = [f"- [{year}]({paths.link(here, paths.year(year))}): "
             f"{danish.count(len(catalog.by_year[year]), 'møde', 'møder')}"
             for year in sorted(catalog.by_year, reverse=True)]
    return Page(here, _("År"), join(crumbs(here, []), "# " + _("År"),
                                    "\n".join(lines) or _("Der er ingen møder endnu.")), nav=True)


def render_year(year: int, catalog: Catalog) -> Page:
    """A year's page: every body's meetings that year, oldest first."""
    here = paths.year(year)
    bodies = sorted({m.body for m in catalog.by_year[year]}, key=lambda b: danish.sort_key(b.name))
    sections = [join(f"## {inline(b.name)}",
                     meeting_list((m for m in catalog.by_year[year] if m.body == b), here))
                for b in bodies]
    title = _("Møder i {year}").format(year=year)
    return Page(here, title, join(crumbs(here, [(_("År"), paths.YEARS)]), f"# {title}", *sections))


def render_topics(catalog: Catalog) -> Page:
    here = paths.TOPICS
    topics = sorted(catalog.topics.values(), key=lambda t: danish.sort_key(t.name))
    lines = [f"- [{inline(t.name)}]({paths.link(here, paths.topic(t.slug))}): "
             f"{danish.count(len(t.treatments), 'punkt', 'punkter')}" for t in topics]
    return Page(here, _("Emner"), join(crumbs(here, []), "# " + _("Emner"),
                                       "\n".join(lines) or _("Der er ingen emner endnu.")), nav=True)


def render_topic(topic: Topic) -> Page:
    """A topic's page: its punkter, newest first; a large topic lists its years instead."""
    here = paths.topic(topic.slug)
    count = _("{punkter} med emnet.").format(punkter=danish.count(len(topic.treatments), "punkt", "punkter"))
    if len(topic.treatments) <= TOPIC_PAGE_LIMIT:
        listing = treatment_table(reversed(topic.treatments), here)
    else:
        listing = join(_("Punkterne står år for år:"), "\n".join(
            f"- [{year}]({paths.link(here, paths.topic_year(topic.slug, year))}): "
            f"{danish.count(n, 'punkt', 'punkter')}" for year, n in years_of(topic.treatments)))
    return Page(here, topic.name, join(crumbs(here, [(_("Emner"), paths.TOPICS)]),
                                       f"# {inline(topic.name)}", count, listing))


def render_topic_years(topic: Topic) -> list[Page]:
    """The year pages of a large topic; none for a topic that fits on one page."""
    return [page for year, chosen in topic_years(topic)
            for page in render_topic_year(topic, year, chosen)]


def topic_years(topic: Topic) -> list[tuple[int, list[Treatment]]]:
    """A large topic's punkter year by year, the newest year and punkt first; none for a topic
    that fits on one page."""
    if len(topic.treatments) <= TOPIC_PAGE_LIMIT:
        return []
    by_year: dict[int, list[Treatment]] = {}
    for treatment in reversed(topic.treatments):
        by_year.setdefault(treatment.meeting.date.year, []).append(treatment)
    return sorted(by_year.items(), reverse=True)


def render_topic_year(topic: Topic, year: int, chosen: list[Treatment]) -> list[Page]:
    """A large topic's page of one year, from that year's punkter (`chosen`, newest first)."""
    here = paths.topic_year(topic.slug, year)
    trail = crumbs(here, [(_("Emner"), paths.TOPICS), (topic.name, paths.topic(topic.slug))])
    return [Page(here, f"{topic.name} {year}", join(
        trail, f"# {inline(topic.name)} {year}", treatment_table(chosen, here)))]


def years_of(treatments: list[Treatment]) -> list[tuple[int, int]]:
    """(year, number of treatments) pairs, newest year first."""
    counts = Counter(t.meeting.date.year for t in treatments)
    return sorted(counts.items(), reverse=True)


def render_cases(catalog: Catalog) -> Page:
    """The case index: the years cases were first treated in, each with its own page."""
    here = paths.JOURNALS
    years = Counter(c.treatments[0].meeting.date.year for c in catalog.cases.values())
    lines = [f"- [{year}]({paths.link(here, paths.cases_of_year(year))}): "
             + danish.count(n, "sag", "sager") for year, n in sorted(years.items(), reverse=True)]
    intro = _("Sagerne efter det år, de første gang blev behandlet. En sag, der er behandlet flere "
              "gange, har sin egen side med sit forløb.")
    return Page(here, _("Sager"), join(crumbs(here, []), "# " + _("Sager"),
                                       intro if lines else _("Der er ingen sager endnu."),
                                    "\n".join(lines)), nav=True)


def cases_by_year(catalog: Catalog) -> list[tuple[int, list[Case]]]:
    """The cases by the year they were first treated in, oldest year first, each year's by
    journal number."""
    by_year: dict[int, list[Case]] = defaultdict(list)
    for case in sorted(catalog.cases.values(), key=lambda c: c.journal):
        by_year[case.treatments[0].meeting.date.year].append(case)
    return sorted(by_year.items())


def render_cases_of_year(year: int, cases: list[Case]) -> Page:
    """A year's cases: each named by its title and linked to its page (or, for a case
    treated once, to the punkt that treated it)."""
    here = paths.cases_of_year(year)
    rows = [[f"[{inline(case_name(c))}]({paths.link(here, case_target(c))})",
             inline(c.journal), str(len(c.treatments)),
             meeting_link(c.treatments[-1].meeting, here,
                          danish.short_date(c.treatments[-1].meeting.date))]
            for c in cases]
    body = cards(TABLE_CASES, table([_("Sag"), _("Journalnummer"), _("Behandlinger"), _("Seneste")],
                                    rows))
    trail = crumbs(here, [(_("Sager"), paths.JOURNALS)])
    title = _("Sager fra {year}").format(year=year)
    return Page(here, title, join(trail, f"# {title}", body))


def case_name(case: Case) -> str:
    """A case's name: the title most of its punkter share, else the title it was first treated
    under (a case's later titles add '2. behandling' and the like)."""
    titles = Counter(t.item.title for t in case.treatments)
    title, times = titles.most_common(1)[0]
    return title if times > 1 else case.treatments[0].item.title


def case_target(case: Case) -> str:
    """Where a case is read: its own page, or the one punkt of a case treated once."""
    if has_page(case):
        return paths.journal(case.slug)
    only = case.treatments[0]
    return paths.item(only.meeting, only.item)


def render_case(case: Case) -> Page:
    """A case's page, named by its title: its history across meetings and bodies, oldest
    first."""
    here = paths.journal(case.slug)
    name = case_name(case)
    first = case.treatments[0].meeting.date.year
    markdown = join(crumbs(here, [(_("Sager"), paths.JOURNALS),
                                  (_("Sager fra {year}").format(year=first), paths.cases_of_year(first))]),
                    f"# {inline(name)}",
                    facts([(_("Journalnummer"), inline(case.journal)), (_("KLE"), kle_line(case.journal)),
                           (_("Behandlet"), danish.count(len(case.treatments), "gang", "gange"))]),
                    "## " + _("Forløb"), treatment_table(case.treatments, here))
    return Page(here, _("{name} (sag {journal})").format(name=name, journal=case.journal), markdown,
                description=_("Sag {journal}: {name}. Sagens forløb på tværs af møder.").format(
                    journal=case.journal, name=name))


def kle_line(journal: str) -> str:
    parts = Journal(journal).kle
    if parts is None:
        return ""
    topic, facet, sequence, year = parts
    return _("emne {topic}, handlingsfacet {facet}, løbenummer {sequence}, sagen er oprettet i "
             "{year}").format(topic=topic, facet=facet, sequence=sequence,
                              year=f"{'20' if int(year) < 70 else '19'}{year}")
