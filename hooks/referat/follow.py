"""What the pages generator adds to the pages for following them: the feeds and calendars each
page names in its head and in a "Følg" line under its heading, and the corrections log of meeting
and punkt pages. Kept apart from the renderers: it only adds to the Markdown they made."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import replace
from zoneinfo import ZoneInfo

from . import contracts, corrections, danish, paths, urls
from .catalog import Catalog
from .corrections import Change, History
from .i18n import _
from .model import Meeting
from .outputs import FeedLink, PageOutput
from .text import indent, inline

ATOM = "application/atom+xml"
ICAL = "text/calendar"
ZONE = ZoneInfo("Europe/Copenhagen")


def page_feeds(catalog: Catalog) -> dict[str, tuple[FeedLink, ...]]:
    """The feeds and calendars each page names, by the page's path."""
    links: dict[str, tuple[FeedLink, ...]] = {paths.FRONT: (
        FeedLink(_("Alle beslutninger"), urls.DECISIONS_FEED, ATOM),
        FeedLink(_("Kommende møder"), urls.COMING_FEED, ATOM),
        FeedLink(_("Rettelser"), urls.CORRECTIONS_FEED, ATOM),
        FeedLink(_("Alle møder i kalenderen"), urls.ALL_MEETINGS_CALENDAR, ICAL))}
    for body in catalog.archive.bodies:
        page = paths.body(body)
        links[page] = (FeedLink(_("{body}: møder").format(body=body.name), urls.feed(page), ATOM),
                       FeedLink(_("{body}: kalender").format(body=body.name), urls.calendar(page), ICAL))
        for meeting in catalog.by_body.get(body.slug, []):
            links[paths.meeting(meeting)] = links[page]
    for topic in catalog.topics.values():
        feed = (FeedLink(_("Emnet {topic}").format(topic=topic.name), urls.feed(paths.topic(topic.slug)),
                         ATOM),)
        links[paths.topic(topic.slug)] = feed
        for year in {t.meeting.date.year for t in topic.treatments}:
            links[paths.topic_year(topic.slug, year)] = feed
    for case in catalog.cases.values():
        feed = (FeedLink(_("Sagen {journal}").format(journal=case.journal),
                         urls.feed(paths.journal(case.slug)), ATOM),)
        links[paths.journal(case.slug)] = feed
        for treatment in case.treatments:
            links[paths.item(treatment.meeting, treatment.item)] = feed
    return links


def follow_line(page: str, feeds: Iterable[FeedLink]) -> str:
    """'Følg: [Alle beslutninger (Atom)](...) · ...', the visible side of the head's links."""
    kinds = {ATOM: "Atom", ICAL: "iCal"}
    parts = [f"[{inline(f.title)} ({kinds[f.media_type]})]({paths.link(page, f.path)})"
             for f in feeds]
    return _("Følg:") + " " + " · ".join(parts)


def with_heading_line(markdown: str, line: str) -> str:
    """The page's Markdown with a line under its first heading (or at its end, if it has none)."""
    if markdown.startswith("# "):
        heading, _, rest = markdown.partition("\n")
        return f"{heading}\n\n{line}\n\n{rest.lstrip(chr(10))}"
    return f"{markdown.rstrip()}\n\n{line}\n"


def history_box(changes: tuple[Change, ...], repo_url: str, punkt: bool) -> str:
    """The corrections log of a meeting's file, in a box that search leaves out."""
    first, later = changes[0], changes[1:]
    lines = [_("Først offentliggjort {day}").format(day=day(first)) + f"{see(first, repo_url)}."]
    if later:
        if punkt:
            lines.append(_("Ændringerne gælder mødets fil, som også rummer mødets andre punkter."))
        lines.append("\n".join(f"- {inline(day(c))}: {inline(c.message)}"
                               f"{see(c, repo_url)}" for c in later))
    else:
        lines.append(_("Mødets fil er ikke ændret siden.") if punkt else _("Siden er ikke ændret siden."))
    body = "\n\n".join(["## " + _("Ændringer"), *lines])
    return f'!!! {contracts.BOX_RELATED} ""\n\n{indent(body)}'


def day(change: Change) -> str:
    """The change's date in the site's language, as the day was in Copenhagen."""
    return danish.short_date(change.when.astimezone(ZONE).date())


def see(change: Change, repo_url: str) -> str:
    link = corrections.commit_url(repo_url, change.commit)
    words = _("se ændringen {commit}").format(commit=change.commit[:7])
    return f" ([{words}](<{link}>))" if link else ""


class Follow:
    """The follow annotations of one run: what they read of the whole catalog is found once, and
    the pages are annotated kind by kind (a meeting's pages on their own, for the pages cache)."""

    def __init__(self, catalog: Catalog, history: History, repo_url: str) -> None:
        self.feeds = page_feeds(catalog)
        self.meetings = meeting_pages(catalog)
        self.history, self.repo_url = history, repo_url

    def annotate(self, pages: Iterable[PageOutput]) -> list[PageOutput]:
        """The pages with their feeds, their "Følg" line and, for meeting and punkt pages, their
        corrections log."""
        return [self.page(page) for page in pages]

    def page(self, page: PageOutput) -> PageOutput:
        markdown, links = page.markdown, self.feeds.get(page.path, ())
        if links:
            markdown = with_heading_line(markdown, follow_line(page.path, links))
        if (meeting := self.meetings.get(page.path)) is not None and \
                (changes := self.history.of(meeting.body.slug, meeting.slug)):
            punkt = page.kind == contracts.KIND_PUNKT
            markdown = f"{markdown.rstrip()}\n\n{history_box(changes, self.repo_url, punkt)}\n"
        return replace(page, markdown=markdown, feeds=links) if markdown != page.markdown else page


def annotate(pages: list[PageOutput], catalog: Catalog, history: History,
             repo_url: str) -> list[PageOutput]:
    """The pages with their feeds, their "Følg" line and, for meeting and punkt pages, their
    corrections log."""
    return Follow(catalog, history, repo_url).annotate(pages)


def meeting_pages(catalog: Catalog) -> dict[str, Meeting]:
    """The meeting of each meeting page and punkt page, by the page's path."""
    found: dict[str, Meeting] = {}
    for meeting in catalog.meetings:
        found[paths.meeting(meeting)] = meeting
        for item in meeting.items:
            found[paths.item(meeting, item)] = meeting
    return found
