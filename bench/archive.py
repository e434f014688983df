"""The archive writer: meetings in date order, their agenda items and cases, as YAML files."""

from __future__ import annotations

import heapq
import random
import sys
import time
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path
from typing import Any

from bodies import BODIES, ORGANISATION, BodySpec
from cases import Case, Journals, related_nouns
from people import People
from prose import TextContext, sections, vote
from shape import MEAN_ITEMS, Options, add_minutes, choose_sizes, meeting_dates
from vocabulary import (
    ATTACHMENT_TITLES,
    CLOSED_DECISIONS,
    CLOSED_TITLES,
    CONDITIONAL_DECISIONS,
    MEDDELELSER,
    NOUN_LIST,
    NOUNS,
    REASONS,
    SIMPLE_DECISIONS,
    TOPICS,
    Noun,
)
from yaml_output import Flow, Quoted, dump_yaml

PROGRESS_EVERY = 1000
CLOSED_SHARE = 0.05
ATTACHMENT_URL = "https://dokumenter.example.org/bilag/"
MAX_CASE_DAYS = 3 * 365

# A tiny valid-enough PDF used for every attachment written as a file.
PLACEHOLDER_PDF = (
    b"%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n"
    b"2 0 obj<</Type/Pages/Kids[3 0 R]/Count 1>>endobj\n"
    b"3 0 obj<</Type/Page/Parent 2 0 R/MediaBox[0 0 595 842]>>endobj\n"
    b"trailer<</Root 1 0 R>>\n%%EOF\n"
)


# --------------------------------------------------------------------------------------------
# The generator
# --------------------------------------------------------------------------------------------


@dataclass
class Stats:
    """What was written."""

    bodies: int = 0
    meetings: int = 0
    items: int = 0
    closed: int = 0
    attachments: int = 0
    bytes: int = 0
    first: date | None = None
    last: date | None = None
    journals: int = 0


class Generator:
    """Writes the archive meeting by meeting, in date order."""

    def __init__(self, outdir: Path, opts: Options) -> None:
        """Plan sizes and set up the random sources."""
        self.outdir = outdir
        self.opts = opts
        self.target = opts.items
        self.seed = opts.seed
        n_bodies, self.per_year, self.first_year = choose_sizes(opts.items, opts.bodies, opts.years)
        self.bodies = list(BODIES[:n_bodies])
        self.by_slug = {b.slug: b for b in self.bodies}
        self.rng = random.Random(opts.seed)
        self.people = People(self.rng, self.bodies)
        self.journals = Journals(self.rng)
        self.due: dict[str, list[tuple[date, int, Case]]] = {b.slug: [] for b in self.bodies}
        self.counter = 0
        self.numbers: dict[tuple[str, int], int] = {}
        self.titles: set[str] = set()  # titles used in the current meeting
        self.stats = Stats(bodies=n_bodies)

    # -- schedule ---------------------------------------------------------------------------

    def dates(self, body: BodySpec, year: int) -> list[date]:
        """Meeting dates of a body in a year."""
        return meeting_dates(body, year, self.per_year, self.seed)

    def schedule(self) -> Iterator[tuple[date, BodySpec, date]]:
        """Every meeting (date, body, next date of that body) in date order, year after year."""
        order = {b.slug: i for i, b in enumerate(self.bodies)}
        year = self.first_year
        while True:
            rows = []
            for body in self.bodies:
                days = self.dates(body, year) + self.dates(body, year + 1)[:1]
                rows += [
                    (d, order[body.slug], body, nxt) for d, nxt in zip(days, days[1:], strict=False)
                ]
            for d, _, body, nxt in sorted(rows, key=lambda row: (row[0], row[1])):
                yield d, body, nxt
            year += 1

    # -- cases ------------------------------------------------------------------------------

    def new_case(self, body: BodySpec, day: date, closed: bool = False) -> Case:
        """Open a case in ``body`` with a plan of later treatments (up to 3 years)."""
        r = self.rng
        topic = TOPICS[r.choice(body.topics)]
        extra = [t for t in topic.related if t in TOPICS] or list(body.topics)
        topics = [topic.name] + r.sample(extra, min(len(extra), r.choice((0, 0, 1, 1, 2))))
        nouns = [NOUNS[k] for k in topic.nouns]
        ctx = self._ctx(body, day, nouns[0], nouns[-1])
        title = ctx.fill(r.choice(CLOSED_TITLES if closed else topic.titles))
        for _ in range(3):  # avoid two items with the same title in one meeting
            if title not in self.titles:
                break
            title = ctx.fill(r.choice(CLOSED_TITLES if closed else topic.titles))
        self.titles.add(title)
        journal = (
            self.journals.issue(topic, day.year) if r.random() < (0.8 if closed else 0.95) else None
        )
        plan = [] if closed else self._plan(body)
        return Case(
            journal,
            title,
            topic,
            list(dict.fromkeys(topics)),
            nouns[0],
            r.choice(related_nouns(topic)),
            day,
            plan,
            body.slug,
        )

    def _plan(self, body: BodySpec) -> list[tuple[str, int]]:
        """Later treatments: 0-7 more, sometimes alternating with a second body."""
        r = self.rng
        more = r.choices(range(8), weights=(40, 25, 12, 8, 6, 4, 3, 2))[0]
        second = [s for s in body.successors if s in self.by_slug]
        other = second[0] if second and r.random() < 0.3 else None
        plan: list[tuple[str, int]] = []
        where = body.slug
        for _ in range(more):
            if other and where == body.slug and r.random() < 0.7:
                where = other
                plan.append((where, r.randint(5, 35)))
            else:
                where = body.slug
                plan.append((where, r.randint(30, 330)))
        return plan

    def schedule_next(self, case: Case, day: date) -> None:
        """Queue the case's next treatment, if any, in the body that will treat it."""
        if not case.plan:
            return
        slug, gap = case.plan.pop(0)
        self.counter += 1
        heapq.heappush(self.due[slug], (day + timedelta(days=gap), self.counter, case))

    def due_cases(self, body: BodySpec, day: date, limit: int) -> list[Case]:
        """Up to ``limit`` queued cases due in this body by ``day`` (stale ones dropped)."""
        queue, out = self.due[body.slug], []
        while queue and queue[0][0] <= day and len(out) < limit:
            _, _, case = heapq.heappop(queue)
            if (day - case.opened).days <= MAX_CASE_DAYS:
                out.append(case)
        return out

    # -- items ------------------------------------------------------------------------------

    def _ctx(self, body: BodySpec, day: date, noun: Noun, noun2: Noun) -> TextContext:
        """A fresh text context for one item."""
        others = [b.name for b in self.bodies if b.slug != body.slug] or [body.name]
        return TextContext(self.rng, day, body, noun, noun2, self.rng.choice(others))

    def number(self, body: BodySpec, day: date) -> int:
        """Next item number: continuous through the year per body."""
        key = (body.slug, day.year)
        self.numbers[key] = self.numbers.get(key, 0) + 1
        return self.numbers[key]

    def case_item(
        self, case: Case, body: BodySpec, day: date, participants: list[Flow]
    ) -> dict[str, Any]:
        """An agenda item treating ``case`` at this meeting."""
        if body.slug == case.home or case.stage < 0:
            case.stage += 1  # a second body treats the stage its home body just treated
        stage = case.topic.stages[min(case.stage, len(case.topic.stages) - 1)]
        item: dict[str, Any] = {"number": self.number(body, day)}
        item["title"] = f"{case.title} - {stage}" if stage else case.title
        if case.journal:
            item["journal"] = case.journal
        item["topics"] = case.topics
        ctx = self._ctx(body, day, case.noun, case.noun2)
        item["sections"] = sections(ctx, case.topic.name)
        forward = case.plan[0][0] if case.plan and case.plan[0][0] != body.slug else None
        item["decision"] = self.decision(ctx, body, participants, forward)
        attachments = self.attachments(ctx, body, day, item["number"])
        if attachments:
            item["attachments"] = attachments
        return item

    def closed_item(self, body: BodySpec, day: date) -> dict[str, Any]:
        """A closed item: number, title, journal, topics and decision only."""
        case = self.new_case(body, day, closed=True)
        item: dict[str, Any] = {"number": self.number(body, day), "title": case.title}
        if case.journal:
            item["journal"] = case.journal
        item["topics"] = case.topics[:1]
        item["closed"] = True
        item["decision"] = self.rng.choice(CLOSED_DECISIONS)
        self.stats.closed += 1
        return item

    def standard_item(self, body: BodySpec, day: date, kind: str) -> dict[str, Any]:
        """Godkendelse af dagsorden, Meddelelser or Eventuelt."""
        r = self.rng
        number = self.number(body, day)
        if kind == "dagsorden":
            return {
                "number": number,
                "title": "Godkendelse af dagsorden",
                "topics": ["Dagsorden"],
                "sections": {"Indstilling": "Formanden indstiller, at dagsordenen godkendes."},
                "decision": "Godkendt.",
            }
        if kind == "meddelelser":
            ctx = self._ctx(body, day, r.choice(NOUN_LIST), r.choice(NOUN_LIST))
            lines = "\n".join(f"- {ctx.fill(t)}" for t in r.sample(MEDDELELSER, r.randint(2, 4)))
            return {
                "number": number,
                "title": "Meddelelser",
                "topics": ["Meddelelser"],
                "sections": {"Sagsfremstilling": lines + "\n"},
                "decision": "Orienteringen taget til efterretning.",
            }
        return {
            "number": number,
            "title": "Eventuelt",
            "decision": r.choice(("Intet.", "Drøftet.")),
        }

    def decision(
        self, ctx: TextContext, body: BodySpec, participants: list[Flow], forward: str | None
    ) -> str:
        """The Beslutning: simple, conditional, with a vote, or with a protocol remark.

        ``forward`` is the slug of the body that treats the case next, if another one.
        """
        r = ctx.rng
        x = r.random()
        if forward and body.kind != "council" and x < 0.5:
            name = self.by_slug[forward].name
            return r.choice(
                (f"Anbefales over for {name}.", f"Oversendes til {name} med anbefaling.")
            )
        if x < 0.55:
            return r.choice(SIMPLE_DECISIONS)
        if x < 0.7:
            return ctx.fill(r.choice(CONDITIONAL_DECISIONS))
        present = [p for p in participants if p.get("attendance") in ("present", "substitute")]
        parties = list(dict.fromkeys(p["party"] for p in present if p.get("party")))
        if x < 0.9 and len(parties) >= 3:
            return vote(r, parties, len(present))
        politicians = [p for p in present if p.get("party")]
        if x < 0.95 and politicians:
            who = r.choice(politicians)
            return (
                f"{who['name']} ({who['party']}) deltog ikke i behandlingen af sagen på grund "
                f"af inhabilitet.\n\nGodkendt.\n"
            )
        if parties:
            return (
                f"Godkendt.\n\nProtokolbemærkning fra {r.choice(parties)}: Partiet kan ikke "
                f"støtte forslaget, da {r.choice(REASONS)}.\n"
            )
        return r.choice(SIMPLE_DECISIONS)

    def attachments(self, ctx: TextContext, body: BodySpec, day: date, number: int) -> list[Flow]:
        """0-3 attachments; some as placeholder PDFs in ``bilag/``, most as URLs."""
        r = ctx.rng
        if r.random() > 0.35:
            return []
        out = []
        for k in range(1, r.randint(1, 3) + 1):
            title = ctx.fill(r.choice(ATTACHMENT_TITLES))
            if r.random() < 0.3:
                rel = f"bilag/{day.isoformat()}-punkt-{number}-{k}.pdf"
                self.write(self.outdir / body.slug / rel, PLACEHOLDER_PDF)
                out.append(Flow(title=title, file=rel))
            else:
                out.append(
                    Flow(title=title, url=f"{ATTACHMENT_URL}{r.randrange(10**6, 10**7)}.pdf")
                )
        self.stats.attachments += len(out)
        return out

    # -- meetings ---------------------------------------------------------------------------

    def meeting(self, body: BodySpec, day: date, nxt: date) -> dict[str, Any]:
        """One meeting file's content."""
        r = self.rng
        end_minutes = r.randrange(body.minutes // 2, body.minutes + 30, 15)
        participants = self.people.participants(body, day)
        data: dict[str, Any] = {
            "date": day,
            "start": Quoted(body.start),
            "end": Quoted(add_minutes(body.start, end_minutes)),
            "location": body.location,
            "status": "held",
            "minute_taker": self.people.term(day.year).minute_takers[body.slug],
            "participants": participants,
        }
        data["items"] = self.items(body, day, participants)
        data["next_meeting"] = Flow(date=nxt, start=Quoted(body.start), location=body.location)
        return data

    def items(self, body: BodySpec, day: date, participants: list[Flow]) -> list[dict[str, Any]]:
        """The agenda: dagsorden, recurring and new cases, closed items, meddelelser/eventuelt."""
        r = self.rng
        self.titles = set()
        total = int(round(r.triangular(6, 18, MEAN_ITEMS)))
        head = ["dagsorden"] if r.random() < 0.7 else []
        tail = [r.choice(("meddelelser", "eventuelt"))] if r.random() < 0.5 else []
        slots = total - len(head) - len(tail)
        n_closed = sum(1 for _ in range(slots) if r.random() < CLOSED_SHARE)
        cases = self.due_cases(body, day, slots - n_closed)
        cases += [self.new_case(body, day) for _ in range(slots - n_closed - len(cases))]
        r.shuffle(cases)
        out = [self.standard_item(body, day, k) for k in head]
        for case in cases:
            out.append(self.case_item(case, body, day, participants))
            self.schedule_next(case, day)
        out += [self.closed_item(body, day) for _ in range(n_closed)]
        out += [self.standard_item(body, day, k) for k in tail]
        return out

    # -- output -----------------------------------------------------------------------------

    def write(self, path: Path, content: bytes) -> None:
        """Write bytes, creating folders, and count them."""
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(content)
        self.stats.bytes += len(content)

    def write_bodies(self) -> None:
        """Write every body's body.yml."""
        for body in self.bodies:
            data = {
                "name": body.name,
                "organisation": ORGANISATION,
                "description": body.description,
            }
            self.write(self.outdir / body.slug / "body.yml", dump_yaml(data, self.opts.pure_yaml))

    def run(self) -> Stats:
        """Generate meetings in date order until the target number of items is reached."""
        started = time.perf_counter()
        self.write_bodies()
        for day, body, nxt in self.schedule():
            if self.stats.items >= self.target:
                break
            data = self.meeting(body, day, nxt)
            path = self.outdir / body.slug / f"{day.isoformat()}.yml"
            if path.exists():
                raise RuntimeError(f"synth: two meetings of {body.slug} on {day}")
            self.write(path, dump_yaml(data, self.opts.pure_yaml))
            self.count(day, len(data["items"]), started)
        self.stats.journals = self.journals.issued
        return self.stats

    def count(self, day: date, items: int, started: float) -> None:
        """Update statistics and print a progress line every PROGRESS_EVERY meetings."""
        s = self.stats
        s.meetings += 1
        s.items += items
        s.first = s.first or day
        s.last = day
        if not self.opts.quiet and s.meetings % PROGRESS_EVERY == 0:
            print(
                f"synth: {s.meetings} meetings, {s.items} items, up to {day}, "
                f"{s.bytes / 1e6:.1f} MB, {time.perf_counter() - started:.1f} s",
                file=sys.stderr,
            )
