"""The body's name from the lines before the first item (issue 15): a month or a weekday alone, the
label of a link ('Download "..."', 'Print') or one of the page's controls ('Fold alle punkter',
'Udvid alle', 'Expand all') is never a body's name, whether it comes from a title or stands on a
line of its own under it."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from referat.importer.assemble import Imported, import_source
from referat.importer.facts import body_from_title, names_no_body

ITEM_DA = "\nPunkt 1: Godkendelse af dagsorden\n\nBeslutning\nGodkendt\n"
ITEM_EN = "\n1. Apologies for absence\n\nRESOLVED: that the apologies be noted.\n"


def imported(tmp_path: Path, text: str) -> Imported:
    source = tmp_path / "referat.txt"
    source.write_text(text, encoding="utf-8")
    return import_source(source)


@pytest.mark.parametrize("title", ["June 25th Minutes", "May 2021 Minutes EOM", "Minutes March 2024",
                                   "Referat maj 2024", "Tuesday Minutes"])
def test_a_month_or_weekday_in_the_title_is_no_body(tmp_path: Path, title: str) -> None:
    result = imported(tmp_path, f"{title}\nDate: 25 June 2024\n" + ITEM_EN)
    assert result.body is None
    assert result.titles == [title]
    assert result.meeting["date"] == dt.date(2024, 6, 25)


def test_the_body_in_a_title_after_its_month_is_found() -> None:
    assert body_from_title("June 2024 Minutes of the Keelby Parish Council") == "Keelby Parish Council"


def test_a_download_link_gives_no_body_but_the_title_it_names_does(tmp_path: Path) -> None:
    line = 'Download "Referat af mødet i Regionsrådet 14. november 2007"'
    result = imported(tmp_path, line + "\n" + ITEM_DA)
    assert result.body == "Regionsrådet"
    assert result.meeting["date"] == dt.date(2007, 11, 14)
    assert body_from_title('Download "Referat"') is None


def test_a_full_stop_after_the_word_referat_hides_no_body() -> None:
    assert body_from_title("Referat. af mødet i Regionsrådet 14. november 2007 kl. 14:00") == "Regionsrådet"


@pytest.mark.parametrize("control", ["Fold alle punkter", "Fold alle ud", "Udvid alle", "Skjul alle punkter",
                                     "Print", "Udskriv", "Expand all", "Collapse all sections"])
def test_a_control_of_the_page_under_the_title_is_no_body(tmp_path: Path, control: str) -> None:
    result = imported(tmp_path, f"Referat\n{control}\nMødedato: 17. april 2023\n" + ITEM_DA)
    assert result.body is None
    assert control not in result.titles


@pytest.mark.parametrize(("text", "never"), [
    ("June", True), ("May 2021", True), ("Mandag", True), ("Fold alle punkter", True),
    ("Vis alle", True), ('Download "Dagsorden"', True), ("Print", True),
    ("Kultur- og Fritidsudvalget", False), ("Marts-udvalget", False), ("Harwick Town Council", False),
    ("Byrådet", False), ("Printing Committee", False), ("Folding Parish Council", False),
])
def test_what_names_no_body(text: str, never: bool) -> None:
    assert names_no_body(text) is never


@pytest.mark.parametrize(("title", "body"), [
    ("Minutes of the Special Meeting of the Full Harwick Town Council", "Harwick Town Council"),
    ("Minutes of the Keelby Parish Council Extraordinary Meeting", "Keelby Parish Council"),
    ("Minutes of a Meeting of Harwick Town Council which was held on 20 March 2024", "Harwick Town Council"),
    ("Minutes of the General Purposes Committee", "General Purposes Committee"),
    ("Referat af mødet i Socialudvalget, der blev holdt i Byrådssalen", "Socialudvalget"),
    ("May 2021 Minutes EOM", None),
    ("Minutes of the AGM", None),
])
def test_the_kind_of_meeting_is_not_part_of_the_bodys_name(title: str, body: str | None) -> None:
    assert body_from_title(title) == body


def test_a_logo_above_the_title_is_no_body(tmp_path: Path) -> None:
    result = imported(tmp_path, "Frederikssund Kommunes logo\nReferat\nFold alle punkter\n"
                                "Mødedato: 17. april 2023\n" + ITEM_DA)
    assert result.body is None
    assert result.titles == ["Referat"]

