"""The exit path: ProperDocs, the maintained continuation of MkDocs 1.x, builds the same site.

ProperDocs installs beside MkDocs (its own package and command, `properdocs`); when it runs, it
answers every `import mkdocs...`, so the hook and the adapter run unchanged on it. The MkDocs build
is the session's `example` fixture; what may differ between the two builds is listed in
site_snapshot.py.
"""

from __future__ import annotations

import subprocess
import sys
from importlib.metadata import version
from pathlib import Path

import pytest
from packaging.version import Version

from conftest import ROOT
from site_snapshot import differences, snapshot

LOWEST = Version("1.6.7")  # the first ProperDocs release this project was compared with


def properdocs_build(site: Path, meetings: Path | None = None) -> subprocess.CompletedProcess[str]:
    """`properdocs build --strict` on the project, in the environment `mkdocs_build` uses."""
    env = {"PATH": str(Path(sys.executable).parent), "NO_MKDOCS_2_WARNING": "1"}
    if meetings is not None:
        env["REFERAT_MEETINGS"] = str(meetings)
    return subprocess.run([sys.executable, "-m", "properdocs", "build", "--strict", "-f",
                           str(ROOT / "mkdocs.yml"), "-d", str(site)],
                          capture_output=True, text=True, env=env, cwd=ROOT, check=False)


@pytest.fixture(scope="module")
def properdocs_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    site = tmp_path_factory.mktemp("properdocs") / "site"
    result = properdocs_build(site)
    assert result.returncode == 0, result.stderr
    assert "referat: indexed" in result.stderr, "the hook did not run under ProperDocs"
    return site


def test_properdocs_is_pinned_at_a_compared_release() -> None:
    assert Version(version("properdocs")) >= LOWEST


def test_properdocs_builds_the_same_pages_as_mkdocs(example: Path, properdocs_site: Path) -> None:
    mkdocs, properdocs = snapshot(example), snapshot(properdocs_site)
    assert len(mkdocs) > 100, "the MkDocs build is too small to compare"
    problems = differences(mkdocs, properdocs)
    assert problems == [], "ProperDocs (second) built other pages than MkDocs (first):\n" + \
        "\n".join(problems)


def test_the_comparison_sees_which_builder_made_a_page(example: Path, properdocs_site: Path) -> None:
    # The one normalised tag really differs, so the two builds really came from two builders.
    page = "integrationsraadet/2025-11-26/punkt-31/index.html"
    assert 'content="mkdocs-1.6.1' in (example / page).read_text(encoding="utf-8")
    built = (properdocs_site / page).read_text(encoding="utf-8")
    assert f"ProperDocs {version('properdocs')}" in built


def test_the_comparison_finds_a_changed_page(example: Path, tmp_path: Path) -> None:
    copy = snapshot(example)
    page = "integrationsraadet/2025-11-26/punkt-31/index.html"
    copy[page] = copy[page].replace(b"Godkendt", b"Afvist")
    del copy["om/index.html"]
    problems = differences(snapshot(example), copy)
    assert problems[0] == "only in the first: om/index.html"
    assert problems[1].startswith(f"differs: {page}: line ")
    assert "Afvist" in problems[1]


def test_a_bad_meeting_file_stops_a_properdocs_build(tmp_path: Path) -> None:
    meetings = tmp_path / "meetings" / "raad"
    meetings.mkdir(parents=True)
    (meetings / "body.yml").write_text("name: Rådet\n", encoding="utf-8")
    (meetings / "2024-01-01.yml").write_text("date: 2024-01-01\ntitel: x\nitems: []\n")
    site = tmp_path / "site"
    site.mkdir()
    (site / "published.txt").write_text("the site as it was")
    result = properdocs_build(site, tmp_path / "meetings")
    assert result.returncode != 0
    assert "raad/2024-01-01.yml:2: titel: unknown key" in result.stderr
    assert "nothing was built" in result.stderr and "Traceback" not in result.stderr
    assert [p.name for p in site.iterdir()] == ["published.txt"]
