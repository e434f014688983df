"""Hostile addresses. Two items, topics or journal numbers that would get the same address are an
error naming both places; a body folder named like an index page, a hand-written page in docs/ or
a folder the theme or search writes is refused, and so is a topic or journal number called
'index'. The reserved names are derived from the docs folder and the engine, and `referat check`
and `mkdocs build` agree; a hand-written page at a generated address stops the build before MkDocs
empties the site folder."""

from __future__ import annotations

import shutil
import sys
from pathlib import Path

import pytest

from hostile_input import assert_check_and_build_agree, build, check, run, write_meetings
from referat.addresses import engine_names, site_names
from referat.loader import BODY_SLUG
from sites import ROOT

ITEM = "  - number: {number}\n    title: Punkt {number}\n    decision: Godkendt\n"


def meeting(date: str, *items: str) -> str:
    return f"date: {date}\nitems:\n" + "".join(items)


def item(number: str, journal: str | None = None, topics: list[str] | None = None) -> str:
    text = ITEM.format(number=number)
    if journal:
        text += f"    journal: \"{journal}\"\n"
    if topics:
        text += f"    topics: [{', '.join(topics)}]\n"
    return text


FILES: dict[str, str | bytes] = {
    "raad/2025-11-26.yml": meeting("2025-11-26", item("1", "20/33839", ["Børn/Unge", "Økonomi"]),
                                   item("1.a"), item("1-a")),
    "raad/2025-12-03.yml": meeting("2025-12-03", item("1", "20-33839", ["Børn-Unge", "økonomi"]),
                                   item("2", "Index", ["INDEX"])),
}
EXPECTED = [
    ("raad/2025-11-26.yml:11", "punkt 1-a (items[3]).number", "1-a gives the same address as 1.a on line 8"),
    ("raad/2025-12-03.yml:6", "punkt 1 (items[1]).journal", "the journal number '20-33839' gets the same "
     "address (sag/20-33839/) as '20/33839' ({meetings}/raad/2025-11-26.yml:6); write it the same "
     "way in both places"),
    ("raad/2025-12-03.yml:7", "punkt 1 (items[1]).topics[1]", "the topic 'Børn-Unge' gets the same address "
     "(emne/boern-unge/) as 'Børn/Unge' ({meetings}/raad/2025-11-26.yml:7)"),
    ("raad/2025-12-03.yml:11", "punkt 2 (items[2]).journal", "the journal number 'Index' would take the "
     "address sag/index/ of the list of them; choose another name"),
    ("raad/2025-12-03.yml:12", "punkt 2 (items[2]).topics[1]", "the topic 'INDEX' would take the address "
     "emne/index/ of the list of them"),
]


def reserved_in_docs() -> list[str]:
    """Body-folder names the project's docs folder takes, read here from the folder itself."""
    names = {p.stem if p.suffix == ".md" else p.name for p in (ROOT / "docs").iterdir()}
    return sorted(n for n in names if BODY_SLUG.match(n))


def test_the_reserved_names_come_from_the_docs_folder_and_the_engine() -> None:
    names = site_names(ROOT)
    assert {"ydelse", "om", "format", "tilgaengelighed", "soeg", "stylesheets"} <= set(names)
    assert set(reserved_in_docs()) <= set(names)
    assert {"organer", "aar", "emne", "sag", "sager", "pagefind", "pagefind-beslutninger",
            "oparl", "atom", "kalender"} <= set(engine_names())
    assert names["ydelse"] == "docs/ydelse.md"


@pytest.fixture(scope="module")
def reported(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, list[str]]:
    root = tmp_path_factory.mktemp("addresses")
    files = dict(FILES)
    for name in [*reserved_in_docs(), *engine_names()]:
        if BODY_SLUG.match(name):
            files[f"{name}/2025-11-26.yml"] = meeting("2025-11-26", item("1"))
    meetings = write_meetings(root, files)
    return meetings, assert_check_and_build_agree(meetings, root / "site")


@pytest.mark.parametrize("expected", EXPECTED, ids=[e[1] + "@" + e[0] for e in EXPECTED])
def test_two_things_with_one_address_are_an_error_naming_both(
        reported: tuple[Path, list[str]], expected: tuple[str, str, str]) -> None:
    meetings, problems = reported
    place, field, message = expected
    wanted = f"{meetings}/{place}: {field}: {message.format(meetings=meetings)}"
    assert any(p.startswith(wanted) for p in problems), "\n".join(problems)


def test_spellings_that_differ_only_in_case_are_one_topic(reported: tuple[Path, list[str]]) -> None:
    _, problems = reported
    assert not [p for p in problems if "Økonomi" in p or "økonomi" in p]


@pytest.mark.parametrize("name", sorted({*reserved_in_docs(), *filter(BODY_SLUG.match, engine_names())}))
def test_a_body_folder_may_not_take_a_page_the_site_needs(reported: tuple[Path, list[str]],
                                                          name: str) -> None:
    meetings, problems = reported
    [problem] = [p for p in problems if p.startswith(f"{meetings / name}:1: body: ")]
    assert f"folder name '{name}' is used by the site itself (" in problem
    assert problem.endswith("choose another name")


def test_a_body_folder_named_like_a_docs_page_says_which(reported: tuple[Path, list[str]]) -> None:
    meetings, problems = reported
    assert f"{meetings}/ydelse:1: body: folder name 'ydelse' is used by the site itself " \
        "(docs/ydelse.md); choose another name" in problems


@pytest.fixture
def project(tmp_path: Path) -> Path:
    """A copy of the project (configuration and docs; the engine linked) with hand-written pages
    at the addresses of generated ones."""
    project = tmp_path / "project"
    project.mkdir()
    shutil.copy(ROOT / "mkdocs.yml", project / "mkdocs.yml")
    shutil.copytree(ROOT / "docs", project / "docs")
    (project / "hooks").symlink_to(ROOT / "hooks")
    (project / "docs" / "index.md").write_text("# Vores egen forside\n", encoding="utf-8")
    (project / "docs" / "emne").mkdir()
    (project / "docs" / "emne" / "trafik.md").write_text("# Trafik\n", encoding="utf-8")
    write_meetings(project, {"raad/2025-11-26.yml": meeting("2025-11-26", item("1"))})
    return project


def test_a_docs_page_at_a_generated_address_stops_check_and_build_before_cleaning(
        project: Path) -> None:
    site = project / "site"
    site.mkdir()
    (site / "published.html").write_text("the published site", encoding="utf-8")
    checked = run([str(Path(sys.executable).parent / "referat"), "check"], cwd=project)
    built = run([sys.executable, "-m", "mkdocs", "build", "--strict"], cwd=project)
    expected = ["docs/emne:1: docs: has the address of the list of topics, which the site makes; "
                "rename or remove it",
                "docs/index.md:1: docs: has the address of the front page, which the site makes; "
                "rename or remove it"]
    for ran in (checked, built):
        assert ran.code != 0 and all(line in ran.output for line in expected), ran.output[-2000:]
        assert "Traceback" not in ran.output
    assert [p.name for p in site.iterdir()] == ["published.html"]


def test_check_and_build_pass_when_nothing_clashes(tmp_path: Path) -> None:
    meetings = write_meetings(tmp_path, {"raad/2025-11-26.yml": meeting(
        "2025-11-26", item("1", "20/33839", ["Børn/Unge"]), item("2", "20/33839", ["børn/unge"]))})
    assert check(meetings).code == 0
    assert build(meetings, tmp_path / "site", bounded=False).code == 0
    assert (tmp_path / "site" / "emne" / "boern-unge" / "index.html").is_file()
