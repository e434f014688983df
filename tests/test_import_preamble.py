"""Sentences before the first item (issue 15): a line that says something about the minutes or the
meeting ('Referatet blev godkendt', 'The minutes of the meeting held on ... were approved') is no
title, body name, date or participant of the meeting; it goes under `unplaced` for a person to
review, unless a label makes it a header field the importer reads ('Referatet blev taget af ...')."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
import yaml

from referat.importer.assemble import Imported, import_source
from referat.importer.command import draft
from referat.importer.facts import is_statement

ITEM_DA = "\nPunkt 1: Godkendelse af dagsorden\n\nBeslutning\nGodkendt\n"
ITEM_EN = "\n1. Apologies for absence\n\nRESOLVED: that the apologies be noted.\n"


def imported(tmp_path: Path, text: str) -> Imported:
    source = tmp_path / "referat.txt"
    source.write_text(text, encoding="utf-8")
    return import_source(source)


def unplaced(result: Imported) -> list[str]:
    return [str(u["text"]) for u in result.meeting.get("unplaced", [])]


def test_a_danish_approval_sentence_is_unplaced_and_not_the_body(tmp_path: Path) -> None:
    result = imported(tmp_path, "Referat\nReferatet blev godkendt af udvalget\n"
                                "Mødedato: 20. marts 2024\n" + ITEM_DA)
    assert result.body != "Referatet blev godkendt af udvalget"
    assert unplaced(result) == ["Referatet blev godkendt af udvalget"]
    assert result.titles == ["Referat"]
    assert result.meeting["date"] == dt.date(2024, 3, 20)


def test_a_sentence_about_earlier_minutes_gives_neither_title_nor_date(tmp_path: Path) -> None:
    line = "Referat fra mødet den 3. marts 2024 blev godkendt."
    result = imported(tmp_path, f"{line}\nØkonomiudvalget\nMødedato: 20. marts 2024\n" + ITEM_DA)
    assert result.meeting["date"] == dt.date(2024, 3, 20)
    assert result.body == "Økonomiudvalget"
    assert unplaced(result) == [line]
    assert line not in result.titles
    text = draft(result)
    assert f"# Titel i kilden: {line}" not in text
    assert yaml.safe_load(text)["unplaced"] == [{"line": 1, "text": line}]


@pytest.mark.parametrize("after", ["Date: 20 March 2024", "20 March 2024"])
def test_an_english_approval_sentence_is_unplaced_before_the_meetings_date(
        tmp_path: Path, after: str) -> None:
    line = "The minutes of the meeting held on 5 February were approved."
    result = imported(tmp_path, f"Minutes of the Planning Committee\n{line}\n{after}\n" + ITEM_EN)
    assert result.meeting["date"] == dt.date(2024, 3, 20)
    assert unplaced(result) == [line]
    assert result.titles == ["Minutes of the Planning Committee"]
    assert result.body is None or "minutes" not in result.body.lower() and result.body != "The"


def test_the_date_of_a_sentence_about_the_minutes_is_not_the_meetings(tmp_path: Path) -> None:
    line = "The minutes of the meeting held on 5 February 2024 were approved"
    result = imported(tmp_path, f"Harwick Town Council\n{line}\n" + ITEM_EN)
    assert "date" not in result.meeting
    assert any("no meeting date found" in doubt for doubt in result.unsure)
    assert unplaced(result) == [line]
    assert result.body == "Harwick Town Council"


def test_a_sentence_about_the_meeting_dates_it_for_want_of_a_better_date(tmp_path: Path) -> None:
    line = "Mødet blev holdt den 20. marts 2024 i Byrådssalen"
    result = imported(tmp_path, f"Byrådet\n{line}\n" + ITEM_DA)
    assert result.meeting["date"] == dt.date(2024, 3, 20)
    assert result.meeting["location"] == "Byrådssalen"
    assert unplaced(result) == [line]
    assert any("read from a sentence before the items (line 2" in doubt for doubt in result.unsure)


def test_a_label_outweighs_a_sentences_date(tmp_path: Path) -> None:
    line = "Mødet var indkaldt til den 13. marts 2024"
    result = imported(tmp_path, f"Byrådet\n{line}\nMødedato: 20. marts 2024\n" + ITEM_DA)
    assert result.meeting["date"] == dt.date(2024, 3, 20)
    assert unplaced(result) == [line]
    assert not any("read from a sentence" in doubt for doubt in result.unsure)


def test_a_sentence_ends_a_list_of_members(tmp_path: Path) -> None:
    result = imported(tmp_path, "Byrådet\nMødedato: 20. marts 2024\nTil stede:\nJens Hansen (A)\n"
                                "Mødet blev ledet af Jens Hansen\n" + ITEM_DA)
    assert [p["name"] for p in result.meeting["participants"]] == ["Jens Hansen"]
    assert unplaced(result) == ["Mødet blev ledet af Jens Hansen"]


def test_a_people_label_before_a_sentence_names_no_one(tmp_path: Path) -> None:
    result = imported(tmp_path, "Byrådet\nMødedato: 20. marts 2024\nDeltagere var alle medlemmer\n" + ITEM_DA)
    assert "participants" not in result.meeting
    assert unplaced(result) == ["Deltagere var alle medlemmer"]


def test_header_fields_and_titles_with_a_relative_clause_are_still_read(tmp_path: Path) -> None:
    title = "Minutes of a Meeting of Harwick Town Council which was held on 20 March 2024 at 7pm"
    result = imported(tmp_path, f"{title}\nMinutes taken by: Jane Smith\n" + ITEM_EN)
    assert result.titles == [title] and "unplaced" not in result.meeting
    assert result.meeting["date"] == dt.date(2024, 3, 20)
    danish = imported(tmp_path, "Byrådet\nMødedato: 20. marts 2024\nReferatet blev taget af Jens Hansen\n"
                                + ITEM_DA)
    assert danish.meeting["minute_taker"] == "Jens Hansen" and "unplaced" not in danish.meeting


@pytest.mark.parametrize(("text", "sentence"), [
    ("Referatet blev godkendt", True),
    ("Referat fra mødet den 3. marts 2024 blev godkendt", True),
    ("THE MINUTES OF THE LAST MEETING WERE APPROVED", True),
    ("The minutes that were circulated were approved", True),
    ("Status: Mødet er slut. Referatet kommer i morgen", True),
    ("Referat fra mødet i Økonomiudvalget den 20. marts 2024", False),
    ("Minutes of the meeting of the Council which was held on 5 May 2021", False),
    ("Cllr Will Jones (Chair)", False),
    ("Dagsorden", False),
])
def test_what_reads_as_a_sentence(text: str, sentence: bool) -> None:
    assert is_statement(text) is sentence


# Verbless sentences: a noun and the participle of what the meeting did with it, the way minutes
# note that the minutes or the agenda were approved ('Referat godkendt.', 'Minutes approved').
@pytest.mark.parametrize(("text", "sentence"), [
    ("Referat godkendt.", True),
    ("Dagsorden godkendt", True),
    ("DAGSORDEN GODKENDT", True),
    ("Referatet fra sidste møde underskrevet", True),
    ("Referat fra mødet den 3. marts 2024 godkendt.", True),
    ("Dagsordenen godkendes", True),
    ("Minutes approved.", True),
    ("Minutes of the last meeting agreed and signed", True),
    ("Godkendt.", True),
    ("Godkendt referat", False),
    ("Referat (godkendt)", False),
    ("Approved minutes of the Planning Committee", False),
    ("Minutes of the Planning Committee, as approved", False),
    ("Sager der behandles for lukkede døre", False),
    ("Mødet afholdt den 5. marts 2024", False),
])
def test_what_reads_as_a_verbless_sentence(text: str, sentence: bool) -> None:
    assert is_statement(text) is sentence


def test_a_verbless_approval_is_unplaced_and_no_title(tmp_path: Path) -> None:
    result = imported(tmp_path, "Referat godkendt.\nØkonomiudvalget\nMødedato: 20. marts 2024\n" + ITEM_DA)
    assert unplaced(result) == ["Referat godkendt."]
    assert result.titles == ["Økonomiudvalget"] and result.body == "Økonomiudvalget"
    assert result.meeting["date"] == dt.date(2024, 3, 20)


def test_a_verbless_approval_is_no_body_after_the_title(tmp_path: Path) -> None:
    result = imported(tmp_path, "Referat\nDagsorden godkendt\nMødedato: 20. marts 2024\n" + ITEM_DA)
    assert result.body is None
    assert unplaced(result) == ["Dagsorden godkendt"]
    assert result.titles == ["Referat"]


def test_a_verbless_approval_ends_a_list_of_members(tmp_path: Path) -> None:
    result = imported(tmp_path, "Byrådet\nMødedato: 20. marts 2024\nTil stede:\nJens Hansen (A)\n"
                                "Dagsorden godkendt\n" + ITEM_DA)
    assert [p["name"] for p in result.meeting["participants"]] == ["Jens Hansen"]
    assert unplaced(result) == ["Dagsorden godkendt"]


def test_the_date_of_a_verbless_approval_is_not_the_meetings(tmp_path: Path) -> None:
    line = "Referat fra mødet den 3. marts 2024 godkendt."
    result = imported(tmp_path, f"Byrådet\n{line}\nMødedato: 20. marts 2024\n" + ITEM_DA)
    assert result.meeting["date"] == dt.date(2024, 3, 20)
    assert unplaced(result) == [line] and result.titles == ["Byrådet"]
    english = imported(tmp_path, "Harwick Town Council\nMinutes approved.\n20 March 2024\n" + ITEM_EN)
    assert unplaced(english) == ["Minutes approved."] and english.titles == ["Harwick Town Council"]
    assert english.meeting["date"] == dt.date(2024, 3, 20)


# A date on a line of its own is never the end of the sentence above it, however long that is
# (join_broken joins a line to one that fills the page's width, as a PDF wraps a list of members).
LONG_DA = "Referatet fra sidste møde blev godkendt uden bemærkninger af alle udvalgets medlemmer"
LONG_EN = "The minutes of the last meeting were approved as a true record and signed by the Chair"


@pytest.mark.parametrize(("title", "sentence", "date_line", "date"), [
    ("Referat af mødet i Byrådet", LONG_DA, "20. marts 2024", dt.date(2024, 3, 20)),
    ("Referat af mødet i Byrådet", LONG_DA, "Onsdag den 20. marts 2024 kl. 17.00", dt.date(2024, 3, 20)),
    ("Referat af mødet i Byrådet", LONG_DA, "den 20. marts 2024", dt.date(2024, 3, 20)),
    ("Minutes of Harwick Town Council", LONG_EN, "Tuesday 5th March 2024 at 7pm", dt.date(2024, 3, 5)),
])
def test_a_date_line_is_not_joined_to_the_sentence_above(
        tmp_path: Path, title: str, sentence: str, date_line: str, date: dt.date) -> None:
    item = ITEM_EN if title.startswith("Minutes") else ITEM_DA
    result = imported(tmp_path, f"{title}\n{sentence}\n{date_line}\n" + item)
    assert result.meeting["date"] == date
    assert unplaced(result) == [sentence]


def test_a_wrapped_line_after_a_full_one_is_still_joined(tmp_path: Path) -> None:
    members = "Jens Hansen (A), Mette Olsen (V), Karen Holm (C), Peter Lund (F), Ole Dam (A),"
    result = imported(tmp_path, f"Byrådet\nMødedato: 20. marts 2024\nTil stede: {members}\n"
                                "Anne Berg (Ø)\n" + ITEM_DA)
    assert [p["name"] for p in result.meeting["participants"]][-1] == "Anne Berg"
