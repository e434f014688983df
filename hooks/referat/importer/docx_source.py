"""Reading a Word document (.docx) into lines with python-docx: its headings, lists, bold, links
and tables kept as the HTML and Markdown readers keep them. Each paragraph is a line, and an empty
paragraph a blank line, as in the text Word exports, so a .docx reads as its text does.

A line's number is its paragraph's (or table row's) place in the document, counted from 1, as a
.docx has no lines of its own. The pages' headers and footers are page furniture: they are left out
and listed in the summary.
"""

from __future__ import annotations

import re
import zipfile
from pathlib import Path

from docx import Document
from docx.document import Document as DocxDocument
from docx.opc.exceptions import PackageNotFoundError
from docx.table import Table
from docx.text.hyperlink import Hyperlink
from docx.text.paragraph import Paragraph
from docx.text.run import Run

from .lines import Dropped, Line

HEADING_STYLE = re.compile(r"^(?:heading|overskrift)\s*(?P<level>\d)$", re.IGNORECASE)
NUMBERED_STYLE = re.compile(r"number|nummer|tal", re.IGNORECASE)
BULLET_STYLE = re.compile(r"bullet|punkttegn|liste|list", re.IGNORECASE)
W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
URL = re.compile(r"^https?://[^\s()<>]+$")


def read_docx(path: Path) -> tuple[list[Line], list[Dropped]]:
    """The document's lines in order, and the headers and footers left out."""
    from .sources import SourceError, plain_lines

    try:
        document = Document(str(path))
    except (PackageNotFoundError, zipfile.BadZipFile, KeyError, ValueError) as error:
        raise SourceError(f"{path}: not a readable Word document ({error}); save it again as "
                          ".docx, or import it as text") from error
    reader = DocxReader(document)
    for block in document.iter_inner_content():
        if isinstance(block, Paragraph):
            reader.paragraph(block)
        else:
            reader.table(block)
    lines, dropped = plain_lines(reader.lines)  # a paragraph a line, as Word's text export has it
    return lines, furniture(document) + dropped


class DocxReader:
    """Paragraphs and table rows as lines; a list's items numbered as Word shows them."""

    def __init__(self, document: DocxDocument) -> None:
        self.document = document
        self.lines: list[Line] = []
        self.place = 0  # the paragraph or row being read, counted from 1
        self.counters: dict[tuple[str, str], int] = {}  # (list, level) -> the last number given

    def paragraph(self, paragraph: Paragraph) -> None:
        self.place += 1
        text = inline_text(paragraph)
        style = paragraph.style.name if paragraph.style is not None else ""
        level = heading_level(style, paragraph, text)
        marker = "" if level else self.list_marker(paragraph, style)
        if level and (bold := re.fullmatch(r"\*\*(.+)\*\*", text.strip())):
            text = bold[1]
        for part in text.split("\n"):
            self.lines.append(Line(f"{marker}{part}".rstrip() if part.strip() else "", self.place,
                                   heading=level if part.strip() else 0))
            marker = "   " if marker else ""  # a line break inside a list item continues it

    def table(self, table: Table) -> None:
        for row in table.rows:
            self.place += 1
            cells = tuple(" ".join(cell.text.split()) for cell in row.cells)
            cells = tuple(c for i, c in enumerate(cells) if i == 0 or c != cells[i - 1])  # merged cells
            if any(cells):
                self.lines.append(Line(" | ".join(c for c in cells if c), self.place, cells=cells))
        self.lines.append(Line("", self.place))

    def list_marker(self, paragraph: Paragraph, style: str) -> str:
        """'- ' or 'N. ' for a list item (Word's numbering or a list style), '' for a paragraph."""
        num_id = attribute(paragraph, "numId")
        ilvl = attribute(paragraph, "ilvl") or "0"
        if num_id is None:
            if NUMBERED_STYLE.search(style) and BULLET_STYLE.search(style):
                return self.count(("style", style), "0")
            return "- " if BULLET_STYLE.search(style) and style.lower() != "list paragraph" else ""
        if number_format(self.document, num_id, ilvl) == "bullet":
            return "- "
        return self.count((num_id, ilvl), ilvl)

    def count(self, key: tuple[str, str], ilvl: str) -> str:
        self.counters[key] = self.counters.get(key, 0) + 1
        return f"{'   ' * int(ilvl)}{self.counters[key]}. "


def attribute(paragraph: Paragraph, name: str) -> str | None:
    """A value of the paragraph's own list numbering (<w:numPr>): its list ('numId') or level."""
    found = paragraph._p.find(f"{W}pPr/{W}numPr/{W}{name}")
    return None if found is None else str(found.get(f"{W}val"))


def inline_text(paragraph: Paragraph) -> str:
    """The paragraph's text with bold runs as **bold** and links as [text](address)."""
    parts: list[str] = []
    for piece in paragraph.iter_inner_content():
        if isinstance(piece, Hyperlink):
            text, url = piece.text, piece.address
            parts.append(f"[{text.strip()}]({url})" if text.strip() and URL.match(url or "") else text)
        elif isinstance(piece, Run):
            parts.append(run_text(piece))
    return re.sub(r"\*\*(\s*)\*\*", r"\1", "".join(parts))  # two bold runs in a row are one


def run_text(run: Run) -> str:
    text = run.text.replace("\t", "    ")
    if not run.bold or not text.strip():
        return text
    lead, trail = text[: len(text) - len(text.lstrip())], text[len(text.rstrip()):]
    return f"{lead}**{text.strip()}**{trail}"


def heading_level(style: str, paragraph: Paragraph, text: str) -> int:
    """A heading's level: Word's heading styles, its title style, or a paragraph all in bold."""
    if found := HEADING_STYLE.match(style):
        return int(found["level"])
    if style.lower() in ("title", "titel"):
        return 1
    if "\n" not in text.strip() and re.fullmatch(r"\*\*[^*]+\*\*", text.strip()) and len(text) < 150:
        return 4  # as a whole-line bold of Markdown: Word's minutes often bold their section headings
    return 0


def number_format(document: DocxDocument, num_id: str, ilvl: str) -> str:
    """The numbering format Word's numbering part gives a list and level ('bullet', 'decimal')."""
    try:
        numbering = document.part.numbering_part.element
    except (KeyError, NotImplementedError):
        return "decimal"
    for num in numbering.findall(f"{W}num"):
        if num.get(f"{W}numId") != num_id:
            continue
        abstract = num.find(f"{W}abstractNumId")
        wanted = abstract.get(f"{W}val") if abstract is not None else None
        for definition in numbering.findall(f"{W}abstractNum"):
            if definition.get(f"{W}abstractNumId") == wanted:
                for lvl in definition.findall(f"{W}lvl"):
                    fmt = lvl.find(f"{W}numFmt")
                    if lvl.get(f"{W}ilvl") == ilvl and fmt is not None:
                        return str(fmt.get(f"{W}val"))
    return "decimal"


def furniture(document: DocxDocument) -> list[Dropped]:
    """The text of every page header and footer, listed as left out."""
    dropped = []
    seen: set[str] = set()
    for section in document.sections:
        for part in (section.header, section.footer):
            for paragraph in part.paragraphs:
                if (text := paragraph.text.strip()) and text not in seen:
                    seen.add(text)
                    dropped.append(Dropped(Line(text, 0), "sidehoved eller sidefod i Word-dokumentet"))
    return dropped
