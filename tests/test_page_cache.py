"""The pages cache (page_cache.py): a rebuild takes a meeting's pages from the cache only while
nothing they read has changed. Each input is changed in turn; the pages it shows on must change,
and the rebuild must equal a clean build. An unchanged rebuild renders no meeting or punkt page."""

from __future__ import annotations

import dataclasses
from collections import Counter
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from git_site import commit, git
from referat import pagekinds, render_index
from referat.cache import Cache
from referat.catalog import build_catalog
from referat.engine import build_site
from referat.loader import load
from referat.outputs import Output, PageOutput, TextOutput
from referat.page_cache import meeting_digests

REPO_URL = "https://github.com/raadet/referater"
# A (two treatments of case J-1 with B; neighbours; an attachment), B, C (the topic's spelling)
# and D, which shares nothing with A: a change to A's inputs must not make D's pages again.
MEETINGS = {
    "2024-01-10": """\
date: 2024-01-10
items:
  - number: 1
    title: Skolens budget
    journal: J-1
    topics: [Skole]
    decision: Godkendt.
  - number: 2
    title: Naboens sag
    decision: Udsat.
  - number: 3
    title: Med bilag
    attachments:
      - {title: Notat, file: bilag/notat.pdf}
""",
    "2024-02-14": """\
date: 2024-02-14
items:
  - number: 1
    title: Skolens budget, igen
    journal: J-1
    decision: Vedtaget.
""",
    "2024-03-13": """\
date: 2024-03-13
items:
  - number: 1
    title: Første skolesag
    topics: [Skole]
  - number: 2
    title: Anden skolesag
    topics: [Skole]
""",
    "2024-04-10": """\
date: 2024-04-10
items:
  - number: 1
    title: Noget helt andet
    decision: Taget til efterretning.
""",
}
A, B, C, D = "raadet/2024-01-10", "raadet/2024-02-14", "raadet/2024-03-13", "raadet/2024-04-10"


class Archive:
    """A meetings folder of one body, built with one cache and compared with clean builds."""

    def __init__(self, root: Path, monkeypatch: pytest.MonkeyPatch) -> None:
        self.meetings = root / "meetings"
        self.folder = self.meetings / "raadet"
        (self.folder / "bilag").mkdir(parents=True)
        (self.folder / "body.yml").write_text("name: Rådet\n", encoding="utf-8")
        for name, text in MEETINGS.items():
            (self.folder / f"{name}.yml").write_text(text, encoding="utf-8")
        (self.folder / "bilag" / "notat.pdf").write_bytes(b"%PDF-1.4\n" + b"x" * 100)
        self.cache = Cache(root / "cache")
        self.rendered: Counter[str] = Counter()  # meeting and punkt pages rendered, by meeting
        for name in ("render_meeting", "render_item"):
            monkeypatch.setattr(pagekinds, name, self.counting(getattr(pagekinds, name)))

    def counting(self, render: Callable[..., PageOutput]) -> Callable[..., PageOutput]:
        def counted(*args: Any) -> PageOutput:
            page = render(*args)
            self.rendered[page.path.rsplit("/", 1)[0]] += 1
            return page
        return counted

    def edit(self, name: str, old: str, new: str) -> None:
        path = self.folder / name
        text = path.read_text(encoding="utf-8")
        assert old in text, f"{old!r} is not in {name}"
        path.write_text(text.replace(old, new), encoding="utf-8")

    def outputs(self, cache: Cache | None, **settings: Any) -> list[Output]:
        """The pages and what is made of them (decisions' and attachments' search records); the
        whole files (feeds, data, OParl) have caches and tests of their own."""
        site = build_site(self.meetings, "Referater", display_root=self.meetings.parent,
                          cache=cache, **settings)
        assert not [p for p in site.problems if p.is_error], site.problems
        return [o for o in site.outputs if not isinstance(o, TextOutput)]

    def rebuild(self, **settings: Any) -> dict[str, PageOutput]:
        """Build with the archive's cache, prove it equals a clean build, and give its pages."""
        self.rendered.clear()
        warm = self.outputs(self.cache, **settings)
        rendered = self.rendered.copy()
        assert warm == self.outputs(None, **settings), "the rebuild differs from a clean build"
        self.rendered = rendered
        return {o.path: o for o in warm if isinstance(o, PageOutput)}


@pytest.fixture
def archive(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Archive:
    return Archive(tmp_path, monkeypatch)


def changed(before: dict[str, PageOutput], after: dict[str, PageOutput]) -> set[str]:
    return {path for path in before.keys() | after.keys() if before.get(path) != after.get(path)}


def test_an_unchanged_rebuild_renders_no_meeting_or_punkt_page(archive: Archive) -> None:
    first = archive.rebuild()
    assert sum(archive.rendered.values()) == 4 + 7, archive.rendered  # 4 meetings, 7 punkter
    assert archive.rebuild() == first
    assert not archive.rendered


def test_without_a_cache_every_page_is_rendered(archive: Archive) -> None:
    archive.outputs(None)
    archive.rendered.clear()
    archive.outputs(None)
    assert sum(archive.rendered.values()) == 11


# Each input of a meeting's pages, changed; the pages it must change (each also unchanged D's).
CHANGES: dict[str, tuple[Callable[[Archive], None], set[str]]] = {
    "an edit of the meeting": (
        lambda a: a.edit("2024-01-10.yml", "Godkendt.", "Godkendt med en rettelse."),
        {f"{A}/index.md", f"{A}/punkt-1.md", f"{B}/punkt-1.md"}),
    "an edit of a meeting in no case": (
        lambda a: a.edit("2024-03-13.yml", "Første skolesag", "Første sag om skolen"),
        {f"{C}/index.md", f"{C}/punkt-1.md", f"{C}/punkt-2.md"}),
    "an edit of another treatment of the case": (
        lambda a: a.edit("2024-02-14.yml", "Vedtaget.", "Vedtaget med en rettelse."),
        {f"{B}/index.md", f"{B}/punkt-1.md", f"{A}/punkt-1.md"}),
    "an edit of a neighbour": (
        lambda a: a.edit("2024-01-10.yml", "Naboens sag", "Naboens nye sag"),
        {f"{A}/index.md", f"{A}/punkt-1.md", f"{A}/punkt-2.md", f"{A}/punkt-3.md"}),
    "a topic renamed by the punkter of another meeting": (
        lambda a: a.edit("2024-03-13.yml", "[Skole]", "[SKOLE]"),
        {f"{A}/punkt-1.md"}),
    "an attached file changed": (
        lambda a: (a.folder / "bilag" / "notat.pdf").write_bytes(b"%PDF-1.4\n" + b"x" * 50_000),
        {f"{A}/punkt-3.md"}),
}


@pytest.mark.parametrize("name", CHANGES)
def test_a_changed_input_changes_its_pages_as_a_clean_build_does(archive: Archive, name: str) -> None:
    change, expected = CHANGES[name]
    before = archive.rebuild()
    change(archive)
    after = archive.rebuild()
    assert expected <= changed(before, after)
    assert not archive.rendered[D], "a meeting that shares nothing with the change was made again"


def test_the_body_renamed_changes_every_meeting_page(archive: Archive) -> None:
    before = archive.rebuild()
    (archive.folder / "body.yml").write_text("name: Det nye råd\n", encoding="utf-8")
    after = archive.rebuild()
    assert {p for p in before if p.startswith("raadet/2024")} <= changed(before, after)


def test_the_language_changes_every_meeting_page(archive: Archive) -> None:
    before = archive.rebuild()
    after = archive.rebuild(language="en")
    assert {p for p in before if p.startswith("raadet/2024")} <= changed(before, after)
    assert archive.rebuild() == before and not archive.rendered  # each language keeps its own


def test_a_changed_history_changes_the_pages_of_its_meeting(archive: Archive) -> None:
    git(archive.meetings.parent, "init", "-q")
    commit(archive.meetings.parent, "Referater", "2024-04-11T09:00:00+02:00")
    archive.edit("2024-01-10.yml", "Udsat.", "Udsat til næste møde.")
    commit(archive.meetings.parent, "Rettet punkt 2", "2024-04-12T09:00:00+02:00")
    settings = {"git_history": True, "repo_url": REPO_URL}
    before = archive.rebuild(**settings)
    # The same bytes under another commit: only the meeting's corrections log can show it.
    git(archive.meetings.parent, "commit", "-q", "--amend", "-m", "Rettet punkt 2 (udsat)",
        when="2024-04-13T09:00:00+02:00")
    after = archive.rebuild(**settings)
    assert {f"{A}/index.md", f"{A}/punkt-1.md", f"{A}/punkt-3.md"} <= changed(before, after)
    assert not archive.rendered[D]
    moved = archive.rebuild(git_history=True, repo_url="https://gitlab.com/raadet/referater")
    assert {p for p in after if p.startswith("raadet/2024")} <= changed(after, moved)


def test_a_meeting_has_the_loaders_digest_only_while_it_is_the_meeting_loaded(archive: Archive) -> None:
    loaded, _ = load(archive.meetings, archive.meetings.parent)
    catalog = build_catalog(loaded)
    digest_of = meeting_digests(catalog)
    first = catalog.meetings[0]
    assert digest_of(first) == dict((id(m), d) for m, d in loaded.digests)[id(first)]
    edited = dataclasses.replace(first, items=first.items[:1])  # made by no loader: its own digest
    assert digest_of(edited) not in {d for _, d in loaded.digests}
    assert digest_of(edited) != digest_of(dataclasses.replace(first, items=first.items[:2]))


def test_a_cached_page_carries_a_digest_that_changes_with_its_group(archive: Archive) -> None:
    """The adapter keys a page by its digest instead of hashing it again, so the digest must
    change whenever the page does, and only then."""
    first = archive.rebuild()
    assert first[f"{A}/index.md"].digest and first[f"{D}/index.md"].digest
    assert first["index.md"].digest is None  # an index page reads the whole archive
    archive.edit("2024-01-10.yml", "decision: Godkendt.", "decision: Godkendt med ændringer.")
    second = archive.rebuild()
    assert archive.rendered[A] and archive.rendered[B]  # their groups were made again
    for path, page in second.items():
        if page.digest is not None:
            assert (page.digest == first[path].digest) == (page == first[path]), path
    assert second[f"{A}/punkt-1.md"].digest != first[f"{A}/punkt-1.md"].digest
    assert second[f"{A}/punkt-2.md"].digest == first[f"{A}/punkt-2.md"].digest


def test_the_adapter_keys_a_page_with_a_digest_without_reading_it(monkeypatch: pytest.MonkeyPatch,
                                                                 tmp_path: Path) -> None:
    from referat.adapter import render

    def never(page: PageOutput) -> dict[str, object]:
        raise AssertionError(f"{page.path} was read for its key")
    page = PageOutput("raadet/2024-01-10/index.md", "Møde", "# Møde\n", source="raadet/2024-01-10.yml")
    config = type("Config", (), {"docs_dir": str(tmp_path / "docs")})()
    before = render.page_key_of(page, "shell", config, tmp_path)  # type: ignore[arg-type]
    monkeypatch.setattr(render, "page_meta", never)
    keyed = [render.page_key_of(dataclasses.replace(page, digest=d), "shell", config, tmp_path)  # type: ignore[arg-type]
             for d in ("one", "two")]
    assert len({before, *keyed}) == 3


GROUPED = ("render_topic_year", "render_case", "render_cases_of_year")


def test_a_topics_years_a_case_and_a_years_cases_are_made_again_only_when_their_punkter_change(
        archive: Archive, monkeypatch: pytest.MonkeyPatch) -> None:
    """The grouped kinds (pagekinds.Group) are kept by their treatments' meetings."""
    monkeypatch.setattr(render_index, "TOPIC_PAGE_LIMIT", 1)  # Skole's 3 punkter get year pages
    made: Counter[str] = Counter()
    def counting(name: str, render: Callable[..., Any]) -> Callable[..., Any]:
        def counted(*args: Any) -> Any:
            made[name] += 1
            return render(*args)
        return counted
    for name in GROUPED:
        monkeypatch.setattr(pagekinds, name, counting(name, getattr(pagekinds, name)))

    def warm() -> Counter[str]:
        made.clear()
        archive.outputs(archive.cache)
        return made.copy()
    before = archive.rebuild()
    assert any("/2024" in path and "skole" in path for path in before)  # the topic's year page
    assert warm() == Counter()
    archive.edit("2024-04-10.yml", "Taget til efterretning.", "Taget til efterretning, rettet.")
    assert warm() == Counter()  # D is in no topic and no case
    archive.edit("2024-01-10.yml", "Godkendt.", "Godkendt med en rettelse.")
    assert warm() == Counter(dict.fromkeys(GROUPED, 1))
    after = archive.rebuild()
    grouped = {path for path in changed(before, after) if not path.startswith("raadet/")}
    assert len(grouped) >= 3, grouped  # the topic's year, the case and the year's cases


def test_a_case_treated_again_changes_the_years_list_as_a_clean_build_does(
        archive: Archive) -> None:
    before = archive.rebuild()
    archive.edit("2024-04-10.yml", "title: Noget helt andet", "title: Noget helt andet\n    journal: J-9")
    archive.edit("2024-03-13.yml", "title: Første skolesag", "title: Første skolesag\n    journal: J-9")
    after = archive.rebuild()  # J-9 is treated twice now: a page of its own, linked from its year
    assert len(after) == len(before) + 1


def test_a_members_page_is_made_again_only_when_a_meeting_of_theirs_changes(
        archive: Archive, monkeypatch: pytest.MonkeyPatch) -> None:
    """Member pages are a grouped kind kept by the meetings the member has a seat at."""
    archive.edit("2024-01-10.yml", "date: 2024-01-10\n",
                 "date: 2024-01-10\nparticipants:\n  - {name: Anna Holm, party: A}\n")
    archive.edit("2024-04-10.yml", "date: 2024-04-10\n",
                 "date: 2024-04-10\nparticipants:\n  - {name: Bo Berg, party: V}\n")
    made: Counter[str] = Counter()
    render = pagekinds.render_member

    def counted(member: Any, latest: Any) -> PageOutput:
        made[member.name] += 1
        return render(member, latest)
    monkeypatch.setattr(pagekinds, "render_member", counted)
    before = archive.rebuild()
    made.clear()
    archive.outputs(archive.cache)
    assert made == Counter()
    archive.edit("2024-01-10.yml", "Godkendt.", "Godkendt med en rettelse.")
    after = archive.rebuild()  # equals a clean build
    assert made["Anna Holm"] == 2 and made["Bo Berg"] == 1  # the clean build made both
    assert {p for p in changed(before, after) if "/medlemmer/" in p} <= {
        p for p in after if "anna-holm" in p}
