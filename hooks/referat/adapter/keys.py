"""What a rendered page depends on, as cache keys.

A page's key is the digest of the site's key and the page's own source (its path, front matter,
Markdown and edit link). The site's key covers everything the shell around every page depends on:
the engine's code, MkDocs' and the theme's versions, every file of the theme and of its overrides,
mkdocs.yml and the configuration as loaded (so `!ENV` values count), the CSS, JavaScript and other
files in docs/, and the nav with its titles.
"""

from __future__ import annotations

import json
import re
import sysconfig
import types
from importlib import metadata
from pathlib import Path
from typing import Any

import jinja2
import mkdocs
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import BasePlugin
from mkdocs.structure.files import Files
from mkdocs.structure.nav import Link, Navigation, Section
from mkdocs.structure.pages import Page

from ..cache import digest, engine_version

INSTALLED = {"site-packages", "dist-packages"}  # folders of installed packages
CONFIG_KEYS = ("site_name", "site_url", "site_description", "site_author", "copyright",
               "repo_url", "repo_name", "edit_uri", "use_directory_urls", "extra", "theme",
               "markdown_extensions", "mdx_configs", "extra_css", "extra_javascript",
               "extra_templates", "validation", "plugins", "hooks", "docs_dir", "strict")


def site_key(config: MkDocsConfig, files: Files, nav: Navigation) -> str:
    return digest(engine_version(), mkdocs.__version__, theme_key(config),
                  Path(config.config_file_path).read_bytes(), config_key(config),
                  docs_files_key(files), nav_key(nav))


def page_key(site: str, path: str, source: str, edit_uri: str | None) -> str:
    return digest(site, path, source, edit_uri or "")


def theme_key(config: MkDocsConfig) -> str:
    """The theme's name and version, and the bytes of every file in its folders that are not an
    installed package's (the overrides; an installed theme is known by its version)."""
    name = config.theme.name or ""
    parts: list[str | bytes] = [name, distribution_version(name)]
    for folder in config.theme.dirs:
        if INSTALLED & set(Path(folder).parts):
            parts.append(portable(folder, config))
            continue
        for path in sorted(Path(folder).rglob("*")):
            if path.is_file() and "__pycache__" not in path.parts:
                parts += [str(path.relative_to(folder)), path.read_bytes()]
    return digest(*parts)


def distribution_version(theme: str) -> str:
    for name in (f"mkdocs-{theme}", theme):
        try:
            return metadata.version(name)
        except metadata.PackageNotFoundError:
            continue
    return ""


def config_key(config: MkDocsConfig) -> str:
    values = {key: config.get(key) for key in CONFIG_KEYS}
    return portable(json.dumps(values, sort_keys=True, default=stable, ensure_ascii=False), config)


def portable(text: str, config: MkDocsConfig) -> str:
    """`text` with the project's folder and the installed packages' folder named, not spelt out:
    a checkout cloned or moved elsewhere (another runner, another venv) keeps its cache."""
    project = str(Path(config.config_file_path).resolve().parent)
    packages = sysconfig.get_paths()["purelib"]
    return text.replace(packages, "<packages>").replace(project, "<project>")


ADDRESS = re.compile(r" at 0x[0-9a-fA-F]+")  # in a repr: differs from one process to the next


def stable(value: Any) -> Any:
    """A JSON stand-in for a configuration value that is not plain data, the same in every
    process: a module (a hook) is its name and source, a plugin its class and configuration, and
    no memory address is ever part of it (it would make every build miss the cache)."""
    if isinstance(value, types.ModuleType):
        source = getattr(value, "__file__", None)
        return {"module": value.__name__,
                "source": digest(Path(source).read_bytes()) if source else ""}
    if isinstance(value, BasePlugin):
        return {"plugin": f"{type(value).__module__}.{type(value).__qualname__}",
                "config": dict(value.config)}
    if callable(value) and hasattr(value, "__qualname__"):
        return f"{value.__module__}.{value.__qualname__}"
    if hasattr(value, "items"):
        return {str(k): v for k, v in value.items()}
    if hasattr(value, "__fspath__") or isinstance(value, (set, frozenset)):
        return sorted(str(v) for v in value) if isinstance(value, (set, frozenset)) else str(value)
    return ADDRESS.sub("", type(value).__qualname__ + ":" + str(getattr(value, "__dict__", value)))


def docs_files_key(files: Files) -> str:
    """The bytes of every file in docs/ that is not a page (stylesheets, scripts, images), and the
    address of every hand-written page."""
    parts: list[str | bytes] = []
    for file in files:
        if file.abs_src_path and file.src_dir and not file.is_documentation_page():
            parts += [file.src_uri, Path(file.abs_src_path).read_bytes()]
        elif file.is_documentation_page() and file.abs_src_path:
            parts += ["page", file.src_uri, file.url]
    return digest(*parts)


def nav_key(nav: Navigation) -> str:
    """The nav as every page shows it: titles, addresses and nesting (titles are known once the
    pages have been read, as they are when the adapter renders)."""
    return json.dumps(nav_items(nav.items), ensure_ascii=False)


def nav_items(items: list[Any]) -> list[Any]:
    out: list[Any] = []
    for item in items:
        if isinstance(item, Section):
            out.append(["section", item.title, nav_items(item.children)])
        elif isinstance(item, Page):
            out.append(["page", item.title, item.url])
        elif isinstance(item, Link):
            out.append(["link", item.title, item.url])
    return out


def template_cache(cache_root: Path, env: jinja2.Environment) -> jinja2.BytecodeCache:
    """Where the theme's compiled templates are kept between builds: compiling Material's 37
    templates costs most of a second in every build, and in every save of a preview. Jinja names
    each entry by its template's name and checks it against the source's hash; the folder is
    named by what else the compiled code depends on (Jinja's version and the environment's
    extensions, i18n among them), so no build reads another environment's code."""
    extensions = sorted(env.extensions)
    folder = cache_root / "templates" / digest(jinja2.__version__, *extensions, repr(env.autoescape))
    folder.mkdir(parents=True, exist_ok=True)
    return jinja2.FileSystemBytecodeCache(str(folder))
