"""Scanned PDFs: a PDF of page images, with no text layer, is read with OCRmyPDF and Tesseract's
Danish data. `make test` installs them first (`make ocr`); where they are missing this test fails
and says what to install, it is never skipped."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner
from PIL import Image, ImageDraw, ImageFont

from referat.cli import main
from referat.importer.assemble import import_source

# Pillow's own font draws no Danish letters, so the scanned page is written without them.
PAGE = ["Fjordby Kommune", "Referat af Skoleudvalgets moede 20. marts 2024", "",
        "1. Godkendelse af dagsorden", "Sagsnr.: 24/1187", "", "Beslutning", "Godkendt.", "",
        "2. Skolestruktur i Fjordby Nord", "Sagsnr.: 24/2290", "", "Beslutning",
        "Forslaget sendes i offentlig hoering."]


def scanned_pdf(path: Path) -> Path:
    """A page image of the minutes at 200 dpi, saved as a PDF with no text in it."""
    page = Image.new("L", (1654, 2339), 255)
    draw = ImageDraw.Draw(page)
    font = ImageFont.load_default(size=36)
    for n, line in enumerate(PAGE):
        draw.text((150, 150 + 60 * n), line, fill=0, font=font)
    page.save(path, resolution=200)
    return path


def test_the_generated_pdf_has_no_text_layer(tmp_path: Path) -> None:
    from pypdf import PdfReader

    assert not (PdfReader(scanned_pdf(tmp_path / "scan.pdf")).pages[0].extract_text() or "").strip()


@pytest.mark.slow  # OCR of a page: some 10 CPU seconds
def test_a_scanned_pdf_is_read_by_ocr(tmp_path: Path) -> None:
    imported = import_source(scanned_pdf(tmp_path / "scan.pdf"))
    items = imported.meeting["items"]
    assert str(imported.meeting["date"]) == "2024-03-20"
    assert [(i["number"], i["title"], i.get("journal")) for i in items] == [
        (1, "Godkendelse af dagsorden", "24/1187"), (2, "Skolestruktur i Fjordby Nord", "24/2290")]
    assert [i["decision"] for i in items] == ["Godkendt.", "Forslaget sendes i offentlig hoering."]
    assert imported.read_by_ocr and imported.organisation == "Fjordby Kommune"


@pytest.mark.slow
def test_the_summary_says_the_text_was_recognised(tmp_path: Path) -> None:
    result = CliRunner().invoke(main, ["import", str(scanned_pdf(tmp_path / "scan.pdf")),
                                       "--body", "Skoleudvalget"])
    assert result.exit_code == 0, result.output
    assert result.stderr.startswith("DOUBT: the PDF has no text layer: its text was read by OCR")
