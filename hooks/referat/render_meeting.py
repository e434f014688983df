"""Meeting pages and punkt pages."""

from __future__ import annotations

from collections.abc import Mapping
from urllib.parse import quote

from . import danish, paths
from .catalog import Case, Catalog
from .contracts import BOX_CRUMBS, BOX_TABLE, CLOSED_MARK, FACET_OUTCOME, TABLE_AGENDA
from .i18n import _
from .model import Attachment, Attendance, Item, Meeting, NextMeeting, Participant, Treatment
from .pages import Asset, Page, SearchEntry, SearchKind, facts, join, table
from .render_votes import agenda_outcome, item_outcome_parts
from .slugs import slugify
from .text import block, indent, inline, plain, short


def meeting_title(meeting: Meeting) -> str:
    return _("{body} {date}").format(body=meeting.body.name, date=danish.short_date(meeting.date))


def item_label(treatment: Treatment) -> str:
    return punkt_label(treatment.item)


def punkt_label(item: Item) -> str:
    """"Punkt 3: Valg af ordstyrer", in the site's language."""
    return _("Punkt {number}: {title}").format(number=item.number, title=item.title)


def render_meeting(meeting: Meeting, catalog: Catalog) -> Page:
    """The page of one meeting: facts, agenda with each punkt's decision, attendance, next meeting."""
    here = paths.meeting(meeting)
    markdown = join(
        f"# {inline(meeting_title(meeting))}",
        meeting_facts(meeting, here),
        status_note(meeting),
        agenda(meeting, here),
        attendance(meeting.participants),
        next_meeting(meeting.next_meeting),
    )
    return Page(here, meeting_title(meeting), markdown, "meeting", meeting.source,
                meeting_description(meeting),
                search=search_entry(meeting, meeting_title(meeting), "Møde"))


def meeting_description(meeting: Meeting) -> str:
    """'Referat fra Integrationsrådet 26. november 2025: 6 punkter.' (the page's description)."""
    items = danish.count(len(meeting.items), "punkt", "punkter")
    return _("{status} fra {meeting}: {items}.").format(
        status=danish.label(danish.STATUS[meeting.status]), meeting=meeting_title(meeting), items=items)


def crumbs(here: str, trail: list[tuple[str, str]]) -> str:
    """The way back to the front page, as a list in a box the stylesheet shows as a breadcrumb
    (Forside › Organer › Byrådet); the page itself is its heading, so it is not repeated."""
    links = [(_("Forside"), paths.FRONT), *trail]
    lines = [f"- [{inline(label)}]({paths.link(here, target)})" for label, target in links]
    return f'!!! {BOX_CRUMBS} ""\n\n{indent(chr(10).join(lines))}'


def cards(kind: str, markdown: str) -> str:
    """A table in a box the stylesheet turns into stacked cards on a phone (`kind` names the
    table's columns for the stylesheet); a real table at wider widths."""
    return f'!!! {BOX_TABLE} {kind} ""\n\n{indent(markdown)}'


def search_entry(meeting: Meeting, heading: str, kind: SearchKind, topics: tuple[str, ...] = (),
                 decision: str | None = None, outcome: str | None = None) -> SearchEntry:
    """How a meeting or punkt page appears in search, and its filters."""
    facets = (("organ", meeting.body.name), ("aar", str(meeting.date.year)), ("type", kind),
              *(("emne", topic) for topic in dict.fromkeys(topics)),
              *(((FACET_OUTCOME, outcome),) if outcome else ()))
    return SearchEntry(heading, meeting.body.name, danish.short_date(meeting.date), kind, facets,
                       decision, meeting.date.isoformat())


def meeting_facts(meeting: Meeting, here: str) -> str:
    return facts([
        (_("Organ"), f"[{inline(meeting.body.name)}]({paths.link(here, paths.body(meeting.body))})"),
        (_("Tidspunkt"), danish.when(meeting.date, meeting.start, meeting.end)),
        (_("Sted"), inline(meeting.location or "")),
        (_("Referent"), inline(meeting.minute_taker or "")),
        (_("Status"), danish.label(danish.STATUS[meeting.status])),
    ])


def status_note(meeting: Meeting) -> str:
    if meeting.status == "cancelled":
        return _("Mødet er aflyst.")
    if meeting.status == "planned":
        return _("Mødet er ikke holdt endnu. Siden viser dagsordenen; referatet kommer efter mødet.")
    return ""


# Attendance in the order a reader asks: who was there, who stood in, who sent word, who was absent.
ATTENDANCE_ORDER: tuple[Attendance, ...] = ("present", "substitute", "excused", "absent")


def attendance(participants: tuple[Participant, ...]) -> str:
    """Attendance in a few lines, one for each kind: 'Mødt: Anne Aa (A, formand), ...'."""
    if not participants:
        return ""
    groups = [(danish.label(danish.ATTENDANCE[kind]), ", ".join(person(p) for p in participants
                                                  if p.attendance == kind))
              for kind in ATTENDANCE_ORDER]
    return join("## " + _("Deltagere"), facts(groups))


def person(who: Participant) -> str:
    """'Anne Aa (A, formand)'; a substitute says whom for."""
    about = ", ".join(inline(x) for x in (who.party, who.role) if x)
    text = inline(who.name) + (f" ({about})" if about else "")
    return _("{name} for {member}").format(name=text, member=inline(who.substitute_for)) \
        if who.substitute_for else text


def agenda(meeting: Meeting, here: str) -> str:
    """Each punkt's number, title and decision; a closed punkt says so."""
    if not meeting.items:
        return join("## " + _("Dagsorden"), _("Mødet har ingen punkter."))
    rows = [[inline(item.number),
             f"[{inline(item.title)}]({paths.link(here, paths.item(meeting, item))})"
             + (f" *{_(CLOSED_MARK)}*" if item.closed else ""),
             (agenda_outcome(item) + inline(short(item.decision))) or "–"]
            for item in meeting.items]
    return join("## " + _("Dagsorden"),
                cards(TABLE_AGENDA, table([_("Punkt"), _("Titel"), _("Beslutning")], rows)))


def next_meeting(announced: NextMeeting | None) -> str:
    if announced is None:
        return ""
    when = danish.when(announced.date, announced.start, announced.end)
    place = f", {inline(announced.location)}" if announced.location else ""
    return join("## " + _("Næste møde"), f"{when[0].upper()}{when[1:]}{place}.",
                block(announced.note or ""))


def render_item(treatment: Treatment, neighbours: tuple[Treatment | None, Treatment | None],
                catalog: Catalog, assets: Mapping[str, Asset]) -> Page:
    """The page of one punkt; a closed punkt shows its title and decision only. `assets` are
    the copied attachment files by their path in the site."""
    meeting, item = treatment.meeting, treatment.item
    here = paths.item(meeting, item)
    open_parts = () if item.closed else (
        *(join(f"## {inline(heading)}", block(text)) for heading, text in item.sections.items()),
    )
    markdown = join(
        f"# {inline(item.title)}",
        item_context(treatment, here),
        item_facts(treatment, here, catalog),
        decision(item.decision),
        item_outcome_parts(item),  # empty for a closed punkt
        _("Punktet er lukket. Kun titel og beslutning offentliggøres.") if item.closed else "",
        *open_parts,
        "" if item.closed else attachments(treatment, here, assets),
        related(other_treatments(treatment, here, catalog), pager(neighbours, here)),
    )
    title = f"{item_label(treatment)} · {meeting_title(meeting)}"
    topics = () if item.closed else topic_names(item.topics, catalog)  # closed: not published
    entry = search_entry(meeting, item_label(treatment), "Punkt", topics,
                         plain(item.decision or "") or None,
                         None if item.closed else item.outcome)
    about = short(item.decision) or _("Der er ikke registreret en beslutning.")
    return Page(here, title, markdown, "punkt", meeting.source,
                _("{punkt}, {meeting}. Beslutning: {decision}").format(
                    punkt=item_label(treatment), meeting=meeting_title(meeting), decision=about),
                search=entry)


def topic_names(topics: tuple[str, ...], catalog: Catalog) -> tuple[str, ...]:
    """Each topic as its topic page spells it, so search filters match the pages."""
    return tuple(catalog.topics[slugify(name)].name for name in topics)


def related(*blocks: str) -> str:
    """Links to other pages, in a box that search leaves out (it is not this punkt's text)."""
    body = join(*blocks)
    return f'!!! relateret ""\n\n{indent(body)}' if body.strip() else ""


def item_context(treatment: Treatment, here: str) -> str:
    meeting = treatment.meeting
    link = f"[{inline(meeting_title(meeting))}]({paths.link(here, paths.meeting(meeting))})"
    closed = f" · {_(CLOSED_MARK)}" if treatment.item.closed else ""
    return _("Punkt {number} på mødet {meeting}").format(
        number=inline(treatment.item.number), meeting=link) + closed


def item_facts(treatment: Treatment, here: str, catalog: Catalog) -> str:
    item = treatment.item
    case = catalog.case_of(treatment)
    topics = [f"[{inline(name)}]({paths.link(here, paths.topic(slugify(name)))})"
              for name in dict.fromkeys(item.topics) if not item.closed]
    return facts([
        (_("Tidspunkt"), danish.when(treatment.meeting.date, treatment.meeting.start)),
        (_("Sag"), case_fact(case, here)),
        (_("Emner"), ", ".join(topics)),
    ])


def decision(text: str | None) -> str:
    body = block(text) if text else _("Der er ikke registreret en beslutning.")
    title = _("Beslutning")
    return f'!!! beslutning ""\n\n    ## {title}\n\n{indent(body)}'


def attachments(treatment: Treatment, here: str, assets: Mapping[str, Asset]) -> str:
    listed = [attachment_line(treatment, a, here, assets) for a in treatment.item.attachments]
    return join("## " + _("Bilag"), "\n".join(f"- {line}" for line in listed)) if listed else ""


def attachment_line(treatment: Treatment, attachment: Attachment, here: str,
                    assets: Mapping[str, Asset]) -> str:
    title = inline(attachment.title)
    if attachment.file:
        target = paths.attachment(treatment.meeting, attachment.file)
        asset = assets.get(target)
        about = f" ({inline(file_facts(asset))})" if asset else ""
        # Quoted, so that '#', '?', '%' and spaces in a file name stay part of the path.
        return f"[{title}]({quote(paths.link(here, target))}){about}"
    if attachment.url:
        return f"[{title}](<{attachment.url}>)"
    return _("{title} (bilaget er ikke offentliggjort som fil)").format(title=title)


def file_facts(asset: Asset) -> str:
    """'PDF, 1,2 MB': what a reader wants to know before opening an attachment."""
    return f"{danish.file_kind(asset.path)}, {danish.file_size(asset.size)}"


def case_fact(case: Case | None, here: str) -> str:
    """The journal number, linked to the case's page when the case has one (treated more than
    once: a case treated once has no page, for it would repeat this one)."""
    if case is None:
        return ""
    if not has_page(case):
        return inline(case.journal)
    return f"[{inline(case.journal)}]({paths.link(here, paths.journal(case.slug))})"


def has_page(case: Case) -> bool:
    """A case has a page of its own only when it was treated more than once."""
    return len(case.treatments) > 1


def other_treatments(treatment: Treatment, here: str, catalog: Catalog) -> str:
    """The case's other treatments, newest first, each with its decision."""
    case = catalog.case_of(treatment)
    others = [t for t in case.treatments if t.item is not treatment.item] if case else []
    if not case or not others:
        return ""
    label, case_page = _("Beslutning"), _("sagens side")
    lines = [f"- {inline(danish.short_date(t.meeting.date))}, {inline(t.meeting.body.name)}: "
             f"[{inline(item_label(t))}]({paths.link(here, paths.item(t.meeting, t.item))})  \n"
             f"  {label}: {inline(short(t.item.decision)) or '–'}" for t in reversed(others)]
    case_link = f"[{case_page}]({paths.link(here, paths.journal(case.slug))})"
    return join("## " + _("Sagens andre behandlinger"), "\n".join(lines),
                _("Hele forløbet står på {case_page}.").format(case_page=case_link))


def pager(neighbours: tuple[Treatment | None, Treatment | None], here: str) -> str:
    parts = [f"{label}: [{inline(item_label(t))}]({paths.link(here, paths.item(t.meeting, t.item))})"
             for label, t in zip((_("Forrige punkt"), _("Næste punkt")), neighbours, strict=True) if t]
    return "  \n".join(parts)
