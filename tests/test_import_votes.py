"""The importer's reading of votes, outcomes, absences and protocol remarks, one test per form."""

from referat.importer.votes import read

PEOPLE = [{"name": "Liv Gro Jensen", "party": "A"}, {"name": "Bo Holm", "party": "V"},
          {"name": "Eva Lund", "party": "C"}, {"name": "Ida Friis", "party": "F"},
          {"name": "Ole Berg", "party": "Ø"}, {"name": "Per Dahl", "party": "O"}]


def test_majority_and_minority_by_party():
    r = read("Et flertal (A+V+C) godkender indstillingen. Et mindretal (F, Ø) kunne ikke tiltræde.", PEOPLE)
    assert r.fields["votes"] == {"for": {"parties": ["A", "V", "C"]}, "against": {"parties": ["F", "Ø"]}}


def test_roll_call_with_counts():
    r = read("For stemte (2): A, F. Imod stemte: Ø. Undlod at stemme: O.", PEOPLE)
    assert r.fields["votes"] == {"for": {"parties": ["A", "F"], "count": 2},
                                 "against": {"parties": ["Ø"]}, "abstain": {"parties": ["O"]}}


def test_roll_call_by_name():
    r = read("For stemte: Bo Holm og Eva Lund. Imod stemte: Ole Berg.", PEOPLE)
    assert r.fields["votes"]["for"] == {"names": ["Bo Holm", "Eva Lund"]}


def test_tally_and_outcome():
    r = read("Godkendt. Forslaget blev godkendt med 17 stemmer for, 8 imod og 2 undlod.", PEOPLE)
    assert r.fields["outcome"] == "godkendt"
    assert r.fields["votes"] == {"for": {"count": 17}, "against": {"count": 8}, "abstain": {"count": 2}}


def test_english_counts_and_carried():
    r = read("Carried. For: 7, Against: 2, Abstain: 1", PEOPLE)
    assert r.fields["outcome"] == "godkendt"
    assert r.fields["votes"]["abstain"] == {"count": 1}


def test_unknown_party_is_not_guessed():
    r = read("Et flertal (A+K) godkender.", PEOPLE)
    assert "votes" not in r.fields and any("K" in c for c in r.checks)


def test_no_participants_no_votes():
    r = read("For stemte: A. Imod stemte: Ø.", [])
    assert "votes" not in r.fields and r.checks


def test_unknown_vote_phrase_is_flagged():
    r = read("Udvalget stemte om sagen, og den faldt.", PEOPLE)
    assert "votes" not in r.fields and r.checks


def test_absence_of_participant_and_stranger():
    r = read("Liv Gro Jensen var forhindret i at deltage i udvalgets behandling af sagen. "
             "Hans Ukendt deltog ikke i behandlingen.", PEOPLE)
    assert r.fields["absent_from_item"] == ["Liv Gro Jensen"]
    assert any("Hans Ukendt" in c for c in r.checks)


def test_protocol_remarks():
    r = read("Taget til efterretning.\nProtokolbemærkning fra Ø: Vi ønsker en ny høring.", PEOPLE)
    assert r.fields["outcome"] == "taget til efterretning"
    r = read("Protokolbemærkning (Ø): Vi ønsker en ny høring.", PEOPLE)
    assert r.fields["remarks"] == [{"by": "Ø", "text": "Vi ønsker en ny høring."}]


def test_unanimous_forces_nothing():
    r = read("Et enigt udvalg anbefaler indstillingen.", PEOPLE)
    assert "votes" not in r.fields
