"""The importer facing damaged and hostile sources (tests/hostile_pdfs.py makes them): each gives
a draft, or one line naming the file, what is wrong and what to do; never a traceback, and never
past the time and memory the guard (referat/importer/guard.py) allows. An import of a folder goes
on past a bad file and lists it."""

from __future__ import annotations

import os
import signal
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
import yaml

from hostile_input import run
from hostile_pdfs import CASES, MINUTES, Case, minutes_pdf
from referat.importer import guard
from referat.importer.assemble import import_source
from referat.importer.lines import Line
from referat.importer.sources import SourceError

REFERAT = str(Path(sys.executable).parent / "referat")
FAST = [case for case in CASES if not case.slow]
SLOW = [case for case in CASES if case.slow]


def outcome(case: Case, source: Path) -> str:
    """'draft', or the one line of the error, checked to name the file and say what to do."""
    try:
        import_source(source)
    except SourceError as error:
        message = str(error)
        assert "\n" not in message and message.startswith(f"{source}: "), message
        assert "; " in message, f"the message says no fix: {message}"
        return message
    return "draft"


def assert_expected(case: Case, found: str) -> None:
    assert any(found == "draft" if want == "draft" else want in found for want in case.outcomes), (
        f"{case.name}: {found}")


@pytest.mark.parametrize("case", FAST, ids=[case.name for case in FAST])
def test_a_hostile_source_gives_a_draft_or_one_line(tmp_path: Path, case: Case) -> None:
    source = case.write(tmp_path)
    assert_expected(case, outcome(case, source))


@pytest.mark.slow
@pytest.mark.parametrize("case", SLOW, ids=[case.name for case in SLOW])
def test_a_heavy_hostile_source_gives_a_draft_or_one_line_in_time(tmp_path: Path, case: Case) -> None:
    source = case.write(tmp_path)
    assert_expected(case, outcome(case, source))


@pytest.mark.parametrize("algorithm", ["AES-256", pytest.param("AES-128", marks=pytest.mark.slow),
                                       pytest.param("RC4-128", marks=pytest.mark.slow)])
def test_an_encrypted_pdf_anyone_may_open_imports_as_its_plain_copy(tmp_path: Path, algorithm: str) -> None:
    from hostile_pdfs import encrypted

    locked = encrypted(tmp_path, "laast.pdf", "", algorithm)
    plain = minutes_pdf(tmp_path, "aaben.pdf")
    assert import_source(locked).meeting == import_source(plain).meeting
    titles = [item["title"] for item in import_source(locked).meeting["items"]]
    assert titles == [line.split(": ", 1)[1] for line in MINUTES if line.startswith("Punkt")]


@pytest.mark.slow
def test_the_command_goes_on_past_bad_files_and_lists_each(tmp_path: Path) -> None:
    folder = tmp_path / "eksport"
    folder.mkdir()
    good = minutes_pdf(folder, "godt.pdf")
    bad = [case.write(folder) for case in FAST if "draft" not in case.outcomes]
    meetings = tmp_path / "meetings"
    ran = run([REFERAT, "import", "--all", str(folder), "--meetings", str(meetings)], cwd=tmp_path)
    assert ran.code == 1 and "Traceback" not in ran.output, ran.output[-3000:]
    progress = [line for line in ran.stderr.splitlines() if line.startswith("[")]
    for source in bad:
        [line] = [line for line in progress if line.split("] ", 1)[1].startswith(f"{source.name}: ")]
        assert f"{source.name}: error: {source}: " in line, line
    [imported] = [line for line in progress if f"{good.name}: " in line]
    assert "error" not in imported and (meetings / "integrationsraadet" / "2025-11-26.yml").is_file()
    assert f"imported 1 of {len(bad) + 1} sources" in ran.stderr


@pytest.mark.slow
def test_the_command_prints_one_line_for_a_bad_file(tmp_path: Path) -> None:
    source = next(case for case in CASES if case.name == "password-protected PDF").write(tmp_path)
    ran = run([REFERAT, "import", str(source)], cwd=tmp_path)
    assert ran.code == 1 and ran.stdout == ""
    assert ran.stderr.strip().splitlines() == [ran.stderr.strip()], ran.stderr[-3000:]
    assert ran.stderr.startswith(f"error: {source}: is protected by a password; open it with")


@pytest.mark.slow
def test_a_good_pdf_imported_by_the_command_gives_its_draft(tmp_path: Path) -> None:
    source = minutes_pdf(tmp_path)
    ran = run([REFERAT, "import", str(source)], cwd=tmp_path)
    assert ran.code == 0, ran.stderr
    assert [item["title"] for item in yaml.safe_load(ran.stdout)["items"]] == ["Godkendelse af dagsorden",
                                                                               "Budget 2026"]


# ---------------------------------------------------------------- the guard's child process
def in_guard(tmp_path: Path, work: Callable[[Path], Any]) -> str:
    source = tmp_path / "referat.txt"
    source.write_text("Punkt 1: Budget\n", encoding="utf-8")
    try:
        return repr(guard.bounded(source, work))
    except SourceError as error:
        assert str(error).startswith(f"{source}: ") and "\n" not in str(error)
        return str(error)


def needs_memory(_: Path) -> int:
    return len(bytearray(2 << 30))  # 2 GiB


def recurses(path: Path, depth: int = 0) -> int:
    return recurses(path, depth + 1)


def crashes(_: Path) -> None:
    os.kill(os.getpid(), signal.SIGSEGV)


def runs_forever(_: Path) -> None:
    time.sleep(3600)  # waits rather than computes, so the test costs no processor time


def has_a_bug(_: Path) -> None:
    raise IndexError("list index out of range")


@pytest.mark.parametrize("work, expected", [
    (needs_memory, "reading it needs more than 1,024 MB of memory"),
    (recurses, "is nested too deeply to read"),
    (crashes, "the reader stopped on it (SIGSEGV)"),
    (has_a_bug, "could not be imported (IndexError: list index out of range)"),
    (lambda path: [Line(path.read_text(encoding="utf-8").strip(), 1)], "[Line(text='Punkt 1: Budget'"),
])
def test_whatever_the_work_does_the_guard_gives_its_result_or_one_line(
        tmp_path: Path, capfd: pytest.CaptureFixture[str], work: Callable[[Path], Any],
        expected: str) -> None:
    assert expected in in_guard(tmp_path, work)
    assert capfd.readouterr().err == ""  # the child prints nothing of its own


def test_work_past_the_time_limit_is_stopped(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(guard, "IMPORT_SECONDS", 1)
    assert "importing it took more than 1 s" in in_guard(tmp_path, runs_forever)


# ---------------------------------------------------------------- a file looked at before it is read
@pytest.mark.parametrize("name, content, expected", [
    ("a.txt", "\ufeffPunkt 1".encode("utf-16"), "is UTF-16 text, not text; save it as UTF-8"),
    ("a.md", b"\x89PNG\r\n\x1a\n", "is a PNG image, not text; run OCR on it"),
    ("a.txt", b"<!DOCTYPE html><html>", "is an HTML page, not text; rename it to .html"),
    ("a.txt", b"{\\rtf1\\ansi Referat}", "is an RTF document, not text; open it and save it as PDF"),
    ("a.pdf", b"Referat\nPunkt 1: Budget\n", "is not a PDF but a text file; rename it to .txt"),
    ("a.pdf", b"\x00\x01\x02\x03", "is not a PDF but a binary file"),
    ("a.pdf", b"\xff\xd8\xff\xe0 JFIF", "is not a PDF but a JPEG image; run OCR on it"),
    ("a.pdf", b"%PDF-1.7\n1 0 obj\n<<>>\nendobj\n", "is cut off"),
])
def test_a_file_that_is_not_what_its_name_says_is_named_for_what_it_is(
        tmp_path: Path, name: str, content: bytes, expected: str) -> None:
    source = tmp_path / name
    source.write_bytes(content)
    with pytest.raises(SourceError) as raised:
        guard.look_at(source)
    assert str(raised.value).startswith(f"{source}: {expected}")


@pytest.mark.parametrize("name, content", [
    ("a.html", b"Referat\n\nPunkt 1: Budget\n"),  # plain text named .html is still readable
    ("a.pdf", b"junk before%PDF-1.7\n%%EOF\n"),  # the standard allows junk before the header
    ("a.txt", "Mødedato 26.11.2025".encode("cp1252")),  # Windows-1252, as Danish systems export
    ("a.docx", b"PK\x03\x04 a Word document is a ZIP archive"),
    ("a.rtf", b"{\\rtf1 an importer for other kinds decides for itself}"),
])
def test_a_file_that_is_what_its_name_says_is_read(tmp_path: Path, name: str, content: bytes) -> None:
    source = tmp_path / name
    source.write_bytes(content)
    guard.look_at(source)


def test_a_word_document_that_is_a_pdf_is_named_for_what_it_is(tmp_path: Path,
                                                               monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(guard, "SUFFIXES", (*guard.SUFFIXES, ".docx"))  # as with a Word reader
    source = tmp_path / "a.docx"
    source.write_bytes(b"%PDF-1.7\n%%EOF\n")
    with pytest.raises(SourceError, match=r"a.docx: is not a .docx document but a PDF; rename it"):
        guard.look_at(source)


def test_a_text_file_larger_than_any_meeting_is_refused_before_it_is_read(tmp_path: Path) -> None:
    source = tmp_path / "aar.txt"
    with source.open("wb") as out:
        out.write(b"Referat\n" * 200)  # text in the first bytes, where the kind is read
        out.truncate(guard.MAX_TEXT_BYTES + 1)  # sparse: no disk is used
    with pytest.raises(SourceError, match="is 50 MB, far more than the text of one meeting"):
        guard.look_at(source)


def test_a_folder_named_like_a_source_is_one_line(tmp_path: Path) -> None:
    source = tmp_path / "referat.txt"
    source.mkdir()
    with pytest.raises(SourceError, match=r"referat.txt: cannot be read \("):
        guard.look_at(source)
