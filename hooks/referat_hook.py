"""MkDocs hook: forwards build events to the referat engine's adapter. Holds no state."""

from __future__ import annotations

from collections.abc import Callable

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.livereload import LiveReloadServer
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page

from referat import mkdocs_adapter


def on_pre_build(config: MkDocsConfig) -> None:
    mkdocs_adapter.on_pre_build(config)


def on_files(files: Files, config: MkDocsConfig) -> Files:
    return mkdocs_adapter.on_files(files, config)


def on_serve(server: LiveReloadServer, config: MkDocsConfig,
             builder: Callable[..., None]) -> LiveReloadServer:
    return mkdocs_adapter.on_serve(server, config)


def on_page_content(html: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    return mkdocs_adapter.on_page_content(html, page)  # MkDocs passes `html` by name


def on_post_build(config: MkDocsConfig) -> None:
    mkdocs_adapter.on_post_build(config)
