"""A punkt's outcome, votes and remarks as plain text in the site's language, for the outputs that carry text
rather than pages: feed entries and the decisions CSV. A closed punkt has none of them here: it
publishes its title and decision only."""

from __future__ import annotations

from .i18n import _
from .model import VOTE_SIDES, Item, Votes, VoteSide


def side_text(key: str, side: VoteSide) -> str:
    """One side as a sentence part: 'For: A, V, C (5)'."""
    count = f" ({side.count})" if side.count is not None else ""
    return f"{_(VOTE_SIDES[key])}: {', '.join((*side.parties, *side.names)) or '–'}{count}"


def votes_text(votes: Votes | None) -> str:
    """'For: A, V, C (5). Imod: Ø (1).' or '' when there was no vote."""
    if votes is None:
        return ""
    return " ".join(side_text(key, side) + "." for key, side in votes.sides)


def remark_lines(item: Item) -> list[str]:
    """Each protocol remark as 'Protokolbemærkning fra Ø: <text>'."""
    return [_("Protokolbemærkning fra {by}: {text}").format(by=r.by, text=r.text) for r in item.remarks]


def absent_text(item: Item) -> str:
    if not item.absent_from_item:
        return ""
    return _("Deltog ikke i behandlingen: {names}.").format(names=", ".join(item.absent_from_item))


def extras(item: Item) -> list[str]:
    """What a text output says of the punkt besides its decision, in reading order."""
    if item.closed:
        return []
    outcome = [_("Udfald: {outcome}.").format(outcome=_(item.outcome))] if item.outcome else []
    found = [*outcome, votes_text(item.votes), absent_text(item), *remark_lines(item)]
    return [line for line in found if line]
