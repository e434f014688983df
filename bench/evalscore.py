"""Scoring one imported meeting against what a person read in the source (tests/corpus/*/expected.yml).

Each figure belongs to the importer stage that produces it, so a low figure names the stage to fix:

- reading: the source's lines (a crash counts here);
- headers: items found, as precision and recall of expected items matched to imported ones;
- items: numbers, titles, case numbers, closed flags and decisions of the matched items;
- facts: the meeting's date and its participants;
- output: words kept, the share of the source's words that reach the meeting's data.

An expected field that is null is not scored: the source does not say it.
"""

from __future__ import annotations

import datetime as dt
import re
from collections import Counter
from dataclasses import dataclass, field
from difflib import SequenceMatcher
from typing import Any

WORD = re.compile(r"\w+")
LIST_MARK = re.compile(r"(?m)^\s*(?:[-*•·▪]|\d+[.)])\s+")
ADDRESS = re.compile(r"^(?:cllr\.?|councillor|formand|borgmester)\s+", re.IGNORECASE)
SAME_TITLE = 0.85  # a title this close (after normalising) is the same title
SAME_DECISION = 0.8  # words in the same order: the same decision, give or take a heading or a line
FIELDS = ("number", "title", "journal", "closed", "decision")


@dataclass
class Tally:
    """Right answers out of checks, per figure."""

    right: Counter[str] = field(default_factory=Counter)
    checks: Counter[str] = field(default_factory=Counter)

    def add(self, figure: str, right: bool | int, checks: int = 1) -> None:
        self.right[figure] += int(right)
        self.checks[figure] += checks

    def merge(self, other: Tally) -> None:
        self.right.update(other.right)
        self.checks.update(other.checks)

    def share(self, figure: str) -> float | None:
        return self.right[figure] / self.checks[figure] if self.checks[figure] else None


def normal(text: Any) -> str:
    """Text as compared: list markers, bold and case left out, whitespace collapsed."""
    text = LIST_MARK.sub("", str(text or "")).replace("**", "").replace("__", "")
    return " ".join(text.lower().split()).rstrip(".")


def similar(a: Any, b: Any) -> float:
    return SequenceMatcher(None, normal(a).split(), normal(b).split(), autojunk=False).ratio()


def number_text(value: Any) -> str:
    return str(value).strip().rstrip(".").lower() if value is not None else ""


def match_items(expected: list[dict[str, Any]], found: list[dict[str, Any]]) -> list[tuple[int, int]]:
    """Pairs (expected index, found index): by number where the source gives one, else by title,
    else, for an item known by neither, the next unmatched found item in order."""
    pairs: list[tuple[int, int]] = []
    used: set[int] = set()
    for i, item in enumerate(expected):
        j = best_match(item, found, used)
        if j is not None:
            pairs.append((i, j))
            used.add(j)
    for i, item in enumerate(expected):
        if any(p[0] == i for p in pairs) or item.get("number") or item.get("title"):
            continue
        rest = [j for j in range(len(found)) if j not in used]
        if rest:
            pairs.append((i, rest[0]))
            used.add(rest[0])
    return sorted(pairs)


def best_match(item: dict[str, Any], found: list[dict[str, Any]], used: set[int]) -> int | None:
    free = [j for j in range(len(found)) if j not in used]
    if item.get("number") is not None:
        same = [j for j in free if number_text(found[j].get("number")) == number_text(item["number"])]
        if same:
            return same[0]
    if item.get("title"):
        scored = [(similar(item["title"], found[j].get("title")), j) for j in free]
        scored = [s for s in scored if s[0] >= SAME_TITLE]
        if scored:
            return max(scored)[1]
    return None


def score_items(expected: list[dict[str, Any]], found: list[dict[str, Any]], tally: Tally) -> None:
    pairs = match_items(expected, found)
    tally.add("items recall", len(pairs), len(expected))
    tally.add("items precision", len(pairs), len(found))
    for i, j in pairs:
        score_fields(expected[i], found[j], tally)
    for item in expected:
        if item.get("closed"):
            hit = any(i == expected.index(item) and found[j].get("closed") for i, j in pairs)
            tally.add("closed items found", hit)


def score_fields(want: dict[str, Any], got: dict[str, Any], tally: Tally) -> None:
    if want.get("number") is not None:
        tally.add("numbers", number_text(got.get("number")) == number_text(want["number"]))
    if want.get("title"):
        tally.add("titles", similar(got.get("title"), want["title"]) >= SAME_TITLE)
    if want.get("journal") or got.get("journal"):
        tally.add("case numbers", normal(got.get("journal")) == normal(want.get("journal")))
    tally.add("closed flags", bool(got.get("closed")) == bool(want.get("closed")))
    if want.get("decision") is None:
        tally.add("decisions", not got.get("decision"))
    else:
        tally.add("decisions", similar(got.get("decision"), want["decision"]) >= SAME_DECISION)


def person_name(name: str) -> str:
    return normal(ADDRESS.sub("", str(name).strip()))


def score_people(expected: list[str] | None, found: list[dict[str, Any]], tally: Tally) -> None:
    if not expected:
        return
    want = {person_name(n) for n in expected}
    got = {person_name(p.get("name", "")) for p in found}
    tally.add("participants", len(want & got), len(want | got))


def score_date(expected: Any, found: Any, tally: Tally) -> None:
    if expected is None:
        return
    want = expected if isinstance(expected, dt.date) else dt.date.fromisoformat(str(expected))
    tally.add("date", found == want)


def data_words(value: Any) -> Counter[str]:
    """The words of every text in the meeting's data."""
    if isinstance(value, dict):
        return sum((data_words(k) + data_words(v) for k, v in value.items()), Counter())
    if isinstance(value, list):
        return sum((data_words(v) for v in value), Counter())
    return Counter(w.lower() for w in WORD.findall(str(value))) if value is not None else Counter()


def words_kept(source: str, meeting: dict[str, Any], dropped: str, tally: Tally) -> None:
    """Source words that reach the data, out of all of them and out of those not left out as
    page furniture (which the summary lists)."""
    words = Counter(w.lower() for w in WORD.findall(source))
    kept = sum((words & data_words(meeting)).values())
    furniture = sum((Counter(w.lower() for w in WORD.findall(dropped)) & words).values())
    total = sum(words.values())
    tally.add("words kept", kept, total)
    tally.add("words kept (furniture aside)", min(kept, total - furniture), total - furniture)


def score(expected: dict[str, Any], meeting: dict[str, Any], source: str, dropped: str) -> Tally:
    """Every figure for one document."""
    tally = Tally()
    score_items(expected.get("items") or [], meeting.get("items") or [], tally)
    score_people(expected.get("participants"), meeting.get("participants") or [], tally)
    score_date(expected.get("date"), meeting.get("date"), tally)
    words_kept(source, meeting, dropped, tally)
    return tally


CHECKS = ("numbers", "titles", "case numbers", "closed flags",
          "decisions", "participants", "date")


def checks_right(tally: Tally) -> tuple[int, int]:
    """All checks together, right out of total: each expected item found or not, each imported
    item that matches none (a spurious one), and every field scored."""
    spurious = tally.checks["items precision"] - tally.right["items precision"]
    right = tally.right["items recall"] + sum(tally.right[f] for f in CHECKS)
    return right, tally.checks["items recall"] + spurious + sum(tally.checks[f] for f in CHECKS)
