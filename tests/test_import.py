"""The importer on the two real seeds and on the corpus of minutes under tests/fixtures/import.

Each corpus case has a source, the meeting file a person would write from it (expected.yml) and
case.yml with the body's name and the page furniture that must be left out.
"""

from __future__ import annotations

import functools
import re
from collections import Counter
from collections.abc import Iterable, Iterator
from pathlib import Path

import pytest
import yaml
from bs4 import BeautifulSoup
from click.testing import CliRunner

from importcheck import differences, words
from pdfmaker import make_pdf, to_latin1
from referat.cli import main
from referat.importer.assemble import Imported, import_source
from referat.importer.command import check_text, draft

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = Path(__file__).resolve().parent / "fixtures"
SEEDS = {
    "integrationsraadet-2025-11-26.txt": ROOT / "meetings/integrationsraadet/2025-11-26.yml",
    "integrationsraadet-2022-09-28.txt": ROOT / "meetings/integrationsraadet/2022-09-28.yml",
}
CASES = sorted(p for p in (FIXTURES / "import").iterdir() if (p / "case.yml").is_file())


# (test, case): why the importer still fails it. Strict, so a fix makes the test fail until the
# entry is removed. Empty: every case passes every test.
KNOWN_GAPS: dict[tuple[str, str], str] = {}


def corpus(test: str) -> list:
    """The corpus cases for one test; a known gap of the importer is a strict expected failure."""
    return [pytest.param(case, id=case.name, marks=[pytest.mark.xfail(strict=True, reason=why)]
                         if (why := KNOWN_GAPS.get((test, case.name))) else [])
            for case in CASES]


def source_of(case: Path) -> Path:
    return next(case.glob("source.*"))


@functools.cache
def imported_case(case: Path) -> Imported:
    """A corpus case imported once per test process: five tests read each case's result, and
    importing is most of the fast loop's time (issue 10)."""
    return import_source(source_of(case))


def read_yaml(path: Path) -> dict:
    return yaml.safe_load(path.read_text(encoding="utf-8"))


def test_the_corpus_is_there() -> None:
    assert len(CASES) >= 8, "tests/fixtures/import should hold the corpus of varied minutes"


@pytest.mark.parametrize("seed", sorted(SEEDS))
def test_seed_imports_to_its_hand_made_meeting_file(seed: str) -> None:
    imported = import_source(FIXTURES / "seeds" / seed, body="Integrationsrådet")
    expected = read_yaml(SEEDS[seed])
    expected.pop("next_meeting", None)  # written by hand from item 9's text; not the importer's job
    assert differences(imported.meeting, expected) == []


@pytest.mark.parametrize("case", corpus("test_corpus_case_imports_as_written_by_hand"))
def test_corpus_case_imports_as_written_by_hand(case: Path) -> None:
    imported = imported_case(case)
    assert differences(imported.meeting, read_yaml(case / "expected.yml")) == []


@pytest.mark.parametrize("case", corpus("test_corpus_case_finds_its_body"))
def test_corpus_case_finds_its_body(case: Path) -> None:
    assert imported_case(case).body == read_yaml(case / "case.yml")["body"]


@pytest.mark.parametrize("case", corpus("test_corpus_case_finds_its_organisation"))
def test_corpus_case_finds_its_organisation(case: Path) -> None:
    """The authority on the letterhead, in the title or running header, or the site's furniture."""
    assert imported_case(case).organisation == read_yaml(case / "case.yml").get("organisation")


@pytest.mark.parametrize("case", corpus("test_page_furniture_is_left_out_and_listed"))
def test_page_furniture_is_left_out_and_listed(case: Path) -> None:
    imported = imported_case(case)
    listed = {as_listed(d.line.text) for d in imported.dropped}
    for line in read_yaml(case / "case.yml").get("dropped") or []:
        assert as_listed(str(line)) in listed, f"{line!r} was not reported as left out"


def as_listed(text: str) -> str:
    """A line as its words read: without bold markers, a list's bullet or extra spaces."""
    return " ".join(re.sub(r"^[-*•]\s+", "", text.strip().replace("**", "")).split())


@pytest.mark.parametrize("source", [*corpus("test_no_word_of_the_content_is_lost"),
                                    *(FIXTURES / "seeds" / s for s in SEEDS)], ids=lambda p: p.name)
def test_no_word_of_the_content_is_lost(source: Path) -> None:
    path = source_of(source) if source.is_dir() else source
    imported = import_source(path)
    raw = visible_text(path)
    gone = {d.line.number for d in imported.dropped if d.line.number and path.suffix != ".html"}
    raw = "\n".join(once(line for n, line in enumerate(raw.splitlines(), 1) if n not in gone))
    for dropped in imported.dropped:
        if not dropped.line.number or path.suffix == ".html":
            raw = raw.replace(re.sub(r"^[-•]\s+", "", dropped.line.text.strip()), " ", 1)
    missing = words(raw) - words(draft(imported)) - Counter(CONSUMED) - words(labels_of(raw))
    assert not missing, f"words of the source missing from the draft: {sorted(missing)}"


def visible_text(path: Path) -> str:
    """The text a reader sees: for HTML, the page's text without its markup, a text node a line."""
    text = path.read_text(encoding="utf-8")
    if path.suffix != ".html":
        return text
    soup = BeautifulSoup(text, "html.parser")
    for tag in soup(["script", "style", "head"]):
        tag.decompose()
    return "\n".join(line for node in soup.get_text("\n").splitlines() if (line := " ".join(node.split())))


def once(lines: Iterable[str]) -> Iterator[str]:
    """The lines without the absentee lines that minutes repeat under every item."""
    for line in lines:
        if re.match(r"^(?:fraværende(?: med afbud)?|afbud|absent|apologies)\s*:", line.strip().strip("*_"),
                    re.IGNORECASE):
            continue  # absentees become participants, merged with the members' list: compared there
        yield line


# Labels and headings that open a line and become a field's structure: only there are they excused.
LINE_LABEL = re.compile(r"^[\W\d]*(?:(til stede|ikke til stede|afgørelse|udvalgets afgørelse|"
                        r"nævnets afgørelse|udvalgets beslutning|minutes taken by|supporting documents|"
                        r"næste møde|fraværende med afbud)\b(?=[*_]*\s*[:.]?[*_]*\s*$|[*_]*\s*:)"
                        r"|(the meeting (?:ended|closed) at|mødet hævet|ad(?= \d)|(?:ekstra)?ordinært møde)\b"

                        r"|[\w ()]+ (deltog som|mødte som)(?= stedfortræder| suppleant))"
                        r"|\|\s*(ikke mødt)\s*\|",  # an attendance table's cell
                        re.IGNORECASE | re.MULTILINE)


def labels_of(text: str) -> str:
    return " ".join(" ".join(found) for found in LINE_LABEL.findall(text))



# Words that become a field's structure rather than its text: labels, weekdays, months, markers.
CONSUMED_TEXT = (
    "punkt pkt item items mødedato dato date tidspunkt kl klokken mødested lokale sted venue "
    "referent minute taker medlemmer mødt fraværende afbud present absent apologies for absence "
    "substitute stedfortræder lukket closed exempt sag sagsnr journalnr jnr nr indbudte beslutning "
    "time meeting bilag attachments mandag tirsdag onsdag torsdag fredag lørdag søndag monday "
    "tuesday wednesday thursday friday saturday sunday januar februar marts april maj juni juli "
    "august september oktober november december january february march may june july october st nd "
    "rd th pm am d den deltagere fremmøde navn parti rolle stede stedet substituting application "
    "appendices place resolved cllr councillor minutes clerk medlem mødetid mødetidspunkt "
    "starttidspunkt mødelokale åben åbent acadre funktion mødte suppleant udvalgsmedlemmer confidential "
)
CONSUMED = 40 * CONSUMED_TEXT.split()


def test_a_pdf_imports_as_well_as_its_text(tmp_path: Path) -> None:
    case = FIXTURES / "seeds" / "integrationsraadet-2025-11-26.txt"
    pdf = tmp_path / "referat.pdf"
    make_pdf(case.read_text(encoding="utf-8").splitlines(), pdf,
             header="Holstebro Kommune   Integrationsrådet   26-11-2025", footer="Side {page} af {pages}")
    from_pdf = import_source(pdf, body="Integrationsrådet")
    from_text = import_source(case, body="Integrationsrådet")
    assert differences(from_pdf.meeting, from_text.meeting) == []
    assert any("Side" in d.line.text for d in from_pdf.dropped)


@pytest.mark.parametrize("source", [*(FIXTURES / "seeds" / s for s in sorted(SEEDS)),
                                    *(source_of(case) for case in CASES)], ids=lambda p: p.parent.name)
def test_draft_passes_referat_check_and_reads_back(source: Path) -> None:
    imported = import_source(source, body="Integrationsrådet")
    text = draft(imported)
    problems = check_text(text, imported)
    if "unplaced" in imported.meeting:  # unreviewed text: a warning until it is dealt with
        assert [p for p in problems if ": unplaced: warning: " in p] == problems != []
        imported.meeting.pop("unplaced")
        problems = check_text(draft(imported), imported)
    assert problems == []
    assert differences(yaml.safe_load(text), imported.meeting) == []


def test_cli_writes_the_draft_and_a_summary(tmp_path: Path) -> None:
    out = tmp_path / "draft.yml"
    seed = FIXTURES / "seeds" / "integrationsraadet-2025-11-26.txt"
    result = CliRunner().invoke(main, ["import", str(seed), "-o", str(out)])
    assert result.exit_code == 0, result.output
    assert read_yaml(out)["items"][0]["number"] == 31
    assert "6 items (31-36)" in result.stderr
    assert "indholdsfortegnelse: Godkendelse af dagsorden" in result.stderr
    assert "referat check: OK" in result.stderr


def test_cli_refuses_a_file_it_cannot_read(tmp_path: Path) -> None:
    odd = tmp_path / "referat.odt"
    odd.write_bytes(b"PK")
    result = CliRunner().invoke(main, ["import", str(odd)])
    assert result.exit_code == 1
    assert "cannot import a .odt" in result.stderr and "Traceback" not in result.output


def test_cli_all_imports_a_folder_with_progress(tmp_path: Path) -> None:
    sources = tmp_path / "eksport"
    sources.mkdir()
    for seed in SEEDS:
        (sources / seed).write_bytes((FIXTURES / "seeds" / seed).read_bytes())
    meetings = tmp_path / "meetings"
    result = CliRunner().invoke(main, ["import", "--all", str(sources), "--meetings", str(meetings),
                                       "--body", "Integrationsrådet"])
    assert result.exit_code == 0, result.output
    assert "[1/2]" in result.stderr and "[2/2]" in result.stderr
    written = sorted(p.name for p in (meetings / "integrationsraadet").iterdir())
    assert written == ["2022-09-28.yml", "2025-11-26.yml", "body.yml"]
    body = read_yaml(meetings / "integrationsraadet" / "body.yml")
    assert body == {"name": "Integrationsrådet", "organisation": "Holstebro Kommune"}  # the letterhead's
    again = CliRunner().invoke(main, ["import", "--all", str(sources), "--meetings", str(meetings),
                                      "--body", "Integrationsrådet"])
    assert again.exit_code == 1 and "use --force" in again.stderr


# Plain-text cases, but not those that are already text taken from a PDF with its page furniture:
# printed again, their old page headers would fall in the middle of the new pages.
TEXT_CASES = [case for case in CASES if source_of(case).suffix == ".txt"
              and "pdf-page-furniture" not in read_yaml(case / "case.yml").get("covers", [])]


@pytest.mark.parametrize("case", TEXT_CASES, ids=lambda case: case.name)
def test_every_text_case_printed_to_pdf_imports_as_its_text(case: Path, tmp_path: Path) -> None:
    """The PDF a case system would print of the text: a running header, page numbers, lines
    wrapped at the margin; it must give the same meeting as the text itself."""
    source = source_of(case)
    pdf = tmp_path / "referat.pdf"
    lines = [to_latin1(line) for line in source.read_text(encoding="utf-8").splitlines()]
    make_pdf(lines, pdf, header=f"{case.name}   Referat", footer="Side {page} af {pages}")
    from_text = import_source(source)
    from_text.meeting = yaml.safe_load(yaml.safe_dump(from_text.meeting))
    text_as_printed = tmp_path / "printed.txt"
    text_as_printed.write_text("\n".join(lines), encoding="utf-8")
    assert differences(import_source(pdf).meeting, import_source(text_as_printed).meeting) == []


@pytest.mark.parametrize("case", TEXT_CASES, ids=lambda case: case.name)
def test_every_text_case_saved_as_word_imports_as_its_text(case: Path, tmp_path: Path) -> None:
    """The .docx a secretary would save of the text, a paragraph a line: the same meeting."""
    from docx import Document

    document = Document()
    for line in source_of(case).read_text(encoding="utf-8").splitlines():
        document.add_paragraph(line)
    document.sections[0].header.paragraphs[0].text = f"{case.name}   Referat"
    word = tmp_path / "referat.docx"
    document.save(str(word))
    assert differences(import_source(word).meeting, imported_case(case).meeting) == []
