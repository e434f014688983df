"""Dates, times and labels in Danish, from Babel's CLDR data."""

from __future__ import annotations

import datetime as dt
from functools import lru_cache
from pathlib import PurePosixPath

from babel.dates import format_date, format_time
from babel.units import format_unit

from .model import Attendance, Status

LOCALE = "da_DK"

ATTENDANCE: dict[Attendance, str] = {"present": "Mødt", "absent": "Fraværende", "excused": "Afbud",
                                     "substitute": "Stedfortræder"}
STATUS: dict[Status, str] = {"held": "Referat", "planned": "Dagsorden", "cancelled": "Aflyst"}
# Decimal units, as file managers and browsers show them today; CLDR names them in Danish.
SIZE_UNITS = ("digital-byte", "digital-kilobyte", "digital-megabyte", "digital-gigabyte",
              "digital-terabyte")
# A reader knows these by the program that opens them, not by the file name's ending.
FILE_KINDS = {"doc": "Word", "docx": "Word", "xls": "Excel", "xlsx": "Excel",
              "ppt": "PowerPoint", "pptx": "PowerPoint", "odt": "OpenDocument-tekst",
              "ods": "OpenDocument-regneark", "odp": "OpenDocument-præsentation",
              "txt": "Tekst", "jpg": "JPEG-billede", "jpeg": "JPEG-billede", "png": "PNG-billede"}


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


def file_size(size: int) -> str:
    """'30 B', '830 kB', '1,2 MB': one decimal below 10 of a unit, none above."""
    value, unit = float(size), 0
    while unit + 1 < len(SIZE_UNITS) and round(value, 1 if value < 10 else 0) >= 1000:
        value, unit = value / 1000, unit + 1
    pattern = "#,##0.#" if unit and value < 9.95 else "#,##0"
    return format_unit(value, SIZE_UNITS[unit], length="short", format=pattern, locale=LOCALE)


def file_kind(name: str) -> str:
    """'PDF', 'Word', 'Excel': a file's type from the end of its name; 'Fil' without one."""
    suffix = PurePosixPath(name).suffix.lstrip(".").lower()
    return FILE_KINDS.get(suffix, suffix.upper() or "Fil")
