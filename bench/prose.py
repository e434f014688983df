"""Danish prose for the synthetic archive: filled templates, paragraphs, sections and votes."""

from __future__ import annotations

import random
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date, timedelta

from bodies import BodySpec
from vocabulary import (
    ADVISORY,
    ANLEDNING,
    AREA_NAMES,
    AREAS,
    BOARDS,
    CENTERS,
    EVENTS,
    FORESTS,
    GROUPS,
    HALLS,
    HOERING,
    LAKES,
    LAWS,
    LOVGRUNDLAG,
    MONTHS,
    OEKONOMI,
    ORGS,
    PARTIES,
    PROJECTS,
    PROPERTIES,
    PURPOSES,
    REASONS,
    RECOMMENDATIONS,
    ROADS,
    SAGSFREMSTILLING,
    SCHOOLS,
    SENDERS,
    SERVICES,
    SPECIFIC,
    STREETS,
    TOWNS,
    Noun,
)

# --------------------------------------------------------------------------------------------
# Text generation
# --------------------------------------------------------------------------------------------

_SLOT = re.compile(r"\{(\w+)\}")


def danish_date(d: date) -> str:
    """Format a date the Danish way: ``12. marts 2024``."""
    return f"{d.day}. {MONTHS[d.month - 1]} {d.year}"


def kroner(rng: random.Random) -> str:
    """A plausible amount with Danish thousands separators: ``1.250.000``."""
    value = rng.choice((rng.randrange(50, 1000), rng.randrange(1000, 40000))) * 1000
    return f"{value:,}".replace(",", ".")


def capitalise(text: str) -> str:
    """Upper-case the first letter only."""
    return text[:1].upper() + text[1:]


def _past(ctx: TextContext) -> date:
    """A date some weeks before the meeting, the same for the whole item."""
    if ctx.past is None:
        ctx.past = ctx.meeting - timedelta(days=ctx.rng.randrange(14, 200))
    return ctx.past


SlotFn = Callable[["TextContext"], str]
SLOTS: dict[str, SlotFn] = {
    "n_a": lambda c: c.noun.a,
    "n_sg": lambda c: c.noun.sg,
    "n_de": lambda c: c.noun.de,
    "n_pl": lambda c: c.noun.pl,
    "n_depl": lambda c: c.noun.depl,
    "m_a": lambda c: c.noun2.a,
    "m_de": lambda c: c.noun2.de,
    "m_pl": lambda c: c.noun2.pl,
    "m_depl": lambda c: c.noun2.depl,
    "body": lambda c: c.body.name,
    "body_gen": lambda c: genitive(c.body.name),
    "other_body": lambda c: c.other_body,
    "year": lambda c: str(c.meeting.year),
    "year1": lambda c: str(c.meeting.year + 1),
    "year4": lambda c: str(c.meeting.year + 4),
    "year11": lambda c: str(c.meeting.year + 12),
    "year_prev": lambda c: str(c.meeting.year - 1),
    "dato": lambda c: danish_date(_past(c)),
    "dato2": lambda c: danish_date(_past(c) + timedelta(weeks=c.rng.choice((4, 6, 8)))),
    "qdate": lambda c: (
        c.rng.choice(("31. marts", "30. juni", "30. september")) + f" {c.meeting.year}"
    ),
    "month": lambda c: c.rng.choice(MONTHS),
    "beløb": lambda c: kroner(c.rng),
    "beløb2": lambda c: kroner(c.rng),
    "antal": lambda c: str(c.rng.randrange(40, 4000)),
    "small": lambda c: str(c.rng.randrange(2, 40)),
    "pct": lambda c: str(c.rng.randrange(2, 45)),
    "pctdec": lambda c: f"{c.rng.randrange(1, 9)},{c.rng.randrange(10)}",
    "model": lambda c: c.rng.choice("ABC"),
    "etager": lambda c: str(c.rng.randrange(2, 6)),
    "kvm": lambda c: str(c.rng.randrange(55, 110)),
    "uger": lambda c: c.rng.choice(("6", "8")),
    "n2": lambda c: str(c.rng.randrange(1, 60)),
    "n4": lambda c: str(c.rng.randrange(1001, 1400)),
    "no": lambda c: str(c.rng.randrange(1, 140)),
    "units": lambda c: str(c.rng.randrange(12, 80)),
    "par": lambda c: str(c.rng.randrange(1, 180)),
}
# Slots drawn anew at every use; all others keep their first value within an item.
FRESH_SLOTS = frozenset(
    [
        "antal",
        "small",
        "pct",
        "pctdec",
        "month",
        "etager",
        "kvm",
        "n2",
        "no",
        "par",
        "beløb2",
        "area_name",
        "law",
        "sender",
    ]
)
POOLS: dict[str, tuple[str, ...]] = {
    "town": tuple(TOWNS),
    "street": tuple(STREETS),
    "road": ROADS,
    "purpose": PURPOSES,
    "property": PROPERTIES,
    "school": SCHOOLS,
    "center": CENTERS,
    "hall": HALLS,
    "lake": LAKES,
    "forest": FORESTS,
    "event": EVENTS,
    "area": AREAS,
    "area_name": AREA_NAMES,
    "board": BOARDS,
    "service": SERVICES,
    "project": PROJECTS,
    "org": ORGS,
    "advisory": ADVISORY,
    "law": LAWS,
    "sender": SENDERS,
}


@dataclass
class TextContext:
    """Everything a template slot may refer to while writing one agenda item."""

    rng: random.Random
    meeting: date
    body: BodySpec
    noun: Noun
    noun2: Noun
    other_body: str
    cache: dict[str, str] = field(default_factory=dict)
    past: date | None = None

    def fill(self, template: str) -> str:
        """Replace every ``{slot}``, recursively (slot values may contain slots)."""
        for _ in range(3):
            if "{" not in template:
                break
            template = _SLOT.sub(lambda m: self.slot(m.group(1)), template)
        return template

    def slot(self, name: str) -> str:
        """A slot's value, stable within the item; ``{Name}`` capitalises ``{name}``."""
        if name[:1].isupper():
            return capitalise(self.slot(name[:1].lower() + name[1:]))
        if name in self.cache:
            return self.cache[name]
        if name in SLOTS:
            value = SLOTS[name](self)
        elif name in POOLS:
            value = self.rng.choice(POOLS[name])
        else:
            raise KeyError(f"unknown template slot {{{name}}}")
        if name not in FRESH_SLOTS:
            self.cache[name] = value
        return value


def genitive(name: str) -> str:
    """Danish genitive: ``Byrådet`` -> ``Byrådets``."""
    return name if name.endswith(("s", "x", "z")) else name + "s"


def paragraph(ctx: TextContext, templates: tuple[str, ...], low: int, high: int) -> str:
    """A paragraph of ``low``..``high`` distinct sentences drawn from ``templates``."""
    return section(ctx, templates, 1, low, high)


def section(
    ctx: TextContext, templates: tuple[str, ...], paragraphs: int, low: int, high: int
) -> str:
    """Paragraphs of ``low``..``high`` sentences each, no sentence twice; multi-line ends in \\n."""
    sizes = [ctx.rng.randint(low, high) for _ in range(paragraphs)]
    pool = list(dict.fromkeys(ctx.rng.sample(templates, min(len(templates), sum(sizes)))))
    parts = []
    for size in sizes:
        chosen, pool = pool[:size], pool[size:]
        if chosen:
            parts.append(" ".join(capitalise(ctx.fill(t)) for t in chosen))
    return "\n\n".join(parts) + ("\n" if len(parts) > 1 else "")


def indstilling(ctx: TextContext) -> str:
    """The Indstilling section: who recommends what, as a numbered list or one sentence."""
    sender = ctx.fill(ctx.rng.choice(SENDERS))
    recs = [ctx.fill(t) for t in ctx.rng.sample(RECOMMENDATIONS, ctx.rng.randint(1, 3))]
    if len(recs) == 1:
        return f"{sender} indstiller, at {recs[0]}."
    lines = "\n".join(f"{i}. {rec}" for i, rec in enumerate(recs, 1))
    return f"{sender} indstiller, at\n\n{lines}\n"


def sentences_for(topic: str) -> tuple[str, ...]:
    """Sagsfremstilling sentences that suit a topic: the generic ones plus its groups'."""
    if topic not in _SENTENCE_CACHE:
        extra = tuple(s for g in GROUPS.get(topic, ()) for s in SPECIFIC[g])
        _SENTENCE_CACHE[topic] = SAGSFREMSTILLING + extra + extra  # weight specific ones up
    return _SENTENCE_CACHE[topic]


_SENTENCE_CACHE: dict[str, tuple[str, ...]] = {}


def sections(ctx: TextContext, topic: str) -> dict[str, str]:
    """The item's sections in the order of the minutes."""
    r = ctx.rng
    pool = sentences_for(topic)
    out: dict[str, str] = {}
    if r.random() < 0.2:
        out["Resumé"] = paragraph(ctx, pool, 1, 2)
    if r.random() < 0.85:
        out["Anledning"] = section(ctx, ANLEDNING, r.randint(1, 2), 1, 3)
    if r.random() < 0.9:
        out["Sagsfremstilling"] = section(ctx, pool, r.randint(1, 4), 2, 6)
    if r.random() < 0.25:
        out["Lovgrundlag"] = paragraph(ctx, LOVGRUNDLAG, 1, 1)
    if r.random() < 0.45:
        out["Økonomi"] = paragraph(ctx, OEKONOMI, 1, 2)
    if r.random() < 0.15:
        out["Udtalelser og høring"] = paragraph(ctx, HOERING, 1, 2)
    if r.random() < 0.95 or not out:
        out["Indstilling"] = indstilling(ctx)
    return out


def vote(rng: random.Random, parties: list[str], present: int) -> str:
    """A decision with a split vote among the parties present."""
    rng.shuffle(parties)
    cut = rng.randint(max(1, len(parties) // 2), len(parties) - 1)
    yes, no = sorted(parties[:cut], key=party_order), sorted(parties[cut:], key=party_order)
    if rng.random() < 0.6:
        return (
            f"Et flertal ({'+'.join(yes)}) godkender indstillingen.\n\n"
            f"Et mindretal ({'+'.join(no)}) stemte imod, da {rng.choice(REASONS)}.\n"
        )
    n_no = rng.randint(1, max(1, present // 3))
    return (
        f"For stemte: {', '.join(yes)} ({present - n_no})\n\n"
        f"Imod stemte: {', '.join(no)} ({n_no})\n\nIndstillingen er dermed godkendt.\n"
    )


def party_order(letter: str) -> int:
    """Sort parties in the usual ballot order."""
    return list(PARTIES).index(letter)
