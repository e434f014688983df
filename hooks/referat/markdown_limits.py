"""Limits on the text of meeting files, so that every text renders in bounded time and stack depth.

Python-Markdown parses nested lists, quotes, admonitions, emphasis and links by recursion: a text
nested a few hundred deep stops a build with a RecursionError. It scans from every '[' to its ']'
(or to the end of the paragraph), and it rebuilds a paragraph's text for every inline match, so a
flood of brackets, entities or emphasis in one paragraph takes time that grows with its square.
The figures (bench/markdown_limits.py prints them) put the breaking points at 300-500 levels
of nesting and at seconds for a few thousand marks in one paragraph. The limits below are far
below those, and far above what minutes hold; docs/format.md names them for the secretariat.

The check works on the text as written; the pages place it unchanged (plain fields escaped, which
the plain limit allows for), so what passes here renders in the build.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass

from yaml.nodes import ScalarNode

from .personal import locate
from .problems import Problem

MAX_CHARACTERS = 100_000  # one Markdown text: about 30 pages; more belongs in an attachment
MAX_PLAIN = 1_000  # one plain text: a title, a name, a place, a heading
MAX_DEPTH = 20  # lists, quotes, admonitions and definitions inside one another
MAX_INLINE_DEPTH = 20  # emphasis and links inside one another
MAX_SCAN = 200_000  # characters scanned from '[' to ']' and '](' to ')', over a text
MAX_WORK = 100_000_000  # inline marks times the length of their paragraph, over a text

BLANK = re.compile(r"\n[ \t]*(?:\n|$)")
# A container that opens a level at the start of a line: a quote, a list item, an admonition or
# a definition. Indentation before the first adds a level per four columns.
CONTAINER = re.compile(r"(?:>|[-+*](?=[ \t]|$)|\d{1,9}[.)](?=[ \t]|$)|!!!|:(?=[ \t]))[ \t]*")
# Every place an inline pattern of Python-Markdown may start, and the brackets it scans.
TOKEN = re.compile(r"\\.|`+|\*+|_+|!?\[|\]\(?|[()&<]")


@dataclass(frozen=True)
class Excess:
    """A limit a text goes over: the line of the text (0-based) where it does, and why."""

    line: int | None  # None: the text as a whole
    message: str


def excess(text: str) -> Excess | None:
    """The first limit a Markdown text goes over, or None when it renders in bounded time."""
    if len(text) > MAX_CHARACTERS:
        return Excess(None, f"is {len(text):,} characters long; a text holds at most "
                      f"{MAX_CHARACTERS:,} (about 30 pages): put the rest in an attachment")
    return deep_line(text) or heavy_paragraph(text)


def plain_excess(text: str) -> Excess | None:
    """The limit a plain text (a title, a name) goes over, or None."""
    if len(text) > MAX_PLAIN:
        return Excess(None, f"is {len(text):,} characters long; a title, name or heading holds "
                      f"at most {MAX_PLAIN:,}: shorten it, and put the rest in a section")
    return None


def deep_line(text: str) -> Excess | None:
    """The first line nested deeper than MAX_DEPTH, by its indentation and markers."""
    for number, line in enumerate(text.split("\n")):
        levels = line_depth(line)
        if levels > MAX_DEPTH:
            return Excess(number, f"nests {levels} levels deep (lists, quotes '>' and "
                          f"indentation); at most {MAX_DEPTH} render safely: flatten the "
                          "list or quote, or write a '\\' before a marker meant as text")
    return None


def line_depth(line: str) -> int:
    """The levels a line opens: four columns of indentation each, and each container marker."""
    expanded = line.expandtabs(4)
    position = len(expanded) - len(expanded.lstrip(" "))
    markers = 0
    while match := CONTAINER.match(expanded, position):
        markers, position = markers + 1, match.end()
    indent = len(expanded) - len(expanded.lstrip(" "))
    return indent // 4 + markers if markers else 0


def heavy_paragraph(text: str) -> Excess | None:
    """The first paragraph where nesting, bracket scans or inline work go over their limits."""
    scan = work = 0
    for start, paragraph in paragraphs(text):
        tally = Tally()
        tally.read(paragraph)
        scan, work = scan + tally.scan, work + tally.marks * len(paragraph)
        line = text.count("\n", 0, start + tally.deepest_at)
        if tally.deepest > MAX_INLINE_DEPTH:
            return Excess(line, f"has emphasis or links {tally.deepest} deep inside one another; "
                          f"at most {MAX_INLINE_DEPTH} render safely: close them sooner, or "
                          "write '\\*', '\\_' or '\\[' for a character meant as text")
        if scan > MAX_SCAN or work > MAX_WORK:
            return Excess(text.count("\n", 0, start), "has more '[', '*', '_', '`', '&' or '<' "
                          "than Markdown can render in time (the cost grows with the square of "
                          "a paragraph): split the paragraph with blank lines, close each '[' "
                          "with ']', or write a '\\' before a character meant as text")
    return None


def paragraphs(text: str) -> Iterator[tuple[int, str]]:
    """The blocks of a text between blank lines, each with its offset in the text."""
    start = 0
    for blank in BLANK.finditer(text):
        yield start, text[start:blank.start()]
        start = blank.end()
    yield start, text[start:]


class Tally:
    """What one paragraph costs Python-Markdown's inline patterns, read in one pass."""

    def __init__(self) -> None:
        self.marks = self.scan = self.deepest = self.deepest_at = 0
        self.brackets: list[int] = []  # where each '[' still open starts
        self.links: list[tuple[int, int]] = []  # each '](' still open: where, and paren depth
        self.parens = 0
        self.emphasis = {"*": 0, "_": 0}

    def read(self, paragraph: str) -> None:
        for token in TOKEN.finditer(paragraph):
            self.take(token[0], token.start(), paragraph)
        end = len(paragraph)  # what is left open is scanned to the paragraph's end
        self.scan += sum(end - at for at in self.brackets) + sum(end - at for at, _ in self.links)

    def take(self, token: str, at: int, paragraph: str) -> None:
        first = token[0]
        if first in "\\`&<":
            self.marks += 1
        elif first in "*_":
            self.marks += 1
            self.delimiter(first, at, at + len(token), paragraph)
        elif first in "![":
            self.marks += 1
            self.brackets.append(at)
        elif first == "]":
            self.close_bracket(at, token == "](")
        elif first == "(":
            self.parens += 1
        else:
            self.close_paren(at)

    def delimiter(self, char: str, start: int, end: int, paragraph: str) -> None:
        """A run of '*' or '_': it closes an open run when it follows a word, else opens one
        when a word follows it (CommonMark's flanking rule, without the punctuation cases)."""
        after_word = start > 0 and not paragraph[start - 1].isspace()
        before_word = end < len(paragraph) and not paragraph[end].isspace()
        if after_word and self.emphasis[char]:
            self.reach(start)
            self.emphasis[char] -= 1
        elif before_word:
            self.emphasis[char] += 1

    def close_bracket(self, at: int, opens_link: bool) -> None:
        if not self.brackets:
            return
        self.reach(at)
        self.scan += at - self.brackets.pop()
        if opens_link:
            self.parens += 1
            self.links.append((at, self.parens))

    def close_paren(self, at: int) -> None:
        while self.links and self.links[-1][1] >= self.parens:
            self.scan += at - self.links.pop()[0]
        self.parens = max(0, self.parens - 1)

    def reach(self, at: int) -> None:
        """Note the nesting at a closing mark: what is still open around it."""
        depth = len(self.brackets) + sum(self.emphasis.values())
        if depth > self.deepest:
            self.deepest, self.deepest_at = depth, at


def check(path: str, texts: Iterable[tuple[str, ScalarNode]],
          markdown: Iterable[tuple[str, ScalarNode]], source: str) -> list[Problem]:
    """An error for each text that goes over a limit, on the line where it does."""
    lines = source.splitlines()
    marked = {id(node) for _, node in markdown}
    problems = []
    for where, node in texts:
        text = str(node.value)
        found = excess(text) if id(node) in marked else plain_excess(text)
        if found:
            problems.append(Problem(path, line_of(found, text, node, lines), where, found.message))
    return problems


def line_of(found: Excess, text: str, node: ScalarNode, lines: list[str]) -> int:
    """The file's line for a line of a text. A literal block (`|`) keeps its lines; another style
    folds them, so the line is found where its words are written, else the field's first line is
    named (a quoted text may spell them with escapes)."""
    first = node.start_mark.line + 1
    if found.line is None:
        return first
    if node.style == "|":
        return first + 1 + found.line
    words = text.split("\n")[found.line].strip()[:60]
    at, _ = locate(words, lines, (node.start_mark.line, node.start_mark.column), node.end_mark.line)
    return at if words and at else first
