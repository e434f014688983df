"""The parts of the shell that come out the same on many engine pages, rendered once each.

The engine's pages are not in the nav (`NOT_IN_NAV`), so no nav item is active on any of them,
and Material's nav is the same text on each of them but for its links, which the `url` filter
makes relative to the page: `../../organer/` on one page, `../` on another. The same holds for
the header, the footer, the stylesheets and scripts and the theme's configuration. While the
engine's pages render, each partial in SHARED_PARTIALS and each block in SHARED_BLOCKS is
rendered once for every distinct set of its links as a page sees them (and the page's
`base_url`), and the text is reused on every page that sees the same links. Together they are
half the cost of a page's template.

The links of a part are the values it gives the `url` and `script_tag` filters (the two that
make an address relative to the page), recorded when it is first rendered. They are the same on
every engine page, since nothing else in the part depends on the page; a part whose links differ
from one rendering to the next depends on the page after all, and stops the render
(`SharedPartError`) rather than give a page another page's text. A block is shared only where it
is defined last (it calls no `super()`: Jinja finds the parent block by the function object).
Nothing is kept between builds: the texts live as long as the build's Jinja environment, and the
pages' cache keys (keys.py) already cover everything these parts show (theme, overrides,
configuration and nav).
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import Any

import jinja2
from jinja2.runtime import Context

SHARED_PARTIALS = ("partials/nav.html", "partials/top.html", "partials/referat-keyboard.html",
                   "partials/referat-actions-script.html")
# By the template that defines them; main.html's header replaces the theme's and calls no super().
SHARED_BLOCKS = {"base.html": ("styles", "libs", "fonts", "analytics", "footer", "config",
                               "scripts"),
                 "main.html": ("header",)}
RELATIVE_FILTERS = ("url", "script_tag")  # the filters that make an address relative to the page
Render = Callable[[Context], Iterator[str]]
Filter = Callable[[Context, Any], str]


class SharedPartError(Exception):
    """A shared part of the shell turned out to depend on the page it is rendered on."""


class SharedParts:
    """The texts of the shared parts, by part and by its links as the page sees them."""

    def __init__(self, env: jinja2.Environment) -> None:
        self.env = env
        self.links: dict[str, tuple[Any, ...]] = {}  # what each part gave the relative filters
        self.texts: dict[tuple[Any, ...], str] = {}
        self.recording: list[Any] | None = None

    @contextmanager
    def installed(self) -> Iterator[None]:
        """While the engine's pages render (and in the workers forked meanwhile), the parts are
        shared; MkDocs' own pages, rendered afterwards, get the theme as it is."""
        filters = {n: self.env.filters[n] for n in RELATIVE_FILTERS if n in self.env.filters}
        url = filters["url"]
        self.env.filters.update({n: self.recording_filter(f) for n, f in filters.items()})
        parts = self.parts()
        for label, table, name, original in parts:
            table[name] = self.sharing(label, original, url)
        try:
            yield
        finally:
            self.env.filters.update(filters)
            for _, table, name, original in parts:
                table[name] = original

    def parts(self) -> list[tuple[str, Any, str, Render]]:
        """Each shared part as (its name, the table that holds its render function, the key in
        that table, the function). What the theme does not have is left out."""
        found = []
        for name in SHARED_PARTIALS:
            template = self.template(name)
            if template is not None:
                found.append((name, vars(template), "root_render_func", template.root_render_func))
        for name, blocks in SHARED_BLOCKS.items():
            table = getattr(self.template(name), "blocks", {})
            found += [(f"{name}#{block}", table, block, table[block])
                      for block in blocks if block in table]
        return found

    def template(self, name: str) -> jinja2.Template | None:
        try:
            return self.env.get_template(name)
        except jinja2.TemplateNotFound:
            return None

    def recording_filter(self, relative: Filter) -> Filter:
        @jinja2.pass_context
        def recording(context: Context, value: Any) -> str:
            if self.recording is not None:
                self.recording.append(value)
            return relative(context, value)
        return recording

    def sharing(self, name: str, original: Render, url: Filter) -> Render:
        def shared(context: Context) -> Iterator[str]:
            yield self.text(name, original, url, context)
        return shared

    def text(self, name: str, original: Render, url: Filter, context: Context) -> str:
        """The part's text for this page: rendered once for each set of links."""
        links = self.links.get(name)
        if links is not None:
            found = self.texts.get(self.key(name, links, url, context))
            if found is not None:
                if self.recording is not None:
                    self.recording.extend(links)  # inside another shared part: its links too
                return found
        outer, self.recording = self.recording, []
        try:
            text = "".join(original(context))
            recorded = tuple(self.recording)
        finally:
            self.recording = outer
        if outer is not None:
            outer.extend(recorded)  # a shared part inside another: its links are the outer's
        if links is not None and recorded != links:
            raise SharedPartError(f"the theme's {name} gave other links on this page than on "
                                  "the first (it depends on the page): it cannot be shared")
        self.links[name] = recorded
        self.texts[self.key(name, recorded, url, context)] = text
        return text

    @staticmethod
    def key(name: str, links: tuple[Any, ...], url: Filter, context: Context) -> tuple[Any, ...]:
        return (name, context.get("base_url"), *(url(context, link) for link in links))
