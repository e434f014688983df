"""Edit links only to a real repository.

Every meeting and punkt page links to its YAML file in `repo_url`. An empty `repo_url` means no
edit links; an address that is only a placeholder (the example's `kommune/referater`, or a host
reserved for examples) would give every page a link that leads nowhere, so the build warns, which
fails `mkdocs build --strict`, and the links are left out.
"""

from __future__ import annotations

import logging
from urllib.parse import urlsplit

from mkdocs.config.defaults import MkDocsConfig

log = logging.getLogger("mkdocs.referat")

# Hosts kept for examples (RFC 2606) and the repository the project's own example once named.
EXAMPLE_HOSTS = ("example.com", "example.org", "example.net", "localhost")
PLACEHOLDER_REPOSITORIES = ("github.com/kommune/referater",)


def is_placeholder(url: str) -> bool:
    """Whether a repository address only stands in for the real one."""
    parts = urlsplit(url.strip())
    host = (parts.hostname or "").removeprefix("www.")
    if host.endswith(EXAMPLE_HOSTS) or host.endswith(".example") or not host:
        return True
    return f"{host}{parts.path.rstrip('/').removesuffix('.git')}".lower() in PLACEHOLDER_REPOSITORIES


def check_repository(config: MkDocsConfig) -> None:
    """Switch edit links off unless `repo_url` names a real repository; warn for a placeholder."""
    url = config.repo_url or ""
    if url and is_placeholder(url):
        log.warning(f"referat: repo_url '{url}' is a placeholder, so the pages have no edit links; "
                    "set REPO_URL (or repo_url in mkdocs.yml) to the repository the meeting files "
                    "are kept in, or leave it empty")
        url = ""
    if not url:
        # MkDocs would otherwise join edit_uri to the site's root: a link to a page that is not there.
        config.repo_url, config.repo_name, config.edit_uri = None, None, None
