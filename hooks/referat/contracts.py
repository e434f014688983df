"""The strings Python, the templates and the CSS share, defined once.

The adapter passes `for_templates()` to the templates (as `config.extra.referat_contract`); CSS
cannot import Python, so tests/test_contracts.py checks that every class the stylesheets, the
templates and the scripts use is named here, and that every name here is used.
"""

from __future__ import annotations

from typing import Any, Final, Literal

from .i18n import N_, NP_

PageKind = Literal["meeting", "punkt", "index"]  # a page's front matter `referat_kind`
SearchKind = Literal["Møde", "Punkt", "Beslutning", "Bilag"]  # what a search result says it is

# Page kinds the templates tell apart (a page's front matter `referat_kind`).
KIND_MEETING: Final = "meeting"
KIND_PUNKT: Final = "punkt"
KIND_INDEX: Final = "index"
PAGE_KINDS = (KIND_MEETING, KIND_PUNKT, KIND_INDEX)
SEARCHABLE_KINDS = (KIND_MEETING, KIND_PUNKT)  # pages whose text search indexes

# Front-matter keys of a generated page, read by the templates.
META_KIND = "referat_kind"
META_SEARCH = "referat_search"  # the search data's markup, made by searchdata.py
META_FEEDS = "referat_feeds"  # the feeds and calendars a page names in its head

# What a search result says it is, and the filters.
SEARCH_MEETING: Final = "Møde"
SEARCH_PUNKT: Final = "Punkt"
SEARCH_DECISION: Final = "Beslutning"
# An attached PDF's text is a record of its own, of this type: a search by filters alone leaves
# these out (soeg.js), since nothing was found in them, unless the reader asks for this type.
SEARCH_ATTACHMENT: Final = "Bilag"
# A kind whose word is one thing or many in Danish has this context in the catalog: a result is
# one "Attachment", where a punkt's heading lists its "Attachments" (searchdata.kind_word).
KIND_CONTEXT: Final = "kind"
SEARCH_KINDS = (SEARCH_MEETING, SEARCH_PUNKT, SEARCH_DECISION, SEARCH_ATTACHMENT)
# The kinds are identifiers in Python; the search data says them in the site's language
# (searchdata.py), the filters show them and soeg.js finds attachments by their word.
SEARCH_KIND_WORDS = (N_("Møde"), N_("Punkt"), N_("Beslutning"), NP_("kind", "Bilag"))  # "kind": KIND_CONTEXT
SEARCH_SORT_DATE: Final = "dato"  # the Pagefind sort key (ISO date) soeg.js sorts newest first by
SEARCH_META_DECISION: Final = "beslutning"  # a punkt's decision, the snippet of a filter-only search
SEARCH_META_ATTACHMENT: Final = "bilag"  # an attachment's title: its text is where the words were
SEARCH_META_PAGE: Final = "punkt"  # the punkt page of an attachment's result (relative to the file)
FACET_BODY, FACET_YEAR, FACET_TOPIC, FACET_KIND = "organ", "aar", "emne", "type"
FACET_OUTCOME: Final = "udfald"  # a punkt's outcome (godkendt, afvist, ...); none for a closed punkt
FACETS = (FACET_BODY, FACET_YEAR, FACET_TOPIC, FACET_KIND, FACET_OUTCOME)

# Admonition kinds the engine writes (`!!! beslutning`), styled by referat.css.
BOX_DECISION = "beslutning"  # a punkt's decision, set apart; search weighs its words up
BOX_RELATED = "relateret"  # links to other pages; search leaves it out

# Class names of the theme overrides, styled by referat.css and used by soeg.js.
CLASSES: tuple[str, ...] = (
    BOX_DECISION, BOX_RELATED,
    "referat-menu", "referat-footer__about",
    "referat-search", "referat-search__label", "referat-search__input", "referat-search__button",
    "referat-search__status", "referat-search__results", "referat-search__list",
    "referat-search__all",
    "referat-searchpage", "referat-filters", "referat-filter", "referat-results", "referat-result",
    "referat-result__title", "referat-result__meta", "referat-result__excerpt", "referat-more",
    "referat-searchpage__title", "referat-searchpage__label", "referat-searchpage__row",
    "referat-searchpage__scope", "referat-searchpage__layout", "referat-searchpage__results",
    "referat-searchpage__bar", "referat-skip-results", "referat-filterbox",
    "referat-filterbox__toggle", "referat-filterbox__title", "referat-filter__choice",
    "referat-sort", "referat-result__attachment",
)

# Boxes the page renderers write (`!!! referat-crumbs ""`), styled by referat.css: the breadcrumb,
# and tables that become stacked cards on a phone (the modifier names the table's columns).
BOX_CRUMBS: Final = "referat-crumbs"
BOX_TABLE: Final = "referat-cards"
TABLE_AGENDA: Final = "referat-cards--agenda"  # Punkt, Titel, Beslutning
TABLE_TREATMENTS: Final = "referat-cards--treatments"  # Dato, Organ, Punkt, Beslutning
TABLE_CASES: Final = "referat-cards--cases"  # Sag, Journalnummer, Behandlinger, Seneste
CLOSED_MARK: Final = "Lukket punkt"  # what an agenda and a punkt page say of a closed punkt
# Page parts of the templates (main.html's partials): the buttons on punkt and meeting pages, the
# front page's and the 404 page's search forms.
CLASSES += (
    BOX_CRUMBS, BOX_TABLE, TABLE_AGENDA, TABLE_TREATMENTS, TABLE_CASES,
    "referat-actions", "referat-actions__button", "referat-actions__status",
    "referat-findform", "referat-findform__input",
)

# A punkt's outcome and vote, after its decision (render_votes.py), styled by referat.css.
BOX_OUTCOME: Final = "referat-udfald"  # the outcome as a small label
BOX_VOTES: Final = "referat-afstemning"  # the vote as a table, titled "Afstemning"
CLASSES += (BOX_OUTCOME, BOX_VOTES)

# The tables of the members' pages (render_members.py), cards on a phone like the others.
TABLE_MEMBERS: Final = "referat-cards--members"  # Navn, Parti, Rolle, Seneste møde
TABLE_ATTENDANCE: Final = "referat-cards--attendance"  # Møde, Fremmøde
TABLE_VOTES: Final = "referat-cards--votes"  # Dato, Punkt, Titel, Stemme
CLASSES += (TABLE_MEMBERS, TABLE_ATTENDANCE, TABLE_VOTES)


def for_templates() -> dict[str, Any]:
    """The contract as the templates read it."""
    return {"kinds": {"meeting": KIND_MEETING, "punkt": KIND_PUNKT, "index": KIND_INDEX},
            "searchable": list(SEARCHABLE_KINDS), "meta_kind": META_KIND,
            "meta_search": META_SEARCH, "box_related": BOX_RELATED, "meta_feeds": META_FEEDS,
            "search_sort_date": SEARCH_SORT_DATE, "search_meta_decision": SEARCH_META_DECISION,
            "search_meta_attachment": SEARCH_META_ATTACHMENT, "search_meta_page": SEARCH_META_PAGE,
            "search_attachment": SEARCH_ATTACHMENT, "kind_context": KIND_CONTEXT}
