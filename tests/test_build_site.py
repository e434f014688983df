"""`make site` (scripts/build_site.py): a failed build leaves the site folder byte for byte as it was;
a good build replaces it whole. Every build is a real `mkdocs build --strict`."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import FIXTURES, ROOT

SCRIPT = ROOT / "scripts" / "build_site.py"


def build_site(site: Path, meetings: Path) -> subprocess.CompletedProcess[str]:
    """Run the script as `make site` does, on another meetings folder and site folder."""
    env = {"PATH": str(Path(sys.executable).parent), "REFERAT_MEETINGS": str(meetings)}
    return subprocess.run([sys.executable, str(SCRIPT), "-f", str(ROOT / "mkdocs.yml"), "-d", str(site)],
                          capture_output=True, text=True, env=env, cwd=ROOT, check=False)


def contents(folder: Path) -> dict[str, bytes]:
    """Every file and folder under `folder`, with the bytes of each file."""
    return {path.relative_to(folder).as_posix(): path.read_bytes() if path.is_file() else b"<folder>"
            for path in sorted(folder.rglob("*"))}


@pytest.fixture(scope="module")
def fixture_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The fixture meetings built by the script into a folder that did not exist yet."""
    site = tmp_path_factory.mktemp("fixture") / "site"
    result = build_site(site, FIXTURES / "site")
    assert result.returncode == 0, result.stderr
    assert (site / "byraadet" / "index.html").is_file() and (site / "pagefind").is_dir()
    assert sorted(p.name for p in site.parent.iterdir()) == ["site"]
    return site


@pytest.fixture
def published(fixture_site: Path, tmp_path: Path) -> Path:
    """A copy of the fixture site in a folder of its own, as a published site/."""
    site = tmp_path / "out" / "site"
    shutil.copytree(fixture_site, site)
    return site


def link_to_no_page(tmp_path: Path) -> Path:
    """Meetings that `referat check` passes but `mkdocs build --strict` fails only after it has
    emptied the site folder: a decision links to a page that does not exist."""
    meetings = tmp_path / "meetings"
    shutil.copytree(FIXTURES / "site", meetings)
    meeting = meetings / "byraadet" / "2024-03-20.yml"
    text = meeting.read_text(encoding="utf-8")
    meeting.write_text(text.replace("Imod stemte: Ø.", "Imod stemte: Ø. Se [notatet](notat.md)."),
                       encoding="utf-8")
    return meetings


def errors_in_files(tmp_path: Path) -> Path:
    """Meetings with errors, which stop the build before MkDocs empties the site folder."""
    return FIXTURES / "bad" / "many-problems"


@pytest.mark.parametrize("broken", [errors_in_files, link_to_no_page], ids=lambda f: f.__name__)
def test_failed_build_keeps_the_site_byte_for_byte(published: Path, tmp_path: Path, broken) -> None:
    meetings = broken(tmp_path)
    before, inode = contents(published), published.stat().st_ino
    result = build_site(published, meetings)
    assert result.returncode != 0
    assert contents(published) == before and published.stat().st_ino == inode
    assert sorted(p.name for p in published.parent.iterdir()) == ["site"], "the new build was left behind"
    assert "build failed" in result.stderr and f"{published} was kept as it was" in result.stderr
    assert "Traceback" not in result.stdout + result.stderr


def test_failed_first_build_leaves_no_site(tmp_path: Path) -> None:
    site = tmp_path / "out" / "site"
    result = build_site(site, FIXTURES / "bad" / "many-problems")
    assert result.returncode != 0 and "was kept as it was" in result.stderr
    assert list(site.parent.iterdir()) == []


def test_good_build_replaces_the_whole_site(published: Path) -> None:
    (published / "left-over.html").write_text("from an older build", encoding="utf-8")
    result = build_site(published, ROOT / "meetings")
    assert result.returncode == 0, result.stderr
    assert not (published / "left-over.html").exists() and not (published / "byraadet").exists()
    assert (published / "integrationsraadet" / "index.html").is_file()
    assert (published / "pagefind" / "manifest.json").is_file()
    assert sorted(p.name for p in published.parent.iterdir()) == ["site"], "the old site was left behind"
    assert "building into" in result.stderr and f"OK: {published} replaced" in result.stderr


def test_make_site_runs_the_script() -> None:
    result = subprocess.run(["make", "--dry-run", "site"], capture_output=True, text=True, cwd=ROOT,
                            check=False)
    assert result.returncode == 0, result.stderr
    assert "scripts/build_site.py --site-dir site" in result.stdout


def test_help_says_what_it_does() -> None:
    result = subprocess.run([sys.executable, str(SCRIPT), "--help"], capture_output=True, text=True,
                            check=False)
    assert result.returncode == 0
    assert "replace the site folder only if it succeeded" in " ".join(result.stdout.split())
