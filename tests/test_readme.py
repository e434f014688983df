"""The README's reference of the `referat` command is what the commands say about themselves.

The part between the cog markers in README.md is written by `cog -r README.md` (`make
generated`) from the click definitions; these tests fail while it is stale or misses a command
or an option.
"""

from __future__ import annotations

import copy
import difflib
import subprocess
import sys
from pathlib import Path

import click

from conftest import ROOT
from referat.cli import main
from referat.clidoc import commands, help_parts, reference

README = ROOT / "README.md"
COG = Path(sys.executable).parent / "cog"
STALE = "README.md's commands are stale: run `make generated` (or `.venv/bin/cog -r README.md`)"


def generated_part() -> str:
    text = README.read_text(encoding="utf-8")
    start = text.index("]]] -->\n", text.index("<!-- [[[cog")) + len("]]] -->\n")
    return text[start:text.index("<!-- [[[end]]] -->", start)]


def test_the_readme_says_what_the_commands_say() -> None:
    committed, current = generated_part(), reference(main)
    diff = "".join(difflib.unified_diff(committed.splitlines(True), current.splitlines(True),
                                        "README.md", "referat --help", n=1))
    assert committed == current, f"{STALE}\n{diff}"


def test_cog_finds_the_readme_current() -> None:
    assert COG.is_file(), f"{COG} is missing: `make .venv/.installed` installs the test extra"
    result = subprocess.run([str(COG), "--check", "--check-fail-msg", STALE, "README.md"],
                            cwd=ROOT, capture_output=True, text=True, check=False)
    assert result.returncode == 0, result.stdout + result.stderr


def row_command(row: str) -> str:
    """The command a table row is about: the lower-case words that begin its usage."""
    usage = row.split("`")[1].split()
    return " ".join(word for word in usage if word.islower() and not word.startswith("["))


def table_row(name: str) -> str:
    lines = [line for line in generated_part().splitlines() if line.startswith("| `")]
    rows = [line for line in lines if row_command(line) == name]
    assert len(rows) == 1, f"README.md's table has {len(rows)} rows for `{name}`"
    return rows[0]


def test_every_command_and_option_is_in_the_table() -> None:
    context = click.Context(main)
    for name, command in [("referat", main), *commands(main)]:
        row = table_row(name)
        for param in command.get_params(context):
            for flag in param.opts if isinstance(param, click.Option) else []:
                assert flag == "--help" or f"{flag}" in row, f"`{name} {flag}` is not in README.md"
            if isinstance(param, click.Option) and param.help and "--help" not in param.opts:
                assert " ".join(param.help.split()) in row, f"`{name} {param.opts[0]}`'s help"


def test_every_command_has_help_and_an_example() -> None:
    for name, command in commands(main):
        paragraphs, examples = help_parts(command)
        assert paragraphs, f"`{name}` has no help text"
        assert examples and all(e.startswith(name) for e in examples), \
            f"`{name}`'s docstring needs an 'Example: {name} ...' line"


def with_an_option(group: click.Group, name: str, option: click.Option) -> click.Group:
    """A copy of the group whose command `name` takes one more option."""
    command = copy.copy(group.commands[name])
    command.params = [*command.params, option]
    return click.Group(group.name, commands={**group.commands, name: command}, help=group.help,
                       params=group.params)


def test_a_new_option_makes_the_readme_stale() -> None:
    grown = with_an_option(main, "check", click.Option(["--quiet"], is_flag=True,
                                                         help="Print nothing but the problems."))
    changed = reference(grown)
    assert changed != generated_part()
    assert "`--quiet`: Print nothing but the problems." in changed
    assert "--quiet" not in generated_part()
