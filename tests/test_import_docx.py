"""Word documents (.docx) through python-docx: headings, numbered lists, bold, links and tables kept
as the other readers keep them; a file that is not a Word document is a clear error."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner
from docx import Document
from docx.opc.constants import RELATIONSHIP_TYPE
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.text.paragraph import Paragraph

from referat.cli import main
from referat.importer.assemble import import_source
from referat.importer.sources import SourceError


def add_link(paragraph: Paragraph, text: str, url: str) -> None:
    """A hyperlink as Word writes one: a relationship to the address, and runs inside <w:hyperlink>."""
    rel = paragraph.part.relate_to(url, RELATIONSHIP_TYPE.HYPERLINK, is_external=True)
    link = OxmlElement("w:hyperlink")
    link.set(qn("r:id"), rel)
    run = OxmlElement("w:r")
    text_element = OxmlElement("w:t")
    text_element.text = text
    run.append(text_element)
    link.append(run)
    paragraph._p.append(link)


def minutes(path: Path) -> Path:
    document = Document()
    document.add_paragraph("Fjordby Kommune")
    document.add_heading("Referat af Børne- og skoleudvalgets møde 20. marts 2024", level=1)
    table = document.add_table(rows=2, cols=2)
    for row, (name, attendance) in zip(table.rows, [("Anne Berg (A)", "Mødt"), ("Ole Dam (V)", "Afbud")],
                                       strict=True):
        row.cells[0].text, row.cells[1].text = name, attendance
    document.add_heading("1. Godkendelse af dagsorden", level=2)
    document.add_paragraph("Sagsnr.: 24/1187")
    document.add_paragraph().add_run("Beslutning").bold = True
    document.add_paragraph("Godkendt.")
    document.add_heading("2. Skolestruktur", level=2)
    document.add_paragraph().add_run("Indstilling").bold = True
    document.add_paragraph("Forvaltningen indstiller,")
    document.add_paragraph("at forslaget sendes i høring", style="List Number")
    document.add_paragraph("at sagen genoptages i juni", style="List Number")
    document.add_paragraph().add_run("Beslutning").bold = True
    decision = document.add_paragraph("Godkendt med ")
    decision.add_run("5 stemmer").bold = True
    decision.add_run(" mod 2, se ")
    add_link(decision, "høringssiden", "https://www.fjordby.dk/hoering")
    decision.add_run(".")
    document.add_paragraph().add_run("Bilag").bold = True
    add_link(document.add_paragraph(style="List Bullet"), "Høringsmateriale", "https://www.fjordby.dk/b/1.pdf")
    document.sections[0].footer.paragraphs[0].text = "Side 1 af 1"
    document.save(str(path))
    return path


def test_a_word_document_imports_with_its_structure(tmp_path: Path) -> None:
    imported = import_source(minutes(tmp_path / "referat.docx"))
    meeting = imported.meeting
    assert str(meeting["date"]) == "2024-03-20"
    assert [(p["name"], p.get("attendance")) for p in meeting["participants"]] == [
        ("Anne Berg", "present"), ("Ole Dam", "excused")]
    first, second = meeting["items"]
    assert (first["number"], first["title"], first["journal"], first["decision"]) == (
        1, "Godkendelse af dagsorden", "24/1187", "Godkendt.")
    assert second["sections"]["Indstilling"] == (
        "Forvaltningen indstiller,\n1. at forslaget sendes i høring\n2. at sagen genoptages i juni")
    assert second["decision"] == (
        "Godkendt med **5 stemmer** mod 2, se [høringssiden](https://www.fjordby.dk/hoering).")
    assert second["attachments"] == [{"title": "Høringsmateriale", "url": "https://www.fjordby.dk/b/1.pdf"}]
    assert "Side 1 af 1" in [d.line.text for d in imported.dropped]  # the footer, listed as left out


def test_the_cli_imports_a_word_document(tmp_path: Path) -> None:
    source = minutes(tmp_path / "referat.docx")
    result = CliRunner().invoke(main, ["import", str(source), "--body", "Børne- og skoleudvalget"])
    assert result.exit_code == 0, result.output
    assert "title: Skolestruktur" in result.stdout


def test_a_file_that_is_not_a_word_document_is_a_clear_error(tmp_path: Path) -> None:
    broken = tmp_path / "referat.docx"
    broken.write_bytes(b"PK\x03\x04 not really a zip")
    with pytest.raises(SourceError, match=r"referat.docx: not a readable Word document .*save it again"):
        import_source(broken)
    result = CliRunner().invoke(main, ["import", str(broken)])
    assert result.exit_code == 1 and "Traceback" not in result.output
