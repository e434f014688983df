"""Links in the Markdown of meeting files that would not work on the site.

A meeting's text is shown on more than one page (the meeting's and the punkt's), so a link relative
to one page would lead elsewhere from the other, and MkDocs stops a strict build on a link it
cannot follow. Files belong under `attachments`; other pages are linked by their full address.
A link that could run code (`javascript:`) is not reported here: `referat.safe_markdown` shows it
as text, as it shows raw HTML.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from xml.etree.ElementTree import Element

from markdown import Markdown
from markdown.treeprocessors import Treeprocessor
from yaml.nodes import ScalarNode

from .markdown_limits import excess
from .personal import locate
from .problems import Problem
from .safe_markdown import is_safe_target

LINK_SIGNS = ("](", "]:", "<")  # a text without these has no link: it is not parsed


class Targets(Treeprocessor):
    """Collects the target of every link and image of a parsed text."""

    found: list[str] = []

    def run(self, root: Element) -> None:
        self.found = [element.get("href" if element.tag == "a" else "src") or ""
                      for element in root.iter() if element.tag in ("a", "img")]


PARSER = Markdown(extensions=["tables", "def_list", "admonition"])  # built once: it is reset per text
COLLECTOR = Targets(PARSER)
PARSER.treeprocessors.register(COLLECTOR, "referat_targets", 0)


def targets(text: str) -> list[str]:
    """The targets of the links and images in a Markdown text, as written."""
    PARSER.reset().convert(text)
    return COLLECTOR.found


def problem_with(target: str) -> str | None:
    """What is wrong with a link target, or None when every page can follow it."""
    bare = target.strip()
    if not is_safe_target(bare):
        return None  # shown as text by safe_markdown, never as a link
    if not bare or bare.startswith(("#", "//")) or ":" in bare.split("/")[0]:
        return None  # a fragment, or an address with a scheme
    return (f"the link to '{target}' is not a full address, so it cannot be followed from every "
            "page that shows this text; write it in full (https://...), or list a file under "
            "'attachments'")


def check(path: str, texts: Iterable[tuple[str, ScalarNode]], source: str) -> list[Problem]:
    """An error for each link that would not work, on the line that holds it."""
    lines = source.splitlines()
    return [problem for where, node in texts for problem in check_text(path, where, node, lines)]


def check_text(path: str, where: str, node: ScalarNode, lines: list[str]) -> Iterator[Problem]:
    text = str(node.value)
    if not any(sign in text for sign in LINK_SIGNS) or excess(text):
        return  # no link, or too heavy to parse: markdown_limits reports it
    cursor = (node.start_mark.line, node.start_mark.column)
    for target in targets(text):
        message = problem_with(target)
        if message:
            at, cursor = locate(target, lines, cursor, node.end_mark.line)
            yield Problem(path, at or node.start_mark.line + 1, where, message)
