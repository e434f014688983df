"""An English site (theme.language: en), built with the real MkDocs, has none of the site's own
Danish words left: every msgid of the catalog whose English differs is looked for in what a reader
gets (the pages' visible text, the Atom feeds' titles and entries, the calendars' names and events,
and the search records' filters and result lines), the meeting files' own text (which is Danish,
and the council's) taken out first. The corrections, which need a git history, are read from the
engine's English outputs of tests/git_site.py's repository."""

from __future__ import annotations

import gzip
import json
import re
import shutil
import subprocess
import sys
from html.parser import HTMLParser
from pathlib import Path
from typing import Any
from xml.etree import ElementTree

import markdown
import pytest
import yaml
from babel.messages.pofile import read_po
from icalendar import Calendar

import git_site
from built_site import built_pages
from conftest import Golden

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = Path(__file__).resolve().parent / "fixtures"
CATALOG = ROOT / "hooks/referat/locale/en/LC_MESSAGES/referat.po"
VISIBLE_ATTRIBUTES = ("aria-label", "placeholder", "title", "alt", "content")
ADDRESS = re.compile(r"\S*https?://\S*|\S+/\S*")  # addresses keep their Danish words on purpose
MARKDOWN = re.compile(r"[*_\[\]()#>`|\n]+")
LIST_MARK = re.compile(r"^\s*(?:[-*+]|\d+[.)])\s+")  # a Markdown list item's mark
# The search data's markup on a page is read from the search records themselves (search_texts).
SEARCH_DATA = ("data-pagefind-meta", "data-pagefind-filter")
ATOM = "{http://www.w3.org/2005/Atom}"
# What a search result shows of its record besides its text: the filters, and these of its meta
# (the others are the meeting files' words: the decision, an attachment's title, a page's path).
RESULT_META = ("title", "organ", "dato", "type")
PLACEHOLDER = re.compile(r"\{\w+\}|%\(\w+\)s|<[^>]+>|\*\*")


def english_project(where: Path) -> Path:
    """The English fixture beside the project's theme overrides, scripts, styles and hook."""
    shutil.copytree(FIXTURES / "site-en", where)
    for part in ("overrides", "javascripts", "stylesheets"):
        shutil.copytree(ROOT / "docs" / part, where / "docs" / part)
    (where / "hooks").mkdir()
    shutil.copy(ROOT / "hooks/referat_hook.py", where / "hooks")
    shutil.copytree(FIXTURES / "site", where / "meetings")
    return where


@pytest.fixture(scope="module")
def english_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    project = english_project(tmp_path_factory.mktemp("english") / "project")
    result = subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict", "-d", "site"],
                            capture_output=True, text=True, cwd=project, check=False,
                            env={"PATH": str(Path(sys.executable).parent), "NO_MKDOCS_2_WARNING": "1"})
    assert result.returncode == 0, result.stderr
    return project / "site"


class Visible(HTMLParser):
    """The text a reader sees or hears: text outside scripts and styles, and the attributes
    a browser shows or reads out."""

    def __init__(self) -> None:
        super().__init__()
        self.parts: list[str] = []
        self.hidden: list[bool] = []  # for each open element: is its text hidden?

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in ("meta", "link", "input", "br", "img", "hr"):  # void elements have no end tag
            self.parts += [value for name, value in attrs if name in VISIBLE_ATTRIBUTES and value]
            return
        self.hidden.append(tag in ("script", "style") or any(n in SEARCH_DATA for n, _ in attrs))
        self.parts += [value for name, value in attrs if name in VISIBLE_ATTRIBUTES and value]

    def handle_endtag(self, tag: str) -> None:
        if self.hidden and tag not in ("meta", "link", "input", "br", "img", "hr"):
            self.hidden.pop()

    def handle_data(self, data: str) -> None:
        if not any(self.hidden):
            self.parts.append(data)


def visible_text(html: str) -> str:
    parser = Visible()
    parser.feed(html)
    return ADDRESS.sub(" ", " ".join(" ".join(parser.parts).split()))


def meeting_texts(folder: Path = FIXTURES / "site", more: tuple[str, ...] = ()) -> list[str]:
    """Every text of the meeting files under `folder`, and `more` (commit messages), longest
    first (so a title goes before a word in it)."""
    texts: set[str] = {" ".join(m.split()) for m in more}

    def walk(value: object) -> None:
        if isinstance(value, dict):
            for key, inner in value.items():
                walk(key)
                walk(inner)
        elif isinstance(value, list):
            for inner in value:
                walk(inner)
        elif isinstance(value, str):
            pieces = (" ".join(value.split()), *MARKDOWN.split(value),
                      *(LIST_MARK.sub("", line) for line in value.splitlines()))
            texts.update(" ".join(p.split()) for p in pieces if len(p.strip()) >= 3)
    for path in folder.rglob("*.yml"):
        walk(yaml.safe_load(path.read_text(encoding="utf-8")))
    return sorted(texts, key=len, reverse=True)


def danish_words() -> dict[str, str]:
    """Each literal piece of every msgid whose translation differs, by the msgid: the words a
    Danish page would show ('Møder i {year}' gives 'Møder i')."""
    with CATALOG.open("rb") as source:
        catalog = read_po(source)
    words: dict[str, str] = {}
    for message in catalog:
        if not message.id:
            continue
        ids = message.id if isinstance(message.id, tuple) else (message.id,)
        strings = message.string if isinstance(message.string, tuple) else (message.string,)
        for msgid in ids:
            if msgid in strings:
                continue  # the same in both languages ('Status', 'KLE')
            for piece in PLACEHOLDER.split(msgid):
                piece = " ".join(piece.split()).strip(" ,.:;()[]")
                if len(piece) >= 3:
                    words[piece] = msgid
    return words


def found_in(word: str, text: str) -> bool:
    return re.search(rf"(?<!\w){re.escape(word)}(?!\w)", text) is not None


def test_the_catalog_lists_every_word_and_translates_each() -> None:
    with CATALOG.open("rb") as source:
        catalog = read_po(source)
    untranslated = [m.id for m in catalog if m.id and not all(m.string if isinstance(m.string, tuple)
                                                              else (m.string,))]
    assert len(danish_words()) > 100
    assert not untranslated


def danish_left(texts: dict[str, str], meetings: list[str]) -> dict[str, set[str]]:
    """The catalog's Danish words found in `texts` (by where they were), once the meeting files'
    words (`meetings`, from meeting_texts) are taken out."""
    words = danish_words()
    left: dict[str, set[str]] = {}
    for where, text in texts.items():
        text = ADDRESS.sub(" ", " ".join(text.split()))
        for written in meetings:
            text = text.replace(written, " ")
        for word, msgid in words.items():
            if found_in(word, text):
                left.setdefault(f"{word!r} (msgid {msgid!r})", set()).add(where)
    return left


def report(left: dict[str, set[str]]) -> str:
    return "\n".join(f"{word}: {sorted(places)[:3]}" for word, places in sorted(left.items()))


def feed_texts(site: Path) -> dict[str, str]:
    """Each Atom feed's title, subtitle and entries (titles and summaries, as a reader sees them)."""
    texts = {}
    for path in sorted(site.rglob("*.xml")):
        root = ElementTree.parse(path).getroot()
        if root.tag != f"{ATOM}feed":
            continue  # the sitemap
        parts = [root.findtext(f"{ATOM}title", ""), root.findtext(f"{ATOM}subtitle", "")]
        for entry in root.iter(f"{ATOM}entry"):
            parts += [entry.findtext(f"{ATOM}title", ""),
                      visible_text(entry.findtext(f"{ATOM}summary", ""))]
        texts[path.relative_to(site).as_posix()] = "\n".join(parts)
    return texts


def calendar_texts(site: Path) -> dict[str, str]:
    """Each calendar's name and its events' summaries and descriptions."""
    texts = {}
    for path in sorted(site.rglob("*.ics")):
        calendar = Calendar.from_ical(path.read_text(encoding="utf-8"))
        parts = [str(calendar.get("x-wr-calname", ""))]
        for event in calendar.walk("VEVENT"):
            parts += [str(event.get("summary", "")), str(event.get("description", ""))]
        texts[path.relative_to(site).as_posix()] = "\n".join(parts)
    return texts


def search_records(site: Path) -> dict[str, dict[str, Any]]:
    """Each search record as Pagefind keeps it (a fragment is gzipped JSON after a signature):
    the pages', the decisions' and the attachments', by the fragment's path and the record's URL."""
    records = {}
    for path in sorted(site.glob("pagefind*/**/fragment/*.pf_fragment")):
        record = json.loads(gzip.decompress(path.read_bytes()).removeprefix(b"pagefind_dcd"))
        records[f"{path.relative_to(site).as_posix()} ({record['url']})"] = record
    return records


def search_texts(site: Path) -> dict[str, str]:
    """Each search record's filter values and result line."""
    return {where: "\n".join([*(v for found in record["filters"].values() for v in found),
                               *(record["meta"][n] for n in RESULT_META if n in record["meta"])])
            for where, record in search_records(site).items()}


def test_an_english_site_has_no_danish_words_of_its_own_left(english_site: Path) -> None:
    pages = {path: visible_text(text) for path, text in built_pages(english_site).items()
             if path.endswith(".html")}
    assert len(pages) > 20
    left = danish_left(pages, meeting_texts())
    assert not left, report(left)


def test_english_feeds_calendars_and_search_records_have_no_danish_words(english_site: Path) -> None:
    feeds, calendars = feed_texts(english_site), calendar_texts(english_site)
    records = search_texts(english_site)
    assert len(feeds) >= 10 and len(calendars) >= 3 and len(records) > 10
    assert "Coming meetings" in feeds["atom/kommende-moeder.xml"]
    assert "Byrådet: meetings" in calendars["byraadet/kalender.ics"]
    assert any(found_in("Meeting", text) for text in records.values())
    left = danish_left({**feeds, **calendars, **records}, meeting_texts())
    assert not left, report(left)


def english_outputs(site: Path, meetings: Path) -> str:
    """The engine's English feeds, calendars and pages' Markdown for `meetings` (git_site.twice's
    `publish`), with its git history: the corrections feed and the pages' corrections logs."""
    from referat.engine import build_site

    made = build_site(meetings, git_site.SITE_NAME, display_root=meetings.parent,
                      site_url=git_site.SITE_URL, repo_url=git_site.REPO_URL, git_history=True,
                      language="en")
    assert not made.problems, made.problems
    for output in (*made.texts, *made.pages):
        text = output.content() if hasattr(output, "content") else output.markdown
        (site / output.path).parent.mkdir(parents=True, exist_ok=True)
        (site / output.path).write_text(text, encoding="utf-8")
    return ""


def test_english_corrections_have_no_danish_words(tmp_path: Path) -> None:
    """The corrections feed and log, which the fixture (no git history) has not: the engine's
    English outputs of a file published and then corrected."""
    builds = git_site.twice(tmp_path, english_outputs)
    site = builds.after
    pages = {p.relative_to(site).as_posix(): visible_text(markdown.markdown(
        p.read_text(encoding="utf-8"), extensions=["tables", "admonition"])) for p in site.rglob("*.md")}
    corrections = feed_texts(site)["atom/rettelser.xml"]
    assert "Corrected:" in corrections and "See the change" in corrections
    assert "## Changes" in (site / "byraadet/2025-11-26/punkt-1.md").read_text(encoding="utf-8")
    words = meeting_texts(builds.repo / "meetings",
                          # the correction's message as published: its e-mail address is hidden
                          (git_site.SITE_NAME, git_site.FIRST_MESSAGE,
                           git_site.SECOND_MESSAGE.partition(" (")[0]))
    left = danish_left({**pages, **feed_texts(site), **calendar_texts(site)}, words)
    assert not left, report(left)


def test_the_check_finds_a_danish_word_where_a_translation_is_missing() -> None:
    """The checks above can fail: a Danish word in any text is found, the meeting's are not."""
    left = danish_left({"feed": "Kommende møder", "page": "Agenda"}, [])
    assert left["'Kommende møder' (msgid 'Kommende møder')"] == {"feed"}
    assert all(places == {"feed"} for places in left.values())
    assert not danish_left({"feed": "Budget for Kommende møder"}, ["Budget for Kommende møder"])


def test_an_english_site_is_in_english(english_site: Path) -> None:
    """The check above can fail: the English words are there, and a Danish build has the Danish."""
    html = (english_site / "byraadet/2024-03-20/index.html").read_text(encoding="utf-8")
    assert "Agenda" in html and "Minutes" in html and 'lang="en"' in html
    assert found_in("Dagsorden", visible_text(html.replace("Agenda", "Dagsorden")))


def test_english_site_pages_are_as_golden(english_site: Path, golden: Golden) -> None:
    pages = built_pages(english_site)
    golden.check("html/english/_list.txt", "\n".join(pages) + "\n")
    for path, text in pages.items():
        golden.check(f"html/english/{path}", text)


def test_the_model_words_in_the_catalog_are_the_models() -> None:
    from referat.contracts import CLOSED_MARK
    from referat.model import OUTCOMES, VOTE_SIDES
    from referat.render_votes import MODEL_WORDS
    assert set(MODEL_WORDS) == {*VOTE_SIDES.values(), CLOSED_MARK, *OUTCOMES}


def test_the_engine_writes_english_without_mkdocs_when_told(tmp_path: Path) -> None:
    from referat.engine import build_site
    pages = {p.path: p.markdown for p in build_site(FIXTURES / "site", "S", tmp_path).pages}
    english = {p.path: p.markdown for p in build_site(FIXTURES / "site", "S", tmp_path,
                                                      language="en").pages}
    meeting = "byraadet/2024-03-20/index.md"
    assert "## Dagsorden" in pages[meeting] and "## Agenda" in english[meeting]
    assert "onsdag den 20. marts 2024" in pages[meeting]
    assert "Wednesday, 20 March 2024" in english[meeting]


def test_an_english_page_carries_the_search_scripts_words(english_site: Path) -> None:
    """soeg.js has no copy of its words: the page carries the catalog's for every t() message."""
    import json
    script = (ROOT / "docs/javascripts/soeg.js").read_text(encoding="utf-8")
    asked = set(re.findall(r'\bt\("((?:[^"\\]|\\.)*)"', script))
    html = (english_site / "soeg/index.html").read_text(encoding="utf-8")
    carried = re.search(r'<script type="application/json" id="referat-strings">(.*?)</script>', html)
    assert carried is not None and len(asked) > 20
    words = json.loads(carried[1])
    assert {m for m in asked if m not in words and m != "Type"} == set()
    assert words["Søger …"] == "Searching …"


def test_the_previews_problems_page_is_in_the_sites_language() -> None:
    """The page `mkdocs serve` shows while a meeting file has an error (adapter/preview.py):
    English on an English site, the count in the command's words; Danish on a Danish one."""
    from referat.adapter.preview import problems_site
    from referat.i18n import using
    from referat.problems import Problem

    problems = [Problem("byraadet/2024-03-20.yml", 3, "date", "not a date")]
    with using("en"):
        english = problems_site(problems).pages[0].markdown
    danish = problems_site(problems).pages[0].markdown
    assert english.startswith("# The meeting files have errors\n\n1 error in 1 file. ")
    assert not danish_left({"problems page": english}, []), english
    assert danish.startswith("# Mødefilerne har fejl\n\n1 fejl i 1 fil. Siden bygges igen")


def test_english_votes_outcomes_and_remarks_have_no_danish_words(tmp_path: Path) -> None:
    """What the fixture's meetings have not, in the engine's English outputs of site-en/votes: a
    punkt's outcome, vote, absence and remark in its feed entries and pages, and a cancelled
    meeting's event."""
    from referat.engine import build_site

    meetings = FIXTURES / "site-en/votes"
    made = build_site(meetings, "Minutes", tmp_path, site_url=git_site.SITE_URL, language="en")
    assert not made.problems, made.problems
    texts = {o.path: o.content() for o in made.texts}
    feed = next(text for path, text in texts.items() if path.endswith("council/atom.xml"))
    decisions = texts["atom/beslutninger.xml"]
    assert "Outcome: approved." in decisions and "Remark for the record by V" in decisions
    assert "Against: V (1)." in decisions and "Took no part in considering it: Cy Moss." in decisions
    assert "(cancelled)" in texts["kalender/alle-moeder.ics"] and "Council: meetings" in feed
    pages = {p.path: visible_text(markdown.markdown(p.markdown, extensions=["tables", "admonition"]))
             for p in made.pages}
    feeds_and_calendars = {path: (visible_text(text) if path.endswith(".xml") else text)
                           for path, text in texts.items() if not path.startswith("data/")}
    left = danish_left({**pages, **feeds_and_calendars}, meeting_texts(meetings))
    assert not left, report(left)


def test_the_search_kinds_are_the_same_words_in_the_records_and_the_script(english_site: Path) -> None:
    """The search page tells soeg.js the attachments' kind in the site's language, the word their
    records carry; every record's kind is one of the contract's, translated."""
    from referat import contracts
    from referat.i18n import using
    from referat.searchdata import kind_word

    assert contracts.SEARCH_KIND_WORDS == contracts.SEARCH_KINDS  # marked for the catalog
    with using("en"):
        kinds = {kind_word(kind) for kind in contracts.SEARCH_KINDS}
        attachment = kind_word(contracts.SEARCH_ATTACHMENT)
    assert len(kinds) == 4 and not kinds & set(contracts.SEARCH_KINDS)
    page = (english_site / "soeg/index.html").read_text(encoding="utf-8")
    assert f'data-attachment-kind="{attachment}"' in page
    found = {kind for record in search_records(english_site).values()
             for kind in (record["meta"]["type"], *record["filters"]["type"])}
    assert found and found <= kinds, found


def test_an_english_site_is_indexed_for_search_in_english(english_site: Path) -> None:
    """Pagefind stems an English site's words as English, in both indexes and every bundle."""
    entries = sorted(english_site.glob("pagefind*/**/pagefind-entry.json"))
    assert entries
    languages = {entry.relative_to(english_site).as_posix():
                 sorted(json.loads(entry.read_text(encoding="utf-8"))["languages"]) for entry in entries}
    assert all(found == ["en"] for found in languages.values()), languages


# Words only Danish has: with æ, ø or å, or among the commonest short Danish words that English
# lacks. They find Danish the catalog never saw (a string nobody marked for translation).
DANISH_LETTERS = re.compile(r"\w*[æøåÆØÅ]\w*")
DANISH_ONLY = {"og", "af", "til", "ikke", "med", "fra", "eller", "ved", "som", "der", "det",
               "efter", "kl", "punkt", "punkter", "sider", "mødet", "sagen", "beslutning",
               "beslutninger", "emne", "emner", "udvalg", "bilag", "lukket", "dagsorden"}


def unmarked_danish(texts: dict[str, str], meetings: list[str],
                    letters: frozenset[str] = frozenset()) -> dict[str, set[str]]:
    """The Danish words in `texts` (by where they were) once the meeting files' words are out,
    and their party letters (`letters`: too short to take out of a text, such as 'Ø')."""
    left: dict[str, set[str]] = {}
    for where, text in texts.items():
        text = ADDRESS.sub(" ", " ".join(text.split()))
        for written in meetings:
            text = text.replace(written, " ")
        words = set(DANISH_LETTERS.findall(text))
        words |= {w for w in re.findall(r"\w+", text) if w.lower() in DANISH_ONLY}
        for word in words - letters:
            left.setdefault(word, set()).add(where)
    return left


def test_an_english_site_has_no_danish_word_the_catalog_does_not_know(english_site: Path) -> None:
    pages = {path: visible_text(text) for path, text in built_pages(english_site).items()
             if path.endswith(".html")}
    texts = {**pages, **feed_texts(english_site), **calendar_texts(english_site),
             **search_texts(english_site)}
    left = unmarked_danish(texts, meeting_texts(), party_letters())
    assert not left, report(left)


def party_letters(folder: Path = FIXTURES / "site") -> frozenset[str]:
    """The parties named in the meeting files' participants."""
    return frozenset(str(p["party"]) for path in folder.rglob("*.yml")
                     for p in (yaml.safe_load(path.read_text(encoding="utf-8")) or {}).get("participants", [])
                     if isinstance(p, dict) and p.get("party"))


def test_the_check_finds_danish_nobody_marked() -> None:
    left = unmarked_danish({"page": "Meeting of Byrådet, punkt 3 og 4", "feed": "All decisions"}, [])
    assert left == {"Byrådet": {"page"}, "punkt": {"page"}, "og": {"page"}}
    assert not unmarked_danish({"page": "Meeting: Byrådet godkender"}, ["Byrådet godkender"])
    assert unmarked_danish({"page": "Party Ø, stedfortræder"}, [], frozenset({"Ø"})) == {
        "stedfortræder": {"page"}}


def test_an_attachment_found_by_search_is_one_attachment(english_site: Path) -> None:
    """Danish 'Bilag' is one attachment or many: a result is an 'Attachment' (the catalog's kind
    context), the punkt page's heading lists 'Attachments', and the search page looks for the
    results' own word."""
    from referat import contracts, searchdata
    from referat.i18n import using
    from referat.outputs import SearchRecord

    record = SearchRecord("Budget", "Byrådet", "20 March 2024", contracts.SEARCH_ATTACHMENT,
                          ((contracts.FACET_KIND, contracts.SEARCH_ATTACHMENT),))
    with using("en"):
        english = searchdata.fields(record)
    with using("da"):
        danish = searchdata.fields(record)
    assert ("meta", "type", "Attachment") in english and ("filter", "type", "Attachment") in english
    assert ("meta", "type", "Bilag") in danish and ("filter", "type", "Bilag") in danish
    search = (english_site / "soeg/index.html").read_text(encoding="utf-8")
    assert 'data-attachment-kind="Attachment"' in search
    punkt = (english_site / "byraadet/2024-03-20/punkt-40/index.html").read_text(encoding="utf-8")
    assert re.search(r">Attachments(<a [^>]*>.*?</a>)?</h2>", punkt)
