"""Each meeting's share of the feeds, calendars, open data and OParl files is a piece in the cache
(hooks/referat/pieces.py): a rebuild makes no piece again, an edit makes the edited meeting's
pieces only, and the files are always those of a build without the cache."""

from __future__ import annotations

import os
import shutil
from collections import Counter
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest

from conftest import FIXTURES, ROOT
from referat import ahead, calendars, engine, feeds, oparl, oparl_objects, opendata, pieces
from referat.cache import Cache
from referat.catalog import build_catalog
from referat.engine import build_site
from referat.generators import Run
from referat.loader import load

SITE_URL = "https://data.example.dk/referater/"
EDITED = "integrationsraadet/2022-09-28"  # its first decision is corrected
# The piece makers, and how a call names its meeting (papers by case, persons by name).
MAKERS: dict[tuple[Any, str], Callable[..., str]] = {
    (opendata, "meeting_piece"): lambda run, meeting: f"{meeting.body.slug}/{meeting.slug}",
    (calendars, "event"): lambda run, meeting: f"{meeting.body.slug}/{meeting.slug}",
    (feeds, "meeting_entries"): lambda run, meeting: f"{meeting.body.slug}/{meeting.slug}",
    (oparl, "meeting_texts"): lambda api, meeting, _: f"{meeting.body.slug}/{meeting.slug}",
    (oparl_objects, "paper"): lambda api, case: f"paper {case.slug}",
    (oparl_objects, "person"): lambda api, name, seen: f"person {name}",
}


@pytest.fixture
def meetings(tmp_path: Path) -> Path:
    """The example bodies and tests/fixtures/site: five bodies, a case treated twice."""
    folder = tmp_path / "meetings"
    shutil.copytree(FIXTURES / "site", folder)
    for body in ("integrationsraadet", "eksempeludvalget"):
        shutil.copytree(ROOT / "meetings" / body, folder / body)
    return folder


@pytest.fixture
def made(monkeypatch: pytest.MonkeyPatch) -> Iterator[Counter[str]]:
    """Every call of a piece maker, by the meeting (or case, or person) it was made for."""
    calls: Counter[str] = Counter()
    # Counted in this process: no child makes the cold build's pieces (ahead.py).
    monkeypatch.setattr(ahead, "start", lambda run, generate: None)
    for (module, name), of in MAKERS.items():
        real = getattr(module, name)

        def counted(*args: Any, real: Any = real, of: Any = of, name: str = name) -> Any:
            calls[f"{name}: {of(*args)}"] += 1
            return real(*args)
        monkeypatch.setattr(module, name, counted)
    yield calls


def data_files(meetings: Path, cache: Cache | None) -> dict[str, str]:
    return {t.path: t.content() for t in build_site(meetings, "R", cache=cache, site_url=SITE_URL).texts}


def correct(meetings: Path) -> None:
    path = meetings / f"{EDITED}.yml"
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace("decision: Dagsordnen blev godkendt.\n",
                                 "decision: Dagsordnen blev godkendt med rettelser.\n", 1),
                    encoding="utf-8")


def test_a_rebuild_makes_no_piece_and_an_edit_only_the_edited_meeting_s(
        meetings: Path, tmp_path: Path, made: Counter[str]) -> None:
    cache = Cache(tmp_path / "cache")
    first = data_files(meetings, cache)
    assert made["meeting_piece: " + EDITED] == 1 and len(made) > 20, made  # the cold build made all
    made.clear()
    assert data_files(meetings, cache) == first
    assert not made, made
    correct(meetings)
    edited = data_files(meetings, cache)
    # The edited meeting's pieces, and those of the Papers and Persons made from it; no other.
    catalog = build_catalog(load(meetings)[0])
    meeting = next(m for m in catalog.meetings if f"{m.body.slug}/{m.slug}" == EDITED)
    expected = {f"{name}: {EDITED}" for name in ("meeting_piece", "event", "meeting_entries",
                                                 "meeting_texts")}
    expected |= {f"paper: paper {case.slug}" for case in catalog.cases.values()
                 if any(t.meeting.slug == meeting.slug for t in case.treatments)}
    expected |= {f"person: person {p.name}" for p in meeting.participants}
    assert len(expected) > 6 and made == dict.fromkeys(expected, 1), made
    made.clear()
    assert edited == data_files(meetings, None)  # what a build without the cache writes
    assert {p for p in edited if edited[p] != first[p]} >= {
        "integrationsraadet/2022-09-28/meeting.json", "data/beslutninger.csv"}


def test_a_file_saved_while_the_build_reads_it_is_not_taken_for_what_was_loaded(
        meetings: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A meeting file changed after the loader read it (a save during `mkdocs serve`): its pieces
    are the loaded meeting's, and the next build, which loads the new file, shows the change."""
    old = pieces.STARTED
    for path in meetings.rglob("*.yml"):  # files from before the process: counted by their bytes
        os.utime(path, ns=(old - 10**10 + 1, old - 10**10 + 1))
    cache = Cache(tmp_path / "cache")
    data_files(meetings, cache)
    real = engine.build_catalog

    def saved_while_building(archive: Any) -> Any:
        correct(meetings)
        return real(archive)
    monkeypatch.setattr(engine, "build_catalog", saved_while_building)
    during = data_files(meetings, cache)
    assert "rettelser" not in during["integrationsraadet/2022-09-28/meeting.json"]
    monkeypatch.setattr(engine, "build_catalog", real)
    after = data_files(meetings, cache)
    assert "rettelser" in after["integrationsraadet/2022-09-28/meeting.json"]
    assert after == data_files(meetings, None)


def test_a_file_from_before_the_process_is_counted_by_its_bytes(meetings: Path) -> None:
    """Only a file last changed before the process began is surely the file the loader read."""
    archive, _ = load(meetings)
    run = Run(build_catalog(archive), meetings, "R")
    meeting = next(m for m in archive.meetings if f"{m.body.slug}/{m.slug}" == EDITED)
    path = meetings / f"{EDITED}.yml"
    os.utime(path)  # saved now, after this process began: perhaps after the loader read it
    assert pieces.source_bytes(run, meeting) is None
    os.utime(path, ns=(pieces.STARTED - 10**10 + 1,) * 2)
    assert pieces.source_bytes(run, meeting) == path.read_bytes()


def test_a_whole_second_is_a_time_a_coarse_filesystem_may_have_rounded_down() -> None:
    """A file changed just after the process began may show an earlier time: by the kernel's
    lagging clock, or rounded down to a whole second by a filesystem that keeps no more."""
    second = 1_000_000_000
    fine = pieces.STARTED - pieces.LAG_NS - 1
    assert fine % second and pieces.trusted(fine) and not pieces.trusted(fine + 2)
    whole = (pieces.STARTED // second - 1) * second  # 1 to 2 seconds early: not trusted
    assert not pieces.trusted(whole) and pieces.trusted(whole - second)


def test_a_feed_put_together_from_its_entries_is_what_feedgenerator_writes_of_it_whole(
        meetings: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Each entry's XML is made once and put into every feed that shows it, after the feed's
    head: the feed is byte for byte what feedgenerator writes of the whole feed."""
    real, compared = feeds.atom_xml, []

    def both(run: Any, feed: Any, fallback: Any) -> str:
        text = real(run, feed, fallback)
        compared.append((feed.path, len(feed.entries), text == feeds.atom_text(run, feed, fallback)))
        return text
    monkeypatch.setattr(feeds, "atom_xml", both)
    data_files(meetings, None)
    assert all(same for _, _, same in compared), [c for c in compared if not c[2]]
    assert any(n > 1 for _, n, _ in compared) and any(n == 0 for _, n, _ in compared), compared
