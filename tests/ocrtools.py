"""Find OCRmyPDF and Tesseract's Danish data, which `referat import` uses for scanned PDFs, or
install them.

`python tests/ocrtools.py --install` (a step of `make test`) installs Debian's `ocrmypdf` and
`tesseract-ocr-dan` with apt-get when they are missing and it runs as root. It prints what it
found; or, when it can neither find nor install them, one line saying what to run, and exits 1, so
the OCR tests (tests/test_import_ocr.py) never run without them unnoticed.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys

PACKAGES = ("ocrmypdf", "tesseract-ocr", "tesseract-ocr-dan")
WHAT_TO_RUN = f"run `sudo apt-get install {' '.join(PACKAGES)}` (Debian), or install OCRmyPDF and " \
              "Tesseract with its Danish data (`dan`) another way"


def missing() -> str | None:
    """What is missing, or None when OCRmyPDF and Tesseract with Danish are there."""
    if shutil.which("ocrmypdf") is None:
        return "no ocrmypdf"
    tesseract = shutil.which("tesseract")
    if tesseract is None:
        return "no tesseract"
    listed = subprocess.run([tesseract, "--list-langs"], capture_output=True, text=True, check=False)
    languages = (listed.stdout + listed.stderr).split()
    return None if "dan" in languages else "tesseract has no Danish data (tesseract-ocr-dan)"


def install() -> str | None:
    """apt-get install the packages; None when it worked, else why not."""
    apt = shutil.which("apt-get")
    if os.geteuid() != 0 or apt is None:
        return "not root" if apt else "no apt-get"
    env = {**os.environ, "DEBIAN_FRONTEND": "noninteractive"}
    for command in ([apt, "update"], [apt, "install", "-y", "--no-install-recommends", *PACKAGES]):
        result = subprocess.run(command, env=env, capture_output=True, text=True, check=False)
        if result.returncode != 0:
            return (result.stderr.strip().splitlines() or [f"exit status {result.returncode}"])[-1]
    return None


def main() -> int:
    why = missing()
    if why is not None and "--install" in sys.argv[1:]:
        failure = install()
        why = missing() if failure is None else f"{why}; apt-get: {failure}"
    if why is not None:
        print(f"OCR tools for scanned PDFs: {why}: {WHAT_TO_RUN}", file=sys.stderr)
        return 1
    print(f"OCR tools for scanned PDFs: {shutil.which('ocrmypdf')}, Tesseract with Danish")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
