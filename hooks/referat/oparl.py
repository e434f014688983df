"""An OParl-shaped static API: the archive as OParl 1.1 objects in static JSON files, linked by
their URLs, entered at oparl/system.json (objects in oparl_objects.py, addresses in urls.py).

OParl-shaped, not conformant: OParl requires a server to filter lists by `modified_since` and to
send CORS headers, which a static host cannot do. Lists are paginated with `links.next`, like a
server's; every object is a file of its own at its `id`.

Each meeting's files (its Meeting, AgendaItems and Files), each case's (its Paper and
Consultations) and each person's (Person and Memberships) are a piece in the cache (pieces.py),
keyed by the inputs of the meetings they are made from: a rebuild after one edit makes that
meeting's objects, and the Papers and Persons it shows, again and reads the rest. With a cache,
an object's text is kept in the cache's texts (cache.TEXTS) when it is made, and its piece holds
only its path and digest: the texts are 986 MB at 50,000 punkter, too much to hold. A list page
is written from its objects' texts, and only when the site and the cache have not got it, so an
object is serialised once. A place's Location is dated
by every meeting held there, so it is put into its Meetings' texts afterwards, and the few
Organizations and Locations are made anew in every build.
"""

from __future__ import annotations

import json
from collections import defaultdict
from collections.abc import Sequence
from functools import partial
from typing import Any
from urllib.parse import unquote

from . import oparl_objects as o
from . import paths, pieces, urls
from .cache import Cache, digest
from .generators import Run, generator, kept_text, text_output
from .model import Meeting
from .outputs import FileCopy, Output, TextOutput
from .slugs import unique_slugs

PAGE_SIZE = 100  # objects in a page of a list
JSON = "application/json"
NAMESPACE = "oparl"  # each meeting's files in the cache, by the digest of what they show
# A file's path in the site, its text (None: kept in the cache's texts) and its digest ("": not
# known, and then its text is held).
Text = tuple[str, str | None, str]
# A meeting's files: the Meeting (its path, its text before and after its Location, and the
# digest of those two), its AgendaItems' and its Files'.
MeetingTexts = tuple[tuple[str, str, str, str], list[Text], list[Text]]


@generator("oparl", TextOutput, ahead=True)
def oparl(run: Run) -> Sequence[Output]:
    """Every object as a file at its id, and the lists the Body and Organizations link to."""
    api, seen = prepare(run)
    catalog = run.catalog
    texts: dict[str, list[Text]] = defaultdict(list)
    members = {slug: sorted({n for m in meetings for n in names(m)}, key=api.persons.__getitem__)
               for slug, meetings in catalog.by_body.items()}
    for body in catalog.archive.bodies:
        texts["organization"].append(text_of(api, o.organization(
            api, body, catalog.by_body.get(body.slug, []), members.get(body.slug, []))))
    places = {place: text_of(api, o.location(api, place)) for place in api.places}
    persons = digest(repr(api.persons))
    for meeting, made in zip(catalog.meetings, meeting_files(run, api, persons), strict=True):
        texts["meeting"].append(with_place(made[0], places.get(meeting.location or "")))
        texts["agendaItem"] += made[1]
        texts["file"] += made[2]
    for kind, inner, nested in (("paper", "consultation", papers(run, api)),
                                ("person", "membership", people(run, api, seen, persons))):
        texts[kind] = [outer for outer, _ in nested]
        texts[inner] = [each for _, within in nested for each in within]
    texts["location"] = list(places.values())
    outputs = [output(run, text) for kind in texts.values() for text in kind]
    return outputs + lists(run, api, texts)


def meeting_files(run: Run, api: o.Api, persons: str) -> list[MeetingTexts]:
    """Each meeting's Meeting, AgendaItems and Files, a piece of its own (pieces.py) while what
    they show is the same: the meeting's inputs, the slugs of persons (`persons`), which
    punkter have a Consultation and its attachments' sizes. Its place's Location, dated by all
    the meetings held there, is put in afterwards (`with_place`)."""
    with_case = {id(t.item) for case in run.catalog.cases.values() for t in case.treatments}
    every = run.catalog.meetings
    keys = [digest(pieces.meeting_key(run, m), persons,
                   repr([api.sizes.get(paths.attachment(m, a.file)) for i in m.items
                         for a in i.attachments if a.file]),
                   repr([id(i) in with_case for i in m.items])) for m in every]
    def make(n: int) -> MeetingTexts:
        meeting, items, files = meeting_texts(api, every[n], with_case)
        return meeting, [kept(run, t) for t in items], [kept(run, t) for t in files]
    return pieces.grouped(run, NAMESPACE, keys, make)


def meeting_texts(api: o.Api, meeting: Meeting, with_case: set[int]) -> MeetingTexts:
    """The Meeting's path and its JSON before and after its Location, its AgendaItems' and its
    Files' paths and JSON (compact JSON of a dict is its keys' texts joined, so the Meeting's
    text is the two halves around the Location's)."""
    made = o.meeting(api, meeting, with_case)
    keys = list(made)
    at = keys.index("location") if "location" in made else keys.index("organization")
    path = path_of(api, made)
    head = dumps({k: made[k] for k in keys[:at]})[:-1]
    tail = dumps({k: made[k] for k in keys[at + 1 if "location" in made else at:]})[1:]
    items = made["agendaItem"]
    return ((path, head, tail, digest(head, tail)), [text_of(api, i) for i in items],
            [text_of(api, f) for i in items for f in i.get("auxiliaryFile", [])])


def with_place(meeting: tuple[str, str, str, str], place: Text | None) -> Text:
    """A Meeting's text, with its Location's (if it has a place) between its halves, and a
    token made of the halves' digest and the Location's (the same token is the same text)."""
    path, head, tail, halves = meeting
    if place is None:
        return path, f"{head},{tail}", digest("oparl meeting", halves)
    return path, f'{head},"location":{place[1]},{tail}', digest("oparl meeting", halves, place[2])


def papers(run: Run, api: o.Api) -> list[tuple[Text, list[Text]]]:
    """Each case's Paper and its Consultations, a piece while its treatments' meetings' inputs
    (and the punkter's places on their agendas) are the same."""
    cases = list(run.catalog.cases.values())
    keys = [digest("paper", case.slug, case.journal, *(
        f"{pieces.meeting_key(run, t.meeting)}#{pieces.agenda_place(run, t.item)}"
        for t in case.treatments)) for case in cases]

    def make(n: int) -> tuple[Text, list[Text]]:
        made = o.paper(api, cases[n])
        return kept(run, text_of(api, made)), [kept(run, text_of(api, each))
                                               for each in made["consultation"]]
    return pieces.grouped(run, NAMESPACE, keys, make, scattered=True)


def people(run: Run, api: o.Api, seen: dict[str, list[Meeting]],
           persons: str) -> list[tuple[Text, list[Text]]]:
    """Each Person and their Memberships, a piece while the inputs of the meetings they attended
    and the persons' slugs are the same."""
    names = list(api.persons)
    keys = [digest("person", name, persons, *(pieces.meeting_key(run, m) for m in seen[name]))
            for name in names]

    def make(n: int) -> tuple[Text, list[Text]]:
        made = o.person(api, names[n], seen[names[n]])
        return kept(run, text_of(api, made)), [kept(run, text_of(api, each))
                                               for each in made["membership"]]
    return pieces.grouped(run, NAMESPACE, keys, make, scattered=True)


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
    """An object's compact JSON at the site path its id names, and its digest: made once with
    the text and kept with it in its piece, so no rebuild hashes the text again (writer.py)."""
    text = dumps(obj)
    return path_of(api, obj), text, digest(text)


def path_of(api: o.Api, obj: dict[str, Any]) -> str:
    """The site path an object's id names (an id is urls.absolute of it)."""
    return unquote(obj["id"].removeprefix(urls.absolute(api.site_url, "")))


def kept(run: Run, text: Text) -> Text:
    """The text kept in the run's cache's texts, and only its path and digest held; with no
    cache, held as it is."""
    path, body, known = text
    return text if body is None or not known else (path, kept_text(run, known, body), known)


def output(run: Run, text: Text) -> TextOutput:
    return text_output(run, text[0], text[1], JSON, text[2])


def held(cache: Cache | None, text: Text) -> str:
    """A text, from the cache when it is kept there."""
    if text[1] is not None:
        return text[1]
    assert cache is not None  # a text is kept only in a cache (`kept`)
    return cache.text(text[2])


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
    outputs = [output(run, text_of(api, system)), output(run, body),
               *paginate(run, api, "body", [body])]
    for kind in ("organization", "person", "meeting", "paper", "agendaItem", "consultation",
                 "file", "membership", "location"):
        outputs += paginate(run, api, kind, texts[kind])
    by_body: dict[str, list[Text]] = defaultdict(list)
    for meeting, text in zip(run.catalog.meetings, texts["meeting"], strict=True):
        by_body[meeting.body.slug].append(text)
    for organization in run.catalog.archive.bodies:
        outputs += paginate(run, api, "meeting", by_body.get(organization.slug, []),
                            "organization", organization.slug)
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


def paginate(run: Run, api: o.Api, kind: str, objects: Sequence[Text],
             *owner: str) -> list[TextOutput]:
    """A list in pages of PAGE_SIZE objects (their JSON texts), each linking to the first, last,
    previous and next (an empty list is one empty page, so the address it is linked by exists).
    A page's text is its objects' texts joined: what json.dumps of the whole page would write.
    A page whose objects' digests are all known is named by them, and its text is put together
    only when the writer needs it."""
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
        rest = dumps({"pagination": {"totalElements": len(objects), "elementsPerPage": PAGE_SIZE,
                                     "currentPage": n + 1, "totalPages": pages},
                      "links": links, "license": api.licence})  # beyond OParl: so an empty page has it
        page = objects[n * PAGE_SIZE:(n + 1) * PAGE_SIZE]
        path, token = urls.oparl_list(kind, n + 1, *owner), joined(page, rest)
        make = partial(list_page, run.cache, page, rest)
        outputs.append(TextOutput(path, "", JSON, token, make) if token else
                       TextOutput(path, make(), JSON))
    return outputs


def list_page(cache: Cache | None, objects: Sequence[Text], rest: str) -> str:
    """A list page's text: its objects' texts, and the rest of the page (`rest`, a JSON object)."""
    data = ",".join(held(cache, text) for text in objects)
    return f'{{"data":[{data}],{rest[1:]}'


def joined(objects: Sequence[Text], rest: str) -> str:
    """A list page's token, from its objects' digests and the rest of its text, without hashing
    the objects' texts again: the same token is the same text (writer.py); "" (the writer
    hashes the page) when an object's digest is not known."""
    if any(not known for _, _, known in objects):
        return ""
    return digest("oparl list page", rest, *(known for _, _, known in objects))
