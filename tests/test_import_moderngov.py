"""ModernGov's item pages (mgAi.aspx, mgDecisionDetails.aspx), as their text reads once extracted."""

from __future__ import annotations

from pathlib import Path

from referat.importer.assemble import import_source
from referat.importer.headers import candidate, find_headers
from referat.importer.lines import Line


def lines_of(text: str) -> list[Line]:
    return [Line(t, n) for n, t in enumerate(text.splitlines(), 1)]


def imported(tmp_path: Path, text: str) -> dict:
    source = tmp_path / "item.txt"
    source.write_text(text, encoding="utf-8")
    return import_source(source).meeting


# An mgAi page's agenda text that lists earlier minutes by number and bracketed title
# (tests/corpus/real/arun-mgai-2021): references, not the page's items.
ARUN = ("Agenda item\n\nMinutes\n\nTo ratify the following decisions made at the Annual Meeting:\n\n"
        "·         Minute 6 [Appointment of Chair of the Council]\n\n"
        "·         Minute 8 [Appointment of Vice-Chair of the Council and Chair-Elect]\n\n"
        "·         Minute 10 [Appointment of the Leader and Deputy Leader of the Council]\n\n"
        "Minutes:\n\n            The Chair requested Council to approve the Minutes.\n")


def test_a_bracketed_minute_reference_is_no_item_header() -> None:
    assert find_headers(lines_of(ARUN)) == []


def test_an_item_page_listing_other_minutes_is_one_item(tmp_path: Path) -> None:
    items = imported(tmp_path, ARUN)["items"]
    assert [(i["title"], i.get("decision")) for i in items] == [
        ("Minutes", "The Chair requested Council to approve the Minutes.")]


def test_a_markdown_link_is_still_a_header_candidate() -> None:
    assert candidate(lines_of("Minute 6 [Appointment of Chair of the Council]"), 0) is None
    assert candidate(lines_of("6. [Budget](https://example.org/6)"), 0) is not None


# An mgDecisionDetails page whose title the stored text lacks (tests/corpus/real/northherts-decision).
NORTH_HERTS = ("Issue - decisions\n\n\n\n"
               "(1)     The Chairman welcomed those present; particularly speakers at Public "
               "Participation.\n\n\n"
               "(2)     In accordance with Council policy the meeting was being audio recorded.\n")


def test_a_decisions_page_without_its_title_is_one_untitled_item(tmp_path: Path) -> None:
    source = tmp_path / "item.txt"
    source.write_text(NORTH_HERTS, encoding="utf-8")
    result = import_source(source)
    [item] = result.meeting["items"]
    decision = " ".join(item["decision"].split())
    assert decision.startswith("(1) The Chairman welcomed those present")
    assert decision.endswith("the meeting was being audio recorded.")
    assert any("whose title the source does not give" in note for note in result.unsure)


# An mgAi page whose minute numbers its paragraphs 33.1, 33.2 (tests/corpus/real/brighton-mgai-2019).
BRIGHTON = (Path(__file__).parent / "corpus/real/brighton-mgai-2019/source.txt").read_text(encoding="utf-8")


def test_paragraphs_numbered_as_one_minute_are_that_minute(tmp_path: Path) -> None:
    [item] = imported(tmp_path, BRIGHTON)["items"]
    assert item["number"] == 33
    assert "33.5 The Mayor noted the information" in item["decision"]


def test_numbered_paragraphs_of_two_minutes_are_not_one(tmp_path: Path) -> None:
    text = BRIGHTON.replace("33.5", "34.1")
    assert imported(tmp_path, text).get("items") in (None, [])


def test_a_document_kind_above_the_meeting_is_no_items_title(tmp_path: Path) -> None:
    # Ishøj's item page (tests/corpus/real/ishoj-tbu-2024): 'Referat', then the meeting and its date
    text = ("Referat\nTeknik- og Bygningsudvalget tirsdag den 13. august 2024 kl. 16.30\n\n"
            "Sagsfremstilling\n\nDen 30. maj 2024 indgik regeringen en aftale.\n")
    meeting = imported(tmp_path, text)
    assert meeting["date"].isoformat() == "2024-08-13"
    assert [i["title"] for i in meeting["items"]] != ["Referat"]


def test_a_title_under_a_systems_label_may_be_minutes(tmp_path: Path) -> None:
    items = imported(tmp_path, "Agenda item\n\nMinutes\n\nMinutes:\n\nThe minutes were approved.\n")["items"]
    assert [i["title"] for i in items] == ["Minutes"]


def test_a_heading_broken_at_the_margin_is_one_heading(tmp_path: Path) -> None:
    # a ModernGov decision record as tests/corpus/real/npt-mgai-42684 holds it
    text = ("Decisions:\n1. That the report be noted.\nReason for Decisions:\nTo facilitate the governance.\n"
            "Implementation of\nDecisions:\nWith the agreement of the Scrutiny Chairperson.\n")
    [item] = imported(tmp_path, text)["items"]
    assert item["decision"] == "1. That the report be noted."
    implementation = item["sections"]["Implementation of Decisions"]
    assert implementation == "With the agreement of the Scrutiny Chairperson."
