"""Load a meetings folder: meetings/<body>/body.yml and meetings/<body>/<YYYY-MM-DD>.yml.

Returns the archive and every problem found, as `path:line: field: message`.
"""

from __future__ import annotations

import datetime as dt
import os
import re
from dataclasses import replace
from pathlib import Path
from typing import Any

from yaml.nodes import Node

from . import addresses, ahead, attachments, characters, links, markdown_limits, personal
from . import schema as s
from .cache import Cache, digest, engine_version
from .checks import check_meeting
from .model import (
    Archive,
    Attachment,
    Body,
    Item,
    Meeting,
    NextMeeting,
    Participant,
    Remark,
    Unplaced,
    Votes,
    VoteSide,
)
from .problems import Problem, by_punkt
from .reader import Reader
from .slugs import slugify
from .yamlnodes import SyntaxProblem, line, parse

MEETING_NAME = re.compile(r"^(\d{4}-\d{2}-\d{2})(-[a-z0-9]+(?:-[a-z0-9]+)*)?$")
BODY_SLUG = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
YAML_SUFFIXES = (".yml", ".yaml")
SAMPLE = 16  # meeting files looked at to tell a cold cache (warm)

RECORDS: dict[str, Any] = {"participant": Participant, "attachment": Attachment,
                           "next_meeting": NextMeeting, "unplaced": Unplaced,
                           "vote_side": VoteSide, "remark": Remark}


class Loader:
    """Reads one meetings folder; paths in problems are shown relative to `display_root`."""

    def __init__(self, root: Path, display_root: Path | None = None,
                 cache: Cache | None = None) -> None:
        self.root = root
        self.display_root = display_root or Path.cwd()
        self.cache = cache  # parsed files by their bytes, so an unchanged file is not parsed again
        self.problems: list[Problem] = []
        self.date_lines: dict[str, int] = {}  # where each meeting's date is, for duplicates
        self.files: list[tuple[Meeting, Path, str, int, str]] = []  # attachment files, for clashes
        self.real_root = root.resolve()  # no file is read from outside it, through a link or not
        self.lines_of: dict[str, dict[str, int]] = {}  # each meeting's field lines, by its source
        self.numbers: dict[str, dict[str, str]] = {}  # each meeting's item numbers by place, by source
        self.bytes_digests: dict[str, str] = {}  # each file read, by its path as shown
        self.real_folders: dict[Path, Path] = {}  # each body's folder, resolved (real_folder)
        self.shown_folders: dict[Path, str | None] = {}  # each folder as shown (show)
        self.digests: list[tuple[Meeting, str]] = []  # each meeting and what made it (Archive.digests)
        self.parsed = 0  # files parsed, not found in the cache (Archive.parsed)
        # Top-level addresses the site uses for its own pages; a body folder may not take them.
        self.site_names = addresses.site_names(self.display_root)

    def show(self, path: Path) -> str:
        """A path as problems show it: relative to the display root when inside it. Its folder
        is worked out once (relpath asks the system for the working folder, and this is asked
        for every file of the archive)."""
        if path.parent not in self.shown_folders:
            self.shown_folders[path.parent] = self.shown(path.parent)
        folder = self.shown_folders[path.parent]
        if folder is None or path.name in ("", ".", ".."):
            return self.shown(path) or path.as_posix()
        return path.name if folder == "." else f"{folder}/{path.name}"

    def shown(self, path: Path) -> str | None:
        """A path relative to the display root; None when it is outside it."""
        shown = Path(os.path.relpath(path, self.display_root))
        return shown.as_posix() if not shown.parts or shown.parts[0] != ".." else None

    def add(self, path: Path, at: int, field: str, message: str) -> None:
        self.problems.append(Problem(self.show(path), at, field, message))

    def load(self) -> Archive:
        if not self.root.is_dir():
            self.add(self.root, 1, "meetings", "folder not found; create it, with a folder per "
                     "body inside")
            return Archive((), ())
        bodies, meetings = [], []
        for entry in sorted(self.root.iterdir()):
            if entry.is_dir() and not entry.name.startswith(".") and self.leaves(entry, "body"):
                continue
            if entry.is_dir() and not entry.name.startswith("."):
                body = self.load_body(entry)
                # A broken body.yml still lets its meetings be checked, so all problems show at once.
                found = self.load_meetings(entry, body or Body(entry.name, entry.name))
                if body is not None:
                    bodies.append(body)
                    meetings.extend(found)
            elif entry.suffix.lower() in YAML_SUFFIXES:
                self.add(entry, 1, "file", "meeting files go in a folder per body: move it to "
                         "meetings/<body>/<YYYY-MM-DD>.yml")
        self.check_duplicates(meetings)
        self.check_clashes(meetings)
        self.problems += addresses.check_archive(meetings, self.lines_of)
        if (docs := addresses.docs_folder(self.display_root)) is not None:
            self.problems += addresses.check_docs(self.display_root, self.show(docs))
        self.problems = [by_punkt(p, self.numbers.get(p.path, {})) for p in self.problems]
        return Archive(tuple(bodies), tuple(meetings), tuple(self.digests), self.parsed)

    def leaves(self, path: Path, field: str) -> bool:
        """Report a file or folder that is a link out of the meetings folder; True if it is one.
        What it points at is neither read nor named: it may be a secret."""
        try:
            inside = path.resolve().is_relative_to(self.real_root)
        except (OSError, RuntimeError):  # a loop of links
            inside = False
        if not inside:
            self.add(path, 1, field, "is a link to a place outside the meetings folder (or a loop "
                     "of links), and is not read; put the file or folder itself here")
        return not inside

    def load_body(self, folder: Path) -> Body | None:
        path = folder / "body.yml"
        ok = self.check_body_slug(folder)
        if self.leaves(path, "body"):
            return None
        if not path.is_file():
            self.add(path, 1, "body", "missing; every body folder needs a body.yml with at least "
                     "'name: <the body's name>'")
            return None
        read = self.read(path, s.BODY)
        if read is None or "name" not in read[0] or not ok:
            return None
        return Body(slug=folder.name, **read[0])

    def check_body_slug(self, folder: Path) -> bool:
        if not BODY_SLUG.match(folder.name):
            self.add(folder, 1, "body", f"folder name '{folder.name}' becomes part of the address; "
                     f"use lower-case letters, digits and '-', e.g. '{slugify(folder.name)}'")
            return False
        if folder.name in self.site_names:
            self.add(folder, 1, "body", f"folder name '{folder.name}' is used by the site itself "
                     f"({self.site_names[folder.name]}); choose another name")
            return False
        return True

    def load_meetings(self, folder: Path, body: Body) -> list[Meeting]:
        meetings = []
        stems: dict[str, Path] = {}
        for path in sorted(folder.rglob("*")):
            if path.suffix.lower() not in YAML_SUFFIXES or path.name == "body.yml":
                continue
            if self.misplaced(folder, path, stems):
                continue
            stems[path.stem] = path
            if (meeting := self.load_meeting(path, body)) is not None:
                meetings.append(meeting)
        return meetings

    def misplaced(self, folder: Path, path: Path, stems: dict[str, Path]) -> bool:
        """Report a YAML file that is not a meeting file where one belongs; True if reported."""
        if path.parent != folder:
            message = ("not read: meeting files go directly in the body's folder, "
                       "meetings/<body>/<YYYY-MM-DD>.yml")
        elif path.stem.lower() == "body":
            message = "name the body's file body.yml"
        elif not MEETING_NAME.match(path.stem) or path.suffix not in YAML_SUFFIXES:
            message = ("a meeting file is named by its date, YYYY-MM-DD.yml (or "
                       "YYYY-MM-DD-<word>.yml for a second meeting that day); rename it")
        elif path.stem in stems:
            message = (f"{stems[path.stem].name} has the same name and so the same address; "
                       "keep one file, or give a second meeting that day a suffix, "
                       "YYYY-MM-DD-<word>.yml")
        elif self.leaves(path, "file"):
            return True
        elif not path.is_file():
            message = "is not a file that can be read; remove it or replace it with the meeting file"
        else:
            return False
        self.add(path, 1, "file", message)
        return True

    def load_meeting(self, path: Path, body: Body) -> Meeting | None:
        read = self.read(path, s.MEETING)
        if read is None:
            return None
        values, lines = read
        # Check the items even when the date is bad, so every problem shows at once.
        meeting = Meeting(body=body, slug=path.stem, source=self.show(path),
                          **{"date": dt.date.min, "items": (), **values})
        self.numbers[meeting.source] = {item.where: item.number for item in meeting.items}
        self.problems.extend(check_meeting(meeting, lines))
        self.check_attachments(path, meeting, lines)
        if not {"date", "items"} <= values.keys():
            return None
        self.check_file_date(path, meeting, lines)
        self.date_lines[meeting.source] = lines.get("date", 1)
        self.lines_of[meeting.source] = lines
        # The meeting is made of its file's bytes, its path (source and slug) and its body.
        self.digests.append((meeting, digest(self.bytes_digests[meeting.source], meeting.source,
                                             meeting.slug, repr(body))))
        return meeting

    def read(self, path: Path, record: s.Record) -> tuple[dict[str, Any], dict[str, int]] | None:
        """The values of a file's root record and the line of each field, or None."""
        try:
            data = path.read_bytes()
        except OSError as error:
            self.add(path, 1, "file", f"cannot be read ({error.strerror}); check the file")
            return None
        shown = self.show(path)
        self.bytes_digests[shown] = made = digest(data)
        if self.cache is None:
            return self.parse(path, record, data)
        key = cache_key(record, shown, made)
        if (cached := self.cache.load("meetings", key)) is None:
            self.parsed += 1
            start = len(self.problems)
            cached = (self.parse(path, record, data), self.problems[start:])
            self.cache.store("meetings", key, cached)
        else:
            self.problems.extend(cached[1])
        return cached[0]  # type: ignore[no-any-return]

    def is_cached(self, path: Path) -> bool:
        """Whether the cache has this meeting file, as its bytes are now."""
        try:
            data = path.read_bytes()
        except OSError:
            return True  # nothing to parse: the loader reports it
        return self.cache is not None and self.cache.has(
            "meetings", cache_key(s.MEETING, self.show(path), digest(data)), ".pickle")

    def parse(self, path: Path, record: s.Record, data: bytes
              ) -> tuple[dict[str, Any], dict[str, int]] | None:
        """Parse and check one file's bytes; depends on nothing else (so it can be cached)."""
        try:
            text = characters.decode(data)
            if breaks := characters.odd_breaks(text):
                raise SyntaxProblem(*breaks[0], found=breaks[1:])
            node = parse(text)
        except characters.EncodingProblem as problem:
            self.add(path, problem.line, "file", problem.message)
            return None
        except SyntaxProblem as problem:
            for at, message in problem.found:
                self.add(path, at, "yaml", message)
            return None
        if node is None:
            self.add(path, 1, "file", f"is empty; a {record.name} file needs at least "
                     f"{', '.join(f.key for f in record.fields if f.required)}")
            return None
        reader = Reader(self.show(path), build)
        values = reader.record(node, record, "")
        found = [*reader.problems, *characters.check(reader.path, text, reader.texts, reader.markdown),
                 *personal.check(reader.path, reader.texts, text),
                 *links.check(reader.path, reader.markdown, text),
                 *markdown_limits.check(reader.path, reader.texts, reader.markdown, text)]
        # Named here, where the numbers of items that could not be built are still known.
        self.problems.extend(by_punkt(p, reader.numbers) for p in found)
        return (values, reader.lines) if isinstance(values, dict) else None

    def check_file_date(self, path: Path, meeting: Meeting, lines: dict[str, int]) -> None:
        named = path.stem[:10]
        if meeting.date.isoformat() != named:
            self.add(path, lines.get("date", 1), "date", f"{meeting.date} differs from the file name's date "
                     f"{named}; the file name is the meeting's address, so make them agree")

    def check_attachments(self, path: Path, meeting: Meeting, lines: dict[str, int]) -> None:
        if not any(item.attachments for item in meeting.items):
            return
        folder = self.real_folder(path.parent)
        for item in meeting.items:
            for j, attachment in enumerate(item.attachments, 1):
                where = f"{item.where}.attachments[{j}]"
                at = lines.get(where, item.line)
                if attachment.file and attachment.url:
                    self.add(path, at, where, "has both file and url; keep one")
                if attachment.file:
                    self.check_attachment_file(path, meeting, folder, attachment.file,
                                               lines.get(f"{where}.file", at), where)
                if attachment.url and not attachment.url.startswith(("https://", "http://")):
                    self.add(path, lines.get(f"{where}.url", at), f"{where}.url",
                             "must start with https:// or http://")

    def real_folder(self, folder: Path) -> Path:
        """A body's folder resolved, once a build rather than once for each of its meetings."""
        if (found := self.real_folders.get(folder)) is None:
            found = self.real_folders[folder] = folder.resolve()
        return found

    def check_attachment_file(self, path: Path, meeting: Meeting, folder: Path, file: str,
                              at: int, where: str) -> None:
        if (message := attachments.problem_of(folder, file)) is not None:
            self.add(path, at, f"{where}.file", message)
        else:  # a good file is checked against the body's pages once all are loaded
            self.files.append((meeting, path, file, at, f"{where}.file"))

    def check_clashes(self, meetings: list[Meeting]) -> None:
        """Attachment files that would take the place of a generated page of their body."""
        pages = attachments.taken(meetings)
        for meeting, path, file, at, where in self.files:
            if (message := attachments.collision(meeting, file, pages)) is not None:
                self.add(path, at, where, message)

    def check_duplicates(self, meetings: list[Meeting]) -> None:
        seen: dict[tuple[str, object, object], Meeting] = {}
        for meeting in meetings:
            key = (meeting.body.slug, meeting.date, meeting.start)
            if key in seen:
                self.problems.append(Problem(
                    meeting.source, self.date_lines.get(meeting.source, 1), "date",
                    f"duplicate meeting: {seen[key].source} has the same body, date and start; "
                    "keep one file per meeting, or give two meetings that day different starts"))
            else:
                seen[key] = meeting


def build(record: s.Record, values: dict[str, Any], node: Node, where: str) -> Any:
    """Turn a record's values into a model object; the root records stay dicts for the loader."""
    if record.name == "item":
        if not {"number", "title"} <= values.keys():
            return None
        return Item(line=line(node), where=where, **values)
    if record.name == "votes":  # 'for' is a Python keyword, so the model calls it for_
        return Votes(values.get("for"), values.get("against"), values.get("abstain"))
    if record.name in RECORDS:
        required = {f.key for f in record.fields if f.required}
        return RECORDS[record.name](**values) if required <= values.keys() else None
    return values


def cache_key(record: s.Record, shown: str, made: str) -> str:
    """A parsed file's key: its bytes' digest (`made`; hashed once: 80 MB at 50,000 punkter)."""
    return digest(engine_version(), record.name, shown, made)


def load(root: Path, display_root: Path | None = None,
         cache: Cache | None = None) -> tuple[Archive, list[Problem]]:
    """The archive in `root` and every problem found in it, sorted by file and line."""
    lacking = warm(root, display_root, cache)
    loader = Loader(root, display_root, cache)
    archive = loader.load()
    return replace(archive, parsed=max(archive.parsed, lacking)), sorted(loader.problems)


def warm(root: Path, display_root: Path | None, cache: Cache | None) -> int:
    """How many meeting files the cache lacks. When it lacks most, they are parsed into it first,
    half in a forked child (ahead.py), so the loader finds them there; the problems are the
    loader's to find again, in the cache."""
    if cache is None or not root.is_dir():
        return 0
    scout = Loader(root, display_root, cache)
    files = meeting_files(root)
    # A few files tell a warm cache from a cold one, so a rebuild does not read every file
    # twice (here and in the loader) to learn that one has changed.
    sample = [p for p in files[::max(1, len(files) // SAMPLE)] if readable(p, scout.real_root)]
    if sum(not scout.is_cached(p) for p in sample) <= ahead.COLD * len(sample):
        return 0
    lacking = [p for p in files if readable(p, scout.real_root) and not scout.is_cached(p)]
    if len(lacking) > ahead.COLD * len(files):
        ahead.split(lacking, lambda path: scout.read(path, s.MEETING))
    return len(lacking)


def meeting_files(root: Path) -> list[Path]:
    """The YAML files directly in a body's folder, which the loader may read as meetings."""
    return [path for path in sorted(root.glob("*/*")) if path.suffix.lower() in YAML_SUFFIXES
            and path.name != "body.yml" and not path.parent.name.startswith(".")]


def readable(path: Path, real_root: Path) -> bool:
    """A file, neither a link nor in a linked folder: the loader reads nothing from outside."""
    return not path.is_symlink() and path.resolve().is_relative_to(real_root) and path.is_file()
