"""Cases of the synthetic archive: journal numbers, and matters treated over several meetings."""

from __future__ import annotations

import random
from dataclasses import dataclass
from datetime import date

from vocabulary import NOUNS, TOPICS, Noun, Topic

# --------------------------------------------------------------------------------------------
# Journal numbers and cases
# --------------------------------------------------------------------------------------------


class Journals:
    """Issues journal numbers in several real-world shapes, unique within the archive."""

    def __init__(self, rng: random.Random) -> None:
        """Start per-year sequence counters."""
        self.rng = rng
        self.seq: dict[tuple[str, int], int] = {}
        self.issued = 0

    def _next(self, kind: str, year: int, start: int) -> int:
        """Next sequence number of ``kind`` in ``year``."""
        key = (kind, year)
        self.seq[key] = self.seq.get(key, start + self.rng.randrange(start)) + self.rng.randint(
            1, 40
        )
        return self.seq[key]

    def issue(self, topic: Topic, year: int) -> str:
        """A journal number for a case opened in ``year``: mostly KLE, some other shapes."""
        self.issued += 1
        x = self.rng.random()
        if x < 0.78:
            facet = self.rng.choice(("G01", "P20", "A00", "K07", "P15", "G00", "S00"))
            return f"{topic.kle}-{facet}-{self._next('kle', year, 500)}-{year % 100:02d}"
        if x < 0.90:
            return f"{year % 100:02d}/{self._next('short', year, 10000):05d}"
        if x < 0.97:
            return f"{self.rng.choice((306, 312, 420))}-{year}-{self._next('long', year, 20000)}"
        if x < 0.99:
            return f"{topic.kle[:5]}G00 - {year}/{self._next('mixed', year, 500):05d}"
        return str(self._next("plain", year, 200000))


@dataclass
class Case:
    """A matter (sag) that may be treated several times, in one or two bodies."""

    journal: str | None
    title: str
    topic: Topic
    topics: list[str]
    noun: Noun
    noun2: Noun
    opened: date
    plan: list[tuple[str, int]]  # remaining treatments: (body slug, days after the previous)
    home: str = ""  # the body that opened the case
    stage: int = -1


def related_nouns(topic: Topic) -> list[Noun]:
    """Nouns of the topic and its related topics (for the item's second noun)."""
    keys = list(topic.nouns)
    for name in topic.related:
        keys += [k for k in TOPICS[name].nouns if k not in keys] if name in TOPICS else []
    return [NOUNS[k] for k in keys]
