"""Closed items (lukket punkt): their title and decision are published, nothing else of them is.

A site is built with MkDocs and Pagefind from a meeting whose closed item carries a marker word
outside its title and decision (in YAML comments), and every file of the built site is scanned,
the search index's compressed files included. A closed item with sections or attachments stops
`referat check` and the build.
"""

from __future__ import annotations

import csv
import gzip
import io
import json
import os
import shutil
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from git_site import commit, git
from referat.cli import main
from sites import mkdocs_build

MARKER = "Zorbluxkvist"  # written in the closed item's file, outside its title and decision
CLOSED_TITLE = "Personalesag om Fjordhestgaarden"
CLOSED_DECISION = "Indstillingen om Kvartsmoellen blev tiltrådt."
# The closed item shares its case and a topic with an open one: they are published for the open
# item and never for the closed one. Its own topic is published nowhere.
JOURNAL = "81.02.00-G01-4-23"
CLOSED_TOPIC = "Tjenstlige Forhold Oerebrovej"
# Words of the meeting and its open items: the scan must find these, so it can find the marker.
OPEN_WORDS = ("Lindetraesalen", "Skovbrynsstien", "Pilefletningen", "Vandrerhjemmet")
MEETING = f"""\
# yaml-language-server: $schema=../../schema/meeting.schema.json
# {MARKER}: a comment at the top of the file
date: 2025-11-26
start: "17:00"
location: Lindetraesalen
items:
  - number: 1
    title: Cykelsti ved Skovbrynsstien
    journal: {JOURNAL}
    topics: [Trafik]
    sections:
      Sagsfremstilling: |
        Forvaltningen foreslår Pilefletningen langs stien.
    decision: Godkendt, og Vandrerhjemmet orienteres.
  # {MARKER} i en kommentar over det lukkede punkt
  - number: 2
    title: {CLOSED_TITLE}  # {MARKER} efter titlen
    closed: true  # {MARKER}: sagsfremstillingen er fortrolig
    journal: {JOURNAL}
    topics: [{CLOSED_TOPIC}, Trafik]
    # {MARKER}
{{content}}    decision: {CLOSED_DECISION}  # {MARKER} efter beslutningen
  - number: 3
    title: Eventuelt
    decision: Intet.
"""
CONTENT = {
    "comments": "",
    "sections": f"    sections:\n      Sagsfremstilling: |\n        {MARKER} søger om orlov.\n",
    "attachments": f"    attachments:\n      - {{title: {MARKER}s ansøgning}}\n",
}


def write(root: Path, content: str) -> Path:
    """A meetings folder whose one meeting has a closed item carrying `content`."""
    folder = root / "raadet"
    folder.mkdir(parents=True)
    (folder / "body.yml").write_text("name: Integrationsrådet\n", encoding="utf-8")
    (folder / "2025-11-26.yml").write_text(MEETING.format(content=CONTENT[content]),
                                           encoding="utf-8")
    return root


def readable(path: Path) -> bytes:
    """A file's bytes, decompressed when gzip-compressed (Pagefind's files, sitemap.xml.gz)."""
    data = path.read_bytes()
    return gzip.decompress(data) if data[:2] == b"\x1f\x8b" else data


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> dict[str, bytes]:
    """Every file of the built site, by its path, decompressed."""
    root = tmp_path_factory.mktemp("closed")
    built = root / "site"
    meetings = write(root / "meetings", "comments")
    # In a repository of its own, so the corrections log and the feeds' dates are made too.
    git(root, "init", "-q", str(meetings))
    commit(meetings, "Møde 26. november", "2025-11-27T09:00:00+01:00")
    git_folder = Path(shutil.which("git") or "git").parent  # the build runs with a bare PATH
    result = mkdocs_build(built, meetings,
                          {"PATH": f"{Path(sys.executable).parent}{os.pathsep}{git_folder}"})
    assert result.returncode == 0, result.stderr
    return {p.relative_to(built).as_posix(): readable(p) for p in built.rglob("*") if p.is_file()}


def in_bundle(name: str, bundle: str, part: str) -> bool:
    """A file of a search bundle's part; bundles are split by period (pagefind/2025/fragment/...)."""
    return name.startswith(f"{bundle}/") and f"/{part}/" in name


def containing(files: dict[str, bytes], word: str) -> set[str]:
    needle = word.lower().encode()
    return {name for name, data in files.items() if needle in data.lower()}


def test_the_search_index_is_read_decompressed(site: dict[str, bytes]) -> None:
    kinds = {".pf_fragment", ".pf_index", ".pf_meta", ".pf_filter"}
    for bundle in ("pagefind", "pagefind-beslutninger"):
        found = {Path(name).suffix for name in site if name.startswith(f"{bundle}/")}
        assert kinds <= found, f"{bundle}: {sorted(found)}"
    compressed = [name for name in site if Path(name).suffix in kinds]
    assert compressed and all(site[name].startswith(b"pagefind_dcd") for name in compressed)
    assert "sitemap.xml" in site and "sitemap.xml.gz" in site


def test_the_marker_is_in_the_source_and_nowhere_in_the_site(site: dict[str, bytes],
                                                             tmp_path: Path) -> None:
    source = write(tmp_path, "comments") / "raadet" / "2025-11-26.yml"
    comments = [line for line in source.read_text(encoding="utf-8").splitlines()
                if MARKER in line.partition("#")[2]]
    assert len(comments) == 6
    assert containing(site, MARKER) == set()
    # Pagefind keeps stems: a stem of the marker is not in the index either.
    assert containing(site, MARKER[:7]) == set()


@pytest.mark.parametrize("word", OPEN_WORDS)
def test_the_open_items_words_are_on_their_pages_and_in_the_search_index(
        site: dict[str, bytes], word: str) -> None:
    found = containing(site, word)
    assert any(name.endswith(".html") for name in found), word
    assert any(in_bundle(name, "pagefind", "fragment") for name in found), word
    assert any(in_bundle(name, "pagefind", "index") for name in found) or \
        any(in_bundle(name, "pagefind", "index") for name in containing(site, word[:8])), word


def test_the_closed_items_title_and_decision_are_published(site: dict[str, bytes]) -> None:
    punkt = "raadet/2025-11-26/punkt-2/index.html"
    for words in (CLOSED_TITLE, CLOSED_DECISION):
        found = containing(site, words)
        assert {punkt, "raadet/2025-11-26/index.html"} <= found, (words, found)
        assert any(in_bundle(name, "pagefind", "fragment") for name in found), words
    decisions = containing(site, "Kvartsmoellen")
    assert any(in_bundle(name, "pagefind-beslutninger", "fragment") for name in decisions)
    assert b"raadet/2025-11-26/punkt-2/" in site["sitemap.xml"]


def test_the_closed_punkt_page_shows_title_and_decision_only(site: dict[str, bytes]) -> None:
    page = site["raadet/2025-11-26/punkt-2/index.html"].decode()
    article = page[page.index("<article"):page.index("</article>")]
    assert "Punktet er lukket. Kun titel og beslutning offentliggøres." in article
    assert "Bilag" not in article and "Sagsfremstilling" not in article


def run_check(folder: Path) -> tuple[int, str]:
    result = CliRunner().invoke(main, ["check", str(folder)])
    return result.exit_code, result.stdout + result.stderr


@pytest.mark.parametrize("content", ["sections", "attachments"])
def test_a_closed_item_with_content_stops_the_check(tmp_path: Path, content: str) -> None:
    root = write(tmp_path, content)
    code, out = run_check(root)
    lines = (root / "raadet/2025-11-26.yml").read_text(encoding="utf-8").splitlines()
    at = max(n for n, line in enumerate(lines, 1) if line.strip() == f"{content}:")
    assert code == 1
    assert f"2025-11-26.yml:{at}: punkt 2 (items[2]).{content}: a closed item publishes only its title " \
        f"and decision, and the repository may be public; remove the {content}" in out


@pytest.mark.parametrize("content", ["sections", "attachments"])
def test_a_closed_item_with_content_stops_the_build_and_publishes_nothing(
        tmp_path: Path, content: str) -> None:
    site = tmp_path / "site"
    result = mkdocs_build(site, write(tmp_path / "meetings", content))
    assert result.returncode != 0
    assert f"punkt 2 (items[2]).{content}: a closed item publishes only its title and decision" in \
        result.stderr
    assert "nothing was built" in result.stderr
    assert not site.exists() or not any(site.rglob("*"))
    assert MARKER not in result.stdout + result.stderr


def article(site: dict[str, bytes], page: str) -> str:
    html = site[page].decode()
    return html[html.index("<article"):html.index("</article>")]


def test_the_closed_items_journal_and_topics_are_published_nowhere(site: dict[str, bytes]) -> None:
    """Not on its own page, the case's page, a topic's page, in search or its filters."""
    assert containing(site, CLOSED_TOPIC) == set()
    assert containing(site, CLOSED_TOPIC.split()[-1]) == set()
    closed = article(site, "raadet/2025-11-26/punkt-2/index.html")
    assert JOURNAL not in closed and "sag/" not in closed and "emne/" not in closed
    assert "Trafik" not in closed and 'data-pagefind-filter="emne' not in site[
        "raadet/2025-11-26/punkt-2/index.html"].decode()


def test_the_case_and_topic_pages_list_only_the_open_item(site: dict[str, bytes]) -> None:
    # Without the closed item the case is treated once, so it has no page of its own: the year's
    # list of cases leads to its one punkt.
    assert [name for name in site if name.startswith("sag/") and name.endswith(".html")] == [
        "sag/index.html"]
    case = next(name for name in site if name.startswith("sager/"))
    for page in (case, "emne/trafik/index.html"):
        text = article(site, page)
        assert "Skovbrynsstien" in text and CLOSED_TITLE not in text and "punkt-2" not in text, page
    assert "punkt-2" not in article(site, "raadet/2025-11-26/punkt-1/index.html").split(
        "Forrige punkt")[0].split("Næste punkt")[0]
    assert sorted(name for name in site if name.startswith("emne/")) == [
        "emne/index.html", "emne/trafik/atom.xml", "emne/trafik/index.html"]


def test_a_closed_items_journal_and_topics_are_a_warning_saying_so(tmp_path: Path) -> None:
    root = write(tmp_path, "comments")
    code, out = run_check(root)
    lines = (root / "raadet/2025-11-26.yml").read_text(encoding="utf-8").splitlines()
    for key in ("journal", "topics"):
        at = max(n for n, line in enumerate(lines, 1) if line.strip().startswith(f"{key}:"))
        assert f"2025-11-26.yml:{at}: punkt 2 (items[2]).{key}: warning: a closed item's {key} is not " \
            "published anywhere" in out
    assert code == 0
    assert run_strict(root) == 1


def run_strict(folder: Path) -> int:
    return CliRunner().invoke(main, ["check", "--strict", str(folder)]).exit_code


def test_the_data_files_and_the_api_carry_the_closed_items_title_and_decision_only(
        site: dict[str, bytes]) -> None:
    """The scan above covers the open data and the OParl-shaped API too: they are in the site,
    they name the closed punkt's title and decision, and nothing else of it."""
    meeting, bulk = "raadet/2025-11-26/meeting.json", "data/referater.ndjson"
    agenda_item, csv_file = "oparl/agendaitem/raadet/2025-11-26/punkt-2.json", "data/beslutninger.csv"
    for name in (meeting, bulk, agenda_item, csv_file, "oparl/meeting/raadet/2025-11-26.json"):
        assert CLOSED_TITLE.encode() in site[name] and b"Kvartsmoellen" in site[name], name
    data = [name for name in site if name.endswith((".json", ".ndjson", ".csv"))]
    assert len(data) > 20 and not containing({n: site[n] for n in data}, MARKER)
    assert not containing({n: site[n] for n in data}, CLOSED_TOPIC.split()[-1])
    [closed] = [i for i in json.loads(site[meeting])["items"] if i["closed"]]
    assert (closed["journal"], closed["topics"], closed["sections"], closed["attachments"]) == (
        None, [], [], [])
    item = json.loads(site[agenda_item])
    assert item["public"] is False and not {"consultation", "keyword", "auxiliaryFile"} & set(item)
    row = next(r for r in csv.DictReader(io.StringIO(site[csv_file].decode("utf-8-sig")))
               if r["closed"] == "true")
    assert (row["title"], row["journal"], row["topics"]) == (CLOSED_TITLE, "", "")
    papers = [n for n in data if n.startswith(("oparl/paper/", "oparl/consultation/"))]
    assert papers and not containing({n: site[n] for n in papers}, CLOSED_TITLE)


def test_the_feeds_calendars_and_corrections_log_are_scanned(site: dict[str, bytes]) -> None:
    """The scan above covers them: they are in the site, and the closed punkt is in them by its
    title and decision only."""
    feeds = {name for name in site if name.endswith(".xml") and not name.startswith("sitemap")}
    calendars = {name for name in site if name.endswith(".ics")}
    assert {"atom/beslutninger.xml", "atom/rettelser.xml", "raadet/atom.xml",
            "emne/trafik/atom.xml"} <= feeds
    assert {"kalender/alle-moeder.ics", "raadet/kalender.ics"} == calendars
    assert {"atom/beslutninger.xml", "raadet/atom.xml"} <= containing(site, CLOSED_DECISION)
    assert {"atom/beslutninger.xml", "raadet/atom.xml", "kalender/alle-moeder.ics",
            "raadet/kalender.ics"} <= containing(site, CLOSED_TITLE)
    case_feed = next(name for name in feeds if name.startswith("sag/"))
    for name in (case_feed, "emne/trafik/atom.xml"):
        assert CLOSED_TITLE.encode() not in site[name] and b"Skovbrynsstien" in site[name], name
    assert "Først offentliggjort".encode() in site["raadet/2025-11-26/punkt-2/index.html"]
