"""The partials of the shell that come out the same on many engine pages, rendered once each.

The engine's pages are not in the nav (`NOT_IN_NAV`), so no nav item is active on any of them,
and Material's nav partial is the same text on each of them but for its links, which the `url`
filter makes relative to the page: `../../organer/` on one page, `../` on another. While the
engine's pages render, each partial named in SHARED is rendered once for every distinct set of
its links as a page sees them (and the page's `base_url`), and the text is reused for every page
that sees the same links. That is a fifth of the cost of a page's template.

The links of a partial are the values its `url` filter is given, recorded when it is first
rendered. They are the same on every engine page, since nothing else in the partial depends on
the page; a partial whose links differ from one rendering to the next depends on the page after
all, and stops the render (`SharedPartialError`) rather than give a page another page's text.
Nothing is kept between builds: the strings live as long as the build's Jinja environment, and
the pages' cache keys (keys.py) already cover everything a partial shows (theme, overrides,
configuration and nav).
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import Any

import jinja2
from jinja2.runtime import Context

SHARED = ("partials/nav.html",)  # Material's nav: a fifth of a page's template
Render = Callable[[Context], Iterator[str]]
Filter = Callable[[Context, Any], str]


class SharedPartialError(Exception):
    """A shared partial turned out to depend on the page it is rendered on."""


class SharedPartials:
    """The texts of the shared partials, by partial and by its links as the page sees them."""

    def __init__(self, env: jinja2.Environment, names: tuple[str, ...] = SHARED) -> None:
        self.env, self.names = env, names
        self.links: dict[str, tuple[Any, ...]] = {}  # what each partial gave its `url` filter
        self.texts: dict[tuple[Any, ...], str] = {}
        self.recording: list[Any] | None = None

    @contextmanager
    def installed(self) -> Iterator[None]:
        """While the engine's pages render (and in the workers forked meanwhile), the partials
        are shared; MkDocs' own pages, rendered afterwards, get the theme as it is."""
        url: Filter = self.env.filters["url"]
        originals = [(template, template.root_render_func)
                     for template in map(self.env.get_template, self.names)]
        self.env.filters["url"] = self.recording_filter(url)
        for template, original in originals:
            template.root_render_func = self.sharing(template.name or "", original, url)
        try:
            yield
        finally:
            self.env.filters["url"] = url
            for template, original in originals:
                template.root_render_func = original

    def recording_filter(self, url: Filter) -> Filter:
        @jinja2.pass_context
        def recording_url(context: Context, value: Any) -> str:
            if self.recording is not None:
                self.recording.append(value)
            return url(context, value)
        return recording_url

    def sharing(self, name: str, original: Render, url: Filter) -> Render:
        def shared(context: Context) -> Iterator[str]:
            yield self.text(name, original, url, context)
        return shared

    def text(self, name: str, original: Render, url: Filter, context: Context) -> str:
        """The partial's text for this page: rendered once for each set of links."""
        links = self.links.get(name)
        if links is not None:
            found = self.texts.get(self.key(name, links, url, context))
            if found is not None:
                return found
        outer, self.recording = self.recording, []
        try:
            text = "".join(original(context))
            recorded = tuple(self.recording)
        finally:
            self.recording = outer
        if outer is not None:
            outer.extend(recorded)  # a shared partial inside another: its links are the outer's
        if links is not None and recorded != links:
            raise SharedPartialError(f"{name} gave other links on this page than on the first "
                                     "(it depends on the page): remove it from SHARED")
        self.links[name] = recorded
        self.texts[self.key(name, recorded, url, context)] = text
        return text

    @staticmethod
    def key(name: str, links: tuple[Any, ...], url: Filter, context: Context) -> tuple[Any, ...]:
        return (name, context.get("base_url"), *(url(context, link) for link in links))
