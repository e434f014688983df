"""The unit every importer stage works on: one line of a source's text, with where it came from."""

from __future__ import annotations

from dataclasses import dataclass, replace


@dataclass(frozen=True)
class Line:
    """One line of text; `number` is its line in the source (or in the text extracted from it).

    `page` is the PDF page or form-feed page it was on, `heading` the level of a heading the source
    marked up as one (HTML h1-h6, Markdown #, a bold line), and `cells` the cells of a table row.
    """

    text: str
    number: int
    page: int = 0
    heading: int = 0
    cells: tuple[str, ...] = ()

    @property
    def blank(self) -> bool:
        return not self.text.strip()

    def with_text(self, text: str) -> Line:
        return replace(self, text=text)


@dataclass(frozen=True)
class Dropped:
    """A source line left out of the meeting file on purpose, and why."""

    line: Line
    reason: str
