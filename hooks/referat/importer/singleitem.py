"""An item's own page, read as one item: its title, or what says it is one item without one;
and the line after which a protocol's items are closed."""

from __future__ import annotations

import re

from .headers import Header
from .items import heading_block
from .lines import Dropped, Line
from .profiles import title_labels

LABEL_LINE = re.compile(r"^[\w ./-]{2,30}:\s")  # 'Mødedato: 22.04.2021': a fact, not a title
PARAGRAPH = re.compile(r"^(\d{1,4})\.(\d{1,2})\s+[A-Z]")  # '33.2 The minutes ...': a minute's paragraph
DOCUMENT_KIND = re.compile(r"(?:referat|dagsorden|beslutningsprotokol|protokol|minutes|agenda)\.?",
                           re.IGNORECASE)
CLOSED_DIVIDER = re.compile(r"^(?:(?:disse|følgende) sager (?:behandles|blev behandlet)"
                            r"|til behandling\s*[-–])"
                            r"\s+for lukkede døre\.?$", re.IGNORECASE)


def single_item(lines: list[Line]) -> Header | None:
    """A page of one item without a number (an item's own page): its title is the first line that
    reads as one, before any section heading. A page without such a line is still one item when
    a system's label says it is an item's page ('Issue - decisions'), or when its paragraphs are
    numbered as one minute's ('33.1', '33.2'); None otherwise."""
    labelled = False  # the line before was a label the system writes above a title
    first: int | None = None  # the first line of text after any label
    for index, line in enumerate(lines):
        text = line.text.strip().strip("*_").strip()
        if not text:
            continue
        if text.lower().rstrip(":") in title_labels():
            labelled, first = True, None
            continue
        first = index if first is None else first
        if labelled and reads_as_title(text):
            return Header(index, "1", text, 0)
        if DOCUMENT_KIND.fullmatch(text):
            continue  # 'Referat' over the meeting's name and date: the document, not the item
        if heading_block(text) is not None:
            return Header(index, "1", "Punkt 1", 0, opens_body=True)
        if reads_as_title(text) and not LABEL_LINE.match(text):
            return Header(index, "1", text, 0)
    number = minute_of_paragraphs(lines)
    if first is None or not (labelled or number):
        return None
    return Header(first, number or "1", f"Punkt {number or 1}", 0, opens_body=True)


def single_item_note(one: Header, lines: list[Line]) -> str:
    if one.opens_body:
        return (f"no item headers: the text from line {lines[one.index].number} is read as one "
                f"item, '{one.title}', whose title the source does not give; write its title and "
                "check its number")
    return (f"no item headers: the text is read as one item, titled by line "
            f"{lines[one.index].number}; check its title and write its number")


def minute_of_paragraphs(lines: list[Line]) -> str | None:
    """The minute whose paragraphs are numbered '33.1', '33.2', ... in order, as English councils'
    minutes number them: the page is that one minute, whose own header the text lacks."""
    numbers = [found.groups() for line in lines if (found := PARAGRAPH.match(line.text.strip()))]
    minutes = {minute for minute, _ in numbers}
    paragraphs = [int(paragraph) for _, paragraph in numbers]
    if len(minutes) == 1 and len(paragraphs) >= 2 and paragraphs == list(range(1, len(paragraphs) + 1)):
        return minutes.pop()
    return None


def reads_as_title(text: str) -> bool:
    """Short, capitalised, one phrase: not a sentence of a paragraph, not a label."""
    return 3 <= len(text) <= 150 and text[:1].isupper() and not text.endswith((":", ",")) \
        and not re.search(r"[.!?;]\s+\S", text)


def closed_divider(lines: list[Line], dropped: list[Dropped]) -> tuple[list[Line], int | None]:
    """The line after which every item is closed ('Disse sager behandles for lukkede døre', as
    Københavns beslutningsprotokol divides its items), taken out of the text as a marker."""
    for index, line in enumerate(lines):
        if CLOSED_DIVIDER.match(line.text.strip()):
            dropped.append(Dropped(line, "lukket: de følgende punkter behandles for lukkede døre"))
            return [*lines[:index], line.with_text(""), *lines[index + 1:]], index
    return lines, None
