"""Publishing-system profiles (data) and the header scorer's features."""

from __future__ import annotations

from pathlib import Path

from referat.importer.assemble import import_source
from referat.importer.headers import candidate, find_headers
from referat.importer.headerscore import WEIGHTS, shape_features, weighted
from referat.importer.lines import Line
from referat.importer.profiles import active, detect
from referat.importer.vocabulary import is_decision_heading


def test_a_moderngov_page_is_known_by_its_marker_and_adds_its_decision_headings() -> None:
    profile = detect([Line("Agenda item", 1), Line("Budget", 2)])
    assert profile.name == "ModernGov"
    assert not is_decision_heading("Minutes:")
    with active(profile):
        assert is_decision_heading("Minutes:")
    assert detect([Line("Referat", 1)]).name == ""


def test_a_moderngov_item_page_is_one_item_titled_after_its_label(tmp_path: Path) -> None:
    source = tmp_path / "item.txt"
    source.write_text("Agenda item\n\nMinutes\n\nTo approve the minutes.\n\nMinutes:\n\n"
                      "The minutes were approved.\n\nSupporting documents:\n", encoding="utf-8")
    imported = import_source(source)
    [item] = imported.meeting["items"]
    assert (item["title"], item["decision"]) == ("Minutes", "The minutes were approved.")
    assert any(d.reason == "sidens faste tekst (ModernGov)" for d in imported.dropped)


def test_features_are_scored_by_the_weights() -> None:
    features = shape_features("ELECTION OF CHAIR", Line("21.44 ELECTION OF CHAIR", 1), False, False)
    assert features["capitals"] == 1 and features["lower_case_title"] == 0
    assert weighted(features) == WEIGHTS["capitals"]
    assert weighted(features, {**WEIGHTS, "capitals": 0}) == 0


def test_a_date_or_a_case_number_is_not_an_item_header() -> None:
    assert candidate([Line("21 Feb 2018 - 18:00 to 21:00", 1)], 0) is None
    assert candidate([Line("Sag 306-2009-600", 1)], 0) is None


def test_a_lone_weak_candidate_is_no_chain() -> None:
    lines = [Line("Tekst", 1), Line("1. at indstillingen godkendes", 2)]
    assert find_headers(lines) == []


def test_a_closed_marker_in_the_items_text_closes_it_and_says_so(tmp_path: Path) -> None:
    source = tmp_path / "referat.txt"
    source.write_text("Mødedato: 20. marts 2024\n\n1. Godkendelse af dagsorden\n\nBeslutning\nGodkendt\n\n"
                      "2. Salg af grund\n\nSagen behandles for lukkede døre.\n\nLukket punkt.\n\n"
                      "Beslutning\nGodkendt\n", encoding="utf-8")
    imported = import_source(source)
    assert [i.get("closed", False) for i in imported.meeting["items"]] == [False, True]
    assert any(u.startswith("item 2: closed, as a line of its text says") for u in imported.unsure)


def test_moderngov_minutes_are_the_decision_only_without_a_resolution(tmp_path: Path) -> None:
    source = tmp_path / "item.txt"
    source.write_text("Agenda item\n\nBudget\n\nMinutes:\n\nMembers discussed the budget.\n\n"
                      "Decisions:\n\n1. That the budget be approved.\n", encoding="utf-8")
    [item] = import_source(source).meeting["items"]
    assert item["decision"] == "1. That the budget be approved."
    assert item["sections"] == {"Minutes": "Members discussed the budget."}
