"""Text an import could not place: data in the meeting file, shown on no page, a warning in
`referat check` and a failure under --strict, and the importer's own doubt in its summary."""

from __future__ import annotations

from pathlib import Path

import yaml
from click.testing import CliRunner

from referat.cli import main
from referat.engine import build_site
from referat.importer.assemble import import_source
from referat.importer.command import draft
from referat.importer.report import summary
from referat.loader import load

MEETING = """date: 2024-03-20
items:
  - number: 1
    title: Godkendelse af dagsorden
    decision: Godkendt
unplaced:
  - {line: 12, text: Mødet blev optaget på lyd af Sekretariat Sølvhøj}
  - {text: En linje uden nummer}
"""


def folder(tmp_path: Path, text: str = MEETING) -> Path:
    body = tmp_path / "meetings" / "raadet"
    body.mkdir(parents=True)
    (body / "body.yml").write_text("name: Rådet\n", encoding="utf-8")
    (body / "2024-03-20.yml").write_text(text, encoding="utf-8")
    return tmp_path / "meetings"


def test_unplaced_is_read_and_warned_about(tmp_path: Path) -> None:
    archive, problems = load(folder(tmp_path), display_root=tmp_path)
    meeting = archive.meetings[0]
    assert [(u.line, u.text) for u in meeting.unplaced] == [
        ("12", "Mødet blev optaget på lyd af Sekretariat Sølvhøj"), (None, "En linje uden nummer")]
    assert [str(p) for p in problems] == [
        "meetings/raadet/2024-03-20.yml:6: unplaced: warning: 2 lines from the imported source are "
        "not placed (the first from the source's line 12); move each to its field or delete it, "
        "then delete 'unplaced'"]


def test_check_passes_with_the_warning_and_strict_fails(tmp_path: Path) -> None:
    meetings = folder(tmp_path)
    assert CliRunner().invoke(main, ["check", str(meetings)]).exit_code == 0
    strict = CliRunner().invoke(main, ["check", "--strict", str(meetings)])
    assert strict.exit_code == 1 and "unplaced: warning" in strict.output


def test_an_unplaced_entry_needs_its_text(tmp_path: Path) -> None:
    _, problems = load(folder(tmp_path, MEETING.replace("text: En linje uden nummer", "line: 3")),
                       display_root=tmp_path)
    assert any(p.field == "unplaced[2].text" and p.is_error for p in problems)


def test_unplaced_text_is_on_no_page(tmp_path: Path) -> None:
    site = build_site(folder(tmp_path), "Referater", display_root=tmp_path)
    assert site.pages and all("Sølvhøj" not in page.markdown for page in site.pages)


def test_the_draft_keeps_unplaced_lines_as_data(tmp_path: Path) -> None:
    source = tmp_path / "referat.txt"
    source.write_text("Byrådet\nMødedato: 20. marts 2024\nMødet blev optaget på lyd\n\n"
                      "Punkt 1: Godkendelse af dagsorden\n\nBeslutning\nGodkendt\n", encoding="utf-8")
    imported = import_source(source)
    data = yaml.safe_load(draft(imported))
    assert data["unplaced"] == [{"line": 3, "text": "Mødet blev optaget på lyd"}]
    assert "# Tekst fra kilden" in draft(imported)
    assert "under 'unplaced'" in summary(imported, [])


def test_the_summary_states_its_doubt_at_the_top(tmp_path: Path) -> None:
    source = tmp_path / "referat.txt"
    source.write_text("\n".join(f"linje {n} af en lang tekst uden punkter" for n in range(80)),
                      encoding="utf-8")
    lines = summary(import_source(source), []).splitlines()
    assert lines[0].startswith("DOUBT: 0 items found in 80 lines")
    assert lines[1].startswith("DOUBT: 640 of the source's 640 words could not be placed")


def test_a_long_text_read_as_one_item_is_doubted(tmp_path: Path) -> None:
    source = tmp_path / "referat.txt"
    source.write_text("Budget 2024\n\n" + "\n".join(f"Linje {n} af en lang tekst. Uden punkter."
                                                     for n in range(80)), encoding="utf-8")
    imported = import_source(source)
    assert [i["title"] for i in imported.meeting["items"]] == ["Budget 2024"]
    assert summary(imported, []).startswith("DOUBT: 1 item found in 81 lines")
    assert any(u.startswith("no item headers: the text is read as one item") for u in imported.unsure)


def test_a_short_draft_with_its_items_has_no_doubt(tmp_path: Path) -> None:
    source = tmp_path / "referat.txt"
    source.write_text("Mødedato: 20. marts 2024\n\nPunkt 1: Godkendelse af dagsorden\n\nBeslutning\n"
                      "Godkendt\n", encoding="utf-8")
    assert "DOUBT" not in summary(import_source(source), [])
