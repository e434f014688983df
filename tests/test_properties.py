"""Property tests with hypothesis: a random meetings folder gives problems or a model, never a
traceback; any text from a meeting file renders to HTML without script, handlers or unsafe links.

Runs are reproducible (derandomize) and keep no example database.
"""

from __future__ import annotations

import datetime as dt
import functools
import json
import re
import string
import tempfile
from pathlib import Path

import markdown
import pytest
import yaml
from bs4 import BeautifulSoup
from click.testing import CliRunner
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st
from mkdocs.config import load_config

from conftest import ROOT
from referat import schema as s
from referat.cli import main
from referat.engine import build_site
from referat.loader import load
from referat.model import Archive, Item, Meeting
from referat.pages import facts, table
from referat.problems import Problem, errors
from referat.render_meeting import decision
from referat.text import block, inline, short

SETTINGS = settings(max_examples=200, deadline=None, derandomize=True, database=None,
                    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])

# ---------------------------------------------------------------- random meeting files
# A YAML node is a tuple: ("scalar", text, style), ("seq", [node]), ("map", [(key, node)]),
# ("anchor", name, node) or ("alias", name); `emit` writes it as block-style YAML.

ODD_DATES = ["2025-11-26", "2025-02-30", "2025-13-01", "0000-00-00", "9999-12-31", "2025-1-1",
             "2025-11-26T17:00:00Z", "26-11-2025", "٢٠٢٥-١١-٢٦", "２０２５-１１-２６"]
ODD_TIMES = ["17:00", "24:00", "23:60", "7:5", "17.00", "17:00:00", "1:02:03", "-1:00", "١٧:٠٠", "１７:００"]
ODD_NUMBERS = ["1e999", "-1e999", ".inf", ".nan", "0x1F", "0o17", "1_000", "9" * 400, "-0", "+1", "4.01"]
ODD_TEXTS = [
    "", "~", "null", "yes", "no", "on", "off", "y", "True", "FALSE", "held", "helt", "absent", "a\tb", "\t",
    "linje\nlinje", "ÆØÅ æøå", "\u202eevil", "\u200b", "e\u0301", "🙂", "\ufeff", "\x85", "\u2028", "\x00",
    "\x1b[31m", "&amp;", "<script>alert(1)</script>", "[x](javascript:alert(1))", "../../../etc/passwd",
    "/abs/olut.pdf", "bilag/budget.pdf", "https://example.org", "C:\\bilag",
]
EXTRA_KEYS = ["titel", "decison", "Beslutning", "Indstilling", "<<", "no", "1", "date ", "", "?"]
RECORDS = (s.MEETING, s.ITEM, s.PARTICIPANT, s.ATTACHMENT, s.NEXT_MEETING, s.BODY)
KNOWN_KEYS = sorted({f.key for record in RECORDS for f in record.fields})
ANCHORS = ["a", "b"]
STYLES = ["plain", "single", "double", "literal"]
MUTATIONS = ["\t", "  ", "\x00", "\x07", "\ufeff", "\n", "---\n", ": ", "- ", "&a ", "*a", "*zz",
             "!!python/object/apply:os.system ", "? ", "%YAML 1.1\n", "'", '"', "#", "|", "{", "]"]

hh_mm = st.times().map(lambda t: t.strftime("%H:%M"))
scalar_texts = st.one_of(st.sampled_from(ODD_DATES + ODD_TIMES + ODD_NUMBERS + ODD_TEXTS),
                         st.text(max_size=20), st.dates().map(dt.date.isoformat), hh_mm)
keys = st.one_of(st.sampled_from(KNOWN_KEYS), st.sampled_from(EXTRA_KEYS), st.text(max_size=8))
# What a field of each kind may hold, right or wrong.
ANY_TEXTS = {
    s.DATE: st.one_of(st.just("2025-11-26"), st.dates().map(dt.date.isoformat), st.sampled_from(ODD_DATES)),
    s.TIME: st.one_of(hh_mm, st.sampled_from(ODD_TIMES)),
    s.BOOL: st.sampled_from(["true", "false", "yes", "no", "True", "on", "1", ""]),
    s.NUMBER: st.one_of(st.sampled_from(["31", "4.01", "1.a", "0", "-1", "4..1", "a b", *ODD_NUMBERS]),
                        st.text(string.ascii_letters + string.digits + ".-", max_size=6)),
    s.COUNT: st.sampled_from(["0", "7", "-1", "seven", "1.5", "", "٣", "007"]),
    s.CHOICE: st.sampled_from([*s.STATUS, *s.ATTENDANCE, "Held", "afholdt", ""]),
    s.TEXT: scalar_texts,
    s.MARKDOWN: st.one_of(scalar_texts, st.text(st.sampled_from("ab #*_\n-<>`1."), max_size=40)),
}
# What a careful editor writes: files made of these alone mostly load, so the model gets checked.
words = st.text(st.characters(categories=("L", "N", "P", "Zs", "S")), min_size=1, max_size=20)
GOOD_TEXTS = {
    s.DATE: st.just("2025-11-26"), s.TIME: hh_mm, s.TEXT: words.filter(str.strip),
    s.BOOL: st.sampled_from(["false", "false", "false", "true"]),
    s.NUMBER: st.sampled_from(["1", "2", "31", "4.01", "1.a"]),
    s.COUNT: st.sampled_from(["0", "1", "3"]),
    s.MARKDOWN: st.text(st.characters(categories=("L", "N", "P", "Zs", "S"), include_characters="\n"),
                        max_size=40),
}
GOOD_BY_FIELD = {s.NEXT_MEETING.field("date"): st.just("2026-01-21"),
                 s.ATTACHMENT.field("file"): st.just("bilag/budget.pdf"),
                 s.ATTACHMENT.field("url"): st.just("https://example.org/bilag.pdf")}


def scalar(texts: st.SearchStrategy[str], styles: list[str] = STYLES) -> st.SearchStrategy[tuple]:
    return st.tuples(st.just("scalar"), texts, st.sampled_from(styles))


def anchored(nodes: st.SearchStrategy[tuple]) -> st.SearchStrategy[tuple]:
    return st.tuples(st.just("anchor"), st.sampled_from(ANCHORS), nodes)


def seq(children: list) -> tuple:
    return ("seq", children)


def mapping(pairs: list) -> tuple:
    return ("map", pairs)


# Any shape at all: scalars, lists, mappings, anchors and aliases (defined or not), nested.
wild = st.recursive(
    st.one_of(scalar(scalar_texts), st.tuples(st.just("alias"), st.sampled_from(ANCHORS))),
    lambda children: st.one_of(st.lists(children, max_size=4).map(seq),
                               st.lists(st.tuples(keys, children), max_size=4).map(mapping),
                               anchored(children)),
    max_leaves=12)


@functools.cache
def value(field: s.Field, careful: bool) -> st.SearchStrategy[tuple]:
    """A value for the field: of its kind if careful, else often of its kind, sometimes anything."""
    if field.record is not None:
        inner = shaped(field.record, careful)
        good = inner if field.kind == s.RECORD else st.lists(inner, max_size=3).map(seq)
    elif field.kind == s.SECTIONS:
        heading = words if careful else st.one_of(st.sampled_from(["Indstilling", "Beslutning"]), keys)
        good = st.lists(st.tuples(heading, value(s.ITEM.field("decision"), careful)), max_size=3).map(mapping)
    elif field.kind == s.TEXT_LIST:
        good = st.lists(scalar(GOOD_TEXTS[s.TEXT] if careful else scalar_texts), max_size=3).map(seq)
    elif careful:
        texts = st.sampled_from(field.choices) if field.choices else GOOD_TEXTS[field.kind]
        return scalar(GOOD_BY_FIELD.get(field, texts), ["double"])
    else:
        good = scalar(ANY_TEXTS[field.kind])
    if careful:
        return good
    # Mostly of the right kind (3 in 5). Chosen by a number rather than one_of(good, good, ...):
    # one_of flattens the branches of nested one_ofs, and the votes' records nest deep enough
    # for that to multiply into more strategies than memory holds.
    branches = (good, good, good, anchored(good), wild)
    return st.integers(0, len(branches) - 1).flatmap(branches.__getitem__)


def pair(field: s.Field, careful: bool) -> st.SearchStrategy[tuple]:
    return st.tuples(st.just(field.key), value(field, careful))


@functools.cache
def shaped(record: s.Record, careful: bool = False) -> st.SearchStrategy[tuple]:
    """A mapping with the record's required keys first and then others; unless careful, keys
    repeated or unknown, and sometimes the required ones left out."""
    required = st.tuples(*(pair(f, careful) for f in record.fields if f.required))
    if careful:
        optional = [f for f in record.fields if not f.required]
        if not optional:  # a remark: its two keys are both required
            return required.map(mapping)
        # An attachment is a file or a URL; a careful editor does not give both.
        rest = st.lists(st.sampled_from(optional), unique=True).filter(
            lambda fields: not {"file", "url"} <= {f.key for f in fields}).flatmap(
            lambda fields: st.tuples(*(pair(f, careful) for f in fields)))
        return st.builds(lambda first, more: mapping([*first, *more]), required, rest)
    known = st.one_of(*(pair(f, careful) for f in record.fields))
    rest = st.lists(st.one_of(known, known, known, st.tuples(keys, wild)), max_size=len(record.fields))
    return st.one_of(st.builds(lambda first, more: mapping([*first, *more]), required, rest),
                     rest.map(mapping))


def emit_scalar(text: str, style: str, indent: int) -> tuple[str, list[str]]:
    if style == "single":
        return "'" + text.replace("'", "''") + "'", []
    if style == "double":
        return json.dumps(text, ensure_ascii=False), []
    if style == "literal":
        return "|", [" " * (indent + 2) + line for line in text.split("\n")]
    return text, []  # plain: as written, so text that breaks the YAML is tried too


def emit(node: tuple, indent: int) -> tuple[str, list[str]]:
    """A node as the text after 'key:' or '-', and the block lines below it."""
    kind = node[0]
    if kind == "scalar":
        return emit_scalar(node[1], node[2], indent)
    if kind == "alias":
        return f"*{node[1]}", []
    if kind == "anchor":
        head, lines = emit(node[2], indent)
        return f"&{node[1]} {head}".rstrip(), lines
    if not node[1]:
        return "[]" if kind == "seq" else "{}", []
    pad = " " * indent
    if kind == "seq":
        return "", [line for child in node[1] for line in entry(f"{pad}-", child, indent + 2)]
    return "", [line for key, child in node[1]
                for line in entry(f"{pad}{key_text(key)}:", child, indent + 2)]


def entry(prefix: str, child: tuple, indent: int) -> list[str]:
    head, lines = emit(child, indent)
    return [f"{prefix} {head}".rstrip(), *lines]


def key_text(key: str) -> str:
    return key if re.fullmatch(r"[A-Za-z_]\w*", key) else json.dumps(key, ensure_ascii=False)


def document(node: tuple, edits: list[tuple[int, str]]) -> bytes:
    """A node as a YAML file, with some text slipped in where an editor might slip."""
    head, lines = emit(node, 0)
    text = "\n".join([head, *lines] if head else lines) + "\n"
    for at, fragment in edits:
        at %= len(text) + 1
        text = text[:at] + fragment + text[at:]
    return text.encode()


def documents(top: st.SearchStrategy[tuple], edited: bool = True) -> st.SearchStrategy[bytes]:
    edits = st.lists(st.tuples(st.integers(0, 5000), st.sampled_from(MUTATIONS)), max_size=3)
    return st.builds(document, top, st.one_of(st.just([]), edits) if edited else st.just([]))


GOOD_BODY = "name: Rådet\n".encode()
careful_meetings = documents(shaped(s.MEETING, careful=True), edited=False)
meeting_files = st.one_of(careful_meetings, documents(shaped(s.MEETING)), documents(wild),
                          st.text(max_size=300).map(str.encode), st.binary(max_size=100))
body_files = st.one_of(st.just(GOOD_BODY), documents(shaped(s.BODY)), st.text(max_size=60).map(str.encode))
file_names = st.sampled_from(["2025-11-26.yml", "2025-02-30.yml", "2025-11-26-ekstra.yaml",
                              "26-11-2025.yml", "body.YML", "2025-11-26.YML"])
# (body.yml, meeting file name, meeting file): half careful, so that many folders load.
folders = st.one_of(st.tuples(st.just(GOOD_BODY), st.just("2025-11-26.yml"), careful_meetings),
                    st.tuples(body_files, file_names, meeting_files))


def check_problems(problems: list[Problem], files: dict[str, bytes]) -> None:
    """Each problem names a written file or folder, a line inside it, a field and a message."""
    for problem in problems:
        assert isinstance(problem, Problem), problem
        assert isinstance(problem.line, int) and problem.line >= 1, problem
        assert problem.field.strip() and problem.message.strip(), problem
        # One problem, one line: editors and CI read `path:line: field: message` line by line.
        assert len(str(problem).splitlines()) == 1, f"problem spans lines: {str(problem)!r}"
        data = next((data for name, data in files.items() if problem.path.endswith(name)), None)
        assert data is not None, f"{problem.path} is not a written file or folder"
        assert problem.line <= data.count(b"\n") + 1, f"line after the end: {problem}"


def check_model(archive: Archive) -> None:
    """With no errors, the meeting is in the archive and its values have their types."""
    assert len(archive.bodies) == 1 and len(archive.meetings) == 1, archive
    meeting = archive.meetings[0]
    assert isinstance(meeting, Meeting) and isinstance(meeting.date, dt.date)
    assert meeting.start is None or isinstance(meeting.start, dt.time)
    assert meeting.status in s.STATUS
    for item in meeting.items:
        assert isinstance(item, Item) and item.title.strip() and item.number.strip()
        assert all(isinstance(t, str) for t in (*item.topics, *item.sections.values()))


@SETTINGS
@given(folder=folders)
# Found by hypothesis: a value's line break split a problem over two lines; a YAML error at the
# end of a file without a final newline named a line after the last.
@example(folder=(GOOD_BODY, "2025-11-26.yml", b"date: 2025-11-26\nitems:\n  - |\n      00:01\n"))
@example(folder=(b"[", "2025-11-26.yml", b"$:\n."))
def test_random_meeting_files_give_problems_or_a_model(folder: tuple[bytes, str, bytes]) -> None:
    body, name, meeting = folder
    with tempfile.TemporaryDirectory() as temporary:
        root = Path(temporary) / "meetings"
        (root / "raad" / "bilag").mkdir(parents=True)
        (root / "raad" / "bilag" / "budget.pdf").write_bytes(b"%PDF-1.4\n")
        (root / "raad" / "body.yml").write_bytes(body)
        (root / "raad" / name).write_bytes(meeting)
        archive, problems = load(root)
        check_problems(problems, {"meetings": b"", "raad": b"", f"raad/{name}": meeting,
                                  "raad/body.yml": body})
        if not errors(problems):
            check_model(archive)
        result = CliRunner().invoke(main, ["check", str(root)])
    assert result.exception is None or isinstance(result.exception, SystemExit), result.exception
    assert result.exit_code == (1 if errors(problems) else 0), result.output
    assert "Traceback" not in result.output
    assert result.stdout == "".join(f"{problem}\n" for problem in problems)


# ---------------------------------------------------------------- any text renders to safe HTML

FRAGMENTS = [
    "<", ">", "&", "&lt;", "&#60;", "&#x3C;", "&amp;", "&#106;", "&#x6A;", "&#58;", "&colon;", "&Tab;",
    "<script>", "</script>", "alert(1)", "<style>", "<iframe src=x>", "<object data=x>", "<embed src=x>",
    "<img src=x onerror=alert(1)>", "<svg onload=alert(1)>", "<a href=javascript:alert(1)>", "</a>",
    "[x](", "](", ")", "[x]", "[x][x]", "<http://x>", "javascript:", "{: onclick=alert(1) }",
    "{: #id .class }", "`", "```", "    ", "# ", "## ", "\n", "\n\n", "> ", "- ", "* ", "1. ", "|",
    "---", "===", "<!--", "-->", "!!! note", ":   ", "\\", "*", "_", '"', "'", "https://example.org",
    "mailto:a@b.dk",
]
# Link targets spelled the ways a browser still reads as a scheme: references, tabs, mixed case.
TARGET_PIECES = ["javascript", "JaVaScRiPt", "&#106;avascript", "&#x6A;avascript", "java&#9;script",
                 "java\tscript", " javascript", "vbscript", "data", ":", "&#58;", "&colon;", "&#x3a;",
                 "alert(1)", "text/html,x", "//example.org", "https", "mailto", "a@b.dk", "<", ">", " "]
LINK_SHAPES = ["[x]({})", "![x]({})", "[x](<{}>)", '[x]({} "t")', "[x]: {}\n\n[x]", "<{}>",
               '<a href="{}">x</a>', "<img src={}>"]
targets = st.lists(st.sampled_from(TARGET_PIECES), min_size=1, max_size=4).map("".join)
links = st.builds(str.format, st.sampled_from(LINK_SHAPES), targets)
mixed_texts = st.lists(st.one_of(st.sampled_from(FRAGMENTS), links, st.text(max_size=4)),
                       max_size=14).map("".join)
any_texts = st.one_of(st.text(), mixed_texts)

FORBIDDEN = {"script", "iframe", "object", "embed", "style"}
SAFE_SCHEMES = {None, "http", "https", "mailto"}
URL_SCHEME = re.compile(r"^([a-z][a-z0-9+.\-]*):", re.IGNORECASE)


@pytest.fixture(scope="module")
def md() -> markdown.Markdown:
    """Python-Markdown with the extensions mkdocs.yml gives it, MkDocs' own included."""
    config = load_config(str(ROOT / "mkdocs.yml"))
    assert "referat.safe_markdown" in config["markdown_extensions"]
    return markdown.Markdown(extensions=config["markdown_extensions"],
                             extension_configs=config["mdx_configs"])


def scheme(url: str) -> str | None:
    """A URL's scheme as a browser reads it: tabs and newlines dropped, outer controls stripped."""
    squeezed = re.sub(r"[\t\n\r]", "", url).strip("".join(map(chr, range(0x21))))
    match = URL_SCHEME.match(squeezed)
    return match[1].lower() if match else None


def unsafe(html: str) -> list[str]:
    """Whatever in the HTML could run code: elements, event handlers, link targets."""
    found = []
    for element in BeautifulSoup(html, "html.parser").find_all(True):
        if element.name in FORBIDDEN:
            found.append(f"<{element.name}> element")
        for attribute, target in element.attrs.items():
            if attribute.lower().startswith("on"):
                found.append(f"{attribute} attribute on <{element.name}>")
            if attribute in ("href", "src") and scheme(str(target)) not in SAFE_SCHEMES:
                found.append(f"{attribute}={target!r} on <{element.name}>")
    return found


def check_safe(md: markdown.Markdown, text: str, places: list[str]) -> None:
    for place in places:
        html = md.reset().convert(place)
        assert unsafe(html) == [], f"{text!r} became {html}"


def test_the_checker_sees_what_a_browser_would_run(md: markdown.Markdown) -> None:
    found = unsafe('<p><a href="&#106;avascript:x">x</a><b onclick="x">y</b><script></script>'
                   '<img src=" java\tscript:x"><a href="../punkt-1/">z</a><a href="mailto:a@b.dk">m</a></p>')
    assert found == ["href='javascript:x' on <a>", "onclick attribute on <b>", "<script> element",
                     "src=' java\\tscript:x' on <img>"]


@SETTINGS
@given(text=any_texts)
def test_plain_text_renders_to_safe_html(md: markdown.Markdown, text: str) -> None:
    shown = inline(text)
    # Where the engine puts a plain field: a heading, a link's text, a table cell, a fact.
    check_safe(md, text, [f"# {shown}", f"[{shown}](../punkt-1/)", table(["Punkt", "Titel"], [["1", shown]]),
                          facts([("Sted", shown)])])


@SETTINGS
@given(text=any_texts)
# Found by hypothesis: a character reference in a link target, which a browser decodes.
@example(text="[](A&#58;)")
@example(text="[x](&#106;avascript:alert(1))")
def test_markdown_text_renders_to_safe_html(md: markdown.Markdown, text: str) -> None:
    # Where the engine puts a Markdown field: a section, the decision box, the agenda's short form.
    check_safe(md, text, [f"## Indstilling\n\n{block(text)}", decision(text),
                          table(["Beslutning"], [[inline(short(text))]])])


def meeting_yaml(text: str, prose: str) -> dict:
    """A meeting with the texts in every field that takes text."""
    item = {"number": 1, "title": text, "journal": text, "topics": [text, "Økonomi"],
            "sections": {text: prose, "Indstilling": prose}, "decision": prose,
            "attachments": [{"title": text, "url": f"https://example.org/{text}"}]}
    return {"date": "2025-11-26", "start": "17:00", "location": text, "minute_taker": text,
            "participants": [{"name": text, "party": text, "role": text}],
            "items": [item, {**item, "number": 2, "closed": True, "sections": {}, "attachments": []}],
            "next_meeting": {"date": "2026-01-21", "location": text, "note": prose}}


def write_yaml(path: Path, data: dict) -> None:
    path.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")


@SETTINGS
@given(text=any_texts.filter(str.strip), prose=any_texts.filter(str.strip))
def test_every_page_of_a_hostile_meeting_renders_to_safe_html(md: markdown.Markdown, text: str,
                                                              prose: str) -> None:
    with tempfile.TemporaryDirectory() as temporary:
        raad = Path(temporary) / "raad"
        raad.mkdir()
        write_yaml(raad / "body.yml", {"name": text, "organisation": text, "description": prose})
        write_yaml(raad / "2025-11-26.yml", meeting_yaml(text, prose))
        site = build_site(Path(temporary), "Referater", display_root=Path(temporary))
    # Text the loader refuses reaches no page; text it takes must render safely on every page.
    assert site.pages or errors(site.problems)
    for page in site.pages:
        check_safe(md, f"{page.path}: {text!r} / {prose!r}", [page.markdown])
