"""Members' pages, made without MkDocs: who gets a page (participants of held meetings only, never
a name in a text), parties and roles over time, attendance, votes by name (a party's vote is no
member's), closed punkter left out, the settings that turn the pages off, and their addresses."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
import yaml

from conftest import ROOT
from referat import members, paths
from referat.engine import Site, build_site
from referat.loader import load
from referat.model import Body, Item, Meeting, Participant, Votes, VoteSide
from referat.settings import read_settings

BODY = "name: Rådet\n"


def meeting(date: str, participants: str, items: str = "", status: str = "held") -> str:
    """A meeting file: `participants` and `items` are YAML list entries, one a line."""
    items = items or "  - {number: 1, title: Godkendelse af dagsorden, decision: Godkendt.}\n"
    return (f"date: {date}\nstatus: {status}\nparticipants:\n{participants}items:\n{items}")


def archive(tmp_path: Path, files: dict[str, str], body: str = BODY) -> Path:
    """A meetings folder with one body, raad/, and the given meeting files."""
    folder = tmp_path / "meetings" / "raad"
    folder.mkdir(parents=True)
    (folder / "body.yml").write_text(body, encoding="utf-8")
    for name, text in files.items():
        (folder / name).write_text(text, encoding="utf-8")
    return folder.parent


def site_of(meetings: Path, member_pages: bool = True) -> Site:
    site = build_site(meetings, "Referater", display_root=meetings.parent, member_pages=member_pages)
    assert [str(p) for p in site.problems if p.is_error] == []
    return site


def member_pages(site: Site, body: str = "raad") -> dict[str, str]:
    """The members' pages of a body (the list of members too), Markdown by path."""
    return {p.path: p.markdown for p in site.pages if p.path.startswith(f"{body}/medlemmer/")}


ANNE = "  - {name: Anne Aa, party: A, role: medlem}\n"
BO = "  - {name: Bo Bæk, party: V, role: medlem}\n"


# Who gets a page ------------------------------------------------------------------------------

def test_the_example_s_participants_get_pages_and_no_one_else() -> None:
    site = site_of(ROOT / "meetings")
    archive_, _ = load(ROOT / "meetings")
    listed = {(m.body.slug, members.member_slugs([members.key(p.name) for p in m.participants])[
        members.key(p.name)]) for m in archive_.meetings if m.status == "held" for p in m.participants}
    made = {tuple(p.path.removesuffix(".md").split("/medlemmer/")) for p in site.pages
            if "/medlemmer/" in p.path and not p.path.endswith("/index.md")}
    assert made == listed
    assert ("eksempeludvalget", "sara-quist") in made
    assert ("eksempeludvalget", "birgit-skov") in made  # a substitute is a participant too
    assert ("integrationsraadet", "tiaheswery-thiaharaja") in made
    # Names only in texts: the minute taker, and first names in the 2022 decisions.
    for name in ("alice-flink", "tiahes", "ghassan"):
        assert not any(p.path.endswith(f"/medlemmer/{name}.md") for p in site.pages), name


def test_a_name_only_in_a_decision_or_section_gets_no_page(tmp_path: Path) -> None:
    items = ("  - number: 1\n    title: Henvendelse fra en borger\n"
             "    sections: {Sagsfremstilling: Karl Borger har skrevet til rådet.}\n"
             "    decision: Karl Borger får svar. Anne Aa svarer.\n")
    site = site_of(archive(tmp_path, {"2025-01-01.yml": meeting("2025-01-01", ANNE, items)}))
    assert sorted(member_pages(site)) == ["raad/medlemmer/anne-aa.md", "raad/medlemmer/index.md"]
    assert all("Karl Borger" not in text for text in member_pages(site).values())


def test_planned_and_cancelled_meetings_make_no_members(tmp_path: Path) -> None:
    site = site_of(archive(tmp_path, {
        "2025-01-01.yml": meeting("2025-01-01", ANNE),
        "2025-02-01.yml": meeting("2025-02-01", BO, status="planned"),
        "2025-03-01.yml": meeting("2025-03-01", "  - {name: Cai Cy}\n", status="cancelled")}))
    assert sorted(member_pages(site)) == ["raad/medlemmer/anne-aa.md", "raad/medlemmer/index.md"]
    assert "1 af 1 møde" in member_pages(site)["raad/medlemmer/anne-aa.md"]


def test_a_body_without_participants_has_no_members_pages(tmp_path: Path) -> None:
    text = "date: 2025-01-01\nitems:\n  - {number: 1, title: Punkt, decision: Godkendt.}\n"
    site = site_of(archive(tmp_path, {"2025-01-01.yml": text}))
    assert member_pages(site) == {}
    body = next(p for p in site.pages if p.path == "raad/index.md")
    assert "medlemmer" not in body.markdown


# Parties and roles over time, attendance --------------------------------------------------------

def test_parties_and_roles_over_time(tmp_path: Path) -> None:
    files = {"2022-05-01.yml": meeting("2022-05-01", ANNE + BO),
             "2025-05-01.yml": meeting("2025-05-01", ANNE + BO.replace("V,", "C,")),
             "2026-05-01.yml": meeting("2026-05-01", ANNE.replace("medlem", "formand"))}
    pages = member_pages(site_of(archive(tmp_path, files)))
    assert "A, medlem, 2022–2025; formand fra 2026" in pages["raad/medlemmer/anne-aa.md"]
    # Bo is not on the latest list: his last spell is closed, and he is listed as before.
    assert "V, medlem, 2022; C, medlem, 2025\n" in pages["raad/medlemmer/bo-baek.md"]
    listing = pages["raad/medlemmer/index.md"]
    now, before = listing.split("## Tidligere deltagere")
    assert "[Anne Aa](anne-aa.md) | A | formand |" in now and "Bo Bæk" not in now
    assert "[Bo Bæk](bo-baek.md) | C | medlem |" in before


def test_meetings_attended_and_missed_are_counted_and_listed(tmp_path: Path) -> None:
    files = {"2025-01-01.yml": meeting("2025-01-01", ANNE),
             "2025-02-01.yml": meeting("2025-02-01", ANNE.replace("medlem}", "medlem, attendance: excused}")),
             "2025-03-01.yml": meeting("2025-03-01", ANNE.replace("medlem}", "medlem, attendance: absent}")),
             "2025-04-01.yml": meeting("2025-04-01", "  - {name: Anne Aa, party: A, attendance: "
                                       "substitute, substitute_for: Bo Bæk}\n")}
    page = member_pages(site_of(archive(tmp_path, files)))["raad/medlemmer/anne-aa.md"]
    assert ("Deltog i 2 af 4 møder, heraf 1 som stedfortræder; afbud til 1 møde; fraværende fra "
            "1 møde.") in page
    rows = [line for line in page.splitlines() if "](../2025-" in line and "| " in line]
    assert rows == [
        "    | [1\\. april 2025](../2025-04-01/index.md) | Stedfortræder for Bo Bæk |",
        "    | [1\\. marts 2025](../2025-03-01/index.md) | Fraværende |",
        "    | [1\\. februar 2025](../2025-02-01/index.md) | Afbud |",
        "    | [1\\. januar 2025](../2025-01-01/index.md) | Mødt |"]
    assert "A, medlem, 2025; stedfortræder fra 2025" in page


# Votes and absences ----------------------------------------------------------------------------

VOTES = ("  - number: 1\n    title: Forslag om bus\n    decision: Afvist.\n"
         "    votes:\n      for: {names: [Anne Aa]}\n      against: {names: [Bo Bæk, Cai Cy]}\n"
         "  - number: 2\n    title: Budget\n    decision: Godkendt.\n"
         "    votes:\n      for: {parties: [A, V]}\n      abstain: {names: [Cai Cy]}\n"
         "  - number: 3\n    title: Plan\n    decision: Godkendt.\n    absent_from_item: [Bo Bæk]\n")
CAI = "  - {name: Cai Cy, party: V, role: medlem}\n"


@pytest.fixture
def voted(tmp_path: Path) -> dict[str, str]:
    return member_pages(site_of(archive(tmp_path, {
        "2025-01-01.yml": meeting("2025-01-01", ANNE + BO + CAI, VOTES)})))


def test_votes_cast_by_name_are_on_the_member_s_page(voted: dict[str, str]) -> None:
    def rows(slug: str) -> list[str]:
        return [line.split(" | ", 2)[2] for line in voted[f"raad/medlemmer/{slug}.md"].splitlines()
                if "punkt-" in line and line.lstrip().startswith("|")]
    assert rows("anne-aa") == ["[Punkt 1](../2025-01-01/punkt-1.md) | Forslag om bus | For |"]
    assert rows("bo-baek") == ["[Punkt 1](../2025-01-01/punkt-1.md) | Forslag om bus | Imod |"]
    assert rows("cai-cy") == ["[Punkt 2](../2025-01-01/punkt-2.md) | Budget | Undlod |",
                              "[Punkt 1](../2025-01-01/punkt-1.md) | Forslag om bus | Imod |"]


def test_a_vote_by_party_is_no_member_s_vote_and_the_page_says_so(voted: dict[str, str]) -> None:
    anne = voted["raad/medlemmer/anne-aa.md"]
    assert "Budget" not in anne  # A voted for punkt 2 as a party: not Anne's vote
    assert "En stemme, der kun er ført efter parti, står ikke her" in anne


def test_absences_from_a_punkt_are_listed(voted: dict[str, str]) -> None:
    bo = voted["raad/medlemmer/bo-baek.md"]
    assert "## Punkter uden deltagelse" in bo
    assert "- 1\\. januar 2025: [Punkt 3: Plan](../2025-01-01/punkt-3.md)" in bo
    assert "## Punkter uden deltagelse" not in voted["raad/medlemmer/anne-aa.md"]


def test_closed_punkter_add_no_votes_and_no_absences() -> None:
    """The loader refuses votes on a closed punkt; the model leaves one out if it comes anyway."""
    body = Body("raad", "Rådet")
    vote = Votes(for_=VoteSide(names=("Anne Aa",)))
    items = (Item("1", "Åben", votes=vote), Item("2", "Lukket", closed=True, votes=vote,
                                                 absent_from_item=("Anne Aa",)))
    held = Meeting(body, "2025-01-01", "raad/2025-01-01.yml", dt.date(2025, 1, 1), items,
                   participants=(Participant("Anne Aa", "A"),))
    [anne] = members.gather(body, [held])
    assert [(v.treatment.item.title, v.side) for v in anne.votes] == [("Åben", "for")]
    assert anne.absent_from == ()


def test_names_are_escaped(tmp_path: Path) -> None:
    who = "  - {name: 'Anne *Aa* [x](javascript:1)', party: A}\n"
    pages = member_pages(site_of(archive(tmp_path, {"2025-01-01.yml": meeting("2025-01-01", who)})))
    page = pages["raad/medlemmer/anne-aa-x-javascript-1.md"]
    assert "# Anne \\*Aa\\* \\[x\\](javascript:1)" in page


# Settings that turn the pages off ----------------------------------------------------------------

def test_a_body_yml_turns_its_members_pages_off(tmp_path: Path) -> None:
    site = site_of(archive(tmp_path, {"2025-01-01.yml": meeting("2025-01-01", ANNE)},
                           BODY + "member_pages: false\n"))
    assert member_pages(site) == {}
    body = next(p for p in site.pages if p.path == "raad/index.md")
    assert "- Anne Aa (A, medlem)" in body.markdown and "medlemmer/" not in body.markdown


def test_the_site_setting_turns_every_body_s_members_pages_off(tmp_path: Path) -> None:
    meetings = archive(tmp_path, {"2025-01-01.yml": meeting("2025-01-01", ANNE)})
    assert member_pages(site_of(meetings, member_pages=False)) == {}
    on = site_of(meetings)
    body = next(p for p in on.pages if p.path == "raad/index.md")
    assert "- [Anne Aa](medlemmer/anne-aa.md) (A, medlem)" in body.markdown
    assert "[Alle medlemmer](medlemmer/index.md)" in body.markdown


@pytest.mark.parametrize(("value", "expected"), [("false", False), ("true", True),
                                                 ("'false'", False), ("' TRUE '", True)])
def test_the_site_setting_is_read(tmp_path: Path, value: str, expected: bool) -> None:
    settings, problems = read_settings(yaml.safe_load(f"member_pages: {value}"),
                                       tmp_path / "mkdocs.yml")
    assert problems == [] and settings.member_pages is expected


def test_a_wrong_site_setting_is_a_clear_error(tmp_path: Path) -> None:
    config = tmp_path / "mkdocs.yml"
    config.write_text("site_name: T\nextra:\n  referat:\n    member_pages: ja\n", encoding="utf-8")
    settings, problems = read_settings({"member_pages": "ja"}, config)
    assert [str(p) for p in problems] == ["mkdocs.yml:4: extra.referat.member_pages: expected "
                                          "true or false, found 'ja'; write e.g. "
                                          "'member_pages: false'"]
    assert settings.member_pages is True


# Addresses ----------------------------------------------------------------------------------------

def test_names_with_the_same_slug_get_distinct_lasting_addresses() -> None:
    slugs = members.member_slugs(["Søren Ø", "Soeren Oe", "Index", "Anne Aa"])
    assert slugs["Soeren Oe"] == "soeren-oe"  # first in sorted order keeps the plain slug
    assert slugs["Søren Ø"].startswith("soeren-oe-") and len(slugs["Søren Ø"]) == len("soeren-oe-") + 6
    assert slugs["Index"].startswith("index-")  # medlemmer/index is the list of members
    assert slugs["Anne Aa"] == "anne-aa"
    assert members.member_slugs(["Søren Ø", "Soeren Oe"]) == {k: slugs[k] for k in ("Søren Ø", "Soeren Oe")}


def test_slug_clashes_give_two_pages(tmp_path: Path) -> None:
    who = "  - {name: Søren Ø}\n  - {name: Soeren Oe}\n  - {name: '  Søren   Ø '}\n"
    pages = member_pages(site_of(archive(tmp_path, {"2025-01-01.yml": meeting("2025-01-01", who)})))
    assert len(pages) == 3  # the list and two members: spacing does not make a third
    assert "raad/medlemmer/soeren-oe.md" in pages


def test_an_attachment_in_the_members_folder_is_refused(tmp_path: Path) -> None:
    items = ("  - number: 1\n    title: Punkt\n    decision: Godkendt.\n"
             "    attachments: [{title: Liste, file: medlemmer/liste.pdf}]\n")
    meetings = archive(tmp_path, {"2025-01-01.yml": meeting("2025-01-01", ANNE, items)})
    (meetings / "raad" / "medlemmer").mkdir()
    (meetings / "raad" / "medlemmer" / "liste.pdf").write_bytes(b"%PDF-1.4\n%%EOF\n")
    _, problems = load(meetings)
    assert [p.message for p in problems] == [
        "'medlemmer/liste.pdf' would take the place of the body's members' pages (raad/medlemmer); "
        "rename the file or move it into a folder such as bilag/"]


def test_the_pages_live_in_the_body_s_folder() -> None:
    body = Body("raad", "Rådet")
    assert (paths.members(body), paths.member(body, "anne-aa")) == (
        "raad/medlemmer/index.md", "raad/medlemmer/anne-aa.md")
