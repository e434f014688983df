"""A `mkdocs build` that succeeded ends at once (ending.py): with status 0 and its whole log; a
build that fails after its pages are written still exits with MkDocs' error."""

from __future__ import annotations

import subprocess
from pathlib import Path

from project import Project
from referat.adapter import ending

ROOT = Path(__file__).resolve().parent.parent
FIXTURE = ROOT / "tests" / "fixtures" / "site"


def build(project: Project, site: Path, cache: Path) -> subprocess.CompletedProcess[str]:
    command, env = project.command(site, cache)
    return subprocess.run(command, capture_output=True, text=True, env=env, cwd=project.folder,
                          check=False)


def test_a_build_that_succeeds_ends_with_status_0_and_its_whole_log(tmp_path: Path) -> None:
    result = build(Project(tmp_path / "p", FIXTURE), tmp_path / "site", tmp_path / "cache")
    assert result.returncode == 0, result.stderr
    assert "Documentation built in" in result.stderr.splitlines()[-1]
    assert (tmp_path / "site" / "sitemap.xml.gz").is_file()


def test_a_strict_build_that_fails_after_its_pages_exits_with_the_error(tmp_path: Path) -> None:
    """MkDocs counts the warnings only after the last plugin event: the quick end must not
    turn that failure into success."""
    project = Project(tmp_path / "p", FIXTURE)
    (project.folder / "docs" / "brudt.md").write_text("# Brudt\n\n[et link](findes-ikke.md)\n",
                                                       encoding="utf-8")
    result = build(project, tmp_path / "site", tmp_path / "cache")
    assert result.returncode == 1
    assert "Aborted with 2 warnings in strict mode" in result.stdout + result.stderr


def test_a_build_inside_another_program_is_not_ended() -> None:
    """Here the program is pytest: ending it would lose the tests' results."""
    assert not ending.is_mkdocs_build()
    ending.end_if_built()  # returns; the test goes on
