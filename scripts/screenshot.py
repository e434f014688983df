"""Take the README's screenshot of a punkt page with headless Chromium.

Usage: python scripts/screenshot.py docs/images/punkt.png
"""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "tests"))

from playwright.sync_api import sync_playwright  # noqa: E402

import chromium  # noqa: E402
from browser import CHROMIUM_ARGS, serve  # noqa: E402
from sites import mkdocs_build  # noqa: E402

PUNKT = "integrationsraadet/2025-11-26/punkt-35/"


def main(output: Path) -> None:
    with tempfile.TemporaryDirectory() as folder:
        site = Path(folder) / "site"
        result = mkdocs_build(site)
        if result.returncode:
            sys.exit(result.stderr)
        found = chromium.find()
        if found is None:
            sys.exit(chromium.MISSING)
        with serve(site) as url, sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path=found.path, args=CHROMIUM_ARGS)
            page = browser.new_page(viewport={"width": 1200, "height": 1100})
            page.goto(url + PUNKT)
            output.parent.mkdir(parents=True, exist_ok=True)
            page.screenshot(path=str(output))
            browser.close()
    print(f"wrote {output}", file=sys.stderr)


if __name__ == "__main__":
    main(Path(sys.argv[1] if len(sys.argv) > 1 else "docs/images/punkt.png"))
