"""The text of attached PDFs for search (issue 14, point 5): read once per file content and kept
in the cache, a PDF without a text layer or a hostile one is a build-log line, never a failure,
and nothing of a closed punkt is read."""

from __future__ import annotations

import dataclasses
import shutil
from pathlib import Path

import pytest

import hostile_pdfs
from referat import attachment_text
from referat.cache import Cache
from referat.engine import build_site
from referat.generators import Run
from referat.model import Archive

ROOT = Path(__file__).resolve().parent.parent
ATTACHED = "bilag/budget-2025-11.pdf"  # punkt 35 of the example's 2025-11-26


@pytest.fixture
def meetings(tmp_path: Path) -> Path:
    folder = tmp_path / "meetings"
    shutil.copytree(ROOT / "meetings", folder)
    return folder


def test_the_example_attachment_s_text_is_a_search_record(meetings: Path) -> None:
    site = build_site(meetings, "Referater")
    [record] = site.attachment_texts
    assert record.path == "integrationsraadet/" + ATTACHED
    assert record.page == "../2025-11-26/punkt-35/" and record.title == "Budget november 2025"
    assert "Puljeoversigt" in record.text and record.record.heading == "Punkt 35: Orientering"
    assert ("aar", "2025") in record.record.facets and site.notes == ()


def test_a_rebuild_reads_no_pdf_again(meetings: Path, tmp_path: Path,
                                      monkeypatch: pytest.MonkeyPatch) -> None:
    read: list[Path] = []
    original = attachment_text.read_text
    monkeypatch.setattr(attachment_text, "read_text", lambda p: read.append(p) or original(p))
    cache = Cache(tmp_path / "cache")
    first = build_site(meetings, "Referater", cache=cache).attachment_texts
    second = build_site(meetings, "Referater", cache=cache).attachment_texts
    assert len(read) == 1 and first == second
    (meetings / "integrationsraadet" / ATTACHED).write_bytes(
        hostile_pdfs.raw_pdf(hostile_pdfs.stream(hostile_pdfs.text_ops(b"Ny tekst"))))
    assert build_site(meetings, "Referater", cache=cache).attachment_texts[0].text == "Ny tekst"
    assert len(read) == 2  # a changed file is read afresh


def replace_attachment(meetings: Path, data: bytes) -> None:
    (meetings / "integrationsraadet" / ATTACHED).write_bytes(data)


def test_a_pdf_without_a_text_layer_is_a_log_line(meetings: Path) -> None:
    replace_attachment(meetings, hostile_pdfs.raw_pdf(hostile_pdfs.stream(b"0 0 m 100 100 l S")))
    site = build_site(meetings, "Referater")
    assert site.attachment_texts == [] and site.problems == []
    [note] = site.notes
    assert "2025-11-26.yml: punkt 35:" in note and ATTACHED in note
    assert "no text layer" in note and "ocrmypdf" in note


# The bomb and the nested objects cost 0.4 s of CPU each: `make test` runs them, `make check` not.
@pytest.mark.parametrize("write", [pytest.param(hostile_pdfs.truncated, marks=pytest.mark.slow),
                                   pytest.param(hostile_pdfs.bomb, marks=pytest.mark.slow),
                                   # (HTML named .pdf: check refuses it)
                                   pytest.param(hostile_pdfs.nested_objects, marks=pytest.mark.slow),
                                   hostile_pdfs.nested_content,
                                   lambda f: hostile_pdfs.encrypted(f, "x.pdf", "hemmelig", "AES-128")])
def test_a_hostile_pdf_is_a_log_line_not_a_failure(meetings: Path, tmp_path: Path, write) -> None:
    made = write(tmp_path)
    replace_attachment(meetings, made.read_bytes())
    site = build_site(meetings, "Referater")
    assert site.problems == [] and site.attachment_texts == [] and site.pages
    [note] = site.notes
    assert note.startswith("referat: ") and ATTACHED in note and "Traceback" not in note
    assert "search does not find" in note and "no text layer" not in note


def test_a_closed_punkt_s_attachment_is_never_read(meetings: Path,
                                                   monkeypatch: pytest.MonkeyPatch) -> None:
    site = build_site(meetings, "Referater")
    read: list[Path] = []
    monkeypatch.setattr(attachment_text, "read_text", lambda p: read.append(p))
    from referat.catalog import build_catalog
    from referat.loader import load

    archive, _ = load(meetings)
    closed = Archive(archive.bodies, tuple(dataclasses.replace(m, items=tuple(
        dataclasses.replace(i, closed=True) for i in m.items)) for m in archive.meetings))
    run = Run(build_catalog(closed), meetings, "Referater", outputs=list(site.pages))
    assert attachment_text.attachment_records(run) == [] and read == []
