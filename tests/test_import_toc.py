"""The table-of-contents stage: its entries are items, also those whose text the source lacks."""

from __future__ import annotations

from pathlib import Path

from referat.importer.assemble import import_source
from referat.importer.headers import find_headers
from referat.importer.lines import Line
from referat.importer.toc import find_contents


def lines_of(text: str) -> list[Line]:
    return [Line(t, n) for n, t in enumerate(text.splitlines(), 1)]


def test_a_run_of_numbered_lines_before_the_items_is_a_table_of_contents() -> None:
    lines = lines_of("Referat\n\n49. Godkendelse af dagsorden\n50. Budget\n51. Orienteringer\n\n"
                     "49. Godkendelse af dagsorden\n\nBeslutning\nGodkendt\n")
    contents = find_contents(lines, find_headers(lines))
    assert [e.number for e in contents.entries] == ["49", "50", "51"]


def test_a_numbered_recommendation_inside_an_item_is_not_one() -> None:
    lines = lines_of("1. Budget 2024\n\nIndstilling\n1. Første punkt godkendes\n2. Andet punkt\n"
                     "3. Tredje punkt\n\nBeslutning\nGodkendt\n")
    assert find_contents(lines, find_headers(lines)).entries == ()


def test_entries_without_text_become_items_and_their_closed_marker_counts(tmp_path: Path) -> None:
    source = tmp_path / "referat.txt"
    source.write_text("Byrådet\nMødedato: 20. marts 2024\n\n1. Godkendelse af dagsorden\n2. Budget\n"
                      "3. Lukket punkt: Salg af grund\n\n1. Godkendelse af dagsorden\n\nBeslutning\n"
                      "Godkendt\n", encoding="utf-8")
    imported = import_source(source)
    items = imported.meeting["items"]
    assert [(i["number"], i["title"], i.get("closed", False)) for i in items] == [
        (1, "Godkendelse af dagsorden", False), (2, "Budget", False), (3, "Salg af grund", True)]
    assert items[0]["decision"] == "Godkendt"
    assert "item 3: named only in the table of contents; its text is not in the source" in imported.unsure


def test_items_written_one_a_paragraph_are_no_table_of_contents(tmp_path: Path) -> None:
    # parish minutes as tests/corpus/real/keelby-pc-2024 writes them, three items in a row
    text = ("Those Present: Councillors T Wright (Chair), M Turner\n\n"
            "1. Apologies - Ref 24/104: Councillors P Wilks and R Bedwell.\n"
            "2. Introduction – Ref 24/105: The Chair welcomed everyone to the meeting.\n"
            "3. Minutes – Ref 24/106: Proposed and seconded; all in favour.\n")
    lines = lines_of(text)
    assert find_contents(lines, find_headers(lines)).entries == ()
    source = tmp_path / "minutes.txt"
    source.write_text(text, encoding="utf-8")
    imported = import_source(source)
    assert [i.get("decision") for i in imported.meeting["items"]] == [
        "Councillors P Wilks and R Bedwell.", "The Chair welcomed everyone to the meeting.",
        "Proposed and seconded; all in favour."]
    assert not any("table of contents" in line for line in imported.unsure)
