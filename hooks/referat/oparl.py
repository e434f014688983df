"""An OParl-shaped static API: the archive as OParl 1.1 objects in static JSON files, linked by
their URLs, entered at oparl/system.json (objects in oparl_objects.py, addresses in urls.py).

OParl-shaped, not conformant: OParl requires a server to filter lists by `modified_since` and to
send CORS headers, which a static host cannot do. Lists are paginated with `links.next`, like a
server's; every object is a file of its own at its `id`.

The whole API is one entry in the cache, by a digest of everything it is made from (the meetings,
the cases, the git history, the site's settings): a rebuild without a change makes no object,
and a rebuild after an edit makes them all again (most files would change anyway: every list page
holds its objects, and the Body's, System's and Organizations' `modified` follow the newest edit).
"""

from __future__ import annotations

import json
from collections import defaultdict
from collections.abc import Sequence
from typing import Any
from urllib.parse import unquote

from . import oparl_objects as o
from . import urls
from .cache import digest, engine_version
from .generators import Run, cached_text, generator
from .model import Meeting
from .outputs import FileCopy, Output, TextOutput
from .slugs import unique_slugs

PAGE_SIZE = 100  # objects in a page of a list
JSON = "application/json"
NAMESPACE = "oparl"  # the whole API's files in the cache, by the digest of its inputs


@generator("oparl", TextOutput)
def oparl(run: Run) -> Sequence[Output]:
    """Every object as a file at its id, and the lists the Body and Organizations link to, from
    the cache while what they are made from is unchanged."""
    text = cached_text(run, NAMESPACE, inputs_key(run), lambda: json.dumps(
        [(t.path, t.text) for t in make(run)], ensure_ascii=False))
    return [TextOutput(path, body, JSON) for path, body in json.loads(text)]


def inputs_key(run: Run) -> str:
    """A digest of everything the API shows: the meetings as loaded (their repr holds every
    field), the cases by their treatments, the git history, and the site's settings."""
    catalog = run.catalog
    cases = [(c.journal, c.slug, [(t.meeting.body.slug, t.meeting.slug, t.item.number)
                                  for t in c.treatments]) for c in catalog.cases.values()]
    sizes = sorted((copy.path, copy.size) for copy in run.of(FileCopy))
    return digest(engine_version(), run.site_url, run.site_name, repr(run.licence),
                  repr(catalog.archive.bodies), repr(catalog.meetings), repr(cases), repr(sizes),
                  repr(sorted(run.history.changes.items())))


def make(run: Run) -> list[TextOutput]:
    """The API's files, made anew."""
    api, seen = prepare(run)
    catalog = run.catalog
    objects: dict[str, list[dict[str, Any]]] = defaultdict(list)
    with_case = {id(t.item) for case in catalog.cases.values() for t in case.treatments}
    members = {slug: sorted({n for m in meetings for n in names(m)}, key=api.persons.__getitem__)
               for slug, meetings in catalog.by_body.items()}
    for body in catalog.archive.bodies:
        objects["organization"].append(o.organization(
            api, body, catalog.by_body.get(body.slug, []), members.get(body.slug, [])))
    for meeting in catalog.meetings:
        objects["meeting"].append(o.meeting(api, meeting, with_case))
    objects["agendaItem"] = [item for m in objects["meeting"] for item in m["agendaItem"]]
    objects["file"] = [f for item in objects["agendaItem"] for f in item.get("auxiliaryFile", [])]
    objects["paper"] = [o.paper(api, case) for case in catalog.cases.values()]
    objects["consultation"] = [c for paper in objects["paper"] for c in paper["consultation"]]
    objects["person"] = [o.person(api, name, seen[name]) for name in api.persons]
    objects["membership"] = [ms for p in objects["person"] for ms in p["membership"]]
    objects["location"] = [o.location(api, place) for place in api.places]
    outputs = [file_of(api, obj) for kind in objects.values() for obj in kind]
    outputs += lists(run, api, objects)
    return outputs


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


def file_of(api: o.Api, obj: dict[str, Any]) -> TextOutput:
    """An object at the site path its id names (an id is urls.absolute of that path)."""
    prefix = urls.absolute(api.site_url, "")
    return TextOutput(unquote(obj["id"].removeprefix(prefix)), dumps(obj), JSON)


def dumps(obj: dict[str, Any]) -> str:
    """Compact JSON in UTF-8 text: `jq .` or a browser shows it indented."""
    return json.dumps(obj, ensure_ascii=False, separators=(",", ":"))


def lists(run: Run, api: o.Api, objects: dict[str, list[dict[str, Any]]]) -> list[TextOutput]:
    """System, Body, the Body's lists, and each Organization's list of its meetings."""
    first, last = o.span(api, run.catalog.meetings)
    body = body_object(run, api, first, last)
    system = {**api.base("System", api.id("system"), first, last),
              "oparlVersion": o.OPARL_VERSION, "name": run.site_name, "body": api.list("body"),
              "website": api.web("index.md"), "web": api.web("index.md")}
    outputs = [file_of(api, system), file_of(api, body), *paginate(api, "body", [body])]
    for kind in ("organization", "person", "meeting", "paper", "agendaItem", "consultation",
                 "file", "membership", "location"):
        outputs += paginate(api, kind, objects[kind])
    by_body: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for meeting in objects["meeting"]:
        by_body[meeting["organization"][0]].append(meeting)
    for organization in run.catalog.archive.bodies:
        mine = by_body.get(o.organization_id(api, organization), [])
        outputs += paginate(api, "meeting", mine, "organization", organization.slug)
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


def paginate(api: o.Api, kind: str, objects: Sequence[dict[str, Any]],
             *owner: str) -> list[TextOutput]:
    """A list in pages of PAGE_SIZE objects, each linking to the first, last, previous and next
    (an empty list is one empty page, so the address it is linked by exists)."""
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
        page = {"data": list(objects[n * PAGE_SIZE:(n + 1) * PAGE_SIZE]),
                "pagination": {"totalElements": len(objects), "elementsPerPage": PAGE_SIZE,
                               "currentPage": n + 1, "totalPages": pages},
                "links": links, "license": api.licence}  # beyond OParl: so an empty page has it
        outputs.append(TextOutput(urls.oparl_list(kind, n + 1, *owner), dumps(page), JSON))
    return outputs
