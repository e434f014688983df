"""The importer's reading of votes, outcomes, absences and protocol remarks, one test per form.

Most sentences are copied from published minutes (the corpus cases named in the comments, and
pages of the same store); the forms no stored page holds ("kunne (ikke) tiltræde", "tog
forbehold") are in the words of the example meeting and of the issue that asked for them."""

from referat.importer.votes import read

PEOPLE = [{"name": "Liv Gro Jensen", "party": "A"}, {"name": "Bo Holm", "party": "V"},
          {"name": "Eva Lund", "party": "C"}, {"name": "Ida Friis", "party": "F"},
          {"name": "Ole Berg", "party": "Ø"}, {"name": "Per Dahl", "party": "O"}]


def council(**seats: int) -> list[dict[str, str]]:
    """A council with so many members of each party: counts must fit the members taking part."""
    return [{"name": f"Medlem {party} {i}", "party": party}
            for party, n in seats.items() for i in range(1, n + 1)]


BR = council(A=20, B=6, C=6, F=6, O=5, V=6, Ø=6)  # 55 members, as Borgerrepræsentationen


def test_majority_and_minority_by_party():
    r = read("Et flertal (A+V+C) godkender indstillingen. Et mindretal (F, Ø) kunne ikke tiltræde.", PEOPLE)
    assert r.fields["votes"] == {"for": {"parties": ["A", "V", "C"]}, "against": {"parties": ["F", "Ø"]}}
    assert r.fields["outcome"] == "godkendt"  # what the majority did with the recommendation


def test_majority_consisting_of():
    r = read("Et flertal bestående af A, V og C anbefaler indstillingen.", PEOPLE)
    assert r.fields["votes"] == {"for": {"parties": ["A", "V", "C"]}}


def test_could_not_assent_in_its_shapes():
    r = read("F og Ø kunne ikke tiltræde indstillingen. A, V og C kunne tiltræde indstillingen.", PEOPLE)
    assert r.fields["votes"] == {"for": {"parties": ["A", "V", "C"]}, "against": {"parties": ["F", "Ø"]}}
    r = read("Et mindretal bestående af F og Ø kunne ikke tiltræde indstillingen.", PEOPLE)
    assert r.fields["votes"] == {"against": {"parties": ["F", "Ø"]}}
    r = read("Liv Gro Jensen (A) kan ikke anbefale indstillingen.", PEOPLE)
    assert r.fields["votes"] == {"against": {"names": ["Liv Gro Jensen"]}}


def test_the_whole_committee_assenting_is_no_vote():
    r = read("Udvalget kunne tiltræde indstillingen.", PEOPLE)
    assert "votes" not in r.fields and not r.checks


def test_prose_that_could_approve_is_no_vote():
    # tests/corpus/real/sermersooq-evt-111
    r = read("Forvaltningen orienterer om at formanden kan godkende sager af sådan en karakter at der "
             "ikke er noget tvivl om sagens hastende karakter.", PEOPLE)
    assert "votes" not in r.fields and not r.checks


def test_reservation_is_in_no_side_and_said():
    # the example meeting's item 2, written from the forms the issue lists
    r = read("Et flertal (A+V+C) godkender indstillingen.\n\nEt mindretal (F+Ø) kunne ikke tiltræde "
             "indstillingen. O tog forbehold.", PEOPLE)
    assert r.fields["votes"] == {"for": {"parties": ["A", "V", "C"]}, "against": {"parties": ["F", "Ø"]}}
    assert any(c.startswith("O tog forbehold") for c in r.checks)


def test_reservations_in_their_shapes_are_in_no_side_and_said():
    for text, who in (("A tager forbehold for stillingtagen i byrådet.", "A"),
                      ("Ø har taget forbehold.", "Ø"),
                      ("Anbefales. V forbeholdt sig ret til at vende tilbage til sagen i byrådet.", "V")):
        r = read(text, PEOPLE)
        assert "votes" not in r.fields and any(c.startswith(f"{who} tog forbehold") for c in r.checks), text
    assert not read("Udvalget godkendte indstillingen med forbehold for finansiering.", PEOPLE).checks


def test_roll_call_with_counts():
    r = read("For stemte (2): A, F. Imod stemte: Ø. Undlod at stemme: O.", PEOPLE)
    assert r.fields["votes"] == {"for": {"parties": ["A", "F"], "count": 2},
                                 "against": {"parties": ["Ø"]}, "abstain": {"parties": ["O"]}}


def test_roll_call_on_lines_with_count_after_the_list():
    r = read("For stemte: A, V og C (3).\nImod stemte: Ø (1).\nUndlod at stemme: O (1).", PEOPLE)
    assert r.fields["votes"] == {"for": {"parties": ["A", "V", "C"], "count": 3},
                                 "against": {"parties": ["Ø"], "count": 1},
                                 "abstain": {"parties": ["O"], "count": 1}}


def test_roll_call_by_name():
    r = read("For stemte: Bo Holm og Eva Lund. Imod stemte: Ole Berg.", PEOPLE)
    assert r.fields["votes"]["for"] == {"names": ["Bo Holm", "Eva Lund"]}


def test_roll_call_with_a_reason_after_the_name():
    # broland.dk quoting Vesthimmerland's Udvalget for Teknik og Miljø, 14 March 2022
    people = [{"name": "Per Husted Nielsen", "party": "A"}, {"name": "Niels Erik Poulsen", "party": "V"}]
    r = read("For beslutningen stemte: Per Husted Nielsen (A).\n\nImod stemte: Niels Erik Poulsen (V) idet "
             "han ikke ønsker at vejadgang kan ske via ekspropriation.", people)
    assert r.fields["votes"] == {"for": {"names": ["Per Husted Nielsen"]},
                                 "against": {"names": ["Niels Erik Poulsen"]}}


def test_roll_after_an_amendment_reads_the_last_vote_and_its_tally():
    # tests/corpus/real/kbh-br-2006-punkt27
    r = read("Ændringsforslaget blev forkastet med 31 stemmer imod 9. 7 undlod.\n\nFor stemte: O og V.\n\n"
             "Imod stemte: A, B og Ø.\n\nFølgende undlod at stemme: C og F.\n\nIndstillingen blev herefter "
             "godkendt med 33 stemmer imod 9. 5 undlod.\n\nFor stemte: A, B, C og Ø.\n\nImod stemte: O og V."
             "\n\nFølgende undlod at stemme: F.", BR)
    assert r.fields["outcome"] == "godkendt"
    assert r.fields["votes"] == {"for": {"parties": ["A", "B", "C", "Ø"], "count": 33},
                                 "against": {"parties": ["O", "V"], "count": 9},
                                 "abstain": {"parties": ["F"], "count": 5}}
    assert any("2 votes are recorded" in c for c in r.checks)


def test_rejected_tally_counts_the_winner_as_against():
    # kk.dk, Borgerrepræsentationen 31.05.2007 nr. 24
    r = read("Indstillingen blev forkastet med 39 stemmer imod 5.\nFor stemte: Ø.\n"
             "Imod stemte: A, B, C, F, O og V.", council(A=15, B=5, C=6, F=5, O=5, V=5, Ø=5))
    assert r.fields["outcome"] == "afvist"
    assert r.fields["votes"]["for"] == {"parties": ["Ø"], "count": 5}
    assert r.fields["votes"]["against"]["count"] == 39


def test_tally_and_outcome():
    r = read("Godkendt. Forslaget blev godkendt med 17 stemmer for, 8 imod og 2 undlod.", council(A=17, V=10))
    assert r.fields["outcome"] == "godkendt"
    assert r.fields["votes"] == {"for": {"count": 17}, "against": {"count": 8}, "abstain": {"count": 2}}


def test_counts_beyond_the_members_taking_part_are_left_out():
    r = read("Godkendt. Forslaget blev godkendt med 17 stemmer for, 8 imod og 2 undlod.", PEOPLE)
    assert "votes" not in r.fields and any("27 votes" in c for c in r.checks)


def test_neither_for_nor_against_and_parties_of_several_letters():
    # ft.dk, a vote in Folketinget: lower-case labels in one sentence, a count before each list
    people = [*council(S=30, V=10, M=16), {"name": "Jon Stephensen", "party": "UFG"},
              *council(DD=10, SF=10, LA=5, KF=5, RV=5, DF=5, ALT=4, EL=5),
              {"name": "Lars Boje Mathiesen", "party": "UFG"}]
    r = read("For stemte 57 (S, V, M og Jon Stephensen (UFG)), imod stemte 45 (DD, SF, LA, KF, RV, DF, "
             "ALT og Lars Boje Mathiesen (UFG)), hverken for eller imod stemte 5 (EL).", people)
    votes = r.fields["votes"]
    assert votes["for"] == {"parties": ["S", "V", "M"], "names": ["Jon Stephensen"], "count": 57}
    assert votes["abstain"] == {"parties": ["EL"], "count": 5}


def test_for_and_against_lists_of_names_with_parties():
    # tests/corpus/real/fredensborg-br-2016-nr178, shortened
    people = [{"name": "Bo Hilsted", "party": "A"}, {"name": "Christian de Jonquiéres", "party": "C"},
              {"name": "Kim E. Jensen", "party": "O"}, {"name": "Hanne Berg", "party": "F"}]
    r = read("Der blev stemt om forslaget:\n\nFor: 3 (Bo Hilsted (A), Christian de Jonquiéres (C), Kim E. "
             "Jensen (O))\n\nImod: 1 (Hanne Berg (F))", people)
    assert r.fields["votes"] == {"for": {"names": ["Bo Hilsted", "Christian de Jonquiéres", "Kim E. Jensen"],
                                         "count": 3},
                                 "against": {"names": ["Hanne Berg"], "count": 1}}


def test_party_names_are_not_guessed_into_letters():
    # tests/corpus/real/rebild-br-beslutning
    r = read("For flertalsindstillingen fra ØK stemte 11 (Radikale Venstre, Konservative)\nImod stemte 8 "
             "(Venstre, Enhedslisten)\nGodkendt.", council(B=6, C=5, V=4, Ø=4))
    assert "votes" not in r.fields and any("Radikale Venstre" in c for c in r.checks)
    assert r.fields["outcome"] == "godkendt"  # a line that is the outcome, after the roll call


def test_english_counts_and_carried():
    r = read("Carried. For: 7, Against: 2, Abstain: 1", council(A=10))
    assert r.fields["outcome"] == "godkendt"
    assert r.fields["votes"] == {"for": {"count": 7}, "against": {"count": 2}, "abstain": {"count": 1}}


def test_english_for_and_against_names():
    people = [{"name": "J Smith"}, {"name": "A Higgins"}, {"name": "L Hatch"}]
    r = read("Proposed by Cllr Smith, seconded by Cllr Higgins. For: Cllrs Smith and Higgins. "
             "Against: Cllr Hatch. Motion carried.", people)
    assert r.fields["votes"] == {"for": {"names": ["J Smith", "A Higgins"]},
                                 "against": {"names": ["L Hatch"]}}
    assert r.fields["outcome"] == "godkendt"


def test_english_tallies_and_resolved():
    # tests/corpus/real/keelby-pc-2024, item 7
    r = read("Proposed and seconded; a vote was taken to approve the item; 5 for, 1 abstention.  It was "
             "therefore RESOLVED that the revised Social Media policy be approved.", council(A=7))
    assert r.fields == {"outcome": "godkendt", "votes": {"for": {"count": 5}, "abstain": {"count": 1}}}
    # tests/corpus/real/slough-council-2011: the winner first, the outcome says which that is
    r = read("The Mayor put the Minutes to the Council and following a vote the Minutes were declared as an "
             "accurate record by 24 votes, to 10 votes, with 1 abstention. Resolved - That the Minutes be "
             "approved as a correct record.", council(A=40))
    assert r.fields["votes"] == {"for": {"count": 24}, "against": {"count": 10}, "abstain": {"count": 1}}


def test_english_named_abstentions_by_surname():
    # tests/corpus/real/metheringham-pc-2021, item 3
    people = [{"name": n} for n in ("I Holmes", "R Grummitt", "S Peek", "C Redpath", "D Sherriff")]
    r = read("It was resolved to move into closed session.  Proposed by Councillor Holmes, seconded by "
             "Councillor Redpath and the majority were in favour.  Councillors Sherriff and Grummitt "
             "abstained from voting.", people)
    assert r.fields == {"outcome": "godkendt", "votes": {"abstain": {"names": ["D Sherriff", "R Grummitt"]}}}


def test_english_roll_call_headed_there_voted_with_dotted_counts():
    # tests/corpus/real/slough-council-2011: each side's heading names the motion, the names
    # follow on a line of their own and dotted leaders run to the side's count
    people = [{"name": n} for n in ("R Anderson", "S Chaudhry", "A S Dhaliwal", "S K Dhaliwal",
                                    "P Coad", "A S Wright", "J Long")]
    r = read("The Minutes were declared as an accurate record by 4 votes, to 2 votes, with 1 abstention.\n\n"
             "There voted for the Minutes being a correct record:\n\n \n\nCouncillors Anderson, S Chaudhry, "
             "A S Dhaliwal, S K Dhaliwal ........................  4\n\n"
             "There voted against the Minutes being  a correct record:\n\nCouncillors Coad and A S Wright "
             "..........  2\n\nThere abstained from voting:\n\nCouncillor Long ......  1\n\n"
             "Resolved  -  That the Minutes be approved as a correct record.", people)
    assert r.fields["votes"] == {
        "for": {"names": ["R Anderson", "S Chaudhry", "A S Dhaliwal", "S K Dhaliwal"], "count": 4},
        "against": {"names": ["P Coad", "A S Wright"], "count": 2},
        "abstain": {"names": ["J Long"], "count": 1}}
    assert r.fields["outcome"] == "godkendt" and not r.checks


def test_an_amendment_lost_is_not_the_items_outcome():
    r = read("The amendment was lost. The motion was carried.", PEOPLE)
    assert r.fields["outcome"] == "godkendt"


def test_outcomes_that_disagree_are_left_to_check():
    r = read("Punktet blev udsat. Indstillingen blev godkendt.", PEOPLE)
    assert "outcome" not in r.fields and any("more than one outcome" in c for c in r.checks)


def test_outcome_beyond_the_first_words():
    # kk.dk, Borgerrepræsentationen 13.09.2007 nr. 20; Fredensborg Økonomiudvalget 23.03.2015 nr. 60
    assert read("Medlemsforslaget blev tiltrådt med 34 stemmer imod 15.", []).fields["outcome"] == "tiltrådt"
    r = read("Dagsordenen blev godkendt.\n\nVedr. sag 92 ... Forslaget faldt dermed.", [])
    assert r.fields["outcome"] == "godkendt"


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


def test_could_not_approve_by_name_and_absent_under_the_decision():
    # tests/corpus/real/aalborg-blu-2021-punkt5, with the committee's members as participants
    people = [{"name": n} for n in ("Ole Risager", "Hans Henrik Henriksen", "Mai-Britt Iversen")]
    text = "Godkendt.\n\nOle Risager kan ikke godkende.\nHans Henrik Henriksen var fraværende."
    r = read(text, people)
    assert r.fields == {"outcome": "godkendt", "votes": {"against": {"names": ["Ole Risager"]}},
                        "absent_from_item": ["Hans Henrik Henriksen"]}
    assert not r.checks
    # as the page has it, with no participants: nothing is guessed, and both are said
    r = read(text, [])
    assert r.fields == {"outcome": "godkendt"}
    assert any("Hans Henrik Henriksen" in c for c in r.checks) and any("votes" in c for c in r.checks)
    # absent for part of the item is not read as absent from it
    assert "absent_from_item" not in read("Godkendt. Ole Risager var fraværende fra kl. 18.", people).fields


def test_absence_by_declared_inhabil():
    # tests/corpus/real/rm-regionsraad-2007 (there said of the meeting, here of the item)
    people = [{"name": n} for n in ("Anna Marie Touborg", "Aleksander Aagaard", "Bjarne Schmidt Nielsen")]
    r = read("Anna Marie Touborg, Aleksander Aagaard og Bjarne Schmidt Nielsen erklærede sig inhabile og "
             "forlod Regionsrådsmødet under punkt 29.", people)
    assert r.fields["absent_from_item"] == [p["name"] for p in people]


def test_not_inhabil_is_no_absence():
    # kk.dk, Teknik- og Miljøudvalget 29.03.2021 punkt 1
    r = read("Forvaltningen har denne gang vurderet, at Jakob Næsager (C) ikke var inhabil i forhold til "
             "sagens behandling.", [{"name": "Jakob Næsager", "party": "C"}])
    assert "absent_from_item" not in r.fields and not r.checks


def test_absence_in_the_vote_leaves_the_member_out_of_it():
    # tests/corpus/real/rebild-br-beslutning: the member who did not take part cannot vote
    people = [{"name": "Peter Bak", "party": "A"}, {"name": "Jeppe Ugilt", "party": "V"}]
    r = read("For stemte: Peter Bak.\nGodkendt.\nPeter Bak deltog ikke i behandlingen af sagen.", people)
    assert r.fields["absent_from_item"] == ["Peter Bak"] and "votes" not in r.fields


def test_protocol_remarks():
    r = read("Taget til efterretning.\nProtokolbemærkning fra Ø: Vi ønsker en ny høring.", PEOPLE)
    assert r.fields["outcome"] == "taget til efterretning"
    r = read("Protokolbemærkning (Ø): Vi ønsker en ny høring.", PEOPLE)
    assert r.fields["remarks"] == [{"by": "Ø", "text": "Vi ønsker en ny høring."}]


def test_protocol_remark_by_several_on_the_next_line():
    # tests/corpus/real/kbh-br-2007-punkt20, with the party by its letter
    people = [{"name": "Per Dahl", "party": "O"}, {"name": "Ben Haddou"}, {"name": "Louise Frevert"}]
    text = ("O, Ben Haddou (løsgænger) og Louise Frevert (løsgænger) afgav følgende protokolbemærkning:\n\n"
            "\"Vi stemmer imod med den begrundelse, at det ikke er oplyst, hvilke økonomiske konsekvenser "
            "forslaget har.\"")
    r = read(text, people)
    assert [x["by"] for x in r.fields["remarks"]] == ["O", "Ben Haddou", "Louise Frevert"]
    assert r.fields["remarks"][0]["text"].startswith("\"Vi stemmer imod")
    r = read(text.replace("O, Ben", "Dansk Folkeparti, Ben"), people)  # the party by its name
    assert "remarks" not in r.fields and any("Dansk Folkeparti" in c for c in r.checks)


def test_remark_added_to_the_minutes_of_decisions():
    # kk.dk, Borgerrepræsentationen 05.02.2004 nr. 28, with the party by its letter
    r = read("Ø ønskede følgende bemærkning tilført beslutningsprotokollen:\n\"Det åbenlyse fravær af "
             "information ... medfører, at Enhedslisten ikke kan støtte indstillingen.\"", PEOPLE)
    assert r.fields["remarks"][0]["by"] == "Ø"


def test_unanimous_forces_nothing():
    r = read("Et enigt udvalg anbefaler indstillingen.", PEOPLE)
    assert "votes" not in r.fields


def test_the_summary_counts_what_was_read_from_the_decisions(tmp_path):
    from referat.importer.assemble import import_source
    from referat.importer.report import summary
    source = tmp_path / "referat.txt"
    source.write_text("Referat\n\nDeltagere: Bo Holm (V), Ole Berg (Ø)\n\n1. Budget\n\nBeslutning\n\n"
                      "For stemte: V. Imod stemte: Ø.\n\nGodkendt.\n", encoding="utf-8")
    text = summary(import_source(source), [])
    assert "read from the decisions: 1 outcomes, 1 votes" in text
