"""Dates and times as minutes write them, in Danish and English.

Month names come from Babel's locale data, so "26. november 2025", "26. nov. 2025", "12 March
2024" and "March 12th, 2024" all read; so do "26-11-2025", "26.11.2025", "26/11 2025" and ISO dates.
"""

from __future__ import annotations

import datetime as dt
import re
from functools import lru_cache

from babel import Locale

LOCALES = ("da", "en")


@lru_cache(maxsize=1)
def month_numbers() -> dict[str, int]:
    """Every wide and abbreviated month name of the locales, lower case, to its number."""
    names: dict[str, int] = {}
    for code in LOCALES:
        months = Locale.parse(code).months
        for context in ("format", "stand-alone"):
            for width in ("wide", "abbreviated"):
                for number, name in months[context][width].items():
                    names[name.lower().rstrip(".")] = number
    names["sept"] = 9
    return names


@lru_cache(maxsize=1)
def patterns() -> tuple[re.Pattern[str], ...]:
    month = "|".join(sorted((re.escape(m) for m in month_numbers()), key=len, reverse=True))
    return (
        re.compile(r"(?P<y>(?:19|20)\d\d)-(?P<m>\d\d)-(?P<d>\d\d)"),
        re.compile(rf"(?P<d>\d{{1,2}})\.?(?:st|nd|rd|th)?(?:\s+|-)(?:of\s+)?(?P<name>{month})\.?,?(?:\s+|-)(?P<y>(?:19|20)\d\d)",
                   re.IGNORECASE),
        re.compile(rf"(?P<name>{month})\.?\s+(?P<d>\d{{1,2}})(?:st|nd|rd|th)?,?\s+(?P<y>(?:19|20)\d\d)",
                   re.IGNORECASE),
        re.compile(r"(?<![\d.])(?P<d>\d{1,2})[-./](?P<m>\d{1,2})[-./ ]\s?(?P<y>(?:19|20)\d\d|\d\d)(?![\d/])"),
    )


def find_date(text: str) -> dt.date | None:
    """The first valid date written in the text."""
    found = date_match(text)
    return found[0] if found else None


def date_match(text: str) -> tuple[dt.date, re.Match[str]] | None:
    """The first valid date written in the text, and where it is written."""
    for pattern in patterns():
        for found in pattern.finditer(text):
            if (date := to_date(found.groupdict())) is not None:
                return date, found
    return None


# Words a line that gives only a date may have around it: 'Onsdag den 20. marts 2024 kl. 17.00',
# 'Tuesday 5th March 2024 at 7 p.m.'.
AROUND_A_DATE = frozenset(("den", "d", "the", "on", "of", "kl", "klokken", "at", "fra", "til", "from", "to",
                           "until", "am", "pm", "a", "p", "m", "st", "nd", "rd", "th"))


@lru_cache(maxsize=1)
def date_words() -> frozenset[str]:
    """Every month and weekday name of the locales, wide and abbreviated, lower case."""
    names = set(month_numbers())
    for code in LOCALES:
        days = Locale.parse(code).days
        for context in ("format", "stand-alone"):
            for width in ("wide", "abbreviated"):
                names |= {name.lower().rstrip(".") for name in days[context][width].values()}
    return frozenset(names)


def is_bare_date(text: str) -> bool:
    """Whether a line gives a date and nothing else: a weekday, 'den' and a time may go with it."""
    found = date_match(text)
    if found is None:
        return False
    rest = f"{text[:found[1].start()]} {text[found[1].end():]}".lower()
    return all(word in AROUND_A_DATE or word in date_words() for word in re.findall(r"[^\W\d_]+", rest))


def to_date(parts: dict[str, str | None]) -> dt.date | None:
    month = month_numbers().get((parts.get("name") or "").lower()) if parts.get("name") else None
    try:
        year = int(parts["y"] or 0)
        year += 2000 if year < 100 else 0
        return dt.date(year, month or int(parts.get("m") or 0), int(parts["d"] or 0))
    except (ValueError, KeyError):
        return None


CLOCK = r"(?P<{g}h>2[0-3]|[01]?\d)(?!\d)(?:[.:](?P<{g}m>[0-5]\d))?\s*(?P<{g}ap>[ap]\.?m\.?)?"
TIME_RANGE = re.compile(
    r"(?:\bkl\.?\s*|\bklokken\s+|\bat\s+|\bfra\s+|\bfrom\s+|^|\s)"
    + CLOCK.format(g="s") + r"\s*(?:-|–|til|to|until)\s*(?:kl\.?\s*)?" + CLOCK.format(g="e"), re.IGNORECASE)


def find_times(text: str) -> tuple[str | None, str | None]:
    """The start and end time in a text such as 'kl. 16.00-18.30' or '7.00 pm', as 'HH:MM'."""
    if found := TIME_RANGE.search(text):
        start = clock(found["sh"], found["sm"], found["sap"] or found["eap"])
        end = clock(found["eh"], found["em"], found["eap"])
        if start and end and (found["sm"] or found["em"] or found["sap"] or found["eap"]):
            return start, end
    if found := re.search(r"\bkl\.?\s*" + CLOCK.format(g="s"), text, re.IGNORECASE):
        return clock(found["sh"], found["sm"], found["sap"]), None
    for found in re.finditer(r"(?<![\d.:/-])" + CLOCK.format(g="s") + r"(?![\d.:/-])", text):
        if found["sm"] or found["sap"]:
            return clock(found["sh"], found["sm"], found["sap"]), None
    return None, None


def clock(hour: str | None, minute: str | None, ampm: str | None) -> str | None:
    if hour is None:
        return None
    h = int(hour)
    if ampm and ampm.lower().startswith("p") and h < 12:
        h += 12
    if ampm and ampm.lower().startswith("a") and h == 12:
        h = 0
    return f"{h:02d}:{int(minute or 0):02d}"
