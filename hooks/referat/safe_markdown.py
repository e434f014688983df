"""A Python-Markdown extension: Markdown without raw HTML, and only safe link targets.

Text in meeting files arrives through pull requests. With this extension, `<script>` in a title or
a decision shows as text, and a `javascript:` link loses its target.
"""

from __future__ import annotations

import html
from xml.etree.ElementTree import Element

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


class SafeMarkdown(Extension):
    """Switch off raw HTML blocks and inline HTML; keep link targets safe."""

    def extendMarkdown(self, md: Markdown) -> None:  # noqa: N802 (Python-Markdown's name)
        md.preprocessors.deregister("html_block")
        md.inlinePatterns.deregister("html")
        md.treeprocessors.register(SafeLinks(md), "referat_safe_links", 0)


def makeExtension(**kwargs: object) -> SafeMarkdown:  # noqa: N802 (Python-Markdown's name)
    return SafeMarkdown(**kwargs)
