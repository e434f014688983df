"""Reading a PDF's text into lines, page by page, with pypdf."""

from __future__ import annotations

import logging
from pathlib import Path

from pypdf import PdfReader
from pypdf.errors import PdfReadError

from .lines import Line


def read_pdf(path: Path) -> list[Line]:
    """Every line of every page, numbered through the document, each with its page."""
    from .sources import SourceError

    logging.getLogger("pypdf").setLevel(logging.ERROR)  # font warnings say nothing about the text
    try:
        reader = PdfReader(path)
        # The layout mode keeps the blank lines between paragraphs and the columns of tables,
        # which the plain mode drops; the importer reads both as structure.
        pages = [page.extract_text(extraction_mode="layout") or "" for page in reader.pages]
    except (PdfReadError, OSError, ValueError) as error:
        raise SourceError(f"{path}: not a readable PDF ({error}); export the minutes again, "
                          "or import them as text") from error
    if not any(text.strip() for text in pages):
        from .ocr import ocr_pages  # a scanned PDF: its pages are images, read by OCR

        pages = ocr_pages(path)
    lines: list[Line] = []
    for page_number, text in enumerate(pages, 1):
        for raw in text.splitlines():
            lines.append(Line(raw.rstrip(), len(lines) + 1, page_number))
        lines.append(Line("", len(lines) + 1, page_number))
    return lines
