"""Case (journal) numbers: the shapes Danish case systems and English councils give them, and the
labels written before them.

A labelled number is cut out of its line: "Sagsnr.: 330-2020-164   Dok.nr.: 330-2020-488200   Åbent"
gives the case number 330-2020-164, and the rest of the line stays text of the item.
"""

from __future__ import annotations

import re

JOURNAL_SHAPES = (
    r"\d{2}\.\d{2}\.\d{2}-[A-ZÆØÅ]\d{2}-\d+-\d{2,4}",  # KLE: 15.00.00-G01-2536-21, 00.01.00-A00-1-2024
    r"\d{2}\.\d{2}\.\d{2}(?:[A-ZÆØÅ]\d{2})?\s*-\s*\d{4}/\d+",  # 15.20G00 - 2013/01963
    r"\d{2}\.\d{2}[A-ZÆØÅ]\d{2}\s*-\s*\d{4}/\d+",
    r"\d{2}\.\d{2}\.\d{2}-[A-ZÆØÅ]\d{2}",
    r"[A-ZÆØÅ]{2,6}-\d{2,4}-\d{2,}",  # SAG-2024-00123, EMN-2020-01234 (eDoc, F2)
    r"\d{3}-\d{4}-\d{3,}",  # 306-2013-54105 (SBSYS)
    r"\d{4}-(?!(?:19|20)\d\d(?!\d))\d{3,8}(?:-\d{1,3})?",  # 2024-001234 (eDoc); not 2021-2024
    r"[A-ZÆØÅ]{1,5}\s?\d{1,6}/\d{2,4}",  # IU 30/2004, C048/23
    r"\d{2}/\d{4,6}/[A-Z]{2,5}",  # 24/00512/FUL, an English planning application
    r"\d{2,4}/\d{3,7}",  # 20/33839, 2013/01963
    r"\d{2}-\d{4,7}",  # 24-01234
    r"\d{5,8}",  # 299835
)
JOURNAL = "(?:" + "|".join(JOURNAL_SHAPES) + ")"
JOURNAL_LINE = re.compile(rf"^(?P<journal>{JOURNAL})$")
JOURNAL_START = re.compile(rf"^(?P<journal>{JOURNAL})(?![\w/.-]*\d)[.,;]?")
JOURNAL_LABEL = re.compile(
    r"^(?:(?:acadre|sbsys|edoc|esdh|captia|workzone|f2|kmd|prepare)\s+)?"  # the case system's name
    r"(?:sags?\.?\s?nr\.?|sag|sags?\.?\s?id\.?|sagsid\.?|j\.?\s?nr\.?|journal\s?nr\.?|journalnummer"
    r"|sagsnummer|case(?: no\.?| number| ref(?:erence)?)?"
    r"|application|planning application|application no\.?|ref\.?|dok\.?\s?nr\.?|acadre\s?nr\.?"
    r"|sbsys\s?nr\.?)(?![a-zæøå])\s*[:.]?\s*(?P<journal>\S.*?)\s*$",
    re.IGNORECASE)
# Where a labelled number's value ends: a wide gap (columns), or the next label on the line.
VALUE_END = re.compile(r"\s{2,}|\t|\s+(?=(?:dok|dokument|initialer|sagsbehandler|kompetence|åben|åbent"
                       r"|lukket|offentlig|fortrolig)\b)", re.IGNORECASE)
# A number in a shape not listed above: one token of at most 40 characters with 4 digits or more
# ('Sag 3 udgår' is about item 3; 'Sagsnr. ØK/2024.0117' is a case number).
ID_TOKEN = re.compile(r"(?=(?:\D*\d){4})[\w./-]{4,40}")


def split_journal(text: str) -> tuple[str, str] | None:
    """The case number on a line that is a case number or starts with a labelled one, and the
    rest of the line after it ('' when the line was only the number)."""
    text = text.replace("**", "").strip().strip("*_").strip()
    if found := JOURNAL_LINE.match(text):
        return found["journal"], ""
    found = JOURNAL_LABEL.match(text)
    if not found or not re.search(r"\d", found["journal"]):
        return None
    value = found["journal"]
    if shaped := JOURNAL_START.match(value):
        return shaped["journal"], value[shaped.end():].strip()
    head = VALUE_END.split(value, maxsplit=1)[0].rstrip(".,;")
    if ID_TOKEN.fullmatch(head):
        return head, value[len(head):].lstrip(".,; ")
    return None


def find_journal(text: str) -> str | None:
    """The case number on a line that is only a case number, or starts with a labelled one."""
    found = split_journal(text)
    return found[0] if found else None
