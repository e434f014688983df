"""The corpus evaluation (bench/importeval.py): its scorer counts what it claims, and the corpus
follows its own rules (a source, an address and an expected reading in every folder)."""

from __future__ import annotations

import datetime as dt
import sys
from pathlib import Path

import yaml

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "bench"))

import decisionscore  # noqa: E402
from evalscore import Tally, checks_right, match_items, score, words_kept  # noqa: E402

CORPUS = Path(__file__).resolve().parent / "corpus"


def test_items_match_by_number_then_title_then_order() -> None:
    expected = [{"number": "2", "title": "A"}, {"number": None, "title": "Budget 2024"},
                {"number": None, "title": None}]
    found = [{"number": 7, "title": "Budget 2024."}, {"number": 2, "title": "Other"},
             {"number": 9, "title": "Z"}]
    assert match_items(expected, found) == [(0, 1), (1, 0), (2, 2)]


def test_a_perfect_reading_scores_every_check() -> None:
    expected = {"date": "2024-03-20", "participants": ["Cllr Ann Lee"],
                "items": [{"number": "1", "title": "Minutes", "journal": "24/1", "closed": True,
                           "decision": "Approved."}]}
    meeting = {"date": dt.date(2024, 3, 20), "participants": [{"name": "Ann Lee"}],
               "items": [{"number": 1, "title": "Minutes", "journal": "24/1", "closed": True,
                          "decision": "Approved"}]}
    tally = score(expected, meeting, "Minutes Approved", "")
    assert checks_right(tally) == (8, 8)
    assert tally.share("closed items found") == 1.0 and tally.share("words kept") == 1.0


def test_misses_and_spurious_items_count_against() -> None:
    expected = {"items": [{"number": "1", "title": "A", "closed": True, "decision": None},
                          {"number": "2", "title": "B", "decision": "Godkendt"}]}
    meeting = {"items": [{"number": 1, "title": "A", "decision": "Tekst"}, {"number": 5, "title": "X"}]}
    tally = score(expected, meeting, "A B Godkendt Tekst", "")
    # item 2 missed, item 5 spurious; item 1: number and title right, closed flag and decision wrong
    assert checks_right(tally) == (3, 7)
    assert tally.share("closed items found") == 0.0


def test_words_kept_counts_the_data_not_what_was_left_out() -> None:
    tally = Tally()
    words_kept("Budget cookies cookies", {"items": [{"title": "Budget"}]}, "cookies cookies", tally)
    assert tally.share("words kept") == 1 / 3 and tally.share("words kept (furniture aside)") == 1.0


def test_every_corpus_document_has_source_address_and_expected_reading() -> None:
    folders = [p for part in ("real", "heldout") for p in sorted((CORPUS / part).iterdir())]
    assert len(folders) >= 40
    for folder in folders:
        case = yaml.safe_load((folder / "case.yml").read_text(encoding="utf-8"))
        assert case["url"].startswith("http") and case["organisation"] and case["system"], folder
        assert (folder / "source.txt").read_text(encoding="utf-8").strip(), folder
        expected = yaml.safe_load((folder / "expected.yml").read_text(encoding="utf-8"))
        assert expected["items"], folder
    assert len({yaml.safe_load((f / "case.yml").read_text())["organisation"] for f in folders}) >= 20


def test_decision_data_scores_each_side_and_counts_an_item_not_found_wrong() -> None:
    expected = [{"number": "1", "title": "A", "decision": "x", "outcome": "godkendt",
                 "votes": {"for": {"parties": ["A"], "count": 3}, "against": {"parties": ["V"]}},
                 "absent_from_item": ["Bo Holm"], "remarks": []},
                {"number": "2", "title": "B", "decision": "y", "outcome": None, "votes": None}]
    found = [{"number": 1, "title": "A", "decision": "x", "outcome": "godkendt",
              "votes": {"for": {"parties": ["A"], "count": 3}, "against": {"parties": ["V", "C"]}},
              "absent_from_item": ["Bo Holm"]}]
    tally = Tally()
    decisionscore.score_meeting(expected, found, [], tally)
    # item 1: outcome, 'for', absences and remarks right, 'against' wrong; item 2 not found: wrong
    assert (tally.right["outcomes"], tally.checks["outcomes"]) == (1, 2)
    assert (tally.right["votes"], tally.checks["votes"]) == (1, 3)
    assert decisionscore.checks_right(tally) == (4, 7)


def test_a_vote_not_read_counts_as_silent_unless_check_by_hand_names_it() -> None:
    expected = [{"number": "1", "title": "A", "votes": {"for": {"parties": ["A"]}}}]
    found = [{"number": 1, "title": "A", "decision": "For stemte: A."}]
    silent, said = Tally(), Tally()
    decisionscore.score_meeting(expected, found, [], silent)
    decisionscore.score_meeting(expected, found, ["item 1: votes found but the meeting's participants "
                                                  "were not; votes left out"], said)
    assert silent.right["votes missed silently"] == 1 and said.right["votes missed silently"] == 0
    assert silent.share("votes as written") == 1.0  # read from the words, then left out


def test_an_item_read_without_its_header_is_paired_by_its_decision() -> None:
    expected = [{"number": 27, "title": "Lokalplan 279", "decision": "Indstillingen blev godkendt.",
                 "outcome": "godkendt"}]
    found = [{"number": 1, "title": "Borgerrepræsentationen", "outcome": "godkendt",
              "decision": "BESLUTNINGSPROTOKOL Nr. 27 Indstillingen blev godkendt."}]
    tally = Tally()
    decisionscore.score_meeting(expected, found, [], tally)
    assert tally.share("outcomes") == 1.0
