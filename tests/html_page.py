"""Read a built HTML page the way the tests need it: its text, headings, links and language."""

from __future__ import annotations

from html.parser import HTMLParser
from pathlib import Path


class HtmlPage(HTMLParser):
    """The article's text, the h1 count, every link and the html element's lang."""

    def __init__(self, path: Path) -> None:
        super().__init__(convert_charrefs=True)
        self.lang = ""
        self.h1 = 0
        self.links: list[str] = []
        self.scripts: list[str] = []
        self._article_depth = 0
        self._depth = 0
        self._in_script = False
        self._chunks: list[str] = []
        self.feed(path.read_text(encoding="utf-8"))

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = dict(attrs)
        self._depth += 1
        if tag == "html":
            self.lang = values.get("lang") or ""
        elif tag == "h1":
            self.h1 += 1
        elif tag == "a" and values.get("href"):
            self.links.append(values["href"] or "")
        elif tag == "article" and not self._article_depth:
            self._article_depth = self._depth
        self._in_script = tag == "script"

    def handle_endtag(self, tag: str) -> None:
        if tag == "article" and self._depth == self._article_depth:
            self._article_depth = 0
        self._depth -= 1
        self._in_script = False

    def handle_data(self, data: str) -> None:
        if self._in_script:
            self.scripts.append(data)
        elif self._article_depth:
            self._chunks.append(data)

    @property
    def text(self) -> str:
        """The article's text with whitespace collapsed."""
        return " ".join(" ".join(self._chunks).split())
