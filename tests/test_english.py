"""An English site (theme.language: en), built with the real MkDocs, has none of the site's own
Danish words left: every msgid of the catalog is looked for in the built pages' visible text, the
meeting files' own text (which is Danish, and the council's) taken out first."""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
from html.parser import HTMLParser
from pathlib import Path

import pytest
import yaml
from babel.messages.pofile import read_po

from built_site import built_pages
from conftest import Golden

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = Path(__file__).resolve().parent / "fixtures"
CATALOG = ROOT / "hooks/referat/locale/en/LC_MESSAGES/referat.po"
VISIBLE_ATTRIBUTES = ("aria-label", "placeholder", "title", "alt", "content")
ADDRESS = re.compile(r"\S*https?://\S*|\S+/\S*")  # addresses keep their Danish words on purpose
MARKDOWN = re.compile(r"[*_\[\]()#>`|\n]+")
# Known, and left: the search data's page kinds (contracts.SearchKind, 'Møde', 'Punkt') are the
# search's filter values, written by searchdata.py; they are data for soeg.js, not words of a page,
# and are read out only through the search page's filters (see the report of issue 12).
SEARCH_DATA = ("data-pagefind-meta", "data-pagefind-filter")
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


def meeting_texts() -> list[str]:
    """Every text of the fixture's meeting files, longest first (so a title goes before a word
    in it)."""
    texts: set[str] = set()

    def walk(value: object) -> None:
        if isinstance(value, dict):
            for key, inner in value.items():
                walk(key)
                walk(inner)
        elif isinstance(value, list):
            for inner in value:
                walk(inner)
        elif isinstance(value, str):
            pieces = (" ".join(value.split()), *MARKDOWN.split(value))
            texts.update(" ".join(p.split()) for p in pieces if len(p.strip()) >= 3)
    for path in (FIXTURES / "site").rglob("*.yml"):
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


def test_an_english_site_has_no_danish_words_of_its_own_left(english_site: Path) -> None:
    pages = {path: text for path, text in built_pages(english_site).items() if path.endswith(".html")}
    assert len(pages) > 20
    texts, words = meeting_texts(), danish_words()
    left: dict[str, set[str]] = {}
    for path, html in pages.items():
        text = visible_text(html)
        for written in texts:
            text = text.replace(written, " ")
        for word, msgid in words.items():
            if found_in(word, text):
                left.setdefault(f"{word!r} (msgid {msgid!r})", set()).add(path)
    assert not left, "\n".join(f"{word}: {sorted(paths)[:3]}" for word, paths in sorted(left.items()))


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
