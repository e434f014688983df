"""Hostile and broken source files for the importer, made when a test or bench/hostile_import.py
needs them (no binaries in the repository).

Each case writes one file into a folder and says what `referat import` must make of it: `expect`
is "draft", or words of the one-line error, or several such outcomes joined by "|". The PDFs
with a trap in them are written by hand (`raw_pdf`), because no PDF library writes a bomb or a
100,000-deep array; the ordinary ones come from tests/pdfmaker.py.
"""

from __future__ import annotations

import io
import zipfile
import zlib
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from pdfmaker import make_pdf

MINUTES = [
    "Integrationsrådet", "", "Referat", "", "Mødedato: 26.11.2025", "Tidspunkt: 17:00",
    "Mødested: Korsgade, Mødelokale 1", "",
    "Punkt 1: Godkendelse af dagsorden", "", "Beslutning", "Godkendt.", "",
    "Punkt 2: Budget 2026", "", "Sagsfremstilling", "Forvaltningen har gennemgået budgettet.", "",
    "Beslutning", "Taget til efterretning.",
]
FONT = b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>"
DEPTH = 100_000  # far past Python's recursion limit, and what a hostile file may hold
BOMB_BYTES = 1 << 30  # 1 GiB of text, in about 1 MB on disk
LONG_LINE = 5_000_000  # characters on one line


@dataclass(frozen=True)
class Case:
    """A hostile source: how to write it, and what the importer may make of it ("draft", or words
    of its error; alternatives joined by "|"). A `slow` case costs a second or more of CPU (a
    bomb unpacked to pypdf's limit) or may be stopped only at the importer's time limit."""

    name: str
    write: Callable[[Path], Path]
    expect: str
    slow: bool = False

    @property
    def outcomes(self) -> list[str]:
        return self.expect.split("|")


def stream(data: bytes, *, flate: bool = False, extra: bytes = b"") -> bytes:
    """A PDF stream object's body holding `data` (compressed with Flate if `flate`)."""
    head = b"<< /Length %d%s%s >>" % (len(data), b" /Filter /FlateDecode" if flate else b"", extra)
    return head + b"\nstream\n" + data + b"\nendstream"


def raw_pdf(content: bytes, *, resources: bytes = b"<< /Font << /F1 5 0 R >> >>",
            contents: bytes = b"4 0 R") -> bytes:
    """A one-page PDF whose page content stream object (4 0 R) is `content`, with a correct xref
    table; `contents` is what the page's /Contents says."""
    objects = [b"<< /Type /Catalog /Pages 2 0 R >>", b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
               b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources %s /Contents %s >>"
               % (resources, contents), content, FONT]
    out = bytearray(b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n")
    offsets = []
    for number, body in enumerate(objects, 1):
        offsets.append(len(out))
        out += b"%d 0 obj\n%s\nendobj\n" % (number, body)
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % offset for offset in offsets)
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, xref)
    return bytes(out)


def text_ops(text: bytes) -> bytes:
    return b"BT /F1 10 Tf 72 770 Td (" + text + b") Tj ET"


def minutes_pdf(folder: Path, name: str = "referat.pdf") -> Path:
    path = folder / name
    make_pdf(MINUTES, path, header="Integrationsrådet 26.11.2025")
    return path


def encrypted(folder: Path, name: str, user_password: str, algorithm: str) -> Path:
    """The minutes' PDF encrypted with `algorithm`; an empty user password opens it for anyone."""
    plain = minutes_pdf(folder, "plain.pdf")
    from pypdf import PdfReader, PdfWriter  # here: a quarter second of importing, for a few cases

    writer = PdfWriter(clone_from=PdfReader(plain))
    writer.encrypt(user_password=user_password, owner_password="ejer-kode", algorithm=algorithm)
    path = folder / name
    with path.open("wb") as out:
        writer.write(out)
    plain.unlink()
    return path


def inflating_to(prefix: bytes, spaces: int) -> bytes:
    """A zlib stream of `prefix` and then `spaces` spaces, made in milliseconds: after a full
    flush the compressor's output depends on its input alone, so a 1 MiB block of spaces
    compresses to the same bytes every time and is written once and repeated."""
    packer = zlib.compressobj(9)
    block = 1 << 20
    head = packer.compress(prefix) + packer.flush(zlib.Z_FULL_FLUSH)
    body = packer.compress(b" " * block) + packer.flush(zlib.Z_FULL_FLUSH)
    # Adler-32 of the whole, computed rather than run over a gigabyte: m more bytes of value v
    # add m*v to A and m*A0 + v*m(m+1)/2 to B.
    checksum = zlib.adler32(prefix)
    a0, b0 = checksum & 0xFFFF, checksum >> 16
    m, v = spaces // block * block, 0x20
    a, b = (a0 + m * v) % 65521, (b0 + m * a0 + v * m * (m + 1) // 2) % 65521
    final_empty_block = b"\x03\x00"
    return head + body * (spaces // block) + final_empty_block + ((b << 16) | a).to_bytes(4, "big")


def bomb(folder: Path) -> Path:
    """A page whose content stream inflates to 1 GiB of spaces after one line of text."""
    data = inflating_to(text_ops(b"Punkt 1: Budget") + b"\n", BOMB_BYTES)
    return write(folder / "bombe.pdf", raw_pdf(stream(data, flate=True)))


def bomb_under_the_limit(folder: Path) -> Path:
    """A page whose content is one stream of 64 MiB (under pypdf's 75 MB limit for a stream)
    drawn 16 times: 1 GiB of content to parse."""
    data = inflating_to(text_ops(b"Punkt 1: Budget") + b"\n", 1 << 26)
    pdf = raw_pdf(stream(data, flate=True), contents=b"[" + b"4 0 R " * 16 + b"]")
    return write(folder / "bombe-16.pdf", pdf)


def nested_content(folder: Path) -> Path:
    """A page content stream with an array nested 100,000 deep (a TJ operand)."""
    array = b"[" * DEPTH + b"(Punkt 1: Budget)" + b"]" * DEPTH
    return write(folder / "dyb-side.pdf", raw_pdf(stream(b"BT /F1 10 Tf 72 770 Td " + array + b" TJ ET")))


def nested_objects(folder: Path) -> Path:
    """A page whose resources are a dictionary nested 10,000 deep (ten times Python's recursion
    limit; pypdf takes seconds to warn its way through 100,000)."""
    depth = DEPTH // 10
    resources = b"<< /A " * depth + b"1" + b" >>" * depth
    return write(folder / "dybe-objekter.pdf",
                 raw_pdf(stream(text_ops(b"Punkt 1: Budget")), resources=resources))


def truncated(folder: Path) -> Path:
    whole = minutes_pdf(folder, "whole.pdf")
    data = whole.read_bytes()
    whole.unlink()
    return write(folder / "afbrudt.pdf", data[: len(data) * 2 // 3])


def html_as_pdf(folder: Path) -> Path:
    html = "<!DOCTYPE html><html><body><h1>Referat</h1><p>Punkt 1: Budget</p></body></html>"
    return write(folder / "side.pdf", html.encode())


def docx_as_pdf(folder: Path) -> Path:
    """A zip archive laid out as a Word document, named .pdf."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        archive.writestr("word/document.xml", "<w:document>Punkt 1: Budget</w:document>")
    return write(folder / "dokument.pdf", buffer.getvalue())


def pdf_as_text(folder: Path) -> Path:
    pdf = minutes_pdf(folder, "x.pdf")
    return write(folder / "referat.txt", pdf.read_bytes(), unlink=pdf)


def long_line_text(folder: Path) -> Path:
    words = b"ord " * (LONG_LINE // 4)
    return write(folder / "lang-linje.txt", b"Punkt 1: Budget\n\n" + words + b"\n")


def long_line_html(folder: Path) -> Path:
    words = b"ord " * (LONG_LINE // 4)
    return write(folder / "lang-linje.html", b"<html><body><h2>Punkt 1: Budget</h2><p>" + words
                 + b"</p></body></html>")


def long_line_pdf(folder: Path) -> Path:
    words = b"ord " * (LONG_LINE // 4)
    return write(folder / "lang-linje.pdf", raw_pdf(stream(zlib.compress(text_ops(words)), flate=True)))


def nested_html(folder: Path, depth: int = 1_000) -> Path:
    """Elements nested `depth` deep around the minutes' text."""
    return write(folder / f"dyb-{depth}.html", b"<html><body>" + b"<div>" * depth + b"Punkt 1: Budget"
                 + b"</div>" * depth + b"</body></html>")


def many_lines(folder: Path) -> Path:
    """5 MB of short lines: a year's minutes of 3,000 items, each with a heading and a decision."""
    items = (f"Punkt {n}: Sag nummer {n}\n\nBeslutning\nGodkendt.\n\n" for n in range(1, 120_000))
    text = "Byrådet\n\nMødedato: 26.11.2025\n\n" + "".join(items)
    return write(folder / "mange-linjer.txt", text.encode()[:5_000_000])


def write(path: Path, data: bytes, unlink: Path | None = None) -> Path:
    path.write_bytes(data)
    if unlink is not None:
        unlink.unlink()
    return path


CASES = [
    Case("empty PDF", lambda folder: write(folder / "tom.pdf", b""), "is empty"),
    Case("only a PDF header", lambda folder: write(folder / "hoved.pdf", b"%PDF-1.7\n"), "cut off"),
    Case("truncated PDF", truncated, "cut off"),
    Case("AES-256, empty user password", lambda f: encrypted(f, "aes256.pdf", "", "AES-256"), "draft"),
    Case("AES-128, empty user password", lambda f: encrypted(f, "aes128.pdf", "", "AES-128"), "draft",
         slow=True),
    Case("RC4, empty user password", lambda f: encrypted(f, "rc4.pdf", "", "RC4-128"), "draft", slow=True),
    Case("password-protected PDF", lambda f: encrypted(f, "kode.pdf", "hemmelig", "AES-256"), "password"),
    Case("decompression bomb", bomb, "decompression bomb", slow=True),
    Case("a 64 MiB stream drawn 16 times", bomb_under_the_limit, "decompression bomb", slow=True),
    Case("deeply nested page stream", nested_content, "nested too deeply"),
    Case("deeply nested objects", nested_objects, "nested too deeply", slow=True),  # 1.1 s
    Case("HTML named .pdf", html_as_pdf, "is not a PDF but an HTML page"),
    Case("Word (zip) named .pdf", docx_as_pdf, "is not a PDF but a ZIP archive"),
    Case("PDF named .txt", pdf_as_text, "is a PDF"),
    Case("HTML nested 1,000 deep", nested_html, "nested too deeply", slow=True),
    Case("HTML nested 100,000 deep", lambda f: nested_html(f, DEPTH), "took more than", slow=True),
    # 3,000 items in one file: a draft once the importer's header search is linear (it is not yet).
    Case("5 MB of short lines", many_lines, "draft|took more than", slow=True),
    Case("5 MB line of text", long_line_text, "characters long"),
    Case("5 MB line in HTML", long_line_html, "characters long", slow=True),
    # pypdf takes 5-15 s to lay out a 5 MB line: the limit on lines, or on time, stops it.
    Case("5 MB line in a PDF", long_line_pdf, "characters long|took more than", slow=True),
]
