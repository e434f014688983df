"""Screenshots of the example site, taken with headless Chromium.

Usage:
    python scripts/screenshot.py docs/images            # the README's: a punkt page at 390 and 1280 px
    python scripts/screenshot.py --all shots/           # one page of every kind, at 390 and 1280 px
    python scripts/screenshot.py --all --dark shots/    # the same in dark mode (the system's setting)

The README's two files are punkt-390.png and punkt-1280.png. With --all, each file is named
<kind>-<width>.png (and -dark); phone shots are of the whole page, desktop shots of the first screen.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "tests"))

from playwright.sync_api import sync_playwright  # noqa: E402

import chromium  # noqa: E402
from browser import CHROMIUM_ARGS, serve  # noqa: E402
from sites import mkdocs_build  # noqa: E402

PUNKT = "integrationsraadet/2025-11-26/punkt-35/"
# One page of every kind in the example site.
KINDS = {
    "front": "",
    "meeting": "integrationsraadet/2025-11-26/",
    "punkt": PUNKT,
    "body": "integrationsraadet/",
    "bodies": "organer/",
    "year": "aar/2025/",
    "topic": "emne/integrationsindsats/",
    "case": "sag/15-00-00-g01-2536-21/",
    "cases": "sag/",
    "cases-of-year": "sager/2025/",
    "search": "soeg/?q=integration",
    "404": "404.html",  # what the web server sends for an address that does not exist
}
PHONE, DESKTOP = 390, 1280
HEIGHTS = {PHONE: 844, DESKTOP: 900}


def shoot(url: str, shots: dict[str, str], folder: Path, dark: bool, full_phone: bool) -> None:
    found = chromium.find()
    if found is None:
        sys.exit(chromium.MISSING)
    folder.mkdir(parents=True, exist_ok=True)
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=found.path, args=CHROMIUM_ARGS)
        for width in (PHONE, DESKTOP):
            context = browser.new_context(viewport={"width": width, "height": HEIGHTS[width]},
                                          color_scheme="dark" if dark else "light")
            page = context.new_page()
            for name, path in shots.items():
                page.goto(url + path)
                page.wait_for_load_state("networkidle")
                target = folder / f"{name}-{width}{'-dark' if dark else ''}.png"
                page.screenshot(path=str(target), full_page=full_phone and width == PHONE)
                print(f"wrote {target}", file=sys.stderr)
            context.close()
        browser.close()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("folder", type=Path, nargs="?", default=Path("docs/images"))
    parser.add_argument("--all", action="store_true", help="every kind of page, not only a punkt")
    parser.add_argument("--dark", action="store_true", help="with the system's dark mode")
    args = parser.parse_args()
    shots = KINDS if args.all else {"punkt": PUNKT}
    with tempfile.TemporaryDirectory() as folder:
        site = Path(folder) / "site"
        result = mkdocs_build(site)
        if result.returncode:
            sys.exit(result.stderr)
        with serve(site) as url:
            shoot(url, shots, args.folder, args.dark, full_phone=args.all)


if __name__ == "__main__":
    main()
