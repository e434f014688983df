"""A Markdown extension that gives the vote table its caption.

Raw HTML is off for the whole site (safe_markdown), and a Markdown table has no caption, so
render_votes.py writes the vote as a table in a box titled "Afstemning"; this moves the box's
title into the table as its `<caption>`, so a screen reader names the table by it.
"""

from __future__ import annotations

from xml.etree.ElementTree import Element

from markdown import Extension, Markdown
from markdown.treeprocessors import Treeprocessor

from .contracts import BOX_VOTES


class VoteCaption(Treeprocessor):
    def run(self, root: Element) -> None:
        for box in root.iter("div"):
            if BOX_VOTES not in (box.get("class") or "").split():
                continue
            title, table = box.find("p[@class='admonition-title']"), box.find("table")
            if title is None or table is None:
                continue
            caption = Element("caption")
            caption.text = "".join(title.itertext())
            table.insert(0, caption)
            box.remove(title)


class VoteCaptionExtension(Extension):
    def extendMarkdown(self, md: Markdown) -> None:  # noqa: N802 (Python-Markdown's name)
        md.treeprocessors.register(VoteCaption(md), "referat_vote_caption", 1)


def makeExtension(**kwargs: object) -> VoteCaptionExtension:  # noqa: N802 (Python-Markdown's name)
    return VoteCaptionExtension(**kwargs)



