"""The real corpus (tests/corpus/real): every draft the importer writes of a published document
passes `referat check --strict` once its `unplaced` text has been dealt with, and not before.

Dealing with it is the reviewer's work: each unplaced line is moved to its field or deleted, and
then the field. A draft with no date gets the one the reviewer writes by hand, as its summary asks.
The held-out third (tests/corpus/heldout) is measured only by bench/importeval.py."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

from referat.cli import main
from referat.importer.assemble import import_source
from referat.importer.command import draft
from referat.importer.emit import scalar

REAL = Path(__file__).parent / "corpus" / "real"
DOCUMENTS = sorted(p for p in REAL.iterdir() if (p / "source.txt").is_file())


def check_strict(tmp_path: Path, text: str, date: dt.date, body: str) -> tuple[int, str]:
    folder = tmp_path / "meetings" / "organ"
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "body.yml").write_text(f"name: {scalar(body)}\n", encoding="utf-8")
    (folder / f"{date.isoformat()}.yml").write_text(text, encoding="utf-8")
    result = CliRunner().invoke(main, ["check", "--strict", str(tmp_path / "meetings")])
    return result.exit_code, result.output


def deal_with(meeting: dict[str, Any]) -> None:
    """What the reviewer does with the unplaced lines: where the importer found no item, they
    become the item the reviewer writes; else each is deleted (or moved to its field), then the
    field."""
    unplaced = meeting.pop("unplaced")
    if not meeting["items"]:
        text = " ".join(str(line["text"]) for line in unplaced)
        meeting["items"] = [{"number": 1, "title": "Punkt 1", "decision": text}]


def test_the_real_corpus_is_there() -> None:
    assert len(DOCUMENTS) >= 29


@pytest.mark.parametrize("document", DOCUMENTS, ids=lambda p: p.name)
def test_a_real_draft_passes_strict_check_once_its_unplaced_text_is_dealt_with(
        document: Path, tmp_path: Path) -> None:
    imported = import_source(document / "source.txt")
    meeting = imported.meeting
    if not isinstance(meeting.get("date"), dt.date):
        meeting["date"] = dt.date(2000, 1, 1)  # written by hand, as the summary asks
    body = imported.body or "Organ"
    if meeting.get("unplaced"):
        status, output = check_strict(tmp_path, draft(imported), meeting["date"], body)
        assert status == 1 and "unplaced: warning" in output  # unread text blocks the merge
        deal_with(meeting)
    status, output = check_strict(tmp_path, draft(imported), meeting["date"], body)
    assert status == 0, output
