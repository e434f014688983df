"""The open data, read back as its users read it: every meeting's JSON validates against the
published JSON Schema, the bulk NDJSON loads in one line with pandas, the decisions CSV opens with
Python's csv module and with pandas to the same rows, and every file carries the licence."""

from __future__ import annotations

import csv
import json
from pathlib import Path
from typing import Any

import jsonschema
import pytest

from conftest import ROOT
from data_site import SITE_URL, addresses, data_site, local, read_json
from git_site import BEFORE, write
from referat import dataschema, opendata, urls
from referat.cache import Cache
from referat.engine import build_site
from referat.settings import DEFAULT_LICENCE, Licence, read_settings

BULK = urls.BULK_DATA
CSV_FILE = urls.DECISIONS_CSV


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return data_site(tmp_path_factory)


@pytest.fixture(scope="module")
def meetings(site: Path) -> list[dict[str, Any]]:
    """The bulk file's meetings, read line by line with the json module."""
    lines = (site / BULK).read_text(encoding="utf-8").splitlines()
    return [json.loads(line) for line in lines]


def validator(site: Path, name: str) -> jsonschema.protocols.Validator:
    """The published schema of a format, checked as a schema, with formats checked too."""
    schema = read_json(site / urls.data_schema(name))
    cls = jsonschema.validators.validator_for(schema)
    cls.check_schema(schema)
    assert schema["$id"] == SITE_URL + urls.data_schema(name)
    return cls(schema, format_checker=cls.FORMAT_CHECKER)


def problems(check: jsonschema.protocols.Validator, value: Any) -> list[str]:
    return [f"{list(e.absolute_path)}: {e.message}" for e in check.iter_errors(value)]


def test_every_meeting_has_its_json_beside_its_page_and_it_validates(
        site: Path, meetings: list[dict[str, Any]]) -> None:
    pages = sorted(p.parent for p in site.glob("*/????-??-??*/index.html"))
    assert len(pages) == len(meetings) == 7
    check = validator(site, "meeting-data")
    for meeting in meetings:
        page = local(site, meeting["url"])
        assert page is not None and page.is_file(), meeting["url"]
        beside = read_json(page.parent / urls.MEETING_DATA)
        assert problems(check, beside) == []
        assert beside == meeting  # the bulk file's line is the same record
        assert beside["schema"] == SITE_URL + urls.data_schema("meeting-data")


def test_a_schema_rejects_what_it_should(site: Path, meetings: list[dict[str, Any]]) -> None:
    check = validator(site, "meeting-data")
    meeting = json.loads(json.dumps(meetings[0]))
    meeting["items"][0]["closed"] = "nej"
    meeting["status"] = "afholdt"
    del meeting["licence"]
    meeting["extra"] = 1
    found = problems(check, meeting)
    assert len(found) == 4, found


def test_the_bulk_file_loads_in_one_line_with_pandas(site: Path,
                                                     meetings: list[dict[str, Any]]) -> None:
    import pandas  # here, not at the top: 0.5 s of every worker's start

    frame = pandas.read_json(site / BULK, lines=True)
    assert len(frame) == len(meetings)
    assert list(frame["url"]) == [m["url"] for m in meetings]
    assert list(frame.columns) == list(dataschema.MEETING.keys)
    items = pandas.json_normalize(meetings, record_path="items", meta=["date"])
    assert len(items) == sum(len(m["items"]) for m in meetings)
    assert [m["date"] for m in meetings] == sorted(m["date"] for m in meetings)


def csv_rows(site: Path) -> list[dict[str, str]]:
    with (site / CSV_FILE).open(encoding="utf-8-sig", newline="") as handle:
        return list(csv.DictReader(handle))


def test_the_csv_opens_with_csv_and_pandas_to_the_same_rows(site: Path) -> None:
    data = (site / CSV_FILE).read_bytes()
    assert data.startswith(b"\xef\xbb\xbfdate,body,number,"), "a BOM, so Excel reads UTF-8"
    rows = csv_rows(site)
    import pandas  # here, not at the top: 0.5 s of every worker's start

    frame = pandas.read_csv(site / CSV_FILE, dtype=str, keep_default_na=False)
    assert list(frame.columns) == list(dataschema.CSV_COLUMNS)
    assert frame.to_dict("records") == rows
    multiline = [r for r in rows if "\n" in r["decision"]]
    assert any(r["decision"].startswith("Et flertal (A+V) godkender budgettet.\n") for r in multiline)


def test_the_csv_has_a_valid_row_for_every_punkt(site: Path,
                                                 meetings: list[dict[str, Any]]) -> None:
    check = validator(site, "decision-row")
    rows = csv_rows(site)
    items = [(m, i) for m in meetings for i in m["items"]]
    assert len(rows) == len(items) > 10
    for row, (meeting, item) in zip(rows, items, strict=True):
        assert problems(check, row) == [], row
        assert (row["date"], row["body"], row["number"], row["title"], row["url"]) == (
            meeting["date"], meeting["body"]["name"], item["number"], item["title"], item["url"])
        assert row["decision"] == opendata.cell(item["decision"] or "")
        assert row["topics"].split("; ") == (item["topics"] or [""])
        assert row["licence"] == DEFAULT_LICENCE.url


def test_a_closed_punkt_is_its_title_and_decision_only(site: Path,
                                                       meetings: list[dict[str, Any]]) -> None:
    closed = [i for m in meetings for i in m["items"] if i["closed"]]
    assert [i["title"] for i in closed] == ["Salg af grund: Møllevej 4"]
    assert closed[0] | {"url": ""} == {
        "number": "12.a", "title": "Salg af grund: Møllevej 4", "url": "", "closed": True,
        "journal": None, "topics": [], "sections": [], "decision": "Godkendt.", "attachments": [],
        "outcome": None, "votes": None, "absent_from_item": [], "remarks": []}
    row = next(r for r in csv_rows(site) if r["closed"] == "true")
    assert (row["title"], row["journal"], row["topics"], row["decision"]) == (
        "Salg af grund: Møllevej 4", "", "", "Godkendt.")


def test_attachments_link_to_their_file_or_address(site: Path,
                                                   meetings: list[dict[str, Any]]) -> None:
    item = next(i for m in meetings for i in m["items"] if i["number"] == "40")
    assert item["attachments"] == [
        {"title": "Budgetforslag", "url": SITE_URL + "byraadet/bilag/budget.pdf"},
        {"title": "Høringssvar", "url": "https://example.org/hoering"},
        {"title": "Notat uden fil", "url": None}]


def test_every_address_of_the_site_in_the_data_exists(site: Path,
                                                      meetings: list[dict[str, Any]]) -> None:
    found = {a for m in meetings for a in addresses(m)}
    assert len(found) > 20
    missing = [a for a in found if not (path := local(site, a)) or not path.is_file()]
    assert missing == []


def test_every_data_file_carries_the_licence(site: Path) -> None:
    """Every meeting.json and every line of the bulk file (the CSV: every row, tested above)."""
    expected = {"name": DEFAULT_LICENCE.name, "url": DEFAULT_LICENCE.url}
    beside = [read_json(path) for path in site.glob("*/*/meeting.json")]
    lines = [json.loads(line) for line in (site / BULK).read_text(encoding="utf-8").splitlines()]
    assert len(beside) == len(lines) == 7
    assert all(record["licence"] == expected for record in beside + lines)


def test_the_licence_set_in_mkdocs_yml_goes_into_every_file() -> None:
    licence = Licence("CC0 1.0", "https://creativecommons.org/publicdomain/zero/1.0/")
    built = build_site(ROOT / "meetings", "Referater", site_url=SITE_URL, licence=licence)
    data = [t for t in built.texts if not t.path.startswith("data/schema/")]
    assert len(data) > 10
    assert [t.path for t in data if licence.url not in t.content()] == []
    assert [t.path for t in data if DEFAULT_LICENCE.url in t.content()] == []


def test_a_formula_in_a_cell_is_text_in_the_csv_and_as_written_in_json(tmp_path: Path) -> None:
    """A spreadsheet would run `=HYPERLINK(...)`; the CSV gives it a leading apostrophe."""
    folder = tmp_path / "raadet"
    folder.mkdir()
    (folder / "body.yml").write_text("name: Rådet\n", encoding="utf-8")
    (folder / "2025-01-02.yml").write_text(
        "date: 2025-01-02\nitems:\n  - number: 1\n    title: '=HYPERLINK(\"https://x.dk\")'\n"
        "    decision: '- At forslaget godkendes'\n    topics: ['@Trafik']\n", encoding="utf-8")
    texts = {t.path: t.content() for t in build_site(tmp_path, "Referater", site_url=SITE_URL).texts}
    [row] = csv.DictReader(texts[CSV_FILE].removeprefix("\ufeff").splitlines())
    assert (row["title"], row["decision"], row["topics"]) == (
        "'=HYPERLINK(\"https://x.dk\")", "'- At forslaget godkendes", "'@Trafik")
    [item] = json.loads(texts["raadet/2025-01-02/meeting.json"])["items"]
    assert (item["title"], item["decision"]) == ('=HYPERLINK("https://x.dk")',
                                                 "- At forslaget godkendes")


def test_a_cpr_number_stops_every_data_file(tmp_path: Path) -> None:
    """The personal-data rules hold for the data as for the pages: nothing is published."""
    folder = tmp_path / "raadet"
    folder.mkdir()
    (folder / "body.yml").write_text("name: Rådet\n", encoding="utf-8")
    (folder / "2025-01-02.yml").write_text(
        "date: 2025-01-02\nitems:\n  - {number: 1, title: Eventuelt, decision: 'Sag om "
        "070761-4285.'}\n", encoding="utf-8")
    built = build_site(tmp_path, "Referater", site_url=SITE_URL)
    assert built.texts == [] and any("CPR" in str(p) and p.is_error for p in built.problems)


def test_unplaced_lines_are_in_no_data_file(tmp_path: Path) -> None:
    folder = tmp_path / "raadet"
    folder.mkdir()
    (folder / "body.yml").write_text("name: Rådet\n", encoding="utf-8")
    (folder / "2025-01-02.yml").write_text(
        "date: 2025-01-02\nitems:\n  - {number: 1, title: Eventuelt, decision: Intet.}\n"
        "unplaced:\n  - {line: 3, text: Kvistrupgaardslinjen}\n", encoding="utf-8")
    built = build_site(tmp_path, "Referater", site_url=SITE_URL)
    assert built.texts and not [t.path for t in built.texts if "Kvistrup" in t.content()]


@pytest.mark.parametrize(("value", "message"), [
    ("CC BY 4.0", "extra.referat.licence: expected a mapping with name and url, found "
     "'CC BY 4.0'"),
    ({"name": "CC BY 4.0", "ulr": "https://x.dk/"}, "extra.referat.licence: ulr: unknown key, "
     "its value would be lost; did you mean 'url'?"),
    ({"name": "CC BY 4.0", "url": "javascript:alert(1)"}, "extra.referat.licence: url: expected "
     "the licence's https:// address, found 'javascript:alert(1)'"),
    ({"url": "https://x.dk/"}, "extra.referat.licence: name: expected the licence's name as "
     "text, found nothing"),
])
def test_a_wrong_licence_setting_says_what_to_write(tmp_path: Path, value: object,
                                                    message: str) -> None:
    settings, found = read_settings({"licence": value}, tmp_path / "mkdocs.yml")
    assert any(message in str(p) for p in found), [str(p) for p in found]
    assert settings.licence == DEFAULT_LICENCE


def test_a_licence_setting_is_read() -> None:
    settings, found = read_settings({"licence": {"name": " CC0 1.0 ", "url": "https://c.org/z"}},
                                    ROOT / "mkdocs.yml")
    assert found == [] and settings.licence == Licence("CC0 1.0", "https://c.org/z")


@pytest.mark.parametrize("name", list(dataschema.SCHEMAS))
def test_the_committed_schema_files_are_current(name: str) -> None:
    committed = (ROOT / "schema" / dataschema.file_name(name)).read_text(encoding="utf-8")
    assert committed == dataschema.document(name, dataschema.file_name(name)), \
        f"schema/{dataschema.file_name(name)} is stale: make generated"


def test_the_data_page_documents_every_key() -> None:
    page = (ROOT / "docs" / "data.md").read_text(encoding="utf-8")
    records = [dataschema.MEETING, dataschema.ITEM, dataschema.DECISION_ROW, dataschema.BODY,
               dataschema.SECTION, dataschema.ATTACHMENT, dataschema.LICENCE]
    missing = sorted({k for r in records for k in r.keys if f"`{k}`" not in page})
    assert missing == []
    for address in (BULK, CSV_FILE, urls.MEETING_DATA, "oparl/system.json"):
        assert address in page, address


def test_meeting_files_and_the_csv_come_from_the_cache_until_their_records_change(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A rebuild writes again only the edited meeting's JSON and the CSV, and its data files are
    the same as a build without the cache."""
    meetings = tmp_path / "meetings"
    write(meetings, BEFORE)
    cache = Cache(tmp_path / "cache")

    def data_files() -> dict[str, str]:
        return {t.path: t.content() for t in build_site(meetings, "R", cache=cache).texts
                if t.path.endswith((".json", ".csv", ".ndjson")) and "oparl" not in t.path}

    first = data_files()
    made: list[str] = []
    real_dumps, real_csv = opendata.dumps, opendata.decisions_csv
    monkeypatch.setattr(opendata, "dumps", lambda record, indent=None: (
        indent and made.append(record["url"])) or real_dumps(record, indent))
    monkeypatch.setattr(opendata, "decisions_csv",
                        lambda *a: made.append("csv") or real_csv(*a))
    assert data_files() == first and made == []
    write(meetings, {**BEFORE, "decision": "Godkendt med en rettelse."})
    edited = data_files()
    assert len(made) == 2 and "2025-11-26" in made[0] and made[1] == "csv", made
    assert "Godkendt med en rettelse." in edited[urls.DECISIONS_CSV]
    assert {p for p in edited if edited[p] != first[p]} == {
        urls.meeting_data("byraadet/2025-11-26/index.md"), urls.BULK_DATA, urls.DECISIONS_CSV}
    assert edited == {t.path: t.content() for t in build_site(meetings, "R").texts if t.path in edited}
