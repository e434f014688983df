"""Case (journal) numbers: the shapes real case systems write, cut out of the line that labels them."""

from __future__ import annotations

from pathlib import Path

import pytest

from referat.importer.assemble import import_source
from referat.importer.journal import find_journal, split_journal

SHAPES = [
    ("00.01.00-A00-1-24", "00.01.00-A00-1-24"),  # KLE with year, FirstAgenda and Acadre
    ("Sagsnummer: 27.00.00-P20-1-2024 Sagsbehandler: Anne Berg", "27.00.00-P20-1-2024"),
    ("Sags ID: SAG-2024-00123", "SAG-2024-00123"),
    ("Sagsnr.: 2024-001234", "2024-001234"),  # eDoc
    ("J.nr. 2017-0123456-12", "2017-0123456-12"),
    ("Journalnr.: 24/12345, dok. 24/1", "24/12345"),
    ("Sag 306-2009-600", "306-2009-600"),  # SBSYS, as PolWeb shows it
    ("Sagsnr. ØK/2024.0117", "ØK/2024.0117"),  # a shape not listed: one token with its digits
    ("Case ref: 24/00512/FUL", "24/00512/FUL"),
    ("C048/23", "C048/23"),
]


@pytest.mark.parametrize(("line", "journal"), SHAPES)
def test_a_case_number_is_read_in_the_shapes_case_systems_write(line: str, journal: str) -> None:
    assert find_journal(line) == journal


@pytest.mark.parametrize("line", ["Sag 3 udgår.", "Sag nr. 129", "2021-2024", "Sagsnr.:", "Ref. bilag"])
def test_an_item_number_a_span_of_years_or_a_bare_label_is_not_one(line: str) -> None:
    assert find_journal(line) is None


def test_the_rest_of_a_labelled_line_is_kept_apart_from_the_number() -> None:
    line = "Sagsnr.: 330-2020-164                     Dok.nr.: 330-2020-488200          Åbent"
    assert split_journal(line) == ("330-2020-164", "Dok.nr.: 330-2020-488200          Åbent")


def write(tmp_path: Path, text: str) -> Path:
    source = tmp_path / "referat.txt"
    source.write_text(text, encoding="utf-8")
    return source


def test_an_item_gets_its_case_number_and_keeps_the_rest_of_the_line(tmp_path: Path) -> None:
    imported = import_source(write(tmp_path, (
        "Økonomiudvalget – Referat – 12. januar 2021\n\n1. Godkendelse af dagsorden\n\n"
        "Sagsnr.: 330-2020-164          Dok.nr.: 330-2020-488200          Åbent\nBeslutningstema\n"
        "Godkendelse af dagsorden.\nBeslutning\nGodkendt.\n\n2. Budget 2021\n\n"
        "Sagsbehandler: Anne Berg\nSagsfremstilling\nUdvalget drøfter budgettet.\n"
        "Sagsnr.: SAG-2020-00029\nBeslutning\nDrøftet.\n")))
    items = imported.meeting["items"]
    assert [i.get("journal") for i in items] == ["330-2020-164", "SAG-2020-00029"]
    assert "330-2020-488200" in str(items[0])  # the document number stays in the item's text
    assert not items[0].get("closed")


def test_a_closed_marker_after_the_case_number_closes_the_item(tmp_path: Path) -> None:
    imported = import_source(write(tmp_path, (
        "Byrådet – Referat – 20. marts 2024\n\n1. Godkendelse af dagsorden\n\nSagsnr.: 24/101   Åbent\n"
        "Beslutning\nGodkendt.\n\n2. Salg af grund\n\nSagsnr.: 24/187          Lukket\n"
        "Beslutning\nGodkendt.\n")))
    items = imported.meeting["items"]
    assert [bool(i.get("closed")) for i in items] == [False, True]
