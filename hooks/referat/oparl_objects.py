"""The objects of the OParl-shaped API (oparl.py writes them), made from the catalog.

How the archive maps to OParl 1.1 (docs/data.md says the same in Danish):
- the council's organisation is the one Body; each of our bodies (råd, udvalg) an Organization;
- a meeting is a Meeting, its punkter AgendaItems (embedded, and each a file of its own);
- a case (journal number) is a Paper, and each treatment of it a Consultation;
- an attachment with a file or an address is a File; a participant is a Person, by name, with
  one Membership per body they attended;
- `created` and `modified` come from the repository's git history (corrections.py): a meeting's
  objects (Meeting, AgendaItem, File, Consultation) were created when its file was first committed
  and modified at its last commit; an object made from several meetings (Organization, Body,
  Paper, Person, Membership, Location) spans the earliest and the latest of theirs. A meeting
  file without history (no git, a shallow clone, a file not committed yet) counts its meeting's
  date and start instead, in Europe/Copenhagen time.
A closed punkt is an AgendaItem with `public: false`, its title and its decision, and nothing
else: no Consultation, keyword or File.
"""

from __future__ import annotations

import datetime as dt
import mimetypes
import posixpath
from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import partial
from typing import Any
from zoneinfo import ZoneInfo

from . import paths, urls
from .catalog import Case
from .corrections import History
from .model import ATTENDED, Attachment, Body, Item, Meeting, Treatment
from .oparl_extension import decision_extension
from .render_index import case_target
from .render_meeting import meeting_title
from .slugs import slugify

ZONE = ZoneInfo("Europe/Copenhagen")
OPARL_VERSION = "https://schema.oparl.org/1.1/"
EPOCH = dt.date(1970, 1, 1)  # created/modified of an archive without meetings


@dataclass
class Api:
    """What the object builders read: addresses, the licence, and persons by name."""

    site_url: str
    licence: str  # the licence's address
    sizes: dict[str, int]  # copied files' sizes by their path in the site
    persons: dict[str, str] = field(default_factory=dict)  # name -> slug
    # A place as written -> its slug and the meetings held there, oldest first.
    places: dict[str, tuple[str, list[Meeting]]] = field(default_factory=dict)
    history: History = field(default_factory=History)  # the meeting files' commits
    # A meeting's (created, modified), by id(): a person's span reads each of their meetings.
    moments: dict[int, tuple[dt.datetime, dt.datetime]] = field(default_factory=dict)
    located: dict[str, dict[str, Any]] = field(default_factory=dict)  # each place's Location

    def moment(self, meeting: Meeting) -> tuple[dt.datetime, dt.datetime]:
        """When a meeting's file was first and last committed, else its date and start."""
        if (found := self.moments.get(id(meeting))) is None:
            changes = self.history.of(meeting.body.slug, meeting.slug)
            found = (changes[0].when, changes[-1].when) if changes else (held(meeting),) * 2
            self.moments[id(meeting)] = found
        return found

    def id(self, *parts: str) -> str:
        return urls.absolute(self.site_url, urls.oparl(*parts))

    def list(self, kind: str, *owner: str) -> str:
        return urls.absolute(self.site_url, urls.oparl_list(kind, 1, *owner))

    def web(self, page_path: str) -> str:
        return urls.absolute(self.site_url, page_path)

    def base(self, kind: str, address: str, first: str, last: str) -> dict[str, Any]:
        """The keys every object has: id, type, licence, created and modified."""
        return {"id": address, "type": OPARL_VERSION + kind, "license": self.licence,
                "created": first, "modified": last}


def stamp(date: dt.date, time: dt.time | None = None) -> str:
    """A date (and time) in Copenhagen as OParl's date-time: 2025-11-26T17:00:00+01:00."""
    return dt.datetime.combine(date, time or dt.time(0), ZONE).isoformat()


def held(meeting: Meeting) -> dt.datetime:
    """A meeting's date and start (midnight without one), in Copenhagen time."""
    return dt.datetime.combine(meeting.date, meeting.start or dt.time(0), ZONE)


def span(api: Api, meetings: Sequence[Meeting]) -> tuple[str, str]:
    """created and modified of an object made from these meetings: the earliest creation and
    the latest change among them (a commit's time in Copenhagen time, as OParl's date-time)."""
    if not meetings:
        return stamp(EPOCH), stamp(EPOCH)
    moments = [api.moment(m) for m in meetings]
    created = min(first for first, _ in moments)
    modified = max(last for _, last in moments)
    return created.astimezone(ZONE).isoformat(), modified.astimezone(ZONE).isoformat()


def item_parts(meeting: Meeting, item: Item) -> tuple[str, str, str]:
    return meeting.body.slug, meeting.slug, f"punkt-{slugify(item.number)}"


def organization_id(api: Api, body: Body) -> str:
    return api.id("organization", body.slug)


def meeting_id(api: Api, meeting: Meeting) -> str:
    return api.id("meeting", meeting.body.slug, meeting.slug)


def agenda_item_id(api: Api, meeting: Meeting, item: Item) -> str:
    return api.id("agendaitem", *item_parts(meeting, item))


def consultation_id(api: Api, treatment: Treatment) -> str:
    return api.id("consultation", *item_parts(treatment.meeting, treatment.item))


def person_id(api: Api, name: str) -> str:
    return api.id("person", api.persons[name])


def person_or_party(api: Api, name: str) -> str:
    """A participant's Person id; anything else (a party's letter) as written."""
    return person_id(api, name) if name in api.persons else name


def membership_id(api: Api, name: str, body: Body) -> str:
    return api.id("membership", body.slug, api.persons[name])


def organization(api: Api, body: Body, meetings: Sequence[Meeting],
                 members: Sequence[str]) -> dict[str, Any]:
    return {**api.base("Organization", organization_id(api, body), *span(api, meetings)),
            "body": api.id("body"), "name": body.name, "classification": "organ",
            "meeting": api.list("meeting", "organization", body.slug),
            "membership": [membership_id(api, name, body) for name in members],
            "web": api.web(paths.body(body))}


def meeting(api: Api, of: Meeting, has_case: set[int]) -> dict[str, Any]:
    """A meeting with its agenda items embedded. `has_case`: ids of items with a Consultation."""
    result = {**api.base("Meeting", meeting_id(api, of), *span(api, [of])),
              "name": meeting_title(of), "meetingState": of.status,
              "cancelled": of.status == "cancelled", "start": stamp(of.date, of.start)}
    if of.end:
        result["end"] = stamp(of.date, of.end)
    if of.location:
        result["location"] = location(api, of.location)
    attended = [p.name for p in of.participants if p.attendance in ATTENDED]
    result |= {"organization": [organization_id(api, of.body)],
               "participant": [person_id(api, name) for name in dict.fromkeys(attended)],
               "agendaItem": [agenda_item(api, of, item, n, id(item) in has_case)
                              for n, item in enumerate(of.items, 1)],
               "web": api.web(paths.meeting(of))}
    return result


def agenda_item(api: Api, at: Meeting, item: Item, order: int, has_case: bool) -> dict[str, Any]:
    """A punkt; a closed one has its title and decision only."""
    result = {**api.base("AgendaItem", agenda_item_id(api, at, item), *span(api, [at])),
              "meeting": meeting_id(api, at), "number": item.number, "order": order,
              "name": item.title, "public": not item.closed}
    if item.decision:
        result["resolutionText"] = item.decision
    if not item.closed:
        if has_case:
            result["consultation"] = consultation_id(api, Treatment(at, item))
        if item.topics:
            result["keyword"] = list(dict.fromkeys(item.topics))
        if item.outcome:
            result["result"] = item.outcome
        result.update(decision_extension(partial(person_or_party, api), item))
        files = [f for n, a in enumerate(item.attachments, 1)
                 if (f := file(api, at, item, n, a)) is not None]
        if files:
            result["auxiliaryFile"] = files
    result["web"] = api.web(paths.item(at, item))
    return result


def file(api: Api, at: Meeting, item: Item, n: int, attachment: Attachment) -> dict[str, Any] | None:
    """An attachment with a file on the site or an address of its own; none with a title only."""
    if attachment.file:
        target = paths.attachment(at, attachment.file)
        access = urls.absolute(api.site_url, target)
    elif attachment.url:
        target, access = attachment.url, attachment.url
    else:
        return None
    result = {**api.base("File", api.id("file", *item_parts(at, item), str(n)), *span(api, [at])),
              "name": attachment.title, "fileName": posixpath.basename(target.split("?")[0]),
              "accessUrl": access, "date": at.date.isoformat(),
              "meeting": [meeting_id(api, at)], "agendaItem": [agenda_item_id(api, at, item)]}
    kind = mimetypes.guess_type(result["fileName"])[0]
    if kind:
        result["mimeType"] = kind
    if attachment.file:
        result["downloadUrl"] = access
        if target in api.sizes:
            result["size"] = api.sizes[target]
    return result


def consultation(api: Api, treatment: Treatment, case: Case) -> dict[str, Any]:
    return {**api.base("Consultation", consultation_id(api, treatment),
                       *span(api, [treatment.meeting])),
            "paper": api.id("paper", case.slug),
            "agendaItem": agenda_item_id(api, treatment.meeting, treatment.item),
            "meeting": meeting_id(api, treatment.meeting),
            "organization": [organization_id(api, treatment.meeting.body)]}


def paper(api: Api, case: Case) -> dict[str, Any]:
    """A case: named by its latest treatment's title, with every treatment embedded."""
    treatments = case.treatments
    topics = dict.fromkeys(t for each in treatments for t in each.item.topics)
    result = {**api.base("Paper", api.id("paper", case.slug), *span(api, [t.meeting for t in treatments])),
              "body": api.id("body"), "name": treatments[-1].item.title,
              "reference": case.journal, "date": treatments[0].meeting.date.isoformat(),
              "consultation": [consultation(api, t, case) for t in treatments],
              "web": api.web(case_target(case))}  # a case treated once is read on its punkt
    if topics:
        result["keyword"] = list(topics)
    return result


def person(api: Api, name: str, seen: Sequence[Meeting]) -> dict[str, Any]:
    """A participant, by name, with a Membership for every body they attended (oldest first)."""
    bodies = {m.body.slug: m.body for m in seen}
    return {**api.base("Person", person_id(api, name), *span(api, seen)), "body": api.id("body"),
            "name": name,
            "membership": [membership(api, name, body, [m for m in seen if m.body is body])
                           for body in bodies.values()]}


def membership(api: Api, name: str, body: Body, seen: Sequence[Meeting]) -> dict[str, Any]:
    """A person in a body, from their first to their last meeting there; the latest role."""
    roles = [p.role for m in seen for p in m.participants if p.name == name and p.role]
    result = {**api.base("Membership", membership_id(api, name, body), *span(api, seen)),
              "person": person_id(api, name), "organization": organization_id(api, body),
              "startDate": seen[0].date.isoformat()}
    if roles:
        result["role"] = roles[-1]
    return result


def location(api: Api, place: str) -> dict[str, Any]:
    """A meeting place as written; the same text is the same Location."""
    if (found := api.located.get(place)) is None:
        slug, seen = api.places[place]
        # No list of its meetings: embedded in each of them, it would grow with their square.
        found = api.located[place] = {**api.base("Location", api.id("location", slug),
                                                 *span(api, seen)), "description": place}
    return found
