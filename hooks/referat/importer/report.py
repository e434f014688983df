"""The importer's summary for standard error: what it found, what it left out, what to check."""

from __future__ import annotations

from .assemble import Imported
from .ocr import NOTE

SHOWN = 40  # dropped lines listed one by one; the rest are counted
LONG = 60  # text lines from which one item is more likely a miss than a one-item meeting


def doubts(imported: Imported) -> list[str]:
    """What the importer itself doubts about the whole draft, for the top of the summary."""
    items = len(imported.meeting.get("items", []))
    out = [f"DOUBT: {NOTE}"] if imported.read_by_ocr else []
    if items <= 1 and imported.text_lines >= LONG:
        out.append(f"DOUBT: {items} item{'s' * (items != 1)} found in {imported.text_lines} lines of "
                   "text: the item headers were probably not recognised; compare the draft with "
                   "the source before anything else")
    words = sum(len(str(u.get("text", "")).split()) for u in unplaced(imported))
    if imported.text_words and words * 2 > imported.text_words:
        out.append(f"DOUBT: {words} of the source's {imported.text_words} words could not be placed: "
                   "most of the source is under 'unplaced', not in the meeting's fields")
    return out


def unplaced(imported: Imported) -> list[dict[str, object]]:
    return list(imported.meeting.get("unplaced", []))


def summary(imported: Imported, problems: list[str]) -> str:
    """Lines for the person who reviews the draft."""
    meeting = imported.meeting
    items = meeting.get("items", [])
    lines = doubts(imported) + [f"{imported.source.name}: {found(imported)}"]
    if read := decision_data(items):
        lines.append(f"  read from the decisions: {read}; each is in the decision's text as well")
    if imported.repeated_absentees:
        lines.append(f"  absentees were listed under {imported.repeated_absentees} items; "
                     "they are stated once, under participants")
    lines += dropped_lines(imported)
    if unplaced(imported):
        lines.append(f"  {len(unplaced(imported))} lines could not be placed; they are under 'unplaced' "
                     "at the end of the draft: move each to its field or delete it (referat check "
                     "--strict fails until then)")
    unsure = list(imported.unsure) + [f"item {i['number']}: no decision" for i in items
                                      if "decision" not in i and meeting.get("status") == "held"]
    if unsure:
        lines.append("  check by hand:")
        lines += [f"    - {u}" for u in unsure]
    lines.append("  referat check: OK" if not problems else "  referat check says:")
    lines += [f"    {p}" for p in problems]
    return "\n".join(lines)


def found(imported: Imported) -> str:
    meeting = imported.meeting
    items = meeting.get("items", [])
    numbers = f" ({items[0]['number']}-{items[-1]['number']})" if items else ""
    parts = [f"body {imported.body or '?'}", f"date {meeting.get('date', '?')}",
             f"{len(items)} items{numbers}",
             f"{sum(1 for i in items if i.get('closed'))} closed",
             f"{sum(1 for i in items if i.get('journal'))} with case numbers",
             f"{sum(1 for i in items if i.get('decision'))} decisions",
             f"{len(meeting.get('participants', []))} participants"]
    return ", ".join(parts)


def decision_data(items: list[dict[str, object]]) -> str:
    """How many outcomes, votes, absences and remarks were read, for the reviewer to compare."""
    counts = [(sum(1 for i in items if i.get(key)), what) for key, what in
              (("outcome", "outcomes"), ("votes", "votes"), ("absent_from_item", "items with absences"),
               ("remarks", "items with protocol remarks"))]
    return ", ".join(f"{n} {what}" for n, what in counts if n)


def dropped_lines(imported: Imported) -> list[str]:
    if not imported.dropped:
        return []
    lines = [f"  left out {len(imported.dropped)} lines of page furniture:"]
    for item in imported.dropped[:SHOWN]:
        where = f"{item.line.number}: " if item.line.number else ""
        lines.append(f"    {where}{item.reason}: {item.line.text.strip()}")
    if len(imported.dropped) > SHOWN:
        lines.append(f"    ... and {len(imported.dropped) - SHOWN} more")
    return lines
