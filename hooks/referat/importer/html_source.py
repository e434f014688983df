"""Reading an HTML page into lines: the page's own text, without its navigation and banners."""

from __future__ import annotations

import re
from urllib.parse import urljoin

from bs4 import BeautifulSoup
from bs4.element import NavigableString, Tag

from .lines import Dropped, Line

# Elements that never carry the minutes themselves.
FURNITURE_TAGS = ("nav", "header", "footer", "aside", "script", "style", "noscript", "form", "button",
                  "template", "svg", "iframe", "dialog")
# Classes and ids of cookie banners, breadcrumbs, share and print links and similar furniture.
FURNITURE_NAMES = re.compile(r"cookie|consent|gdpr|banner|breadcrumb|skip|share|print|menu|navbar|"
                             r"social|toolbar|to-?top|back-?to", re.IGNORECASE)
BLOCKS = {"p", "div", "section", "article", "main", "li", "tr", "h1", "h2", "h3", "h4", "h5", "h6",
          "blockquote", "pre", "dt", "dd", "table", "ul", "ol", "dl", "address", "figure", "figcaption",
          "button"}  # a button left in is an item's title in an accordion
ITEM_BUTTON = re.compile(r"^(?:punkt|pkt\.?|sag|item)?\s*(?:nr\.?\s*)?\d{1,4}(?:\.\d{1,3})?[.:)]?\s+\S",
                         re.IGNORECASE)
HEADINGS = {"h1": 1, "h2": 2, "h3": 3, "h4": 4, "h5": 5, "h6": 6}
SPACES = re.compile(r"[ \t\r\n\u00a0]+")


def read_html(text: str) -> tuple[list[Line], list[Dropped]]:
    """The text of the page's main content as lines, and the furniture left out."""
    soup = BeautifulSoup(text, "html.parser")
    dropped = [Dropped(line, "sidens navigation, banner eller sidefod")
               for line in remove_furniture_elements(soup)]
    root = soup.find("main") or soup.find(role="main") or soup.find("article") or soup.body or soup
    for outside in outside_text(soup, root):
        dropped.append(Dropped(Line(outside, 0), "uden for sidens hovedindhold"))
    walker = Walker(page_address(soup))
    walker.walk(root)
    walker.flush()
    return walker.lines, dropped


def page_address(soup: BeautifulSoup) -> str:
    """Where the page says it lives: <base href>, its canonical link, or its og:url."""
    for tag, key in ((soup.find("base"), "href"), (soup.find("link", rel="canonical"), "href"),
                     (soup.find("meta", property="og:url"), "content")):
        if isinstance(tag, Tag) and re.match(r"^https?://", str(tag.get(key) or "")):
            return str(tag.get(key))
    return ""


def remove_furniture_elements(soup: BeautifulSoup) -> list[Line]:
    """Take out navigation, banners and scripts; the visible lines of what was removed, one per
    block (a link of a menu, a paragraph of a banner), so the summary can list them."""
    removed = []
    for tag in list(soup.find_all(True)):
        if tag.decomposed or not is_furniture(tag):
            continue
        if tag.name not in ("script", "style", "template", "svg"):
            walker = FurnitureWalker()
            walker.block(tag)
            removed += [line for line in walker.lines if re.search(r"\w", line.text)]
        tag.decompose()
    return removed


def is_furniture(tag: Tag) -> bool:
    if tag.name == "button" and opens_an_item(tag):
        return False
    if tag.name in FURNITURE_TAGS:
        return True
    names = " ".join(name for key in ("id", "class", "role") for name in tag.get_attribute_list(key))
    return bool(names.strip()) and bool(FURNITURE_NAMES.search(names)) and tag.name not in ("main", "article")


def opens_an_item(button: Tag) -> bool:
    """An accordion's button that holds an item's title ('3. Budget 2025'), as publishing systems
    fold items: the item's header, not page furniture like 'Kopier link'."""
    text = visible(button)
    return len(text) > 8 and bool(ITEM_BUTTON.match(text)) or (
        bool(button.get("aria-controls") or button.get("aria-expanded")) and len(text.split()) >= 3)


def outside_text(soup: BeautifulSoup, root: Tag | BeautifulSoup) -> list[str]:
    """Visible text of the body that lies outside the main content."""
    body = soup.body
    if body is None or root is body or root is soup:
        return []
    texts = []
    for child in body.find_all(string=True):
        if isinstance(child, NavigableString) and root not in child.parents and child.strip() \
                and child.parent is not None and child.parent.name not in ("script", "style"):
            texts.append(SPACES.sub(" ", child).strip())
    return texts


def visible(tag: Tag) -> str:
    return SPACES.sub(" ", tag.get_text(" ")).strip()


class Walker:
    """Turns the element tree into lines: a block element ends a line, <br> too."""

    blocks = BLOCKS
    markers = True  # list items start with '- ' or 'N. ', as in Markdown

    def __init__(self, base: str = "") -> None:
        self.base = base  # the page's own address, for its relative links
        self.lines: list[Line] = []
        self.parts: list[str] = []
        self.heading = 0
        self.number = 0  # the source line of the element being read (html.parser records it)

    def walk(self, node: Tag | BeautifulSoup) -> None:
        for child in node.children:
            if type(child) is NavigableString:  # not a comment, doctype or CDATA
                self.parts.append(str(child))
            elif isinstance(child, Tag):
                self.element(child)

    def element(self, tag: Tag) -> None:
        if tag.name == "br":
            self.flush()
        elif tag.name == "tr":
            self.row(tag)
        elif tag.name == "dt":  # 'Sted' / 'Rådhuset': one labelled line, as the text has it
            self.flush()
            self.number = tag.sourceline or self.number
            self.walk(tag)
            self.parts.append(": ")
        elif tag.name == "dd":
            self.walk(tag)
            self.flush()
        elif tag.name in self.blocks:
            self.block(tag)
        elif tag.name in ("strong", "b") and self.markers and not self.heading:
            self.inline(tag, "**", "**")
        elif tag.name == "a" and self.markers and (url := self.address(tag)):
            self.inline(tag, "[", f"]({url})")
        else:
            self.walk(tag)

    def inline(self, tag: Tag, before: str, after: str) -> None:
        """Bold and links as Markdown, their markers around the text and not its spaces."""
        outer, self.parts = self.parts, []
        self.walk(tag)
        inner, self.parts = "".join(self.parts), outer
        text = SPACES.sub(" ", inner).strip()
        if not text or text.strip("*") != text and before == "**":
            self.parts.append(inner)
            return
        lead, trail = inner[: len(inner) - len(inner.lstrip())], inner[len(inner.rstrip()):]
        self.parts += [lead and " ", before, text.replace("[", "(").replace("]", ")"), after,
                       trail and " "]

    def address(self, tag: Tag) -> str | None:
        """A link's address, absolute (resolved against the page's own address), or None for a
        link within the page, a script, or a relative link on a page that does not say where it is."""
        href = str(tag.get("href") or "").strip()
        if href.startswith("#"):
            return None
        url = urljoin(self.base, href) if self.base else href
        if not re.match(r"^https?://[^\s()<>]+$", url):
            return None
        return url

    def block(self, tag: Tag) -> None:
        self.flush()
        self.number = tag.sourceline or self.number
        self.heading = HEADINGS.get(tag.name or "", 0)
        if tag.name == "li" and self.markers:
            self.parts.append(list_marker(tag))
        self.walk(tag)
        self.flush()
        self.heading = 0
        if tag.name == "li" and tag.find_next_sibling("li") and self.lines and self.lines[-1].blank:
            self.lines.pop()  # a list's items are lines of one paragraph, as in Markdown

    def row(self, tag: Tag) -> None:
        self.flush()
        self.number = tag.sourceline or self.number
        cells = tuple(visible(cell) for cell in tag.find_all(["td", "th"], recursive=False))
        if any(cells):
            self.add(" | ".join(c for c in cells if c), cells=cells)

    def flush(self) -> None:
        text = SPACES.sub(" ", "".join(self.parts)).strip()
        self.parts = []
        if text and text not in ("-", "1."):
            self.add(text)

    def add(self, text: str, cells: tuple[str, ...] = ()) -> None:
        self.lines.append(Line(text, self.number, heading=self.heading, cells=cells))
        self.lines.append(Line("", self.number))  # blocks are paragraphs


class FurnitureWalker(Walker):
    """Lines of a menu or a banner: each link and button is a line of its own."""

    blocks = BLOCKS | {"a", "button", "label", "option", "summary"}
    markers = False


def list_marker(tag: Tag) -> str:
    """'- ' for a bullet, 'N. ' for a numbered list item."""
    parent = tag.parent
    if parent is not None and parent.name == "ol":
        return f"{1 + sum(1 for s in tag.find_previous_siblings('li'))}. "
    return "- "
