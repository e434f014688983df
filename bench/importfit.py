"""Which header-score weights the real corpus prefers: each weight moved, the checks right measured.

For every weight of `referat.importer.headerscore.WEIGHTS` (and the chain's LINK and MIN_CHAIN),
the tuning corpus (tests/corpus/real, never the held-out third) is scored with the weight set to
each value in a small range, the others as they are. A row shows the checks right per value; `*`
marks the weight's current value. A weight whose row is flat is one the corpus cannot tell; one
with a better value elsewhere is a candidate change.

    .venv/bin/python bench/importfit.py [--ascend]

With --ascend, weights are moved one at a time to their best value, in turn, until no move gains,
and the final weights are printed (nothing is written: change headerscore.py by hand, and run
importeval.py).
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from evalscore import Tally, checks_right  # noqa: E402
from importeval import CORPUS, evaluate  # noqa: E402

from referat.importer import headers, headerscore  # noqa: E402

SPREAD = (-2, -1, 0, 1, 2)


def measure(documents: list[Path]) -> int:
    total = Tally()
    for document in documents:
        total.merge(evaluate(document))
    return checks_right(total)[0]


def setting(name: str) -> int:
    return headerscore.WEIGHTS[name] if name in headerscore.WEIGHTS else int(getattr(headers, name))


def put(name: str, value: int) -> None:
    if name in headerscore.WEIGHTS:
        headerscore.WEIGHTS[name] = value
    else:
        setattr(headers, name, value)


def row(name: str, documents: list[Path]) -> dict[int, int]:
    current = setting(name)
    values = sorted({current + d for d in SPREAD} | {0})
    out = {}
    for value in values:
        put(name, value)
        out[value] = measure(documents)
    put(name, current)
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--ascend", action="store_true", help="move weights to their best values")
    args = parser.parse_args()
    documents = sorted(p for p in (CORPUS / "real").iterdir() if (p / "expected.yml").is_file())
    names = [*headerscore.WEIGHTS, "LINK", "MIN_CHAIN"]
    print(f"checks right with the current weights: {measure(documents)}")
    changed = True
    while changed:
        changed = False
        for name in names:
            scores = row(name, documents)
            current = setting(name)
            cells = "  ".join(f"{v:+d}:{s}{'*' if v == current else ''}" for v, s in scores.items())
            flat = " (flat: the corpus cannot tell)" if len(set(scores.values())) == 1 else ""
            print(f"{name:18} {cells}{flat}")
            best = max(scores, key=lambda v: (scores[v], -abs(v - current)))
            if args.ascend and scores[best] > scores[current]:
                put(name, best)
                changed = True
        if args.ascend:
            print("weights:", {n: setting(n) for n in names}, "checks right:", measure(documents))
        changed = changed and args.ascend


if __name__ == "__main__":
    main()
