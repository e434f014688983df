"""The HTML reader keeps what the DOM says: bold and links as Markdown, attachments' addresses, and
items' titles that publishing systems put in an accordion's button."""

from __future__ import annotations

from pathlib import Path

from referat.importer.assemble import import_source
from referat.importer.html_source import read_html

PAGE = """<!doctype html><html lang="da"><head><title>Referat</title>
<link rel="canonical" href="https://www.fjordby.dk/politik/referater/bsu-2024-03-20/"></head><body>
<header><nav><a href="/">Forside</a></nav></header>
<main>
<h1>Børne- og skoleudvalget, referat 20. marts 2024</h1>
<div class="item">
  <button class="accordion" aria-expanded="false" aria-controls="p1">1. Godkendelse af dagsorden</button>
  <div id="p1"><h3>Beslutning</h3><p>Godkendt.</p>
  <button class="copy">Kopier link</button></div>
</div>
<div class="item">
  <button class="accordion" aria-expanded="false" aria-controls="p2">2. Skolestruktur i Fjordby Nord</button>
  <div id="p2">
    <h3>Indstilling</h3><p>Forvaltningen indstiller, at <strong>høringen</strong> sættes i gang,
    jf. <a href="https://www.fjordby.dk/hoering">høringssiden</a>.</p>
    <ol><li>at forslaget sendes i høring</li><li>at sagen genoptages i juni</li></ol>
    <h3>Beslutning</h3><p><b>Godkendt</b> med 5 stemmer mod 2.</p>
    <h3>Bilag</h3>
    <ul><li><a href="bilag/1.pdf">Høringsmateriale</a></li><li><a href="#top">Elevtal</a></li></ul>
  </div>
</div>
</main></body></html>"""


def imported(tmp_path: Path) -> dict:
    source = tmp_path / "referat.html"
    source.write_text(PAGE, encoding="utf-8")
    return import_source(source).meeting


def test_titles_in_an_accordions_buttons_are_items_and_copy_buttons_are_not(tmp_path: Path) -> None:
    items = imported(tmp_path)["items"]
    assert [(i["number"], i["title"]) for i in items] == [
        (1, "Godkendelse af dagsorden"), (2, "Skolestruktur i Fjordby Nord")]
    assert "Kopier" not in str(items)


def test_bold_links_and_numbered_lists_are_kept_as_markdown(tmp_path: Path) -> None:
    item = imported(tmp_path)["items"][1]
    indstilling = item["sections"]["Indstilling"]
    assert "at **høringen** sættes i gang, jf. [høringssiden](https://www.fjordby.dk/hoering)." in indstilling
    assert "1. at forslaget sendes i høring\n2. at sagen genoptages i juni" in indstilling
    assert item["decision"] == "**Godkendt** med 5 stemmer mod 2."


def test_attachment_links_keep_their_address_resolved_against_the_page(tmp_path: Path) -> None:
    item = imported(tmp_path)["items"][1]
    assert item["attachments"] == [
        {"title": "Høringsmateriale",
         "url": "https://www.fjordby.dk/politik/referater/bsu-2024-03-20/bilag/1.pdf"},
        {"title": "Elevtal"}]  # a link within the page is no address


def test_a_relative_link_on_a_page_that_does_not_say_where_it_is_stays_text() -> None:
    lines, _ = read_html('<p>Se <a href="/bilag/1">bilag 1</a> og <a href="javascript:x()">mere</a></p>')
    assert [line.text for line in lines if line.text] == ["Se bilag 1 og mere"]


def test_share_dialog_text_is_furniture_and_listed(tmp_path: Path) -> None:
    source = tmp_path / "referat.txt"
    source.write_text("Byrådet - Referat - 20. marts 2024\n\n1. Godkendelse af dagsorden\n\nBeslutning\n"
                      "Godkendt.\n\nKopier link\nTip en ven\nDel på Facebook\n", encoding="utf-8")
    imported = import_source(source)
    assert imported.meeting["items"][0]["decision"] == "Godkendt."
    assert {"Kopier link", "Tip en ven", "Del på Facebook"} <= {d.line.text for d in imported.dropped}
