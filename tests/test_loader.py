"""Loading a meetings folder: golden error messages, the model of good folders, the real example."""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

import pytest

from referat.loader import load
from referat.model import Archive, Attachment, Body, Meeting, NextMeeting, Participant, VoteSide
from referat.problems import Problem

TESTS = Path(__file__).resolve().parent
ROOT = TESTS.parent
BAD = TESTS / "fixtures" / "bad"
GOOD = TESTS / "fixtures" / "good"
GOLDEN_ERRORS = TESTS / "golden" / "errors"
BAD_FIXTURES = sorted(p.name for p in BAD.iterdir() if p.is_dir())
# path:line: field: message; the field never empty.
PROBLEM_LINE = re.compile(r"^[^:\n]+:\d+: [^\s:][^:]*: \S.*$")
ITEM = "items:\n  - number: 1\n    title: Godkendelse af dagsorden\n"


def load_folder(folder: Path) -> tuple[Archive, list[Problem]]:
    return load(folder, display_root=folder)


def load_ok(folder: Path) -> Archive:
    archive, problems = load_folder(folder)
    assert problems == [], "\n".join(map(str, problems))
    return archive


def report(problems: list[Problem]) -> str:
    return "\n".join(str(p) for p in problems) + "\n"


def write(root: Path, files: dict[str, str]) -> Path:
    """A meetings folder in `root` holding `files` (relative path -> text)."""
    for name, text in files.items():
        path = root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    return root


def meeting(archive: Archive, source: str) -> Meeting:
    return next(m for m in archive.meetings if m.source == source)


# Bad folders: golden messages


@pytest.mark.parametrize("fixture", BAD_FIXTURES)
def test_golden_error_messages(fixture: str, golden) -> None:
    _, problems = load_folder(BAD / fixture)
    assert problems, f"{fixture} should have problems"
    golden.check(f"errors/{fixture}.txt", report(problems))


def test_every_golden_error_file_has_its_fixture() -> None:
    goldens = sorted(p.stem for p in GOLDEN_ERRORS.glob("*.txt"))
    assert goldens == BAD_FIXTURES


@pytest.mark.parametrize("fixture", BAD_FIXTURES)
def test_load_never_raises_on_a_bad_folder(fixture: str, tmp_path: Path,
                                           monkeypatch: pytest.MonkeyPatch) -> None:
    # Also with the default display root, the working folder: an empty one, as the project's
    # would have each load parse mkdocs.yml three times (40 ms, 2 s over the fixtures).
    monkeypatch.chdir(tmp_path)
    archive, problems = load(BAD / fixture)
    assert isinstance(archive, Archive)
    assert all(isinstance(p, Problem) for p in problems)


@pytest.mark.parametrize("fixture", BAD_FIXTURES)
def test_every_problem_reads_path_line_field_message(fixture: str) -> None:
    _, problems = load_folder(BAD / fixture)
    for problem in problems:
        assert PROBLEM_LINE.match(str(problem)), (
            f"BUG: '{problem}' is not 'path:line: field: message' (field {problem.field!r})")
        assert problem.line >= 1


def test_many_problems_are_all_listed_at_once_sorted_by_file_and_line() -> None:
    _, problems = load_folder(BAD / "many-problems")
    assert problems == sorted(problems, key=lambda p: (p.path, p.line))
    files = {p.path for p in problems}
    assert {"aeldreraadet/2025-10-01.yml", "aeldreraadet/2025-11-05.yml", "aeldreraadet/body.yml",
            "raadet/2025-11-26.yml", "raadet/2025-12-01.yml", "Fælles"} <= files
    assert len([p for p in problems if p.path == "aeldreraadet/2025-10-01.yml"]) == 6


def test_a_missing_meetings_folder_is_a_problem(tmp_path: Path) -> None:
    archive, problems = load(tmp_path / "meetings", display_root=tmp_path)
    assert archive == Archive((), ())
    assert [str(p) for p in problems] == [
        "meetings:1: meetings: folder not found; create it, with a folder per body inside"]


def test_paths_are_shown_relative_to_the_display_root(tmp_path: Path) -> None:
    root = write(tmp_path / "meetings", {"raadet/body.yml": "name: R\n",
                                         "raadet/2025-11-26.yml": f"date: 2025-11-26\n{ITEM}x: 1\n"})
    _, problems = load(root, display_root=tmp_path)
    assert [p.path for p in problems] == ["meetings/raadet/2025-11-26.yml"]


# Good folders


def test_the_good_archive_loads_without_problems() -> None:
    archive = load_ok(GOOD / "two-bodies")
    assert [b.slug for b in archive.bodies] == ["aeldreraadet", "integrationsraadet"]
    assert sorted(m.source for m in archive.meetings) == [
        "aeldreraadet/2025-12-03-ekstra.yml", "aeldreraadet/2025-12-03.yml",
        "integrationsraadet/2025-11-26.yml", "integrationsraadet/2026-01-21.yml"]


def test_bodies_are_read_from_body_yml() -> None:
    archive = load_ok(GOOD / "two-bodies")
    assert archive.bodies == (
        Body("aeldreraadet", "Ældrerådet"),
        Body("integrationsraadet", "Integrationsrådet", "Holstebro Kommune",
             "Rådet rådgiver Udvalget for Arbejdsmarked og Uddannelse om integration."),
    )


def test_a_held_meeting_with_everything() -> None:
    m = meeting(load_ok(GOOD / "two-bodies"), "integrationsraadet/2025-11-26.yml")
    assert (m.body.slug, m.slug, m.date) == ("integrationsraadet", "2025-11-26",
                                             dt.date(2025, 11, 26))
    assert (m.start, m.end) == (dt.time(17, 0), dt.time(19, 0))
    assert (m.location, m.status, m.minute_taker) == ("Korsgade, Mødelokale 1, 1. sal", "held",
                                                      "Alice Flink")
    assert m.next_meeting == NextMeeting(dt.date(2026, 1, 21), dt.time(17, 0), None, "Jobcentret",
                                         "Mødet holdes sammen med Integrationsteamet.")


def test_participants_of_every_attendance() -> None:
    m = meeting(load_ok(GOOD / "two-bodies"), "integrationsraadet/2025-11-26.yml")
    assert m.participants == (
        Participant("Lise Østermark", "V", "formand", "present"),
        Participant("Bo Jensen", "A", "medlem"),
        Participant("Karina Byskov Viborg", "Ø", attendance="excused"),
        Participant("Anders Holm", attendance="absent"),
        Participant("Mette Lund", attendance="substitute", substitute_for="Karina Byskov Viborg"),
    )
    assert {p.attendance for p in m.participants} == {"present", "absent", "excused", "substitute"}


def test_items_keep_numbers_as_text_and_sections_in_order() -> None:
    m = meeting(load_ok(GOOD / "two-bodies"), "integrationsraadet/2025-11-26.yml")
    assert [i.number for i in m.items] == ["31", "4.01", "1.a"]
    first = m.items[0]
    assert first.title == "Budgetopfølgning"
    assert first.journal == "15.00.00-G01-2536-21"
    assert first.topics == ("Økonomi", "Integrationspolitik")
    assert list(first.sections) == ["Sagsfremstilling", "Anledning", "Indstilling"]
    assert first.sections["Sagsfremstilling"] == ("Forvaltningen har gennemgået budgettet.\n\n"
                                                  "Der er et mindreforbrug.")
    assert first.decision == "Taget til efterretning."
    assert first.attachments == (
        Attachment("Budget november 2025", file="bilag/budget-2025-11.pdf"),
        Attachment("Integrationspolitik", url="https://www.example.dk/politik.pdf"),
        Attachment("Tidligere referat"),
    )
    assert (first.line, first.where) == (14, "items[1]")


def test_a_closed_item_with_only_a_decision() -> None:
    m = meeting(load_ok(GOOD / "two-bodies"), "integrationsraadet/2025-11-26.yml")
    closed = m.items[1]
    assert closed.closed is True
    assert (closed.sections, closed.attachments, closed.decision) == ({}, (), "Godkendt")
    assert [i.closed for i in m.items] == [False, True, False]


def test_planned_and_cancelled_meetings() -> None:
    archive = load_ok(GOOD / "two-bodies")
    planned = meeting(archive, "integrationsraadet/2026-01-21.yml")
    assert planned.status == "planned"
    assert [(i.number, i.decision) for i in planned.items] == [("1", None), ("2", None)]
    cancelled = meeting(archive, "aeldreraadet/2025-12-03.yml")
    assert (cancelled.status, cancelled.items, cancelled.start) == ("cancelled", (),
                                                                    dt.time(10, 0))


def test_a_second_meeting_the_same_day_has_its_own_slug() -> None:
    extra = meeting(load_ok(GOOD / "two-bodies"), "aeldreraadet/2025-12-03-ekstra.yml")
    assert (extra.slug, extra.date, extra.start) == ("2025-12-03-ekstra", dt.date(2025, 12, 3),
                                                     dt.time(14, 0))
    assert extra.body.name == "Ældrerådet"


def test_treatments_run_oldest_meeting_first() -> None:
    treatments = load_ok(GOOD / "two-bodies").treatments()
    assert [(t.meeting.slug, t.item.number) for t in treatments] == [
        ("2025-11-26", "31"), ("2025-11-26", "4.01"), ("2025-11-26", "1.a"),
        ("2025-12-03-ekstra", "1"), ("2026-01-21", "1"), ("2026-01-21", "2")]


# YAML 1.1 surprises


def test_yaml_1_1_words_and_numbers_are_kept_as_written() -> None:
    m = load_ok(GOOD / "yaml11").meetings[0]
    assert (m.start, m.end, m.location) == (dt.time(17, 0), dt.time(19, 30), "on")
    assert [(p.name, p.party, p.role) for p in m.participants] == [
        ("Ola Nordmann", "NO", None), ("Yes Hansen", "Y", "off")]
    assert [(i.number, i.title, i.journal) for i in m.items] == [
        ("4.10", "no", "0123"), ("4.1", "on", None), ("010", "2025", "1_000")]
    first = m.items[0]
    assert first.topics == ("yes", "off", "2025")
    assert first.sections == {"on": "ja", "no": "nej"}
    assert first.decision == "true"
    assert m.next_meeting == NextMeeting(dt.date(2026, 1, 21), dt.time(9, 30), location="NO")


# The real example


def test_the_example_meetings_load_without_problems() -> None:
    archive = load_ok(ROOT / "meetings")
    assert len(archive.meetings) == 3
    assert sum(len(m.items) for m in archive.meetings) == 22
    numbers = {m.slug: [i.number for i in m.items] for m in archive.meetings}
    assert numbers == {"2025-11-26": [str(n) for n in range(31, 37)],
                       "2022-09-28": [str(n) for n in range(1, 11)],
                       "2026-11-18": [str(n) for n in range(1, 7)]}
    assert [b.name for b in archive.bodies] == ["Eksempeludvalget for Arbejdsmarked",
                                                "Integrationsrådet"]


# Smaller cases, written to a temporary folder


def test_a_meeting_file_may_end_in_yaml(tmp_path: Path) -> None:
    root = write(tmp_path, {"raadet/body.yml": "name: R\n",
                            "raadet/2025-11-26.yaml": f"date: 2025-11-26\n{ITEM}"})
    assert [m.slug for m in load_ok(root).meetings] == ["2025-11-26"]


def test_a_byte_order_mark_is_accepted(tmp_path: Path) -> None:
    root = write(tmp_path, {"raadet/body.yml": "\ufeffname: R\n",
                            "raadet/2025-11-26.yml": f"\ufeffdate: 2025-11-26\n{ITEM}"})
    assert load_ok(root).bodies[0].name == "R"


def test_windows_line_ends_are_accepted(tmp_path: Path) -> None:
    text = f"date: 2025-11-26\n{ITEM}    decision: |\n      Godkendt.\n      Enstemmigt.\n"
    root = write(tmp_path, {"raadet/body.yml": "name: R\n"})
    (root / "raadet/2025-11-26.yml").write_bytes(text.replace("\n", "\r\n").encode())
    assert load_ok(root).meetings[0].items[0].decision == "Godkendt.\nEnstemmigt."


def test_a_meeting_file_in_a_subfolder_is_not_read(tmp_path: Path) -> None:
    root = write(tmp_path, {"raadet/body.yml": "name: R\n",
                            "raadet/2025/2025-11-26.yml": f"date: 2025-11-26\n{ITEM}"})
    archive, problems = load_folder(root)
    assert archive.meetings == ()
    assert [(p.path, p.field) for p in problems] == [("raadet/2025/2025-11-26.yml", "file")]
    assert "not read" in problems[0].message


def test_other_files_are_ignored(tmp_path: Path) -> None:
    root = write(tmp_path, {"README.md": "# Møder\n", "raadet/body.yml": "name: R\n",
                            "raadet/noter.txt": "x", ".hidden/2025-11-26.yml": "x: [",
                            "raadet/2025-11-26.yml": f"date: 2025-11-26\n{ITEM}"})
    assert len(load_ok(root).meetings) == 1


def test_meetings_of_a_broken_body_are_still_read_for_problems(tmp_path: Path) -> None:
    root = write(tmp_path, {"raadet/2025-11-26.yml": f"date: 2025-11-26\n{ITEM}    decison: x\n"})
    _, problems = load_folder(root)
    assert [(p.path, p.field) for p in problems] == [("raadet/2025-11-26.yml", "punkt 1 (items[1]).decison"),
                                                     ("raadet/body.yml", "body")]


# Bugs found while writing these tests: each assertion says what is wrong.


def test_the_line_of_end_before_start_is_the_end_line(tmp_path: Path) -> None:
    root = write(tmp_path, {"raadet/body.yml": "name: R\n", "raadet/2025-11-26.yml":
                            f'date: 2025-11-26\nstart: "19:00"\nend: "17:00"\n{ITEM}'})
    _, problems = load_folder(root)
    assert [(p.field, p.line) for p in problems] == [("end", 3)], (
        f"BUG: 'end' is on line 3 but the problem names line {problems[0].line}: the line of "
        "the meeting's first key (checks._check_times gets the mapping's line)")


def test_the_line_of_a_duplicate_meeting_is_its_date_line(tmp_path: Path) -> None:
    text = f"# yaml-language-server: $schema=x.json\ndate: 2025-11-26\n{ITEM}"
    root = write(tmp_path, {"raadet/body.yml": "name: R\n", "raadet/2025-11-26.yml": text,
                            "raadet/2025-11-26-ekstra.yml": text})
    _, problems = load_folder(root)
    assert [(p.field, p.line) for p in problems] == [("date", 2)], (
        f"BUG: the duplicate meeting problem names line {problems[0].line}, a comment; 'date:' "
        "is on line 2 (Loader.check_duplicates always says line 1)")


def test_the_line_of_a_file_date_mismatch_is_the_date_line(tmp_path: Path) -> None:
    root = write(tmp_path, {"raadet/body.yml": "name: R\n", "raadet/2025-11-26.yml":
                            f"status: held\ndate: 2025-11-25\n{ITEM}"})
    _, problems = load_folder(root)
    assert [(p.field, p.line) for p in problems] == [("date", 2)], (
        f"BUG: 'date:' is on line 2 but the problem names line {problems[0].line}, the first "
        "key of the file (Loader.check_file_date uses the root mapping's line)")


def test_the_line_of_an_attachment_problem_is_the_attachment_line(tmp_path: Path) -> None:
    root = write(tmp_path, {"raadet/body.yml": "name: R\n", "raadet/2025-11-26.yml":
                            f"date: 2025-11-26\n{ITEM}    attachments:\n"
                            "      - {title: A, url: 'https://x.dk/a.pdf'}\n"
                            "      - {title: B, file: bilag/mangler.pdf}\n"
                            "      - {title: C, url: www.x.dk/c.pdf}\n"})
    _, problems = load_folder(root)
    assert [(p.field, p.line) for p in problems] == [
        ("punkt 1 (items[1]).attachments[2].file", 7),
        ("punkt 1 (items[1]).attachments[3].url", 8)], (
        f"BUG: attachment problems name the item's line ({problems[0].line}), not the "
        "attachment's (Loader.check_attachments uses item.line)")


def test_the_checks_of_a_meeting_run_even_when_its_body_is_broken(tmp_path: Path) -> None:
    root = write(tmp_path, {"raadet/2025-11-26.yml": f"date: 2025-11-26\n{ITEM}    closed: true\n"
                            "    sections: {Sagsfremstilling: fortroligt}\n"})
    _, problems = load_folder(root)
    fields = [p.field for p in problems]
    assert "punkt 1 (items[1]).sections" in fields, (
        f"BUG: with body.yml missing, only {fields} is reported; the closed item carrying "
        "sections is found only after body.yml is added (Loader.load_meeting returns before "
        "check_meeting when body is None), so not every problem shows at once")


@pytest.mark.parametrize("name", ["2025-11-26.YML", "2025-11-26.Yaml"])
def test_a_meeting_file_with_an_upper_case_suffix_is_not_silently_skipped(tmp_path: Path,
                                                                          name: str) -> None:
    root = write(tmp_path, {"raadet/body.yml": "name: R\n",
                            f"raadet/{name}": f"date: 2025-11-26\n{ITEM}"})
    archive, problems = load_folder(root)
    assert archive.meetings or problems, (
        f"BUG: raadet/{name} is neither loaded nor reported: the meeting silently disappears "
        "from the site (the suffix test in Loader.load_meetings is case-sensitive)")


def test_body_yaml_is_not_called_a_badly_named_meeting_file(tmp_path: Path) -> None:
    root = write(tmp_path, {"raadet/body.yaml": "name: R\n",
                            "raadet/2025-11-26.yml": f"date: 2025-11-26\n{ITEM}"})
    _, problems = load_folder(root)
    about_it = [p.message for p in problems if p.path == "raadet/body.yaml"]
    assert not any("named by its date" in m for m in about_it), (
        f"UNHELPFUL: body.yaml is reported as a badly named meeting file: {about_it}; meeting "
        "files may end in .yaml, so say 'rename it to body.yml' (or accept it)")


def test_two_files_with_the_same_address_are_reported(tmp_path: Path) -> None:
    root = write(tmp_path, {"raadet/body.yml": "name: R\n",
                            "raadet/2025-11-26.yml": f'date: 2025-11-26\nstart: "10:00"\n{ITEM}',
                            "raadet/2025-11-26.yaml": f'date: 2025-11-26\nstart: "17:00"\n{ITEM}'})
    archive, problems = load_folder(root)
    slugs = [m.slug for m in archive.meetings]
    assert problems or len(set(slugs)) == len(slugs), (
        f"BUG: two meetings get the same address raadet/{slugs[0]} and no problem is reported "
        "(check_duplicates compares body, date and start, not the slug)")


@pytest.mark.parametrize("kind", ["folder", "broken link"])
def test_load_never_raises_on_an_unreadable_meeting_file(tmp_path: Path, kind: str) -> None:
    root = write(tmp_path, {"raadet/body.yml": "name: R\n"})
    path = root / "raadet/2025-11-26.yml"
    if kind == "folder":
        path.mkdir()
    else:
        path.symlink_to(root / "nowhere.yml")
    try:
        _, problems = load_folder(root)
    except OSError as error:
        pytest.fail(f"BUG: load() raised {error!r} for a {kind} named like a meeting file; "
                    "Loader.read catches only UnicodeDecodeError and SyntaxProblem")
    assert [p.path for p in problems] == ["raadet/2025-11-26.yml"]


def test_a_non_utf8_file_is_reported_on_the_line_of_the_bad_byte(tmp_path: Path) -> None:
    root = write(tmp_path, {"raadet/body.yml": "name: R\n"})
    text = f"date: 2025-11-26\n{ITEM}    decision: Godkendt på mødet\n"
    (root / "raadet/2025-11-26.yml").write_bytes(text.encode("latin-1"))
    _, problems = load_folder(root)
    # date, items, number, title, decision: the bad byte is on line 5.
    assert [(p.field, p.line) for p in problems] == [("file", 5)]


def test_the_example_votes_absences_and_remarks_load_into_the_model() -> None:
    archive = load_ok(ROOT / "meetings")
    votes_meeting = next(m for m in archive.meetings if m.body.slug == "eksempeludvalget")
    third = votes_meeting.items[2]
    assert third.outcome == "godkendt" and third.absent_from_item == ("Liv Gro Jensen",)
    assert third.votes is not None and [key for key, _ in third.votes.sides] == ["for", "against",
                                                                                  "abstain"]
    assert third.votes.for_ == VoteSide(parties=("A", "V", "C", "F"), count=5)
    assert third.remarks[0].by == "Ø" and "protokol" in third.remarks[0].text
    named = votes_meeting.items[3].votes
    assert named is not None and named.against is not None and named.against.votes == 5
    assert votes_meeting.body.allowed_outcomes[-1] == "henvist til byrådet"


def test_a_problem_names_the_punkt_by_its_number_even_when_the_item_cannot_be_built(
        tmp_path: Path) -> None:
    root = write(tmp_path, {"raadet/body.yml": "name: R\n", "raadet/2025-11-26.yml":
                            "date: 2025-11-26\nitems:\n  - number: 31\n    title: A\n"
                            "  - number: \"4.01\"\n    decison: x\n  - number: [1]\n    title: C\n"})
    _, problems = load_folder(root)
    assert [p.field for p in problems] == [
        "punkt 4.01 (items[2]).title", "punkt 4.01 (items[2]).decison", "items[3].number"]
