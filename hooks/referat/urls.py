"""The engine's addresses: a page's path in the docs tree (paths.py) to its output file and URL.

Kept apart from file paths: `paths` says where a page's Markdown lives (`aar/2022.md`), this
module says where its HTML goes (`aar/2022/index.html`) and its address (`aar/2022/`), with
directory URLs as the site uses them. The adapter checks that MkDocs agrees.
"""

from __future__ import annotations

import posixpath
from urllib.parse import quote

MARKDOWN = ".md"
INDEX_NAMES = ("index", "README")


def output_path(page_path: str) -> str:
    """The HTML file of a page, relative to the site folder: `aar/2022.md` -> `aar/2022/index.html`."""
    # String operations, not posixpath's: called some 160,000 times a build at 50,000 punkter,
    # for paths the engine made normal and relative.
    parent, _, name = page_path.rpartition("/")
    stem = name.removesuffix(MARKDOWN)
    folder = parent if stem in INDEX_NAMES else f"{parent}/{stem}" if parent else stem
    return f"{folder}/index.html" if folder else "index.html"


def url(page_path: str) -> str:
    """A page's address relative to the site's root: `aar/2022/`, and `./` for the front page."""
    folder = posixpath.dirname(output_path(page_path))
    return quote((folder or ".") + "/")


def root_url(page_path: str) -> str:
    """A page's address from the server's root, as search records link to it: `/aar/2022/`."""
    address = url(page_path)
    return "/" if address == "./" else "/" + address


def page_path(address: str) -> str:
    """The page path of a site-relative address made by `url` (the reverse of `url`)."""
    folder = address.strip("/").removeprefix(".")
    return posixpath.join(folder, "index.md") if folder else "index.md"


# The open data and the OParl-shaped API (docs/data.md documents every address below).
DATA = "data"  # beside the page "Data og abonnement" (docs/data.md, at data/)
MEETING_DATA = "meeting.json"  # in a meeting page's folder
BULK_DATA = f"{DATA}/referater.ndjson"
DECISIONS_CSV = f"{DATA}/beslutninger.csv"
OPARL = "oparl"


def meeting_data(meeting_page: str) -> str:
    """The JSON file of a meeting, in its page's folder: `raad/2025-11-26/meeting.json`."""
    return posixpath.join(posixpath.dirname(output_path(meeting_page)), MEETING_DATA)


def data_schema(name: str) -> str:
    """The published JSON Schema of a data format: `data/schema/meeting.schema.json`."""
    return f"{DATA}/schema/{name}.schema.json"


def oparl(*parts: str) -> str:
    """A file of the OParl-shaped API: `oparl('meeting', 'raad', '2025-11-26')` ->
    `oparl/meeting/raad/2025-11-26.json`."""
    return posixpath.join(OPARL, *parts) + ".json"


def oparl_list(kind: str, page: int, *owner: str) -> str:
    """Page `page` (from 1) of a paginated OParl list: `oparl/list/meeting/1.json`, or a list
    owned by one object: `oparl/list/organization/raad/meeting/1.json`."""
    return oparl("list", *owner, kind, str(page))


# Feeds and calendars (feeds.py, calendars.py). A page's own feed lies in its folder, beside its
# index.html; the site-wide ones have folders of their own. Paths are relative to the site folder.
FEED_NAME = "atom.xml"
CALENDAR_NAME = "kalender.ics"
DECISIONS_FEED = "atom/beslutninger.xml"
COMING_FEED = "atom/kommende-moeder.xml"
CORRECTIONS_FEED = "atom/rettelser.xml"
ALL_MEETINGS_CALENDAR = "kalender/alle-moeder.ics"


def beside(page_path: str, name: str) -> str:
    """A file in a page's folder: `emne/trafik.md`, 'atom.xml' -> `emne/trafik/atom.xml`."""
    return posixpath.join(posixpath.dirname(output_path(page_path)), name)


def feed(page_path: str) -> str:
    """The Atom feed of a body's, topic's or case's page."""
    return beside(page_path, FEED_NAME)


def calendar(page_path: str) -> str:
    """The calendar of a body's page."""
    return beside(page_path, CALENDAR_NAME)


def absolute(site_url: str, path: str) -> str:
    """A file's or page's address on the web, from the site's address (`site_url`); relative
    to the site's root when the site's address is not known."""
    address = quote(path) if not path.endswith(MARKDOWN) else url(path)
    address = "" if address == "./" else address
    return site_url.rstrip("/") + "/" + address if site_url else "/" + address
