"""A punkt's outcome, vote, absent members and protocol remarks, as page Markdown.

Raw HTML is off for the whole site (safe_markdown), so the vote is a Markdown table in a box whose
title, "Afstemning", names it; every name and party letter goes through `inline`, so it shows as
written. A closed punkt publishes none of this: the callers pass nothing for it.
"""

from __future__ import annotations

from .contracts import BOX_OUTCOME, BOX_VOTES
from .model import VOTE_SIDES, Item, VoteSide
from .pages import join, table
from .text import block, indent, inline, plain

# The vote's sides as the minutes say them.


def outcome_word(outcome: str) -> str:
    """'godkendt' as a label: 'Godkendt'."""
    return outcome[:1].upper() + outcome[1:]


def outcome_label(item: Item) -> str:
    """The outcome in a small box after the decision: 'Udfald: Godkendt'."""
    if item.closed or not item.outcome:
        return ""
    return f'!!! {BOX_OUTCOME} ""\n\n    Udfald: **{inline(outcome_word(item.outcome))}**'


def vote_table(item: Item) -> str:
    """For, against and abstaining, each with its parties, names and count."""
    if item.closed or item.votes is None or not item.votes.sides:
        return ""
    rows = [side_row(key, side) for key, side in item.votes.sides]
    markdown = table(["Stemme", "Partier", "Navne", "Antal"], rows)
    return f'!!! {BOX_VOTES} "Afstemning"\n\n{indent(markdown)}'


def side_row(key: str, side: VoteSide) -> list[str]:
    count = side.votes
    return [VOTE_SIDES[key], ", ".join(inline(p) for p in side.parties) or "–",
            ", ".join(inline(n) for n in side.names) or "–",
            "–" if count is None else str(count)]


def absent(item: Item) -> str:
    if item.closed or not item.absent_from_item:
        return ""
    return f"Deltog ikke i behandlingen: {', '.join(inline(n) for n in item.absent_from_item)}."


def remarks(item: Item) -> str:
    """Each protocol remark: who made it, then its text as Markdown."""
    if item.closed:
        return ""
    return join(*(join(f"**Protokolbemærkning fra {inline(r.by)}:**", block(r.text, min_level=4))
                  for r in item.remarks))


def item_outcome_parts(item: Item) -> str:
    """What follows the decision on a punkt page, in the order a reader asks."""
    return join(outcome_label(item), vote_table(item), absent(item), remarks(item))


def agenda_outcome(item: Item) -> str:
    """The outcome in an agenda's decision cell, before the short decision: '*Godkendt:* '."""
    if item.closed or not item.outcome:
        return ""
    if plain(item.decision or "").casefold().startswith(item.outcome.casefold()):
        return ""  # "Godkendt." says it already: "Udfald: Godkendt. Godkendt." would repeat it
    return f"**Udfald: {inline(outcome_word(item.outcome))}.** "
