"""The settings under extra.referat in mkdocs.yml: typed, with defaults, and every mistake reported
at its line the way meeting files report theirs."""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml
from mkdocs.config import load_config

from referat.settings import SETTINGS, Settings, read_settings

ROOT = Path(__file__).resolve().parent.parent


def config(tmp_path: Path, referat: str) -> Path:
    """A mkdocs.yml whose extra.referat is the given YAML block (indented under it)."""
    path = tmp_path / "mkdocs.yml"
    block = "".join(f"    {line}\n" for line in referat.splitlines())
    path.write_text(f"site_name: Test\nextra:\n  analytics: none\n  referat:\n{block}",
                    encoding="utf-8")
    return path


def read(path: Path) -> tuple[Settings, list[str]]:
    """Read the file as MkDocs would hand it over (plain YAML here), and the problems as printed."""
    values = yaml.safe_load(path.read_text(encoding="utf-8"))["extra"]["referat"]
    settings, problems = read_settings(values, path)
    return settings, [str(p) for p in problems]


def test_no_settings_give_the_defaults(tmp_path: Path) -> None:
    settings, problems = read_settings(None, tmp_path / "mkdocs.yml")
    assert problems == []
    assert settings == defaults(tmp_path)


def defaults(project: Path) -> Settings:
    return Settings(project, (project / "meetings").resolve(), "tilgaengelighed/",
                    (project / ".cache" / "referat").resolve(), 0, 5000)


def test_the_example_site_s_settings_are_read_with_mkdocs_own_loader() -> None:
    values = load_config(str(ROOT / "mkdocs.yml")).extra["referat"]
    settings, problems = read_settings(values, ROOT / "mkdocs.yml")
    assert problems == []
    assert (settings.meetings, settings.accessibility) == (ROOT / "meetings", "tilgaengelighed/")


def test_a_relative_meetings_folder_is_resolved_beside_mkdocs_yml(tmp_path: Path) -> None:
    settings, problems = read(config(tmp_path, "meetings: ../archive/meetings\n"
                                               "accessibility: https://was.example.dk/erklaering"))
    assert problems == []
    assert settings.meetings == (tmp_path.parent / "archive" / "meetings").resolve()
    assert settings.accessibility == "https://was.example.dk/erklaering"


def test_a_misspelt_key_is_an_error_at_its_line_with_a_did_you_mean(tmp_path: Path) -> None:
    _, problems = read(config(tmp_path, "meetings: meetings\nacessibility: om/"))
    assert problems == ["mkdocs.yml:6: extra.referat.acessibility: unknown key, its value would be "
                        "lost; did you mean 'accessibility'?"]


def test_an_unknown_key_far_from_any_lists_the_known_keys(tmp_path: Path) -> None:
    _, problems = read(config(tmp_path, "theme_colour: red"))
    assert problems == ["mkdocs.yml:5: extra.referat.theme_colour: unknown key, its value would be "
                        "lost; known keys: meetings, accessibility, cache, workers, search_bundle_pages, "
                        "licence, member_pages"]


@pytest.mark.parametrize(("value", "found"), [
    ("5", "'5'"), ("[a, b]", "a list"), ("{folder: x}", "a mapping"),
    ("no", "false (a yes/no value; put text in quotes)"),
])
def test_a_value_of_the_wrong_type_is_an_error_and_keeps_the_default(tmp_path: Path, value: str,
                                                                     found: str) -> None:
    settings, problems = read(config(tmp_path, f"accessibility: om/\nmeetings: {value}"))
    assert problems == [f"mkdocs.yml:6: extra.referat.meetings: expected text, found {found}; "
                        "write e.g. 'meetings: meetings'"]
    assert settings.meetings == (tmp_path / "meetings").resolve()


@pytest.mark.parametrize(("value", "workers"), [("4", 4), ("'3'", 3), ("0", 0)])
def test_workers_is_a_whole_number_written_as_a_number_or_as_text(tmp_path: Path, value: str,
                                                                   workers: int) -> None:
    settings, problems = read(config(tmp_path, f"workers: {value}\ncache: build/cache"))
    assert problems == []
    assert (settings.workers, settings.cache) == (workers, (tmp_path / "build" / "cache").resolve())


@pytest.mark.parametrize(("value", "found"), [("-1", "'-1'"), ("two", "'two'"), ("1.5", "'1.5'"),
                                              ("yes", "true (a yes/no value; put text in quotes)")])
def test_workers_that_is_not_a_whole_number_is_an_error(tmp_path: Path, value: str,
                                                        found: str) -> None:
    settings, problems = read(config(tmp_path, f"workers: {value}"))
    assert problems == [f"mkdocs.yml:5: extra.referat.workers: expected a whole number, 0 or more, "
                        f"found {found}; write e.g. 'workers: 4'"]
    assert settings.workers == 0


def test_every_problem_is_listed_at_once(tmp_path: Path) -> None:
    _, problems = read(config(tmp_path, "meeting: x\naccessibility: ''\nmeetings: 7"))
    assert [p.split(": ", 1)[0] for p in problems] == [
        "mkdocs.yml:5", "mkdocs.yml:6", "mkdocs.yml:7"]
    assert "did you mean 'meetings'?" in problems[0]
    assert "is empty; remove the key for the default (tilgaengelighed/)" in problems[1]


def test_a_key_without_a_value_keeps_its_default(tmp_path: Path) -> None:
    settings, problems = read(config(tmp_path, "meetings:\naccessibility:\ncache:\nworkers:"))
    assert problems == []
    assert settings == defaults(tmp_path)


@pytest.mark.parametrize("address", ["javascript:alert(1)", "data:text/html,x"])
def test_the_accessibility_address_is_a_page_or_a_web_address(tmp_path: Path, address: str) -> None:
    _, problems = read(config(tmp_path, f"accessibility: '{address}'"))
    assert problems == [f"mkdocs.yml:5: extra.referat.accessibility: '{address}' is not a page's "
                        "address; write a page of the site, e.g. 'tilgaengelighed/', or an "
                        "https:// address"]


def test_extra_referat_that_is_not_a_mapping_is_an_error_at_its_line(tmp_path: Path) -> None:
    path = tmp_path / "mkdocs.yml"
    path.write_text("site_name: Test\n\nextra:\n  referat: meetings\n", encoding="utf-8")
    _, problems = read_settings("meetings", path)
    assert [str(p) for p in problems] == ["mkdocs.yml:4: extra.referat: expected a mapping of keys "
                                          "(meetings, accessibility, cache, workers, search_bundle_pages, "
                                          "licence, member_pages), "
                                          "found 'meetings'"]


def test_lines_are_found_past_mkdocs_own_tags(tmp_path: Path) -> None:
    (tmp_path / "docs").mkdir()
    path = tmp_path / "mkdocs.yml"
    path.write_text("site_name: Test\nsite_url: !ENV [SITE_URL, 'http://127.0.0.1/']\n"
                    "markdown_extensions:\n  - toc:\n      slugify: !!python/name:referat.slugs.heading_id\n"
                    "extra:\n  referat:\n    meetings: !ENV [NO_SUCH_VARIABLE, meetings]\n"
                    "    meetngs: x\n", encoding="utf-8")
    values = load_config(str(path)).extra["referat"]
    _, problems = read_settings(values, path)
    assert [str(p) for p in problems] == ["mkdocs.yml:9: extra.referat.meetngs: unknown key, its "
                                          "value would be lost; did you mean 'meetings'?"]


@pytest.mark.parametrize(("environment", "workers"), [({}, 0), ({"REFERAT_WORKERS": "3"}, 3)])
def test_settings_from_environment_variables_are_checked_as_mkdocs_gives_them(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch, environment: dict[str, str],
        workers: int) -> None:
    (tmp_path / "docs").mkdir()
    path = tmp_path / "mkdocs.yml"
    path.write_text("site_name: Test\nextra:\n  referat:\n"
                    "    cache: !ENV [REFERAT_CACHE, .cache/referat]\n"
                    "    workers: !ENV [REFERAT_WORKERS, 0]\n", encoding="utf-8")
    monkeypatch.delenv("REFERAT_WORKERS", raising=False)
    for name, value in environment.items():
        monkeypatch.setenv(name, value)
    settings, problems = read_settings(load_config(str(path)).extra["referat"], path)
    assert problems == []
    assert settings.workers == workers


def test_a_file_that_cannot_be_read_again_still_names_the_key(tmp_path: Path) -> None:
    _, problems = read_settings({"meetngs": "x"}, tmp_path / "gone" / "mkdocs.yml")
    assert [str(p) for p in problems] == ["mkdocs.yml:1: extra.referat.meetngs: unknown key, its "
                                          "value would be lost; did you mean 'meetings'?"]


def test_the_readme_documents_every_setting_with_its_default() -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    section = readme.split("## Configuration", 1)[1].split("\n## ", 1)[0]
    rows = {m[1]: m[2] for m in re.finditer(r"^ *\| `extra\.referat\.(\w+)` \| `([^`]*)` \|", section, re.M)}
    assert rows == {s.key: s.default for s in SETTINGS}


def test_a_build_with_a_misspelt_setting_fails_with_the_message_and_builds_nothing(
        tmp_path: Path) -> None:
    project = tmp_path / "project"
    for folder in ("docs", "hooks", "meetings"):
        shutil.copytree(ROOT / folder, project / folder,
                        ignore=shutil.ignore_patterns("__pycache__", "*.egg-info"))
    text = (ROOT / "mkdocs.yml").read_text(encoding="utf-8")
    assert "\n    accessibility: " in text
    (project / "mkdocs.yml").write_text(text.replace("\n    accessibility: ", "\n    acessibility: "),
                                        encoding="utf-8")
    site = tmp_path / "site"
    site.mkdir()
    (site / "kept.html").write_text("the last good build", encoding="utf-8")
    result = subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict", "-f",
                             str(project / "mkdocs.yml"), "-d", str(site)], capture_output=True,
                            text=True, cwd=project, check=False,
                            env={"PATH": str(Path(sys.executable).parent), "NO_MKDOCS_2_WARNING": "1"})
    assert result.returncode != 0
    line = text[: text.index("\n    accessibility: ")].count("\n") + 2
    assert (f"mkdocs.yml:{line}: extra.referat.acessibility: unknown key, its value would be lost; "
            "did you mean 'accessibility'?") in result.stderr
    assert "Aborted: the settings in mkdocs.yml have errors." in result.stdout + result.stderr
    assert [p.name for p in site.iterdir()] == ["kept.html"]
