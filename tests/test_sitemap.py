"""The sitemap kept in the cache (adapter/sitemap.py) is the one the theme's template writes for
the same pages: a build whose pages changed writes a new one."""

from __future__ import annotations

import gzip
from pathlib import Path

import pytest

from project import Project

ROOT = Path(__file__).resolve().parent.parent
FIXTURE = ROOT / "tests" / "fixtures" / "site"


def sitemap(site: Path) -> tuple[bytes, bytes]:
    return (site / "sitemap.xml").read_bytes(), gzip.decompress((site / "sitemap.xml.gz").read_bytes())


@pytest.mark.slow
def test_a_sitemap_from_the_cache_lists_the_pages_of_this_build(tmp_path: Path) -> None:
    project = Project(tmp_path / "project", FIXTURE)
    site, cache = tmp_path / "site", tmp_path / "cache"
    project.build(site, cache)
    first = sitemap(site)
    project.build(site, cache)  # the same pages: the kept sitemap
    assert sitemap(site) == first
    old = project.folder / "meetings/byraadet/2024-06-19.yml"
    old.rename(project.folder / "meetings/byraadet/2024-09-18.yml")
    project.edit("meetings/byraadet/2024-09-18.yml", "2024-06-19", "2024-09-18")
    project.build(site, cache)
    project.build(tmp_path / "clean", tmp_path / "another-cache")
    assert sitemap(site) == sitemap(tmp_path / "clean") != first
    assert b"/byraadet/2024-09-18/" in sitemap(site)[0]
    assert b"/byraadet/2024-06-19/" not in sitemap(site)[1]
