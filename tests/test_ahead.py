"""The data generators run ahead in a forked child in a cold build (ahead.py): the child only
fills the cache, and the outputs are those of a build without it."""

from __future__ import annotations

import multiprocessing
import threading
from pathlib import Path
from typing import Any

import pytest

from data_site import SITE_URL
from referat import ahead, loader
from referat.cache import Cache
from referat.engine import Site, build_site
from referat.loader import load
from test_oparl import write_archive

real_can_fork = ahead.can_fork


def contents(site: Site) -> tuple[dict[str, str], list[object]]:
    return {t.path: t.content() for t in site.texts}, list(site.pages)


@pytest.fixture(autouse=True)
def forking(monkeypatch: pytest.MonkeyPatch) -> None:
    """Fork even when an earlier test in this process left a thread running (a server's): the
    check for threads is tested on its own below."""
    monkeypatch.setattr(ahead, "can_fork", lambda: "fork" in multiprocessing.get_all_start_methods())


def test_no_child_is_forked_while_another_thread_runs() -> None:
    release = threading.Event()
    other = threading.Thread(target=release.wait)
    other.start()
    try:
        assert not real_can_fork()
    finally:
        release.set()
        other.join()


def test_a_cold_build_runs_the_data_generators_ahead_and_makes_the_same_outputs(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    meetings = write_archive(tmp_path / "m", 4, 3)
    plain = contents(build_site(meetings, "Referater", site_url=SITE_URL))
    started: list[int | None] = []
    real = ahead.start

    def spied(run: object, generate: list) -> int | None:  # type: ignore[type-arg]
        started.append(real(run, generate))
        return started[-1]
    monkeypatch.setattr(ahead, "start", spied)
    cache = Cache(tmp_path / "cache")
    cold = build_site(meetings, "Referater", site_url=SITE_URL, cache=cache)
    assert started == [started[0]] and started[0] is not None  # a child, in the cold build
    assert any((tmp_path / "cache" / "oparl").rglob("*.pickle"))
    warm = build_site(meetings, "Referater", site_url=SITE_URL, cache=cache)
    assert started[1] is None  # none in a warm one
    assert contents(cold) == plain and contents(warm) == plain


def test_a_child_that_fails_costs_nothing_but_its_time(tmp_path: Path,
                                                        monkeypatch: pytest.MonkeyPatch) -> None:
    """The build's process makes whatever the child did not."""
    meetings = write_archive(tmp_path / "m", 3, 2)
    plain = contents(build_site(meetings, "Referater", site_url=SITE_URL))
    real = ahead.start

    def failing(run: object, generate: list) -> int | None:  # type: ignore[type-arg]
        def boom(_run: object) -> object:
            raise RuntimeError("the child fails")
        return real(run, [boom, *generate])
    monkeypatch.setattr(ahead, "start", failing)
    made = build_site(meetings, "Referater", site_url=SITE_URL, cache=Cache(tmp_path / "cache"))
    assert contents(made) == plain


def test_a_cold_load_parses_half_the_meeting_files_in_a_child(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """This process parses half the files the cache lacks and a child the other half; the
    loader then finds them all in the cache, with the archive and problems of a load without it."""
    meetings = write_archive(tmp_path / "m", 6, 2)
    (meetings / "raadet" / "2025-02-01.yml").write_text("date: 2025-02-01\nitems: [\n",
                                                        encoding="utf-8")  # a YAML error
    plain, plain_problems = load(meetings)
    parsed: list[str] = []
    real = loader.Loader.parse

    def counting(self: loader.Loader, path: Path, *rest: Any) -> Any:
        parsed.append(path.name)
        return real(self, path, *rest)
    monkeypatch.setattr(loader.Loader, "parse", counting)
    cache = Cache(tmp_path / "cache")
    archive, problems = load(meetings, cache=cache)
    assert archive == plain and problems == plain_problems and problems
    assert archive.parsed == 7
    assert len([name for name in parsed if name != "body.yml"]) == 3  # the child parsed 4
    parsed.clear()
    again, _ = load(meetings, cache=cache)
    assert again.parsed == 0 and parsed == []
