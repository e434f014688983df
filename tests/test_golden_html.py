"""The built HTML of every page, compared with golden files made from the site as it was built
before the engine rendered its own pages: a page must look exactly as it did (`make golden`
refreshes them after an intended change)."""

from __future__ import annotations

from pathlib import Path

import pytest

from built_site import built_pages
from conftest import Golden
from sites import mkdocs_build

FIXTURE = Path(__file__).resolve().parent / "fixtures" / "site"
GOLDEN = Path(__file__).resolve().parent / "golden" / "html"


@pytest.fixture(scope="module")
def fixture_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    site = tmp_path_factory.mktemp("fixture") / "site"
    result = mkdocs_build(site, FIXTURE)
    assert result.returncode == 0, result.stderr
    return site


def check_site(name: str, site: Path, golden: Golden) -> None:
    pages = built_pages(site)
    golden.check(f"html/{name}/_list.txt", "\n".join(pages) + "\n")
    for path, text in pages.items():
        golden.check(f"html/{name}/{path}", text)


def test_example_site_pages_are_as_golden(example: Path, golden: Golden) -> None:
    check_site("example", example, golden)


def test_fixture_site_pages_are_as_golden(fixture_site: Path, golden: Golden) -> None:
    check_site("fixture", fixture_site, golden)


def test_golden_list_has_every_generated_kind() -> None:
    listed = (GOLDEN / "example" / "_list.txt").read_text(encoding="utf-8").split()
    for page in ("index.html", "sag/index.html", "integrationsraadet/2025-11-26/index.html",
                 "integrationsraadet/2025-11-26/punkt-31/index.html", "om/index.html",
                 "sitemap.xml", "404.html"):
        assert page in listed, page
