"""The search indexer on its own, with the real Pagefind: partitions by year, the cache that
re-indexes only what changed, decision pages, weights, and clear errors."""

from __future__ import annotations

import json
import os
import time
from dataclasses import replace
from pathlib import Path

import pytest

from referat import contracts, search, search_partitions, searchdata
from referat.outputs import AttachmentRecord, SearchRecord
from referat.search_partitions import UNDATED, plan

DECISION = search.Decision(
    url="/raad/2024-01-01/punkt-1/", text="<script>alert(1)</script> Budgettet er godkendt.",
    heading='Punkt 1: "Budget" <b>2025</b>', body="Rådet", when="1. januar 2024",
    facets=(("organ", "Rådet"), ("aar", "2024"), ("emne", "Økonomi & <i>budget</i>")),
    date="2024-01-01")
NAV = "<nav>Forside</nav>"


def page(year: str | None, text: str, nav: str = NAV) -> str:
    """A built page as the theme draws it: a nav outside the article, the indexed part inside."""
    facet = f'<span data-pagefind-filter="aar">{year}</span>' if year else ""
    return (f"<html lang='da'><body>{nav}<article><div data-pagefind-body>"
            f"<div hidden data-pagefind-ignore>{facet}</div><h1>{text}</h1><p>{text}</p></div>"
            "</article><footer>Sidefod</footer></body></html>")


def write_site(site: Path, pages: dict[str, str]) -> None:
    for path, html in pages.items():
        (site / path).parent.mkdir(parents=True, exist_ok=True)
        (site / path).write_text(html, encoding="utf-8")


YEARS = {f"raad/{year}-0{n}-01/punkt-1/index.html": page(str(year), f"Budget {year} nummer {n}")
         for year in (2019, 2020, 2021, 2024) for n in (1, 2)}
YEARS["om/index.html"] = "<html lang='da'><body><p>Om sitet</p></body></html>"  # not indexed


def bundle_state(site: Path, folder: str) -> dict[str, tuple[int, bytes]]:
    root = site / folder
    return {p.relative_to(root).as_posix(): (p.stat().st_ino, p.read_bytes())
            for p in root.rglob("*") if p.is_file()}


def test_a_small_archive_is_one_partition_and_the_newest_year_leads_a_large_one() -> None:
    years = ["2019"] * 3 + ["2020"] * 2 + ["2021"] * 2 + ["2024"] * 4
    assert set(plan(years, budget=100).values()) == {"2019-2024"}
    assert plan(years, budget=4) == {"2024": "2024", "2019": "2019", "2020": "2020-2021",
                                     "2021": "2020-2021"}  # 2019 + 2020 would be 5 pages
    assert plan(years, budget=1) == {"2024": "2024", "2019": "2019", "2020": "2020", "2021": "2021"}
    assert plan(["2025"] * 10, budget=1) == {"2025": "2025"}  # one year, however large
    assert plan(years + [None], budget=4)[None] == UNDATED
    assert plan([], budget=4, also=["2023"]) == {"2023": "2023"}  # a year only decisions have


def test_the_bundles_and_the_manifest(tmp_path: Path) -> None:
    site = tmp_path / "site"
    write_site(site, YEARS)
    report = search.index_site(site, [DECISION], budget=4)
    assert (report.pages, report.decisions) == (8, 1)
    listed = json.loads((site / "pagefind" / "manifest.json").read_text(encoding="utf-8"))
    assert [(b["period"], b["records"]) for b in listed["pages"]] == [
        ("2024", 2), ("2021", 2), ("2019-2020", 4)]
    assert [(b["url"], b["records"]) for b in listed["decisions"]] == [
        ("../pagefind-beslutninger/2024/", 1)]
    for folder in ("pagefind/2024", "pagefind/2021", "pagefind/2019-2020", "pagefind-beslutninger/2024"):
        assert (site / folder / "pagefind.js").is_file(), folder
        assert list((site / folder / "fragment").glob("*.pf_fragment")), folder
    assert len(list((site / "pagefind/2019-2020/fragment").glob("*.pf_fragment"))) == 4
    assert report.indexed == ["pagefind/2024", "pagefind/2021", "pagefind/2019-2020",
                              "pagefind-beslutninger/2024"]
    assert report.peak_rss_mib > 1
    punkt = "raad/2024-01-01/punkt-1/index.html"  # the decision's page is written elsewhere
    assert (site / punkt).read_text(encoding="utf-8") == YEARS[punkt]


def test_a_rebuild_reindexes_only_the_partition_whose_pages_changed(tmp_path: Path) -> None:
    cache = tmp_path / "cache"
    first, second = tmp_path / "first", tmp_path / "second"
    write_site(first, YEARS)
    search.index_site(first, [DECISION], cache=cache, budget=4)
    # The second build: every page has a new nav (outside what is indexed); one 2021 page is edited.
    edited = {path: html.replace(NAV, "<nav>Forside · Ny side</nav>") for path, html in YEARS.items()}
    edited["raad/2021-02-01/punkt-1/index.html"] = page("2021", "Budget 2021 rettet")
    write_site(second, edited)
    report = search.index_site(second, [DECISION], cache=cache, budget=4)
    assert report.indexed == ["pagefind/2021"]
    assert sorted(report.reused) == ["pagefind-beslutninger/2024", "pagefind/2019-2020", "pagefind/2024"]
    for folder in ("pagefind/2024", "pagefind/2019-2020", "pagefind-beslutninger/2024"):
        assert bundle_state(second, folder) == bundle_state(first, folder)  # the same files, linked
    assert bundle_state(second, "pagefind/2021") != bundle_state(first, "pagefind/2021")


def test_a_cache_left_by_a_killed_build_is_cleaned_and_still_works(tmp_path: Path) -> None:
    cache = tmp_path / "cache"
    dead = cache / "tmp-dead"  # what a build killed while Pagefind ran leaves behind
    (dead / "bundle").mkdir(parents=True)
    old = time.time() - 2 * 24 * 3600
    os.utime(dead, (old, old))
    site = tmp_path / "site"
    write_site(site, YEARS)
    search.index_site(site, [], cache=cache, budget=4)
    assert not dead.exists()
    assert sorted(p.name.startswith("tmp-") for p in cache.iterdir()) == [False, False, False]


def test_a_page_seen_under_its_key_is_not_read_again(tmp_path: Path,
                                                     monkeypatch: pytest.MonkeyPatch) -> None:
    """A key names a page's bytes (the adapter's cache key), so a rebuild reads only the pages
    whose key is new; the bundles are the same as when every page is read."""
    cache, known = tmp_path / "cache", {path: f"key-{n}" for n, path in enumerate(YEARS)}
    write_site(tmp_path / "first", YEARS)
    search.index_site(tmp_path / "first", [DECISION], cache=cache, budget=4, known=known)
    read: list[str] = []
    real = search_partitions.read_page
    monkeypatch.setattr(search_partitions, "read_page",
                        lambda path, site: read.append(path.name) or real(path, site))
    edited = "raad/2021-02-01/punkt-1/index.html"
    write_site(tmp_path / "second", {**YEARS, edited: page("2021", "Budget 2021 rettet")})
    # The same key for the edited page: it is taken as seen, not read, and nothing is indexed.
    report = search.index_site(tmp_path / "second", [DECISION], cache=cache, budget=4, known=known)
    assert read == [] and report.indexed == []
    report = search.index_site(tmp_path / "second", [DECISION], cache=cache, budget=4,
                               known={**known, edited: "key-new"})
    assert read == ["index.html"] and report.indexed == ["pagefind/2021"]
    fresh = tmp_path / "fresh"
    write_site(fresh, {**YEARS, edited: page("2021", "Budget 2021 rettet")})
    search.index_site(fresh, [DECISION], budget=4)
    assert ((fresh / "pagefind/manifest.json").read_text(encoding="utf-8")
            == (tmp_path / "second/pagefind/manifest.json").read_text(encoding="utf-8"))


def test_the_pages_named_are_read_and_a_named_page_the_build_left_out_is_skipped(
        tmp_path: Path) -> None:
    """The adapter names the site's pages (no walk of the site); a page it names that the build
    did not write (a draft) is not indexed, and a file it does not name is not read."""
    write_site(tmp_path, {**YEARS, "stray/index.html": page("2024", "Ikke nævnt")})
    named = [*YEARS, "draft/index.html"]
    records = search_partitions.read_pages(tmp_path, paths=named)
    assert sorted(r.path for r in records) == sorted(p for p in YEARS if p != "om/index.html")
    walked = search_partitions.read_pages(tmp_path)
    assert "stray/index.html" in {r.path for r in walked}


def test_the_pages_and_the_decisions_are_indexed_side_by_side(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    runs: dict[str, tuple[float, float]] = {}

    def pagefind(source: Path, output: Path) -> tuple[int, float]:
        started = time.monotonic()
        time.sleep(0.5)
        output.mkdir(parents=True)
        (output / "pagefind-entry.json").write_text("{}", encoding="utf-8")
        kind = "decisions" if (source / "raad/2024-01-01/punkt-1/index.html").read_text(
            encoding="utf-8").startswith("<!doctype") else "pages"
        runs[kind] = (started, time.monotonic())
        return 1, 1.0

    monkeypatch.setattr(search, "run_pagefind", pagefind)
    write_site(tmp_path / "site", YEARS)
    search.index_site(tmp_path / "site", [DECISION], budget=100)
    (pages_start, pages_end), (decisions_start, decisions_end) = runs["pages"], runs["decisions"]
    assert pages_start < decisions_end and decisions_start < pages_end, runs


def test_a_decision_with_a_token_is_known_by_it_and_its_page_made_only_when_indexed(
        tmp_path: Path) -> None:
    """A token (its punkt page's digest) names the decision: another token is another record,
    the same token the same, and the page is made only when Pagefind gets it, the same page
    a decision without a token gets; the bundle found is the same either way."""
    tokened = replace(DECISION, token="one")
    record, made = search.decision_record(tokened)
    assert callable(made) and made() == search.decision_page(DECISION)
    assert record == search.decision_record(replace(tokened, text="ignored"))[0]
    assert record != search.decision_record(replace(tokened, token="two"))[0]
    assert record.path == search.decision_record(DECISION)[0].path
    for decision, name in ((DECISION, "plain"), (tokened, "tokened")):
        write_site(tmp_path / name, {})
        search.index_site(tmp_path / name, [decision], budget=100)
    found = [sorted(p.relative_to(tmp_path / name).as_posix() for p in
                    (tmp_path / name / search.DECISIONS).rglob("*") if p.is_file() and "fragment" in p.name)
             for name in ("plain", "tokened")]
    assert found[0] and found[0] == found[1]


def test_decision_page_escapes_every_value() -> None:
    html = search.decision_page(DECISION)
    assert "<script>" not in html and "<b>" not in html and "<i>" not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt; Budgettet er godkendt." in html
    assert '<span data-pagefind-filter="emne">Økonomi &amp; &lt;i&gt;budget&lt;/i&gt;</span>' in html


def test_weigh_decisions_marks_the_decision_and_ignores_related_links() -> None:
    html = '<div class="admonition beslutning"><p>x</p></div><div class="admonition relateret">'
    weighed = search.weigh_decisions(html)
    assert 'class="admonition beslutning" data-pagefind-weight="4"' in weighed
    assert 'class="admonition relateret" data-pagefind-ignore' in weighed


def test_a_pagefind_failure_is_a_clear_error(tmp_path: Path) -> None:
    with pytest.raises(search.SearchIndexError, match="pagefind failed"):
        search.run_pagefind(tmp_path / "missing", tmp_path / "out")


@pytest.mark.parametrize("setting", ["x", "0", "-5", "2.5"])
def test_a_bad_bundle_budget_is_a_clear_error(setting: str) -> None:
    with pytest.raises(search.SearchIndexError, match="search_bundle_pages is .* whole number"):
        search.bundle_budget(setting)


def test_the_bundle_budget_defaults() -> None:
    assert search.bundle_budget(None) == search.bundle_budget("") == search.PAGE_BUDGET
    assert search.bundle_budget("300") == search.bundle_budget(300) == 300


PUNKT_HTML = (
    '<h1 id="x">Valg af ordstyrer</h1>\n<p>Punkt 3 på mødet <a href="../">Rådet 28. september 2022</a></p>\n'
    "<dl>\n<dt>Tidspunkt</dt>\n<dd>onsdag den 28. september 2022</dd>\n<dt>Sag</dt>\n"
    '<dd><a href="s/">15.00.00-G01-2536-21</a>, &lt;b&gt;</dd>\n</dl>\n'
    '<div class="admonition beslutning">\n<p>Valgt.</p>\n</div>\n'
    "<h2>Bilag</h2>\n<dl><dt>A term in the text</dt><dd>stays</dd></dl>\n"
    "<table><thead><tr><th>Punkt</th></tr></thead><tbody><tr><td>1</td></tr></tbody></table>\n")


def test_mark_for_search_leaves_the_facts_out_of_the_text_but_keeps_their_values() -> None:
    marked = search.mark_for_search(PUNKT_HTML, contracts.KIND_PUNKT)
    assert "<dl data-pagefind-ignore>\n<dt>Tidspunkt</dt>" in marked  # the facts, left out
    assert "<dl><dt>A term in the text</dt>" in marked  # a list in the text is text
    assert "</h1>\n<p data-pagefind-ignore>Punkt 3 på mødet" in marked
    assert "<thead data-pagefind-ignore>" in marked
    assert 'class="admonition beslutning" data-pagefind-weight="4"' in marked
    # The values again, after the text, without labels (still found: a journal number), escaped.
    assert marked.endswith("<p hidden>onsdag den 28. september 2022 · "
                           "15.00.00-G01-2536-21, &lt;b&gt;</p>\n")


def test_mark_for_search_on_a_meeting_and_on_other_pages() -> None:
    meeting = search.mark_for_search(PUNKT_HTML, contracts.KIND_MEETING)
    assert "<dl data-pagefind-ignore>" in meeting and "<thead data-pagefind-ignore>" in meeting
    assert "<p>Punkt 3 på mødet" in meeting  # only a punkt has the line under its title
    assert 'data-pagefind-weight' not in meeting
    assert search.mark_for_search(PUNKT_HTML, contracts.KIND_INDEX) == PUNKT_HTML
    assert search.mark_for_search("<p>Ingen fakta</p>", contracts.KIND_PUNKT) == "<p>Ingen fakta</p>"


def test_the_search_data_has_the_date_to_sort_by_and_a_punkt_s_decision() -> None:
    assert '<span data-pagefind-sort="dato">2024-01-01</span>' in search.decision_page(DECISION)
    words = " ".join(f"ord{i}" for i in range(40))
    record = SearchRecord("Punkt 1: Budget", "Rådet", "1. januar 2024", contracts.SEARCH_PUNKT, (),
                          decision=f"<b>{words}</b>", date="2024-01-01")
    data = searchdata.spans(record)
    assert '<span data-pagefind-sort="dato">2024-01-01</span>' in data
    shortened = " ".join(f"ord{i}" for i in range(searchdata.SNIPPET_WORDS))
    assert f'<span data-pagefind-meta="beslutning">&lt;b&gt;{shortened} …</span>' in data
    meeting = SearchRecord("Rådet 1. januar 2024", "Rådet", "1. januar 2024", contracts.SEARCH_MEETING, ())
    assert "beslutning" not in searchdata.spans(meeting) and "sort" not in searchdata.spans(meeting)


@pytest.mark.parametrize("name", ["budget.pdf", "BUDGET.PDF"])
def test_an_attachment_s_record_is_indexed_at_its_file_s_path(tmp_path: Path, name: str) -> None:
    """The glob Pagefind is given takes attachments' records (at a PDF's path, whatever the case
    of its suffix) as well as the built pages, and nothing else of the folder."""
    site = tmp_path / "site"
    write_site(site, YEARS)
    record = SearchRecord("Punkt 1: Budget", "Rådet", "1. januar 2024", contracts.SEARCH_PUNKT,
                          (("organ", "Rådet"), ("aar", "2024")), None, "2024-01-01")
    attached = AttachmentRecord(f"raad/bilag/{name}", "../2024-01-01/punkt-1/", "Budget",
                                "Puljeoversigt", record)
    report = search.index_site(site, [], budget=100, attachments=[attached])
    assert (report.pages, report.attachments) == (8, 1)
    fragments = list((site / "pagefind" / "2019-2024" / "fragment").glob("*.pf_fragment"))
    assert len(fragments) == 9  # the eight pages with a year and the attachment, not "om/"
