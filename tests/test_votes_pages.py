"""A punkt's outcome, vote, absent members and protocol remarks on its page, its meeting's agenda
and its search filters, rendered by the engine without MkDocs."""

from __future__ import annotations

import markdown
import pytest

from conftest import ROOT
from referat import render_votes
from referat.contracts import BOX_OUTCOME, BOX_VOTES, FACET_OUTCOME, FACETS
from referat.engine import Site, build_site
from referat.model import Item, Remark, Votes, VoteSide
from referat.outputs import PageOutput

HOSTILE = """\
date: 2026-01-14
start: "17:00"
participants:
  - {name: "Ann <b>Bold</b>", party: "<i>"}
  - {name: "Bo *Star*", party: B}
  - {name: Cy, party: "<i>"}
items:
  - number: 1
    title: Et åbent punkt
    decision: Vedtaget.
    outcome: godkendt
    absent_from_item: ["Bo *Star*"]
    votes:
      for: {names: ["Ann <b>Bold</b>"]}
      against: {parties: ["<i>"], count: 1}
    remarks:
      - by: "<i>"
        text: "Se **dette** <script>alert(1)</script>"
  - number: 2
    title: Et lukket punkt
    closed: true
    decision: Afvist.
    outcome: afvist
"""


@pytest.fixture(scope="module")
def example() -> Site:
    site = build_site(ROOT / "meetings", "Referater")
    assert site.problems == []
    return site


@pytest.fixture(scope="module")
def hostile(tmp_path_factory: pytest.TempPathFactory) -> Site:
    body = tmp_path_factory.mktemp("votes") / "meetings" / "raadet"
    body.mkdir(parents=True)
    (body / "body.yml").write_text("name: Rådet\n", encoding="utf-8")
    (body / "2026-01-14.yml").write_text(HOSTILE, encoding="utf-8")
    site = build_site(body.parent, "Referater")
    assert [p.message for p in site.problems if p.is_error] == []
    return site


def markdown_to_html(text: str) -> str:
    return markdown.markdown(text, extensions=["referat.safe_markdown", "tables", "admonition",
                                                   "referat.vote_caption"])


def page(site: Site, path: str) -> PageOutput:
    return next(p for p in site.pages if p.path == path)


def test_punkt_page_shows_outcome_vote_absence_and_remark_after_the_decision(example: Site) -> None:
    markdown = page(example, "eksempeludvalget/2026-11-18/punkt-3.md").markdown
    assert f'!!! {BOX_OUTCOME} ""\n\n    Udfald: **Godkendt**' in markdown
    assert f'!!! {BOX_VOTES} "Afstemning"' in markdown
    assert "| Stemme | Partier | Navne | Antal |" in markdown
    assert "| For | A, V, C, F | – | 5 |" in markdown
    assert "| Imod | Ø | – | 1 |" in markdown
    assert "| Undlod | O | – | 1 |" in markdown
    assert "Deltog ikke i behandlingen: Liv Gro Jensen." in markdown
    assert "**Protokolbemærkning fra Ø:**\n\nEnhedslisten ønsker ført til protokol" in markdown
    order = [markdown.index(s) for s in ("## Beslutning", BOX_OUTCOME, BOX_VOTES,
                                         "Deltog ikke", "Protokolbemærkning", "## Indstilling")]
    assert order == sorted(order)


def test_vote_by_name_counts_the_names(example: Site) -> None:
    markdown = page(example, "eksempeludvalget/2026-11-18/punkt-4.md").markdown
    assert "| For | – | Sara Quist, Rasmus Holm Nielsen | 2 |" in markdown
    assert "| Undlod | – | Birgit Skov | 1 |" in markdown
    assert "Udfald: **Afvist**" in markdown


def test_a_punkt_without_a_vote_shows_no_table(example: Site) -> None:
    markdown = page(example, "eksempeludvalget/2026-11-18/punkt-6.md").markdown
    assert "Udfald: **Taget til efterretning**" in markdown
    assert BOX_VOTES not in markdown and "Deltog ikke" not in markdown


def test_agenda_shows_each_outcome(example: Site) -> None:
    markdown = page(example, "eksempeludvalget/2026-11-18/index.md").markdown
    assert "| **Udfald: Afvist.** For stemte: Sara Quist" in markdown
    assert "| **Udfald: Henvist til byrådet.** Udvalget anbefaler" in markdown


def test_names_and_letters_are_escaped(hostile: Site) -> None:
    markdown = page(hostile, "raadet/2026-01-14/punkt-1.md").markdown
    assert "Bo \\*Star\\*" in markdown and "Bo *Star*" not in markdown
    html = markdown_to_html(markdown)  # as the site renders it: raw HTML is off
    assert "<td>Ann &lt;b&gt;Bold&lt;/b&gt;</td>" in html and "<b>" not in html
    assert "<td>&lt;i&gt;</td>" in html and "<i>" not in html
    assert "Deltog ikke i behandlingen: Bo *Star*." in html
    assert "<strong>Protokolbemærkning fra &lt;i&gt;:</strong>" in html
    assert "<strong>dette</strong> &lt;script&gt;" in html and "<script>" not in html
    assert "<table>\n<caption>Afstemning</caption>" in html and "admonition-title" not in html
    assert "<th>Stemme</th>" in html and "<th>Antal</th>" in html


def test_closed_punkt_shows_no_outcome_vote_absence_or_remark(hostile: Site) -> None:
    punkt = page(hostile, "raadet/2026-01-14/punkt-2.md")
    for hidden in (BOX_OUTCOME, BOX_VOTES, "Afvist**", "Deltog ikke", "Star", "Ann",
                   "Protokolbemærkning", "Hemmelig"):
        assert hidden not in punkt.markdown
    agenda = page(hostile, "raadet/2026-01-14/index.md").markdown
    assert "Udfald: Afvist" not in agenda and "Udfald: Godkendt" in agenda
    assert punkt.search is not None
    assert all(name != FACET_OUTCOME for name, _ in punkt.search.facets)


def test_closed_punkt_renders_none_of_it_even_if_given() -> None:
    # `referat check` refuses votes, absences and remarks on a closed punkt; the renderer does
    # not rely on that.
    item = Item("9", "Lukket", closed=True, decision="Afvist.", outcome="afvist",
                votes=Votes(for_=VoteSide(names=("Ann",))), absent_from_item=("Bo",),
                remarks=(Remark("B", "Hemmelig"),))
    assert render_votes.item_outcome_parts(item).strip() == ""
    assert render_votes.agenda_outcome(item) == ""


def test_udfald_is_a_search_facet_of_a_punkt(example: Site) -> None:
    assert FACET_OUTCOME == "udfald" and FACET_OUTCOME in FACETS
    punkt = page(example, "eksempeludvalget/2026-11-18/punkt-4.md")
    assert punkt.search is not None and (FACET_OUTCOME, "afvist") in punkt.search.facets
    meeting = page(example, "eksempeludvalget/2026-11-18/index.md")
    assert meeting.search is not None
    assert all(name != FACET_OUTCOME for name, _ in meeting.search.facets)


def test_search_page_labels_the_filter_in_danish() -> None:
    script = (ROOT / "docs" / "javascripts" / "soeg.js").read_text(encoding="utf-8")
    assert 'udfald: t("Udfald")' in script  # Danish unless the site's catalog says otherwise

