"""The cache stays correct through a killed build and two builds at once: afterwards, builds with
that cache equal a clean build, byte for byte."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

from built_site import site_files
from project import Project

ROOT = Path(__file__).resolve().parent.parent


def synthetic_archive(folder: Path, items: int) -> Path:
    done = subprocess.run([sys.executable, str(ROOT / "bench" / "synth.py"), str(folder),
                           "--items", str(items), "--quiet"], capture_output=True, text=True,
                          check=False)
    assert done.returncode == 0, done.stderr
    return folder


def rendered(cache: Path) -> int:
    return sum(1 for _ in (cache / "pages").rglob("*.html")) if (cache / "pages").is_dir() else 0


def test_a_killed_build_and_two_builds_at_once_leave_the_cache_correct(tmp_path: Path) -> None:
    project = Project(tmp_path / "project", synthetic_archive(tmp_path / "archive", 300))
    cache = tmp_path / "cache"
    command, env = project.command(tmp_path / "killed", cache)
    killed = subprocess.Popen(command, env=env, cwd=project.folder, start_new_session=True,
                              stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    deadline = time.monotonic() + 600
    while rendered(cache) < 20 and killed.poll() is None and time.monotonic() < deadline:
        time.sleep(0.02)
    assert killed.poll() is None, "the build ended before it could be killed halfway"
    os.killpg(killed.pid, signal.SIGKILL)  # the build and its workers, mid-write
    killed.wait()
    assert rendered(cache) > 0

    both = [project.start(tmp_path / name, cache) for name in ("first", "second")]
    for build in both:
        _, errors = build.communicate(timeout=900)
        assert build.returncode == 0, errors
    project.build(tmp_path / "clean", tmp_path / "clean-cache")
    clean = site_files(tmp_path / "clean")
    assert len(clean) > 500
    assert site_files(tmp_path / "first") == clean
    assert site_files(tmp_path / "second") == clean
