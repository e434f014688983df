"""Text from meeting files becomes safe Markdown; Danish dates come from Babel."""

from __future__ import annotations

import datetime as dt

import markdown
import pytest

from referat import danish
from referat.safe_markdown import is_safe_target
from referat.text import block, inline, short


def render(text: str) -> str:
    md = markdown.Markdown(extensions=["tables", "def_list", "admonition", "referat.safe_markdown"])
    return md.convert(text)


@pytest.mark.parametrize("text", [
    "<script>alert(1)</script>", "*fed* og _kursiv_", "[link](javascript:alert(1))",
    "# ikke en overskrift", "1. ikke en liste", "a | b", "`kode`", "{: onclick=x }",
    "- ikke en liste", "+ heller ikke", "> ikke et citat", "R&D og &lt;b&gt;", "C# og F#",
])
def test_inline_text_renders_as_written(text: str) -> None:
    html = render(inline(text))
    assert html.startswith("<p>") and html.count("<") == 2, html
    shown = html[3:-4].replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", '"')
    assert shown.replace("&amp;", "&") == text, html


def test_raw_html_in_markdown_shows_as_text() -> None:
    html = render(block("<div onclick='x'>hej</div>\n\n<img src=x onerror=alert(1)>"))
    assert "<div" not in html and "<img" not in html and "&lt;div" in html


@pytest.mark.parametrize("url, safe", [
    ("https://example.org", True), ("http://x", True), ("mailto:a@b.dk", True),
    ("../punkt-3/", True), ("#beslutning", True), ("javascript:alert(1)", False),
    ("JavaScript:alert(1)", False), ("java\tscript:alert(1)", False), ("data:text/html,x", False),
    ("vbscript:x", False),
])
def test_link_targets(url: str, safe: bool) -> None:
    assert is_safe_target(url) is safe


def test_unsafe_link_becomes_text() -> None:
    html = render("[klik](javascript:alert(1)) og ![billede](javascript:x)")
    assert "javascript" not in html and "klik" in html and "<a" not in html


def test_headings_in_text_are_demoted_below_the_page_outline() -> None:
    html = render(block("# Én\n\nTekst\n===\n\n## To\n\nMere\n---\n\nSidst\n-"))
    assert "<h1" not in html and "<h2" not in html and "<h3>Én</h3>" in html


def test_headings_in_text_keep_their_steps_and_skip_no_level() -> None:
    assert block("#### Baggrund\n\n##### Detaljer") == "### Baggrund\n\n#### Detaljer"
    assert block("# A\n\n### B") == "### A\n\n##### B"
    assert block("## A\n\n###### B") == "### A\n\n###### B"  # h6 is as deep as HTML goes


def test_short_decision() -> None:
    assert short("Godkendt.\n\nMere tekst.") == "Godkendt."
    assert short("1. At **budgettet** godkendes [bilag](x.pdf)") == "At budgettet godkendes bilag"
    cut = short("ord " * 100, limit=20)
    assert cut.endswith(" …") and len(cut) <= 22


def test_danish_dates_and_times() -> None:
    assert danish.when(dt.date(2025, 11, 26), dt.time(17)) == "onsdag den 26. november 2025 kl. 17.00"
    assert danish.when(dt.date(2022, 9, 28)) == "onsdag den 28. september 2022"
    assert danish.when(dt.date(2022, 10, 25), dt.time(14, 30), dt.time(15, 30)).endswith(
        "kl. 14.30-15.30")


def test_danish_sort_puts_aeoeaa_last() -> None:
    names = ["Åbenhed", "Økonomi", "Ældre", "Zoner", "Budget"]
    assert sorted(names, key=danish.sort_key) == ["Budget", "Zoner", "Ældre", "Økonomi", "Åbenhed"]


@pytest.mark.parametrize("url", [
    "javascript&#58;alert(1)", "javascript&colon;alert(1)", "&#106;avascript:alert(1)",
    "&#x6A;avascript&#x3A;alert(1)", "jav&#x09;ascript:alert(1)", "java&NewLine;script:alert(1)",
    "&#100;ata:text/html,x", "javascript&amp;#58;alert(1)", "javascript&amp;amp;#58;alert(1)",
])
def test_link_targets_are_judged_as_a_browser_decodes_them(url: str) -> None:
    assert not is_safe_target(url)
    html = render(f"[klik]({url}) og ![billede]({url})")
    assert "<a" not in html and "<img" not in html and "klik" in html and "billede" in html, html


@pytest.mark.parametrize("url", ["https://example.dk/?a=1&amp;b=2", "https://x.dk/?a=1&b=2",
                                 "../bilag/a&amp;b.pdf", "mailto:post@example.dk?subject=a&amp;b"])
def test_character_references_in_safe_links_keep_the_link(url: str) -> None:
    assert is_safe_target(url)
    assert "<a href=" in render(f"[klik]({url})")
