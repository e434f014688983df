"""Screenshots of the search page at a phone's and a desktop's width, for reviewing its layout.

Usage: python scripts/screenshot_search.py OUTPUT_FOLDER [SITE_FOLDER]

Builds the example site (or serves SITE_FOLDER, an already built one) and writes, for each width
(390x844 and 1280x800), a search for a word (soeg-q-WIDTH.png), a search by a filter alone
(soeg-filter-WIDTH.png) and, at the phone's width, the filters opened (soeg-open-390.png).
"""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "tests"))

from playwright.sync_api import Page, sync_playwright  # noqa: E402

import chromium  # noqa: E402
from browser import CHROMIUM_ARGS, serve  # noqa: E402
from sites import mkdocs_build  # noqa: E402

WIDTHS = {390: 844, 1280: 800}
SEARCHES = {"q": "soeg/?q=budget", "filter": "soeg/?type=Punkt"}


def wait(page: Page) -> None:
    """Until the whole archive's results and filters are drawn."""
    page.wait_for_selector("#referat-results[aria-busy=false] li")
    page.wait_for_selector("#referat-filters fieldset", state="attached")


def shoot(site: Path, output: Path) -> None:
    found = chromium.find()
    if found is None:
        sys.exit(chromium.MISSING)
    output.mkdir(parents=True, exist_ok=True)
    with serve(site) as url, sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=found.path, args=CHROMIUM_ARGS)
        for width, height in WIDTHS.items():
            page = browser.new_page(viewport={"width": width, "height": height})
            for name, address in SEARCHES.items():
                page.goto(url + address)
                wait(page)
                page.screenshot(path=str(output / f"soeg-{name}-{width}.png"))
            toggle = page.locator(".referat-filterbox__toggle")
            if toggle.is_visible():
                toggle.click()
                page.screenshot(path=str(output / f"soeg-open-{width}.png"))
            page.close()
        browser.close()
    print(f"wrote the screenshots into {output}", file=sys.stderr)


def main(output: Path, site: Path | None) -> None:
    if site is not None:
        shoot(site, output)
        return
    with tempfile.TemporaryDirectory() as folder:
        built = Path(folder) / "site"
        result = mkdocs_build(built)
        if result.returncode:
            sys.exit(result.stderr)
        shoot(built, output)


if __name__ == "__main__":
    if len(sys.argv) < 2:
        sys.exit(__doc__)
    main(Path(sys.argv[1]), Path(sys.argv[2]) if len(sys.argv) > 2 else None)
