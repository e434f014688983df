"""The command's summary lines follow the user's locale (LANG): Danish for da_DK, else English."""

from __future__ import annotations

from pathlib import Path

from click.testing import CliRunner

from referat.cli import main
from referat.i18n import system_language

FIXTURE = Path(__file__).resolve().parent / "fixtures" / "site"


def check(folder: Path, **env: str) -> str:
    result = CliRunner().invoke(main, ["check", str(folder)],
                                env={"LANGUAGE": "", "LC_ALL": "", "LC_MESSAGES": "", **env})
    return result.stderr


def test_the_locale_is_read_as_gettext_reads_it() -> None:
    assert system_language({"LANG": "da_DK.UTF-8"}) == "da"
    assert system_language({"LANG": "da_DK.UTF-8", "LC_ALL": "en_GB.UTF-8"}) == "en"
    assert system_language({"LANGUAGE": "da:en", "LANG": "C.UTF-8"}) == "da"
    assert system_language({"LANG": "C.UTF-8"}) == system_language({}) == "en"


def test_the_summary_is_danish_under_a_danish_locale() -> None:
    assert "OK: 2 organer, 4 møder, 5 punkter i " in check(FIXTURE, LANG="da_DK.UTF-8")
    assert "OK: 2 bodies, 4 meetings, 5 items in " in check(FIXTURE, LANG="C.UTF-8")


def test_the_problem_count_is_danish_under_a_danish_locale(tmp_path: Path) -> None:
    (tmp_path / "raad").mkdir()
    (tmp_path / "raad/2024-01-01.yml").write_text("date: 2024-01-01\nitems: x\n", encoding="utf-8")
    assert "2 fejl i 2 filer." in check(tmp_path, LANG="da_DK.UTF-8")
    assert "2 errors in 2 files." in check(tmp_path, LANG="en_GB.UTF-8")
