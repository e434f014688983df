"""Personal data in the text of meeting files, as Datatilsynet's practice for public archives has it.

A CPR number is an error: it is never published, and the repository itself may be public. An e-mail
address (also one written to hide it: "navn (at) kommune.dk") or a phone number is a warning. The
check runs when a file is read, so it holds for every output made from the model. The patterns
leave journal numbers, amounts, dates and addresses alone; an authority's general mailbox
(post@..., kontakt@...) is not personal data.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from yaml.nodes import ScalarNode

from .problems import Level, Problem

# Not glued to a word, a number or a journal number on either side (a file name may hold one). The
# two parts may be joined by a hyphen or a dash, or written apart with a space ("010203 1234"); a
# spaced run of more numbers ("12 010203 1234 5678") is a list of numbers, not a CPR number.
GAP = r"[ \u00a0\u202f]"  # a space, a no-break space, a narrow no-break space
CPR = re.compile(rf"""(?<![\w+=.,-])(?<![0-9]{GAP})
    ([0-9]{{6}})(?:{GAP}?[-\u2010\u2011\u2013]{GAP}?|{GAP})?([0-9]{{4}})
    (?![\w]|[.,/-][0-9]|{GAP}[0-9])""", re.VERBOSE)
BANK_ACCOUNT = re.compile(r"\b(?:konto\w*|kto)\.?\s*:?\s*$", re.IGNORECASE)
EMAIL = re.compile(r"(?<![\w.+-])([\w.+-]+)@[\w-]+(?:\.[\w-]+)*\.[^\W\d_]{2,}(?![\w-])")
# An address written to hide it from harvesters is still an address: "navn (at) kommune.dk",
# "navn[at]kommune.dk", "navn snabel-a kommune dk", "navn at kommune dot dk". The marks are ones
# no Danish sentence writes between two words; a bare "at" (a common Danish word) counts only with
# a spelt-out dot, and a bare space as the dot only before a common domain ending.
# Repeats are bounded, so no text makes the pattern backtrack for long.
OPEN, CLOSE = r"[(\[{<]\s*", r"\s*[)\]}>]"
DOT_MARK = rf"\s*{OPEN}(?:dot|punktum|prik|\.){CLOSE}\s*"  # "(dot)", "[punktum]", "(.)"
DOT = rf"(?:\.|{DOT_MARK}|\s+(?:dot|punktum|prik)\s+)"
AT = rf"(?:\s*{OPEN}(?:at|snabel-?a|@){CLOSE}\s*|\s*@\s*|\s+snabel-?a\s+)"
ENDING = r"(?:dk|com|org|net|eu|gov|info|fo|gl)"  # none a Danish word ('se', 'nu', 'de' are)
LABEL = r"[^\W_][\w-]*"
OBFUSCATED_EMAIL = re.compile(rf"""(?<![\w.+-])(?P<local>[\w+-]+(?:{DOT}[\w+-]+){{0,4}})
    (?:{AT}{LABEL}(?:(?:{DOT}|\s+){LABEL}){{0,3}}(?:{DOT}[^\W\d_]{{2,}}|\s+{ENDING})
      |\s+at\s+{LABEL}(?:{DOT}{LABEL}){{0,3}}(?:{DOT_MARK}|\s+dot\s+){ENDING})
    (?![\w-]|\.[^\W\d_])""", re.VERBOSE | re.IGNORECASE)
OBFUSCATION = re.compile(rf"{OPEN}(?:at|snabel-?a|@|dot|punktum|prik|\.){CLOSE}|snabel-?a|\bdot\b|@",
                         re.IGNORECASE)  # a cheap test first: most texts have none of these
PHONE = re.compile(r"""
    (?<![\w+=.,/-])(?<![0-9]\s)              # not the tail of another number or word
    (?P<intl>(?:\+|00)\s?45[ -]?)?
    (?P<number>[0-9]{2}(?:[\s-][0-9]{2}){3}|[0-9]{4}[\s-][0-9]{4}|[0-9]{8})
    (?![\w]|[.,/-][0-9]|\s[0-9])             # nor its head
""", re.VERBOSE)
PHONE_WORD = re.compile(r"\b(?:tlf|telefon\w*|mobil\w*|mob|tel|phone|sms)\.?(?:\s*nr\.?)?\s*:?\s*$",
                        re.IGNORECASE)
# Words that make an eight-digit number something else: a CVR, SE or P number, or an amount
# (an amount is never a CPR number either).
NOT_PHONE_BEFORE = re.compile(r"\b(?:(?:cvr|se|p)[-\s.]*(?:nr|nummer)|cvr|kr|dkk)\.?\s*:?\s*$",
                              re.IGNORECASE)
AMOUNT_AFTER = re.compile(r"^(?:\s*(?:kr\b|kroner|dkk|mio|mia|euro|€)|,-)", re.IGNORECASE)
# Mailboxes of an authority rather than of a person.
GENERAL_MAILBOX = re.compile(r"^(?:post|postkasse|kontakt|info|borgerservice|sekretariat(?:et)?|"
                             r"raadhus(?:et)?|rådhus(?:et)?|presse|digitalpost|no-?reply|"
                             r"webmaster)(?:[.-]\w+)*$", re.IGNORECASE)
LOOK_AROUND = 24  # characters before and after a number that say what it is

ADVICE = "remove it, or replace it with a contact form or the authority's general address"
MESSAGES: dict[str, tuple[Level, str]] = {
    "cpr": ("error", "a CPR number ({}) is never published, and the repository may be public; "
            "remove it"),
    "email": ("warning", "an e-mail address ({}) is personal data that a public archive does "
              f"not keep; {ADVICE} (e.g. post@kommune.dk)"),
    "phone": ("warning", "a phone number ({}) is personal data that a public archive does not "
              f"keep; {ADVICE}"),
}


@dataclass(frozen=True)
class Finding:
    """Personal data found in a text: what kind, the text as written, and where it starts."""

    kind: str  # cpr | email | phone
    text: str
    start: int

    @property
    def shown(self) -> str:
        """The finding as a message shows it: a CPR number without its serial part."""
        return f"{self.text[:6]}-xxxx" if self.kind == "cpr" else " ".join(self.text.split())


def find(text: str) -> list[Finding]:
    """Every CPR number, e-mail address and phone number in a text, in order."""
    cprs = [Finding("cpr", m[0], m.start()) for m in CPR.finditer(text) if is_cpr(m[1] + m[2])
            and not BANK_ACCOUNT.search(text[max(0, m.start() - LOOK_AROUND):m.start()])
            and not AMOUNT_AFTER.match(text[m.end():])]  # '010203 1234 kr.': a case, an amount
    emails = find_emails(text)
    taken = [(f.start, f.start + len(f.text)) for f in cprs + emails]
    phones = [Finding("phone", m[0], m.start()) for m in PHONE.finditer(text)
              if is_phone(text, m) and not overlaps(m.start(), m.end(), taken)]
    return sorted(cprs + emails + phones, key=lambda f: f.start)


def find_emails(text: str) -> list[Finding]:
    """E-mail addresses of persons, as written or obfuscated; a general mailbox is left alone."""
    if not OBFUSCATION.search(text):  # most texts have no '@' nor any mark: faster
        return []
    plain = [Finding("email", m[0], m.start()) for m in EMAIL.finditer(text)
             if not GENERAL_MAILBOX.match(m[1])]
    taken = [(f.start, f.start + len(f.text)) for f in plain]
    hidden = [Finding("email", m[0], m.start()) for m in OBFUSCATED_EMAIL.finditer(text)
              if not GENERAL_MAILBOX.match(re.sub(DOT, ".", m["local"], flags=re.IGNORECASE))
              and not overlaps(m.start(), m.end(), taken)]
    return sorted(plain + hidden, key=lambda f: f.start)


def overlaps(start: int, end: int, taken: Iterable[tuple[int, int]]) -> bool:
    return any(a < end and start < b for a, b in taken)


def is_cpr(digits: str) -> bool:
    """Whether ten digits start with a real birth date, in the century the serial digit gives."""
    day, month, year, serial = int(digits[:2]), int(digits[2:4]), int(digits[4:6]), int(digits[6])
    if serial <= 3:
        century = 1900
    elif serial in (4, 9):
        century = 2000 if year <= 36 else 1900
    else:
        century = 2000 if year <= 57 else 1800
    try:
        dt.date(century + year, month, day)
    except ValueError:
        return False
    return True


def is_phone(text: str, match: re.Match[str]) -> bool:
    """Whether a candidate is a Danish phone number rather than a date, an amount or a CVR number."""
    before = text[max(0, match.start() - LOOK_AROUND):match.start()]
    if match["intl"] or PHONE_WORD.search(before):
        return True
    number = match["number"]
    if number[0] in "01" or "-" in number:  # Danish numbers start with 2-9; hyphens join cases
        return False
    if NOT_PHONE_BEFORE.search(before) or AMOUNT_AFTER.match(text[match.end():]):
        return False
    return not is_date_like(number)


def is_date_like(number: str) -> bool:
    """An eight-digit date (YYYYMMDD or DDMMYYYY), or two years side by side ('2024 2025')."""
    parts = number.split()
    if len(parts) == 2:
        return all(1900 <= int(half) <= 2099 for half in parts)
    if len(parts) > 1:
        return False
    for year, month, day in ((number[:4], number[4:6], number[6:]),
                             (number[4:], number[2:4], number[:2])):
        try:
            if 1900 <= int(year) <= 2099:
                dt.date(int(year), int(month), int(day))
                return True
        except ValueError:
            continue
    return False


def check(path: str, texts: Iterable[tuple[str, ScalarNode]], source: str) -> list[Problem]:
    """Problems for personal data in a file's text fields, each on the line where it is written."""
    lines = source.splitlines()
    problems = []
    for where, node in texts:
        cursor = (node.start_mark.line, node.start_mark.column)
        for finding in find(str(node.value)):
            at, cursor = locate(finding.text, lines, cursor, node.end_mark.line)
            level, message = MESSAGES[finding.kind]
            problems.append(Problem(path, at or node.start_mark.line + 1, where,
                                    message.format(finding.shown), level))
    return problems


def locate(text: str, lines: Sequence[str], cursor: tuple[int, int],
           last: int) -> tuple[int | None, tuple[int, int]]:
    """The 1-based line where `text` is next written from `cursor`, up to line `last` (0-based).

    None when it is not written as it reads (split over lines, or with escapes): the caller then
    names the field's first line.
    """
    row, column = cursor
    while row <= min(last, len(lines) - 1):
        found = lines[row].find(text, column)
        if found >= 0:
            return row + 1, (row, found + len(text))
        row, column = row + 1, 0
    return None, cursor
