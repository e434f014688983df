"""A Python-Markdown extension: Markdown without raw HTML, and only safe link targets.

Text in meeting files arrives through pull requests. With this extension, `<script>` in a title or
a decision shows as text, and a `javascript:` link loses its target. A page whose Markdown nests too
deeply for Python-Markdown's recursion stops the build with one line naming the page, not a
traceback (`referat check` rejects such text first: see `referat.markdown_limits`).
"""

from __future__ import annotations

import html
from collections.abc import Callable
from xml.etree.ElementTree import Element

import click
from markdown import Extension, Markdown
from markdown.treeprocessors import Treeprocessor

SAFE_SCHEMES = ("http:", "https:", "mailto:")


def is_safe_target(url: str) -> bool:
    """Whether a link target is http(s), mailto, relative or a fragment, also as a browser reads
    it: character references such as `&#58;` in an attribute are decoded before the URL is."""
    while True:
        if not has_safe_scheme(url):
            return False
        decoded = html.unescape(url)
        if decoded == url:
            return True
        url = decoded  # decoded again and again: safe whatever depth the references go to


def has_safe_scheme(url: str) -> bool:
    squeezed = "".join(url.split()).lower()
    scheme = squeezed.split("/", 1)[0].split("?", 1)[0].split("#", 1)[0]
    return ":" not in scheme or squeezed.startswith(SAFE_SCHEMES)


class SafeLinks(Treeprocessor):
    """Turns links and images whose target could run code into plain text."""

    def run(self, root: Element) -> None:
        for element in root.iter():
            target = element.get("href") if element.tag == "a" else element.get("src")
            if element.tag in ("a", "img") and not is_safe_target(target or ""):
                text = element.get("alt", "") if element.tag == "img" else None
                element.attrib.clear()
                element.tag = "span"
                if text is not None:
                    element.text = text


class TooDeep(click.ClickException):
    """A page's Markdown nests deeper than Python-Markdown's recursion reaches.

    A ClickException, so that the `mkdocs` and `referat` commands print its message as one line
    ("Error: ...") rather than a traceback, with no adapter in between.
    """


def guarded(convert: Callable[[str], str]) -> Callable[[str], str]:
    """`convert`, with a RecursionError turned into TooDeep naming the page by its title."""
    def convert_guarded(source: str) -> str:
        try:
            return convert(source)
        except RecursionError:
            raise TooDeep(f"referat: the page '{page_title(source)}' nests too deeply to render "
                          "(Python-Markdown ran out of recursion); run 'referat check', which "
                          "names the file and line of the text") from None
    return convert_guarded


def page_title(source: str) -> str:
    """The page's first heading, or its first words: what names it in an error."""
    lines = [line.strip() for line in source.splitlines() if line.strip()]
    headings = [line.lstrip("#").strip() for line in lines if line.startswith("# ")]
    return (headings or lines or ["(empty)"])[0][:80]


class SafeMarkdown(Extension):
    """Switch off raw HTML blocks and inline HTML; keep link targets safe; contain recursion."""

    def extendMarkdown(self, md: Markdown) -> None:  # noqa: N802 (Python-Markdown's name)
        md.preprocessors.deregister("html_block")
        md.inlinePatterns.deregister("html")
        md.treeprocessors.register(SafeLinks(md), "referat_safe_links", 0)
        md.convert = guarded(md.convert)  # type: ignore[method-assign,assignment]


def makeExtension(**kwargs: object) -> SafeMarkdown:  # noqa: N802 (Python-Markdown's name)
    return SafeMarkdown(**kwargs)
