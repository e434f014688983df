"""Text from meeting files, made safe to place in generated Markdown.

Plain fields (titles, names, places) are escaped so they show exactly as written. Markdown fields
keep their Markdown, but their headings are demoted so a page keeps its one h1 and its outline.
Raw HTML is switched off for the whole site by `referat.safe_markdown`.
"""

from __future__ import annotations

import re

# Inline markup that can start anywhere in a line; every escape costs Python-Markdown time, so
# characters that only matter at the start of a line are handled by LINE_START.
ESCAPE = re.compile(r"([\\`*_\[\]#|])")
LINE_START = re.compile(r"^(\d+)\.(?=\s|$)|^([-+>])")
ATX_HEADING = re.compile(r"^( {0,3})(#{1,6})(?=\s|$)", re.MULTILINE)
SETEXT_RULE = re.compile(r"^( {0,3}(?:=+|-+)[ \t]*)$", re.MULTILINE)
MARKUP = re.compile(r"[*_`#>]|!?\[([^\]]*)\]\([^)]*\)")
LIST_MARK = re.compile(r"^\s*(?:[-+*]|\d+[.)])\s+", re.MULTILINE)


def inline(text: str) -> str:
    """A plain text as Markdown that renders to exactly that text, on one line."""
    escaped = ESCAPE.sub(r"\\\1", " ".join(text.split()).replace("&", "&amp;"))
    return LINE_START.sub(lambda m: f"{m[1]}\\." if m[1] else f"\\{m[2]}", escaped)


def block(text: str, min_level: int = 3) -> str:
    """A Markdown text with its headings moved so that the highest is at `min_level`.

    The levels below keep their steps, so a text whose only heading is `####` does not skip a
    level under the page's own headings.
    """
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    levels = [len(m[2]) for m in ATX_HEADING.finditer(text)]
    shift = min_level - min(levels) if levels else 0
    text = ATX_HEADING.sub(lambda m: m[1] + "#" * min(len(m[2]) + shift, 6), text)
    # A line of '=' or '-' under a paragraph would make it an h1 or h2 above the page's own
    # headings: a blank line keeps it a paragraph (and '---' a rule).
    return SETEXT_RULE.sub(lambda m: "\n" + m[1], text)


def indent(text: str, prefix: str = "    ") -> str:
    """Every non-blank line indented, as admonition bodies need."""
    return "\n".join(prefix + line if line.strip() else "" for line in text.splitlines())


def plain(markdown: str) -> str:
    """A Markdown text as plain words: links become their text, markup goes."""
    text = LIST_MARK.sub("", markdown)
    text = MARKUP.sub(lambda m: m[1] or "", text)
    return " ".join(text.split())


def short(markdown: str | None, limit: int = 140) -> str:
    """The first paragraph of a text as plain words, cut at a word near `limit` characters."""
    if not markdown:
        return ""
    first = plain(markdown.strip().split("\n\n")[0])
    if len(first) <= limit:
        return first
    return first[:limit].rsplit(" ", 1)[0].rstrip(",.;:") + " …"
