"""Problems: how one is written, which stop a build, and the summary line."""

from __future__ import annotations

from referat.problems import Problem, by_punkt, errors, summarise


def error(path: str = "raadet/2025-11-26.yml", line: int = 1) -> Problem:
    return Problem(path, line, "date", "is wrong")


def warning(path: str = "raadet/2025-11-26.yml", line: int = 1) -> Problem:
    return Problem(path, line, "participants[1].name", "a private citizen", level="warning")


def test_an_error_is_written_path_line_field_message() -> None:
    problem = Problem("raadet/2025-11-26.yml", 12, "items[2].title", "is empty")
    assert str(problem) == "raadet/2025-11-26.yml:12: items[2].title: is empty"


def test_a_warning_says_so_after_the_field() -> None:
    assert str(warning(line=7)) == (
        "raadet/2025-11-26.yml:7: participants[1].name: warning: a private citizen")


def test_problems_are_errors_unless_marked_as_warnings() -> None:
    assert error().is_error
    assert not warning().is_error
    assert errors([error(), warning(), error(line=2)]) == [error(), error(line=2)]


def test_problems_sort_by_file_then_line_as_a_number() -> None:
    unsorted = [error("b.yml", 2), error("a.yml", 10), error("a.yml", 9)]
    assert [(p.path, p.line) for p in sorted(unsorted)] == [("a.yml", 9), ("a.yml", 10),
                                                           ("b.yml", 2)]


def test_summary_of_one_error() -> None:
    assert summarise([error()]) == "1 error in 1 file"


def test_summary_counts_plurals_and_distinct_files() -> None:
    problems = [error("a.yml"), error("a.yml", 2), error("b.yml")]
    assert summarise(problems) == "3 errors in 2 files"


def test_summary_names_warnings_only_when_there_are_some() -> None:
    assert summarise([error("a.yml"), warning("b.yml")]) == "1 error and 1 warning in 2 files"
    assert summarise([warning(), warning(line=2)]) == "0 errors and 2 warnings in 1 file"


def test_summary_of_nothing() -> None:
    assert summarise([]) == "0 errors in 0 files"


def test_an_items_place_is_named_by_its_punkt_number_too() -> None:
    numbers = {"items[3]": "32", "items[1]": "1.a"}
    named = by_punkt(Problem("r.yml", 12, "items[3].votes.for", "is wrong"), numbers)
    assert str(named) == "r.yml:12: punkt 32 (items[3]).votes.for: is wrong"
    assert by_punkt(Problem("r.yml", 2, "items[1]", "x"), numbers).field == "punkt 1.a (items[1])"


def test_a_field_outside_the_items_or_of_an_unnumbered_item_keeps_its_place_only() -> None:
    numbers = {"items[3]": "32"}
    for field in ("date", "items", "items[2].title", "items[31].title", "participants[3].name"):
        assert by_punkt(Problem("r.yml", 1, field, "x"), numbers).field == field
    named = by_punkt(Problem("r.yml", 1, "items[3].title", "x"), numbers)
    assert by_punkt(named, numbers) == named  # named once, not twice


def test_a_long_number_is_cut_in_the_name() -> None:
    named = by_punkt(Problem("r.yml", 1, "items[1].title", "x"), {"items[1]": "1" * 40})
    assert named.field == f"punkt {'1' * 19}… (items[1]).title"
