"""Hostile Markdown: text that would make Python-Markdown recurse or backtrack.

Each shape is written into a section of a real meeting file: `referat check` (the loader) reports it
at the line inside the block text that holds it, and the build stops with that same line. Shapes
that render in bounded time at any size the check allows (backtick floods, long lines, the largest
bracket and entity floods that pass) build with MkDocs. A RecursionError that got past the check
(here made possible by lifting the limits in the build's process) stops the build with one line
naming the page, never a traceback. bench/markdown_limits.py prints the times.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import markdown
import pytest

from referat import markdown_limits
from referat.loader import load
from referat.safe_markdown import SafeMarkdown, TooDeep
from sites import ROOT, mkdocs_build

HEAD = """date: 2025-11-26
start: "17:00"
location: Rådhuset
status: held
items:
  - number: 1
    title: {title}
    sections:
      Sagsfremstilling: |
        Første linje er harmløs.

"""
TAIL = """
    decision: Godkendt
"""
TEXT_LINE = HEAD.count("\n") + 1  # the file line of the block text's first hostile line

# Each shape: too deep or too heavy for the limits. The check must name its line: the first for
# these, the first line past the limit for the multi-line nestings.
DEEPER_LINE = {"deep indented list": 20, "deep quote lines": 20, "deep admonitions": 20}
REJECTED = {
    "deep list": "- " * 30 + "x",
    "deep indented list": "\n".join("    " * i + "- x" for i in range(30)),
    "deep ordered list": "1. " * 30 + "x",
    "deep quote": "> " * 30 + "x",
    "deep quote lines": "\n".join("> " * i + "x" for i in range(1, 31)),
    "deep admonitions": "\n".join("    " * i + "!!! note" for i in range(25)) + "\n" + "    " * 25 + "x",
    "nested emphasis": "*a " * 30 + "x" + " a*" * 30,
    "nested strong emphasis": "***a " * 30 + "x" + " a***" * 30,
    "nested underscores": "_a " * 30 + "x" + " a_" * 30,
    "nested links": "[" * 30 + "x" + "](y)" * 30,
    "bracket flood": "[" * 5000,
    "image flood": "![" * 5000,
    "open links": "[x](" * 5000,
    "emphasis flood": "*a* " * 10000,
    "entity flood": "&amp; " * 10000,
    "escape flood": "\\* " * 10000,
    "code span flood": "`a` " * 10000,
}
# Heavy but bounded: they pass the check and must build.
ACCEPTED = {
    "backtick flood": "`" * 50_000,
    "long line": "Byrådet godkendte indstillingen med bemærkninger. " * 1500,
    "bracket flood at the limit": "[" * 600,
    "entities at the limit": "&amp; " * 4000,
    "list at the limit": "- " * markdown_limits.MAX_DEPTH + "x",
    "emphasis at the limit": "*a " * markdown_limits.MAX_INLINE_DEPTH + "x" + " a*" * 20,
    "many short links": "\n\n".join("[bilag](https://example.dk/bilag.pdf)" for _ in range(2000)),
}


def meeting_file(text: str, title: str = "Test") -> str:
    indented = "\n".join("        " + line if line else "" for line in text.split("\n"))
    return HEAD.format(title=title) + indented + "\n" + TAIL


def write_site(root: Path, texts: dict[str, str], title: str = "Test") -> Path:
    meetings = root / "meetings"
    for i, text in enumerate(texts.values()):
        folder = meetings / f"organ-{i:02d}"
        folder.mkdir(parents=True)
        (folder / "body.yml").write_text(f"name: Organ {i}\n", encoding="utf-8")
        (folder / "2025-11-26.yml").write_text(meeting_file(text, title), encoding="utf-8")
    return meetings


@pytest.mark.parametrize("name", REJECTED)
def test_check_names_the_line_of_hostile_markdown(tmp_path: Path, name: str) -> None:
    _, problems = load(write_site(tmp_path, {name: REJECTED[name]}))
    assert [(p.line, p.field, p.level) for p in problems] == [
        (TEXT_LINE + DEEPER_LINE.get(name, 0), "punkt 1 (items[1]).sections.Sagsfremstilling",
         "error")], problems
    assert "at most" in problems[0].message or "split the paragraph" in problems[0].message


# "many short links" costs 0.5 s of CPU: `make test` runs it, `make check` does not.
@pytest.mark.parametrize("name", [pytest.param(name, marks=pytest.mark.slow) if name == "many short links"
                                  else name for name in ACCEPTED])
def test_heavy_but_bounded_markdown_passes_the_check(tmp_path: Path, name: str) -> None:
    _, problems = load(write_site(tmp_path, {name: ACCEPTED[name]}))
    assert problems == []


def test_the_line_inside_a_long_text_is_named(tmp_path: Path) -> None:
    text = "\n\n".join(f"Afsnit {i}." for i in range(40)) + "\n\n" + "> " * 30 + "x"
    _, problems = load(write_site(tmp_path, {"late": text}))
    assert [p.line for p in problems] == [TEXT_LINE + 80]


def test_a_megabyte_text_is_refused_at_its_field(tmp_path: Path) -> None:
    _, problems = load(write_site(tmp_path, {"huge": "[" * 1_000_000}))
    # Reported at the field (its key line), where the whole text is refused.
    assert [(p.line, p.field) for p in problems] == [
        (TEXT_LINE - 3, "punkt 1 (items[1]).sections.Sagsfremstilling")]
    assert "1,000,027 characters" in problems[0].message  # the text with its first line


def test_a_long_plain_title_is_refused(tmp_path: Path) -> None:
    _, problems = load(write_site(tmp_path, {"ok": "Tekst."}, title="'" + "*" * 5000 + "'"))
    assert [(p.line, p.field) for p in problems] == [(7, "punkt 1 (items[1]).title")]
    assert "5,000 characters" in problems[0].message


def test_check_and_build_agree_on_a_deep_list(tmp_path: Path) -> None:
    """The build stops before it renders, with the line `referat check` prints, and no traceback."""
    meetings = write_site(tmp_path, {"deep": REJECTED["deep list"]})
    checked = subprocess.run([str(Path(sys.executable).parent / "referat"), "check", str(meetings)],
                             capture_output=True, text=True, check=False)
    built = mkdocs_build(tmp_path / "site", meetings)
    assert checked.returncode == 1 and built.returncode == 1
    line = checked.stdout.strip()
    assert f".yml:{TEXT_LINE}: punkt 1 (items[1]).sections.Sagsfremstilling: nests 30 levels" in line
    assert line.split("meetings/", 1)[1] in built.stderr
    assert "Traceback" not in built.stderr + checked.stderr


def test_heavy_texts_that_pass_build_with_mkdocs(tmp_path: Path) -> None:
    result = mkdocs_build(tmp_path / "site", write_site(tmp_path, ACCEPTED))
    assert result.returncode == 0, result.stderr
    pages = sorted((tmp_path / "site").glob("organ-*/2025-11-26/punkt-1/index.html"))
    assert len(pages) == len(ACCEPTED)


def test_the_renderer_turns_recursion_into_an_error_naming_the_page() -> None:
    md = markdown.Markdown(extensions=[SafeMarkdown(), "admonition", "def_list", "tables"])
    with pytest.raises(TooDeep, match="the page 'Punkt 1: Test' nests too deeply"):
        md.convert("# Punkt 1: Test\n\n" + "- " * 3000 + "x")
    assert "<li>" in md.reset().convert("- " * 10 + "x")  # and renders what it can


def test_a_build_that_meets_recursion_prints_one_line(tmp_path: Path) -> None:
    """With the check's limits lifted in the build's process, the renderer's guard still stops the
    build with one line naming the page."""
    meetings = write_site(tmp_path, {"deep": "- " * 3000 + "x"})
    lift = ("import sys, referat.markdown_limits as m; m.MAX_DEPTH = 10**9; "
            "from mkdocs.__main__ import cli; sys.argv[0] = 'mkdocs'; cli()")
    env = {"PATH": str(Path(sys.executable).parent), "NO_MKDOCS_2_WARNING": "1",
           "REFERAT_MEETINGS": str(meetings)}
    result = subprocess.run([sys.executable, "-c", lift, "build", "-f", str(ROOT / "mkdocs.yml"),
                             "-d", str(tmp_path / "site")], capture_output=True, text=True, env=env,
                            cwd=ROOT, check=False)
    assert result.returncode == 1
    assert "Traceback" not in result.stderr
    # The renderer's pool names the page that failed, on one line.
    failed = [line for line in result.stderr.splitlines() if "nests too deeply" in line]
    assert len(failed) == 1 and "punkt-1" in failed[0]
