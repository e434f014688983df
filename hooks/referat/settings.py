"""The site's own settings, `extra.referat` in mkdocs.yml, read into a typed record.

Knows nothing of MkDocs: it takes the mapping MkDocs read (with `!ENV` already resolved) and the
path of mkdocs.yml, whose text gives each key's line for the problems. An unknown key is an error,
as in a meeting file: a misspelt setting would otherwise be ignored without a word.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Literal

import yaml
from yaml.nodes import MappingNode, Node, ScalarNode

from .problems import Problem, unknown_key
from .yamlnodes import Loader, line

WHERE = "extra.referat"
# A page of the site ('tilgaengelighed/') or a web address; no other scheme (javascript:, data:).
ADDRESS = re.compile(r"^(?![a-z][a-z0-9+.-]*:)|^https?://", re.IGNORECASE)


SettingKind = Literal["text", "count", "licence", "bool"]  # count: a whole number, 0 or more


@dataclass(frozen=True)
class Licence:
    """The licence every data file and API object carries: its name and its address."""

    name: str
    url: str


DEFAULT_LICENCE = Licence("CC BY 4.0", "https://creativecommons.org/licenses/by/4.0/")
LICENCE_KEYS = ("name", "url")


@dataclass(frozen=True)
class Setting:
    """One key of `extra.referat`, its default and what it means (the README's table lists them)."""

    key: str
    default: str  # as written in mkdocs.yml
    help: str
    example: str
    kind: SettingKind = "text"


SETTINGS = (
    Setting("meetings", "meetings", "the meetings folder, relative to mkdocs.yml (or absolute)",
            "meetings"),
    Setting("accessibility", "tilgaengelighed/", "the address of the accessibility statement "
            "(tilgængelighedserklæring) that every page's footer links to: a page of the site or "
            "an https:// address", "tilgaengelighed/"),
    Setting("cache", ".cache/referat", "the cache of parsed meeting files and rendered pages, "
            "relative to mkdocs.yml (or absolute); delete it to clear it", ".cache/referat"),
    Setting("workers", "0", "how many processes render pages; 0 means one per core", "4",
            kind="count"),
    Setting("search_bundle_pages", "5000", "the most pages one search bundle holds; older years "
            "are grouped into bundles of at most this many pages (README, Search)", "5000",
            kind="count"),
    Setting("licence", f"{{name: {DEFAULT_LICENCE.name}, url: {DEFAULT_LICENCE.url}}}",
            "the licence of the open data and the OParl-shaped API (docs/data.md): its name "
            "and its https:// address; every data file carries both",
            "{name: CC0 1.0, url: https://creativecommons.org/publicdomain/zero/1.0/}",
            kind="licence"),
    Setting("member_pages", "true", "false turns every body's members' pages off (a page per "
            "person on a held meeting's participants list); a body.yml's member_pages: false "
            "turns one body's off", "false", kind="bool"),
)
BOOLS = {"true": True, "false": False}  # as YAML writes them; an !ENV value comes as text
KEYS = tuple(setting.key for setting in SETTINGS)


@dataclass(frozen=True)
class Settings:
    """The checked settings; paths are resolved against the folder of mkdocs.yml."""

    project: Path  # the folder of mkdocs.yml
    meetings: Path
    accessibility: str
    cache: Path
    workers: int  # 0: one per core
    search_bundle_pages: int
    licence: Licence = DEFAULT_LICENCE
    member_pages: bool = True


def read_settings(values: object, config_file: Path) -> tuple[Settings, list[Problem]]:
    """The settings in `values` (the mapping under extra.referat, or None when there is none)
    with every problem in them; a key with a problem keeps its default."""
    reader = SettingsReader(config_file)
    chosen = {s.key: s.default for s in SETTINGS} | reader.texts(values)
    if not ADDRESS.match(chosen["accessibility"]):
        reader.report("accessibility", f"'{shorten(chosen['accessibility'])}' is not a page's "
                      "address; write a page of the site, e.g. 'tilgaengelighed/', or an https:// "
                      "address")
    project = config_file.parent
    settings = Settings(project, (project / chosen["meetings"]).resolve(), chosen["accessibility"],
                        (project / chosen["cache"]).resolve(), int(chosen["workers"]),
                        int(chosen["search_bundle_pages"]) or 1, reader.licence,
                        BOOLS[chosen["member_pages"]])
    return settings, reader.problems


class SettingsReader:
    """Reads the values of extra.referat; `problems` collects what is wrong, at the key's line."""

    def __init__(self, config_file: Path) -> None:
        self.path = config_file.name  # problems name files relative to the project folder
        self.lines = key_lines(config_file)
        self.problems: list[Problem] = []
        self.licence = DEFAULT_LICENCE  # a mapping, not text: kept apart from texts()

    def report(self, key: str, message: str) -> None:
        """A problem with a key, or with extra.referat itself when `key` is ''."""
        where = f"{WHERE}.{key}" if key else WHERE
        self.problems.append(Problem(self.path, self.lines.get(key, self.lines.get("", 1)), where,
                                     message))

    def texts(self, values: object) -> dict[str, str]:
        """The known keys whose values are usable, as text (a count as its digits); every other
        key is reported."""
        if values is None:
            return {}
        if not isinstance(values, Mapping):
            self.report("", f"expected a mapping of keys ({', '.join(KEYS)}), found "
                        f"{describe(values)}")
            return {}
        texts: dict[str, str] = {}
        for key, value in values.items():
            setting = next((s for s in SETTINGS if s.key == key), None)
            if setting is None:
                self.report(str(key), unknown_key(str(key), KEYS))
            elif value is not None and (text := self.text(setting, value)) is not None:
                texts[setting.key] = text  # `meetings:` with nothing after it keeps the default
        return texts

    def text(self, setting: Setting, value: object) -> str | None:
        if setting.kind == "count":
            return self.count(setting, value)
        if setting.kind == "bool":
            return self.yes_no(setting, value)
        if setting.kind == "licence":
            self.licence = self.read_licence(setting, value) or self.licence
            return None
        if not isinstance(value, str):
            self.report(setting.key, f"expected text, found {describe(value)}; write e.g. "
                        f"'{setting.key}: {setting.example}'")
            return None
        if not value.strip():
            self.report(setting.key, f"is empty; remove the key for the default "
                        f"({setting.default}) or write a value")
            return None
        return value.strip()

    def count(self, setting: Setting, value: object) -> str | None:
        # An `!ENV [VARIABLE, 0]` value is the number 0, or the variable's text when it is set.
        text = value.strip() if isinstance(value, str) else value
        if isinstance(text, int) and not isinstance(text, bool) and text >= 0:
            return str(text)
        if isinstance(text, str) and text.isascii() and text.isdigit():
            return text
        self.report(setting.key, f"expected a whole number, 0 or more, found {describe(value)}; "
                    f"write e.g. '{setting.key}: {setting.example}'")
        return None

    def yes_no(self, setting: Setting, value: object) -> str | None:
        """true or false, as 'true' or 'false'; an `!ENV` value may be either word as text."""
        if isinstance(value, bool):
            return str(value).lower()
        if isinstance(value, str) and value.strip().lower() in BOOLS:
            return value.strip().lower()
        self.report(setting.key, f"expected true or false, found {describe(value)}; write e.g. "
                    f"'{setting.key}: {setting.example}'")
        return None

    def read_licence(self, setting: Setting, value: object) -> Licence | None:
        """`licence: {name: ..., url: https://...}`; both keys are needed, no other."""
        if not isinstance(value, Mapping):
            self.report(setting.key, f"expected a mapping with name and url, found "
                        f"{describe(value)}; write e.g. '{setting.key}: {setting.example}'")
            return None
        for key in value:
            if key not in LICENCE_KEYS:
                self.report(setting.key, f"{key}: {unknown_key(str(key), LICENCE_KEYS)}")
        name, url = (value.get(key) for key in LICENCE_KEYS)
        ok = True
        if not isinstance(name, str) or not name.strip():
            self.report(setting.key, f"name: expected the licence's name as text, found "
                        f"{describe(name)}; write e.g. 'name: {DEFAULT_LICENCE.name}'")
            ok = False
        if not isinstance(url, str) or not re.match(r"^https?://\S+$", url.strip()):
            self.report(setting.key, f"url: expected the licence's https:// address, found "
                        f"{describe(url)}; write e.g. 'url: {DEFAULT_LICENCE.url}'")
            ok = False
        return Licence(str(name).strip(), str(url).strip()) if ok else None


def describe(value: object) -> str:
    if value is None:
        return "nothing"
    if isinstance(value, Mapping):
        return "a mapping"
    if isinstance(value, list | tuple):
        return "a list"
    if isinstance(value, bool):
        return f"{str(value).lower()} (a yes/no value; put text in quotes)"
    return f"'{shorten(str(value))}'"


def shorten(text: str, most: int = 60) -> str:
    """A value short enough to quote in a one-line problem."""
    return text if len(text) <= most else text[: most - 1] + "…"


def key_lines(config_file: Path) -> dict[str, int]:
    """The line of extra.referat ('') and of each key under it, found in mkdocs.yml's text; {} if
    the file cannot be read (MkDocs has read it, so that is rare: problems then say line 1)."""
    try:
        # Composing builds nodes only: MkDocs' own tags (!ENV, !!python/name) are not run.
        root = yaml.compose(config_file.read_text(encoding="utf-8"), Loader=Loader)
    except (OSError, UnicodeError, yaml.YAMLError):
        return {}
    extra = entries(root).get("extra")
    referat = entries(extra[1] if extra else None).get("referat")
    if referat is None:
        return {}
    return {"": referat[0]} | {key: at for key, (at, _) in entries(referat[1]).items()}


def entries(node: Node | None) -> dict[str, tuple[int, Node]]:
    """A mapping node's keys with their lines and values; the last of a repeated key wins, as in
    MkDocs."""
    if not isinstance(node, MappingNode):
        return {}
    return {str(key.value): (line(key), value) for key, value in node.value
            if isinstance(key, ScalarNode)}
