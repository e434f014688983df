"""Build the example site with the real MkDocs (--strict) and check the pages it must have."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from html_page import HtmlPage
from referat.loader import load
from referat.model import Meeting
from referat.slugs import slugify
from referat.text import plain
from sites import mkdocs_build

ROOT = Path(__file__).resolve().parent.parent

LIST_MARK = re.compile(r"^\s*(?:[-+*]|\d+[.)])\s+")


@pytest.fixture(scope="module")
def meetings() -> list[Meeting]:
    archive, problems = load(ROOT / "meetings")
    assert problems == []
    return list(archive.meetings)


def page(site: Path, url: str) -> HtmlPage:
    path = site / url / "index.html"
    assert path.is_file(), f"missing page /{url}"
    return HtmlPage(path)


def punkt_url(meeting: Meeting, number: str) -> str:
    return f"{meeting.body.slug}/{meeting.slug}/punkt-{slugify(number)}/"


def source_lines(markdown: str) -> list[str]:
    """Each non-blank line of a Markdown text as the words a reader sees."""
    lines = (plain(LIST_MARK.sub("", line)) for line in markdown.splitlines())
    return [line for line in lines if line]


def test_every_punkt_text_is_on_its_page_word_for_word(example: Path, meetings) -> None:
    for meeting in meetings:
        for item in meeting.items:
            built = page(example, punkt_url(meeting, item.number))
            texts = [item.title, *item.sections, *item.sections.values(), item.decision or ""]
            texts += [a.title for a in item.attachments]
            for line in (line for text in texts for line in source_lines(text)):
                assert line in built.text, f"{punkt_url(meeting, item.number)} lacks: {line}"


def test_meeting_page_has_date_place_attendance_agenda(example: Path, meetings) -> None:
    by_slug = {m.slug: m for m in meetings}
    built = page(example, "integrationsraadet/2025-11-26/")
    assert "onsdag den 26. november 2025 kl. 17.00" in built.text
    assert "Korsgade, Mødelokale 1, 1. sal" in built.text
    for item in by_slug["2025-11-26"].items:
        assert f"punkt-{item.number}/" in built.links
    older = page(example, "integrationsraadet/2022-09-28/")
    assert "Alice Flink" in older.text and "Lise Østermark (V)" in older.text
    assert "Tirsdag den 25. oktober 2022 kl. 14.30-15.30, Jobcentret." in older.text


def test_punkt_page_links_case_topics_meeting_and_neighbours(example: Path) -> None:
    built = page(example, "integrationsraadet/2025-11-26/punkt-33/")
    assert "../../../sag/15-00-00-g01-2536-21/" in built.links
    assert "../../../emne/integrationspolitik/" in built.links
    assert "../" in built.links
    assert "../punkt-32/" in built.links and "../punkt-34/" in built.links


def test_index_pages_exist(example: Path, meetings) -> None:
    for url in ["", "organer/", "aar/", "aar/2022/", "aar/2025/", "emne/", "emne/rekruttering/",
                "emne/oekonomi/", "sag/", "sager/2025/", "sag/15-00-00-g01-2536-21/",
                "integrationsraadet/"]:
        page(example, url)
    case = page(example, "sag/15-00-00-g01-2536-21/")
    assert case.text.index("Punkt 31") < case.text.index("Punkt 36")


def test_every_page_has_one_h1_and_danish_lang(example: Path) -> None:
    pages = [p for p in example.rglob("*.html") if p.name != "404.html"]
    assert len(pages) > 40
    for path in pages:
        built = HtmlPage(path)
        assert built.lang == "da", path
        assert built.h1 == 1, f"{path} has {built.h1} h1"
        footer = path.read_text(encoding="utf-8").split('class="md-copyright"')[1][:400]
        assert re.search(r'<a href="(\./|[./]*tilgaengelighed/)">Tilgængelighedserklæring</a>',
                         footer), path


def test_meeting_and_punkt_pages_have_no_edit_links_without_a_repository(example: Path,
                                                                        meetings) -> None:
    """The example names no repository (REPO_URL unset): test_pages.py builds one that does."""
    for meeting in meetings:
        source = f"/edit/main/meetings/{meeting.body.slug}/{meeting.slug}.yml"
        urls = [f"{meeting.body.slug}/{meeting.slug}/"]
        urls += [punkt_url(meeting, item.number) for item in meeting.items]
        for url in urls:
            assert not any(link.endswith(source) for link in page(example, url).links), url


def test_nav_holds_index_pages_only(example: Path) -> None:
    html = (example / "integrationsraadet" / "2025-11-26" / "punkt-31" / "index.html").read_text()
    nav = re.findall(r'<a href="([^"#]*)" class="md-nav__link', html)
    assert nav == ["../../..", "../../../organer/", "../../../aar/", "../../../emne/",
                   "../../../sag/", "../../../soeg/", "../../../data/", "../../../om/",
                   "../../../tilgaengelighed/", "../../../format/", "../../../ydelse/"]


def test_raw_html_in_meeting_text_shows_as_text(tmp_path: Path) -> None:
    fixture = ROOT / "tests" / "fixtures" / "site"
    result = mkdocs_build(tmp_path / "site", fixture)
    assert result.returncode == 0, result.stderr
    html = (tmp_path / "site" / "byraadet" / "2024-03-20" / "punkt-41" / "index.html").read_text()
    assert "<script>alert" not in html and "<b>Udsat" not in html
    assert "&lt;script&gt;alert" in html and "&lt;b&gt;Udsat" in html
    assert "javascript:" not in html


def test_bad_meeting_file_stops_the_build_and_builds_nothing(tmp_path: Path) -> None:
    meetings = tmp_path / "meetings" / "raad"
    meetings.mkdir(parents=True)
    (meetings / "body.yml").write_text("name: Rådet\n", encoding="utf-8")
    (meetings / "2024-01-01.yml").write_text("date: 2024-01-01\ntitel: x\nitems: []\n")
    site = tmp_path / "site"
    site.mkdir()
    (site / "published.txt").write_text("the site as it was")
    result = mkdocs_build(site, tmp_path / "meetings")
    assert result.returncode != 0
    assert "raad/2024-01-01.yml:2: titel: unknown key" in result.stderr
    assert "nothing was built" in result.stderr
    assert [p.name for p in site.iterdir()] == ["published.txt"]


def test_search_index_is_built_and_material_search_is_off(example: Path) -> None:
    listed = json.loads((example / "pagefind" / "manifest.json").read_text(encoding="utf-8"))
    for kind in ("pages", "decisions"):  # a small archive is one bundle of each
        assert [b["period"] for b in listed[kind]] == ["2022-2026"], listed
        bundle = example / "pagefind" / listed[kind][0]["url"]
        assert (bundle / "pagefind.js").is_file(), bundle
        assert list(bundle.glob("wasm.da.pagefind")), f"{bundle} is not Danish"
    assert not (example / "search" / "search_index.json").exists()


def test_only_meeting_and_punkt_text_is_indexed(example: Path) -> None:
    punkt = (example / "integrationsraadet/2025-11-26/punkt-35/index.html").read_text()
    assert punkt.count("data-pagefind-body") == 1
    assert '<span data-pagefind-filter="emne">Økonomi</span>' in punkt
    assert '<span data-pagefind-filter="organ">Integrationsrådet</span>' in punkt
    assert 'class="admonition beslutning" data-pagefind-weight="4"' in punkt
    assert 'class="admonition relateret" data-pagefind-ignore' in punkt
    for index in ("index.html", "sag/index.html", "emne/oekonomi/index.html", "om/index.html"):
        assert "data-pagefind-body" not in (example / index).read_text(), index
