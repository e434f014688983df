"""A built site as text to compare: every HTML page and the sitemap, normalised.

Normalising drops only what legitimately differs between two builds of the same tree: the build
date in the sitemap, and the corrections log of meeting and punkt pages (it shows the git
history, which differs between clones of the same tree; tests/test_corrections.py checks it).
Pagefind's bundles are left out: Pagefind names its filter files by a hash that differs between
two builds of the same pages (its own output, not ours).
"""

from __future__ import annotations

import gzip
import re
from pathlib import Path

LASTMOD = re.compile(r"<lastmod>\d{4}-\d{2}-\d{2}</lastmod>")
SEARCH_BUNDLES = ("pagefind", "pagefind-beslutninger")
CORRECTIONS_LOG = re.compile(r'<div class="admonition relateret"[^>]*>\s*<h2 id="aendringer">.*?</div>',
                             re.DOTALL)
CORRECTIONS_TOC = re.compile(r'<li class="md-nav__item">\s*<a href="#aendringer".*?</li>', re.DOTALL)


def normalise(name: str, text: str) -> str:
    """The text of a built file without what varies from build to build."""
    if "sitemap" in name:
        return LASTMOD.sub("<lastmod>BUILD-DATE</lastmod>", text)
    text = CORRECTIONS_TOC.sub("<!-- the corrections log's heading -->", text)
    return CORRECTIONS_LOG.sub("<!-- the corrections log -->", text)


def built_pages(site: Path) -> dict[str, str]:
    """Every HTML page and the sitemap (plain and gzipped) by its path in the site."""
    texts = {}
    for path in sorted(site.rglob("*")):
        name = path.relative_to(site).as_posix()
        if name.split("/")[0] in SEARCH_BUNDLES or not path.is_file():
            continue
        if name.endswith((".html", "sitemap.xml")):
            texts[name] = normalise(name, path.read_text(encoding="utf-8"))
        elif name.endswith("sitemap.xml.gz"):
            texts[name] = normalise(name, gzip.decompress(path.read_bytes()).decode("utf-8"))
    return texts


def site_files(site: Path) -> dict[str, bytes]:
    """Every file of a built site outside the search bundles, as bytes, by its path."""
    return {path.relative_to(site).as_posix(): path.read_bytes()
            for path in sorted(site.rglob("*"))
            if path.is_file() and path.relative_to(site).parts[0] not in SEARCH_BUNDLES}
