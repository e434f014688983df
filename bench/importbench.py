"""How long `referat import` takes on a 100-page PDF of minutes (issue target: under 10 seconds).

Builds the PDF from a synthetic meeting of many items with the tests' PDF maker (fpdf2: a running
header and a "Side N af M" footer on every page), then times the importer on it, best of --repeat.

    .venv/bin/python bench/importbench.py --pages 100
"""

from __future__ import annotations

import argparse
import random
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "tests"))

from pdfmaker import make_pdf  # noqa: E402
from referat.importer.assemble import import_source  # noqa: E402

SECTIONS = ("Resumé", "Sagsfremstilling", "Økonomi", "Indstilling", "Beslutning")
WORDS = ("kommunen", "budgettet", "lokalplanen", "høringssvarene", "forvaltningen", "udvalget", "skolen",
         "borgerne", "anlægsbevillingen", "vedtages", "godkendes", "drøftes", "projektet", "området")


def minutes(items: int, seed: int) -> list[str]:
    """A meeting of `items` items, each with five sections of a few sentences."""
    rng = random.Random(seed)
    lines = ["REFERAT", "", "Byrådet", "", "Mødedato: 20. marts 2024", "Tidspunkt: kl. 17.00-21.30",
             "Mødested: Byrådssalen", ""]
    for number in range(101, 101 + items):
        lines += [f"Punkt {number}: Sag om {rng.choice(WORDS)} og {rng.choice(WORDS)}", "",
                  f"Sagsnr.: 24/{rng.randrange(10000, 99999)}", ""]
        for heading in SECTIONS:
            sentence = lambda: " ".join(rng.choice(WORDS) for _ in range(12)).capitalize() + "."  # noqa: E731
            lines += [heading, " ".join(sentence() for _ in range(rng.randrange(2, 5))), ""]
    return lines


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--pages", type=int, default=100, help="about this many pages (default 100)")
    parser.add_argument("--repeat", type=int, default=3, help="runs; the best is reported (default 3)")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        pdf = Path(folder) / "referat.pdf"
        items = max(1, args.pages * 7 // 5)  # about 0.7 pages an item
        make_pdf(minutes(items, seed=1), pdf, header="Søholm Kommune  Byrådet 20-03-2024")
        from pypdf import PdfReader

        pages = len(PdfReader(pdf).pages)
        best = float("inf")
        for _ in range(args.repeat):
            started = time.perf_counter()
            imported = import_source(pdf)
            best = min(best, time.perf_counter() - started)
    found = len(imported.meeting["items"])
    print(f"{pages} pages, {items} items written, {found} items imported, "
          f"{len(imported.dropped)} furniture lines left out: {best:.2f} s (best of {args.repeat})")


if __name__ == "__main__":
    main()
