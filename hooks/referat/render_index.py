"""Index pages: front page, bodies, years, topics and cases (journal numbers)."""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterable

from . import danish, paths
from .catalog import Case, Catalog, Topic
from .model import Body, Journal, Meeting, Treatment
from .pages import Page, join, table
from .render_meeting import item_label, meeting_title
from .text import block, inline, short

LATEST = 10
TOPIC_PAGE_LIMIT = 100  # a topic with more punkter gets a page per year


def meeting_link(meeting: Meeting, here: str, label: str | None = None) -> str:
    text = inline(label or meeting_title(meeting))
    return f"[{text}]({paths.link(here, paths.meeting(meeting))})"


def meeting_list(meetings: Iterable[Meeting], here: str, with_body: bool = False) -> str:
    """One line per meeting: when (and which body), how many items, and the status if not held."""
    lines = [f"- {f'{inline(m.body.name)}: ' if with_body else ''}"
             f"{meeting_link(m, here, danish.when(m.date, m.start))} · "
             f"{danish.count(len(m.items), 'punkt', 'punkter')}"
             f"{' · ' + danish.STATUS[m.status] if m.status != 'held' else ''}" for m in meetings]
    return "\n".join(lines)


def treatment_table(treatments: Iterable[Treatment], here: str) -> str:
    rows = [[danish.short_date(t.meeting.date), inline(t.meeting.body.name),
             f"[{inline(item_label(t))}]({paths.link(here, paths.item(t.meeting, t.item))})",
             inline(short(t.item.decision)) or "–"] for t in treatments]
    return table(["Dato", "Organ", "Punkt", "Beslutning"], rows)


def render_front(catalog: Catalog, site_name: str) -> Page:
    """The front page: the latest meetings and every way in."""
    here = paths.FRONT
    latest = [m for m in reversed(catalog.meetings) if m.status != "planned"][:LATEST]
    upcoming = [m for m in catalog.meetings if m.status == "planned"]
    ways = "\n".join(f"- [{label}]({paths.link(here, target)}): {what}" for label, target, what in (
        ("Organer", paths.BODIES, "råd og udvalg og alle deres møder"),
        ("År", paths.YEARS, "alle møder år for år"),
        ("Emner", paths.TOPICS, "punkter samlet efter emne"),
        ("Sager", paths.JOURNALS, "en sags forløb på tværs af møder, efter journalnummer"),
    ))
    markdown = join(
        f"# {inline(site_name)}",
        f"Referater og beslutninger fra {danish.count(len(catalog.meetings), 'møde', 'møder')} "
        f"med {danish.count(len(catalog.treatments), 'punkt', 'punkter')}.",
        "## Find beslutninger", ways,
        join("## Kommende møder", meeting_list(upcoming, here, True)) if upcoming else "",
        "## Seneste møder", meeting_list(latest, here, True) or "Der er ingen møder endnu.",
    )
    return Page(here, site_name, markdown, nav=True)


def render_bodies(catalog: Catalog) -> Page:
    here = paths.BODIES
    lines = [f"- [{inline(b.name)}]({paths.link(here, paths.body(b))}): "
             f"{danish.count(len(catalog.by_body.get(b.slug, [])), 'møde', 'møder')}"
             for b in sorted(catalog.archive.bodies, key=lambda b: danish.sort_key(b.name))]
    return Page(here, "Organer", join("# Organer", "\n".join(lines) or "Der er ingen organer."),
                nav=True)


def render_body(body: Body, catalog: Catalog) -> Page:
    """A body's page: what it is, and its meetings by year, newest first."""
    here = paths.body(body)
    meetings = list(reversed(catalog.by_body.get(body.slug, [])))
    years = sorted({m.date.year for m in meetings}, reverse=True)
    by_year = [join(f"## {year}", meeting_list((m for m in meetings if m.date.year == year), here))
               for year in years]
    markdown = join(f"# {inline(body.name)}", inline(body.organisation or ""),
                    block(body.description or ""), *by_year)
    return Page(here, body.name, markdown)


def render_years(catalog: Catalog) -> Page:
    here = paths.YEARS
    lines = [f"- [{year}]({paths.link(here, paths.year(year))}): "
             f"{danish.count(len(catalog.by_year[year]), 'møde', 'møder')}"
             for year in sorted(catalog.by_year, reverse=True)]
    return Page(here, "År", join("# År", "\n".join(lines) or "Der er ingen møder endnu."), nav=True)


def render_year(year: int, catalog: Catalog) -> Page:
    """A year's page: every body's meetings that year, oldest first."""
    here = paths.year(year)
    bodies = sorted({m.body for m in catalog.by_year[year]}, key=lambda b: danish.sort_key(b.name))
    sections = [join(f"## {inline(b.name)}",
                     meeting_list((m for m in catalog.by_year[year] if m.body == b), here))
                for b in bodies]
    return Page(here, f"Møder i {year}", join(f"# Møder i {year}", *sections))


def render_topics(catalog: Catalog) -> Page:
    here = paths.TOPICS
    topics = sorted(catalog.topics.values(), key=lambda t: danish.sort_key(t.name))
    lines = [f"- [{inline(t.name)}]({paths.link(here, paths.topic(t.slug))}): "
             f"{danish.count(len(t.treatments), 'punkt', 'punkter')}" for t in topics]
    return Page(here, "Emner", join("# Emner", "\n".join(lines) or "Der er ingen emner endnu."),
                nav=True)


def render_topic(topic: Topic) -> Page:
    """A topic's page: its punkter, newest first; a large topic lists its years instead."""
    here = paths.topic(topic.slug)
    count = f"{danish.count(len(topic.treatments), 'punkt', 'punkter')} med emnet."
    if len(topic.treatments) <= TOPIC_PAGE_LIMIT:
        listing = treatment_table(reversed(topic.treatments), here)
    else:
        listing = join("Punkterne står år for år:", "\n".join(
            f"- [{year}]({paths.link(here, paths.topic_year(topic.slug, year))}): "
            f"{danish.count(n, 'punkt', 'punkter')}" for year, n in years_of(topic.treatments)))
    return Page(here, topic.name, join(f"# {inline(topic.name)}", count, listing))


def render_topic_years(topic: Topic) -> list[Page]:
    """The year pages of a large topic; none for a topic that fits on one page."""
    if len(topic.treatments) <= TOPIC_PAGE_LIMIT:
        return []
    pages = []
    for year, _ in years_of(topic.treatments):
        here = paths.topic_year(topic.slug, year)
        chosen = [t for t in reversed(topic.treatments) if t.meeting.date.year == year]
        back = f"[Alle år]({paths.link(here, paths.topic(topic.slug))})"
        pages.append(Page(here, f"{topic.name} {year}", join(
            f"# {inline(topic.name)} {year}", back, treatment_table(chosen, here))))
    return pages


def years_of(treatments: list[Treatment]) -> list[tuple[int, int]]:
    """(year, number of treatments) pairs, newest year first."""
    counts = Counter(t.meeting.date.year for t in treatments)
    return sorted(counts.items(), reverse=True)


def render_cases(catalog: Catalog) -> Page:
    """The case index: the years cases were first treated in, each with its own page."""
    here = paths.JOURNALS
    years = Counter(c.treatments[0].meeting.date.year for c in catalog.cases.values())
    lines = [f"- [{year}]({paths.link(here, paths.cases_of_year(year))}): "
             f"{danish.count(n, 'sag', 'sager')}" for year, n in sorted(years.items(), reverse=True)]
    intro = "Sagerne efter det år, de første gang blev behandlet. Hver sag har sin egen side med sit forløb."
    return Page(here, "Sager", join("# Sager", intro if lines else "Der er ingen sager endnu.",
                                    "\n".join(lines)), nav=True)


def render_cases_of_years(catalog: Catalog) -> list[Page]:
    """One page per year: the cases first treated that year, by journal number."""
    by_year: dict[int, list[Case]] = defaultdict(list)
    for case in sorted(catalog.cases.values(), key=lambda c: c.journal):
        by_year[case.treatments[0].meeting.date.year].append(case)
    return [render_cases_of_year(year, cases) for year, cases in sorted(by_year.items())]


def render_cases_of_year(year: int, cases: list[Case]) -> Page:
    here = paths.cases_of_year(year)
    rows = [[f"[{inline(c.journal)}]({paths.link(here, paths.journal(c.slug))})",
             str(len(c.treatments)), danish.short_date(c.treatments[0].meeting.date),
             danish.short_date(c.treatments[-1].meeting.date), inline(c.treatments[-1].item.title)]
            for c in cases]
    body = table(["Journalnummer", "Behandlinger", "Første", "Seneste", "Seneste titel"], rows)
    back = f"[Alle år]({paths.link(here, paths.JOURNALS)})"
    return Page(here, f"Sager fra {year}", join(f"# Sager fra {year}", back, body))


def render_case(case: Case) -> Page:
    """A case's page: its history across meetings and bodies, oldest first."""
    here = paths.journal(case.slug)
    markdown = join(f"# Sag {inline(case.journal)}", kle_line(case.journal),
                    f"Sagen er behandlet {danish.count(len(case.treatments), 'gang', 'gange')}.",
                    "## Forløb", treatment_table(case.treatments, here))
    return Page(here, f"Sag {case.journal}", markdown)


def kle_line(journal: str) -> str:
    parts = Journal(journal).kle
    if parts is None:
        return ""
    topic, facet, sequence, year = parts
    return (f"KLE-emne {topic}, handlingsfacet {facet}, løbenummer {sequence}, "
            f"sagen er oprettet i {'20' if int(year) < 70 else '19'}{year}.")
