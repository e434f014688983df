"""Importing a source file with bounds, so that whatever the file holds the importer gives a draft
or one line naming the file, what is wrong with it and what to do, never a traceback.

Sources come from case systems, e-mail and the web, so some are damaged or hostile: an encrypted or
password-protected PDF, a decompression bomb, objects nested 100,000 deep, an HTML page or a Word
file saved as .pdf, a file cut off in the middle, a 5 MB line. Three layers stop them:

1. The file is looked at before it is read: empty, too large, not what its extension says (by its
   first bytes), or a PDF without its end marker (cut off).
2. The import runs in a forked child process with at most `MEMORY_BYTES` of address space and
   `IMPORT_SECONDS` of processor time, and is stopped after `IMPORT_SECONDS` of wall time.
   Whatever happens there (a limit, a RecursionError, a crash of a C extension) becomes one line.
3. What the reader gave is checked (`checked_read`): pypdf read all of it, and no line is longer
   than `MAX_LINE` characters, so no later stage meets one.

assemble.import_source, where the importer opens a source, calls both; the readers themselves
(sources.py, pdf_source.py, html_source.py) know nothing of it.
"""

from __future__ import annotations

import contextlib
import faulthandler
import logging
import multiprocessing
import os
import signal
from collections.abc import Callable
from multiprocessing.connection import Connection
from pathlib import Path
from typing import Any, TypeVar, cast

from .lines import Dropped, Line
from .ocr import NeedsOcr
from .sources import SUFFIXES, SourceError

Read = tuple[list[Line], list[Dropped]]
T = TypeVar("T")

IMPORT_SECONDS = 20  # of the 30 s for `referat import`: the rest for its start and the check
MEMORY_BYTES = 1 << 30  # 1 GiB of address space for the reader
MAX_LINE = 20_000  # characters: a whole page of minutes in one paragraph is about 4,000
MAX_TEXT_BYTES = 50_000_000  # a text or HTML export of one meeting is well under 5 MB
EOF_WINDOW = 16_384  # bytes at a PDF's end that must hold its %%EOF marker
AGAIN = "export the minutes again from the case system, or import them as text"

TEXT_SUFFIXES = (".txt", ".md", ".markdown", ".html", ".htm")
ZIPPED = (".docx", ".odt")  # documents that are ZIP archives inside
# What a file is by its first bytes, for a file that is not what its extension says.
SIGNATURES: tuple[tuple[bytes, str], ...] = (
    (b"%PDF-", "a PDF"),
    (b"PK\x03\x04", "a ZIP archive (a Word .docx, an OpenDocument file or a .zip)"),
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", "an old Office file (a Word .doc or an Outlook .msg)"),
    (b"{\\rtf", "an RTF document"),
    (b"\x89PNG", "a PNG image"), (b"\xff\xd8\xff", "a JPEG image"), (b"GIF8", "a GIF image"),
    (b"II*\x00", "a TIFF image"), (b"MM\x00*", "a TIFF image"),
    (b"\x1f\x8b", "a gzip archive"), (b"7z\xbc\xaf", "a 7-Zip archive"), (b"Rar!", "a RAR archive"),
    (b"\xff\xfe", "UTF-16 text"), (b"\xfe\xff", "UTF-16 text"),
)
HTML_STARTS = (b"<!doctype html", b"<html", b"<head", b"<body", b"<?xml", b"<meta", b"<div", b"<p>")
ADVICE = {
    "a PDF": "rename it to .pdf and import it again",
    "an HTML page": "rename it to .html and import it again",
    "a text file": "rename it to .txt and import it again",
    "UTF-16 text": "save it as UTF-8 text (or as PDF) and import that",
}
OFFICE_ADVICE = "open it and save it as PDF or text (or print it to PDF), and import that"
IMAGE_ADVICE = "run OCR on it (for example with ocrmypdf) and import the resulting PDF"


def bounded(path: Path, work: Callable[[Path], T], seconds: int | None = None) -> T:
    """`work(path)`, with the file looked at first and the work bounded in time and memory:
    `seconds` (IMPORT_SECONDS by default; more for work known to be long, such as OCR)."""
    look_at(path)
    if not hasattr(os, "fork"):  # no fork (Windows): work in this process, errors still one line
        try:
            return work(path)
        except SourceError:
            raise
        except BaseException as error:
            raise SourceError(explain(path, error)) from error
    return in_child(path, work, seconds or IMPORT_SECONDS)


def look_at(path: Path) -> None:
    """Refuse a file that is empty, too large or not what its extension says, before reading it."""
    try:
        size = path.stat().st_size
        with path.open("rb") as handle:
            head = handle.read(1024)
            handle.seek(max(0, size - EOF_WINDOW))
            tail = handle.read()
    except OSError as error:
        raise SourceError(f"{path}: cannot be read ({error.strerror or error}); check that it is a "
                          "file you may read") from error
    if size == 0:
        raise SourceError(f"{path}: is empty (0 bytes); {AGAIN}")
    kind, suffix = what_is(head), path.suffix.lower()
    if suffix == ".pdf":
        if kind != "a PDF":
            raise SourceError(f"{path}: is not a PDF but {kind}; {advice(kind)}")
        if b"%%EOF" not in tail:
            raise SourceError(f"{path}: is cut off (it ends before a PDF's end marker %%EOF, after "
                              f"{size:,} bytes); download or export it again")
    elif suffix in ZIPPED and suffix in SUFFIXES:  # only where a reader exists for it
        if not kind.startswith("a ZIP archive"):
            raise SourceError(f"{path}: is not a {suffix} document but {kind}; {advice(kind)}")
    elif suffix in TEXT_SUFFIXES:
        is_html = suffix in (".html", ".htm")
        if kind not in ("a text file", "an HTML page") or kind == "an HTML page" and not is_html:
            raise SourceError(f"{path}: is {kind}, not {'HTML' if is_html else 'text'}; "
                              f"{advice(kind)}")
        if size > MAX_TEXT_BYTES:
            raise SourceError(f"{path}: is {size / 1e6:,.0f} MB, far more than the text of one "
                              "meeting; export each meeting on its own, without embedded images")
    # Any other suffix is the reader's to accept or refuse.


def what_is(head: bytes) -> str:
    """What a file's first bytes say it is."""
    if b"%PDF-" in head:  # the standard lets a few bytes of junk come before it
        return "a PDF"
    for signature, kind in SIGNATURES:
        if head.startswith(signature):
            return kind
    start = head.lstrip(b"\xef\xbb\xbf \t\r\n").lower()
    if start.startswith(HTML_STARTS):
        return "an HTML page"
    if b"\x00" in head:
        return "a binary file"
    return "a text file"


def advice(kind: str) -> str:
    if kind in ADVICE:
        return ADVICE[kind]
    if "image" in kind:
        return IMAGE_ADVICE
    if "archive" in kind or "Office" in kind or "RTF" in kind:
        return OFFICE_ADVICE
    return f"it is not minutes as text, HTML or PDF; {AGAIN}"


def in_child(path: Path, work: Callable[[Path], T], seconds: int) -> T:
    """`work(path)` in a forked child with bounded memory and time; its result, or its error."""
    context = multiprocessing.get_context("fork")
    receiver, sender = context.Pipe(duplex=False)
    child = context.Process(target=child_main, args=(path, work, sender, seconds), daemon=True)
    try:
        child.start()
    except OSError as error:  # no process left to fork (a limit, or no memory)
        receiver.close()
        raise SourceError(f"{path}: could not start the reader ({error}); close other programs, "
                          "or raise the limit on processes, and import again") from error
    finally:
        sender.close()
    try:
        outcome: tuple[str, Any] = ("timeout", None)
        if receiver.poll(seconds):
            outcome = receiver.recv()
    except (EOFError, OSError):
        outcome = ("died", None)
    finally:
        receiver.close()
        if child.is_alive():
            child.kill()
        child.join()
    return cast(T, outcome_of(path, outcome, child.exitcode, seconds))  # what work returned, sent back


def outcome_of(path: Path, outcome: tuple[str, Any], exitcode: int | None, seconds: int) -> Any:
    kind, value = outcome
    if kind == "ok":
        return value
    if kind == "error":
        raise SourceError(value)
    if kind == "ocr":
        raise NeedsOcr(value)
    if kind == "timeout" or exitcode == -signal.SIGXCPU:
        raise SourceError(f"{path}: importing it took more than {seconds} s, where one meeting's "
                          "minutes take a second or two: it is damaged or hostile (a decompression "
                          "bomb?), or holds far more than one meeting; split it, or export it again")
    if exitcode == -signal.SIGKILL:  # the kernel's out-of-memory killer
        raise SourceError(memory_message(path))
    raise SourceError(f"{path}: the reader stopped on it ({describe_exit(exitcode)}), so it is "
                      f"damaged or hostile; {AGAIN}")


def describe_exit(exitcode: int | None) -> str:
    if exitcode is not None and exitcode < 0:
        return signal.Signals(-exitcode).name
    return f"exit status {exitcode}"


def child_main(path: Path, work: Callable[[Path], Any], sender: Connection, seconds: int) -> None:
    """In the child: set the limits, work, send the result or a one-line error, and leave at once
    (os._exit), so that nothing of the parent (atexit handlers, buffers) runs twice. A crash is
    reported by the parent in one line, so the child's fault handler (a test runner's) is off."""
    faulthandler.disable()
    try:
        limit_resources(seconds)
        sender.send(("ok", work(path)))
    except NeedsOcr:
        send(sender, ("ocr", str(path)))
    except SourceError as error:
        send(sender, ("error", str(error)))
    except MemoryError:
        send(sender, ("error", memory_message(path)))
    except BaseException as error:  # noqa: BLE001 - the child reports every failure as one line
        send(sender, ("error", explain(path, error)))
    finally:
        os._exit(0)


def send(sender: Connection, outcome: tuple[str, str]) -> None:
    # If the parent has given up waiting, or no memory is left, the parent reports that.
    with contextlib.suppress(OSError, MemoryError):
        sender.send(outcome)


def limit_resources(seconds: int) -> None:
    """At most MEMORY_BYTES of address space (or, for a child that starts larger than most, as a
    test runner's worker may, a quarter of that more than it starts with), and `seconds` of
    processor time; never above a limit the caller has set already."""
    import resource

    memory = max(MEMORY_BYTES, address_space() + MEMORY_BYTES // 4)
    for which, wanted in ((resource.RLIMIT_AS, memory), (resource.RLIMIT_CPU, seconds)):
        _, hard = resource.getrlimit(which)
        if hard != resource.RLIM_INFINITY:
            wanted = min(wanted, hard)
        resource.setrlimit(which, (wanted, hard))


def address_space() -> int:
    try:
        pages = int(Path("/proc/self/statm").read_text().split()[0])
    except (OSError, ValueError, IndexError):
        return 0
    return pages * os.sysconf("SC_PAGE_SIZE")


def checked_read(path: Path, read: Callable[[Path], Read]) -> Read:
    """What `read` gives, refused where pypdf read only part of the file or a line is too long."""
    skipped = PartsSkipped()
    logger = logging.getLogger("pypdf.generic")
    level, propagate = logger.level, logger.propagate
    logger.addHandler(skipped)
    logger.setLevel(logging.WARNING)
    logger.propagate = False  # pypdf's other warnings say nothing about the text
    try:
        lines, dropped = read(path)
    except SourceError as error:  # pypdf's own message may hide the cause: 'no text layer'
        raise SourceError(nested_message(path) if skipped.count else explain(path, error)) from error
    finally:
        logger.removeHandler(skipped)
        logger.setLevel(level)
        logger.propagate = propagate
    if skipped.count:
        raise SourceError(nested_message(path))
    for line in lines:
        if len(line.text) > MAX_LINE:
            where = f"page {line.page}, " if path.suffix.lower() == ".pdf" else ""
            raise SourceError(f"{path}: {where}line {line.number} is {len(line.text):,} characters "
                              f"long, and minutes have no such lines (at most {MAX_LINE:,}); the file "
                              "has lost its line breaks or is not minutes; export it again")
    return lines, dropped


class PartsSkipped(logging.Handler):
    """Counts pypdf's warnings that it could not read an object (a RecursionError or MemoryError
    inside it) and went on with part of the file: the draft would silently lack text."""

    def __init__(self) -> None:
        super().__init__(logging.WARNING)
        self.count = 0

    def emit(self, record: logging.LogRecord) -> None:
        self.count += "Error reading PDF file" in record.getMessage()


def explain(path: Path, error: BaseException) -> str:
    """One line for an error raised while reading, by the first cause that says what happened."""
    for cause in causes(error):
        name = type(cause).__name__
        if name in ("FileNotDecryptedError", "WrongPasswordError"):
            return (f"{path}: is protected by a password; open it with the password and save or print "
                    "it to a PDF without one, or ask the sender for one, and import that")
        if name == "LimitReachedError":
            return (f"{path}: unpacks to more than a PDF reader allows ({cause}), as a decompression "
                    f"bomb does; {AGAIN}")
        if isinstance(cause, RecursionError):
            return nested_message(path)
        if isinstance(cause, MemoryError):
            return memory_message(path)
        if name == "DependencyError":
            return (f"{path}: {cause}; install it with `pip install -c constraints.txt -e .` and "
                    "import again")
    if isinstance(error, SourceError):
        return str(error)
    first = " ".join(str(error).split())[:200]
    return (f"{path}: could not be imported ({type(error).__name__}: {first}); {AGAIN}; if the file "
            "is good, report this with the file")


def causes(error: BaseException) -> list[BaseException]:
    """The error and what caused it, outermost first."""
    found: list[BaseException] = []
    current: BaseException | None = error
    while current is not None and current not in found:
        found.append(current)
        current = current.__cause__ or current.__context__
    return found


def nested_message(path: Path) -> str:
    return (f"{path}: is nested too deeply to read (objects or elements inside each other thousands "
            f"deep: a damaged or hostile file), so part of its text would be lost; {AGAIN}")


def memory_message(path: Path) -> str:
    return (f"{path}: reading it needs more than {MEMORY_BYTES >> 20:,} MB of memory, which minutes "
            f"never do (it may be a decompression bomb); {AGAIN}")
