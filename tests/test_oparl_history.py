"""The OParl objects' `created` and `modified` come from the git history (tests/git_site.py's
two commits), and the API comes from the cache until what it is made from changes."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path
from typing import Any

import pytest

from git_site import BEFORE as COMMITTED
from git_site import FIRST, SECOND, Builds, write
from referat import oparl_objects, urls
from referat.cache import Cache
from referat.engine import build_site
from test_oparl import oparl_problems


def read(site: Path, *parts: str) -> Any:
    return json.loads((site / urls.oparl(*parts)).read_text(encoding="utf-8"))


def moment(text: str) -> dt.datetime:
    return dt.datetime.fromisoformat(text)


def dates(obj: dict[str, Any]) -> tuple[dt.datetime, dt.datetime]:
    return moment(obj["created"]), moment(obj["modified"])


def test_modified_moves_with_the_second_commit_and_created_does_not(git_outputs: Builds) -> None:
    first, second = moment(FIRST), moment(SECOND)
    before = read(git_outputs.before, "meeting", "byraadet", "2025-11-26")
    after = read(git_outputs.after, "meeting", "byraadet", "2025-11-26")
    assert dates(before) == (first, first)
    assert dates(after) == (first, second)
    assert [dates(i) for i in after["agendaItem"]] == [(first, second)] * 2
    # The cancelled meeting's file is the same in both commits: not modified by the second.
    assert dates(read(git_outputs.after, "meeting", "byraadet", "2026-08-19")) == (first, first)
    # Objects made from several meetings span them: the case is treated in both changed files.
    paper = next(p for p in (git_outputs.after / urls.OPARL / "paper").glob("*.json"))
    assert dates(json.loads(paper.read_text(encoding="utf-8"))) == (first, second)
    for kind in (("body",), ("system",), ("organization", "byraadet")):
        obj = read(git_outputs.after, *kind)
        assert dates(obj) == (first, second), kind
        assert oparl_problems(obj) == [], kind
    assert oparl_problems(after) == []


def test_a_meeting_without_history_counts_its_date(tmp_path: Path) -> None:
    """Outside git every object is dated by its meetings, as a valid OParl date-time."""
    meetings = tmp_path / "meetings"
    write(meetings, COMMITTED)
    texts = {t.path: t.content() for t in build_site(meetings, "R", git_history=True).texts}
    held = json.loads(texts[urls.oparl("meeting", "byraadet", "2025-11-26")])
    assert (held["created"], held["modified"]) == ("2025-11-26T17:00:00+01:00",) * 2
    body = json.loads(texts[urls.oparl("body")])
    assert (body["created"], body["modified"]) == ("2025-11-26T17:00:00+01:00",
                                                   "2026-08-19T00:00:00+02:00")


def test_meetings_objects_come_from_the_cache_until_their_meeting_changes(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A rebuild without a change makes no Meeting; after an edit of one decision it makes that
    meeting's only, and exactly its files and the lists holding them change, as in a build
    without the cache."""
    meetings = tmp_path / "meetings"
    write(meetings, COMMITTED)
    cache = Cache(tmp_path / "cache")

    def api() -> dict[str, str]:
        return {t.path: t.content() for t in build_site(meetings, "R", cache=cache).texts
                if t.path.startswith(urls.OPARL + "/")}

    first = api()
    made: list[str] = []
    real = oparl_objects.meeting
    monkeypatch.setattr(oparl_objects, "meeting", lambda api, of, *a: made.append(of.slug) or
                        real(api, of, *a))
    assert api() == first and made == []
    write(meetings, {**COMMITTED, "decision": "Godkendt med en rettelse."})
    edited = api()
    assert made == ["2025-11-26"]
    assert {p for p in edited if edited[p] != first.get(p)} == {
        urls.oparl("meeting", "byraadet", "2025-11-26"),
        urls.oparl("agendaitem", "byraadet", "2025-11-26", "punkt-1"),
        urls.oparl_list("meeting", 1), urls.oparl_list("agendaItem", 1),
        urls.oparl_list("meeting", 1, "organization", "byraadet")}
    assert set(edited) == set(first)
    monkeypatch.setattr(oparl_objects, "meeting", real)
    assert edited == {t.path: t.content() for t in build_site(meetings, "R").texts if t.path in edited}
