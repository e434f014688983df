"""The search indexer on its own: decision pages, weights, and a clear error when Pagefind fails."""

from __future__ import annotations

from pathlib import Path

import pytest

from referat import search

DECISION = search.Decision(
    url="/raad/2024-01-01/punkt-1/", text="<script>alert(1)</script> Budgettet er godkendt.",
    heading='Punkt 1: "Budget" <b>2025</b>', body="Rådet", when="1. januar 2024",
    facets=(("organ", "Rådet"), ("emne", "Økonomi & <i>budget</i>")))


def test_decision_page_escapes_every_value() -> None:
    page = search.decision_page(DECISION)
    assert "<script>" not in page and "<b>" not in page and "<i>" not in page
    assert "&lt;script&gt;alert(1)&lt;/script&gt; Budgettet er godkendt." in page
    assert '<span data-pagefind-filter="emne">Økonomi &amp; &lt;i&gt;budget&lt;/i&gt;</span>' in page


def test_decisions_are_indexed_at_their_punkt_url(tmp_path: Path) -> None:
    site = tmp_path / "site"
    site.mkdir()
    (site / "index.html").write_text("<html lang='da'><body><p>Forside</p></body></html>")
    report = search.index_site(site, [DECISION])
    assert report == search.IndexReport(pages=1, decisions=1)
    assert (site / search.DECISIONS / "pagefind.js").is_file()
    assert not (site / "raad").exists()  # the decision pages live only in a temporary folder


def test_weigh_decisions_marks_the_decision_and_ignores_related_links() -> None:
    html = '<div class="admonition beslutning"><p>x</p></div><div class="admonition relateret">'
    weighed = search.weigh_decisions(html)
    assert 'class="admonition beslutning" data-pagefind-weight="4"' in weighed
    assert 'class="admonition relateret" data-pagefind-ignore' in weighed


def test_a_pagefind_failure_is_a_clear_error(tmp_path: Path) -> None:
    with pytest.raises(search.SearchIndexError, match="pagefind failed"):
        search.run_pagefind(tmp_path / "missing", tmp_path / "out")
