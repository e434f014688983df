"""Flattened text (a PDF's page on one line) and minute references before an item's number."""

from __future__ import annotations

from referat.importer.flattened import split_flattened
from referat.importer.headers import candidate
from referat.importer.lines import Line

PAGE = ("2 Kommunalbestyrelsens møde 28. november 2005 Punkt 1: Der var ingen meddelelser. "
        "ØKONOMIUDVALGET 2. Ny styrelsesvedtægt - 2. behandling Økonomiudvalget den 25. oktober 2005, "
        "pkt. 3 Resumé Kommunernes anliggender styres af kommunalbestyrelser, der vælges efter reglerne "
        "i den kommunale valglov. 3. Ændring af vedtægt for Folkeoplysningsudvalget Resumé Vedtægten")


def test_a_flattened_page_is_split_before_its_item_headers_and_its_page_number() -> None:
    texts = [line.text for line in split_flattened([Line(PAGE, 7)])]
    assert texts[0] == "2"
    assert [t[:12] for t in texts[1:]] == ["Kommunalbest", "Punkt 1: Der", "2. Ny styrel", "3. Ændring a"]
    assert " ".join(texts) == PAGE


def test_a_short_line_or_one_header_is_left_alone() -> None:
    line = Line("1. Godkendelse af dagsorden, som 2. udgave viser", 1)
    assert split_flattened([line]) == [line]
    long = Line("Der var enighed om 12. Punkt " + "tekst " * 60, 2)
    assert split_flattened([long]) == [long]


def test_a_minute_reference_before_the_number_is_the_items_case_number() -> None:
    header = candidate([Line("C048/23      1.         APOLOGIES FOR ABSENCE.", 1)], 0)
    assert header is not None
    assert (header.number, header.title, header.journal) == ("1", "APOLOGIES FOR ABSENCE.", "C048/23")


def test_a_list_of_members_one_a_line_goes_on_over_blank_lines(tmp_path) -> None:
    from referat.importer.assemble import import_source

    source = tmp_path / "minutes.txt"
    source.write_text("Minutes of the Parish Council held on 5 May 2021\n\nPresent:\n\n"
                      "Cllr Mr A H Porter (Chair)\n\nCllr Mrs B Abbott\n\nAbsent:\n\n"
                      "  There were no absences\n\n1. ELECTION OF CHAIR\n\nIt was RESOLVED that "
                      "Cllr Porter be elected Chair.\n", encoding="utf-8")
    people = import_source(source).meeting["participants"]
    assert [(p["name"], p.get("role")) for p in people] == [("Mr A H Porter", "Chair"),
                                                            ("Mrs B Abbott", None)]


# A document-sharing site's transcript (tests/corpus/real/ballerup-kb-2005 and
# aarhus-byraad-transcript): the page's title and its 'Download "..."' echo name the file.
DOCPLAYER = ('2... Ny "Styrelsesvedtægt for Ballerup Kommune" - 2. behandling/endelig vedtagelse 3\n\n'
             'Størrelse: px\nStarte visningen fra side:\n\n'
             'Download "2... Ny "Styrelsesvedtægt for Ballerup Kommune" - 2. behandling/endelig '
             'vedtagelse 3"\n\nTranskript\n\n')


def test_a_transcripts_own_title_is_no_item(tmp_path) -> None:
    from referat.importer.assemble import import_source

    source = tmp_path / "transcript.txt"
    page = ("1 Møde i Kommunalbestyrelsen mandag den 28. november 2005, Kl i Kommunalbestyrelsens "
            "mødesal REFERAT Eventuelle skriftlige spørgsmål til Kommunalbestyrelsen, jf. bestemmelse "
            "i 1, stk. 5, i \"Forretningsorden for Ballerup Kommunalbestyrelse\".\n")
    source.write_text(DOCPLAYER + page, encoding="utf-8")
    meeting = import_source(source).meeting
    assert not meeting.get("items")
    assert any("Styrelsesvedtægt" in line["text"] for line in meeting["unplaced"])  # kept, for review


def test_flattened_sag_headers_are_split_and_a_long_one_ends_its_title_at_its_first_sentence() -> None:
    text = ("1 Sag 5: Fortællingen om Aarhus og Aarhusmål. Sag 6: Forslag fra Henrik Vestergaard: "
            "Én by Én strategi. Så vender vi tilbage til de sager, som kræver lidt længere tid, og er "
            "kommet til sagerne 5 og 6, hvor der er begæret udvidet taletid. Vi gør det, som jeg "
            "antager, som vi plejer, nemlig at have det første indlæg uden taletid.")
    lines = split_flattened([Line(text, 3)])
    assert [line.text[:6] for line in lines] == ["1", "Sag 5:", "Sag 6:"]
    headers = [candidate(lines, i) for i in range(len(lines))]
    assert [(h.number, h.title) for h in headers if h] == [
        ("5", "Fortællingen om Aarhus og Aarhusmål."),
        ("6", "Forslag fra Henrik Vestergaard: Én by Én strategi")]
    assert headers[2] is not None and headers[2].rest.startswith("Så vender vi tilbage")


# Ballerup's minutes as a document-sharing site flattened them (tests/corpus/real/ballerup-kb-2005
# and ballerup-kb-2006): a page a line, item 1's header at the end of page 1.
BALLERUP = [
    "1 Møde i Kommunalbestyrelsen mandag den 28. november 2005, Kl i Kommunalbestyrelsens mødesal "
    "REFERAT Eventuelle skriftlige spørgsmål til Kommunalbestyrelsen, jf. bestemmelse i 1, stk. 5. "
    "INDHOLDSFORTEGNELSE 1... Meddelelser Ny \"Styrelsesvedtægt for Ballerup Kommune\" 1. Meddelelser",
    "",
    "2 Kommunalbestyrelsens møde 28. november 2005 Punkt 1: Der var ingen meddelelser. ØKONOMIUDVALGET "
    "2. Ny \"Styrelsesvedtægt for Ballerup Kommune\" - 2. behandling/endelig vedtagelse Økonomiudvalget "
    "den 25. oktober 2005, pkt. 3 Kommunalbestyrelsen den 31. oktober 2005, pkt. 3 Resumé Kommunernes "
    "anliggender styres af kommunalbestyrelser.",
    "",
    "3 I styrelsesvedtægten fastsættes bl.",
]


def test_headers_follow_each_other_across_flattened_pages() -> None:
    lines = split_flattened([Line(text, n) for n, text in enumerate(BALLERUP, 1)])
    texts = [line.text for line in lines if not line.blank]
    assert "1. Meddelelser" in texts
    assert any(t.startswith("2. Ny \"Styrelsesvedtægt") for t in texts)
    assert texts[-2:] == ["3", "I styrelsesvedtægten fastsættes bl."]  # page 3, short: no item 3


def test_where_the_item_was_treated_before_ends_its_title() -> None:
    text = ("2. Anden egentlige budgetopfølgning for regnskabsåret Økonomiudvalget den 21. marts 2006, "
            "pkt. 4 Økonomiudvalgets møde 23. maj 20")
    header = candidate([Line(text, 1)], 0)
    assert header is not None and header.title == "Anden egentlige budgetopfølgning for regnskabsåret"
    assert header.rest.startswith("Økonomiudvalget den 21. marts 2006, pkt. 4")


def test_a_long_header_line_ends_its_title_before_its_first_lettered_point() -> None:
    text = ("1. Meddelelser a) Der afholdes ekstraordinært kommunalbestyrelsesmøde onsdag den 29. "
            "november 2006, kl samt forudgående ekstraordinært økonomiudvalgsmøde kl i "
            "Kommunalbestyrelsessalen vedr. endelig behandling af forslag til nedlæggelse af Parkskolen. "
            "Kommunalbestyrelsens møde 25. september 2006 Punkt 1: Ovennævnte ekstraordinære møde flyttes")
    header = candidate([Line(text, 1)], 0)
    assert header is not None and (header.title, header.rest[:16]) == ("Meddelelser", "a) Der afholdes ")


def test_the_bodys_record_of_an_item_heads_its_decision() -> None:
    from referat.importer.vocabulary import is_decision_heading

    assert is_decision_heading("Kommunalbestyrelsens møde 28. november 2005 Punkt 1:")
    assert not is_decision_heading("Kommunalbestyrelsens møde 28. november 2005")
