"""Where each generated page lives, as a path in the docs tree (MkDocs turns paths into URLs).

Paths depend only on stable keys (body folder, meeting file name, item number, journal number,
topic), never on titles or text, so correcting a text does not move a page.
"""

from __future__ import annotations

import posixpath

from .model import Body, Item, Meeting
from .slugs import slugify

FRONT = "index.md"
BODIES = "organer/index.md"
YEARS = "aar/index.md"
TOPICS = "emne/index.md"
JOURNALS = "sag/index.md"


def body(of: Body) -> str:
    return f"{of.slug}/index.md"


def meeting(of: Meeting) -> str:
    return f"{of.body.slug}/{of.slug}/index.md"


def item(at: Meeting, of: Item) -> str:
    return f"{at.body.slug}/{at.slug}/punkt-{slugify(of.number)}.md"


def year(of: int) -> str:
    return f"aar/{of}.md"


def topic(slug: str) -> str:
    return f"emne/{slug}.md"


def journal(slug: str) -> str:
    return f"sag/{slug}.md"


def cases_of_year(year: int) -> str:
    """The cases first treated in a year (the case index is split by year)."""
    return f"sager/{year}.md"


def topic_year(slug: str, year: int) -> str:
    """A large topic's punkter of one year."""
    return f"emne/{slug}/{year}.md"


MEMBERS = "medlemmer"  # a body's members' pages, in the body's folder (reserved for attachments)


def members(of: Body) -> str:
    """The list of a body's members."""
    return f"{of.slug}/{MEMBERS}/index.md"


def member(of: Body, slug: str) -> str:
    """A member's page; `slug` comes from members.member_slugs, unique within the body."""
    return f"{of.slug}/{MEMBERS}/{slug}.md"


def attachment(at: Meeting, file: str) -> str:
    """An attachment file keeps its place relative to the body's folder."""
    return posixpath.normpath(f"{at.body.slug}/{file}")


def link(source: str, target: str) -> str:
    """A relative link from one page's path to another path, as MkDocs resolves it."""
    # Both paths are relative to the docs root and normalised: no need for the file system's cwd.
    here = source.split("/")[:-1]
    there = target.split("/")
    common = 0
    while common < min(len(here), len(there) - 1) and here[common] == there[common]:
        common += 1
    return "/".join([".."] * (len(here) - common) + there[common:])
