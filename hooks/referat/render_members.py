"""Members' pages: a body's list of members, and a page per member with parties and roles over
time, the meetings attended and missed, the punkter not taken part in and the votes cast by name.
Made from members.py's records; every name and party is plain text, escaped."""

from __future__ import annotations

from collections.abc import Sequence

from . import danish, paths
from .contracts import TABLE_ATTENDANCE, TABLE_MEMBERS, TABLE_VOTES
from .members import Member, Seat, Spell
from .model import VOTE_SIDES, Body, Meeting
from .pages import Page, facts, join, table
from .render_index import meeting_link
from .render_meeting import cards, crumbs, item_label
from .text import inline

PARTY_VOTES = ("En stemme, der kun er ført efter parti, står ikke her: den siger ikke, hvordan "
               "hvert af partiets medlemmer stemte.")


def render_members(body: Body, members: Sequence[Member], latest: Meeting | None) -> Page:
    """The list of a body's members: those on the latest participants list first, then those
    who were members before; each with party and role as at their latest meeting."""
    here = paths.members(body)
    ordered = sorted(members, key=lambda m: danish.sort_key(m.name))
    now = [m for m in ordered if latest is not None and m.latest.meeting is latest]
    before = [m for m in ordered if m not in now]
    intro = ("Alle, der står på deltagerlisten i et af organets referater, har en side med parti "
             "og rolle, fremmøde og stemmer. Siderne laves kun ud fra deltagerlisterne. Parti og "
             "rolle er som ved personens seneste møde.")
    source = (f"Efter deltagerlisten fra mødet {meeting_link(latest, here, danish.short_date(latest.date))}."
              if latest is not None and now else "")
    markdown = join(
        crumbs(here, [("Organer", paths.BODIES), (body.name, paths.body(body))]),
        f"# Medlemmer af {inline(body.name)}", intro,
        join("## Deltagere i seneste møde", source, member_table(now, here)) if now else "",
        join("## Tidligere deltagere", member_table(before, here)) if before else "")
    return Page(here, f"Medlemmer af {body.name}", markdown,
                description=f"Medlemmerne af {body.name}: parti, rolle, fremmøde og stemmer.")


def member_table(members: Sequence[Member], here: str) -> str:
    rows = [[f"[{inline(m.name)}]({paths.link(here, paths.member(m.body, m.slug))})",
             inline(m.latest.participant.party or "") or "–", inline(m.latest.role or "") or "–",
             meeting_link(m.latest.meeting, here, danish.short_date(m.latest.meeting.date))]
            for m in members]
    return cards(TABLE_MEMBERS, table(["Navn", "Parti", "Rolle", "Seneste møde"], rows))


def render_member(member: Member, latest: Meeting | None) -> Page:
    """A member's page; `latest` is the body's newest participants list (is the member still
    on it?)."""
    body = member.body
    here = paths.member(body, member.slug)
    trail = [("Organer", paths.BODIES), (body.name, paths.body(body)),
             ("Medlemmer", paths.members(body))]
    markdown = join(
        crumbs(here, trail), f"# {inline(member.name)}",
        facts([("Organ", f"[{inline(body.name)}]({paths.link(here, paths.body(body))})"),
               ("Parti og rolle", spells_text(member.spells, member.latest.meeting is latest)),
               ("Møder", attendance_summary(member))]),
        join("## Møder", cards(TABLE_ATTENDANCE, table(
            ["Møde", "Fremmøde"], [seat_row(s, here) for s in reversed(member.seats)]))),
        absences(member, here), votes(member, here))
    return Page(here, f"{member.name} ({body.name})", markdown,
                description=f"{member.name} i {body.name}: parti og rolle, fremmøde og stemmer.")


def spells_text(spells: Sequence[Spell], current: bool) -> str:
    """'A, medlem, 2022–2025; formand fra 2026': the party only where it changes, and 'fra' for
    the spell that lasts to the body's latest participants list."""
    parts = []
    for i, spell in enumerate(spells):
        party = spell.party if i == 0 or spell.party != spells[i - 1].party else None
        what = ", ".join(inline(x) for x in (party, spell.role) if x) or inline(spell.party or "")
        if current and i == len(spells) - 1:
            parts.append(f"{what or 'deltager'} fra {spell.first.year}")
        else:
            years = str(spell.first.year) if spell.first.year == spell.last.year else \
                f"{spell.first.year}–{spell.last.year}"
            parts.append(f"{what}, {years}" if what else years)
    return "; ".join(parts)


def attendance_summary(member: Member) -> str:
    """'Deltog i 2 af 3 møder, heraf 1 som stedfortræder; afbud til 1 møde.'"""
    attended, total = len(member.attended), len(member.seats)
    text = f"Deltog i {attended} af {danish.count(total, 'møde', 'møder')}"
    standing_in = sum(1 for s in member.attended if s.participant.attendance == "substitute")
    if standing_in:
        text += f", heraf {standing_in} som stedfortræder"
    excused = sum(1 for s in member.missed if s.participant.attendance == "excused")
    missed = [f"afbud til {danish.count(excused, 'møde', 'møder')}" if excused else "",
              f"fraværende fra {danish.count(len(member.missed) - excused, 'møde', 'møder')}"
              if len(member.missed) > excused else ""]
    return text + "".join(f"; {part}" for part in missed if part) + "."


def seat_row(seat: Seat, here: str) -> list[str]:
    who = seat.participant
    label = danish.ATTENDANCE[who.attendance]
    if who.substitute_for:
        label += f" for {inline(who.substitute_for)}"
    return [meeting_link(seat.meeting, here, danish.short_date(seat.meeting.date)), label]


def absences(member: Member, here: str) -> str:
    """The public punkter of meetings the member was at, but whose treatment they did not take
    part in."""
    if not member.absent_from:
        return ""
    lines = [f"- {inline(danish.short_date(t.meeting.date))}: [{inline(item_label(t))}]"
             f"({paths.link(here, paths.item(t.meeting, t.item))})" for t in member.absent_from]
    return join("## Punkter uden deltagelse", f"{inline(member.name)} deltog ikke i behandlingen "
                "af disse punkter:", "\n".join(reversed(lines)))


def votes(member: Member, here: str) -> str:
    if not member.votes:
        return join("## Afstemninger", "Referaterne fører ingen stemmer med medlemmets navn.",
                    PARTY_VOTES)
    rows = [[meeting_link(v.treatment.meeting, here, danish.short_date(v.treatment.meeting.date)),
             f"[Punkt {inline(v.treatment.item.number)}]"
             f"({paths.link(here, paths.item(v.treatment.meeting, v.treatment.item))})",
             inline(v.treatment.item.title), VOTE_SIDES[v.side]] for v in reversed(member.votes)]
    return join("## Afstemninger", "Her er de stemmer, som referaterne fører med medlemmets navn.",
                PARTY_VOTES, cards(TABLE_VOTES, table(["Dato", "Punkt", "Titel", "Stemme"], rows)))
