"""Problems found in meeting files, reported as `path:line: field: message`."""

from __future__ import annotations

import difflib
import gettext
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, replace
from typing import Literal

Level = Literal["error", "warning"]
ENGLISH = gettext.NullTranslations()  # the messages as written: English
# Every character str.splitlines() breaks at; a value quoted in a message may hold one.
LINE_BREAK = re.compile(r"[\n\r\v\f\x1c-\x1e\x85\u2028\u2029]")
# An item's place at the start of a field: 'items[3]' in 'items[3].decision', not in 'items'.
ITEM_PLACE = re.compile(r"^items\[\d+\](?=[.\[]|$)")


@dataclass(frozen=True, order=True)
class Problem:
    """One thing wrong in one place of one file."""

    path: str
    line: int
    field: str
    message: str
    level: Level = "error"

    def __str__(self) -> str:
        prefix = "warning: " if self.level == "warning" else ""
        return one_line(f"{self.path}:{self.line}: {self.field}: {prefix}{self.message}")

    @property
    def is_error(self) -> bool:
        return self.level == "error"


def by_punkt(problem: Problem, numbers: Mapping[str, str]) -> Problem:
    """The problem with its item's place named by the punkt number too, `numbers` giving the
    number of each place ('items[3]': '32'): `punkt 32 (items[3]).decision`.

    The number comes first because it is what the secretary sees in the minutes and the agenda; the
    place stays, in brackets, because two items may share a number (itself a problem) or an item's
    number may be the very thing that is wrong, and the place then still finds it in the file. A
    problem already named (its field starts with 'punkt') is left as it is.
    """
    place = ITEM_PLACE.match(problem.field)
    if place is None or place[0] not in numbers:
        return problem
    number = numbers[place[0]]
    number = number if len(number) <= 20 else number[:19] + "…"  # a number is short; a long one is cut
    return replace(problem, field=f"punkt {number} ({place[0]}){problem.field[place.end():]}")


def one_line(text: str) -> str:
    """The text with its line breaks written as escapes, so one problem prints as one line."""
    return LINE_BREAK.sub(lambda m: repr(m[0])[1:-1], text)


def closest(word: str, known: Sequence[str]) -> str | None:
    """The known word that a misspelt one most likely meant, or None if none is close."""
    if len(word) >= 99:  # a long word is no misspelt key, and difflib's cost grows with its length
        return None
    close = difflib.get_close_matches(word, known, n=1)
    return close[0] if close else None


def unknown_key(key: str, known: Sequence[str]) -> str:
    """The message for a key that is none of `known`: the one it likely meant, or the list."""
    close = closest(key, known)
    hint = f"did you mean '{close}'?" if close else f"known keys: {', '.join(known)}"
    return f"unknown key, its value would be lost; {hint}"


def errors(problems: list[Problem]) -> list[Problem]:
    """The problems that stop a build."""
    return [p for p in problems if p.is_error]


def summarise(problems: list[Problem], text: gettext.NullTranslations = ENGLISH) -> str:
    """One line counting the problems and the files they are in; `text`, the command's catalog,
    gives it in the user's language (English, its source, by default)."""
    n_err = len(errors(problems))
    n_warn = len(problems) - n_err
    files = len({p.path for p in problems})
    parts = [text.ngettext("{n} error", "{n} errors", n_err).format(n=n_err)]
    if n_warn:
        parts.append(text.ngettext("{n} warning", "{n} warnings", n_warn).format(n=n_warn))
    return text.ngettext("{problems} in {n} file", "{problems} in {n} files", files).format(
        problems=text.gettext(" and ").join(parts), n=files)
