"""Items numbered 'Nr.': Fredensborg's item pages ('Nr.178 - Godkendelse af dagsordenen') and
Københavns Borgerrepræsentation's beslutningsprotokol ('Nr. 27  BR 551/06. Tillæg ...'), whose
case number stands between the item's number and its title."""

from __future__ import annotations

from pathlib import Path

from referat.importer.assemble import import_source
from referat.importer.headers import candidate
from referat.importer.lines import Line


def header(text: str) -> tuple[str, str, str | None]:
    found = candidate([Line(text, 1)], 0)
    assert found is not None
    return found.number, found.title, found.journal


def test_nr_numbers_an_item() -> None:
    assert header("Nr.178 - Godkendelse af dagsordenen") == ("178", "Godkendelse af dagsordenen", None)


def test_a_case_number_between_number_and_title_is_the_items_case_number() -> None:
    text = 'Nr. 27           BR 551/06. Tillæg nr. 1 til lokalplan nr. 279 "Islands Brygge Station"'
    assert header(text) == ("27", 'Tillæg nr. 1 til lokalplan nr. 279 "Islands Brygge Station"', "BR 551/06")


def test_a_title_that_starts_with_a_number_keeps_it() -> None:
    assert header("3. 2024 budgetopfølgning")[1:] == ("2024 budgetopfølgning", None)


def test_a_kk_dk_protocol_page_is_its_numbered_item(tmp_path: Path) -> None:
    source = tmp_path / "punkt-20.txt"
    source.write_text("Mødedato: 13.09.2007, kl. 17:30\n\nMedlemsforslag om Mayors for Peace\n\n"
                      "Borgerrepræsentationen\n\nBESLUTNINGSPROTOKOL\n\n"
                      "fra Ordinært møde torsdag den 13. september 2007\n\n"
                      "Nr. 20           BR 366/07. Medlemsforslag om Mayors for Peace\n\n"
                      "Medlemsforslaget blev tiltrådt med 34 stemmer imod 15.\n", encoding="utf-8")
    [item] = import_source(source).meeting["items"]
    assert (item["number"], item["title"], item["journal"]) == (20, "Medlemsforslag om Mayors for Peace",
                                                                "BR 366/07")
    assert item["decision"] == "Medlemsforslaget blev tiltrådt med 34 stemmer imod 15."


def test_items_after_a_closed_doors_line_are_closed(tmp_path: Path) -> None:
    # kk.dk's beslutningsprotokol (tests/corpus/real/kbh-br-2004-punkt28)
    source = tmp_path / "punkt-28.txt"
    source.write_text("Mødedato: 05.02.2004, kl. 17:30\nAftale om salg\nBorgerrepræsentationen\n"
                      "BESLUTNINGSPROTOKOL\nfra Ordinært møde torsdag den 5. februar 2004\n"
                      "Disse sager behandles for lukkede døre\nNr. 28 BR 40/04. Aftale om salg\n"
                      "Indstillingen blev godkendt med\n43 stemmer imod 5.\n", encoding="utf-8")
    result = import_source(source)
    [item] = result.meeting["items"]
    assert item["closed"] is True and "journal" not in item
    assert any("behind closed doors" in note for note in result.unsure)


def test_a_sentence_about_closed_doors_closes_nothing(tmp_path: Path) -> None:
    source = tmp_path / "dagsorden.txt"
    source.write_text("1. Spørgetid\n\nDer kan ikke stilles spørgsmål til sager, der normalt behandles "
                      "for lukkede døre\n\n2. Budget\n\nBeslutning\nGodkendt\n", encoding="utf-8")
    assert not any(i.get("closed") for i in import_source(source).meeting["items"])


def test_after_a_proposal_and_its_proposer_comes_the_decision(tmp_path: Path) -> None:
    # tests/corpus/real/kbh-br-2007-punkt24, as the stored page writes it
    source = tmp_path / "punkt-24.txt"
    source.write_text("Nr. 24 BR 242/07. Medlemsforslag om Gang i København og Åbenhed på Rådhuset\n"
                      "Det foreslås,\n1. at Rådhushallen stilles til rådighed for de koncerter, der "
                      "tidligere fandt sted flere gange om ugen på Jagtvej 69.\n(Stillet af Enhedslisten)\n"
                      "Indstillingen blev forkastet med 39 stemmer imod 5.\nFor stemte: Ø.\n"
                      "Imod stemte: A, B, C, F, O og V.\n", encoding="utf-8")
    [item] = import_source(source).meeting["items"]
    assert item["decision"].split("\n")[0] == "Indstillingen blev forkastet med 39 stemmer imod 5."
    assert "Rådhushallen" in item["sections"]["Det foreslås,"]


def test_a_decision_heading_wins_over_the_text_after_a_proposal(tmp_path: Path) -> None:
    # kk.dk's later pages (tests/corpus/real/kbh-br-2021-punkt10): the proposal, its proposer,
    # '(1. behandling)', the case's sections, and a decision heading of its own
    source = tmp_path / "punkt-10.txt"
    source.write_text("1. Forslag til tilpasninger af lokaludvalg\n\nIndstilling om,\n\n 1. at "
                      "Borgerrepræsentationen godkender forslaget.\n\n(Gruppeformandskredsen)\n\n"
                      "(1. behandling)\n\nProblemstilling\n\nArbejdet blev besluttet i 2018.\n\n"
                      "Beslutning\n\nGodkendt.\n", encoding="utf-8")
    [item] = import_source(source).meeting["items"]
    assert item["decision"] == "Godkendt."
    assert item["sections"]["Problemstilling"] == "Arbejdet blev besluttet i 2018."


def test_an_item_page_without_a_date_is_dated_by_its_last_decision_heading(tmp_path: Path) -> None:
    # Fredensborg's item pages (tests/corpus/real/fredensborg-br-2016-nr178) name the date only there
    source = tmp_path / "178.txt"
    source.write_text("Nr.178 - Godkendelse af dagsordenen\n\nBeslutning i Økonomiudvalget den 12-12-2016\n\n"
                      "Anbefales.\n\nBeslutning i Byrådet den 19-12-2016\n\nDagsordenen blev godkendt.\n",
                      encoding="utf-8")
    result = import_source(source)
    assert result.meeting["date"].isoformat() == "2016-12-19"
    assert any("read from the last decision heading" in note for note in result.unsure)
