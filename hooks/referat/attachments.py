"""Which attachment files may be published: files inside the body's folder, not links out of it,
not pages, not active content, and never at a place a generated page takes.

An attachment is served from the council's own address, so an HTML or SVG file would run its
script as the council's site, for every visitor; a Markdown file would become a page of its own;
a link out of the folder would publish whatever it points at. The checks name the attachment as
written in the meeting file and never the target of a link, which may be secret.
"""

from __future__ import annotations

import os
import posixpath
import stat
from collections.abc import Iterable
from pathlib import Path, PurePosixPath

from . import paths, urls
from .model import Meeting

# Files a browser runs, or a web server executes, when they are served from the site.
ACTIVE = {".html", ".htm", ".xhtml", ".xht", ".shtml", ".svg", ".svgz", ".xml", ".xsl", ".xslt",
          ".js", ".mjs", ".css", ".swf", ".wasm", ".php", ".htaccess", ".appcache", ".manifest"}
PAGES = {".md", ".markdown", ".mdown", ".mkd"}  # MkDocs would render these as pages
# How a browser recognises HTML and XML by their first bytes (the WHATWG MIME sniffing rules).
MARKUP_STARTS = (b"<!doctype html", b"<html", b"<head", b"<script", b"<iframe", b"<h1", b"<div",
                 b"<font", b"<table", b"<a", b"<style", b"<title", b"<b", b"<body", b"<br", b"<p",
                 b"<!--", b"<?xml", b"<svg", b"<math", b"<object", b"<embed", b"<img")
TAG_ENDS = b" >\t\n\r\f/"
SNIFF_BYTES = 1024


def problem_of(folder: Path, file: str) -> str | None:
    """What is wrong with attachment `file` of a body whose (resolved) folder is `folder`."""
    base = str(folder)
    if posixpath.isabs(file) or not _inside(posixpath.normpath(posixpath.join(base, file)), base):
        return f"'{file}' is outside the body's folder; put the file in the folder, e.g. bilag/, " \
               "and give the path from there"
    try:
        target = _resolved(base, file)
    except (OSError, RuntimeError):  # a loop of links
        return f"'{file}' is a link that leads back to itself; replace it with the file itself"
    if not _inside(target, base):
        return f"'{file}' is a link to a place outside the body's folder, which is not published; " \
               "put the file itself in the folder"
    return _kind_problem(file, target)


def _resolved(base: str, file: str) -> str:
    """`(Path(base) / file).resolve()` for a `base` that is resolved already: only the parts of
    `file` are looked at (one lstat each, where resolve looks at every part of the whole path,
    for each of a 50,000-punkt archive's attachments), and a link among them is resolved whole."""
    parts = [part for part in file.split("/") if part not in ("", ".")]
    if ".." in parts:
        return str((Path(base) / file).resolve(strict=False))
    path = base
    for part in parts:
        path = f"{path}/{part}"
        try:
            if stat.S_ISLNK(os.lstat(path).st_mode):
                return str((Path(base) / file).resolve(strict=False))
        except OSError:  # missing, or not a folder: nothing further along can be a link
            return posixpath.join(base, *parts)
    return path


def _kind_problem(file: str, target: str) -> str | None:
    try:
        mode = os.stat(target).st_mode
    except OSError:
        mode = 0
    if stat.S_ISDIR(mode):
        return f"'{file}' is a folder; name a file in it"
    if not stat.S_ISREG(mode):
        return f"'{file}' does not exist; add the file or correct the path (it is relative to " \
               "the meeting file's folder)"
    suffix = PurePosixPath(file).suffix.lower()
    if suffix in PAGES:
        return f"'{file}' is Markdown, which the site would publish as a page of its own; attach " \
               "it as a PDF, or put its text in the item's sections"
    if suffix in ACTIVE or _looks_like_markup(target):
        return f"'{file}' is {'HTML, SVG or XML' if suffix not in ACTIVE else suffix[1:].upper()} " \
               "content, which a browser would run as part of the council's site; attach it as " \
               "a PDF, or link to where it is published with 'url:'"
    return None


def _looks_like_markup(target: str) -> bool:
    """Whether a file begins as HTML or XML does, whatever its name says."""
    try:
        with open(target, "rb") as file:
            head = file.read(SNIFF_BYTES)
    except OSError:
        return False
    head = head.removeprefix(b"\xef\xbb\xbf").lstrip(b" \t\r\n\f").lower()
    return any(head.startswith(start) and (len(head) == len(start) or start[-1:] in b"->" or
                                           head[len(start):len(start) + 1] in TAG_ENDS)
               for start in MARKUP_STARTS)


def _inside(path: str, folder: str) -> bool:
    return path == folder or path.startswith(folder.rstrip("/") + "/")


def taken(meetings: Iterable[Meeting]) -> dict[str, tuple[str, bool]]:
    """Every path in the site a body's generated pages take, case-folded (a web server may not
    tell case apart): their sources, their HTML files and the folders those need; with what
    takes it and whether it is a folder."""
    found: dict[str, tuple[str, bool]] = {}
    for meeting in meetings:
        pages = [(paths.body(meeting.body), "the body's page"),
                 (paths.meeting(meeting), f"the page of the meeting {meeting.slug}")]
        pages += [(paths.item(meeting, item), f"the page of punkt {item.number} of {meeting.slug}")
                  for item in meeting.items]
        for page, what in pages:
            html = page.removesuffix(".md").removesuffix("/index") + "/index.html"
            for path, is_folder in ((page, False), (html, False),
                                    *((f, True) for f in folders(html))):
                found.setdefault(path.casefold(), (what, is_folder))
        for path, what in beside_pages(meeting):
            found.setdefault(path.casefold(), (what, False))
    return found


def folders(path: str) -> list[str]:
    """The folders a '/'-separated path is in, innermost first: PurePosixPath's `parents`
    without the parsing, which at 50,000 punkter was seconds of every build."""
    found = []
    while "/" in path:
        path = path.rpartition("/")[0]
        found.append(path)
    return found


def beside_pages(meeting: Meeting) -> list[tuple[str, str]]:
    """The files the engine writes beside a body's and a meeting's pages: the meeting's data,
    the body's feed and calendar; and the members' folder, whole (its pages come and go with the
    participants, and with the settings, so no file may be put there)."""
    body = paths.body(meeting.body)
    return [(urls.meeting_data(paths.meeting(meeting)), f"the data file of the meeting {meeting.slug}"),
            (urls.feed(body), "the body's feed"), (urls.calendar(body), "the body's calendar"),
            (f"{meeting.body.slug}/{paths.MEMBERS}", "the body's members' pages")]


def collision(meeting: Meeting, file: str, pages: dict[str, tuple[str, bool]]) -> str | None:
    """The generated page that attachment `file` would overwrite or block, if any: the file takes
    a page's place or a folder a page needs, or it needs a folder where a page is."""
    path = paths.attachment(meeting, file)
    places = [(path, True), *((folder, False) for folder in folders(path))]
    for place, is_file in places:
        what, is_folder = pages.get(place.casefold(), ("", True))
        if what and (is_file or not is_folder):
            return f"'{file}' would take the place of {what} ({place}); rename the file or move " \
                   "it into a folder such as bilag/"
    return None
