"""The site's cache keys name no folder of this machine: a clone elsewhere keeps its cache."""

from __future__ import annotations

import shutil
from pathlib import Path

from mkdocs.config import load_config

from referat.adapter import keys

ROOT = Path(__file__).resolve().parent.parent


def copy_project(folder: Path) -> Path:
    """The project's configuration, hand-written pages and hooks, copied into `folder`."""
    ignore = shutil.ignore_patterns("__pycache__")
    for part in ("docs", "hooks"):
        shutil.copytree(ROOT / part, folder / part, ignore=ignore)
    shutil.copy(ROOT / "mkdocs.yml", folder / "mkdocs.yml")
    return folder / "mkdocs.yml"


def test_a_project_in_another_folder_has_the_same_configuration_and_theme_keys(tmp_path: Path) -> None:
    configs = [load_config(str(copy_project(tmp_path / name))) for name in ("here", "there")]
    assert str(tmp_path / "here") in str(configs[0]["docs_dir"])  # the paths do differ
    assert keys.config_key(configs[0]) == keys.config_key(configs[1])
    assert keys.theme_key(configs[0]) == keys.theme_key(configs[1])
    assert str(tmp_path) not in keys.config_key(configs[0])
