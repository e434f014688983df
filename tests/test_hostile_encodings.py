"""Hostile and broken encodings. A byte-order mark and Windows line ends are accepted. Latin-1,
Windows-1252, UTF-16, NUL, control characters and line breaks only YAML sees are errors at the line
of the first bad byte. Characters that reorder text or hide in a name (bidirectional controls,
zero-width spaces) are errors in titles, topics, journal numbers and every other plain field, and
in comments; Markdown may keep zero-width characters but not reordering ones. A topic or journal
number typed in decomposed Unicode is the same topic or case as the composed one (NFC)."""

from __future__ import annotations

import re
import sys
import unicodedata
from pathlib import Path

import pytest

from hostile_input import assert_check_and_build_agree, build, check, write_meetings
from referat.characters import INVISIBLE
from referat.slugs import slugify

MEETING = ("date: 2025-11-26\nstart: \"17:00\"\nitems:\n  - number: 1\n    title: {title}\n"
           "    journal: {journal}\n    topics: [{topic}]\n    decision: {decision}\n")
PLAIN = {"title": "Godkendelse af dagsorden", "journal": "15.00.00-G01-2536-21",
         "topic": "Trafik", "decision": "Godkendt"}
RLO, ZWSP, ZWJ = "\u202e", "\u200b", "\u200d"


def meeting(**changed: str) -> str:
    return MEETING.format(**{**PLAIN, **changed})


def encoded(text: str, encoding: str) -> bytes:
    return text.encode(encoding)


BAD_BYTES = {
    # file: (bytes, line, start of the message)
    "latin1": (encoded(meeting(title="Godkendelse af dagsorden for rådet"), "latin-1"), 5,
               "not UTF-8 text (invalid continuation byte"),
    "cp1252": (encoded(meeting(decision="“Godkendt”"), "cp1252"), 8,
               "not UTF-8 text (invalid start byte"),
    "utf16le": (encoded("\ufeff" + meeting(), "utf-16-le"), 1, "the file is UTF-16 text"),
    "utf16be": (encoded("\ufeff" + meeting(), "utf-16-be"), 1, "the file is UTF-16 text"),
    "utf16-no-bom": (encoded(meeting(), "utf-16-le"), 1, "a NUL byte at byte 1"),
    "nul": (meeting(title="Godkendelse\x00 af dagsorden").encode(), 5, "a NUL byte at byte"),
    "bell": (meeting(decision="Godkendt\x07").encode(), 8, "control character 0x07"),
    "escape": (meeting(journal="15.00.00-G01\x1b[31m-2536-21").encode(), 6, "control character 0x1b"),
    "delete": (meeting(topic="Trafik\x7f").encode(), 7, "control character 0x7f"),
    "c1": (meeting(title="Godkendelse\x9b af dagsorden").encode(), 5, "control character 0x9b"),
    "nel": (meeting(title="Godkendelse\x85 af dagsorden").encode(), 5, "U+0085 (NEXT LINE) is a line break"),
    "line-separator": (meeting(decision="Godkendt\u2028og sendt videre").encode(), 8,
                       "U+2028 (LINE SEPARATOR) is a line break only YAML sees"),
}
INVISIBLE_TEXT = {
    # file: (meeting text, [(line, field, start of the message)])
    "rlo-title": (meeting(title=f"Godkendt{RLO}tkendtgod ikke"), [
        (5, "punkt 1 (items[1]).title", "the character U+202E (RIGHT-TO-LEFT OVERRIDE) reorders the text")]),
    "zwsp-journal": (meeting(journal=f"15.00.00-G01-2536{ZWSP}-21"), [
        (6, "punkt 1 (items[1]).journal", "the character U+200B (ZERO WIDTH SPACE) is invisible")]),
    "zwj-topic": (meeting(topic=f"Tra{ZWJ}fik"), [
        (7, "punkt 1 (items[1]).topics[1]", "the character U+200D (ZERO WIDTH JOINER) is invisible")]),
    "soft-hyphen-title": (meeting(title="Godkendelse af dags\u00adorden"), [
        (5, "punkt 1 (items[1]).title", "the character U+00AD (SOFT HYPHEN) is invisible")]),
    "rli-decision": (meeting(decision="Godkendt \u2067ikke\u2069"), [
        (8, "punkt 1 (items[1]).decision", "the character U+2067 (RIGHT-TO-LEFT ISOLATE) reorders"),
        (8, "punkt 1 (items[1]).decision", "the character U+2069 (POP DIRECTIONAL ISOLATE) reorders")]),
    "rlo-comment": (f"# Godkendt {RLO}ikke\n" + meeting(), [
        (1, "file", "the character U+202E (RIGHT-TO-LEFT OVERRIDE) reorders")]),
    "body-name": (meeting(), [(1, "name", "the character U+200B (ZERO WIDTH SPACE) is invisible")]),
}


@pytest.fixture(scope="module")
def reported(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, list[str]]:
    root = tmp_path_factory.mktemp("encodings")
    files: dict[str, str | bytes] = {f"{name}/2025-11-26.yml": data
                                     for name, (data, _, _) in BAD_BYTES.items()}
    files |= {f"{name}/2025-11-26.yml": text for name, (text, _) in INVISIBLE_TEXT.items()}
    files["body-name/body.yml"] = f"name: Råd{ZWSP}et\n"
    meetings = write_meetings(root, files)
    return meetings, assert_check_and_build_agree(meetings, root / "site")


def of(reported: tuple[Path, list[str]], name: str, file: str = "2025-11-26.yml") -> list[str]:
    meetings, problems = reported
    return [p for p in problems if p.startswith(f"{meetings / name / file}:")]


@pytest.mark.parametrize("name", sorted(BAD_BYTES))
def test_bad_bytes_are_an_error_at_the_line_of_the_first(reported: tuple[Path, list[str]],
                                                          name: str) -> None:
    _, line, start = BAD_BYTES[name]
    [problem] = of(reported, name)
    assert problem.split(": ", 1)[0].endswith(f":{line}"), problem
    assert start in problem and ("save" in problem or "delete it" in problem or "replace" in problem)


@pytest.mark.parametrize("name", sorted(INVISIBLE_TEXT))
def test_invisible_characters_are_errors_in_names_and_comments(reported: tuple[Path, list[str]],
                                                               name: str) -> None:
    file = "body.yml" if name == "body-name" else "2025-11-26.yml"
    # A name with a hidden character may also clash with the plain one's address: reported apart.
    found = [p for p in of(reported, name, file) if "gets the same address" not in p]
    expected = INVISIBLE_TEXT[name][1]
    assert len(found) == len(expected), found
    for problem, (line, field, start) in zip(found, expected, strict=True):
        assert f":{line}: {field}: {start}" in problem and problem.endswith("delete it (it often "
                                                                            "comes along when copying)")


def test_the_list_of_invisible_characters_holds_every_format_character() -> None:
    """Every character Unicode calls a format character (Cf) is found; the list may also hold
    some that this Python's Unicode database does not know yet."""
    every = [chr(c) for c in range(sys.maxunicode + 1)]
    formats = {c for c in every if unicodedata.category(c) == "Cf"}
    listed = {c for c in every if INVISIBLE.fullmatch(c)}
    assert formats <= listed
    assert {unicodedata.category(c) for c in listed - formats} <= {"Cn"}


def test_markdown_keeps_zero_width_characters_and_soft_hyphens(tmp_path: Path) -> None:
    """Text copied from a PDF has them; in Markdown they make no address."""
    text = meeting() + f"    sections:\n      Sagsfremstilling: |\n        Bud\u00adget{ZWSP} og{ZWJ} mere\n"
    ran = check(write_meetings(tmp_path, {"raad/2025-11-26.yml": text}))
    assert ran.code == 0, ran.output


def test_a_reordering_character_in_markdown_is_an_error(tmp_path: Path) -> None:
    text = meeting() + ("    sections:\n      Sagsfremstilling: |\n        Første linje\n"
                        f"        Ikke {RLO}godkendt\n")
    meetings = write_meetings(tmp_path, {"raad/2025-11-26.yml": text})
    ran = check(meetings)
    assert ran.code == 1
    assert ran.problems(meetings) == [
        f"{meetings}/raad/2025-11-26.yml:12: punkt 1 (items[1]).sections.Sagsfremstilling: the character "
        "U+202E (RIGHT-TO-LEFT OVERRIDE) reorders the text around it, so it can show something "
        "other than what it says; delete it (it often comes along when copying)"]


def test_many_invisible_characters_are_reported_up_to_a_limit(tmp_path: Path) -> None:
    meetings = write_meetings(tmp_path, {"raad/2025-11-26.yml": meeting(title=ZWSP.join("x" * 5000))})
    ran = check(meetings)
    invisible = [p for p in ran.problems(meetings) if "is invisible" in p]
    assert ran.code == 1 and len(invisible) == 20  # (the title's length is a problem of its own)


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A site from files with a byte-order mark, Windows line ends, and one topic and one journal
    number written composed in one file and decomposed in another."""
    root = tmp_path_factory.mktemp("nfc")
    composed = {"topic": "Miljø og Åkande", "journal": "IU Å-30/2004"}
    decomposed = {key: unicodedata.normalize("NFD", value) for key, value in composed.items()}
    assert decomposed != composed
    files: dict[str, str | bytes] = {
        "raad/2025-11-26.yml": "\ufeff" + meeting(**composed).replace("\n", "\r\n"),
        "raad/2025-12-03.yml": meeting(**decomposed).replace("2025-11-26", "2025-12-03"),
    }
    meetings = write_meetings(root, files)
    assert check(meetings).code == 0
    ran = build(meetings, root / "site", bounded=False)
    assert ran.code == 0, ran.output[-3000:]
    return root / "site"


def test_a_bom_and_windows_line_ends_build(built: Path) -> None:
    page = (built / "raad" / "2025-11-26" / "punkt-1" / "index.html").read_text(encoding="utf-8")
    assert "Godkendelse af dagsorden" in page and "\r" not in page.split("<article")[1]


def test_decomposed_and_composed_names_are_one_topic_and_one_case(built: Path) -> None:
    topics = sorted(p.name for p in (built / "emne").iterdir() if p.name != "index.html")
    cases = sorted(p.name for p in (built / "sag").iterdir() if p.name != "index.html")
    assert topics == [slugify("Miljø og Åkande")] == ["miljoe-og-aakande"]
    assert cases == [slugify("IU Å-30/2004")]
    case = (built / "sag" / cases[0] / "index.html").read_text(encoding="utf-8")
    assert re.search(r"<dt>Behandlet</dt>\s*<dd>2 gange</dd>", case), "the case's two treatments are one case"
    assert unicodedata.normalize("NFC", "IU Å-30/2004") in case
