"""The Atom feeds, read back with feedparser from sites built before and after a correction: every
feed parses without a bozo flag; ids are unique and the same after the correction; every feed and
entry has its updated date and links that reach a page of the site; every page with a feed names it
in its head and shows a "Følg" line."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from pathlib import Path
from urllib.parse import unquote, urlsplit

import feedparser
import pytest

from git_site import BEFORE, CLOSED_TITLE, PLANNED, SITE_URL, Builds, write
from referat import calendars, feeds
from referat.cache import Cache
from referat.engine import build_site

ATOM = "{http://www.w3.org/2005/Atom}"
HEAD_LINK = re.compile(r'<link rel="alternate" type="([^"]+)" title="([^"]*)" href="([^"]+)">')


@pytest.fixture
def outputs(git_outputs: Builds) -> Builds:
    """The feeds as the engine makes them; the build publishes them as they are (the last test)."""
    return git_outputs


@pytest.fixture
def builds(git_builds: Builds) -> Builds:
    """The sites built with MkDocs, for what only pages show: the pages links reach, heads and
    follow lines."""
    return git_builds


def feeds_of(site: Path) -> dict[str, feedparser.FeedParserDict]:
    return {p.relative_to(site).as_posix(): feedparser.parse(p.read_bytes())
            for p in sorted(site.rglob("*.xml")) if p.name not in {"sitemap.xml"}}


def page_of(site: Path, url: str) -> Path:
    """The built file a link of the site points at."""
    assert url.startswith(SITE_URL), url
    path = unquote(urlsplit(url).path).lstrip("/")
    return site / (path + "index.html" if path.endswith("/") or not path else path)


def test_the_site_has_every_kind_of_feed(outputs: Builds) -> None:
    assert set(feeds_of(outputs.after)) == {
        "atom/beslutninger.xml", "atom/kommende-moeder.xml", "atom/rettelser.xml",
        "byraadet/atom.xml", "emne/oekonomi/atom.xml", "emne/skoler/atom.xml",
        "sag/00-30-00-s00-1-25/atom.xml"}


@pytest.mark.parametrize("when", ["before", "after"])
def test_every_feed_parses_and_follows_the_atom_rules(outputs: Builds, when: str) -> None:
    site = getattr(outputs, when)
    for name, feed in feeds_of(site).items():
        assert not feed.bozo, (name, feed.get("bozo_exception"))
        assert feed.version == "atom10", name
        assert feed.feed.title and feed.feed.id and feed.feed.updated_parsed, name
        links = {link.rel: link.href for link in feed.feed.links}
        assert links["self"] == SITE_URL + name, name
        assert links["alternate"].startswith(SITE_URL), name
        ids = [entry.id for entry in feed.entries]
        assert len(ids) == len(set(ids)), name
        for entry in feed.entries:
            assert entry.title and entry.updated_parsed and entry.id.startswith("tag:"), name
        check_raw_atom(site / name)


@pytest.mark.parametrize("when", ["before", "after"])
def test_every_feeds_links_reach_a_page_of_the_site(builds: Builds, when: str) -> None:
    site = getattr(builds, when)
    for name, feed in feeds_of(site).items():
        links = {link.rel: link.href for link in feed.feed.links}
        assert page_of(site, links["alternate"]).is_file(), name
        for entry in feed.entries:
            assert page_of(site, entry.link).is_file(), (name, entry.link)


def test_the_build_publishes_the_engine_s_files_as_they_are(builds: Builds, outputs: Builds) -> None:
    """What lets the tests above read the engine's feeds and calendars instead of a build's."""
    for made, built in ((outputs.before, builds.before), (outputs.after, builds.after)):
        files = sorted(p.relative_to(made).as_posix() for p in made.rglob("*") if p.is_file())
        assert any(name.endswith(".xml") for name in files) and any(name.endswith(".ics") for name in files)
        for name in files:
            assert (built / name).read_bytes() == (made / name).read_bytes(), name
        published = {p.relative_to(built).as_posix() for p in built.rglob("*")
                     if p.suffix in {".xml", ".ics"} and p.name != "sitemap.xml"}
        assert published == {name for name in files if name.endswith((".xml", ".ics"))}
    assert (outputs.first, outputs.second) == (builds.first, builds.second)


def check_raw_atom(path: Path) -> None:
    """What RFC 4287 asks of the XML itself: one id, title and updated per feed and entry, an
    author for the feed, and dates with their offset."""
    root = ET.fromstring(path.read_bytes())
    assert root.tag == f"{ATOM}feed"
    assert root.find(f"{ATOM}author/{ATOM}name") is not None
    for element in (root, *root.findall(f"{ATOM}entry")):
        for child in ("id", "title", "updated"):
            assert len(element.findall(f"{ATOM}{child}")) == 1, (path, child)
        updated = element.findtext(f"{ATOM}updated") or ""
        assert re.fullmatch(r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d([+-]\d\d:\d\d|Z)", updated), updated


def entries(site: Path, name: str) -> dict[str, feedparser.FeedParserDict]:
    return {e.id: e for e in feedparser.parse((site / name).read_bytes()).entries}


@pytest.mark.parametrize("name", ["atom/beslutninger.xml", "byraadet/atom.xml",
                                  "emne/oekonomi/atom.xml", "sag/00-30-00-s00-1-25/atom.xml"])
def test_ids_survive_the_correction_and_updated_follows_it(outputs: Builds, name: str) -> None:
    before, after = entries(outputs.before, name), entries(outputs.after, name)
    assert before and set(before) == set(after)
    corrected = [i for i in after if "2025-11-26" in after[i].link]
    assert corrected
    for i in corrected:
        assert after[i].updated.startswith("2025-12-03T14:30:00"), after[i].updated
        assert before[i].updated.startswith("2025-11-27T09:00:00"), before[i].updated
        assert after[i].published == before[i].published


def test_an_entry_is_a_punkt_with_its_decision_as_summary(outputs: Builds) -> None:
    found = entries(outputs.after, "atom/beslutninger.xml")
    punkt = next(e for e in found.values() if e.link.endswith("/byraadet/2025-11-26/punkt-1/"))
    assert punkt.summary == "<p>Godkendt med den ændring, at stien bliver bredere.</p>"
    assert punkt.title == "Punkt 1: Budget for <b>Skolevej</b> · Byrådet 26. november 2025"
    assert {t.term for t in punkt.tags} == {"Økonomi", "Skoler"}
    assert punkt.id == "tag:referat.example.dk,2025-11-26:byraadet/2025-11-26/punkt-1"


def test_the_closed_punkt_is_its_title_and_decision_only(outputs: Builds) -> None:
    found = entries(outputs.after, "atom/beslutninger.xml")
    closed = next(e for e in found.values() if CLOSED_TITLE in e.title)
    assert closed.summary == "<p>Indstillingen blev tiltrådt.</p>"
    assert not closed.get("tags")
    for name in ("emne/oekonomi/atom.xml", "sag/00-30-00-s00-1-25/atom.xml"):
        assert CLOSED_TITLE not in (outputs.after / name).read_text(encoding="utf-8")


def test_coming_meetings_are_the_planned_and_the_cancelled(outputs: Builds) -> None:
    found = entries(outputs.after, "atom/kommende-moeder.xml")
    assert sorted(e.title for e in found.values()) == [
        "Aflyst: Byrådet 19. august 2026", "Dagsorden: Byrådet 17. juni 2026"]
    planned = next(e for e in found.values() if "juni" in e.title)
    assert "Rådhuset, lokale 7" in planned.summary


def head_links(page: Path) -> list[tuple[str, str, str]]:
    return HEAD_LINK.findall(page.read_text(encoding="utf-8").split("</head>")[0])


@pytest.mark.parametrize(("page", "feed"), [
    ("index.html", "atom/beslutninger.xml"), ("byraadet/index.html", "byraadet/atom.xml"),
    ("byraadet/2025-11-26/index.html", "byraadet/atom.xml"),
    ("emne/oekonomi/index.html", "emne/oekonomi/atom.xml"),
    ("sag/00-30-00-s00-1-25/index.html", "sag/00-30-00-s00-1-25/atom.xml"),
    ("byraadet/2025-11-26/punkt-1/index.html", "sag/00-30-00-s00-1-25/atom.xml")])
def test_a_page_names_its_feed_in_its_head_and_a_follow_line(builds: Builds, page: str,
                                                             feed: str) -> None:
    path = builds.after / page
    found = [(kind, (path.parent / href).resolve()) for kind, _, href in head_links(path)]
    assert ("application/atom+xml", (builds.after / feed).resolve()) in found
    assert all(target.is_file() for _, target in found)
    body = path.read_text(encoding="utf-8").split("</head>")[1]
    follow = re.search(r"Følg: (.*?)</p>", body)
    assert follow, page
    targets = {(path.parent / href).resolve() for href in re.findall(r'href="([^"]+)"', follow[1])}
    assert (builds.after / feed).resolve() in targets


def test_every_feed_file_is_named_by_some_page(builds: Builds) -> None:
    named = {(page.parent / href).resolve() for page in builds.after.rglob("*.html")
             for _, _, href in head_links(page)}
    for name in feeds_of(builds.after):
        assert (builds.after / name).resolve() in named, name


def test_the_closed_punkt_page_names_no_case_feed(builds: Builds) -> None:
    assert head_links(builds.after / "byraadet/2025-11-26/punkt-2/index.html") == []


def test_feeds_and_calendars_come_from_the_cache_until_what_they_show_changes(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A rebuild makes again only the feeds and calendars of the edited meeting."""
    meetings = tmp_path / "meetings"
    write(meetings, BEFORE)
    cache = Cache(tmp_path / "cache")
    first = {t.path: t.content() for t in build_site(meetings, "R", cache=cache).texts}
    made: list[str] = []
    for module, name in ((feeds, "atom_xml"), (calendars, "ical")):
        real = getattr(module, name)
        monkeypatch.setattr(module, name, lambda *a, real=real: made.append(a[1]) or real(*a))
    again = {t.path: t.content() for t in build_site(meetings, "R", cache=cache).texts}
    assert again == first and made == []
    (meetings / "byraadet/2026-06-17.yml").write_text(
        PLANNED.format(place="Rådhuset, lokale 9"), encoding="utf-8")
    edited = {t.path: t.content() for t in build_site(meetings, "R", cache=cache).texts}
    # The other outputs (the OParl files) may gain files; these are the feeds and calendars.
    changed = {path for path in edited if path.endswith((".xml", ".ics"))
               and edited[path] != first[path]}
    assert changed == {"atom/kommende-moeder.xml", "byraadet/atom.xml", "byraadet/kalender.ics",
                       "kalender/alle-moeder.ics"}
    assert len(made) == len(changed)


def test_markup_in_a_title_is_text_in_an_html_summary(outputs: Builds) -> None:
    """A meeting entry's summary is HTML: a title's '<b>' in it is escaped, so a reader shows it
    as written instead of making it bold (or running a script)."""
    found = entries(outputs.after, "byraadet/atom.xml")
    held = next(e for e in found.values() if e.link.endswith("/byraadet/2025-11-26/"))
    assert "Punkt 1: Budget for &lt;b&gt;Skolevej&lt;/b&gt;" in held.summary
    assert "<b>" not in held.summary
