"""An OParl-shaped static API: the archive as OParl 1.1 objects in static JSON files, linked by
their URLs, entered at oparl/system.json (objects in oparl_objects.py, addresses in urls.py).

OParl-shaped, not conformant: OParl requires a server to filter lists by `modified_since` and to
send CORS headers, which a static host cannot do. Lists are paginated with `links.next`, like a
server's; every object is a file of its own at its `id`.

Each meeting's files (its Meeting, AgendaItems and Files) are one entry in the cache, by a digest
of everything they show: a rebuild after one edit makes that meeting's objects again and reads
the rest. Lists are written from their objects' texts, so an object is serialised once. Papers,
Persons, Memberships, Organizations and Locations are made anew in every build: each is made from
many meetings, and its inputs cost as much to digest as it costs to make.
"""

from __future__ import annotations

import json
from collections import defaultdict
from collections.abc import Sequence
from typing import Any
from urllib.parse import unquote

from . import oparl_objects as o
from . import paths, urls
from .cache import digest, engine_version
from .generators import Run, cached_text, generator
from .model import Meeting
from .outputs import FileCopy, Output, TextOutput
from .slugs import unique_slugs

PAGE_SIZE = 100  # objects in a page of a list
JSON = "application/json"
NAMESPACE = "oparl"  # each meeting's files in the cache, by the digest of what they show
Text = tuple[str, str]  # a file's path in the site and its text


@generator("oparl", TextOutput)
def oparl(run: Run) -> Sequence[Output]:
    """Every object as a file at its id, and the lists the Body and Organizations link to."""
    api, seen = prepare(run)
    catalog = run.catalog
    texts: dict[str, list[Text]] = defaultdict(list)
    with_case = {id(t.item) for case in catalog.cases.values() for t in case.treatments}
    members = {slug: sorted({n for m in meetings for n in names(m)}, key=api.persons.__getitem__)
               for slug, meetings in catalog.by_body.items()}
    for body in catalog.archive.bodies:
        texts["organization"].append(text_of(api, o.organization(
            api, body, catalog.by_body.get(body.slug, []), members.get(body.slug, []))))
    shared = digest(engine_version(), api.site_url, api.licence, repr(api.persons),
                    repr({place: slug for place, (slug, _) in api.places.items()}))
    for meeting in catalog.meetings:
        for kind, made in meeting_files(run, api, meeting, with_case, shared).items():
            texts[kind] += made
    for kind, inner, objects in (
            ("paper", "consultation", [o.paper(api, case) for case in catalog.cases.values()]),
            ("person", "membership", [o.person(api, name, seen[name]) for name in api.persons])):
        texts[kind] = [text_of(api, obj) for obj in objects]
        texts[inner] = [text_of(api, each) for obj in objects for each in obj[inner]]
    texts["location"] = [text_of(api, o.location(api, place)) for place in api.places]
    outputs = [TextOutput(path, text, JSON) for kind in texts.values() for path, text in kind]
    return outputs + lists(run, api, texts)


def meeting_files(run: Run, api: o.Api, meeting: Meeting, with_case: set[int],
                  shared: str) -> dict[str, list[Text]]:
    """A meeting's Meeting, AgendaItems and Files, from the cache while what they show is the
    same: the meeting as loaded (its repr holds every field), its history, which punkter have a
    Consultation, its attachments' sizes, its place's Location (dated by the place's meetings),
    and `shared`: the engine, the site and the slugs of persons and places."""
    files = [api.sizes.get(paths.attachment(meeting, a.file)) for i in meeting.items
             for a in i.attachments if a.file]
    place = o.location(api, meeting.location) if meeting.location else None
    key = digest(shared, repr(meeting), repr(api.moment(meeting)), repr(files), repr(place),
                 repr([id(i) in with_case for i in meeting.items]))

    def make() -> str:
        made = o.meeting(api, meeting, with_case)
        items = made["agendaItem"]
        return json.dumps({"meeting": [text_of(api, made)],
                           "agendaItem": [text_of(api, i) for i in items],
                           "file": [text_of(api, f) for i in items for f in i.get("auxiliaryFile", [])]},
                          ensure_ascii=False)
    found: dict[str, list[list[str]]] = json.loads(cached_text(run, NAMESPACE, key, make))
    return {kind: [(path, text) for path, text in made] for kind, made in found.items()}


def names(meeting: Meeting) -> list[str]:
    return [p.name for p in meeting.participants]


def prepare(run: Run) -> tuple[o.Api, dict[str, list[Meeting]]]:
    """The builders' context: slugs for persons and places, and the meetings each appears in."""
    sizes = {copy.path: copy.size for copy in run.of(FileCopy)}
    api = o.Api(run.site_url, run.licence.url, sizes, history=run.history)
    seen: dict[str, list[Meeting]] = defaultdict(list)
    places: dict[str, list[Meeting]] = defaultdict(list)
    for meeting in run.catalog.meetings:
        for name in dict.fromkeys(names(meeting)):
            seen[name].append(meeting)
        if meeting.location:
            places[meeting.location].append(meeting)
    api.persons = dict(sorted(unique_slugs(list(seen)).items(), key=lambda kv: kv[1]))
    api.places = {place: (slug, places[place])
                  for place, slug in sorted(unique_slugs(list(places)).items(), key=lambda kv: kv[1])}
    return api, seen


def text_of(api: o.Api, obj: dict[str, Any]) -> Text:
    """An object's compact JSON at the site path its id names (an id is urls.absolute of it)."""
    prefix = urls.absolute(api.site_url, "")
    return unquote(obj["id"].removeprefix(prefix)), dumps(obj)


def dumps(obj: dict[str, Any]) -> str:
    """Compact JSON in UTF-8 text: `jq .` or a browser shows it indented."""
    return json.dumps(obj, ensure_ascii=False, separators=(",", ":"))


def lists(run: Run, api: o.Api, texts: dict[str, list[Text]]) -> list[TextOutput]:
    """System, Body, the Body's lists, and each Organization's list of its meetings."""
    first, last = o.span(api, run.catalog.meetings)
    body = text_of(api, body_object(run, api, first, last))
    system = {**api.base("System", api.id("system"), first, last),
              "oparlVersion": o.OPARL_VERSION, "name": run.site_name, "body": api.list("body"),
              "website": api.web("index.md"), "web": api.web("index.md")}
    outputs = [TextOutput(*text_of(api, system), JSON), TextOutput(*body, JSON),
               *paginate(api, "body", [body[1]])]
    for kind in ("organization", "person", "meeting", "paper", "agendaItem", "consultation",
                 "file", "membership", "location"):
        outputs += paginate(api, kind, [text for _, text in texts[kind]])
    by_body: dict[str, list[str]] = defaultdict(list)
    for meeting, (_, text) in zip(run.catalog.meetings, texts["meeting"], strict=True):
        by_body[meeting.body.slug].append(text)
    for organization in run.catalog.archive.bodies:
        outputs += paginate(api, "meeting", by_body.get(organization.slug, []), "organization",
                            organization.slug)
    return outputs


def body_object(run: Run, api: o.Api, first: str, last: str) -> dict[str, Any]:
    """The one Body: the organisation the bodies name (the most common), else the site."""
    named = [b.organisation for b in run.catalog.archive.bodies if b.organisation]
    name = max(sorted(set(named)), key=named.count) if named else run.site_name
    lists = {key: api.list(kind) for key, kind in (
        ("organization", "organization"), ("person", "person"), ("meeting", "meeting"),
        ("paper", "paper"), ("agendaItem", "agendaItem"), ("consultation", "consultation"),
        ("file", "file"), ("membership", "membership"), ("locationList", "location"))}
    return {**api.base("Body", api.id("body"), first, last), "system": api.id("system"),
            "name": name, "website": api.web("index.md"), **lists, "legislativeTerm": [],
            "web": api.web("index.md")}


def paginate(api: o.Api, kind: str, objects: Sequence[str], *owner: str) -> list[TextOutput]:
    """A list in pages of PAGE_SIZE objects (their JSON texts), each linking to the first, last,
    previous and next (an empty list is one empty page, so the address it is linked by exists).
    A page's text is its objects' texts joined: what json.dumps of the whole page would write."""
    pages = max(1, -(-len(objects) // PAGE_SIZE))
    address = [urls.absolute(api.site_url, urls.oparl_list(kind, n, *owner)) for n in
               range(1, pages + 1)]
    outputs = []
    for n in range(pages):
        links = {"first": address[0], "last": address[-1], "self": address[n]}
        if n:
            links["prev"] = address[n - 1]
        if n + 1 < pages:
            links["next"] = address[n + 1]
        rest = {"pagination": {"totalElements": len(objects), "elementsPerPage": PAGE_SIZE,
                               "currentPage": n + 1, "totalPages": pages},
                "links": links, "license": api.licence}  # beyond OParl: so an empty page has it
        data = ",".join(objects[n * PAGE_SIZE:(n + 1) * PAGE_SIZE])
        outputs.append(TextOutput(urls.oparl_list(kind, n + 1, *owner),
                                  f'{{"data":[{data}],{dumps(rest)[1:]}', JSON))
    return outputs
