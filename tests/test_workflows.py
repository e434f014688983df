"""The GitHub Actions workflows pass actionlint, with ShellCheck on their `run:` scripts.

actionlint and ShellCheck come from the test extra's wheels (the binaries are inside them), so
this runs the same on a closed network as in CI. `make test` can run the same command directly:
`.venv/bin/actionlint -shellcheck .venv/bin/shellcheck -pyflakes= .github/workflows/*.yml`.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from conftest import ROOT

BIN = Path(sys.executable).parent
ACTIONLINT = BIN / "actionlint"
SHELLCHECK = BIN / "shellcheck"
WORKFLOWS = sorted((ROOT / ".github" / "workflows").glob("*.y*ml"))


def actionlint(files: list[Path], cwd: Path = ROOT) -> subprocess.CompletedProcess[str]:
    """actionlint on the files, with ShellCheck named so that it cannot be skipped unnoticed.
    No workflow runs Python inline, so its pyflakes check is off rather than looked up."""
    for tool in (ACTIONLINT, SHELLCHECK):
        assert tool.is_file(), f"{tool} is missing: `make .venv/.installed` installs the test extra"
    return subprocess.run([str(ACTIONLINT), "-oneline", "-no-color", "-shellcheck", str(SHELLCHECK),
                           "-pyflakes=", *map(str, files)],
                          capture_output=True, text=True, cwd=cwd, check=False)


def test_the_workflows_pass_actionlint() -> None:
    assert [p.name for p in WORKFLOWS] == ["publish.yml", "pull-request.yml"]
    result = actionlint(WORKFLOWS)
    assert (result.returncode, result.stdout, result.stderr) == (0, "", ""), result.stdout


BAD_WORKFLOW = """\
on: pull_request
permissions:
  contents: read
jobs:
  build:
    runs-on: ubuntu-latest
    steps:
      - uses: actions/checkout@v4
        with:
          persist-credential: false
      - run: cd $FOLDER && echo "${{ github.event.pull_request.title }}"
"""


def test_actionlint_finds_an_old_action_a_wrong_input_and_a_shell_mistake(tmp_path: Path) -> None:
    workflow = tmp_path / ".github" / "workflows" / "bad.yml"
    workflow.parent.mkdir(parents=True)
    workflow.write_text(BAD_WORKFLOW, encoding="utf-8")
    result = actionlint([workflow], cwd=tmp_path)
    assert result.returncode == 1
    findings = result.stdout
    assert 'runtime "node20" is deprecated' in findings and "actions/checkout@v4" in findings
    assert 'input "persist-credential" is not defined' in findings
    assert "SC2086" in findings  # ShellCheck ran: an unquoted variable
    assert "potentially untrusted" in findings  # a pull request's title injected into a script
