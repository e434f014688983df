"""The preview: `mkdocs serve` shows an edited meeting once it is saved, and while a meeting file
has an error every address shows the problems page (it does not hang or keep the old pages);
once the file is fixed the site is back."""

from __future__ import annotations

import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from built_site import site_files
from project import Project

ROOT = Path(__file__).resolve().parent.parent
FIXTURE = ROOT / "tests" / "fixtures" / "site"
MEETING = "meetings/byraadet/2024-03-20.yml"
MEETING_URL = "byraadet/2024-03-20/"
PROBLEMS = "Mødefilerne har fejl"  # the problems page's heading (adapter/preview.py)
pytestmark = pytest.mark.slow  # two sites served and built again after each save: about a minute each
START_SECONDS = 300  # the first build of the fixture, on a busy machine
CHANGE_SECONDS = 120  # from a save until the served page shows it


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def get(url: str) -> tuple[int, str] | None:
    """The status and text of a page, or None while the server does not answer."""
    try:
        with urllib.request.urlopen(url, timeout=CHANGE_SECONDS) as response:
            return response.status, response.read().decode("utf-8")
    except urllib.error.HTTPError as error:
        return error.code, error.read().decode("utf-8", errors="replace")
    except (urllib.error.URLError, OSError):
        return None


class Served:
    """`mkdocs serve` of a project, and a way to wait for what a page shows."""

    def __init__(self, process: subprocess.Popen[str], base: str) -> None:
        self.process, self.base = process, base

    def until(self, path: str, shows: Callable[[int, str], bool], seconds: float) -> str:
        """The page's text once `shows` holds for it; fails if the server dies or it takes longer."""
        deadline = time.monotonic() + seconds
        last: tuple[int, str] | None = None
        while time.monotonic() < deadline:
            assert self.process.poll() is None, "mkdocs serve stopped"
            last = get(self.base + path)
            if last is not None and shows(*last):
                return last[1]
            time.sleep(0.1)
        raise AssertionError(f"{path} did not show the change within {seconds} s; "
                             f"it answered {last[0] if last else 'nothing'}")


@pytest.fixture
def project(tmp_path: Path) -> Project:
    return Project(tmp_path / "project", FIXTURE)


@pytest.fixture
def served(project: Project, tmp_path: Path) -> Iterator[Served]:
    port = free_port()
    (tmp_path / "tmp").mkdir()  # where mkdocs serve makes the folder it serves
    env = {"PATH": str(Path(sys.executable).parent), "NO_MKDOCS_2_WARNING": "1",
           "REFERAT_CACHE": str(tmp_path / "cache"), "HOME": str(tmp_path),
           "TMPDIR": str(tmp_path / "tmp")}
    log = (tmp_path / "serve.log").open("w")
    process = subprocess.Popen([sys.executable, "-m", "mkdocs", "serve", "--dev-addr",
                                f"127.0.0.1:{port}", "-f", str(project.folder / "mkdocs.yml")],
                               cwd=project.folder, env=env, stdout=log, stderr=subprocess.STDOUT,
                               text=True)
    try:
        server = Served(process, f"http://127.0.0.1:{port}/")
        server.until(MEETING_URL, lambda status, _: status == 200, START_SECONDS)
        time.sleep(1.0)  # the watcher's first scan is done: the next save is a change to it
        yield server
    finally:
        process.terminate()
        process.wait(timeout=60)
        log.close()


def test_a_saved_edit_shows_on_the_served_page(project: Project, served: Served) -> None:
    page = served.until(MEETING_URL, lambda status, _: status == 200, CHANGE_SECONDS)
    assert "godkender budgettet." in page and "Rettet under forhåndsvisningen" not in page
    project.edit(MEETING, "godkender budgettet.",
                 "godkender budgettet. Rettet under forhåndsvisningen.")
    served.until(MEETING_URL, lambda _, text: "Rettet under forhåndsvisningen" in text,
                 CHANGE_SECONDS)


def test_a_file_with_an_error_shows_the_problems_page_until_it_is_fixed(
        project: Project, served: Served) -> None:
    project.edit(MEETING, 'start: "19:00"', 'start: "25:99"')
    for path in ("", MEETING_URL):  # the front page, and the meeting's own address
        page = served.until(path, lambda _, text: PROBLEMS in text, CHANGE_SECONDS)
        assert "2024-03-20.yml:2: start:" in page, page
    project.edit(MEETING, 'start: "25:99"', 'start: "19:00"')
    page = served.until(MEETING_URL, lambda status, text: status == 200 and PROBLEMS not in text,
                        CHANGE_SECONDS)
    assert "godkender budgettet." in page


def rendered_pages(site: Path) -> dict[str, tuple[int, bytes]]:
    """The pages linked from the cache (the adapter's), with their change time (a new link
    changes it) and bytes."""
    return {p.relative_to(site).as_posix(): (p.stat().st_ctime_ns, p.read_bytes())
            for p in site.rglob("*.html") if p.stat().st_nlink > 1}


def test_a_save_writes_only_what_changed_and_the_preview_equals_a_clean_build(
        project: Project, served: Served, tmp_path: Path) -> None:
    """The preview builds on its previous site: an unchanged page is not written again, a page
    no longer made is removed, and the site is byte for byte a clean build of the same files."""
    (site,) = (tmp_path / "tmp").glob("mkdocs_*")
    before = rendered_pages(site)
    project.edit(MEETING, "godkender budgettet.", "godkender budgettet. Rettet i forhåndsvisningen.")
    served.until(MEETING_URL, lambda _, text: "Rettet i forhåndsvisningen" in text, CHANGE_SECONDS)
    (project.folder / "meetings/byraadet/2024-06-19.yml").unlink()
    served.until("byraadet/2024-06-19/", lambda status, _: status == 404, CHANGE_SECONDS)
    time.sleep(1.0)  # the build that removed it has finished writing
    after = rendered_pages(site)
    kept = [name for name in after if name in before and after[name][1] == before[name][1]]
    assert len(kept) > 10
    assert all(after[name][0] == before[name][0] for name in kept), "an unchanged page was written"
    assert not any(name.startswith("byraadet/2024-06-19/") for name in site_files(site))
    command, env = project.command(tmp_path / "clean", tmp_path / "clean-cache")
    env["SITE_URL"] = served.base
    done = subprocess.run(command, env=env, cwd=project.folder, capture_output=True, text=True,
                          check=False)
    assert done.returncode == 0, done.stderr
    assert site_files(site) == site_files(tmp_path / "clean")
