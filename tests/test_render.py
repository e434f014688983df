"""Rendering tests: the fixture site's generated Markdown, compared page by page with golden files."""

from __future__ import annotations

import pytest

from conftest import FIXTURES, Golden
from referat.danish import file_kind, file_size
from referat.engine import Site, build_site


@pytest.fixture(scope="module")
def site() -> Site:
    return build_site(FIXTURES / "site", "Referater", display_root=FIXTURES)


def test_fixture_site_has_no_problems(site: Site) -> None:
    assert site.problems == []


def test_page_list(site: Site, golden: Golden) -> None:
    listing = "".join(f"{p.path}\t{p.kind}\t{'nav' if p.nav else '-'}\t{p.title}\n"
                      for p in site.pages)
    golden.check("pages/_list.txt", listing)


def test_pages(site: Site, golden: Golden) -> None:
    for page in site.pages:
        golden.check(f"pages/{page.path}", page.markdown)


def test_paths_are_unique(site: Site) -> None:
    paths = [p.path for p in site.pages]
    assert len(paths) == len(set(paths))


def test_attachment_is_copied(site: Site) -> None:
    assert [(a.path, a.source.name) for a in site.assets] == [("byraadet/bilag/budget.pdf",
                                                               "budget.pdf")]


def test_closed_item_shows_title_and_decision_only(site: Site) -> None:
    page = next(p for p in site.pages if p.path == "oekonomiudvalget/2024-03-04/punkt-12-a.md")
    assert "Salg af grund" in page.markdown and "Godkendt." in page.markdown
    assert "## Bilag" not in page.markdown and "## Resume" not in page.markdown


def test_topics_differing_in_case_are_one_topic(site: Site) -> None:
    topics = [p for p in site.pages if p.path.startswith("emne/") and p.path != "emne/index.md"]
    assert sorted(p.path for p in topics) == ["emne/budget.md", "emne/lokalplan.md",
                                              "emne/oekonomi.md"]


def test_bad_archive_gives_problems_and_no_pages(tmp_path) -> None:
    body = tmp_path / "raad"
    body.mkdir()
    (body / "body.yml").write_text("name: Rådet\n", encoding="utf-8")
    (body / "2024-01-01.yml").write_text("date: 2024-01-01\nitems:\n  - number: 1\n",
                                         encoding="utf-8")
    site = build_site(tmp_path, "Referater", display_root=tmp_path)
    assert [str(p) for p in site.problems] == [
        "raad/2024-01-01.yml:3: punkt 1 (items[1]).title: missing; add 'title: Godkendelse af dagsorden'"]
    assert site.pages == [] and site.assets == []


def test_a_large_topic_gets_a_page_per_year() -> None:
    import datetime as dt

    from referat.catalog import build_catalog
    from referat.model import Archive, Body, Item, Meeting
    from referat.render_index import TOPIC_PAGE_LIMIT, render_topic, render_topic_years

    body = Body("raad", "Rådet")
    meetings = tuple(Meeting(body, f"{year}-0{month}-01", "x.yml", dt.date(year, month, 1),
                             items=tuple(Item(str(n), f"Punkt {n}", topics=("Økonomi",))
                                         for n in range(1, 12)))
                     for year in (2023, 2024) for month in range(1, 6))
    topic = build_catalog(Archive((body,), meetings)).topics["oekonomi"]
    assert len(topic.treatments) == 110 > TOPIC_PAGE_LIMIT
    page = render_topic(topic)
    assert "- [2024](oekonomi/2024.md): 55 punkter" in page.markdown
    assert "| Dato |" not in page.markdown
    years = render_topic_years(topic)
    assert [p.path for p in years] == ["emne/oekonomi/2024.md", "emne/oekonomi/2023.md"]
    assert years[0].markdown.count("/punkt-") == 55


@pytest.mark.parametrize(("size", "shown"), [
    (0, "0 B"), (30, "30 B"), (999, "999 B"), (1000, "1 kB"), (1234, "1,2 kB"), (9949, "9,9 kB"),
    (9950, "10 kB"), (830_400, "830 kB"), (999_500, "1 MB"), (1_234_567, "1,2 MB"),
    (12_345_678, "12 MB"), (1_234_567_890, "1,2 GB"), (123_456_789_012, "123 GB"),
])
def test_file_size_in_danish(size: int, shown: str) -> None:
    assert file_size(size) == shown


@pytest.mark.parametrize(("name", "shown"), [
    ("bilag/budget.pdf", "PDF"), ("BUDGET.PDF", "PDF"), ("notat.docx", "Word"), ("tal.xls", "Excel"),
    ("plan.odt", "OpenDocument-tekst"), ("kort.geojson", "GEOJSON"), ("uden-endelse", "Fil"),
])
def test_file_kind_in_danish(name: str, shown: str) -> None:
    assert file_kind(name) == shown


def test_attachment_shows_type_and_size_of_the_file_on_disk(tmp_path) -> None:
    body = tmp_path / "raad"
    (body / "bilag").mkdir(parents=True)
    (body / "body.yml").write_text("name: Rådet\n", encoding="utf-8")
    (body / "bilag" / "plan.pdf").write_bytes(b"%" * 1_234_567)
    (body / "bilag" / "notat.docx").write_bytes(b"x" * 2_048)
    (body / "2024-01-01.yml").write_text(
        "date: 2024-01-01\nitems:\n  - number: 1\n    title: Plan\n    attachments:\n"
        "      - {title: Planen, file: bilag/plan.pdf}\n"
        "      - {title: Notat, file: bilag/notat.docx}\n"
        "      - {title: Kortet, url: 'https://example.org/kort.pdf'}\n", encoding="utf-8")
    site = build_site(tmp_path, "Referater", display_root=tmp_path)
    page = next(p for p in site.pages if p.path == "raad/2024-01-01/punkt-1.md")
    assert "- [Planen](../bilag/plan.pdf) (PDF, 1,2 MB)\n" in page.markdown
    assert "- [Notat](../bilag/notat.docx) (Word, 2 kB)\n" in page.markdown
    assert "- [Kortet](<https://example.org/kort.pdf>)\n" in page.markdown
