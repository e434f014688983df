"""The strings shared by Python, the templates, the CSS and the scripts are defined once, in
referat.contracts: every class of ours that a stylesheet, template, script or renderer uses is
named there, and every name there is used."""

from __future__ import annotations

import re
from pathlib import Path

from referat import contracts

ROOT = Path(__file__).resolve().parent.parent
DOCS = ROOT / "docs"
OURS = re.compile(r"^(referat-[a-z0-9_-]+|beslutning|relateret)$")


def css_classes() -> set[str]:
    text = "".join(p.read_text(encoding="utf-8") for p in (DOCS / "stylesheets").glob("*.css"))
    text = re.sub(r"/\*.*?\*/", "", text, flags=re.S)
    return set(re.findall(r"\.([a-zA-Z_][\w-]*)", re.sub(r"\{[^}]*\}", "{}", text)))


def markup_classes() -> set[str]:
    names: set[str] = set()
    for path in (DOCS / "overrides").rglob("*.html"):
        for value in re.findall(r'class="([^"{]*)"', path.read_text(encoding="utf-8")):
            names |= set(value.split())
    for path in (DOCS / "javascripts").glob("*.js"):
        text = path.read_text(encoding="utf-8")
        names |= set(re.findall(r'class: "([\w-]+)"', text))
        names |= set(re.findall(r'"[\w.]*\.([\w-]+)"', text))
    return names


def engine_classes() -> set[str]:
    """Admonition kinds the renderers write as `!!! kind`."""
    text = "".join(p.read_text(encoding="utf-8") for p in (ROOT / "hooks" / "referat").glob("*.py"))
    return set(re.findall(r"!!! ([a-z]+) ", text))


def test_every_class_of_ours_is_in_the_contract() -> None:
    used = {name for name in css_classes() | markup_classes() | engine_classes() if OURS.match(name)}
    assert used - set(contracts.CLASSES) == set(), "add these to referat/contracts.py CLASSES"


def test_every_class_in_the_contract_is_used() -> None:
    used = css_classes() | markup_classes() | engine_classes()
    assert set(contracts.CLASSES) - used == set(), "remove these from contracts.CLASSES"


def test_the_admonitions_the_engine_writes_are_the_contract_s() -> None:
    assert engine_classes() == {contracts.BOX_DECISION, contracts.BOX_RELATED}


def test_templates_read_kinds_and_meta_keys_from_the_contract() -> None:
    main = (DOCS / "overrides" / "main.html").read_text(encoding="utf-8")
    assert "referat_contract" in main and "referat_kind" not in main
    assert '"meeting"' not in main and '"punkt"' not in main
