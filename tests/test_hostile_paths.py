"""Hostile paths. A meeting file, body.yml, body folder or attachment that is a link out of the
meetings folder is refused, and what it points at is never read, printed or published. Attachments
that are folders or loops of links are errors. An attachment that would take the place of a
generated page, or is active content (HTML, SVG, XML, script; by its name or by its first bytes),
is refused. File names with '#', '?', '%20' and spaces get links that lead to the copied file."""

from __future__ import annotations

import posixpath
from pathlib import Path
from urllib.parse import unquote, urljoin, urlsplit

import pytest
from bs4 import BeautifulSoup

from hostile_input import assert_check_and_build_agree, build, check, write_meetings

SECRET = "ghp_Hemmelig0Token0Der0Aldrig0Maa0Ses"
MEETING = ("date: {date}\nitems:\n  - number: 1\n    title: Godkendelse af dagsorden\n"
           "    decision: Godkendt\n")
ATTACHED = MEETING + "    attachments:\n      - {{title: Bilag, file: '{file}'}}\n"
PDF = b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n"


def attached(file: str, date: str = "2025-11-26") -> str:
    return ATTACHED.format(date=date, file=file)


@pytest.fixture(scope="module")
def outside(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A folder outside the meetings folder holding secrets a link could point at."""
    folder = tmp_path_factory.mktemp("outside")
    (folder / "secret.yml").write_text(f"{SECRET}\n", encoding="utf-8")
    (folder / "secret.pdf").write_text(f"{SECRET}\n", encoding="utf-8")
    (folder / "body").mkdir()
    (folder / "body" / "body.yml").write_text(f"name: {SECRET}\n", encoding="utf-8")
    (folder / "body" / "2025-11-26.yml").write_text(MEETING.format(date="2025-11-26")
                                                     .replace("Godkendt", SECRET), encoding="utf-8")
    return folder


LINKS = {
    # a link in the meetings folder -> where it points, relative to `outside` ("" for itself)
    "meeting-link/2025-11-26.yml": "secret.yml",
    "body-link/body.yml": "secret.yml",
    "folder-link": "body",
    "attachment-link/bilag/secret.pdf": "secret.pdf",
    "attachment-loop/bilag/loop.pdf": "",
}
EXPECTED = {
    # body folder: (line, field, start of the message)
    "meeting-link": (1, "file", "is a link to a place outside the meetings folder"),
    "body-link": (1, "body", "is a link to a place outside the meetings folder"),
    "folder-link": (1, "body", "is a link to a place outside the meetings folder"),
    "attachment-link": (7, "punkt 1 (items[1]).attachments[1].file", "'bilag/secret.pdf' is a link to a "
                        "place outside the body's folder"),
    "attachment-loop": (7, "punkt 1 (items[1]).attachments[1].file", "'bilag/loop.pdf' is a link that leads "
                        "back to itself"),
    "attachment-folder": (7, "punkt 1 (items[1]).attachments[1].file", "'bilag' is a folder; name a file"),
    "page-md": (7, "punkt 1 (items[1]).attachments[1].file", "'2025-11-26/punkt-2.md' is Markdown"),
    "index-md": (7, "punkt 1 (items[1]).attachments[1].file", "'index.md' is Markdown"),
    "meeting-folder": (7, "punkt 1 (items[1]).attachments[1].file", "'2025-11-26' would take the place of "
                       "the page of the meeting 2025-11-26"),
    "punkt-folder": (7, "punkt 1 (items[1]).attachments[1].file", "'2025-11-26/Punkt-1' would take the "
                     "place of the page of punkt 1 of 2025-11-26"),
    "meeting-data": (7, "punkt 1 (items[1]).attachments[1].file", "'2025-11-26/meeting.json' would take the "
                     "place of the data file of the meeting 2025-11-26"),
    "body-calendar": (7, "punkt 1 (items[1]).attachments[1].file", "'kalender.ics' would take the place of "
                      "the body's calendar"),
    "html": (7, "punkt 1 (items[1]).attachments[1].file", "'bilag/x.html' is HTML content"),
    "svg": (7, "punkt 1 (items[1]).attachments[1].file", "'bilag/logo.SVG' is SVG content"),
    "xhtml": (7, "punkt 1 (items[1]).attachments[1].file", "'bilag/x.xhtml' is XHTML content"),
    "xml": (7, "punkt 1 (items[1]).attachments[1].file", "'bilag/data.xml' is XML content"),
    "js": (7, "punkt 1 (items[1]).attachments[1].file", "'bilag/x.js' is JS content"),
    "sniffed-html": (7, "punkt 1 (items[1]).attachments[1].file", "'bilag/budget.pdf' is HTML, SVG or XML"),
    "sniffed-svg": (7, "punkt 1 (items[1]).attachments[1].file", "'bilag/kort.png' is HTML, SVG or XML"),
}
FILES: dict[str, str | bytes] = {
    "attachment-link/2025-11-26.yml": attached("bilag/secret.pdf"),
    "attachment-loop/2025-11-26.yml": attached("bilag/loop.pdf"),
    "attachment-folder/2025-11-26.yml": attached("bilag"),
    "attachment-folder/bilag/a.pdf": PDF,
    "page-md/2025-11-26.yml": attached("2025-11-26/punkt-2.md"),
    "page-md/2025-11-26/punkt-2.md": "# Falsk punkt\n",
    "index-md/2025-11-26.yml": attached("index.md"),
    "index-md/index.md": "# Falsk forside\n",
    "meeting-folder/2025-11-26.yml": attached("2025-11-26"),
    "meeting-folder/2025-11-26": PDF,
    "punkt-folder/2025-11-26.yml": attached("2025-11-26/Punkt-1"),
    "punkt-folder/2025-11-26/Punkt-1": PDF,
    "meeting-data/2025-11-26.yml": attached("2025-11-26/meeting.json"),
    "meeting-data/2025-11-26/meeting.json": '{"falsk": true}',
    "body-calendar/2025-11-26.yml": attached("kalender.ics"),
    "body-calendar/kalender.ics": "BEGIN:VCALENDAR\nEND:VCALENDAR\n",
    "html/2025-11-26.yml": attached("bilag/x.html"),
    "html/bilag/x.html": "<p>x</p><script>alert(document.cookie)</script>",
    "svg/2025-11-26.yml": attached("bilag/logo.SVG"),
    "svg/bilag/logo.SVG": "<svg xmlns='http://www.w3.org/2000/svg' onload='alert(1)'/>",
    "xhtml/2025-11-26.yml": attached("bilag/x.xhtml"),
    "xhtml/bilag/x.xhtml": "<html xmlns='http://www.w3.org/1999/xhtml'><script>alert(1)</script></html>",
    "xml/2025-11-26.yml": attached("bilag/data.xml"),
    "xml/bilag/data.xml": "<?xml version='1.0'?><x:script xmlns:x='http://www.w3.org/1999/xhtml'>alert(1)</x:script>",
    "js/2025-11-26.yml": attached("bilag/x.js"),
    "js/bilag/x.js": "alert(1)",
    "sniffed-html/2025-11-26.yml": attached("bilag/budget.pdf"),
    "sniffed-html/bilag/budget.pdf": "\ufeff  \n<!DOCTYPE html><script>alert(1)</script>",
    "sniffed-svg/2025-11-26.yml": attached("bilag/kort.png"),
    "sniffed-svg/bilag/kort.png": "<svg onload=alert(1)>",
}


def make_links(meetings: Path, outside: Path) -> None:
    for name, target in LINKS.items():
        link = meetings / name
        link.parent.mkdir(parents=True, exist_ok=True)
        link.symlink_to(outside / target if target else link)  # a link to itself is a loop
    (meetings / "meeting-link" / "body.yml").write_text("name: Rådet\n", encoding="utf-8")
    (meetings / "body-link" / "2025-11-26.yml").write_text(MEETING.format(date="2025-11-26"),
                                                           encoding="utf-8")


@pytest.fixture(scope="module")
def reported(tmp_path_factory: pytest.TempPathFactory, outside: Path) -> tuple[Path, list[str], str]:
    root = tmp_path_factory.mktemp("paths")
    meetings = write_meetings(root, FILES)
    make_links(meetings, outside)
    problems = assert_check_and_build_agree(meetings, root / "site")
    return meetings, problems, check(meetings).output + build(meetings, root / "site").output


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_each_bad_path_is_an_error(reported: tuple[Path, list[str], str], name: str) -> None:
    meetings, problems, _ = reported
    line, field, start = EXPECTED[name]
    mine = [p for p in problems if p.startswith(f"{meetings / name}")]
    assert len(mine) == 1, mine
    assert f":{line}: {field}: {start}" in mine[0], mine[0]


def test_a_links_target_is_never_read_or_printed(reported: tuple[Path, list[str], str],
                                                 outside: Path) -> None:
    _, _, output = reported
    assert SECRET not in output and str(outside) not in output
    assert "Traceback" not in output


def test_no_link_is_followed_when_the_rest_is_good(tmp_path: Path, outside: Path) -> None:
    """With every other file good, the links alone stop the build, and nothing is published."""
    meetings = write_meetings(tmp_path, {"raad/2025-11-26.yml": attached("bilag/a.pdf"),
                                         "raad/bilag/a.pdf": PDF})
    (meetings / "hemmelig").symlink_to(outside / "body")
    (meetings / "raad" / "bilag" / "b.pdf").symlink_to(outside / "secret.pdf")
    (meetings / "raad" / "2025-12-03.yml").symlink_to(outside / "secret.yml")
    problems = assert_check_and_build_agree(meetings, tmp_path / "site")
    assert [p.split(": ")[0].removeprefix(str(meetings)) for p in problems] == [
        "/hemmelig:1", "/raad/2025-12-03.yml:1"]


def test_a_link_inside_the_body_folder_is_followed(tmp_path: Path) -> None:
    meetings = write_meetings(tmp_path, {"raad/2025-11-26.yml": attached("bilag/seneste.pdf"),
                                         "raad/arkiv/budget.pdf": PDF})
    (meetings / "raad" / "bilag").mkdir()
    (meetings / "raad" / "bilag" / "seneste.pdf").symlink_to(meetings / "raad" / "arkiv" / "budget.pdf")
    ran = check(meetings)
    assert ran.code == 0, ran.output


def test_an_attachment_beside_a_meetings_page_is_allowed(tmp_path: Path) -> None:
    meetings = write_meetings(tmp_path, {"raad/2025-11-26.yml": attached("2025-11-26/bilag.pdf"),
                                         "raad/2025-11-26/bilag.pdf": PDF})
    assert check(meetings).code == 0


NAMES = ["budget #2.pdf", "hvad?.pdf", "budget%20rettet.pdf", "med mellemrum.pdf", "100%.pdf",
         "a&b (kopi).pdf", "æøå.pdf"]


@pytest.fixture(scope="module")
def odd_names(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A site whose attachments have names that need quoting in a link."""
    root = tmp_path_factory.mktemp("names")
    files: dict[str, str | bytes] = {f"raad/bilag/{name}": PDF + name.encode() for name in NAMES}
    lines = "".join(f"      - {{title: Bilag {i}, file: \"bilag/{name}\"}}\n" for i, name in enumerate(NAMES))
    files["raad/2025-11-26.yml"] = MEETING.format(date="2025-11-26") + "    attachments:\n" + lines
    meetings = write_meetings(root, files)
    ran = build(meetings, root / "site", bounded=False)
    assert ran.code == 0, ran.output[-3000:]
    return root / "site"


def test_odd_file_names_get_links_that_lead_to_the_copied_file(odd_names: Path) -> None:
    url = "http://example.dk/raad/2025-11-26/punkt-1/"
    page = BeautifulSoup((odd_names / "raad/2025-11-26/punkt-1/index.html").read_text("utf-8"),
                         "html.parser")
    links = {a.get_text(): str(a["href"]) for a in page.select("article a")
             if a.get_text().startswith("Bilag ")}
    assert len(links) == len(NAMES)
    for i, name in enumerate(NAMES):
        target = urlsplit(urljoin(url, links[f"Bilag {i}"]))
        assert not target.query and not target.fragment, links[f"Bilag {i}"]
        file = odd_names / posixpath.relpath(unquote(target.path), "/")
        assert file.read_bytes() == PDF + name.encode(), (name, links[f"Bilag {i}"])
