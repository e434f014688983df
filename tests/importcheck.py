"""Comparing an imported meeting with the meeting file a person wrote by hand.

Text is compared with whitespace collapsed and Markdown's markers left out (bold, list bullets and
list numbers at the start of a line), because a hand-made file may tidy a list that the source
wrote half with bullets and half with numbers. Everything else must be equal.
"""

from __future__ import annotations

import re
from collections import Counter
from typing import Any

MEETING_FACTS = ("date", "start", "end", "location", "status", "minute_taker", "next_meeting")
ITEM_FACTS = ("number", "title", "journal", "closed")
LIST_MARK = re.compile(r"^\s*(?:[-*•]|\d+[.)])\s+", re.MULTILINE)


def normal(text: Any) -> str:
    text = LIST_MARK.sub("", str(text or ""))
    return " ".join(text.replace("**", "").replace("__", "").split())


def differences(actual: dict[str, Any], expected: dict[str, Any]) -> list[str]:
    """Every way the imported meeting differs from the expected one, as readable lines."""
    out = [f"meeting {key}: {actual.get(key)!r} != {expected.get(key)!r}"
           for key in MEETING_FACTS if actual.get(key) != expected.get(key)]
    if people(actual) != people(expected):
        out.append(f"participants:\n  got      {people(actual)}\n  expected {people(expected)}")
    got, want = actual.get("items", []), expected.get("items", [])
    if [i["number"] for i in got] != [i["number"] for i in want]:
        out.append(f"item numbers: {[i['number'] for i in got]} != {[i['number'] for i in want]}")
    for a, e in zip(got, want, strict=False):
        out += [f"item {e['number']}: {d}" for d in item_differences(a, e)]
    return out


def people(meeting: dict[str, Any]) -> list[tuple[str, ...]]:
    keys = ("name", "party", "role", "attendance", "substitute_for")
    return sorted(tuple(str(p.get(k) or "") for k in keys) for p in meeting.get("participants", []))


def item_differences(actual: dict[str, Any], expected: dict[str, Any]) -> list[str]:
    out = [f"{key}: {actual.get(key)!r} != {expected.get(key)!r}" for key in ITEM_FACTS
           if (actual.get(key) or None) != (expected.get(key) or None)]
    if normal(actual.get("decision")) != normal(expected.get("decision")):
        out.append(f"decision:\n  got      {normal(actual.get('decision'))!r}\n"
                   f"  expected {normal(expected.get('decision'))!r}")
    got, want = actual.get("sections") or {}, expected.get("sections") or {}
    if list(got) != list(want):
        out.append(f"section headings: {list(got)} != {list(want)}")
    out += [f"section {k}:\n  got      {normal(got[k])!r}\n  expected {normal(want[k])!r}"
            for k in want if k in got and normal(got[k]) != normal(want[k])]
    titles = [[(a.get("title"), a.get("url")) for a in item.get("attachments") or []]
              for item in (actual, expected)]
    if titles[0] != titles[1]:
        out.append(f"attachments: {titles[0]} != {titles[1]}")
    return out


WORD = re.compile(r"[^\W\d_]{2,}")


def words(text: str) -> Counter[str]:
    """The words of a text with how often each occurs, lower case, a word split by hyphenation joined."""
    text = re.sub(r"(\w)-\n\s*(?!og\b|eller\b|samt\b|til\b)(\w)", r"\1\2", text)
    return Counter(w.lower() for w in WORD.findall(text))
