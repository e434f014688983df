"""MkDocs hook: forwards build events to the referat engine's adapter. Holds no state."""

from __future__ import annotations

from collections.abc import Callable

from jinja2 import Environment
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.livereload import LiveReloadServer
from mkdocs.structure.files import Files
from mkdocs.structure.nav import Navigation
from mkdocs.structure.pages import Page

from referat import adapter


def on_startup(command: str, dirty: bool) -> None:
    adapter.on_startup(command)


def on_shutdown() -> None:
    adapter.on_shutdown()


def on_pre_build(config: MkDocsConfig) -> None:
    adapter.on_pre_build(config)


def on_files(files: Files, config: MkDocsConfig) -> Files:
    return adapter.on_files(files, config)


def on_nav(nav: Navigation, config: MkDocsConfig, files: Files) -> Navigation:
    return adapter.on_nav(nav, config)


def on_env(env: Environment, config: MkDocsConfig, files: Files) -> Environment:
    return adapter.on_env(env, config, files)


def on_serve(server: LiveReloadServer, config: MkDocsConfig,
             builder: Callable[..., None]) -> LiveReloadServer:
    return adapter.on_serve(server, config)


def on_page_content(html: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    return adapter.on_page_content(html, page)  # MkDocs passes `html` by name


def on_post_build(config: MkDocsConfig) -> None:
    adapter.on_post_build(config)
