"""A copy of the project in a temporary folder, to edit and build with its own cache."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


class Project:
    """mkdocs.yml, docs/ and the hook copied to `folder`, building `meetings` with `cache`."""

    def __init__(self, folder: Path, meetings: Path) -> None:
        self.folder = folder
        shutil.copytree(ROOT / "docs", folder / "docs")
        (folder / "hooks").mkdir()
        shutil.copy(ROOT / "hooks" / "referat_hook.py", folder / "hooks")
        shutil.copy(ROOT / "mkdocs.yml", folder / "mkdocs.yml")
        shutil.copytree(meetings, folder / "meetings")

    def edit(self, name: str, old: str, new: str) -> None:
        path = self.folder / name
        text = path.read_text(encoding="utf-8")
        assert old in text, f"{old!r} is not in {name}"
        path.write_text(text.replace(old, new, 1), encoding="utf-8")

    def command(self, site: Path, cache: Path) -> tuple[list[str], dict[str, str]]:
        env = {"PATH": str(Path(sys.executable).parent), "NO_MKDOCS_2_WARNING": "1",
               "REFERAT_CACHE": str(cache)}
        return ([sys.executable, "-m", "mkdocs", "build", "--strict", "-f",
                 str(self.folder / "mkdocs.yml"), "-d", str(site)], env)

    def build(self, site: Path, cache: Path) -> subprocess.CompletedProcess[str]:
        command, env = self.command(site, cache)
        result = subprocess.run(command, capture_output=True, text=True, env=env,
                                cwd=self.folder, check=False)
        assert result.returncode == 0, result.stderr
        return result

    def start(self, site: Path, cache: Path) -> subprocess.Popen[str]:
        command, env = self.command(site, cache)
        return subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
                                text=True, env=env, cwd=self.folder)
