"""Slugs for addresses: lower case ASCII, Danish letters spelled out (æ→ae, ø→oe, å→aa)."""

from __future__ import annotations

import hashlib
import unicodedata
from functools import lru_cache

from slugify import slugify as _slugify

DANISH = [["Æ", "Ae"], ["æ", "ae"], ["Ø", "Oe"], ["ø", "oe"], ["Å", "Aa"], ["å", "aa"]]


@lru_cache(maxsize=65536)
def slugify(text: str) -> str:
    """The slug of a text; a short hash when the text has no letters or digits at all."""
    # Composed first, so the Danish letters are found however they were typed.
    slug = _slugify(unicodedata.normalize("NFC", text), replacements=DANISH)
    return slug or "x-" + hashlib.sha1(text.encode()).hexdigest()[:8]


def unique_slugs(texts: list[str]) -> dict[str, str]:
    """Slug of each distinct text; texts whose slugs collide get a short hash, except the first."""
    plain = {text: slugify(text) for text in sorted(set(texts))}
    result: dict[str, str] = {}
    taken: set[str] = set()
    # Texts whose own slug is free keep it, so a collision never moves an existing page.
    for text, slug in plain.items():
        if slug not in taken:
            taken.add(slug)
            result[text] = slug
    for text in (t for t in plain if t not in result):
        digest = hashlib.sha1(text.encode()).hexdigest()
        size = 6
        while f"{plain[text]}-{digest[:size]}" in taken:
            size += 2
        result[text] = f"{plain[text]}-{digest[:size]}"
        taken.add(result[text])
    return result


def heading_id(value: str, separator: str = "-") -> str:
    """Heading anchors for Python-Markdown's toc: the same transliteration as addresses."""
    return _slugify(unicodedata.normalize("NFC", value), separator=separator,
                    replacements=DANISH) or "afsnit"
