"""One agenda item from its header and the lines under it: title, case number, sections, decision.

Every line under the header lands somewhere: the case number, a section, the decision, an
attachment, or the section "Ikke placeret" for text before the first heading.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Literal

from .headers import Header
from .journal import JOURNAL_LINE, VALUE_END, find_journal, split_journal
from .lines import Line
from .people import ROLE
from .vocabulary import (
    CLOSED,
    DECISION_IN,
    HEADING_COLON,
    RESOLVED,
    heading_key,
    is_attachment_heading,
    is_decision_heading,
    is_section_heading,
)

UNPLACED = "Ikke placeret"
BARE_DECISIONS = ("beslutning", "decision", "resolved", "afgørelse", "decisions", "resolution")
ABBREVIATIONS = re.compile(r"(?:\b(?:evt|pkt|mv|m\.m|bl\.a|o\.l|etc|inkl|ca|jf|nr|vedr|mht|div|st|ekskl|"
                           r"hhv|dvs|osv|m\.v|m\.fl|a/s|aps|i/s)|\b[A-ZÆØÅ])\.$", re.IGNORECASE)
ABSENTEES = re.compile(r"^(?P<label>fraværende(?: med afbud| uden afbud)?|afbud(?: fra)?|absent|"
                       r"apologies(?: for absence)?|ikke til stede)\s*:\s*(?P<names>.+)$", re.IGNORECASE)
OPEN = re.compile(r"(?:åben sag|åbent punkt|åben|åbent|offentlig|open item|open)\.?", re.IGNORECASE)
OWN_HEADING = re.compile(r"^[A-ZÆØÅ][\w'’-]*(?:\s+[\w'’-]+){0,2}\s*:$")
OPENS_A_LIST = re.compile(r"\b(?:er|var|at|om|følgende|bl\.a|is|are|was|were|following|include)\s*:$",
                          re.IGNORECASE)
LINK_LINE = re.compile(r"\[(?P<title>[^\]]+)\]\((?P<url>https?://[^\s()]+)\)")  # as the HTML reader writes it
# The vote under a resolution: part of the decision ('Proposed by: Cllr Taylor   Seconded by: ...').
VOTE = re.compile(r"^(?:proposed|seconded|carried|agreed|unanimously|for\s*:|against\s*:|abstentions?\s*:"
                  r"|vedtaget|forkastet|for stemte|imod stemte)", re.IGNORECASE)
BULLET = re.compile(r"^\s*(?:[-•*·▪]|\d+[.)])\s+")
# A proposal as Københavns beslutningsprotokol writes it: 'Indstilling om,' or 'Det foreslås,', its
# points, and who proposed it on a line of its own: '(Økonomiudvalget)', '(Stillet af Enhedslisten)'.
PROPOSED = ("indstilling om", "det foreslås")
PROPOSER = re.compile(r"\((?:stillet af\s+)?[A-ZÆØÅ][^()]{2,120}\)")


BlockKind = Literal["section", "decision", "attachments"]


@dataclass
class Block:
    """The lines under one heading."""

    heading: str | None
    lines: list[str] = field(default_factory=list)
    kind: BlockKind = "section"


@dataclass
class Item:
    """An item as the importer read it, before it becomes a meeting file's record."""

    number: str
    title: str
    closed: bool = False
    journal: str | None = None
    blocks: list[Block] = field(default_factory=list)
    absentees: list[tuple[str, str]] = field(default_factory=list)  # (label, names) lines taken out
    notes: list[str] = field(default_factory=list)  # what the reviewer should check


def read_item(header: Header, lines: list[Line]) -> Item:
    """The item a header opens, from the lines up to the next header."""
    title, closed = clean_title(header.title)
    item = Item(header.number, title, closed, journal=header.journal)
    body = ([header.rest] if header.rest else []) + [line.text.rstrip() for line in lines]
    if not title:
        item.title, item.closed = take_title(body) or (f"Punkt {header.number}", closed)
    current = Block(None)
    item.blocks.append(current)
    seen = False  # whether any block has a line yet; blocks only grow, so a flag will do
    for text in body:
        current = read_line(item, current, text, lines_seen=seen)
        seen = seen or bool(current.lines)
    item.blocks = [b for b in item.blocks if b.heading or any(t.strip() for t in b.lines)]
    return item


def read_line(item: Item, current: Block, text: str, lines_seen: bool) -> Block:
    """Put one line in its place; returns the block later lines go to."""
    stripped = text.strip().strip("*_").strip()
    if not stripped:
        current.lines.append("")
        return current
    if current.heading == "" and current.kind == "decision" and ends_paragraph(current.lines) \
            and not VOTE.match(stripped):
        current = Block(None)  # the paragraph after 'RESOLVED that ...' is the minute's text again
        item.blocks.append(current)
    if item.journal is None and (journal := item_journal(item, stripped)):
        item.journal, rest = journal
        for part in VALUE_END.split(rest):  # 'Dok.nr.: 330-2020-488200   Åbent': read as lines
            if part.strip():
                current = read_line(item, current, part.strip(), lines_seen)
        return current
    if CLOSED.fullmatch(stripped.rstrip(".")):
        if lines_seen and not item.closed:  # 'Lukket punkt.' in the body: closed, but say so
            item.notes.append(f"item {item.number}: closed, as a line of its text says "
                              f"('{stripped}'); check it")
        item.closed = True
        return current
    if not lines_seen and OPEN.fullmatch(stripped):
        return current  # 'Åben sag': public, as every item is unless it is closed
    if found := ABSENTEES.match(stripped):
        item.absentees.append((found["label"], found["names"]))
        return current
    if (placed := proposal_line(item, current, text, stripped)) is not None:
        return placed
    if wrapped := wrapped_heading(current, stripped):
        current.lines.pop()  # 'Implementation of' / 'Decisions:': one heading, broken at the margin
        item.blocks.append(wrapped)
        return wrapped
    block = heading_block(stripped) or own_heading(item, current, stripped)
    if block is not None and not resolved_within(item, current, block):
        item.blocks.append(block)
        return block
    current.lines.append(text)
    return current


def wrapped_heading(current: Block, stripped: str) -> Block | None:
    """A heading whose first words ended the line before: short, with no end of sentence, and a
    known heading only when joined ('Implementation of' over 'Decisions:')."""
    before = current.lines[-1].strip() if current.lines else ""
    if not before or len(before) > 40 or before.endswith((".", ":", ";", ",", "!", "?")):
        return None
    joined = heading_block(f"{before} {stripped}")
    return joined if joined is not None and heading_block(before) is None else None


def proposal_line(item: Item, current: Block, text: str, stripped: str) -> Block | None:
    """A proposal's proposer ('(Stillet af Enhedslisten)') ends it: the block after it holds what
    was decided on it, unless the item has a decision heading of its own (item_record then makes
    it a section again). A note in brackets right under the proposer ('(1. behandling)') is still
    the proposal's. None for any other line."""
    if current.kind == "decision" and current.heading is None and len(item.blocks) > 1 \
            and not any(t.strip() for t in current.lines) and re.fullmatch(r"\([^()]+\)", stripped):
        item.blocks[-2].lines.append(text)
        return current
    if current.heading and heading_key(current.heading) in PROPOSED and PROPOSER.fullmatch(stripped):
        current.lines.append(text)
        block = Block(None, [], "decision")
        item.blocks.append(block)
        return block
    return None


def item_journal(item: Item, text: str) -> tuple[str, str] | None:
    """The item's case number on this line: a bare number only before the item's first section
    heading (later it is a figure of the text), a labelled one ('Sagsnr.: 24/1187') anywhere."""
    found = split_journal(text)
    if found is None or item_has_headings(item) and JOURNAL_LINE.match(text.strip("*_ ")):
        return None
    return found


def own_heading(item: Item, current: Block, text: str) -> Block | None:
    """A heading outside the vocabulary ('Rådets bemærkninger:') in an item that writes its known
    headings the same way: a paragraph of its own of at most three words ending in a colon."""
    if not item_has_headings(item) or not any(t.strip() for t in current.lines) \
            or current.lines[-1].strip():
        return None  # it follows a paragraph of the block above, after a blank line
    if not OWN_HEADING.match(text) or OPENS_A_LIST.search(text):
        return None
    return Block(text.rstrip(":").strip(), [], "section")


def ends_paragraph(lines: list[str]) -> bool:
    """A blank line after a finished sentence: not a page break in the middle of one."""
    text = [line.strip() for line in lines if line.strip()]
    return bool(lines) and not lines[-1].strip() and bool(text) and (
        text[-1].endswith((".", "!", "?")) or bool(VOTE.match(text[-1])))


def resolved_within(item: Item, current: Block, block: Block) -> bool:
    """'It was RESOLVED that ...' inside a paragraph of an item without headings: the paragraph,
    resolution and all, is the minute, not a decision apart from its text."""
    return block.heading == "" and block.kind == "decision" and not item_has_headings(item) \
        and bool(current.lines) and bool(current.lines[-1].strip())


def item_has_headings(item: Item) -> bool:
    return any(block.heading for block in item.blocks)


def heading_block(text: str) -> Block | None:
    """A new block if the line is a section, decision or attachment heading (with any text after a colon)."""
    if len(text) <= 120 and RESOLVED.match(text) and heading_key(text) not in BARE_DECISIONS:
        return Block("", [text], "decision")  # "It was RESOLVED that ...": the line is the decision
    head, rest = text, ""
    if (found := HEADING_COLON.match(text)) and found["rest"]:
        head, rest = found["head"], found["rest"]
    if len(head) > 120:
        return None
    kind: BlockKind | None = ("decision" if is_decision_heading(head) else "attachments"
                              if is_attachment_heading(head) else "section" if is_section_heading(head)
                              else None)
    if kind is None:
        return None
    return Block(head.strip().rstrip(":").strip(), [rest] if rest else [], kind)


def clean_title(title: str) -> tuple[str, bool]:
    """The title without bold, a closed marker or a trailing period; and whether it was closed."""
    title = re.sub(r"\*\*|__", "", title).strip()
    closed = bool(CLOSED.search(title))
    if closed:
        title = CLOSED.sub(" ", title).strip(" -–:")
    title = re.sub(r"\s+", " ", title).strip()
    if title.endswith(".") and not title.endswith("..") and not ABBREVIATIONS.search(title):
        title = title[:-1].rstrip()
    return title, closed


def take_title(body: list[str]) -> tuple[str, bool] | None:
    """An item whose header has no title: its first line is the title when it reads like one,
    with whether it is marked closed ('Lukket punkt: Klagesag')."""
    for i, text in enumerate(body):
        stripped = text.strip().strip("*_").strip()
        if not stripped:
            continue
        if find_journal(stripped) or heading_block(stripped) or len(stripped) > 120 \
                or CLOSED.fullmatch(stripped) or re.search(r"[.!?]\s+[A-ZÆØÅ]", stripped):
            return None
        del body[i]
        return clean_title(stripped)
    return None


def text_of(lines: list[str]) -> str:
    """Lines as Markdown text: broken lines joined, outer blank lines removed, blank runs made one."""
    text = "\n".join(join_broken(lines))
    return re.sub(r"\n{3,}", "\n\n", text).strip("\n").strip()


def join_broken(lines: list[str]) -> list[str]:
    """Join a paragraph's lines that a PDF broke at the margin ('til 29. januar' / '2024. Der er').

    A line ending in . : ! or ? ends its sentence, and list items stay on their own lines.
    """
    out: list[str] = []
    for line in (line.rstrip() for line in lines):
        previous = out[-1] if out else ""
        if line.strip() and previous.strip() and not previous.endswith((".", ":", "!", "?", ";")) \
                and not BULLET.match(previous) and not re.match(r"^\s*[-•*·▪]\s", line) \
                and not starts_a_list(previous, line):
            out[-1] = f"{previous} {line.strip()}"
        else:
            out.append(line)
    return out


def starts_a_list(previous: str, line: str) -> bool:
    """'Forvaltningen indstiller,' / '1. at ...': a numbered recommendation, not a wrapped line
    ('til 29. januar' / '2024. Der er' is one)."""
    found = re.match(r"^\s*\d{1,2}[.)]\s+(?P<first>\w+)", line)
    return found is not None and (previous.endswith(",") or found["first"].lower() in ("at", "that"))


def absentee_names(names: str) -> list[str]:
    """'Jens Holm (A), Ole Dam (V)' -> the separate names as written."""
    return [n.strip() for n in re.split(r",|;|\s+og\s+|\s+and\s+", names) if n.strip()
            and not ROLE.match(n.strip(" ."))]


def decision_text(blocks: list[Block]) -> str | None:
    """The decision blocks joined in order. A heading stays as a first line when it says who
    decided or when ('Beslutning i Økonomiudvalget den 4. marts 2024'), or tells one of several
    decisions from another ('Økonomiudvalgets beslutning', 'Byrådets beslutning')."""
    parts = []
    for block in blocks:
        text = text_of(block.lines)
        heading = block.heading or ""
        telling = DECISION_IN.match(heading) or re.search(r"\d", heading) or len(blocks) > 1
        if heading and heading_key(heading) not in BARE_DECISIONS and telling:
            text = f"{heading}\n\n{text}".strip()
        if text:
            parts.append(text)
    return "\n\n".join(parts) or None


def attachment_titles(blocks: list[Block]) -> list[dict[str, str]]:
    """The attachments a 'Bilag' block lists: a title each, and the address of a linked one."""
    records = []
    for line in (BULLET.sub("", line).strip() for block in blocks for line in block.lines):
        if found := LINK_LINE.fullmatch(line.replace("**", "")):
            records.append({"title": found["title"].strip(), "url": found["url"]})
        elif line:
            records.append({"title": line})
    return records
