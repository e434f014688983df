"""'Næste møde: onsdag den 12. juni 2024 kl. 16.00, Rådhuset' after the last item: the meeting's
`next_meeting`, not a line of the last item's decision."""

from __future__ import annotations

import re
from typing import Any

from .items import Block
from .when import find_date, find_times

LABEL = re.compile(r"^(?:næste møde|næste mødedato|next meeting|date of next meeting)\s*:\s*(?P<rest>\S.*)$",
                   re.IGNORECASE)
# The place follows the date or time after a comma: ', Tornskov Rådhus, lokale 2.14'.
PLACE = re.compile(r"(?:\d{4}|\b\d{1,2}[.:]\d{2}(?:\s*[ap]\.?m\.?)?|\b\d{1,2}\s*[ap]\.?m\.?)\s*,?\s*"
                   r"(?:(?:i|på|in|at)\s+)?(?P<place>[A-ZÆØÅ].*?)\.?$")


def read_next_meeting(line: str) -> dict[str, Any] | None:
    """The next meeting a line announces, as a meeting file's record, or None."""
    found = LABEL.match(line.strip().strip("*_").strip())
    date = find_date(found["rest"]) if found else None
    if not found or date is None:
        return None
    record: dict[str, Any] = {"date": date}
    start, end = find_times(found["rest"])
    record |= {key: value for key, value in (("start", start), ("end", end)) if value}
    places = list(PLACE.finditer(found["rest"]))
    if places and (place := places[-1]["place"].strip(" ,.")):
        record["location"] = place
    return record


def take_next_meeting(blocks: list[Block]) -> dict[str, Any] | None:
    """Take the announcement out of the last item's blocks (its last lines), if there is one."""
    for block in reversed(blocks):
        for i in range(len(block.lines) - 1, -1, -1):
            if not block.lines[i].strip():
                continue
            if (record := read_next_meeting(block.lines[i])) is not None:
                del block.lines[i]
                return record
            return None
    return None
