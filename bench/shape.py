"""The shape of the synthetic archive: what to generate, how big it is, and when bodies meet."""

from __future__ import annotations

import math
import random
from dataclasses import dataclass
from datetime import date

from bodies import BODIES, BodySpec

END_YEAR = 2025
MAX_YEARS = 20
BASE_MEETINGS_PER_YEAR = 10
MEAN_ITEMS = 12
WEEKS = [w for w in range(2, 51) if not 27 <= w <= 31]  # meeting weeks: no summer, no Christmas


@dataclass(frozen=True)
class Options:
    """What to generate."""

    items: int
    seed: int = 1
    bodies: int | None = None  # default: by size
    years: int | None = None  # default: by size
    quiet: bool = False  # no progress lines
    pure_yaml: bool = False  # PyYAML's Python emitter even if libyaml is there


def choose_sizes(items: int, bodies: int | None, years: int | None) -> tuple[int, int, int]:
    """Number of bodies, meetings per body and year, and first year for about ``items`` items.

    Defaults: 3 bodies at 1,000 items rising to 8 at about 40,000; 10 meetings a year per body
    while that fits in 20 years, more meetings a year beyond that (50,000 items: 8 bodies,
    27 meetings a year, 20 years).
    """
    n_bodies = bodies or min(8, max(3, round(3 + math.log2(max(items, 1) / 1000))))
    n_bodies = min(n_bodies, len(BODIES))
    per_body_year = items / (n_bodies * MEAN_ITEMS)
    if years:
        per_year = max(1, min(len(WEEKS), round(per_body_year / years)))
    elif per_body_year / BASE_MEETINGS_PER_YEAR <= MAX_YEARS:
        per_year = BASE_MEETINGS_PER_YEAR
    else:
        per_year = min(len(WEEKS), math.ceil(per_body_year / MAX_YEARS))
    span = max(1, math.ceil(per_body_year / per_year))
    return n_bodies, per_year, END_YEAR - span + 1


def meeting_dates(body: BodySpec, year: int, per_year: int, seed: int) -> list[date]:
    """The body's meeting dates in ``year``: evenly spread weeks, on the body's weekday."""
    rng = random.Random(f"{seed}:{body.slug}:{year}")
    step = len(WEEKS) / per_year  # >= 1, as per_year <= len(WEEKS)
    jitter = (-1, 0, 0, 1) if step >= 3 else (0,)  # keeps the weeks distinct and in order
    idx = [math.floor((i + 0.5) * step) + rng.choice(jitter) for i in range(per_year)]
    return [date.fromisocalendar(year, WEEKS[i], body.weekday) for i in idx]


def add_minutes(hhmm: str, minutes: int) -> str:
    """``"17:00"`` plus minutes, as ``"HH:MM"`` (capped at 23:45)."""
    h, m = map(int, hhmm.split(":"))
    total = min(h * 60 + m + minutes, 23 * 60 + 45)
    return f"{total // 60:02d}:{total % 60:02d}"
