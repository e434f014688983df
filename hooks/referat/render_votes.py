"""A punkt's outcome, vote, absent members and protocol remarks, as page Markdown.

Raw HTML is off for the whole site (safe_markdown), so the vote is a Markdown table in a box whose
title, "Afstemning", names it; every name and party letter goes through `inline`, so it shows as
written. A closed punkt publishes none of this: the callers pass nothing for it.
"""

from __future__ import annotations

from .contracts import BOX_OUTCOME, BOX_VOTES
from .i18n import N_, _
from .model import VOTE_SIDES, Item, VoteSide
from .pages import join, table
from .text import block, indent, inline, plain

# The model's fixed words, shown on the pages, as msgids for the catalog (model.py and contracts.py
# define them; tests/test_english.py checks that these are they): the vote's sides, the closed mark and
# the outcomes. A body's own outcomes (body.yml) are its data and are shown as written.
MODEL_WORDS = (N_("For"), N_("Imod"), N_("Undlod"), N_("Lukket punkt"),
               N_("godkendt"), N_("godkendt med ændringer"), N_("afvist"), N_("udsat"),
               N_("taget til efterretning"), N_("oversendt"), N_("drøftet"), N_("anbefalet"),
               N_("ikke anbefalet"), N_("tiltrådt"), N_("besluttet"), N_("trukket"),
               N_("bortfaldet"))


def outcome_word(outcome: str) -> str:
    """'godkendt' as a label: 'Godkendt' (in the site's language)."""
    word = _(outcome)
    return word[:1].upper() + word[1:]


def outcome_label(item: Item) -> str:
    """The outcome in a small box after the decision: 'Udfald: Godkendt'."""
    if item.closed or not item.outcome:
        return ""
    label = _("Udfald")
    return f'!!! {BOX_OUTCOME} ""\n\n    {label}: **{inline(outcome_word(item.outcome))}**'


def vote_table(item: Item) -> str:
    """For, against and abstaining, each with its parties, names and count."""
    if item.closed or item.votes is None or not item.votes.sides:
        return ""
    rows = [side_row(key, side) for key, side in item.votes.sides]
    markdown = table([_("Stemme"), _("Partier"), _("Navne"), _("Antal")], rows)
    title = _("Afstemning")
    return f'!!! {BOX_VOTES} "{title}"\n\n{indent(markdown)}'


def side_row(key: str, side: VoteSide) -> list[str]:
    count = side.votes
    return [_(VOTE_SIDES[key]), ", ".join(inline(p) for p in side.parties) or "–",
            ", ".join(inline(n) for n in side.names) or "–",
            "–" if count is None else str(count)]


def absent(item: Item) -> str:
    if item.closed or not item.absent_from_item:
        return ""
    return _("Deltog ikke i behandlingen: {names}.").format(
        names=", ".join(inline(n) for n in item.absent_from_item))


def remarks(item: Item) -> str:
    """Each protocol remark: who made it, then its text as Markdown."""
    if item.closed:
        return ""
    return join(*(join(_("**Protokolbemærkning fra {name}:**").format(name=inline(r.by)),
                       block(r.text, min_level=4))
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
    label = _("Udfald")
    return f"**{label}: {inline(outcome_word(item.outcome))}.** "
