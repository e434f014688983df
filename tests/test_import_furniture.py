"""Links back to the page's top ('Til top', 'Tilbage til top', 'Back to the top') are page
furniture: left out of the decisions and sections, and listed as left out."""

from __future__ import annotations

from pathlib import Path

import pytest

from referat.importer.assemble import import_source
from referat.importer.furniture import LINK_REASON, remove_furniture
from referat.importer.lines import Line

SOURCE = """Referat af møde i Teknik- og Miljøudvalget

Dato: 4. marts 2024 kl. 17.00

Punkt 1. Godkendelse af dagsorden

Beslutning

Godkendt.

Til top

Punkt 2. Budget 2025

Sagsfremstilling

Forvaltningen fremlægger budgettet.

Tilbage til top

Beslutning

Godkendt.

Back to the top
"""


def test_links_to_the_top_stay_out_of_decisions_and_sections(tmp_path: Path) -> None:
    source = tmp_path / "referat.txt"
    source.write_text(SOURCE, encoding="utf-8")
    imported = import_source(source)
    first, second = imported.meeting["items"]
    assert first["decision"] == "Godkendt."
    assert second["sections"] == {"Sagsfremstilling": "Forvaltningen fremlægger budgettet."}
    assert second["decision"] == "Godkendt."
    links = [d.line.text for d in imported.dropped if d.reason == LINK_REASON]
    assert links == ["Til top", "Tilbage til top", "Back to the top"]


@pytest.mark.parametrize("text", ["Til top", "Tilbage til top", "Gå til toppen", "Til toppen af siden",
                                  "Til toppen ↑", "Back to the top", "Return to top", "Top of page",
                                  "▲ Back to top", "Udskriv | Til top"])
def test_a_link_to_the_top_is_furniture(text: str) -> None:
    kept, dropped = remove_furniture([Line("Godkendt.", 1), Line(text, 2)])
    assert [line.text for line in kept] == ["Godkendt."]
    assert dropped and {d.reason for d in dropped} == {LINK_REASON}


@pytest.mark.parametrize("text", ["Til top og bund i økonomien", "Back to topics", "Tilbage til punkt 3"])
def test_a_line_that_only_begins_like_a_link_is_text(text: str) -> None:
    kept, dropped = remove_furniture([Line(text, 1)])
    assert [line.text for line in kept] == [text] and not dropped
