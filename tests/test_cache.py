"""The cache: a rebuild is byte for byte a clean build, and an edit changes exactly the pages it
should (a meeting, an override, mkdocs.yml, a hand-written page's title in the nav)."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pytest

from built_site import site_files
from project import Project
from referat import urls
from referat.engine import build_site
from referat.outputs import PageOutput

ROOT = Path(__file__).resolve().parent.parent
FIXTURE = ROOT / "tests" / "fixtures" / "site"
MEETING = "meetings/byraadet/2024-03-20.yml"


def html_pages(site: Path) -> dict[str, bytes]:
    return {name: data for name, data in site_files(site).items() if name.endswith(".html")}


def changed(before: Path, after: Path) -> set[str]:
    old, new = html_pages(before), html_pages(after)
    return {name for name in old.keys() | new.keys() if old.get(name) != new.get(name)}


def engine_pages(meetings: Path) -> dict[str, PageOutput]:
    site = build_site(meetings, "Referater og beslutninger", display_root=meetings.parent)
    return {urls.output_path(p.path): p for p in site.pages}


# The adapter's line after rendering: how many pages it rendered and how many it took from the cache.
RENDERED = re.compile(r"referat: ([0-9,]+) pages, ([0-9,]+) rendered on .* and ([0-9,]+) from the cache")


class Builds:
    """Builds of one project: each with the shared cache, compared with a clean build."""

    def __init__(self, tmp: Path, project: Project) -> None:
        self.tmp, self.project, self.count = tmp, project, 0
        self.cache = tmp / "cache"
        self.rendered = self.hits = 0  # of the last warm build

    def warm(self) -> Path:
        """Build with the shared cache, then prove it equals a clean build of the same tree."""
        self.count += 1
        site, clean = self.tmp / f"site-{self.count}", self.tmp / f"clean-{self.count}"
        log = self.project.build(site, self.cache).stderr
        found = RENDERED.findall(log)
        assert len(found) == 1, f"no line of the adapter's renders in the build's log:\n{log}"
        self.rendered, self.hits = (int(n.replace(",", "")) for n in found[0][1:])
        self.project.build(clean, self.tmp / f"cache-clean-{self.count}")
        assert site_files(site) == site_files(clean), "the rebuild differs from a clean build"
        return site


@pytest.fixture
def builds(tmp_path: Path) -> Builds:
    project = Project(tmp_path / "project", FIXTURE)
    # A nav entry without a title takes the page's own: editing that heading changes the nav.
    project.edit("mkdocs.yml", "  - Om sitet: om.md", "  - om.md")
    return Builds(tmp_path, project)


def test_editing_a_meeting_changes_its_pages_and_the_pages_that_list_it(builds: Builds) -> None:
    first = builds.warm()
    before = engine_pages(builds.project.folder / "meetings")
    builds.project.edit(MEETING, "godkender budgettet.", "godkender budgettet med en rettelse.")
    after = engine_pages(builds.project.folder / "meetings")
    expected = {name for name in before if before[name] != after[name]}
    assert "byraadet/2024-03-20/index.html" in expected and len(expected) < len(before) / 2
    assert changed(first, builds.warm()) == expected


def test_a_rebuild_renders_only_the_pages_an_edited_decision_is_on(builds: Builds) -> None:
    builds.warm()
    before = engine_pages(builds.project.folder / "meetings")
    cold = builds.rendered
    assert cold > 10 and builds.hits == 0
    builds.warm()
    assert (builds.rendered, builds.hits) == (0, cold), "an unchanged tree was rendered again"
    builds.project.edit(MEETING, "godkender budgettet.", "godkender budgettet med en rettelse.")
    after = engine_pages(builds.project.folder / "meetings")
    # The adapter renders the pages outside the nav; MkDocs builds the nav's pages every time.
    edited = {name for name, page in after.items()
              if before.get(name) != page and not page.nav}
    assert "byraadet/2024-03-20/index.html" in edited
    builds.warm()
    assert (builds.rendered, builds.hits) == (len(edited), cold - len(edited))


def test_editing_an_override_or_mkdocs_yml_changes_every_page(builds: Builds) -> None:
    first = builds.warm()
    everything = set(html_pages(first))
    builds.project.edit("docs/overrides/main.html", "{% block scripts %}",
                        "{% block scripts %}<!-- changed -->")
    second = builds.warm()
    assert changed(first, second) == everything
    builds.project.edit("mkdocs.yml", "site_description: Referater og beslutninger",
                        "site_description: Beslutninger")
    assert changed(second, builds.warm()) == everything


def test_a_hand_written_title_changes_every_page_when_the_nav_shows_it(builds: Builds) -> None:
    first = builds.warm()
    builds.project.edit("docs/om.md", "# Om sitet", "# Om dette site")
    assert changed(first, builds.warm()) == set(html_pages(first))


def test_a_hand_written_title_the_nav_does_not_show_changes_that_page_only(
        tmp_path: Path) -> None:
    builds = Builds(tmp_path, Project(tmp_path / "project", FIXTURE))
    first = builds.warm()
    builds.project.edit("docs/om.md", "# Om sitet", "# Om dette site")
    assert changed(first, builds.warm()) == {"om/index.html"}


def test_the_engine_makes_its_outputs_without_mkdocs() -> None:
    code = ("import sys; from pathlib import Path; from referat.engine import build_site; "
            f"site = build_site(Path({str(FIXTURE)!r}), 'R'); "
            "assert 'mkdocs' not in sys.modules, 'the engine imported mkdocs'; "
            "print(len(site.pages), len(site.assets), len(site.decisions))")
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=False)
    assert done.returncode == 0, done.stderr
    pages, assets, decisions = map(int, done.stdout.split())
    assert pages > 20 and assets >= 1 and decisions >= 4
