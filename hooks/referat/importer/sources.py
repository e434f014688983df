"""Reading a source file (.txt, .md, .html, .pdf, .docx) into lines of text.

Each reader keeps what the format says about structure (headings, table cells, pages) on the lines
and leaves every judgement about content to the later stages.
"""

from __future__ import annotations

import re
from dataclasses import replace
from pathlib import Path

from .html_source import read_html
from .lines import Dropped, Line

SUFFIXES = (".txt", ".md", ".markdown", ".html", ".htm", ".pdf", ".docx")
MD_HEADING = re.compile(r"^(#{1,6})\s+(.*?)\s*#*\s*$")
MD_BOLD_LINE = re.compile(r"^\*\*([^*].*?)\*\*\s*$")
EMPTY_ROW = re.compile(r"^\s*\|(?:\s*\|)+\s*$")
COLUMN_GAP = re.compile(r"\s{3,}")  # a tab is four spaces by now
WORD_BULLET = re.compile(r"^(\s*)(?:[•▪◦●·§]\s+|o\s{2,})(?=\S)")
SEPARATOR = re.compile(r"^\s*(?:[-=_*~]\s*){4,}$")  # a rule drawn between items, not text
MD_TABLE_RULE = re.compile(r"^\s*\|?\s*:?-{3,}:?\s*(\|\s*:?-{3,}:?\s*)*\|?\s*$")


class SourceError(Exception):
    """The source cannot be read; the message says why and what to do."""


def read_source(path: Path) -> tuple[list[Line], list[Dropped]]:
    """The source's lines, and any markup lines left out while reading it."""
    suffix = path.suffix.lower()
    if suffix not in SUFFIXES:
        raise SourceError(f"{path}: cannot import a {suffix or 'file without suffix'}; "
                          f"give a {', '.join(SUFFIXES)} file")
    if suffix == ".pdf":
        from .pdf_source import read_pdf  # pypdf is loaded only for PDFs

        return plain_lines(read_pdf(path))
    if suffix == ".docx":
        from .docx_source import read_docx  # python-docx is loaded only for Word documents

        return read_docx(path)
    text = read_text(path)
    if suffix in (".html", ".htm"):
        return read_html(text)
    return read_markdown(text)  # plain text exported from a case system often carries Markdown


def read_text(path: Path) -> str:
    """The file's text: UTF-8 (with or without BOM), else Windows-1252, as Danish systems export."""
    data = path.read_bytes()
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        return data.decode("cp1252", errors="replace")


def split_text(text: str) -> list[Line]:
    """Lines of plain text; a form feed (as pdftotext writes between pages) starts a new page."""
    lines = []
    page = 0
    for number, raw in enumerate(text.replace("\r\n", "\n").replace("\r", "\n").split("\n"), 1):
        pages = raw.split("\f")
        for i, part in enumerate(pages):
            page += i > 0
            lines.append(Line(part.rstrip().replace("\t", "    "), number, page))
    return lines


def read_markdown(text: str) -> tuple[list[Line], list[Dropped]]:
    """Lines of Markdown: headings and whole-line bold become headings, table rows become cells."""
    lines, dropped = plain_lines(split_text(text))
    return [markdown_line(line) for line in lines], dropped


def plain_lines(lines: list[Line]) -> tuple[list[Line], list[Dropped]]:
    """Lines of text as any source gives them: rules drawn between items left out, Word's
    bullets as Markdown's, and tables laid out with spaces read as cells."""
    kept, dropped = [], []
    for line in lines:
        if SEPARATOR.match(line.text):
            dropped.append(Dropped(line, "skillelinje"))
        else:
            kept.append(word_bullet(line))
    return fixed_width_tables(kept), dropped


def word_bullet(line: Line) -> Line:
    """A list item as Word exports it ('o<tab>text', '•<tab>text', '§ text') as Markdown's '- '."""
    found = WORD_BULLET.match(line.text)
    return line.with_text(f"{found[1]}- {line.text[found.end():]}") if found else line


def fixed_width_tables(lines: list[Line]) -> list[Line]:
    """Rows of a table laid out with spaces ('Jesper Vang (V)      Mødt'): two or more lines in a
    row that split into the same number of columns get those columns as cells. Their text stays
    as written."""
    split = [tuple(COLUMN_GAP.split(line.text.strip())) if not line.cells else () for line in lines]
    out = list(lines)
    start = 0
    while start < len(lines):
        end = start
        while end < len(lines) and len(split[end]) >= 2 and len(split[end]) == len(split[start]):
            end += 1
        if end - start >= 2:
            out[start:end] = [replace(line, cells=split[i]) for i, line in
                              enumerate(lines[start:end], start)]
        start = max(end, start + 1)
    return out


def is_table_rule(text: str) -> bool:
    """A Markdown table's rule ('|---|:--|') or a row without text ('| | |'): structure only."""
    return bool(MD_TABLE_RULE.match(text) and "|" in text or EMPTY_ROW.match(text))


def markdown_line(line: Line) -> Line:
    """One Markdown line with its markup read into the line's structure."""
    text = line.text.strip()
    if found := MD_HEADING.match(text):
        return Line(found[2], line.number, line.page, heading=len(found[1]))
    if text.startswith("|") and text.count("|") >= 2 and not is_table_rule(text):
        cells = tuple(cell.strip() for cell in text.strip("|").split("|"))
        return Line(text, line.number, line.page, cells=cells)  # kept as written: item text is Markdown
    if found := MD_BOLD_LINE.match(text):
        return Line(found[1].strip(), line.number, line.page, heading=4)
    return line
