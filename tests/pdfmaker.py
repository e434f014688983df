"""Make small PDF files of minutes for the importer's tests, with fpdf2.

`make_pdf(lines, path, header=..., footer=...)` writes the lines on A4 pages the way a case system
prints minutes: a header line at the top of every page, a footer line with the page number at the
bottom of every page, long lines wrapped at the margin and 50 lines of text a page.

fpdf2's core fonts (Helvetica) hold only Latin-1. That covers Danish (æ ø å Æ Ø Å é ü) but not the
typographic characters that minutes are full of, so `to_latin1` maps these to their nearest Latin-1
forms before the text is written:

    – — ‒ ―  (dashes)            ->  -
    • ◦ ▪ ‣ ●  (bullets)          ->  -   (a list bullet, as in Markdown)
    “ ” „ ‟    (double quotes)    ->  "   (« and », being Latin-1, are kept)
    ‘ ’ ‚ ′    (single quotes)    ->  '
    …                             ->  ...
    €                             ->  EUR
    Ł ł Œ œ                       ->  L l OE oe
    non-breaking and thin spaces  ->  space
    anything else outside Latin-1 ->  its decomposed base letter, or "?"

A test that compares extracted text with the lines it gave must compare with `to_latin1(line)`.
"""

from __future__ import annotations

import functools
import unicodedata
from pathlib import Path
from typing import Any

FONT = "Helvetica"
FONT_SIZE = 10  # points
LINE_HEIGHT = 5.0  # mm
MARGIN = 18.0  # mm, left and right
TOP = 22.0  # mm, where the text starts; the header sits above it
BOTTOM = 23.0  # mm kept free at the bottom for the footer
LINES_PER_PAGE = int((297.0 - TOP - BOTTOM) // LINE_HEIGHT)  # 50 lines of text on an A4 page
PAGES_ALIAS = "{nb}"

REPLACEMENTS = {
    "\u2013": "-", "\u2014": "-", "\u2012": "-", "\u2015": "-", "\u2212": "-", "\u2010": "-",
    "\u2011": "-",
    "\u2022": "-", "\u25e6": "-", "\u25aa": "-", "\u2023": "-", "\u25cf": "-",
    "\u201c": '"', "\u201d": '"', "\u201e": '"', "\u201f": '"',
    "\u2018": "'", "\u2019": "'", "\u201a": "'", "\u2032": "'",
    "\u2026": "...",
    "\u20ac": "EUR",
    "\u2009": " ", "\u200a": " ", "\u202f": " ", "\u2007": " ", "\u00a0": " ",
    "\u200b": "", "\ufeff": "",
    "\u0141": "L", "\u0142": "l", "\u0152": "OE", "\u0153": "oe",
    "\t": "    ",
}


def to_latin1(text: str) -> str:
    """The text with every character outside Latin-1 replaced by a close Latin-1 equivalent."""
    out = []
    for char in text:
        if char in REPLACEMENTS:
            out.append(REPLACEMENTS[char])
        elif ord(char) < 256:
            out.append(char)
        else:
            base = unicodedata.normalize("NFKD", char).encode("latin-1", "ignore").decode("latin-1")
            out.append(base or "?")
    return "".join(out)


@functools.cache
def minutes_pdf_class() -> Any:
    """The FPDF document class with the minutes' header and footer; made when first asked for, as
    importing fpdf costs half a second of every test worker's start, most of which make no PDF."""
    from fpdf import FPDF

    class _MinutesPDF(FPDF):
        def __init__(self, header: str | None, footer: str | None) -> None:
            super().__init__(orientation="P", unit="mm", format="A4")
            self._header_text = to_latin1(header) if header else None
            self._footer_text = footer
            self.set_margins(MARGIN, TOP, MARGIN)
            self.set_auto_page_break(auto=True, margin=BOTTOM)
            self.alias_nb_pages(PAGES_ALIAS)

        def header(self) -> None:
            if not self._header_text:
                return
            self.set_font(FONT, size=8)
            self.set_xy(MARGIN, 10)
            self.cell(0, 5, self._header_text)
            self.set_font(FONT, size=FONT_SIZE)
            self.set_xy(MARGIN, TOP)

        def footer(self) -> None:
            if not self._footer_text:
                return
            text = to_latin1(self._footer_text.format(page=self.page_no(), pages=PAGES_ALIAS))
            self.set_font(FONT, size=8)
            self.set_y(-15)
            self.cell(0, 5, text)
            self.set_font(FONT, size=FONT_SIZE)

    return _MinutesPDF


def make_pdf(lines: list[str], path: Path, *, header: str | None = None,
             footer: str | None = "Side {page} af {pages}") -> None:
    """Write `lines` as a multi-page A4 PDF at `path`.

    `header` is printed at the top of every page (None: no header). `footer` is printed at the bottom
    of every page after filling in `{page}` (this page's number) and `{pages}` (the number of pages);
    the default gives "Side 3 af 12". None leaves the footer out. An empty line is an empty line in the
    PDF; a line longer than the page is wide is wrapped at a word. Characters outside Latin-1 are
    mapped by `to_latin1`.
    """
    pdf = minutes_pdf_class()(header, footer)
    pdf.set_font(FONT, size=FONT_SIZE)
    pdf.add_page()
    width = pdf.w - 2 * MARGIN
    for line in lines:
        text = to_latin1(line.rstrip())
        if text.strip():
            pdf.multi_cell(width, LINE_HEIGHT, text, align="L", new_x="LMARGIN", new_y="NEXT")
        else:
            pdf.ln(LINE_HEIGHT)
    pdf.output(str(path))
