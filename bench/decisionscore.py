"""Scoring the decision data of one item: outcome, votes, absent_from_item and remarks.

An expected item is scored on each of the four keys it has, and only those, so the cases written
before these fields existed are not scored on them. In expected.yml `null` (or `[]`) means the
source shows none, and the importer must give none. An expected item the importer did not find
(by number or title as evalscore matches them, or else by a decision that holds the expected
decision's words) gets all its checks here wrong: what never reaches an item never reaches the
data.

- outcomes: one check per item, the outcome the same (or both none);
- votes: one check per side (for, against, abstain) in either reading, right when the parties,
  the names and the count are all the same; `votes: null` is one check, right when none is given;
- absences: the names both readings give, out of the names either gives (one check if neither);
- remarks: remarks by the same author with the same text, out of the remarks either gives.

"votes as written" scores the vote the importer reads from a found item's decision before the
participants confirm it, so it measures the reading of the forms where the source lists no
participants (and the importer must leave the vote out). It is shown, not counted in the total.

"votes missed silently" counts items whose expected vote the importer gave no part of without a
line under "check by hand" for that item: a vote it did not read and did not say so.
"""

from __future__ import annotations

import re
from difflib import SequenceMatcher
from typing import Any

from evalscore import SAME_DECISION, Tally, match_items, normal, person_name, similar

from referat.importer.roster import bare_name
from referat.importer.votes import CARRIED, written_votes

SIDES = ("for", "against", "abstain")
KEYS = ("outcome", "votes", "absent_from_item", "remarks")
FIGURES = ("outcomes", "votes", "absences", "remarks")
SHOWN = (*FIGURES, "votes as written")


def score_meeting(expected: list[dict[str, Any]], found: list[dict[str, Any]], unsure: list[str],
                  tally: Tally) -> None:
    """The decision data of every expected item, matched to the imported items as evalscore does."""
    pairs = dict(match_items(expected, found))
    pairs.update(by_decision(expected, found, pairs))
    for i, want in enumerate(expected):
        score_item(want, found[pairs[i]] if i in pairs else None, unsure, tally)


def by_decision(expected: list[dict[str, Any]], found: list[dict[str, Any]],
                pairs: dict[int, int]) -> dict[int, int]:
    """Expected items matched to no imported one by number or title, paired with a left-over
    imported item whose decision holds the expected decision's words: a document read as one
    item with no number (a header the importer did not see) still has its decision read."""
    free = [j for j in range(len(found)) if j not in pairs.values()]
    out: dict[int, int] = {}
    for i, want in enumerate(expected):
        if i in pairs or not want.get("decision"):
            continue
        held = [(contained(want["decision"], found[j].get("decision")), j) for j in free]
        best = max(held, default=(0.0, -1))
        if best[0] >= SAME_DECISION:
            out[i] = best[1]
            free.remove(best[1])
    return out


def contained(want: Any, got: Any) -> float:
    """The share of the expected decision's words found, in order, in the imported one."""
    a, b = normal(want).split(), normal(got).split()
    if not a:
        return 0.0
    blocks = SequenceMatcher(None, a, b, autojunk=False).get_matching_blocks()
    return sum(block.size for block in blocks) / len(a)


def score_item(want: dict[str, Any], got: dict[str, Any] | None, unsure: list[str],
               tally: Tally) -> None:
    """Every decision-data figure for one expected item; `got` is None when it was not found."""
    found = got or {}
    if "outcome" in want:
        tally.add("outcomes", got is not None and normal(found.get("outcome")) == normal(want["outcome"]))
    if "votes" in want:
        score_votes(want["votes"], found.get("votes") if got is not None else None, got is None, tally)
        if got is not None:
            score_written(want["votes"], got, tally)
        if want["votes"] and got is not None and not found.get("votes"):
            tally.add("votes missed silently", not flagged(found, unsure), 1)
    if "absent_from_item" in want:
        overlap(set(map(person_name, want["absent_from_item"] or [])),
                set(map(person_name, found.get("absent_from_item") or [])), "absences", tally, got)
    if "remarks" in want:
        score_remarks(want["remarks"] or [], found.get("remarks") or [], tally, got)


def side_key(side: dict[str, Any] | None) -> tuple[frozenset[str], frozenset[str], Any]:
    side = side or {}
    return (frozenset(normal(p) for p in side.get("parties") or []),
            frozenset(person_name(n) for n in side.get("names") or []), side.get("count"))


def score_votes(want: dict[str, Any] | None, got: dict[str, Any] | None, missing: bool,
                tally: Tally) -> None:
    if not want:
        tally.add("votes", not missing and not got)
        return
    got = got or {}
    for side in SIDES:
        if side in want or side in got:
            tally.add("votes", not missing and side_key(want.get(side)) == side_key(got.get(side)))


def score_written(want: dict[str, Any] | None, got: dict[str, Any], tally: Tally) -> None:
    """The vote as the importer read it from the words, before the participants confirm it (so
    a party by name and a member count alike): each side's members and count."""
    carried = CARRIED.get(str(got.get("outcome")))
    read = written_votes(str(got.get("decision") or ""), carried, [])
    if not want:
        tally.add("votes as written", not read)
        return
    for side in SIDES:
        if side in want or side in read:
            mine = read.get(side)
            have = (frozenset(person_name(bare_name(m)) for m in mine.members), mine.count) if mine else None
            theirs = want.get(side) or {}
            need = (frozenset(person_name(m) for m in [*(theirs.get("parties") or []),
                                                       *(theirs.get("names") or [])]), theirs.get("count"))
            tally.add("votes as written", have == need)


def overlap(want: set[str], got: set[str], figure: str, tally: Tally, found: Any) -> None:
    if found is None:
        tally.add(figure, 0, max(len(want), 1))
    elif not want and not got:
        tally.add(figure, 1)
    else:
        tally.add(figure, len(want & got), len(want | got))


def score_remarks(want: list[dict[str, Any]], got: list[dict[str, Any]], tally: Tally,
                  found: Any) -> None:
    if found is None:
        tally.add("remarks", 0, max(len(want), 1))
        return
    if not want and not got:
        tally.add("remarks", 1)
        return
    free = list(got)
    matched = 0
    for remark in want:
        same = next((r for r in free if person_name(r.get("by", "")) == person_name(remark["by"])
                     and similar(r.get("text"), remark["text"]) >= SAME_DECISION), None)
        if same is not None:
            free.remove(same)
            matched += 1
    tally.add("remarks", matched, len(want) + len(got) - matched)


def flagged(found: dict[str, Any], unsure: list[str]) -> bool:
    """A line under "check by hand" for this item that names a vote."""
    if not found:
        return False
    start = f"item {found.get('number')}:"
    return any(u.startswith(start) and re.search(r"vote|stem", u, re.IGNORECASE) for u in unsure)


def checks_right(tally: Tally) -> tuple[int, int]:
    """The decision-data checks together, right out of total."""
    return (sum(tally.right[f] for f in FIGURES), sum(tally.checks[f] for f in FIGURES))
