"""Atom feeds (RFC 4287), written with feedgenerator: one per body (its meetings), per topic and
per case (their punkter), one of all decisions, one of coming meetings and one of corrections.

An entry is a punkt or a meeting. Its id is a tag: URI (RFC 4151) made of the site's host, the
meeting's date and the page's stable key (body folder, meeting file, punkt number), so it is the
same in every build and after every correction of a text. `published` and `updated` come from the
meeting file's git history (corrections.py), else from the meeting's own time. A feed holds its
newest FEED_ENTRIES entries, as feeds do; the pages and the open data hold everything. A closed
punkt is in a feed with its title and decision only, like its page.
"""

from __future__ import annotations

import datetime as dt
import html
import io
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from typing import TypeVar
from urllib.parse import quote, urlsplit
from zoneinfo import ZoneInfo

import feedgenerator  # type: ignore[import-untyped]

from . import corrections, danish, i18n, paths, pieces, urls
from .cache import digest, engine_version
from .decision_text import extras
from .generators import Run, cached_text, generator
from .i18n import N_, _
from .model import Meeting, Treatment
from .outputs import Output, TextOutput
from .render_meeting import item_label, meeting_title, punkt_label
from .text import plain

FEED_ENTRIES = 50
ATOM = "application/atom+xml"
ZONE = ZoneInfo("Europe/Copenhagen")
# Characters XML 1.0 does not allow; a feed with one would not parse.
NOT_XML = re.compile("[^\t\n\r\x20-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")
NO_DECISION = N_("Der er ikke registreret en beslutning.")
SEE_CHANGE = N_("Se ændringen")  # a correction's link to its diff
NAMESPACE = "feeds"  # feeds and calendars kept in the cache, by the digest of what they show
FILES = "feed-files"  # the feeds' texts in the cache, in groups (pieces.py)
XML = "feed-xml"  # in Run.memo: each entry's XML, by id() of the entry
END = "</feed>"  # the last of a feed's text
ENTRY = "<entry>"  # the first of an entry's
ENTRIES = "feed-entries"  # each meeting's entries in the cache (pieces.py)
DIGESTS = "feed-digests"  # the digests of each meeting's entries, in the cache (pieces.py)
MEETING = -1  # a Source's place for the meeting's own entry
T = TypeVar("T")
Source = tuple[Meeting, int]  # a meeting, and a punkt's place on its agenda (MEETING: the meeting's own)


@dataclass(frozen=True)
class Entry:
    id: str
    title: str
    page: str  # the page's path in the docs tree
    summary: str  # HTML, every text in it escaped
    published: dt.datetime
    updated: dt.datetime
    categories: tuple[str, ...] = ()


@dataclass(frozen=True)
class Feed:
    path: str
    title: str
    page: str  # the page the feed follows
    entries: Sequence[Entry]
    subtitle: str = ""


def xml_text(text: str) -> str:
    return NOT_XML.sub("", text)


def authority(site_url: str) -> str:
    """The tag: URIs' authority: the site's host name, or localhost when it is not known."""
    return urlsplit(site_url).hostname or "localhost"


def tag(run: Run, day: dt.date, specific: str) -> str:
    return f"tag:{authority(run.site_url)},{day.isoformat()}:{quote(specific)}"


def moment(meeting: Meeting) -> dt.datetime:
    """When the meeting starts, in Copenhagen time (midnight when no time is given)."""
    return dt.datetime.combine(meeting.date, meeting.start or dt.time(0), tzinfo=ZONE)


def dates(run: Run, meeting: Meeting) -> tuple[dt.datetime, dt.datetime]:
    """(published, updated): the file's first and last commit, else the meeting's time."""
    changes = run.history.of(meeting.body.slug, meeting.slug)
    if changes:
        return changes[0].when, changes[-1].when
    return moment(meeting), moment(meeting)


def punkt_entry(run: Run, treatment: Treatment) -> Entry:
    meeting, item = treatment.meeting, treatment.item
    page = paths.item(meeting, item)
    decision = plain(item.decision or "") or _(NO_DECISION)
    published, updated = dates(run, meeting)
    topics = () if item.closed else tuple(dict.fromkeys(item.topics))
    summary = "".join(f"<p>{html.escape(text)}</p>" for text in (decision, *map(plain, extras(item))))
    return Entry(tag(run, meeting.date, page.removesuffix(".md")),
                 f"{item_label(treatment)} · {meeting_title(meeting)}", page,
                 summary, published, updated, topics)


def meeting_entry(run: Run, meeting: Meeting) -> Entry:
    page = paths.meeting(meeting)
    when = danish.when(meeting.date, meeting.start, meeting.end)
    status = danish.label(danish.STATUS[meeting.status])
    facts = " · ".join(x for x in (status, when, meeting.location) if x)
    items = "".join(f"<li>{html.escape(punkt_label(i))}: "
                    f"{html.escape(plain(i.decision or '') or '–')}</li>" for i in meeting.items)
    published, updated = dates(run, meeting)
    return Entry(tag(run, meeting.date, page.removesuffix("/index.md")),
                 f"{status}: {meeting_title(meeting)}", page,
                 f"<p>{html.escape(facts)}</p>" + (f"<ul>{items}</ul>" if items else ""),
                 published, updated)


@dataclass(frozen=True)
class Shown:
    """A feed before its entries are made: its path, titles and page (`feed`), what its entries
    are (`shown`: their digests) and how to make it whole (`made`)."""

    feed: Feed
    shown: Sequence[str]
    made: Callable[[], Feed]


def whole(feed: Feed) -> Shown:
    """A feed whose entries are made already."""
    return Shown(feed, [repr(e) for e in feed.entries], lambda: feed)


def write(run: Run, feeds: Sequence[Shown], fallback: dt.datetime) -> list[TextOutput]:
    """The feeds as Atom XML, from the cache (pieces.py: in groups) while what they show is the
    same (writing the XML is most of a feed's cost); `fallback` is the `updated` of a feed
    without entries."""
    # The fallback is part of an empty feed only: a new meeting leaves the other feeds' keys alone.
    keys = [digest(engine_version(), f.feed.path, f.feed.title, f.feed.page, f.feed.subtitle,
                   "" if f.shown else repr(fallback), pieces.site_key(run), *f.shown)
            for f in feeds]
    # Each kept with its digest, so that no rebuild hashes the 17,000 feeds of 50,000 punkter
    # again (writer.py).
    texts = pieces.grouped(run, FILES, keys, lambda n: hashed(atom_xml(run, feeds[n].made(), fallback)),
                           scattered=True)
    return [TextOutput(f.feed.path, text, ATOM, known) for f, (text, known)
            in zip(feeds, texts, strict=True)]


def hashed(text: str) -> tuple[str, str]:
    return text, digest(text)


def from_pieces(run: Run, feed: Feed, sources: Sequence[Source]) -> Shown:
    """A feed of the newest of these punkter or meetings (oldest first), its entries each
    meeting's pieces (`entries`); it shows their digests, so unchanged entries are not made."""
    kept = sources[::-1][:FEED_ENTRIES]
    shown = [entry_digests(run, meeting)[n + 1] for meeting, n in kept]
    return Shown(feed, shown, lambda: replace(feed, entries=[
        entries(run, meeting)[n + 1] for meeting, n in kept]))


def entry_digests(run: Run, meeting: Meeting) -> tuple[str, ...]:
    """The digests of a meeting's entries (pieces.py; read for every meeting at once)."""
    if (found := run.memo.get(DIGESTS)) is None:
        every = run.catalog.meetings
        made = pieces.grouped(run, DIGESTS, [pieces.meeting_key(run, m) for m in every],
                              lambda n: tuple(digest(repr(e)) for e in entries(run, every[n])))
        found = run.memo[DIGESTS] = {id(m): d for m, d in zip(every, made, strict=True)}
    return found[id(meeting)]  # type: ignore[no-any-return]


def entries(run: Run, meeting: Meeting) -> tuple[Entry, ...]:
    """A meeting's entry, then each of its punkter's, with their XML: a piece (pieces.py) read
    when a feed that shows one of them is written."""
    made: dict[int, tuple[Entry, ...]] = run.memo.setdefault(ENTRIES, {})
    if (found := made.get(id(meeting))) is None:
        found, texts = pieces.one(run, ENTRIES, pieces.meeting_key(run, meeting), lambda: (
            (kept := meeting_entries(run, meeting)), entries_xml(run, kept)))
        made[id(meeting)] = found
        xml: dict[int, str] = run.memo.setdefault(XML, {})
        xml.update((id(e), text) for e, text in zip(found, texts, strict=True))
    return found


def meeting_entries(run: Run, meeting: Meeting) -> tuple[Entry, ...]:
    return (meeting_entry(run, meeting),
            *(punkt_entry(run, Treatment(meeting, item)) for item in meeting.items))


def source(run: Run, treatment: Treatment) -> Source:
    """A punkt as its meeting and its place on the agenda."""
    return treatment.meeting, pieces.agenda_place(run, treatment.item)


def cached(run: Run, key: str, make: Callable[[], str]) -> str:
    """A feed's or calendar's text from the cache, or made and kept there."""
    return cached_text(run, NAMESPACE, key, make)


def atom_xml(run: Run, feed: Feed, fallback: dt.datetime) -> str:
    """The feed as Atom XML: its head (as an empty feed's, as new as its newest entry) and each
    entry's XML, which is the same in every feed that shows the entry (made once with its
    meeting's piece)."""
    latest = max((d for e in feed.entries for d in (e.updated, e.published)), default=fallback)
    head = atom_text(run, replace(feed, entries=()), latest).removesuffix(END)
    made: dict[int, str] = run.memo.get(XML, {})
    return head + "".join(made.get(id(e)) or entry_xml(run, e) for e in feed.entries) + END


def entry_xml(run: Run, entry: Entry) -> str:
    """An entry's XML, as a feed of it alone writes it."""
    return entries_xml(run, (entry,))[0]


def entries_xml(run: Run, entries: Sequence[Entry]) -> tuple[str, ...]:
    """The entries' XML, each as a feed writes it, from one feed of them all (an entry's text
    holds no `<entry>`: its markup is escaped)."""
    text = atom_text(run, Feed("", "", "", entries), dt.datetime(2000, 1, 1, tzinfo=dt.UTC))
    return tuple(ENTRY + each for each in text.removesuffix(END).split(ENTRY)[1:])


def atom_text(run: Run, feed: Feed, fallback: dt.datetime) -> str:
    """The feed as feedgenerator writes it."""
    atom = Atom(title=xml_text(feed.title), link=urls.absolute(run.site_url, feed.page),
                description=xml_text(feed.subtitle), language=i18n.current(),
                feed_url=urls.absolute(run.site_url, feed.path),
                feed_guid=urls.absolute(run.site_url, feed.path) if run.site_url
                else f"tag:{authority(run.site_url)},2025:{quote(feed.path)}",
                author_name=xml_text(run.site_name),
                feed_copyright=xml_text(f"{run.licence.name} ({run.licence.url})"))
    atom.empty_updated = fallback
    for entry in feed.entries:
        atom.add_item(title=xml_text(entry.title), link=urls.absolute(run.site_url, entry.page),
                      description=xml_text(entry.summary), unique_id=entry.id,
                      pubdate=entry.published, updateddate=entry.updated,
                      categories=[xml_text(c) for c in entry.categories])
    out = io.StringIO()
    atom.write(out, "utf-8")
    return out.getvalue()


class Atom(feedgenerator.Atom1Feed):  # type: ignore[misc]
    """feedgenerator's Atom feed, with a fixed `updated` for a feed without entries (it would
    take the time of the build, and every build would change the file)."""

    empty_updated: dt.datetime

    def latest_post_date(self) -> dt.datetime:
        dates = [d for i in self.items for d in (i["updateddate"], i["pubdate"]) if d]
        return max(dates) if dates else self.empty_updated


def body_feeds(run: Run) -> list[Shown]:
    return [from_pieces(run, Feed(urls.feed(paths.body(body)), _("{body}: møder").format(body=body.name),
                                  paths.body(body), (),
                                  _("Dagsordener og referater fra {body}").format(body=body.name)),
                        [(m, MEETING) for m in run.catalog.by_body.get(body.slug, [])])
            for body in run.catalog.archive.bodies]


def topic_feeds(run: Run) -> list[Shown]:
    return [from_pieces(run, Feed(urls.feed(paths.topic(t.slug)), _("Emnet {topic}").format(topic=t.name),
                                  paths.topic(t.slug), (),
                                  _("Punkter om {topic}").format(topic=t.name)),
                        [source(run, each) for each in t.treatments])
            for t in run.catalog.topics.values()]


def case_feeds(run: Run) -> list[Shown]:
    return [from_pieces(run, Feed(urls.feed(paths.journal(c.slug)),
                                  _("Sagen {journal}").format(journal=c.journal), paths.journal(c.slug), (),
                                  _("Sagens behandlinger på tværs af møder og organer")),
                        [source(run, each) for each in c.treatments])
            for c in run.catalog.cases.values()]


def coming(run: Run) -> list[Meeting]:
    """Planned meetings, and cancelled ones after their body's last held meeting."""
    last_held = {m.body.slug: m.date for m in run.catalog.meetings if m.status == "held"}
    return [m for m in run.catalog.meetings if m.status == "planned" or (
        m.status == "cancelled" and m.date > last_held.get(m.body.slug, dt.date.min))]


@generator("feeds", TextOutput, ahead=True)
def feeds(run: Run) -> Sequence[Output]:
    """Every Atom feed of the site."""
    # A feed without entries is as new as the newest meeting: not the time of the build, which
    # would change the file in every build.
    fallback = max((dates(run, m)[1] for m in run.catalog.meetings),
                   default=dt.datetime(2000, 1, 1, tzinfo=dt.UTC))
    decided = [source(run, t) for t in run.catalog.treatments if t.item.decision]
    return write(run, [
        from_pieces(run, Feed(urls.DECISIONS_FEED, _("Alle beslutninger"), paths.FRONT, (),
                              _("De nyeste beslutninger fra {site}").format(site=run.site_name)),
                    decided),
        from_pieces(run, Feed(urls.COMING_FEED, _("Kommende møder"), paths.FRONT, (),
                              _("Planlagte og aflyste møder")),
                    [(m, MEETING) for m in coming(run)]),
        whole(Feed(urls.CORRECTIONS_FEED, _("Rettelser"), paths.FRONT, correction_entries(run),
                   _("Ændringer i offentliggjorte møder"))),
        *body_feeds(run), *topic_feeds(run), *case_feeds(run)], fallback)


def correction_entries(run: Run) -> list[Entry]:
    """Every later change of a published meeting file, newest first."""
    found = []
    for meeting in run.catalog.meetings:
        page = paths.meeting(meeting)
        for change in run.history.of(meeting.body.slug, meeting.slug)[1:]:
            link = corrections.commit_url(run.repo_url, change.commit)
            see = f' <a href="{html.escape(link)}">{html.escape(_(SEE_CHANGE))}</a>' if link else ""
            found.append(Entry(
                tag(run, change.when.date(), f"rettelse/{change.commit}/{page.removesuffix('/index.md')}"),
                _("Rettet: {meeting}").format(meeting=meeting_title(meeting)), page,
                f"<p>{html.escape(change.message)}{see}</p>", change.when, change.when))
    return sorted(found, key=lambda e: e.updated, reverse=True)[:FEED_ENTRIES]
