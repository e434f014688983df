"""How `referat import` meets hostile and broken sources: time, peak memory and what it says.

Writes each case of tests/hostile_pdfs.py (bombs, deep nesting, encryption, wrong extensions,
truncation, 5 MB lines) into a temporary folder and runs `referat import FILE` on it as a separate
process, as a user would. For each it prints the wall time, the peak resident memory of the
command and of the reader it starts, the exit status and the first line of standard error. The
issue's limits are 30 s and 1 GB and no traceback; a case past them is marked.

    .venv/bin/python bench/hostile_import.py [--case NAME]
"""

from __future__ import annotations

import argparse
import os
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "tests"))

from hostile_pdfs import CASES, Case  # noqa: E402

SECONDS, BYTES = 30, 1 << 30
WATCHDOG = 300  # seconds: a case that runs this long is stopped, so the bench itself ends
REFERAT = Path(sys.executable).parent / "referat"


def run(case: Case, folder: Path) -> tuple[float, int, int, str, bool]:
    """Wall seconds, peak memory (bytes), exit status, first stderr line, and any traceback."""
    source = case.write(folder)
    start = time.monotonic()
    # A new process group, so that the watchdog can stop the command and any reader it started.
    with subprocess.Popen([str(REFERAT), "import", str(source)], stdout=subprocess.DEVNULL,
                          stderr=subprocess.PIPE, text=True, start_new_session=True) as child:
        try:
            _, err = child.communicate(timeout=WATCHDOG)
        except subprocess.TimeoutExpired:
            os.killpg(child.pid, 9)
            _, err = child.communicate()
            err = f"(stopped by the bench after {WATCHDOG} s)\n{err}"
    seconds = time.monotonic() - start
    peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss * 1024  # KiB on Linux
    first = next((line for line in err.splitlines() if line.strip()), "")
    return seconds, peak, child.returncode, first, "Traceback" in err


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--case", action="append", help="only the cases whose name holds this")
    args = parser.parse_args()
    cases = [c for c in CASES if not args.case or any(part in c.name for part in args.case)]
    print(f"{'case':34} {'time':>7} {'peak':>9} {'exit':>4}  first line of stderr")
    for case in cases:
        with tempfile.TemporaryDirectory(prefix="hostile-import-") as folder:
            # Each case in a fresh process of its own, so that its peak is not an earlier case's.
            result = subprocess.run([sys.executable, __file__, "--one", case.name, folder],
                                    capture_output=True, text=True, check=False)
            print(result.stdout.rstrip() or f"{case.name:34} failed: {result.stderr[-500:]}")


def one(name: str, folder: Path) -> None:
    case = next(c for c in CASES if c.name == name)
    seconds, peak, code, first, traceback = run(case, folder)
    over = [what for what, bad in (("over 30 s", seconds > SECONDS), ("over 1 GB", peak > BYTES),
                                   ("TRACEBACK", traceback)) if bad]
    marks = f"  <-- {', '.join(over)}" if over else ""
    print(f"{case.name:34} {seconds:6.2f}s {peak / 2**20:7.0f}MB {code:>4}  {first[:150]}{marks}")


if __name__ == "__main__":
    if len(sys.argv) == 4 and sys.argv[1] == "--one":
        one(sys.argv[2], Path(sys.argv[3]))
    else:
        main()
