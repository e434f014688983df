"""Reading YAML text into values field by field (reader.py), and parsing it (yamlnodes.py)."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest

from referat import schema as s
from referat.loader import build
from referat.model import Attachment, Item, NextMeeting, Participant
from referat.problems import Problem
from referat.reader import Reader
from referat.yamlnodes import SyntaxProblem, parse

ITEM = "items:\n  - number: 1\n    title: Godkendelse af dagsorden\n"


def read(text: str, record: s.Record = s.MEETING) -> tuple[dict[str, Any], list[Problem]]:
    """The root values of a YAML text read as `record`, and the problems found."""
    node = parse(text)
    assert node is not None, "the test text is empty"
    reader = Reader("m.yml", build)
    values = reader.record(node, record, "")
    return values, reader.problems


def read_ok(text: str, record: s.Record = s.MEETING) -> dict[str, Any]:
    values, problems = read(text, record)
    assert problems == [], "\n".join(map(str, problems))
    return values


def only_problem(text: str, record: s.Record = s.MEETING) -> Problem:
    _, problems = read(text, record)
    assert len(problems) == 1, "\n".join(map(str, problems))
    return problems[0]


def first_item(text: str) -> Item:
    return read_ok(f"date: 2025-11-26\nitems:\n{text}")["items"][0]


def syntax_problem(text: str) -> SyntaxProblem:
    with pytest.raises(SyntaxProblem) as caught:
        parse(text)
    return caught.value


# Dates and times


@pytest.mark.parametrize(("written", "time"), [
    ('"17:00"', dt.time(17, 0)),
    ("17:00", dt.time(17, 0)),
    ('"9:30"', dt.time(9, 30)),
    ('"17.15"', dt.time(17, 15)),
    ('"00:00"', dt.time(0, 0)),
    ('"23:59"', dt.time(23, 59)),
])
def test_times(written: str, time: dt.time) -> None:
    assert read_ok(f"date: 2025-11-26\nstart: {written}\n{ITEM}")["start"] == time


@pytest.mark.parametrize(("written", "complaint"), [
    ('"24:00"', "not a real time"),
    ('"17:60"', "not a real time"),
    ('"1700"', "not a time"),
    ('"17:00:00"', "not a time"),
    ("kl. 17", "not a time"),
])
def test_bad_times(written: str, complaint: str) -> None:
    problem = only_problem(f"date: 2025-11-26\nstart: {written}\n{ITEM}")
    assert (problem.line, problem.field) == (2, "start")
    assert complaint in problem.message


def test_a_date_is_read_from_its_text() -> None:
    assert read_ok(f"date: 2025-11-26\n{ITEM}")["date"] == dt.date(2025, 11, 26)


@pytest.mark.parametrize(("written", "complaint"), [
    ("2025-02-30", "'2025-02-30' is not a real date"),
    ("2025-13-01", "'2025-13-01' is not a real date"),
    ("26-11-2025", "'26-11-2025' is not a date; write it as YYYY-MM-DD"),
    ("2025-11-26T17:00", "is not a date"),
    ("26. november 2025", "is not a date"),
])
def test_bad_dates(written: str, complaint: str) -> None:
    problem = only_problem(f"{ITEM}date: {written}\n")
    assert (problem.line, problem.field) == (4, "date")
    assert complaint in problem.message


def test_a_date_may_not_be_a_list() -> None:
    problem = only_problem(f"date: [2025, 11, 26]\n{ITEM}")
    assert problem.message == "expected a date, found a list"


# Numbers, booleans, choices, texts


@pytest.mark.parametrize(("written", "number"), [
    ("31", "31"), ('"4.01"', "4.01"), ("4.01", "4.01"), ("4.10", "4.10"), ('"1.a"', "1.a"),
    ("010", "010"), ("1-2", "1-2"), ("0x1F", "0x1F"), ("1e3", "1e3"),
])
def test_item_numbers_are_kept_as_written(written: str, number: str) -> None:
    item = first_item(f"  - number: {written}\n    title: T\n")
    assert item.number == number


@pytest.mark.parametrize("written", ['"4 01"', '"4..1"', '"-1"', '"§ 4"', '"4."'])
def test_item_numbers_of_other_shapes_are_refused(written: str) -> None:
    problem = only_problem(f"date: 2025-11-26\nitems:\n  - number: {written}\n    title: T\n")
    assert problem.field == "items[1].number"
    assert "is not an item number" in problem.message


@pytest.mark.parametrize(("written", "closed"), [
    ("true", True), ("false", False), ("True", True), ("FALSE", False)])
def test_closed_is_true_or_false(written: str, closed: bool) -> None:
    assert first_item(f"  - number: 1\n    title: T\n    closed: {written}\n").closed is closed


@pytest.mark.parametrize("written", ["yes", "no", "ja", "1", "on"])
def test_closed_refuses_yaml_1_1_booleans(written: str) -> None:
    problem = only_problem(f"date: 2025-11-26\nitems:\n  - number: 1\n    title: T\n"
                           f"    closed: {written}\n")
    assert (problem.line, problem.field) == (5, "items[1].closed")
    assert problem.message == f"'{written}' is not true or false; write true or false"


def test_a_choice_suggests_the_closest_value() -> None:
    problem = only_problem(f"date: 2025-11-26\nstatus: planed\n{ITEM}")
    assert problem.message == ("'planed' is not allowed; did you mean 'planned'? "
                               "use one of held, planned, cancelled")


def test_attendance_is_one_of_four_and_present_by_default() -> None:
    values = read_ok(f"date: 2025-11-26\n{ITEM}participants:\n  - name: A\n"
                     "  - {name: B, attendance: substitute, substitute_for: C}\n")
    assert values["participants"] == (Participant("A"),
                                      Participant("B", attendance="substitute", substitute_for="C"))
    problem = only_problem(f"date: 2025-11-26\n{ITEM}participants:\n"
                           "  - {name: B, attendance: afbud}\n")
    assert problem.field == "participants[1].attendance"
    assert "use one of present, absent, excused, substitute" in problem.message


def test_text_is_one_line_with_spaces_collapsed() -> None:
    item = first_item("  - number: 1\n    title: >\n      Godkendelse   af\n      dagsorden\n")
    assert item.title == "Godkendelse af dagsorden"


def test_markdown_keeps_its_lines_but_not_the_final_newline() -> None:
    item = first_item("  - number: 1\n    title: T\n    decision: |\n      Godkendt.\n\n"
                      "      - med bemærkning\n")
    assert item.decision == "Godkendt.\n\n- med bemærkning"


def test_topics_are_a_tuple_of_texts() -> None:
    item = first_item("  - number: 1\n    title: T\n    topics:\n      - Økonomi\n      - Skole\n")
    assert item.topics == ("Økonomi", "Skole")


def test_topics_must_hold_texts() -> None:
    problem = only_problem("date: 2025-11-26\nitems:\n  - number: 1\n    title: T\n"
                           "    topics: [Økonomi, [Skole]]\n")
    assert (problem.field, problem.message) == ("items[1].topics[2]", "expected text, found a list")


# Sections


def test_sections_keep_the_order_of_the_file() -> None:
    item = first_item("  - number: 1\n    title: T\n    sections:\n      Økonomi: c\n"
                      "      Anledning: a\n      Indstilling: b\n")
    assert list(item.sections) == ["Økonomi", "Anledning", "Indstilling"]
    assert item.sections == {"Økonomi": "c", "Anledning": "a", "Indstilling": "b"}


@pytest.mark.parametrize("heading", ["Beslutning", "beslutning", "BESLUTNING", "Beslutning "])
def test_a_beslutning_section_is_refused(heading: str) -> None:
    values, problems = read(f"date: 2025-11-26\nitems:\n  - number: 1\n    title: T\n"
                            f"    sections:\n      Anledning: a\n      \"{heading}\": Godkendt\n")
    assert [(p.line, p.field) for p in problems] == [(7, f"items[1].sections.{heading.strip()}")]
    assert "move it there" in problems[0].message
    assert values["items"][0].sections == {"Anledning": "a"}


def test_sections_must_be_a_mapping() -> None:
    problem = only_problem("date: 2025-11-26\nitems:\n  - number: 1\n    title: T\n"
                           "    sections: [Anledning, Indstilling]\n")
    assert problem.field == "items[1].sections"
    assert "expected a mapping of heading: text" in problem.message


# Keys


def test_a_duplicate_key_names_both_lines_and_the_first_value_is_kept() -> None:
    values, problems = read(f"date: 2025-11-26\nlocation: A\n{ITEM}location: B\n")
    assert [(p.line, p.field) for p in problems] == [(6, "location")]
    assert "also on line 2" in problems[0].message
    assert values["location"] == "A"


def test_a_duplicate_section_heading_is_reported() -> None:
    problem = only_problem("date: 2025-11-26\nitems:\n  - number: 1\n    title: T\n"
                           "    sections:\n      Anledning: a\n      Anledning: b\n")
    assert (problem.line, problem.field) == (7, "items[1].sections.Anledning")


def test_an_unknown_key_suggests_the_closest_known_key() -> None:
    problem = only_problem("date: 2025-11-26\nitems:\n  - number: 1\n    titel: T\n    title: T\n")
    assert (problem.line, problem.field) == (4, "items[1].titel")
    assert problem.message == "unknown key, its value would be lost; did you mean 'title'?"


def test_an_unknown_key_without_a_close_match_lists_the_known_keys() -> None:
    problem = only_problem("name: R\nformand: Lise\n", s.BODY)
    assert problem.message == ("unknown key, its value would be lost; "
                               "known keys: name, organisation, description, outcomes, "
                               "member_pages")


def test_a_key_must_be_text() -> None:
    problem = only_problem(f"date: 2025-11-26\n{ITEM}[a, b]: c\n")
    assert (problem.line, problem.message) == (5, "a key must be plain text, found a list; write "
                                               "'key: value'")


# Required fields and records


def test_a_missing_required_field_gives_an_example() -> None:
    values, problems = read("date: 2025-11-26\nitems:\n  - number: 1\n")
    assert [str(p) for p in problems] == [
        "m.yml:3: items[1].title: missing; add 'title: Godkendelse af dagsorden'"]
    assert values["items"] == (), "an item without a title is left out"


def test_records_are_built_as_model_objects() -> None:
    values = read_ok(f"date: 2025-11-26\n{ITEM}next_meeting: {{date: 2026-01-21, end: '19:00'}}\n")
    assert values["next_meeting"] == NextMeeting(dt.date(2026, 1, 21), end=dt.time(19, 0))
    item = first_item("  - number: 1\n    title: T\n    attachments:\n"
                      "      - {title: Budget, url: 'https://x.dk/b.pdf'}\n")
    assert item.attachments == (Attachment("Budget", url="https://x.dk/b.pdf"),)
    assert (item.line, item.where) == (3, "items[1]")


def test_a_list_of_records_refuses_a_mapping() -> None:
    problem = only_problem("date: 2025-11-26\nitems:\n  number: 1\n  title: T\n")
    assert (problem.line, problem.field) == (3, "items")
    assert problem.message == "expected a list ('- ' before each entry), found a mapping"


def test_a_record_refuses_a_text() -> None:
    problem = only_problem(f"date: 2025-11-26\n{ITEM}next_meeting: 2026-01-21\n")
    assert problem.field == "next_meeting"
    assert problem.message.startswith("expected a mapping of keys (date, start, end, location, "
                                      "note), found '2026-01-21'")


def test_all_problems_of_a_file_are_collected() -> None:
    _, problems = read("date: 26-11-2025\nstart: '25:00'\nstatus: hled\nitems:\n"
                       "  - number: [1]\n    title: T\n    closed: ja\n")
    assert [p.field for p in problems] == ["date", "start", "status", "items[1].number",
                                           "items[1].closed"]


# Empty values. With libyaml (CSafeLoader) a plain scalar has style '' rather than None, which
# reader.is_null does not allow for.


@pytest.mark.parametrize("key", ["end", "location", "status", "minute_taker", "participants",
                                 "next_meeting"])
def test_an_optional_key_left_empty_is_not_an_error(key: str) -> None:
    _, problems = read(f"date: 2025-11-26\n{ITEM}{key}:\n")
    assert problems == [], (
        f"BUG: an empty optional '{key}:' is reported as an error ({problems[0].message!r}); "
        "reader.is_null expects style None for plain scalars, but libyaml gives ''")


@pytest.mark.parametrize("written", ["~", "null", "Null", "NULL", ""])
def test_an_empty_title_is_reported_as_empty_with_an_example(written: str) -> None:
    values, problems = read(f"date: 2025-11-26\nitems:\n  - number: 1\n    title: {written}\n")
    assert values["items"] == (), (
        f"BUG: 'title: {written}' was read as the title {values['items'][0].title!r}; "
        "a YAML null must count as empty")
    assert [p.message for p in problems] == [
        "is empty; write a value, e.g. 'title: Godkendelse af dagsorden'"], (
        "BUG: the message for an empty required field should give an example; got "
        f"{[p.message for p in problems]}")


def test_an_empty_decision_is_no_decision() -> None:
    item = first_item("  - number: 1\n    title: T\n    decision:\n")
    assert item.decision is None, f"BUG: an empty 'decision:' was read as {item.decision!r}"


def test_an_empty_quoted_required_text_does_not_advise_removing_the_key() -> None:
    problem = only_problem("date: 2025-11-26\nitems:\n  - number: 1\n    title: \"\"\n")
    assert problem.field == "items[1].title"
    assert "remove the key" not in problem.message, (
        f"UNHELPFUL: {problem.message!r}; title is required, so removing the key gives "
        "another error")


# Parsing (yamlnodes)


def test_an_empty_or_comment_only_text_has_no_root() -> None:
    assert parse("") is None
    assert parse("# only a comment\n\n") is None


def test_a_colon_in_an_unquoted_text_is_explained() -> None:
    problem = syntax_problem("date: 2025-11-26\nitems:\n  - number: 1\n    title: Punkt 1: X\n")
    assert problem.line == 4
    assert "must be in quotes" in problem.message


def test_a_second_document_is_explained() -> None:
    problem = syntax_problem("date: 2025-11-26\n---\ndate: 2025-11-27\n")
    assert problem.line == 2
    assert "remove the extra '---'" in problem.message


def test_every_syntax_problem_says_how_to_fix_it() -> None:
    problem = syntax_problem("items: [1, 2\n")
    assert problem.message.startswith("not valid YAML: ")
    assert "; check the quoting and the indentation" in problem.message


@pytest.mark.parametrize(("text", "line"), [
    ("date: 2025-11-26\nitems:\n\t- number: 1\n", 3),
    ("items:\n  - number: 1\n\ttitle: T\n", 3),
    ("next_meeting:\n\tdate: 2026-01-21\n", 2),
])
def test_tab_indentation_is_explained(text: str, line: int) -> None:
    problem = syntax_problem(text)
    assert problem.line == line
    assert "indent with spaces, not tabs" in problem.message, (
        f"BUG: the tab hint is not given: {problem.message!r}; yamlnodes.HINTS looks for "
        "\"found character '\\t'\", which is PyYAML's wording, but libyaml (CSafeLoader) says "
        "'found character that cannot start any token' or 'found a tab character'")


def test_a_control_character_is_reported_on_its_line() -> None:
    problem = syntax_problem("date: 2025-11-26\nitems:\n  - number: 1\n    title: Side\x0c 2\n")
    assert problem.line == 4, (
        f"BUG: a control character (here a form feed, common in text copied from PDFs) on line 4 "
        f"is reported on line {problem.line}: {problem.message!r}")
