"""The calendars, read back with icalendar and with ics (a second client library with a parser of
its own) from sites built before and after a correction: UIDs stay, SEQUENCE rises for the
changed meetings, a cancelled meeting is CANCELLED, and times are Copenhagen's with a VTIMEZONE."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from urllib.parse import unquote, urlsplit
from zoneinfo import ZoneInfo

import icalendar
import ics
import pytest

from git_site import CLOSED_TITLE, SITE_URL, Builds

CALENDARS = ("kalender/alle-moeder.ics", "byraadet/kalender.ics")
ZONE = ZoneInfo("Europe/Copenhagen")


@pytest.fixture
def outputs(git_outputs: Builds) -> Builds:
    """The calendars as the engine makes them; the build publishes them as they are."""
    return git_outputs


@pytest.fixture
def builds(git_builds: Builds) -> Builds:
    """The sites built with MkDocs, for the pages the calendars link to."""
    return git_builds


def events(site: Path, name: str) -> dict[str, icalendar.Event]:
    calendar = icalendar.Calendar.from_ical((site / name).read_text(encoding="utf-8"))
    return {str(e["uid"]): e for e in calendar.walk("VEVENT")}


def test_the_site_has_a_calendar_per_body_and_one_of_all(outputs: Builds) -> None:
    assert sorted(p.relative_to(outputs.after).as_posix()
                  for p in outputs.after.rglob("*.ics")) == sorted(CALENDARS)


@pytest.mark.parametrize("name", CALENDARS)
@pytest.mark.parametrize("when", ["before", "after"])
def test_every_calendar_parses_with_both_libraries(outputs: Builds, name: str, when: str) -> None:
    text = (getattr(outputs, when) / name).read_text(encoding="utf-8")
    calendar = icalendar.Calendar.from_ical(text)
    assert calendar["version"] == "2.0" and calendar["prodid"]
    parsed = ics.Calendar(text)
    assert len(parsed.events) == len(calendar.walk("VEVENT")) == 3
    assert {e.uid for e in parsed.events} == {str(e["uid"]) for e in calendar.walk("VEVENT")}
    for event in calendar.walk("VEVENT"):
        assert event["dtstamp"] and event["summary"] and "sequence" in event


def test_uids_stay_and_sequence_rises_for_the_changed_meetings(outputs: Builds) -> None:
    for name in CALENDARS:
        before, after = events(outputs.before, name), events(outputs.after, name)
        assert set(before) == set(after) == {f"byraadet/{day}@referat.example.dk" for day in
                                             ("2025-11-26", "2026-06-17", "2026-08-19")}
        sequences = {uid: (int(before[uid]["sequence"]), int(after[uid]["sequence"]))
                     for uid in after}
        assert sequences == {"byraadet/2025-11-26@referat.example.dk": (0, 1),
                             "byraadet/2026-06-17@referat.example.dk": (0, 1),
                             "byraadet/2026-08-19@referat.example.dk": (0, 0)}


def test_a_cancelled_meeting_is_cancelled_in_both_libraries(outputs: Builds) -> None:
    text = (outputs.after / CALENDARS[1]).read_text(encoding="utf-8")
    cancelled = events(outputs.after, CALENDARS[1])["byraadet/2026-08-19@referat.example.dk"]
    assert cancelled["status"] == "CANCELLED"
    assert {e.uid: e.status for e in ics.Calendar(text).events} == {
        "byraadet/2025-11-26@referat.example.dk": "CONFIRMED",
        "byraadet/2026-06-17@referat.example.dk": "CONFIRMED",
        "byraadet/2026-08-19@referat.example.dk": "CANCELLED"}
    # No start time: an all-day event.
    assert cancelled["dtstart"].dt == dt.date(2026, 8, 19)


def test_times_are_copenhagens_in_winter_and_summer(outputs: Builds) -> None:
    text = (outputs.after / CALENDARS[1]).read_text(encoding="utf-8")
    calendar = icalendar.Calendar.from_ical(text)
    zones = calendar.walk("VTIMEZONE")
    assert [str(z["tzid"]) for z in zones] == ["Europe/Copenhagen"]
    found = events(outputs.after, CALENDARS[1])
    held, planned = (found[f"byraadet/{day}@referat.example.dk"] for day in ("2025-11-26", "2026-06-17"))
    assert held["dtstart"].params["TZID"] == "Europe/Copenhagen"
    expected = {"2025-11-26": dt.datetime(2025, 11, 26, 16, 0, tzinfo=dt.UTC),  # CET, +01:00
                "2026-06-17": dt.datetime(2026, 6, 17, 14, 0, tzinfo=dt.UTC)}  # CEST, +02:00
    assert held["dtstart"].dt.astimezone(dt.UTC) == expected["2025-11-26"]
    assert held["dtend"].dt.astimezone(dt.UTC) == dt.datetime(2025, 11, 26, 18, 30, tzinfo=dt.UTC)
    assert planned["dtstart"].dt.astimezone(dt.UTC) == expected["2026-06-17"]
    # ics reads the offsets from the VTIMEZONE itself, not from a time zone database.
    begins = {e.uid.split("@")[0]: e.begin.to("UTC").datetime for e in ics.Calendar(text).events}
    assert begins["byraadet/2025-11-26"] == expected["2025-11-26"]
    assert begins["byraadet/2026-06-17"] == expected["2026-06-17"]


def test_an_event_has_its_place_and_links_its_agenda(outputs: Builds) -> None:
    found = events(outputs.after, CALENDARS[0])
    planned = found["byraadet/2026-06-17@referat.example.dk"]
    assert str(planned["location"]) == "Rådhuset, lokale 7"
    url = str(planned["url"])
    assert url == SITE_URL + "byraadet/2026-06-17/"
    assert "Punkt 1: Budget for Skolevej, opfølgning" in str(planned["description"])
    assert url in str(planned["description"])


def test_every_events_link_reaches_its_meetings_page(builds: Builds) -> None:
    for site in (builds.before, builds.after):
        for name in CALENDARS:
            for event in events(site, name).values():
                url = str(event["url"])
                assert url.startswith(SITE_URL), url
                assert (site / unquote(urlsplit(url).path).lstrip("/") / "index.html").is_file(), url


def test_the_closed_punkt_is_on_the_agenda_by_its_title_only(outputs: Builds) -> None:
    held = events(outputs.after, CALENDARS[0])["byraadet/2025-11-26@referat.example.dk"]
    description = str(held["description"])
    assert f"Punkt 2: {CLOSED_TITLE}" in description
    assert "cykelsti" not in description.lower()  # the sections are not in a calendar at all
