"""The `referat` command, run through click's test runner."""

from __future__ import annotations

from pathlib import Path

from click.testing import CliRunner

from conftest import ROOT
from referat.cli import main


def run(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(main, list(args))
    return result.exit_code, result.stdout, result.stderr


def test_check_passes_on_the_example() -> None:
    code, out, err = run("check", str(ROOT / "meetings"))
    assert code == 0 and out == ""
    assert "OK: 2 bodies, 3 meetings, 22 items" in err


def test_check_lists_every_problem_and_fails(tmp_path: Path) -> None:
    folder = tmp_path / "raad"
    folder.mkdir()
    (folder / "body.yml").write_text("name: Rådet\n", encoding="utf-8")
    (folder / "2024-01-01.yml").write_text(
        "date: 2024-01-01\nitems:\n  - number: 1\n    titel: x\n", encoding="utf-8")
    code, out, err = run("check", str(tmp_path))
    lines = out.splitlines()
    assert code == 1
    assert len(lines) == 2 and all(line.startswith(str(folder / "2024-01-01.yml")) for line in lines)
    assert ":4: punkt 1 (items[1]).titel: unknown key" in lines[1]
    assert ":3: punkt 1 (items[1]).title: missing" in lines[0]
    assert "2 errors in 1 file" in err
    assert "Traceback" not in out + err


def test_check_of_a_missing_folder_says_so(tmp_path: Path) -> None:
    code, out, _ = run("check", str(tmp_path / "nowhere"))
    assert code == 1 and "folder not found" in out


def test_check_default_path_is_meetings(monkeypatch, tmp_path: Path) -> None:
    monkeypatch.chdir(tmp_path)
    code, out, _ = run("check")
    assert code == 1 and out.startswith("meetings:1: meetings: folder not found")
    (tmp_path / "meetings").mkdir()
    assert run("check")[0] == 0


def test_schema_writes_both_files(tmp_path: Path) -> None:
    code, _, err = run("schema", "-o", str(tmp_path))
    assert code == 0 and "wrote" in err
    assert sorted(p.name for p in tmp_path.iterdir()) == ["body.schema.json",
                                                          "meeting.schema.json"]


def test_format_doc_prints_the_danish_page() -> None:
    code, out, _ = run("format-doc")
    assert code == 0 and out.startswith("# Mødefilens format")
