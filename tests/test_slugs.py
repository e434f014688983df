"""Slugs: the parts of addresses made from names, numbers and topics."""

from __future__ import annotations

import hashlib
import re

import pytest

from referat.slugs import slugify, unique_slugs

SLUG = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")


@pytest.mark.parametrize(("text", "slug"), [
    ("æble", "aeble"),
    ("Æble", "aeble"),
    ("ø", "oe"),
    ("Østermark", "oestermark"),
    ("å", "aa"),
    ("Århus", "aarhus"),
    ("Integrationsrådet", "integrationsraadet"),
    ("Ældre- og Sundhedsudvalget", "aeldre-og-sundhedsudvalget"),
    ("ÆØÅ æøå", "aeoeaa-aeoeaa"),
])
def test_danish_letters_are_spelled_out(text: str, slug: str) -> None:
    assert slugify(text) == slug


@pytest.mark.parametrize(("number", "slug"), [
    ("4.01", "4-01"),
    ("31", "31"),
    ("1.a", "1-a"),
    ("1.A", "1-a"),
    ("4-01", "4-01"),
])
def test_item_numbers(number: str, slug: str) -> None:
    assert slugify(number) == slug


def test_a_text_without_letters_or_digits_gets_a_stable_hash() -> None:
    slug = slugify("!!!")
    assert re.fullmatch(r"x-[0-9a-f]{8}", slug)
    assert slug == slugify("!!!")
    assert slug != slugify("???")
    assert re.fullmatch(r"x-[0-9a-f]{8}", slugify(""))


@pytest.mark.parametrize("text", ["Økonomi", "4.01", "", "§ 17, stk. 4", "A/S Ærø", "—"])
def test_every_slug_is_lower_case_ascii_joined_by_dashes(text: str) -> None:
    assert SLUG.match(slugify(text)), slugify(text)


def test_unique_slugs_without_collisions_are_the_plain_slugs() -> None:
    assert unique_slugs(["Økonomi", "Beskæftigelse", "Økonomi"]) == {
        "Økonomi": "oekonomi", "Beskæftigelse": "beskaeftigelse"}


def test_colliding_texts_get_a_hash_suffix_except_the_first() -> None:
    slugs = unique_slugs(["Økonomi", "Oekonomi", "økonomi"])
    assert slugs["Oekonomi"] == "oekonomi"  # first in sorted order keeps the plain slug
    for text in ("Økonomi", "økonomi"):
        assert re.fullmatch(r"oekonomi-[0-9a-f]{6}", slugs[text]), slugs
    assert len(set(slugs.values())) == 3


def test_unique_slugs_do_not_depend_on_the_order_of_the_input() -> None:
    texts = ["Økonomi", "Oekonomi", "økonomi", "4.01", "4-01"]
    assert unique_slugs(texts) == unique_slugs(list(reversed(texts)))
    assert unique_slugs(texts) == unique_slugs(texts)


def test_unique_slugs_are_unique_even_when_a_text_looks_like_a_suffixed_slug() -> None:
    # "á" collides with "a" and gets "a-<hash of á>"; a text already spelling that slug, sorted
    # between them, takes it first.
    suffixed = "a-" + hashlib.sha1("á".encode()).hexdigest()[:6]
    slugs = unique_slugs(["a", suffixed, "á"])
    assert len(set(slugs.values())) == 3, (
        f"BUG: unique_slugs gave the same slug to two texts: {slugs}; a hash-suffixed slug is "
        "not checked against the slugs already taken")
