"""Preamble labels and decision headings as Aabenraa's pages write them: a label after the members
ends their list, 'Beslutning <udvalg> den <dato>' is a decision heading, '• Udskriv' a link."""

from __future__ import annotations

from pathlib import Path

from referat.importer.assemble import import_source
from referat.importer.vocabulary import is_decision_heading

SOURCE = """Beslutningsprotokol

onsdag den 11. august 2021 kl. 09:00

Mødested: Lokale 412, Skelbækvej
Udvalg: Teknik- og Miljøudvalget
Medlemmer: Arne Leyh Petersen, Kurt Andresen, Eivind Underbjerg Hansen, Thomas Juhl, Jan Riber Jakobsen
Bemærkninger:
Udskriv hele dagsordnen
  • Udskriv
    Sagsid.: 20/33839, Sagsinitialer: AGVA

    Sagsfremstilling

    Udvalget godkender dagsordenen.

    Beslutning Teknik- og Miljøudvalget den 11-08-2021

    Godkendt.

  • Udskriv
    Sagsid.: 20/35762, Sagsinitialer: OLD2_AWS

    Sagsfremstilling

    Tillægget genfremlægges.
"""


def test_a_label_after_the_members_ends_their_list(tmp_path: Path) -> None:
    source = tmp_path / "referat.txt"
    source.write_text(SOURCE, encoding="utf-8")
    meeting = import_source(source).meeting
    assert [p["name"] for p in meeting["participants"]] == [
        "Arne Leyh Petersen", "Kurt Andresen", "Eivind Underbjerg Hansen", "Thomas Juhl",
        "Jan Riber Jakobsen"]
    item = meeting["items"][0]
    assert [i["journal"] for i in meeting["items"]] == ["20/33839", "20/35762"]
    assert item["decision"].endswith("Godkendt.") and "Udskriv" not in str(meeting)


def test_a_decision_heading_may_name_its_body_without_a_preposition() -> None:
    assert is_decision_heading("Beslutning Teknik- og Miljøudvalget den 11-08-2021")
    assert is_decision_heading("Beslutning i Økonomiudvalget den 4. marts 2024")
    assert not is_decision_heading("Beslutningen om skolen blev truffet den 4. marts, og siden er der sket "
                                   "meget")


def test_party_letters_after_a_comma_and_substitutes_under_afbud(tmp_path: Path) -> None:
    source = tmp_path / "referat.txt"
    source.write_text("Regionsrådet - Referat - 25. november 2019\n\nDeltagere\n\n • Stephanie Lose, V\n"
                      " • Villy Søvndal, F\n\n • Afbud\n\n • Villy Søvndal, F - Tine Hundahl Jensen "
                      "stedfortræder\n\n1. Regnskab\n\nBeslutning\nGodkendt.\n", encoding="utf-8")
    people = import_source(source).meeting["participants"]
    assert people == [
        {"name": "Stephanie Lose", "party": "V", "attendance": "present"},
        {"name": "Villy Søvndal", "party": "F", "attendance": "excused"},
        {"name": "Tine Hundahl Jensen", "attendance": "substitute", "substitute_for": "Villy Søvndal"}]


def test_names_run_together_and_a_role_before_the_name(tmp_path: Path) -> None:
    source = tmp_path / "minutes.txt"
    source.write_text("Brandon Town Council\nMinutes of the meeting held on 4 April 2005\n\n"
                      "Present: The Vice Chairman Cllr. Mrs E Milner, Cllr. R Silvester,\n"
                      "Cllr. Mrs C Arnold\nCllr. P Macloughlin\n\n1. Apologies\n\nNone.\n", encoding="utf-8")
    people = import_source(source).meeting["participants"]
    assert [(p["name"], p.get("role")) for p in people] == [
        ("Mrs E Milner", "vice chairman"), ("R Silvester", None), ("Mrs C Arnold", None),
        ("P Macloughlin", None)]


def test_a_title_right_above_its_case_number_line_is_the_items_title(tmp_path: Path) -> None:
    """Rødovre's pages: 'Spørgetid' over 'Sag nr. 129'; the title is not the previous item's text."""
    source = tmp_path / "referat.txt"
    source.write_text("Kommunalbestyrelsen\n\n24-09-2019\n\nSpørgetid\nSag nr. 129\n\nSagens kerne\n\n"
                      "Beslutning\n\nTaget til efterretning.\n\nTillæg 1 til Lokalplan 145\nSag nr. 130\n\n"
                      "Beslutning\n\nGodkendt.\n", encoding="utf-8")
    items = import_source(source).meeting["items"]
    assert [(i["number"], i["title"], i["decision"]) for i in items] == [
        (129, "Spørgetid", "Taget til efterretning."), (130, "Tillæg 1 til Lokalplan 145", "Godkendt.")]


def test_a_long_flattened_line_that_gives_the_date_is_kept_as_unplaced_data(tmp_path: Path) -> None:
    source = tmp_path / "referat.txt"
    line = ("1 Møde i Kommunalbestyrelsen mandag den 25. september 2006 i Kommunalbestyrelsens mødesal "
            "REFERAT Eventuelle skriftlige spørgsmål til Kommunalbestyrelsen frems af forældre blev besvaret")
    source.write_text(f"{line}\n\n1. Meddelelser\n\nBeslutning\nTaget til efterretning.\n", encoding="utf-8")
    meeting = import_source(source).meeting
    assert str(meeting["date"]) == "2006-09-25"
    assert [u["text"] for u in meeting["unplaced"]] == [line]  # its other words are not lost


def test_a_resolution_in_a_paragraph_of_its_own_is_the_decision(tmp_path: Path) -> None:
    """Wainfleet's minutes: the motion, the discussion, then 'PROPOSED, SECONDED and RESOLVED ...'
    with its vote; the paragraphs around it are the minute's text, kept apart from the decision."""
    source = tmp_path / "minutes.txt"
    source.write_text("Minutes of the Town Council held on Tuesday 1st August 2023\n\n"
                      "1. Election of Chair\n\n"
                      "To elect a chair for the Town Council.\n\nSM called for nominations.\n\n"
                      "PROPOSED, SECONDED and RESOLVED to elect Cllr. S.Mitchell as Chair.\n\n"
                      "Proposed by: Cllr Taylor   Seconded by: Cllr Gradwell\n\n"
                      "Cllr. SM duly signed the acceptance of office.\n", encoding="utf-8")
    item = import_source(source).meeting["items"][0]
    assert item["decision"] == ("PROPOSED, SECONDED and RESOLVED to elect Cllr. S.Mitchell as Chair.\n\n"
                                "Proposed by: Cllr Taylor   Seconded by: Cllr Gradwell")
    assert "duly signed" in str(item["sections"]) and "SM called" in str(item["sections"])


def test_members_listed_inside_a_line_of_flattened_text(tmp_path: Path) -> None:
    source = tmp_path / "referat.txt"
    source.write_text("1 Egebjerg Kommune Kommunalbestyrelsen Referat Dato: Mødested: Afbud fra: Onsdag den "
                      "15-maj-2002 Kommunalbestyrelsens mødelokaler Fraværende: Ingen. Mødedeltagere: "
                      "Arne Ebsen, Birger Jensen, Vibeke Rindom åben\n\n89. Kvartalsrapport\n\n"
                      "Beslutning\nTaget til efterretning.\n", encoding="utf-8")
    meeting = import_source(source).meeting
    assert [p["name"] for p in meeting["participants"]] == ["Arne Ebsen", "Birger Jensen", "Vibeke Rindom"]
