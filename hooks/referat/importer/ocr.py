"""Reading a scanned PDF (pages that are images, no text layer) with OCRmyPDF and Tesseract's
Danish and English data, when they are installed (Debian: `apt-get install ocrmypdf
tesseract-ocr-dan`; `make ocr` finds or installs them).

OCRmyPDF writes the recognised text of every page to a sidecar file, a form feed between pages,
which the PDF reader then reads as it reads a text layer. Recognised text has misread letters: the
summary says so, and the draft needs a careful reading.
"""

from __future__ import annotations

import contextlib
import shutil
import subprocess
import tempfile
from collections.abc import Iterator
from pathlib import Path

LANGUAGES = "dan+eng"
HOW_TO_INSTALL = ("install OCRmyPDF and Tesseract's Danish data (Debian: `apt-get install ocrmypdf "
                  "tesseract-ocr-dan`, or `make ocr`), or run OCR on it yourself and import the result")
READ: set[Path] = set()  # the sources read by OCR in this run, for the summary's note
NOTE = "the PDF has no text layer: its text was read by OCR, so letters may be misread; read it closely"


OCR_SECONDS = 900  # the time limit of an import that runs OCR (a page takes a few seconds)
_deferred = False  # set while an import is tried within the usual time limit (guard.py)


class NeedsOcr(Exception):
    """The PDF is scanned: the import is tried again with OCR's longer time limit."""


@contextlib.contextmanager
def deferred() -> Iterator[None]:
    """Within this, a scanned PDF raises NeedsOcr instead of running OCR (the guard's forked
    reader sees the flag as it was when it was forked)."""
    global _deferred
    _deferred = True
    try:
        yield
    finally:
        _deferred = False


def ocr_pages(path: Path) -> list[str]:
    """The recognised text of every page of a scanned PDF."""
    from .sources import SourceError

    if _deferred:
        raise NeedsOcr(str(path))

    ocrmypdf = shutil.which("ocrmypdf")
    if ocrmypdf is None:
        raise SourceError(f"{path}: the PDF has no text layer (it is scanned images); {HOW_TO_INSTALL}")
    with tempfile.TemporaryDirectory(prefix="referat-ocr-") as folder:
        sidecar = Path(folder) / "text.txt"
        command = [ocrmypdf, "--quiet", "--skip-text", "--output-type", "pdf", "-l", LANGUAGES,
                   "--sidecar", str(sidecar), str(path), str(Path(folder) / "ocr.pdf")]
        try:
            result = subprocess.run(command, capture_output=True, text=True, timeout=1800, check=False)
        except (OSError, subprocess.TimeoutExpired) as error:
            raise SourceError(f"{path}: OCR of the scanned PDF failed ({error}); {HOW_TO_INSTALL}") from error
        if result.returncode != 0 or not sidecar.is_file():
            why = (result.stderr.strip().splitlines() or [f"exit status {result.returncode}"])[-1]
            raise SourceError(f"{path}: OCR of the scanned PDF failed ({why}); {HOW_TO_INSTALL}")
        READ.add(path.resolve())
        return sidecar.read_text(encoding="utf-8").split("\f")
