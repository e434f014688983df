"""The text of attached PDFs, for search: read once per file content and kept in the cache.

Each PDF attached with `file:` to a public punkt becomes a search record of its own
(`AttachmentRecord`): its text, the punkt's search data and filters, and the file's address, so
a result found in it says "fundet i bilag" and links to the file (search.py writes the record's
page, soeg.js shows it). A closed punkt publishes no attachment, so none of its files is read.

An attachment comes from a case system or an e-mail, so it may be damaged or hostile. Its text is
read with the importer's bounds (importer/guard.py: the file looked at first, then pypdf in a
child process with limits on memory and time), and whatever goes wrong is one line in the build
log naming the file, never a failed build: the file is still published, only not searchable. A
PDF without a text layer (a scan) is such a line too, with the advice to run OCR on it.

The result, text or problem, is kept in the engine's cache under the digest of the file's bytes
and of how it is read, so a rebuild reads no PDF again, and a changed file is read afresh.
"""

from __future__ import annotations

import hashlib
import logging
import posixpath
from collections.abc import Sequence
from dataclasses import dataclass
from importlib.metadata import version
from pathlib import Path, PurePosixPath
from typing import Any
from urllib.parse import quote

from . import paths, urls
from .cache import Cache, digest
from .generators import Run, generator
from .model import Attachment, Item, Meeting
from .outputs import AttachmentRecord, BuildNote, Output, PageOutput

NAMESPACE = "attachment-text"
READ_SECONDS = 20  # for one file; a 300-page budget reads in a few seconds
MAX_PDF_BYTES = 200_000_000  # larger files are published, but not read for search
MAX_CHARS = 300_000  # of text kept for search from one file (about 150 pages)
RECIPE = f"pypdf {version('pypdf')} plain text, {MAX_CHARS} characters, {READ_SECONDS} s"
AGAIN = "save it again as a PDF (or print it to PDF) and build again; the file is published as it is"
OCR = "run OCR on it (e.g. `ocrmypdf --skip-text {name} {name}`) and build again; the file is " \
      "published as it is"


@dataclass(frozen=True)
class Extracted:
    """What reading a PDF gave: its text (words joined by single spaces), and, when search
    cannot find all of it, why (`problem`, a phrase: "has no text layer ...")."""

    text: str
    problem: str | None = None


def read_text(path: Path) -> Extracted:
    """The file's text, read within the importer's bounds; never raises for a bad file."""
    from .importer.guard import bounded
    from .importer.sources import SourceError

    try:
        size = path.stat().st_size
    except OSError as error:
        return Extracted("", f"cannot be read ({error.strerror or error})")
    if size > MAX_PDF_BYTES:
        return Extracted("", f"is {size / 1e6:,.0f} MB, more than the {MAX_PDF_BYTES / 1e6:,.0f} MB "
                             "read for search")
    try:
        return bounded(path, pdf_text, READ_SECONDS)
    except SourceError as error:
        return Extracted("", reason(str(error), path))


def reason(message: str, path: Path) -> str:
    """The importer's one-line error as a phrase about the file: "is protected by a password".
    Its advice is for an import, so it is left out (the note gives its own)."""
    phrase = message.removeprefix(f"{path}: ").split("; ")[0]
    return phrase.replace("importing it", "reading it").replace("the reader", "the PDF reader")


def pdf_text(path: Path) -> Extracted:
    """In the bounded child: every page's text, as words; at most MAX_CHARS of it."""
    from pypdf import PdfReader

    from .importer.guard import PartsSkipped, nested_message
    from .importer.sources import SourceError

    logging.getLogger("pypdf").setLevel(logging.ERROR)  # font warnings say nothing about the text
    skipped = PartsSkipped()  # pypdf gave up on an object and went on: the text would be short
    logging.getLogger("pypdf.generic").addHandler(skipped)
    logging.getLogger("pypdf.generic").setLevel(logging.WARNING)
    found = page_words(PdfReader(path))
    if skipped.count:
        raise SourceError(nested_message(path))
    return found


def page_words(reader: Any) -> Extracted:
    words: list[str] = []
    length = 0
    for page in reader.pages:
        for word in (page.extract_text() or "").split():
            length += len(word) + 1
            if length > MAX_CHARS:
                return Extracted(" ".join(words), f"holds more than {MAX_CHARS:,} characters of "
                                 "text, and only the first are searchable")
            words.append(word)
    text = " ".join(words)
    if not any(char.isalpha() for char in text):
        return Extracted("", "has no text layer (its pages are images, as a scan's are)")
    return Extracted(text)


def extract_once(path: Path, cache: Cache | None) -> Extracted:
    """The file's text, from the cache when a file of the same bytes was read before."""
    try:
        with path.open("rb") as handle:
            content = hashlib.file_digest(handle, "sha256").hexdigest()
    except OSError as error:
        return Extracted("", f"cannot be read ({error.strerror or error})")
    key = digest(NAMESPACE, RECIPE, content)
    if cache is not None:
        kept = cache.load(NAMESPACE, key)
        if isinstance(kept, Extracted):
            return kept
    found = read_text(path)
    if cache is not None:
        cache.store(NAMESPACE, key, found)
    return found


def is_pdf(attachment: Attachment) -> bool:
    return bool(attachment.file) and PurePosixPath(attachment.file or "").suffix.lower() == ".pdf"


@generator("attachment-text", AttachmentRecord)
def attachment_records(run: Run) -> Sequence[Output]:
    """A search record for each public punkt's attached PDF, and a log line for each PDF whose
    text search cannot find."""
    punkt_pages = {page.path: page for page in run.of(PageOutput)}
    made: list[Output] = []
    for meeting in run.catalog.archive.meetings:
        for item in meeting.items:
            if item.closed:  # only its title and decision are published: never its files' text
                continue
            page = punkt_pages.get(paths.item(meeting, item))
            for attachment in filter(is_pdf, item.attachments):
                made += records_of(run, meeting, item, attachment, page)
    return made


def records_of(run: Run, meeting: Meeting, item: Item, attachment: Attachment,
               page: PageOutput | None) -> list[Output]:
    """The attachment's record and, if search cannot find all its words, the log line why."""
    file = attachment.file or ""
    found = extract_once(run.meetings / meeting.body.slug / file, run.cache)
    made: list[Output] = []
    if found.problem:
        advice = OCR.format(name=PurePosixPath(file).name) if "text layer" in found.problem else AGAIN
        unsearchable = "part of it" if found.text else "its words"
        made.append(BuildNote(f"referat: {meeting.source}: punkt {item.number}: the attachment "
                              f"'{file}' {found.problem}, so search does not find {unsearchable}; "
                              f"{advice}"))
    if found.text and page is not None and page.search is not None:
        path = paths.attachment(meeting, file)
        made.append(AttachmentRecord(path, page_link(path, page.path), attachment.title,
                                     found.text, page.search))
    return made


def page_link(file_path: str, page_path: str) -> str:
    """The punkt page's address relative to the file's (so soeg.js resolves it against the
    result's own address, wherever the site is served): `../2025-11-26/punkt-35/`."""
    folder = posixpath.dirname(urls.output_path(page_path))
    return quote(posixpath.relpath(folder, posixpath.dirname(file_path) or ".") + "/")
