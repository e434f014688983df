"""The site the open-data and OParl tests read: the example meetings and tests/fixtures/site (two
more bodies, a closed punkt, attendance, attachments as a file, an address and a title only, a
planned and a cancelled meeting, a case treated twice), built once per test run with MkDocs, at a
site_url with a path so that every address must carry it."""

from __future__ import annotations

import json
import shutil
from pathlib import Path
from typing import Any
from urllib.parse import unquote

import pytest

from conftest import FIXTURES, ROOT
from sites import mkdocs_build

SITE_URL = "https://data.example.dk/referater/"
_BUILT: dict[str, Path] = {}


def data_site(factory: pytest.TempPathFactory) -> Path:
    """The built site's folder (built on first use)."""
    if "site" not in _BUILT:
        root = factory.mktemp("data-site")
        meetings = root / "meetings"
        shutil.copytree(FIXTURES / "site", meetings)
        for body in ("integrationsraadet", "eksempeludvalget"):
            shutil.copytree(ROOT / "meetings" / body, meetings / body)
        result = mkdocs_build(root / "site", meetings, {"SITE_URL": SITE_URL})
        assert result.returncode == 0, result.stderr
        _BUILT["site"] = root / "site"
    return _BUILT["site"]


def local(site: Path, address: str) -> Path | None:
    """The built file an address of the site names (a page's index.html for a folder); None for
    an address outside the site."""
    if not address.startswith(SITE_URL):
        return None
    path = site / unquote(address.removeprefix(SITE_URL).split("#")[0])
    return path / "index.html" if address.endswith("/") else path


def read_json(path: Path) -> Any:
    return json.loads(path.read_text(encoding="utf-8"))


def addresses(value: Any) -> list[str]:
    """Every string in a JSON value that is an address of the site."""
    if isinstance(value, dict):
        return [a for v in value.values() for a in addresses(v)]
    if isinstance(value, list):
        return [a for v in value for a in addresses(v)]
    return [value] if isinstance(value, str) and value.startswith(SITE_URL) else []
