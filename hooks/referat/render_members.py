"""Members' pages: a body's list of members, and a page per member with parties and roles over
time, the meetings attended and missed, the punkter not taken part in and the votes cast by name.
Made from members.py's records; every name and party is plain text, escaped."""

from __future__ import annotations

from collections.abc import Sequence

from . import danish, paths
from .contracts import TABLE_ATTENDANCE, TABLE_MEMBERS, TABLE_VOTES
from .i18n import N_, _
from .members import Member, Seat, Spell
from .model import VOTE_SIDES, Body, Meeting
from .pages import Page, facts, join, table
from .render_index import meeting_link
from .render_meeting import cards, crumbs, item_label
from .text import inline

PARTY_VOTES = N_("En stemme, der kun er ført efter parti, står ikke her: den siger ikke, hvordan "
               "hvert af partiets medlemmer stemte.")


def render_members(body: Body, members: Sequence[Member], latest: Meeting | None) -> Page:
    """The list of a body's members: those on the latest participants list first, then those
    who were members before; each with party and role as at their latest meeting."""
    here = paths.members(body)
    ordered = sorted(members, key=lambda m: danish.sort_key(m.name))
    now = [m for m in ordered if latest is not None and m.latest.meeting is latest]
    before = [m for m in ordered if m not in now]
    intro = _("Alle, der står på deltagerlisten i et af organets referater, har en side med parti "
              "og rolle, fremmøde og stemmer. Siderne laves kun ud fra deltagerlisterne. Parti og "
              "rolle er som ved personens seneste møde.")
    source = (_("Efter deltagerlisten fra mødet {meeting}.").format(
        meeting=meeting_link(latest, here, danish.short_date(latest.date)))
              if latest is not None and now else "")
    markdown = join(
        crumbs(here, [(_("Organer"), paths.BODIES), (body.name, paths.body(body))]),
        "# " + _("Medlemmer af {body}").format(body=inline(body.name)), intro,
        join("## " + _("Deltagere i seneste møde"), source, member_table(now, here)) if now else "",
        join("## " + _("Tidligere deltagere"), member_table(before, here)) if before else "")
    return Page(here, _("Medlemmer af {body}").format(body=body.name), markdown,
                description=_("Medlemmerne af {body}: parti, rolle, fremmøde og stemmer.").format(
                    body=body.name))


def member_table(members: Sequence[Member], here: str) -> str:
    rows = [[f"[{inline(m.name)}]({paths.link(here, paths.member(m.body, m.slug))})",
             inline(m.latest.participant.party or "") or "–", inline(m.latest.role or "") or "–",
             meeting_link(m.latest.meeting, here, danish.short_date(m.latest.meeting.date))]
            for m in members]
    return cards(TABLE_MEMBERS, table([_("Navn"), _("Parti"), _("Rolle"), _("Seneste møde")], rows))


def render_member(member: Member, latest: Meeting | None) -> Page:
    """A member's page; `latest` is the body's newest participants list (is the member still
    on it?)."""
    body = member.body
    here = paths.member(body, member.slug)
    trail = [(_("Organer"), paths.BODIES), (body.name, paths.body(body)),
             (_("Medlemmer"), paths.members(body))]
    markdown = join(
        crumbs(here, trail), f"# {inline(member.name)}",
        facts([(_("Organ"), f"[{inline(body.name)}]({paths.link(here, paths.body(body))})"),
               (_("Parti og rolle"), spells_text(member.spells, member.latest.meeting is latest)),
               (_("Møder"), attendance_summary(member))]),
        join("## " + _("Møder"), cards(TABLE_ATTENDANCE, table(
            [_("Møde"), _("Fremmøde")], [seat_row(s, here) for s in reversed(member.seats)]))),
        absences(member, here), votes(member, here))
    return Page(here, f"{member.name} ({body.name})", markdown,
                description=_("{name} i {body}: parti og rolle, fremmøde og stemmer.").format(
                    name=member.name, body=body.name))


def spells_text(spells: Sequence[Spell], current: bool) -> str:
    """'A, medlem, 2022–2025; formand fra 2026': the party only where it changes, and 'fra' for
    the spell that lasts to the body's latest participants list."""
    parts = []
    for i, spell in enumerate(spells):
        party = spell.party if i == 0 or spell.party != spells[i - 1].party else None
        what = ", ".join(inline(x) for x in (party, spell.role) if x) or inline(spell.party or "")
        if current and i == len(spells) - 1:
            parts.append(_("{what} fra {year}").format(what=what or _("deltager"),
                                                        year=spell.first.year))
        else:
            years = str(spell.first.year) if spell.first.year == spell.last.year else \
                f"{spell.first.year}–{spell.last.year}"
            parts.append(f"{what}, {years}" if what else years)
    return "; ".join(parts)


def attendance_summary(member: Member) -> str:
    """'Deltog i 2 af 3 møder, heraf 1 som stedfortræder; afbud til 1 møde.'"""
    attended, total = len(member.attended), len(member.seats)
    text = _("Deltog i {attended} af {meetings}").format(
        attended=attended, meetings=danish.count(total, "møde", "møder"))
    standing_in = sum(1 for s in member.attended if s.participant.attendance == "substitute")
    if standing_in:
        text += _(", heraf {n} som stedfortræder").format(n=standing_in)
    excused = sum(1 for s in member.missed if s.participant.attendance == "excused")
    away = len(member.missed) - excused
    missed = [_("afbud til {meetings}").format(meetings=danish.count(excused, "møde", "møder"))
              if excused else "",
              _("fraværende fra {meetings}").format(meetings=danish.count(away, "møde", "møder"))
              if away else ""]
    return text + "".join(f"; {part}" for part in missed if part) + "."


def seat_row(seat: Seat, here: str) -> list[str]:
    who = seat.participant
    label = danish.label(danish.ATTENDANCE[who.attendance])
    if who.substitute_for:
        label = _("{name} for {member}").format(name=label, member=inline(who.substitute_for))
    return [meeting_link(seat.meeting, here, danish.short_date(seat.meeting.date)), label]


def absences(member: Member, here: str) -> str:
    """The public punkter of meetings the member was at, but whose treatment they did not take
    part in."""
    if not member.absent_from:
        return ""
    lines = [f"- {inline(danish.short_date(t.meeting.date))}: [{inline(item_label(t))}]"
             f"({paths.link(here, paths.item(t.meeting, t.item))})" for t in member.absent_from]
    return join("## " + _("Punkter uden deltagelse"), _(
        "{name} deltog ikke i behandlingen af disse punkter:").format(name=inline(member.name)),
                "\n".join(reversed(lines)))


def votes(member: Member, here: str) -> str:
    if not member.votes:
        return join("## " + _("Afstemninger"),
                    _("Referaterne fører ingen stemmer med medlemmets navn."), _(PARTY_VOTES))
    punkt = _("Punkt")
    rows = [[meeting_link(v.treatment.meeting, here, danish.short_date(v.treatment.meeting.date)),
             f"[{punkt} {inline(v.treatment.item.number)}]"
             f"({paths.link(here, paths.item(v.treatment.meeting, v.treatment.item))})",
             inline(v.treatment.item.title), _(VOTE_SIDES[v.side])] for v in reversed(member.votes)]
    return join("## " + _("Afstemninger"),
                _("Her er de stemmer, som referaterne fører med medlemmets navn."), _(PARTY_VOTES),
                cards(TABLE_VOTES, table([_("Dato"), _("Punkt"), _("Titel"), _("Stemme")], rows)))
