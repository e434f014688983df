"""How well `referat import` reads real minutes: tests/corpus/real (tuning) and tests/corpus/heldout.

For every document the importer's meeting is scored against expected.yml (see bench/evalscore.py,
and bench/decisionscore.py for the outcome, votes, absences and remarks read from the decisions),
and the figures are printed per importer stage, summed over the documents.

    .venv/bin/python bench/importeval.py              # the tuning corpus
    .venv/bin/python bench/importeval.py --heldout    # the held-out third (measure once, at the end)
    .venv/bin/python bench/importeval.py --each       # also one line per document
"""

from __future__ import annotations

import argparse
import sys
import traceback
from pathlib import Path

import yaml

sys.path.insert(0, str(Path(__file__).resolve().parent))

import decisionscore  # noqa: E402
from evalscore import Tally, checks_right, score  # noqa: E402

from referat.importer.assemble import import_source  # noqa: E402

CORPUS = Path(__file__).resolve().parent.parent / "tests" / "corpus"
STAGES = (
    ("reading", ("crashes",)),
    ("headers", ("items recall", "items precision")),
    ("items", ("numbers", "titles", "case numbers", "closed flags", "closed items found", "decisions")),
    ("facts", ("date", "participants")),
    ("output", ("words kept", "words kept (furniture aside)")),
    ("decision data", decisionscore.SHOWN),
)
TARGETS = {"checks": 0.95, "words kept": 0.99, "closed items found": 1.0, "crashes": 0}


def evaluate(folder: Path) -> Tally:
    """The importer's score on one document, a crash counted as such."""
    expected = yaml.safe_load((folder / "expected.yml").read_text(encoding="utf-8"))
    source = folder / "source.txt"
    try:
        imported = import_source(source)
    except Exception:  # noqa: BLE001 - a crash is a result here, and its trace is shown
        traceback.print_exc()
        tally = Tally()
        tally.add("crashes", 1)
        tally.add("items recall", 0, len(expected.get("items") or []))
        return tally
    dropped = "\n".join(d.line.text for d in imported.dropped)
    tally = score(expected, imported.meeting, source.read_text(encoding="utf-8"), dropped)
    decisionscore.score_meeting(expected.get("items") or [], imported.meeting.get("items") or [],
                                imported.unsure, tally)
    tally.add("crashes", 0)
    return tally


def percent(share: float | None) -> str:
    return "   -  " if share is None else f"{100 * share:5.1f}%"


def report(name: str, total: Tally, documents: int) -> list[str]:
    right, checks = checks_right(total)
    lines = [f"{name}: {documents} documents, {right} of {checks} checks right ({percent(right / checks)})"]
    for stage, figures in STAGES:
        lines.append(f"  {stage}")
        for figure in figures:
            if figure == "crashes":
                lines.append(f"    {figure:32} {total.right[figure]}")
                continue
            lines.append(f"    {figure:32} {percent(total.share(figure))}  "
                         f"({total.right[figure]} of {total.checks[figure]})")
    data_right, data_checks = decisionscore.checks_right(total)
    if data_checks:
        lines.append(f"  decision data: {data_right} of {data_checks} checks right "
                     f"({percent(data_right / data_checks)}), apart from the checks above; votes not "
                     f"read: {total.checks['votes missed silently']}, of them without a word under "
                     f"check by hand: {total.right['votes missed silently']}")
    lines.append("  targets: " + targets(total, right / checks))
    return lines


def targets(total: Tally, checks: float) -> str:
    met = {"checks": checks >= TARGETS["checks"],
           "words kept": (total.share("words kept") or 0) >= TARGETS["words kept"],
           "closed items found": total.share("closed items found") in (None, 1.0),
           "no crash": total.right["crashes"] == 0}
    return ", ".join(f"{k} {'met' if v else 'NOT met'}" for k, v in met.items())


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--heldout", action="store_true", help="score the held-out third instead")
    parser.add_argument("--each", action="store_true", help="a line per document as well")
    args = parser.parse_args()
    folder = CORPUS / ("heldout" if args.heldout else "real")
    documents = sorted(p for p in folder.iterdir() if (p / "expected.yml").is_file())
    total = Tally()
    for document in documents:
        tally = evaluate(document)
        total.merge(tally)
        if args.each:
            right, checks = checks_right(tally)
            data = "{}/{}".format(*decisionscore.checks_right(tally))
            print(f"  {document.name:40} {right:3}/{checks:<3} words {percent(tally.share('words kept'))}"
                  f"  decision data {data}")
    print("\n".join(report(folder.name, total, len(documents))))


if __name__ == "__main__":
    main()
