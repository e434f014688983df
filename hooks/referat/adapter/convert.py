"""Markdown to HTML for the engine's pages, with one Python-Markdown instance per process.

MkDocs' `Page.render` builds a new `markdown.Markdown` for every page, which loads and configures
every extension again: a tenth of a page's Markdown time. Python-Markdown is made to convert many
documents with one instance (`reset()` between them), so a process keeps one, configured with
the same extensions and settings as `mkdocs.yml` names. What MkDocs adds for one page (the
treeprocessors that make links relative to the page's file and collect its anchors and title, the
preprocessor that finds raw HTML anchors) is registered again for every page, under the same
names and priorities, so they run in the same order as in a new instance, and the page gets the
same HTML, toc, title and anchors as `Page.render` gives it.

The per-page pieces are MkDocs' own classes from `mkdocs.structure.pages` (under ProperDocs, that
module is ProperDocs'); `tests/test_golden_html.py` shows the pages are unchanged.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Callable
from typing import Any

import markdown
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure import pages as mkdocs_pages
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page
from mkdocs.structure.toc import get_toc

# Each inline pattern the site's Markdown has, by name and regular expression, and what a text
# must contain for that expression to match at all.
TRIGGERS = {
    ("backtick", r"(?:(?<!\\)((?:\\{2})+)(?=`+)|(?<!\\)`)"): ("`",),
    ("escape", r"\\(.)"): ("\\",),
    ("reference", r"(?<!\!)\["): ("[",),
    ("link", r"(?<!\!)\["): ("[",),
    ("image_link", r"\!\["): ("[",),
    ("image_reference", r"\!\["): ("[",),
    ("short_reference", r"(?<!\!)\["): ("[",),
    ("short_image_ref", r"\!\["): ("[",),
    ("autolink", r"<([A-Za-z][A-Za-z0-9+.-]*://[^<>]*)>"): ("<",),
    ("automail", r"<([^<> !]+@[^@<> ]+)>"): ("<",),
    ("linebreak", r"  \n"): ("  \n",),
    ("entity", r"(&(?:\#[0-9]+|\#x[0-9a-fA-F]+|[a-zA-Z0-9]+);)"): ("&",),
    ("em_strong", r"\*|_"): ("*", "_"),
}


class PageMarkdown:
    """Converts one page after another, as `Page.render` would, with one Markdown instance."""

    def __init__(self, config: MkDocsConfig) -> None:
        self.config = config
        self.md = markdown.Markdown(extensions=config["markdown_extensions"],
                                    extension_configs=config["mdx_configs"] or {})
        # The inline processor looks its patterns up by index, ~500 times a page, and the
        # registry sorts itself on every lookup (a tenth of the Markdown time). Nothing registers
        # inline patterns after the instance is made, so it gets them once, in the same order.
        inline = self.md.treeprocessors["inline"]
        inline.inlinePatterns = tuple(self.md.inlinePatterns)  # type: ignore[attr-defined]
        skip_plain_text(inline, self.md)
        self.log = getattr(mkdocs_pages, "log", logging.getLogger(mkdocs_pages.__name__))

    def render(self, page: Page, files: Files) -> None:
        """Set the page's content, toc, title from its heading and anchors from its Markdown."""
        if page.markdown is None:
            raise RuntimeError("`markdown` field hasn't been set (via `read_source`)")
        md, config = self.md, self.config
        md.reset()
        # Registered in the order `Page.render` registers them: an item registered again under
        # its name goes after the items of its priority, as it does in a new instance.
        raw_html = mkdocs_pages._RawHTMLPreprocessor()
        raw_html._register(md)
        anchors = mkdocs_pages._ExtractAnchorsTreeprocessor(page.file, files, config)
        anchors._register(md)
        relative = mkdocs_pages._RelativePathTreeprocessor(page.file, files, config)
        relative._register(md)
        title = mkdocs_pages._ExtractTitleTreeprocessor()
        title._register(md)
        page.content = md.convert(page.markdown)
        page.toc = get_toc(getattr(md, "toc_tokens", []))
        page._title_from_render = title.title
        page.present_anchor_ids = anchors.present_anchor_ids | raw_html.present_anchor_ids
        if self.log.getEffectiveLevel() > logging.DEBUG:
            page.links_to_anchors = relative.links_to_anchors


def skip_plain_text(inline: markdown.treeprocessors.Treeprocessor, md: markdown.Markdown) -> None:
    """Most text in a page has no character any inline pattern starts with (`[`, `*`, `&` ...);
    the inline processor still tries every pattern on it, a third of the Markdown time. Such text
    is handed back as it is, which is what trying them gives. Only when every pattern is one whose
    expression is known here (TRIGGERS): another, or a changed one, and every text is tried."""
    registry: Any = md.inlinePatterns
    found = [TRIGGERS.get((item.name, str(getattr(registry[item.name], "pattern", ""))), ())
             for item in registry._priority]
    if not found or () in found:
        return
    search = re.compile("|".join(sorted({re.escape(t) for ts in found for t in ts}))).search
    handle: Callable[..., str] = inline._InlineProcessor__handleInline  # type: ignore[attr-defined]

    def handle_inline(data: str, pattern_index: int = 0) -> str:
        return handle(data, pattern_index) if search(data) else data

    inline._InlineProcessor__handleInline = handle_inline  # type: ignore[attr-defined]
