"""Dates, times and labels in the site's language (Danish by default), from Babel's CLDR data.

Danish keeps the patterns a Danish reader expects ('onsdag den 26. november 2025'); another
language has its CLDR formats, through Babel's format_date ('Wednesday 26 November 2025')."""

from __future__ import annotations

import datetime as dt
from functools import lru_cache
from pathlib import PurePosixPath

from babel.dates import format_date, format_time
from babel.units import format_unit

from .i18n import N_, _, current, locale, ngettext
from .model import Attendance, Status

LOCALE = "da_DK"

# The labels as msgids; `label()` gives them in the site's language.
ATTENDANCE: dict[Attendance, str] = {"present": N_("Mødt"), "absent": N_("Fraværende"),
                                     "excused": N_("Afbud"), "substitute": N_("Stedfortræder")}
STATUS: dict[Status, str] = {"held": N_("Referat"), "planned": N_("Dagsorden"),
                             "cancelled": N_("Aflyst")}
# Decimal units, as file managers and browsers show them today; CLDR names them in Danish.
SIZE_UNITS = ("digital-byte", "digital-kilobyte", "digital-megabyte", "digital-gigabyte",
              "digital-terabyte")
# A reader knows these by the program that opens them, not by the file name's ending.
FILE_KINDS = {"doc": "Word", "docx": "Word", "xls": "Excel", "xlsx": "Excel",
              "ppt": "PowerPoint", "pptx": "PowerPoint", "odt": N_("OpenDocument-tekst"),
              "ods": N_("OpenDocument-regneark"), "odp": N_("OpenDocument-præsentation"),
              "txt": N_("Tekst"), "jpg": N_("JPEG-billede"), "jpeg": N_("JPEG-billede"),
              "png": N_("PNG-billede")}
# Danish's own patterns; other languages take CLDR's full and long formats.
DANISH = {"long": "EEEE 'den' d. MMMM y", "short": "d. MMMM y", "clock": "HH.mm"}
OTHER = {"long": "full", "short": "long", "clock": "HH:mm"}


def pattern(kind: str) -> str:
    return (DANISH if current() == "da" else OTHER)[kind]


def label(msgid: str) -> str:
    """A label of ATTENDANCE, STATUS or FILE_KINDS in the site's language."""
    return _(msgid)


def long_date(day: dt.date) -> str:
    """'onsdag den 26. november 2025'."""
    return _formatted(day, pattern("long"), locale())


def short_date(day: dt.date) -> str:
    """'26. november 2025'."""
    return _formatted(day, pattern("short"), locale())


def clock(moment: dt.time) -> str:
    """'17.00', as Danish writes the time of day ('17:00' in English)."""
    return _clock(moment, pattern("clock"), locale())


@lru_cache(maxsize=16384)
def _formatted(day: dt.date, form: str, where: str) -> str:
    return format_date(day, form, locale=where)


@lru_cache(maxsize=16384)
def _clock(moment: dt.time, form: str, where: str) -> str:
    return format_time(moment, form, locale=where)


def when(day: dt.date, start: dt.time | None = None, end: dt.time | None = None) -> str:
    """'onsdag den 26. november 2025 kl. 17.00-19.00'; the times only as far as they are known."""
    if not start:
        return long_date(day)
    hours = f"{clock(start)}-{clock(end)}" if end else clock(start)
    return _("{date} kl. {time}").format(date=long_date(day), time=hours)


def count(n: int, one: str, many: str) -> str:
    """'1 punkt', '6 punkter': `one` and `many` are msgids, in the site's language."""
    return f"{n} {ngettext(one, many, n)}"


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
    return format_unit(value, SIZE_UNITS[unit], length="short", format=pattern, locale=locale())


def file_kind(name: str) -> str:
    """'PDF', 'Word', 'Excel': a file's type from the end of its name; 'Fil' without one."""
    suffix = PurePosixPath(name).suffix.lstrip(".").lower()
    return _(FILE_KINDS[suffix]) if suffix in FILE_KINDS else suffix.upper() or _("Fil")
