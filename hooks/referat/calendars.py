"""Calendars (iCalendar, RFC 5545), written with the `icalendar` library: one per body and one of
all meetings, planned, held and cancelled, each event with its place, its times in
Europe/Copenhagen (with the VTIMEZONE) and its agenda (the titles, and a link to the page).

An event's UID is made of the body folder, the meeting file's name and the site's host, so it is
the same in every build. SEQUENCE counts the commits that changed the meeting's file after the
first (the corrections log, corrections.py): it rises with every change, and a calendar client
replaces its copy. Without git history SEQUENCE is 0 and DTSTAMP is the meeting's own time. A
meeting with `status: cancelled` is STATUS:CANCELLED; the others are CONFIRMED. A meeting without
a start time is an all-day event; one without an end time has none (RFC 5545, 3.6.1).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

from icalendar import Calendar, Event, Timezone, TimezoneDaylight, TimezoneStandard

from . import danish, paths, pieces, urls
from .cache import digest
from .feeds import ZONE, authority, cached, moment
from .generators import Run, generator
from .i18n import _
from .model import Meeting
from .outputs import Output, TextOutput
from .render_meeting import meeting_title, punkt_label

ICAL = "text/calendar"
PRODID = "-//referat//Referater og beslutninger//DA"
EVENTS = "calendar-events"  # each meeting's event in the cache (pieces.py)
END = "END:VCALENDAR\r\n"  # a calendar's last line
STATUS = {"held": "CONFIRMED", "planned": "CONFIRMED", "cancelled": "CANCELLED"}


def copenhagen() -> Timezone:
    """Europe/Copenhagen as a VTIMEZONE: CET, and CEST from the last Sunday of March to the last
    Sunday of October (the EU's rule since 1996), as calendar programs write it themselves."""
    zone = Timezone()
    zone.add("tzid", "Europe/Copenhagen")
    for part, start, offsets, month in (
            (TimezoneDaylight, dt.datetime(1970, 3, 29, 2), ("+0100", "+0200", "CEST"), 3),
            (TimezoneStandard, dt.datetime(1970, 10, 25, 3), ("+0200", "+0100", "CET"), 10)):
        rule = part()
        rule.add("dtstart", start)
        rule.add("tzoffsetfrom", dt.timedelta(hours=int(offsets[0][:3])))
        rule.add("tzoffsetto", dt.timedelta(hours=int(offsets[1][:3])))
        rule.add("tzname", offsets[2])
        rule.add("rrule", {"freq": "yearly", "bymonth": month, "byday": "-1su"})
        zone.add_component(rule)
    return zone


def event(run: Run, meeting: Meeting) -> Event:
    """A meeting as an event."""
    changes = run.history.of(meeting.body.slug, meeting.slug)
    page = urls.absolute(run.site_url, paths.meeting(meeting))
    item = Event()
    item.add("uid", f"{meeting.body.slug}/{meeting.slug}@{authority(run.site_url)}")
    stamp = changes[-1].when if changes else moment(meeting)
    item.add("dtstamp", stamp.astimezone(dt.UTC))
    if changes:
        item.add("created", changes[0].when.astimezone(dt.UTC))
        item.add("last-modified", stamp.astimezone(dt.UTC))
    item.add("sequence", max(len(changes) - 1, 0))
    add_times(item, meeting)
    cancelled = " (" + _("aflyst") + ")" if meeting.status == "cancelled" else ""
    item.add("summary", meeting_title(meeting) + cancelled)
    if meeting.location:
        item.add("location", meeting.location)
    item.add("status", STATUS[meeting.status])
    item.add("url", page)
    item.add("description", agenda(meeting, page))
    return item


def add_times(item: Event, meeting: Meeting) -> None:
    if meeting.start is None:
        item.add("dtstart", meeting.date)  # an all-day event: DTSTART;VALUE=DATE
        item.add("dtend", meeting.date + dt.timedelta(days=1))
        return
    item.add("dtstart", moment(meeting))
    if meeting.end is not None and meeting.end > meeting.start:
        item.add("dtend", dt.datetime.combine(meeting.date, meeting.end, tzinfo=ZONE))


def agenda(meeting: Meeting, page: str) -> str:
    """The event's description: the status, the agenda's titles and the page's address."""
    lines = [f"{danish.label(danish.STATUS[meeting.status])}: {page}"]
    lines += [punkt_label(i) for i in meeting.items]
    return "\n".join(lines)


def calendar(run: Run, name: str, meetings: Sequence[Meeting], path: str) -> TextOutput:
    """A calendar of meetings, as iCalendar text; from the cache while its meetings' inputs
    (pieces.py: their files, their history, the site) are the same."""
    key = digest("calendar", pieces.site_key(run), name, path,
                 *(pieces.meeting_key(run, m) for m in meetings))
    return TextOutput(path, cached(run, key, lambda: ical(run, name, events(run, meetings))), ICAL)


def events(run: Run, meetings: Sequence[Meeting]) -> list[str]:
    """The meetings' events as iCalendar text, each meeting's a piece of its own (pieces.py),
    read for every meeting at once when a first calendar needs them."""
    if (made := run.memo.get(EVENTS)) is None:
        every = run.catalog.meetings
        texts = pieces.grouped(run, EVENTS, [pieces.meeting_key(run, m) for m in every],
                               lambda n: event(run, every[n]).to_ical().decode("utf-8"))
        made = run.memo[EVENTS] = {id(m): text for m, text in zip(every, texts, strict=True)}
    return [made[id(m)] for m in meetings]


def ical(run: Run, name: str, events: Sequence[str]) -> str:
    """The calendar: its properties and time zone, then the events (an event's text is what
    the calendar's would hold: a component's lines are its own)."""
    cal = Calendar()
    cal.add("prodid", PRODID)
    cal.add("version", "2.0")
    cal.add("calscale", "GREGORIAN")
    cal.add("method", "PUBLISH")
    cal.add("x-wr-calname", name)
    cal.add("x-wr-timezone", "Europe/Copenhagen")
    # iCalendar has no licence property: an X- property carries the one every file carries.
    cal.add("x-license", f"{run.licence.name} {run.licence.url}")
    cal.add_component(copenhagen())
    text = str(cal.to_ical().decode("utf-8"))
    return text.removesuffix(END) + "".join(events) + END


@generator("calendars", TextOutput, ahead=True)
def calendars(run: Run) -> Sequence[Output]:
    """One calendar per body, and one of every meeting."""
    per_body = [calendar(run, _("{body}: møder").format(body=body.name),
                         run.catalog.by_body.get(body.slug, []), urls.calendar(paths.body(body)))
                for body in run.catalog.archive.bodies]
    return [calendar(run, _("{site}: alle møder").format(site=run.site_name), run.catalog.meetings,
                     urls.ALL_MEETINGS_CALENDAR), *per_body]
