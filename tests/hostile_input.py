"""Shared tools of the hostile-input tests: write a meetings folder, run `referat check` and
`mkdocs build` on it as separate processes (a crash cannot take the test run with it), bounded in
time and memory, and compare what they report."""

from __future__ import annotations

import re
import resource
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

from sites import ROOT

LIMIT_SECONDS = 60  # a hang fails the test instead of stalling the run
LIMIT_BYTES = 1 << 30  # 1 GB of address space: an expanding file fails instead of eating the machine
BODY = "name: Rådet\n"
PROBLEM = re.compile(r"^(?:ERROR\s+-\s+)?(?P<problem>\S.*?:\d+: .+)$")


@dataclass(frozen=True)
class Run:
    """What one command did."""

    code: int
    stdout: str
    stderr: str

    @property
    def output(self) -> str:
        return self.stdout + self.stderr

    def problems(self, meetings: Path) -> list[str]:
        """The `path:line: field: message` lines about files in `meetings`, in their order."""
        found = (PROBLEM.match(line) for line in self.output.splitlines())
        return [m["problem"] for m in found if m and m["problem"].startswith(str(meetings))]


def write_meetings(root: Path, files: dict[str, str | bytes], body: str = BODY) -> Path:
    """A meetings folder with `files` (path relative to it: text or bytes); every body folder
    named in them gets a body.yml unless `files` gives one."""
    meetings = root / "meetings"
    for name, content in files.items():
        path = meetings / name
        path.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(content, bytes):
            path.write_bytes(content)
        else:
            path.write_text(content, encoding="utf-8")
        body_file = meetings / Path(name).parts[0] / "body.yml"
        if len(Path(name).parts) > 1 and not body_file.exists() and not body_file.is_symlink():
            body_file.write_text(body, encoding="utf-8")
    return meetings


def limits() -> None:
    """Run in the child before it starts: bound its memory and its processor time."""
    resource.setrlimit(resource.RLIMIT_AS, (LIMIT_BYTES, LIMIT_BYTES))
    resource.setrlimit(resource.RLIMIT_CPU, (LIMIT_SECONDS, LIMIT_SECONDS))


def run(command: list[str], cwd: Path, env: dict[str, str] | None = None,
        bounded: bool = True) -> Run:
    base = {"PATH": str(Path(sys.executable).parent), "NO_MKDOCS_2_WARNING": "1"}
    done = subprocess.run(command, capture_output=True, text=True, cwd=cwd, env={**base, **(env or {})},
                          timeout=LIMIT_SECONDS * 2, check=False,
                          preexec_fn=limits if bounded else None)
    return Run(done.returncode, done.stdout, done.stderr)


def check(meetings: Path, *options: str) -> Run:
    """`referat check` on a meetings folder, from the project's folder as a user runs it."""
    return run([str(Path(sys.executable).parent / "referat"), "check", *options, str(meetings)],
               cwd=ROOT)


def build(meetings: Path, site: Path, bounded: bool = True) -> Run:
    """`mkdocs build --strict` of the project on another meetings folder. Pagefind needs more
    address space than a meeting file may, so a build that gets that far is run unbounded."""
    return run([sys.executable, "-m", "mkdocs", "build", "--strict", "-f", str(ROOT / "mkdocs.yml"),
                "-d", str(site)], cwd=ROOT, env={"REFERAT_MEETINGS": str(meetings)}, bounded=bounded)


def assert_check_and_build_agree(meetings: Path, site: Path) -> list[str]:
    """Both refuse the folder with the same problems, no traceback, and the build writes
    nothing; the problems, for the test to look at."""
    checked, built = check(meetings), build(meetings, site)
    assert checked.code == 1, checked.output
    assert built.code != 0 and "nothing was built" in built.stderr, built.output[-3000:]
    for ran in (checked, built):
        assert "Traceback" not in ran.output and "Segmentation" not in ran.output, ran.output[-3000:]
    assert checked.problems(meetings) == built.problems(meetings)
    assert not site.exists() or not any(site.iterdir())
    return checked.problems(meetings)
