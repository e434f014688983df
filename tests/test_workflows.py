"""The GitHub Actions workflows pass actionlint, with ShellCheck on their `run:` scripts.

actionlint and ShellCheck come from the test extra's wheels (the binaries are inside them), so
this runs the same on a closed network as in CI. `make test` can run the same command directly:
`.venv/bin/actionlint -shellcheck .venv/bin/shellcheck -pyflakes= .github/workflows/*.yml`.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
import yaml

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


def workflow(name: str) -> dict[str, Any]:
    data = yaml.safe_load((ROOT / ".github" / "workflows" / name).read_text(encoding="utf-8"))
    assert isinstance(data, dict)
    return data


def steps(name: str, job: str) -> list[dict[str, Any]]:
    return list(workflow(name)["jobs"][job]["steps"])


def index_of(found: list[dict[str, Any]], test: Any) -> int:
    hits = [i for i, step in enumerate(found) if test(step)]
    assert len(hits) == 1, f"expected one such step, found {len(hits)}: {found}"
    return hits[0]


@pytest.mark.parametrize(("name", "job", "build"), [
    ("publish.yml", "build", "make site"),
    ("pull-request.yml", "check-build-test", "make build"),
])
def test_the_builds_keep_the_page_cache_between_runs(name: str, job: str, build: str) -> None:
    """Before the build, actions/cache restores .cache/referat: the run's own key (its commit)
    if it exists, else the newest cache of an earlier run (the key's prefix)."""
    found = steps(name, job)
    cache = index_of(found, lambda s: str(s.get("uses", "")).startswith("actions/cache@"))
    built = index_of(found, lambda s: s.get("run") == build)
    assert cache < built, "the cache must be restored before the build"
    settings = found[cache]["with"]
    assert settings["path"] == ".cache/referat"  # mkdocs.yml's extra.referat.cache
    assert "${{ github.sha }}" in settings["key"]
    assert settings["key"].startswith(settings["restore-keys"])


def test_publishing_builds_with_make_site_so_a_failed_build_publishes_nothing() -> None:
    """`make site` builds into a new folder and replaces site/ only on success; plain `mkdocs
    build` empties site/ first. The artifact is the folder make site fills."""
    found = steps("publish.yml", "build")
    runs = [str(s.get("run", "")) for s in found]
    assert "make site" in runs
    assert not any("mkdocs build" in run or "make build" in run for run in runs), runs
    upload = index_of(found, lambda s: str(s.get("uses", "")).startswith(
        "actions/upload-pages-artifact@"))
    assert found[upload]["with"]["path"].rstrip("/") == "site"
    assert upload > runs.index("make site")
    makefile = (ROOT / "Makefile").read_text(encoding="utf-8")
    assert "scripts/build_site.py --site-dir site" in makefile.split("\nsite:")[1].split("\n\n")[0]
