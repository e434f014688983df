"""The site's own words in the site's language, through gettext catalogs made with Babel's tools.

The words are written in Danish in the code and the templates, and the Danish text is the msgid:
Danish, the default, needs no catalog and is the source itself, so a Danish site is exactly as it
was. Another language has its catalog as a `.po` source in locale/<lang>/LC_MESSAGES/referat.po
(`make messages` extracts and updates them; see the README). The build compiles a `.po` in memory
with Babel, as `pybabel compile` would, so a compiled `.mo` is never older than its source; a
`.mo` beside it (from `pybabel compile` at install) is used when it is newer.

The language is a context (`using`), set once for a run by the engine, so the renderers ask for
`_()` without passing a language through every function; the engine knows nothing of MkDocs.
"""

from __future__ import annotations

import gettext
import io
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from contextvars import ContextVar
from functools import lru_cache
from pathlib import Path

from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po

DOMAIN = "referat"
CLI_DOMAIN = "cli"  # the command's own messages, written in English (cli.py)
LOCALE_DIR = Path(__file__).parent / "locale"
DEFAULT = "da"
# The CLDR locale of a language's dates and numbers; English councils write British dates.
LOCALES = {"da": "da_DK", "en": "en_GB"}

_active: ContextVar[str] = ContextVar("referat_language", default=DEFAULT)


def catalog_path(language: str) -> Path:
    return LOCALE_DIR / language / "LC_MESSAGES" / f"{DOMAIN}.po"


def known(language: str) -> bool:
    """Whether the site's words can be written in `language` (Danish, or one with a catalog)."""
    return language == DEFAULT or catalog_path(language).is_file()


@lru_cache(maxsize=8)
def translations(language: str, domain: str = DOMAIN) -> gettext.NullTranslations:
    """The catalog of `language`; none (the source) for the source's language or a language
    without one. The site's words are written in Danish; the command's (domain 'cli') in English."""
    po = catalog_path(language).with_name(f"{domain}.po")
    if (language == DEFAULT and domain == DOMAIN) or not po.is_file():
        return gettext.NullTranslations()
    mo = po.with_suffix(".mo")
    if mo.is_file() and mo.stat().st_mtime >= po.stat().st_mtime:
        with mo.open("rb") as compiled:
            return gettext.GNUTranslations(compiled)
    with po.open("rb") as source:
        catalog = read_po(source, locale=language, domain=domain)
    made = io.BytesIO()
    write_mo(made, catalog)
    made.seek(0)
    return gettext.GNUTranslations(made)


@contextmanager
def using(language: str) -> Iterator[None]:
    """Write the site's words in `language` within the block."""
    token = _active.set(language if known(language) else DEFAULT)
    try:
        yield
    finally:
        _active.reset(token)


def choose(language: str) -> None:
    """Write the site's words in `language` from now on, in this thread: for a whole MkDocs build,
    whose hooks after the engine's run write words too (the search data, the problems page).
    Every build chooses its own, so a build never keeps the one before's."""
    _active.set(language if known(language) else DEFAULT)


def current() -> str:
    return _active.get()


def locale() -> str:
    """The CLDR locale for dates and numbers in the current language: 'da_DK', 'en_GB'."""
    return LOCALES.get(current(), current())


def _(message: str) -> str:
    """The message in the current language."""
    return translations(current()).gettext(message)


def N_(message: str) -> str:
    """Marks a message for the catalog where it is defined; `_()` translates it where it is used."""
    return message


def NP_(context: str, message: str) -> str:
    """Marks a message with its context for the catalog; `pgettext()` translates it where used."""
    return message


def pgettext(context: str, message: str) -> str:
    """The message in the current language, as it reads in `context`: Danish 'Bilag' is one
    attachment or many, English tells them apart."""
    return translations(current()).pgettext(context, message)


def ngettext(one: str, many: str, n: int) -> str:
    """The singular or plural message for `n`, in the current language."""
    return translations(current()).ngettext(one, many, n)


def system_language(environ: Mapping[str, str]) -> str:
    """The language the user's locale asks for, as gettext reads it (LANGUAGE, LC_ALL,
    LC_MESSAGES, LANG): 'da' for da_DK.UTF-8; 'en' for C, POSIX or none."""
    for name in ("LANGUAGE", "LC_ALL", "LC_MESSAGES", "LANG"):
        if value := environ.get(name, "").split(":")[0]:
            code = value.split(".")[0].split("@")[0].split("_")[0].lower()
            return "en" if code in ("c", "posix") else code
    return "en"


def cli_text(environ: Mapping[str, str]) -> gettext.NullTranslations:
    """The command's own messages in the user's language (its catalog 'cli'; English without one)."""
    return translations(system_language(environ), CLI_DOMAIN)


def js_strings(language: str) -> dict[str, str]:
    """The search script's messages (the catalog's entries from docs/javascripts/) and their
    translations, so the script has the words of one catalog and no copy of its own; empty
    for Danish, whose messages are the script's own text."""
    po = catalog_path(language)
    if language == DEFAULT or not po.is_file():
        return {}
    with po.open("rb") as source:
        catalog = read_po(source, locale=language, domain=DOMAIN)
    return {str(m.id): str(m.string) for m in catalog
            if m.id and m.string and any("javascripts/" in path for path, _line in m.locations)}
