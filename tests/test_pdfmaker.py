"""The PDF maker the importer's tests use: read its PDFs back with pypdf."""

from __future__ import annotations

import math
from pathlib import Path

import pytest
from pypdf import PdfReader

from pdfmaker import LINES_PER_PAGE, make_pdf, to_latin1

HEADER = "Søholm Kommune  Byrådet 20-03-2024"


def _pages(path: Path) -> list[str]:
    return [page.extract_text() or "" for page in PdfReader(path).pages]


def _lines(n: int) -> list[str]:
    return [f"Linje {i}: Byrådet godkendte æøå ÆØÅ" for i in range(1, n + 1)]


def test_every_line_in_order_with_header_and_footer_on_every_page(tmp_path: Path) -> None:
    lines = _lines(130)
    path = tmp_path / "referat.pdf"
    make_pdf(lines, path, header=HEADER, footer="Side {page} af {pages}")
    pages = _pages(path)
    assert len(pages) == math.ceil(130 / LINES_PER_PAGE) == 3
    body: list[str] = []
    for number, text in enumerate(pages, start=1):
        page_lines = [line.strip() for line in text.splitlines() if line.strip()]
        assert page_lines[0] == HEADER
        assert page_lines[-1] == f"Side {number} af 3"
        body += page_lines[1:-1]
    assert body == lines


def test_at_least_forty_lines_a_page(tmp_path: Path) -> None:
    assert LINES_PER_PAGE >= 40
    one, two = tmp_path / "one.pdf", tmp_path / "two.pdf"
    make_pdf(_lines(LINES_PER_PAGE), one, header=HEADER)
    make_pdf(_lines(LINES_PER_PAGE + 1), two, header=HEADER)
    assert len(_pages(one)) == 1
    pages = _pages(two)
    assert len(pages) == 2
    assert f"Linje {LINES_PER_PAGE + 1}:" in pages[1]
    assert "Side 2 af 2" in pages[1]


def test_long_lines_are_wrapped_not_cut(tmp_path: Path) -> None:
    words = [f"ord{i}" for i in range(120)]
    path = tmp_path / "lang.pdf"
    make_pdf(["Kort linje", " ".join(words), "Sidste linje"], path, header=None)
    (text,) = _pages(path)
    page_lines = [line.strip() for line in text.splitlines() if line.strip()]
    assert page_lines[0] == "Kort linje"
    assert page_lines[-2] == "Sidste linje"
    wrapped = page_lines[1:-2]
    assert len(wrapped) > 1
    assert " ".join(wrapped).split() == words


def test_blank_lines_keep_their_place(tmp_path: Path) -> None:
    path = tmp_path / "blank.pdf"
    make_pdf(["Punkt 1", "", "", "Beslutning"], path, header=None, footer=None)
    (text,) = _pages(path)
    assert [line.strip() for line in text.splitlines() if line.strip()] == ["Punkt 1", "Beslutning"]


def test_no_header_and_no_footer(tmp_path: Path) -> None:
    path = tmp_path / "bare.pdf"
    make_pdf(_lines(3), path, header=None, footer=None)
    (text,) = _pages(path)
    assert "Side" not in text
    assert [line.strip() for line in text.splitlines() if line.strip()] == _lines(3)


def test_footer_with_own_words(tmp_path: Path) -> None:
    path = tmp_path / "eng.pdf"
    make_pdf(_lines(LINES_PER_PAGE * 2), path, header="Millbrook Parish Council",
             footer="Minutes 14 May 2024 - Page {page} of {pages}")
    pages = _pages(path)
    assert [text.strip().splitlines()[-1] for text in pages] == [
        "Minutes 14 May 2024 - Page 1 of 2", "Minutes 14 May 2024 - Page 2 of 2"]


@pytest.mark.parametrize(("given", "latin1"), [
    ("Budget 2025–2028 — vedtaget", "Budget 2025-2028 - vedtaget"),
    ("• 209. Godkendelse af dagsorden", "- 209. Godkendelse af dagsorden"),
    ("“Lukket punkt” og ‘sag’", "\"Lukket punkt\" og 'sag'"),
    ("Fortsættes…", "Fortsættes..."),
    ("Pris 5 €", "Pris 5 EUR"),
    ("Æblegården, Ørby Å, Café Über", "Æblegården, Ørby Å, Café Über"),
    ("kl.\u00a017.00", "kl. 17.00"),
    ("Łódź, Œuvre", "Lódz, OEuvre"),
])
def test_characters_outside_latin1_get_close_equivalents(given: str, latin1: str) -> None:
    assert to_latin1(given) == latin1
    latin1.encode("latin-1")


def test_mapped_text_reads_back(tmp_path: Path) -> None:
    lines = ["• 211. Budgetprocedure 2025–2028", "Et flertal (A+V+C) godkender “indstillingen”."]
    path = tmp_path / "tegn.pdf"
    make_pdf(lines, path, header="Økonomiudvalget – 04-03-2024")
    (text,) = _pages(path)
    page_lines = [line.strip() for line in text.splitlines() if line.strip()]
    assert page_lines == ["Økonomiudvalget - 04-03-2024", *map(to_latin1, lines), "Side 1 af 1"]
