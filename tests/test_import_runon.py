"""Minutes written one item a paragraph, as English parish councils publish them: the title, its
reference and the item's text on one line; members under 'Participating:'; and a vote's list of
names that ends in dotted leaders to its count, which is no table of contents."""

from __future__ import annotations

from pathlib import Path

from referat.importer.assemble import import_source
from referat.importer.furniture import remove_furniture
from referat.importer.headers import candidate, find_headers, run_on
from referat.importer.lines import Line
from referat.importer.people import parse_person

KEELBY = "\n".join((
    "Those Present: Councillors T Wright (Chair), M Turner, S Knight",
    "",
    "1. Apologies - Ref 24/104: Councillors P Wilks and R Bedwell.",
    "",
    "Absent without notice: Councillor R Dannatt",
    "",
    "2. Introduction – Ref 24/105: The Chair welcomed everyone and explained that the purpose"
    " of the meeting was to formally approve (by the means of a vote) a number of items that"
    " were agreed at the meeting held on 4th June 2024 which were agreed/resolved but not"
    " voted on at the time.  He explained that all items have already been debated/discussed"
    " and agreed, so only a vote on each item was required.",
    "",
    "3. Approval of the minutes of the meeting held on 7th May 2024 as a true record – Ref"
    " 24/106: Proposed and seconded; a vote was taken on the accuracy of the minutes; All in"
    " favour.  It was therefore RESOLVED that the minutes were an accurate record of the"
    " meeting.",
    "",
    "4. Approval of the payment schedule (Ref 24/92) – Ref 24/107:",
    "",
    "Proposed and seconded; a vote was taken to approve the item; 5 for, 1 against.",
    "",
))

METHERINGHAM = "\n".join((
    "Participating:",
    "Councillor I Holmes (Chairman)",
    "Councillor R Grummitt",
    "",
    "Clerk: Karen Steels-Tallett",
    "________________________________________",
    "",
    "1. To accept Apologies for Absence and reasons given in accordance with Local Government"
    " Act 1972 s85(1).   There were no apologies for absence.",
    "2. Members Declarations of Interests:",
    "a. Members may make any declarations of interest at this point but may also make them at"
    " any point during the meeting in accordance with Metheringham Parish Councils Code of"
    " Conduct.  No declarations of Interest were received.",
    "3. Public Bodies (Admission to Meetings) Act 1960 Exclusion of the Press and the Public:"
    " To resolve that in accordance with Section 1(2) of the Public Bodies (Admission to"
    " Meetings) Act 1960 and by reason of the confidential nature of the remainder of the"
    " business, the press and public be excluded.  It was resolved to move into closed session.",
    "Councillor Holmes requested that the manner in which each member voted be recorded in the"
    " minutes in respect of agenda items 4,5 and 6.",
    "4. To discuss and resolve to accept the Communications Working Group recommendation that"
    " an independent organisation be appointed to design, implement & distribute a Parish"
    " Council Survey(s); and to then collate and report back all findings to the Parish Clerk"
    " for discussion by full council. Such",
    "",
))

SLOUGH = "\n".join((
    "There voted for the Minutes being a correct record:",
    "",
    "Councillors Anderson, Bains, Carter, Walsh"
    " ..................................................  24",
    "",
    "There abstained from voting:",
    "",
    "Councillor Long"
    " ..........................................................................  1",
    "",
))


def lines_of(text: str) -> list[Line]:
    return [Line(t, n) for n, t in enumerate(text.splitlines(), 1)]


def imported(tmp_path: Path, text: str) -> dict:
    source = tmp_path / "minutes.txt"
    source.write_text(text, encoding="utf-8")
    return import_source(source).meeting


def test_a_reference_after_the_title_then_a_colon_ends_the_title() -> None:
    assert run_on("Introduction – Ref 24/105: The Chair welcomed everyone.") == (
        "Introduction", "Ref 24/105", "The Chair welcomed everyone.")
    assert run_on("Approval of the payment schedule (Ref 24/92) – Ref 24/107:") == (
        "Approval of the payment schedule (Ref 24/92)", "Ref 24/107", "")
    assert run_on("Report – Part B: text") == ("Report – Part B: text", None, "")  # no number: no reference


def test_a_sentence_then_a_wide_gap_ends_the_title() -> None:
    title, _, rest = run_on("To accept Apologies for Absence s85(1).   There were no apologies.")
    assert (title, rest) == ("To accept Apologies for Absence s85(1).", "There were no apologies.")
    one_space = "Godkendelse af dagsorden. Dagsordenen"
    assert run_on(one_space) == (one_space, None, "")


def test_items_written_one_a_paragraph_with_their_references(tmp_path: Path) -> None:
    items = imported(tmp_path, KEELBY)["items"]
    assert [(i["number"], i["title"], i["journal"]) for i in items] == [
        (1, "Apologies", "Ref 24/104"), (2, "Introduction", "Ref 24/105"),
        (3, "Approval of the minutes of the meeting held on 7th May 2024 as a true record", "Ref 24/106"),
        (4, "Approval of the payment schedule (Ref 24/92)", "Ref 24/107")]
    assert items[1]["decision"].startswith("The Chair welcomed everyone")
    assert items[0]["decision"].startswith("Councillors P Wilks and R Bedwell.")


def test_long_agenda_sentences_and_lettered_sub_items_are_items() -> None:
    lines, _ = remove_furniture(lines_of(METHERINGHAM))
    headers = find_headers(lines)
    assert [h.number for h in headers] == ["1", "2", "3", "4"]
    assert headers[2].title.endswith("the press and public be excluded.")
    assert headers[2].rest.startswith("It was resolved to move into closed session.")


def test_a_long_numbered_paragraph_is_still_no_header() -> None:
    text = "33.1 The minutes of the Special meeting held on the 25th July 2019 were approved " * 4
    assert candidate([Line(text, 1)], 0) is None


def test_members_under_participating_and_councillors_before_the_first_name(tmp_path: Path) -> None:
    people = imported(tmp_path, METHERINGHAM)["participants"]
    assert [(p["name"], p.get("role")) for p in people] == [("I Holmes", "Chairman"), ("R Grummitt", None)]
    first = parse_person("Councillors T Wright (Chair)")
    assert first is not None and (first.name, first.role) == ("T Wright", "Chair")


def test_a_vote_list_with_dotted_leaders_under_its_sentence_is_kept() -> None:
    kept, dropped = remove_furniture(lines_of(SLOUGH))
    assert [line.text for line in kept if "...." in line.text] == [
        SLOUGH.splitlines()[2], SLOUGH.splitlines()[6]]
    assert not dropped


def test_dotted_entries_of_a_table_of_contents_are_still_left_out() -> None:
    kept, dropped = remove_furniture(lines_of("Indhold\n\nGodkendelse af dagsorden ........ 3\n"
                                              "Budget 2025 ........ 4\n\nPunkt 1"))
    assert [line.text for line in kept if line.text] == ["Punkt 1"]
    assert len(dropped) == 3
