"""Build sites with the real MkDocs, as the tests and the screenshot script need them."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def mkdocs_build(site: Path, meetings: Path | None = None,
                 settings: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    """Run `mkdocs build --strict` on the project, optionally on another meetings folder and
    with more of mkdocs.yml's environment variables (`settings`)."""
    env = {"PATH": str(Path(sys.executable).parent), "NO_MKDOCS_2_WARNING": "1", **(settings or {})}
    if meetings is not None:
        env["REFERAT_MEETINGS"] = str(meetings)
    return subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict", "-f",
                           str(ROOT / "mkdocs.yml"), "-d", str(site)],
                          capture_output=True, text=True, env=env, cwd=ROOT, check=False)
