"""Publishing systems' habits, kept as data: how to tell a system's page, and what it adds.

A profile names lines that only that system writes (`markers`), the page text it puts around the
minutes (`furniture`, left out and listed in the summary), the labels it writes above an item's
title (`title_labels`), and the headings under which it writes what was decided
(`decision_headings`, besides the vocabulary's; `fallback_decision_headings` hold the
decision only where the item has no other), and the lines that echo the page's own title
(`title_echo`: a pattern whose `title` group is that title; the echo and every line that is
the title are the file's name, never an item's header, though they may date the meeting).
A source matches a profile when one of its lines is one of the profile's markers. Add a system
by adding a profile; no rule changes.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass

from .lines import Line


@dataclass(frozen=True)
class Profile:
    """One publishing system's habits."""

    name: str
    markers: tuple[str, ...]
    furniture: tuple[str, ...] = ()
    title_labels: tuple[str, ...] = ()
    decision_headings: tuple[str, ...] = ()
    fallback_decision_headings: tuple[str, ...] = ()  # the decision only when no other heading is
    title_echo: str | None = None  # 'Download "<title>"': the page's title, twice


PROFILES = (
    Profile("ModernGov", markers=("Agenda item", "Supporting documents:", "Agenda, decisions and minutes",
                                  "Issue - decisions"),
            furniture=("Supporting documents:",),
            title_labels=("agenda item", "issue - decisions", "items", "no. item"),
            decision_headings=("decisions",), fallback_decision_headings=("minutes",)),
    Profile("kk.dk", markers=("Se alle bilag", "Gå ikke glip af vigtig Digital Post fra Københavns Kommune"),
            furniture=("Søg", "Se alle bilag", "Gå ikke glip af vigtig Digital Post fra Københavns Kommune")),
    Profile("docplayer", markers=("Transkript", "Starte visningen fra side:"),
            furniture=("Transkript", "Størrelse: px", "Starte visningen fra side:", "Save this PDF as:",
                       "WORD  PNG  TXT  JPG"),
            title_echo=r'^Download "(?P<title>.+)"$'),
)
NONE = Profile("", ())
ACTIVE: ContextVar[Profile] = ContextVar("profile", default=NONE)


def detect(lines: list[Line]) -> Profile:
    """The profile one of whose markers is a line of the source, or an empty one."""
    texts = {line.text.strip() for line in lines}
    return next((p for p in PROFILES if any(m in texts for m in p.markers)), NONE)


@contextmanager
def active(profile: Profile) -> Iterator[None]:
    """The profile the later stages consult while one source is read."""
    token = ACTIVE.set(profile)
    try:
        yield
    finally:
        ACTIVE.reset(token)


def page_title_lines(lines: list[Line]) -> frozenset[int]:
    """The indexes of the lines that name the page ('Download "<title>"', and the title itself):
    a document-sharing site's name for the file, whose numbers are not items ('2... Budget 3')."""
    pattern = ACTIVE.get().title_echo
    if pattern is None:
        return frozenset()
    echoes = {i: found["title"].strip() for i, line in enumerate(lines)
              if (found := re.match(pattern, line.text.strip()))}
    named = {i for i, line in enumerate(lines) if line.text.strip() in echoes.values()}
    return frozenset(echoes) | named


def decision_headings() -> tuple[str, ...]:
    """The active profile's decision headings, its fallback ones included."""
    return ACTIVE.get().decision_headings + ACTIVE.get().fallback_decision_headings


def fallback_decision_headings() -> tuple[str, ...]:
    return ACTIVE.get().fallback_decision_headings


def title_labels() -> tuple[str, ...]:
    return ACTIVE.get().title_labels
