"""The search data's markup, written once for both search indexes: the hidden block of a meeting
or punkt page, and the small page of a decision. Values come from meeting files: every one is
escaped here."""

from __future__ import annotations

import html

from . import contracts
from .i18n import _, pgettext
from .outputs import SearchRecord

WORDS = (contracts.FACET_KIND, contracts.FACET_OUTCOME)  # filters whose values are the model's words
SNIPPET_WORDS = 30  # a result's snippet, as long as Pagefind's excerpts (soeg.js asks for 24)


def fields(record: SearchRecord, kind: str | None = None) -> list[tuple[str, str, str]]:
    """(meta|sort|filter, name, value) for Pagefind: the result's title, body, date and type,
    a punkt's decision (the snippet of a result found by filters alone, whose words matched
    nothing), the date to sort by, and the filters. The type and the outcome are the model's
    words, said in the site's language here (the other values are the meeting files' own).

    The sort key costs every first query a few bytes a page (Pagefind keeps each key's order of
    the pages in the bundle's metadata); without it no search could be newest first."""
    data = [("meta", "title", record.heading), ("meta", "organ", record.body),
            ("meta", "dato", record.when), ("meta", "type", kind_word(kind or record.kind))]
    if record.decision and (kind or record.kind) == contracts.SEARCH_PUNKT:
        data.append(("meta", contracts.SEARCH_META_DECISION, shortened(record.decision)))
    if record.date:
        data.append(("sort", contracts.SEARCH_SORT_DATE, record.date))
    return data + [("filter", name, word(name, value)) for name, value in record.facets]


def word(facet: str, value: str) -> str:
    """A filter's value as the search shows it: the model's words in the site's language."""
    if facet == contracts.FACET_KIND:
        return kind_word(value)
    return _(value) if facet in WORDS else value


def kind_word(kind: str) -> str:
    """A result's kind in the site's language: in the catalog's kind context where it has one
    (one 'Attachment'), else as the word reads anywhere ('Meeting')."""
    said = pgettext(contracts.KIND_CONTEXT, kind)
    return said if said != kind else _(kind)


def shortened(text: str, words: int = SNIPPET_WORDS) -> str:
    """The first words of a text, with an ellipsis if there were more."""
    split = text.split()
    return " ".join(split[:words]) + (" …" if len(split) > words else "")


def spans(record: SearchRecord, kind: str | None = None) -> str:
    """The fields as escaped `data-pagefind-*` spans."""
    e = html.escape
    return "".join(f'<span data-pagefind-{what}="{e(name)}">{e(value)}</span>'
                   for what, name, value in fields(record, kind))


def hidden_block(record: SearchRecord) -> str:
    """The block a page carries for search: hidden, and left out of the indexed text."""
    return f"<div hidden data-pagefind-ignore>{spans(record)}</div>"
