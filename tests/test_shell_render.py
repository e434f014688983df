"""The two things the adapter does once per process instead of once per page give the pages the
same HTML: one Markdown instance (adapter/convert.py) and the shared parts of the shell
(adapter/shared.py). The built pages are compared whole in test_golden_html.py; these tests
show each piece on its own, including what must stop a render."""

from __future__ import annotations

import logging
from types import SimpleNamespace
from typing import Any

import jinja2
import markdown
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from mkdocs.config import load_config
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import File, Files, InclusionLevel
from mkdocs.structure.pages import Page
from mkdocs.utils.templates import url_filter

from conftest import ROOT
from referat.adapter.convert import PageMarkdown, skip_plain_text
from referat.adapter.shared import SharedPartError, SharedParts

SOURCES = {
    "organer/byraadet/2025-01-13/index.md": (
        "# Byrådet 13. januar 2025\n\n## Punkt 1\n\nSe [punkt 2](punkt-2.md#beslutning) og "
        "[emnet](../../../emne/budget.md).\n\n!!! beslutning \"\"\n\n    ## Beslutning\n\n"
        "    *Godkendt* med `rettelser`.\n\n| a | b |\n| - | - |\n| 1 | 2 |\n"),
    "organer/byraadet/2025-01-13/punkt-2.md": (
        "# Punkt 2\n\n## Beslutning\n\nTilbage til [mødet](index.md) og til "
        "[en side der ikke findes](mangler.md).\n\nTidspunkt\n:   kl. 08.00\n\n"
        "[henvisning]: https://example.org/\n"),
    # A reference defined on the page before is not one here: each page starts afresh.
    "emne/budget.md": "# Budget\n\n## Punkt 1\n\nIngen [link](#punkt-1) uden [mål](#intet), "
                      "og ingen [henvisning].\n",
}


@pytest.fixture(scope="module")
def config() -> MkDocsConfig:
    return load_config(str(ROOT / "mkdocs.yml"))


SITE_CONFIG = load_config(str(ROOT / "mkdocs.yml"))
CONVERTER = PageMarkdown(SITE_CONFIG)
PLAIN = markdown.Markdown(extensions=SITE_CONFIG["markdown_extensions"],
                          extension_configs=SITE_CONFIG["mdx_configs"])


def pages(config: MkDocsConfig) -> tuple[list[Page], Files]:
    config.plugins._current_plugin = None  # as during a build (File.generated reads it)
    files = Files([File.generated(config, path, content=text,
                                  inclusion=InclusionLevel.NOT_IN_NAV)
                   for path, text in SOURCES.items()])
    found = []
    for file in files:
        page = Page(None, file, config)
        page.markdown = file.content_string
        found.append(page)
    return found, files


def rendered(page: Page) -> tuple[Any, ...]:
    toc = [(item.title, item.id, [(c.title, c.id) for c in item.children]) for item in page.toc]
    links = {file.src_uri: found for file, found in (page.links_to_anchors or {}).items()}
    return (page.content, toc, page._title_from_render, page.present_anchor_ids, links)


def test_one_markdown_instance_renders_every_page_as_mkdocs_does(
        config: MkDocsConfig, caplog: pytest.LogCaptureFixture) -> None:
    theirs, files = pages(config)
    with caplog.at_level(logging.WARNING):
        for page in theirs:
            page.render(config, files)
    expected_log = [r.getMessage() for r in caplog.records]
    caplog.clear()
    ours, files = pages(config)
    converter = PageMarkdown(config)
    with caplog.at_level(logging.WARNING):
        for page in [*ours, *ours]:  # twice round: nothing of one page stays for the next
            converter.render(page, files)
    assert [rendered(p) for p in ours] == [rendered(p) for p in theirs]
    assert [r.getMessage() for r in caplog.records] == expected_log * 2
    assert any("mangler.md" in message for message in expected_log)


TEMPLATES = {
    "base.html": "{% block config %}{{ base_url }} {{ 'x.js' | url }}{% endblock %}"
                 "|{% include 'partials/nav.html' %}|{% block content %}{% endblock %}",
    "main.html": "{% extends 'base.html' %}{% block content %}{{ page.title }}{% endblock %}",
    "partials/nav.html": "<a href=\"{{ 'organer/' | url }}\">Organer</a>"
                         "<a href=\"{{ 'aar/' | url }}\">År</a>",
}
ADDRESSES = ["organer/byraadet/", "organer/udvalg/", "aar/2025/", "sag/12-34/", "emne/a/b/"]


def environment(templates: dict[str, str]) -> jinja2.Environment:
    env = jinja2.Environment(loader=jinja2.DictLoader(templates))
    env.filters["url"] = url_filter
    return env


def render_all(env: jinja2.Environment) -> list[str]:
    template = env.get_template("main.html")
    out = []
    for url in ADDRESSES:
        page = SimpleNamespace(url=url, title=f"Side {url}")
        base = "/".join([".."] * url.count("/"))
        out.append(template.render(page=page, base_url=base))
    return out


def test_shared_parts_give_each_page_its_own_text_rendering_each_set_of_links_once() -> None:
    env = environment(TEMPLATES)
    alone = render_all(env)
    parts = SharedParts(env)
    with parts.installed():
        shared = render_all(env)
    assert shared == alone
    assert "../../organer/" in alone[2] and '"../"' in alone[0]
    nav = [key for key in parts.texts if key[0] == "partials/nav.html"]
    # organer/byraadet/ and organer/udvalg/ see the same links; the others each their own.
    assert len(nav) == 4
    assert len([key for key in parts.texts if key[0] == "base.html#config"]) == 2  # by depth


def test_after_the_engine_pages_the_theme_renders_as_it_is() -> None:
    env = environment(TEMPLATES)
    nav = env.get_template("partials/nav.html")
    original = nav.root_render_func
    with SharedParts(env).installed():
        assert nav.root_render_func is not original
    assert nav.root_render_func is original and env.filters["url"] is url_filter


def test_a_part_that_depends_on_the_page_stops_the_render() -> None:
    env = environment({**TEMPLATES, "partials/nav.html": "<a href=\"{{ page.url | url }}\">"})
    with SharedParts(env).installed(), pytest.raises(SharedPartError, match="nav.html"):
        render_all(env)


FRAGMENTS = ["_tekst_", "*tekst*", "__fed__", "[a](b.md)", "[x]", "![i](p.png)", "*", "**", "_",
             "__", "`", "``", "\\", "\\*",
             "<", ">", "<http://a.dk>", "<a@b.dk>", "&amp;", "&", ";", "  \n", "\n", " ", "æøå",
             "tekst", "!", "#", "- ", "1. ", ":   "]


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(FRAGMENTS) | st.text(max_size=3), max_size=20).map("".join))
def test_text_without_an_inline_pattern_gives_what_trying_every_pattern_gives(text: str) -> None:
    assert CONVERTER.md.reset().convert(text) == PLAIN.reset().convert(text)


def test_the_plain_text_shortcut_is_on_for_the_site_and_off_for_an_unknown_pattern() -> None:
    inline = CONVERTER.md.treeprocessors["inline"]
    assert "_InlineProcessor__handleInline" in vars(inline)
    md = markdown.Markdown(extensions=["abbr"])  # a pattern TRIGGERS does not know
    skip_plain_text(md.treeprocessors["inline"], md)
    assert "_InlineProcessor__handleInline" not in vars(md.treeprocessors["inline"])
