"""Dates, times and labels in Danish, from Babel's CLDR data."""

from __future__ import annotations

import datetime as dt
from functools import lru_cache

from babel.dates import format_date, format_time

LOCALE = "da_DK"

ATTENDANCE = {"present": "Mødt", "absent": "Fraværende", "excused": "Afbud",
              "substitute": "Stedfortræder"}
STATUS = {"held": "Referat", "planned": "Dagsorden", "cancelled": "Aflyst"}


@lru_cache(maxsize=16384)
def long_date(day: dt.date) -> str:
    """'onsdag den 26. november 2025'."""
    return format_date(day, "EEEE 'den' d. MMMM y", locale=LOCALE)


@lru_cache(maxsize=16384)
def short_date(day: dt.date) -> str:
    """'26. november 2025'."""
    return format_date(day, "d. MMMM y", locale=LOCALE)


@lru_cache(maxsize=16384)
def clock(moment: dt.time) -> str:
    """'17.00', as Danish writes the time of day."""
    return format_time(moment, "HH.mm", locale=LOCALE)


def when(day: dt.date, start: dt.time | None = None, end: dt.time | None = None) -> str:
    """'onsdag den 26. november 2025 kl. 17.00-19.00'; the times only as far as they are known."""
    text = long_date(day)
    if start:
        text += f" kl. {clock(start)}"
        if end:
            text += f"-{clock(end)}"
    return text


def count(n: int, one: str, many: str) -> str:
    """'1 punkt', '6 punkter'."""
    return f"{n} {one if n == 1 else many}"


def sort_key(text: str) -> str:
    """A key that sorts Danish text as a Danish reader expects: æ, ø, å after z."""
    # '{', '|' and '}' come right after 'z' in ASCII.
    return text.casefold().replace("æ", "{").replace("ø", "|").replace("å", "}")
