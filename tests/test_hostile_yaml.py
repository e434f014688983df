"""Hostile YAML: aliases that expand or refer to themselves, deep nesting, tags, merge keys and keys
that are not text. Each is an error at its line, found in bounded time and memory (the commands run
as processes limited to 1 GB and a minute), and `referat check` and `mkdocs build` agree."""

from __future__ import annotations

from pathlib import Path

import pytest

from hostile_input import assert_check_and_build_agree, check, write_meetings
from referat.yamlnodes import MAX_DEPTH, SyntaxProblem, parse

HEAD = "date: 2025-11-26\nitems:\n  - number: 1\n    title: Godkendelse af dagsorden\n"
ALIAS = "an alias (*{}) repeats a value given elsewhere"


def laughs(levels: int = 9) -> str:
    """The billion laughs: each line repeats the one above nine times, 9**levels in all."""
    lines = ['l0: &l0 "lol"']
    lines += [f"l{i}: &l{i} [{', '.join([f'*l{i - 1}'] * 9)}]" for i in range(1, levels + 1)]
    return "\n".join(lines) + "\n"


def laugh_lines(first: int) -> list[tuple[int, str]]:
    """Where laughs() written from line `first` on has its aliases: every line after the first."""
    return [(first + i, ALIAS.format(f"l{i - 1}")) for i in range(1, 10)]


HOSTILE = {
    # file name: (text, [(line, start of the message), ...])
    "laughs/2025-11-26.yml": (HEAD + "    topics: *l9\n" + laughs(),
                              [(5, ALIAS.format("l9")), *laugh_lines(6)]),
    "self/2025-11-26.yml": (HEAD + "    topics: &t [*t, Trafik]\n", [(5, ALIAS.format("t"))]),
    "self-item/2025-11-26.yml": ("date: 2025-11-26\nitems: &all\n  - number: 1\n    title: T\n"
                                 "    attachments: *all\n", [(5, ALIAS.format("all"))]),
    "deep-flow/2025-11-26.yml": (HEAD + "    topics: " + "[" * 1_000_000 + "]" * 1_000_000 + "\n",
                                 [(5, f"nested more than {MAX_DEPTH} levels deep")]),
    "deep-block/2025-11-26.yml": (HEAD + "    sections:\n" + "".join(
        " " * (6 + 2 * i) + f"n{i}:\n" for i in range(5000)),
        [(3 + MAX_DEPTH, f"nested more than {MAX_DEPTH} levels deep")]),
    "deep-list/2025-11-26.yml": (HEAD + "    topics:\n" + "      " + "- " * 100_000 + "x\n",
                                 [(6, f"nested more than {MAX_DEPTH} levels deep")]),
    "tags/2025-11-26.yml": (HEAD + "    decision: !!python/object/apply:os.system ['echo ejet']\n"
                            "    sections: !!omap\n      - Indstilling: x\n"
                            "  - !punkt {number: 2, title: !!binary aGVq}\n",
                            [(5, "the tag '!!python/object/apply:os.system' is not allowed"),
                             (6, "the tag '!!omap' is not allowed"),
                             (8, "the tag '!!binary' is not allowed"),
                             (8, "the tag '!punkt' is not allowed")]),
    "merge/2025-11-26.yml": ("date: 2025-11-26\nitems:\n  - number: 1\n    title: T\n"
                             "    <<: {decision: Godkendt}\n", [(5, "a merge key ('<<')")]),
    "keys/2025-11-26.yml": (HEAD + "    ? [title, decision]\n    : x\n    {a: b}: c\n    null: d\n",
                            [(5, "a key must be plain text, found a list"),
                             (7, "a key must be plain text, found a mapping"),
                             (8, "a key is empty")]),
    "body-deep/body.yml": ("name: " + "{a: " * 100_000 + "\n", [(1, "nested more than")]),
    "body-laughs/body.yml": ("name: *l9\n" + laughs(), [(1, ALIAS.format("l9")), *laugh_lines(2)]),
}


@pytest.fixture(scope="module")
def reported(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, list[str]]:
    """Every hostile file in one meetings folder; check and build run on it once."""
    root = tmp_path_factory.mktemp("yaml")
    files: dict[str, str | bytes] = {name: text for name, (text, _) in HOSTILE.items()}
    files |= {f"{name.split('/')[0]}/2025-11-26.yml": HEAD for name in HOSTILE
              if name.endswith("body.yml")}
    meetings = write_meetings(root, files)
    return meetings, assert_check_and_build_agree(meetings, root / "site")


@pytest.mark.parametrize("name", sorted(HOSTILE))
def test_each_hostile_file_is_an_error_at_its_lines(reported: tuple[Path, list[str]],
                                                    name: str) -> None:
    meetings, problems = reported
    mine = [p for p in problems if p.startswith(f"{meetings / name}:")]
    expected = HOSTILE[name][1]
    assert len(mine) == len(expected), mine
    for problem, (line, start) in zip(mine, expected, strict=True):
        assert problem.startswith(f"{meetings / name}:{line}: "), (problem, line)
        assert start in problem, (problem, start)
        assert len(problem) < 400, problem[:400]


def test_a_problem_line_says_how_to_fix_it(reported: tuple[Path, list[str]]) -> None:
    _, problems = reported
    fixes = ("write the value out", "check the brackets", "remove the tag", "write the keys out",
             "write 'key: value'")
    assert all(any(fix in p for fix in fixes) for p in problems), problems


def test_every_alias_is_refused_even_a_harmless_one(tmp_path: Path) -> None:
    meetings = write_meetings(tmp_path, {"raad/2025-11-26.yml": HEAD.replace(
        "title: Godkendelse af dagsorden", "title: &t Godkendelse af dagsorden") +
        "  - number: 2\n    title: *t\n"})
    ran = check(meetings)
    assert ran.code == 1 and f"2025-11-26.yml:6: yaml: {ALIAS.format('t')}" in ran.stdout


def test_an_anchor_alone_is_harmless_and_read(tmp_path: Path) -> None:
    meetings = write_meetings(tmp_path, {"raad/2025-11-26.yml": HEAD.replace(
        "title: Godkendelse", "title: &t Godkendelse")})
    ran = check(meetings)
    assert ran.code == 0, ran.output


def test_many_aliases_are_listed_up_to_a_limit_then_counted(tmp_path: Path) -> None:
    text = HEAD + "    topics: &t [x]\n" + "".join(f"  - {{number: {i}, title: *t}}\n"
                                                    for i in range(2, 1002))
    meetings = write_meetings(tmp_path, {"raad/2025-11-26.yml": text})
    ran = check(meetings)
    lines = ran.problems(meetings)
    assert ran.code == 1 and len(lines) == 51, lines[-3:]
    assert lines[-1].endswith("and 950 more aliases, tags or merge keys below; they are refused "
                              "as those above")


@pytest.mark.parametrize("text", ["a: [1, {b: c}]\n", "a: &x 1\n", "a: |\n  tekst: med kolon\n",
                                  "a: '!!python/object'\n", "a: '<<'\n", "'<<': x\n"])
def test_ordinary_yaml_still_parses(text: str) -> None:
    assert parse(text) is not None


def test_the_nesting_limit_leaves_room_for_a_meeting_file() -> None:
    nested = "a: " + "[" * (MAX_DEPTH - 1) + "]" * (MAX_DEPTH - 1)  # the mapping is a level
    assert parse(nested) is not None
    with pytest.raises(SyntaxProblem):
        parse("a: " + "[" * MAX_DEPTH + "]" * MAX_DEPTH)
