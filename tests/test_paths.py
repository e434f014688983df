"""Page paths and the relative links between them."""

from __future__ import annotations

import datetime as dt
import itertools
import posixpath

from referat import paths
from referat.model import Body, Item, Meeting

PATHS = ["index.md", "sag/index.md", "sag/20-33839.md", "aar/2024.md", "raad/index.md",
         "raad/2024-03-20/index.md", "raad/2024-03-20/punkt-4-01.md", "raad/bilag/x.pdf",
         "udvalg/2024-03-20/punkt-1.md"]


def test_links_agree_with_posixpath_relpath() -> None:
    for source, target in itertools.product(PATHS, PATHS):
        expected = posixpath.relpath(target, posixpath.dirname(source) or ".")
        assert paths.link(source, target) == expected, (source, target)


def test_addresses_come_from_stable_keys_not_text() -> None:
    body = Body("oekonomiudvalget", "Økonomiudvalget")
    meeting = Meeting(body, "2024-03-04", "x.yml", dt.date(2024, 3, 4))
    first = Item("4.01", "Budget")
    corrected = Item("4.01", "Budget 2025, rettet titel", decision="Ny tekst")
    assert paths.item(meeting, first) == paths.item(meeting, corrected)
    assert paths.item(meeting, first) == "oekonomiudvalget/2024-03-04/punkt-4-01.md"
    assert paths.meeting(meeting) == "oekonomiudvalget/2024-03-04/index.md"
    assert paths.attachment(meeting, "bilag/../bilag/a.pdf") == "oekonomiudvalget/bilag/a.pdf"
