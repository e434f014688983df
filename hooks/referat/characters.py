"""The characters of a meeting file: UTF-8 only, and no invisible characters where they deceive.

A right-to-left override in a title makes it show "Godkendt" while it says something else, in the
page and in the pull request's diff alike; a zero-width space in a journal number or a topic makes
a second case or topic page that looks like the first. Both are errors at the character's line.
Markdown fields may keep zero-width characters and soft hyphens (text copied from a PDF has them,
and they make no address), but not the characters that reorder text.
"""

from __future__ import annotations

import bisect
import re
import unicodedata
from collections.abc import Iterable

from yaml.nodes import ScalarNode

from .problems import Problem

# Characters that reorder the text around them (Unicode's bidirectional controls).
BIDI = frozenset("\u061c\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069")
# Line breaks YAML counts and editors do not: every line number after one would be wrong.
ODD_BREAKS = re.compile("[\x85\u2028\u2029]")
# Unicode's format characters (category Cf: zero-width spaces and joiners, bidirectional
# controls, the soft hyphen, tag characters), spelled out because a scan of all of Unicode at
# import would cost a third of a second; a test checks the list against `unicodedata`.
INVISIBLE = re.compile("[\u00ad\u0600-\u0605\u061c\u06dd\u070f\u0890\u0891\u08e2\u180e"
                       "\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u206f\ufeff"
                       "\ufff9-\ufffb\U000110bd\U000110cd\U00013430-\U0001343f"
                       "\U0001bca0-\U0001bca3\U0001d173-\U0001d17a\U000e0001"
                       "\U000e0020-\U000e007f]")
CONTROL_NAMES = {"\x85": "NEXT LINE"}
MAX_REPORTED = 20  # per file; the rest are counted
UTF16_BOMS = (b"\xff\xfe", b"\xfe\xff")


class EncodingProblem(Exception):
    """The bytes are not UTF-8 text; `line` is that of the first bad byte."""

    def __init__(self, line: int, message: str) -> None:
        super().__init__(message)
        self.line = line
        self.message = message


def decode(data: bytes) -> str:
    """The text of a file's bytes, which must be UTF-8 (a byte-order mark is allowed)."""
    if data.startswith(UTF16_BOMS):
        raise EncodingProblem(1, "the file is UTF-16 text; save it as UTF-8")
    if (nul := data.find(b"\x00")) >= 0:
        raise EncodingProblem(data.count(b"\n", 0, nul) + 1, f"a NUL byte at byte {nul}: the file "
                              "is not UTF-8 text (it may be UTF-16, or not text at all); save it "
                              "as UTF-8")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as error:
        at = data.count(b"\n", 0, error.start) + 1
        hint = "; it looks like Windows-1252 or Latin-1:" if _is_single_byte(data) else ";"
        raise EncodingProblem(at, f"not UTF-8 text ({error.reason} at byte {error.start})"
                              f"{hint} save the file as UTF-8") from None


def _is_single_byte(data: bytes) -> bool:
    try:
        data.decode("cp1252")
    except UnicodeDecodeError:
        return False
    return True


def odd_breaks(text: str) -> list[tuple[int, str]]:
    """Line breaks other than LF and CRLF, with their lines as an editor counts them."""
    return [(text.count("\n", 0, m.start()) + 1, f"{name(m[0])} is a line break only YAML "
             "sees, so the lines would not match the editor's; replace it with a space or a new "
             "line") for m in ODD_BREAKS.finditer(text)][:MAX_REPORTED]


def name(char: str) -> str:
    """'U+202E (RIGHT-TO-LEFT OVERRIDE)'; control characters have no name in Unicode's data."""
    return f"U+{ord(char):04X} ({unicodedata.name(char, CONTROL_NAMES.get(char, '?'))})"


def check(path: str, text: str, texts: Iterable[tuple[str, ScalarNode]],
          markdown: Iterable[tuple[str, ScalarNode]]) -> list[Problem]:
    """Invisible characters in a file's text: in its fields, keys and comments."""
    fields = Fields(texts, markdown)
    problems = []
    for hit in INVISIBLE.finditer(text, 1 if text.startswith("\ufeff") else 0):  # not a BOM
        where, is_markdown = fields.at(hit.start())
        if is_markdown and hit[0] not in BIDI:
            continue
        problems.append(Problem(path, text.count("\n", 0, hit.start()) + 1, where,
                                message(hit[0])))
        if len(problems) == MAX_REPORTED:
            break
    return problems


def message(char: str) -> str:
    effect = ("reorders the text around it, so it can show something other than what it says"
              if char in BIDI else "is invisible, and makes a name look like another that has "
              "its own address")
    return f"the character {name(char)} {effect}; delete it (it often comes along when copying)"


class Fields:
    """Which field a character of the file is in, found by its index in the text."""

    def __init__(self, texts: Iterable[tuple[str, ScalarNode]],
                 markdown: Iterable[tuple[str, ScalarNode]]) -> None:
        is_markdown = {id(node) for _, node in markdown}
        spans = sorted((n.start_mark.index, n.end_mark.index, where, id(n) in is_markdown)
                       for where, n in texts)
        self.starts = [span[0] for span in spans]
        self.spans = spans

    def at(self, index: int) -> tuple[str, bool]:
        """The field at `index` and whether it is Markdown; 'file' for a comment or a key."""
        i = bisect.bisect_right(self.starts, index) - 1
        if i >= 0 and index < self.spans[i][1]:
            return self.spans[i][2], self.spans[i][3]
        return "file", False
