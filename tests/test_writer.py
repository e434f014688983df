"""The adapter's writer: the folders a site needs, parents first; a cache entry linked, never
written into; a text kept in the cache under its digest; a file that cannot be written stops the
build, naming it; and a preview writes only what changed."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from mkdocs.exceptions import Abort

from referat.adapter import preview, writer
from referat.cache import Cache, digest


def test_folders_come_in_levels_parents_first(tmp_path: Path) -> None:
    levels = writer.folder_levels("/site", ["a/b/c/x.html", "a/y.json", "d/z.xml", "top.csv"])
    assert [sorted(level) for level in levels] == [["/site/a", "/site/d"], ["/site/a/b"],
                                                   ["/site/a/b/c"]]


def test_a_page_is_linked_from_the_cache_and_a_text_kept_there(tmp_path: Path) -> None:
    cache, site = Cache(tmp_path / "cache"), tmp_path / "site"
    page = tmp_path / "rendered.html"
    page.write_text("<p>side</p>", encoding="utf-8")
    entries = [writer.page_entry("møde/1/index.html", str(page)),
               writer.text_entry("data/beslutninger.csv", "dato,titel\n")]
    assert writer.write_site(str(site), entries, cache)[0] == 2
    assert (site / "møde/1/index.html").stat().st_ino == page.stat().st_ino
    kept = Path(cache.location(writer.TEXTS, digest(b"dato,titel\n")))
    assert kept.read_bytes() == b"dato,titel\n"
    assert kept.stat().st_ino == (site / "data/beslutninger.csv").stat().st_ino


def test_a_second_site_links_the_kept_text_and_the_entry_stays_whole(tmp_path: Path) -> None:
    cache = Cache(tmp_path / "cache")
    writer.write_site(str(tmp_path / "one"), [writer.text_entry("a.json", "{}")], cache)
    writer.write_site(str(tmp_path / "two"), [writer.text_entry("a.json", "{}")], cache)
    one, two = tmp_path / "one/a.json", tmp_path / "two/a.json"
    assert one.stat().st_ino == two.stat().st_ino
    # A dirty build over the second site: the old file is unlinked, never written into.
    writer.write_site(str(tmp_path / "two"), [writer.text_entry("a.json", "[]")], cache)
    assert one.read_text(encoding="utf-8") == "{}" and two.read_text(encoding="utf-8") == "[]"


def test_without_a_cache_the_text_is_written(tmp_path: Path) -> None:
    writer.write_site(str(tmp_path / "site"), [writer.text_entry("x/a.ics", "BEGIN")], None)
    assert (tmp_path / "site/x/a.ics").read_text(encoding="utf-8") == "BEGIN"


def test_a_file_where_a_folder_is_needed_stops_the_build_naming_it(tmp_path: Path) -> None:
    site = tmp_path / "site"
    site.mkdir()
    (site / "sag").write_text("not a folder", encoding="utf-8")
    with pytest.raises(Abort, match=r"could not write .*sag: a file has the name of a folder"):
        writer.write_site(str(site), [writer.text_entry("sag/1/index.html", "x")], None)


def test_a_missing_cache_entry_stops_the_build_naming_the_page(tmp_path: Path) -> None:
    entry = writer.page_entry("side/index.html", str(tmp_path / "gone.html"))
    with pytest.raises(Abort, match=r"could not write .*side/index.html"):
        writer.write_site(str(tmp_path / "site"), [entry], None)


def test_a_preview_writes_only_what_changed(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(preview.PREVIEW, "1")
    monkeypatch.setattr(preview, "WRITTEN", {})
    site = str(tmp_path / "site")
    first = [writer.text_entry("a.json", "1"), writer.text_entry("b.json", "2")]
    assert writer.write_site(site, first, None)[0] == 2
    os.unlink(tmp_path / "site/a.json")  # an unchanged file is not looked at again
    assert writer.write_site(site, [first[0], writer.text_entry("b.json", "3")], None)[0] == 1
    assert not (tmp_path / "site/a.json").exists()
    assert (tmp_path / "site/b.json").read_text(encoding="utf-8") == "3"


def test_a_text_keeps_the_digest_its_maker_gave_and_is_encoded_only_to_be_written(
        tmp_path: Path) -> None:
    entry = writer.text_entry("a.json", "{}", known="given")
    assert entry.token == "given" and writer.text_entry("a.json", "{}").token == digest(b"{}")
    cache = Cache(tmp_path / "cache")
    written, placement = writer.write_site(str(tmp_path / "site"), [entry], cache)
    assert written == 1 and Path(cache.location(writer.TEXTS, "given")).read_bytes() == b"{}"
    assert placement == {"a.json": ("given", (tmp_path / "site/a.json").stat().st_ino)}


def test_a_kept_site_writes_only_the_files_not_in_place(tmp_path: Path) -> None:
    """In place: the token the last build recorded, and its very file (writer.Putter.placed)."""
    site, cache = tmp_path / "site", Cache(tmp_path / "cache")
    first = [writer.text_entry(f"{n}.json", str(n)) for n in range(4)]
    _, kept = writer.write_site(str(site), first, cache)
    (site / "1.json").unlink()  # removed by hand
    (site / "2.json").unlink()
    (site / "2.json").write_text("2", encoding="utf-8")  # the same bytes, another file
    again = [*first[:3], writer.text_entry("3.json", "changed")]
    written, placement = writer.write_site(str(site), again, cache, kept=kept)
    assert written == 3 and placement["0.json"] == kept["0.json"]
    assert [(site / f"{n}.json").read_text(encoding="utf-8") for n in range(4)] == \
        ["0", "1", "2", "changed"]
    assert (site / "2.json").stat().st_ino == os.stat(cache.location(writer.TEXTS, digest("2"))).st_ino
