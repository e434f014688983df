"""The OParl-shaped API validates against the OParl 1.1 schema files (tests/oparl_schema/, from
the OParl specification), embedded objects against the schema OParl names for them; every object
has id, type, created and modified, lies at its id, and every list is paged with links.next."""

from __future__ import annotations

import datetime as dt
import json
import re
from functools import cache
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import jsonschema
import pytest

from conftest import ROOT
from data_site import SITE_URL, addresses, data_site, local, read_json
from referat import oparl, urls
from referat.cache import TEXTS, Cache, digest
from referat.engine import build_site

SCHEMAS = Path(__file__).resolve().parent / "oparl_schema"
TYPE = re.compile(r"^https://schema\.oparl\.org/1\.1/(\w+)$")
FORMATS = jsonschema.FormatChecker()


@FORMATS.checks("url")
def is_url(value: object) -> bool:
    parts = urlsplit(str(value))
    return parts.scheme in ("http", "https") and bool(parts.netloc)


@FORMATS.checks("date-time", raises=ValueError)
def is_date_time(value: object) -> bool:
    """OParl's date-time: ISO 8601 with a time zone."""
    return dt.datetime.fromisoformat(str(value)).tzinfo is not None


@FORMATS.checks("date", raises=ValueError)
def is_date(value: object) -> bool:
    return bool(dt.date.fromisoformat(str(value)))


@cache
def schema_validator(name: str) -> jsonschema.protocols.Validator:
    schema = json.loads((SCHEMAS / f"{name}.json").read_text(encoding="utf-8"))
    jsonschema.Draft7Validator.check_schema(schema)
    return jsonschema.Draft7Validator(schema, format_checker=FORMATS)


def oparl_problems(obj: dict[str, Any], name: str | None = None, where: str = "") -> list[str]:
    """What is wrong with an object by its schema (the one its type names), and with every object
    embedded in it by the schema OParl's own `schema` keyword names for that property."""
    match = TYPE.match(str(obj.get("type")))
    name = name or (match[1] if match else "?")
    if match is None or match[1] != name:
        return [f"{where}: type {obj.get('type')!r} is not OParl 1.1's {name}"]
    check = schema_validator(name)
    found = [f"{where}/{'/'.join(map(str, e.absolute_path))}: {e.message}"
             for e in check.iter_errors(obj)]
    found += [f"{where}: no {key}" for key in ("id", "type", "created", "modified") if key not in obj]
    for key, rule in check.schema["properties"].items():
        value = obj.get(key)
        inner = rule.get("schema") or rule.get("items", {}).get("schema")
        if not inner or rule.get("references") == "externalList":
            continue
        embedded = value if isinstance(value, list) else [value] if isinstance(value, dict) else []
        for n, each in enumerate(embedded):
            found += oparl_problems(each, inner.removesuffix(".json"), f"{where}/{key}/{n}")
    return found


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return data_site(tmp_path_factory)


@pytest.fixture(scope="module")
def files(site: Path) -> dict[str, Any]:
    """Every file of the API, parsed, by its address."""
    return {SITE_URL + p.relative_to(site).as_posix(): read_json(p)
            for p in sorted((site / urls.OPARL).rglob("*.json"))}


def is_list(address: str) -> bool:
    return address.startswith(SITE_URL + urls.OPARL + "/list/")


def test_the_schema_check_finds_what_is_wrong(files: dict[str, Any]) -> None:
    meeting = json.loads(json.dumps(next(v for k, v in files.items() if "/meeting/" in k
                                         and not is_list(k) and v.get("agendaItem"))))
    meeting["cancelled"] = "nej"
    meeting["agendaItem"][0]["order"] = "1"
    meeting["agendaItem"][0]["created"] = "2025-11-26 17:00"
    del meeting["agendaItem"][0]["modified"]
    found = oparl_problems(meeting)
    assert len(found) == 4, found


def test_every_object_validates_against_the_oparl_schemas(files: dict[str, Any]) -> None:
    objects = {k: v for k, v in files.items() if not is_list(k)}
    kinds = {TYPE.match(v["type"])[1] for v in objects.values()}  # type: ignore[index]
    assert kinds == {"System", "Body", "Organization", "Meeting", "AgendaItem", "Paper",
                     "Consultation", "File", "Person", "Membership", "Location"}
    found = [p for address, obj in objects.items() for p in oparl_problems(obj, where=address)]
    assert found == []


def test_every_object_lies_at_its_id(files: dict[str, Any]) -> None:
    objects = {k: v for k, v in files.items() if not is_list(k)}
    assert [k for k, v in objects.items() if v["id"] != k] == []
    embedded = [e for v in objects.values() for e in embedded_objects(v)]
    assert len(embedded) > 20
    assert [e["id"] for e in embedded if e["id"] not in files] == []
    assert [e["id"] for e in embedded if e != files[e["id"]]] == []


def embedded_objects(obj: dict[str, Any]) -> list[dict[str, Any]]:
    inner = [v for value in obj.values() for v in (value if isinstance(value, list) else [value])
             if isinstance(v, dict) and "id" in v]
    return inner + [e for v in inner for e in embedded_objects(v)]


def test_every_list_validates_and_links_its_pages(files: dict[str, Any]) -> None:
    lists = {k: v for k, v in files.items() if is_list(k)}
    assert len(lists) >= 10
    for address, page in lists.items():
        kind = address.split("/")[-2]
        assert set(page) == {"data", "pagination", "links", "license"}, address
        for n, obj in enumerate(page["data"]):
            assert oparl_problems(obj, kind[0].upper() + kind[1:], f"{address}/{n}") == []
        assert page["links"]["self"] == address
        assert all(link in files for link in page["links"].values()), address


def follow(files: dict[str, Any], first: str) -> list[dict[str, Any]]:
    """A list's objects, read as a client does: from the first page along links.next."""
    objects, address, seen = [], first, set()
    while address:
        assert address not in seen, f"{address} links back"
        seen.add(address)
        page = files[address]
        objects += page["data"]
        address = page["links"].get("next")
    return objects


def test_a_client_finds_everything_from_the_system(files: dict[str, Any], site: Path) -> None:
    system = files[SITE_URL + "oparl/system.json"]
    [body] = follow(files, system["body"])
    assert body == files[body["id"]]
    counts = {key: len(follow(files, body[key])) for key in (
        "organization", "meeting", "agendaItem", "paper", "consultation", "file", "person",
        "membership", "locationList")}
    assert counts["organization"] == 4
    assert counts["meeting"] == len(list(site.glob("*/*/meeting.json"))) == 7
    rows = (site / urls.DECISIONS_CSV).read_bytes().count(b"\r\n") - 1  # records end in CRLF
    assert counts["agendaItem"] == sum(len(m["agendaItem"]) for m in follow(files, body["meeting"]))
    assert counts["agendaItem"] == rows >= 20
    attached = [a for m in site.glob("*/*/meeting.json")
                for i in json.loads(m.read_text("utf-8"))["items"] for a in i.get("attachments", ())
                if a.get("url")]
    assert counts["file"] == len(attached) == 3
    assert counts["person"] == 20 and counts["paper"] >= 3
    for organization in follow(files, body["organization"]):
        mine = follow(files, organization["meeting"])
        assert {m["organization"][0] for m in mine} <= {organization["id"]}


def test_every_address_of_the_site_in_the_api_exists(files: dict[str, Any], site: Path) -> None:
    found = {a for value in files.values() for a in addresses(value)}
    assert len(found) > 100
    assert sorted(a for a in found if not (path := local(site, a)) or not path.is_file()) == []


def test_a_closed_punkt_is_its_title_and_decision_only(files: dict[str, Any]) -> None:
    closed = [v for k, v in files.items() if "/agendaitem/" in k and v["public"] is False]
    assert len(closed) == 1
    keys = set(closed[0]) - {"id", "type", "license", "created", "modified", "meeting", "web"}
    assert keys == {"number", "order", "name", "public", "resolutionText"}
    assert (closed[0]["name"], closed[0]["resolutionText"]) == ("Salg af grund: Møllevej 4",
                                                                "Godkendt.")
    assert not [v for v in files.values() if "Møllevej" in json.dumps(v, ensure_ascii=False)
                and v.get("type", "").endswith(("Paper", "Consultation", "File"))]


def test_a_case_is_a_paper_with_its_treatments_oldest_first(files: dict[str, Any]) -> None:
    [paper] = [v for k, v in files.items() if "/oparl/paper/" in k and v["reference"] ==
               "00.30.00-S00-12-24"]
    meetings = [files[c["meeting"]] for c in paper["consultation"]]
    assert [m["start"][:10] for m in meetings] == ["2024-03-04", "2024-03-20"]
    assert (paper["created"], paper["modified"]) == (meetings[0]["start"], meetings[1]["start"])
    assert paper["name"] == "Budget 2025, anden behandling"
    for consultation in paper["consultation"]:
        assert files[consultation["agendaItem"]]["consultation"] == consultation["id"]


def test_times_are_copenhagen_time_and_a_cancelled_meeting_says_so(files: dict[str, Any]) -> None:
    meetings = {v["web"]: v for k, v in files.items() if "/oparl/meeting/" in k}
    held = meetings[SITE_URL + "oekonomiudvalget/2024-03-04/"]
    assert (held["start"], held["end"]) == ("2024-03-04T16:00:00+01:00", "2024-03-04T18:30:00+01:00")
    assert held["participant"] and len(held["participant"]) == 2  # present and the substitute
    cancelled = meetings[SITE_URL + "byraadet/2024-06-19/"]
    assert cancelled["cancelled"] is True and cancelled["meetingState"] == "cancelled"


def test_lists_are_paged_with_links_next(tmp_path: Path) -> None:
    """250 punkter in 25 meetings: the agenda items' list has three pages, walked by next."""
    many = write_archive(tmp_path, 25, 10)
    files = {SITE_URL + t.path: json.loads(t.content())
             for t in build_site(many, "Referater", site_url=SITE_URL).texts
             if t.path.startswith(urls.OPARL + "/")}
    first = SITE_URL + urls.oparl_list("agendaItem", 1)
    pages = [files[first]]
    while "next" in pages[-1]["links"]:
        pages.append(files[pages[-1]["links"]["next"]])
    assert [len(p["data"]) for p in pages] == [oparl.PAGE_SIZE, oparl.PAGE_SIZE, 50]
    assert [p["pagination"]["currentPage"] for p in pages] == [1, 2, 3]
    assert {p["pagination"]["totalElements"] for p in pages} == {250}
    assert "prev" not in pages[0]["links"] and pages[2]["links"]["prev"] == pages[1]["links"]["self"]
    assert len({o["id"] for p in pages for o in p["data"]}) == 250


def test_every_text_has_a_token_that_names_its_bytes(tmp_path: Path) -> None:
    """The objects keep their digests from their pieces, and a list page's token is made of its
    objects' (writer.py trusts it in place of hashing): a token names one text, and an edited
    punkt changes the tokens of its own object and of the list pages it is in, no others."""
    many = write_archive(tmp_path, 3, 4)
    before = {t.path: t for t in build_site(many, "Referater", site_url=SITE_URL).texts}
    known = [t for t in before.values() if t.digest]
    assert len(known) > 15
    # A list page's token is made of its objects' and a Meeting's of its halves' and its
    # Location's, the bulk data's of its lines and the CSV's of its key; every other text's is
    # the digest of its bytes.
    composed = [t for t in known if "/list/" in t.path or t.path.startswith("oparl/meeting/")
                or t.path in (urls.BULK_DATA, urls.DECISIONS_CSV)]
    assert composed and all(t.digest == digest(t.content()) for t in known if t not in composed)
    meeting = many / "raadet" / "2025-01-02.yml"
    meeting.write_text(meeting.read_text(encoding="utf-8").replace(
        "title: Punkt 3, decision: Godkendt.", "title: Punkt 3, decision: Afvist."), encoding="utf-8")
    after = {t.path: t for t in build_site(many, "Referater", site_url=SITE_URL).texts}
    changed = {p for p in before if before[p].content() != after[p].content()}
    retokened = {p for p in before if (before[p].digest or digest(before[p].content())) !=
                 (after[p].digest or digest(after[p].content()))}
    assert changed == retokened and any("/list/" in p for p in changed)


def test_with_a_cache_the_objects_texts_are_kept_there_not_held(tmp_path: Path) -> None:
    """With a cache, the objects' texts live in the cache's texts and a list page is put
    together only when asked: what they give is what a build without a cache holds, in the first
    build and in the one that reads every piece back; a lost text is a clear error."""
    many = write_archive(tmp_path / "m", 3, 4)
    plain = {t.path: t.content() for t in build_site(many, "Referater", site_url=SITE_URL).texts}
    cache = Cache(tmp_path / "cache")
    for _ in range(2):
        kept = build_site(many, "Referater", site_url=SITE_URL, cache=cache).texts
        lazy = [t for t in kept if t.make is not None]
        assert len(lazy) > 15 and all(t.text == "" for t in lazy)
        assert any("/list/" in t.path for t in lazy) and any("/list/" not in t.path for t in lazy)
        assert any(t.path.endswith("meeting.json") for t in lazy)  # open data's too
        assert {t.path: t.content() for t in kept} == plain
    one = next(t for t in lazy if "/list/" not in t.path)
    Path(cache.location(TEXTS, one.digest)).unlink()
    with pytest.raises(FileNotFoundError, match="delete the cache folder and build again"):
        one.content()


def write_archive(root: Path, meetings: int, items: int) -> Path:
    """A meetings folder of one body with `meetings` meetings of `items` punkter each."""
    folder = root / "raadet"
    folder.mkdir(parents=True)
    (folder / "body.yml").write_text("name: Rådet\n", encoding="utf-8")
    for n in range(meetings):
        punkter = "".join(f"  - {{number: {i + 1}, title: Punkt {i + 1}, decision: Godkendt.}}\n"
                          for i in range(items))
        (folder / f"2025-01-{n + 1:02d}.yml").write_text(f"date: 2025-01-{n + 1:02d}\nitems:\n"
                                                          f"{punkter}", encoding="utf-8")
    return folder.parent


def test_the_docs_say_it_is_oparl_shaped_not_conformant() -> None:
    page = (ROOT / "docs" / "data.md").read_text(encoding="utf-8")
    assert "OParl-formet, ikke OParl-konform" in page
    assert "modified_since" in page
