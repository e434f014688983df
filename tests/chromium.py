"""Find the Chromium that the browser tests drive, or install one.

A Chromium is looked for in this order:

1. `CHROMIUM` in the environment: a path, or a command on PATH;
2. Debian's `/usr/bin/chromium`;
3. Playwright's own Chromium, where `playwright install chromium` puts it (`PLAYWRIGHT_BROWSERS_PATH`,
   else Playwright's cache folder).

`python tests/chromium.py --install` (the first step of `make test`) installs one when none is found:
with `playwright install chromium` when Playwright's download host answers, else Debian's `chromium`
with apt-get when run as root. It prints the browser's path and where it came from; or, when it can
neither find nor install one, one line saying what to run, and exits 1. The test fixtures call
`find()`, so they drive the same browser.
"""

from __future__ import annotations

import argparse
import functools
import os
import shutil
import socket
import subprocess
import sys
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlsplit

DEBIAN = Path("/usr/bin/chromium")
# Where `playwright install` downloads from, unless one of the variables below names a host.
PLAYWRIGHT_HOSTS = ("cdn.playwright.dev", "playwright.download.prss.microsoft.com")
HOST_VARIABLES = ("PLAYWRIGHT_CHROMIUM_DOWNLOAD_HOST", "PLAYWRIGHT_DOWNLOAD_HOST")
# A host that does not answer a connection in this time would not deliver 150 MB either.
CONNECT_SECONDS = 3.0
INSTALL_SECONDS = 900
WHAT_TO_RUN = "run `sudo apt-get install chromium` (Debian), or set CHROMIUM to a Chromium's path"
# What the fixtures and `python tests/chromium.py` without --install say when there is none.
MISSING = ("no Chromium for the browser tests: run `make test` (or `python tests/chromium.py --install`),"
           " which installs one, or set CHROMIUM to a Chromium's path")
PROXY_VARIABLES = ("HTTPS_PROXY", "https_proxy", "ALL_PROXY", "all_proxy")
# Asked in a child process: the Sync API cannot start inside a running Playwright, and the child
# sees the environment being searched.
PLAYWRIGHT_PATH = ("from playwright.sync_api import sync_playwright\n"
                   "with sync_playwright() as p: print(p.chromium.executable_path)")


class NoChromium(Exception):
    """No usable Chromium; the message is one line saying what to run."""


@dataclass(frozen=True)
class Chromium:
    path: Path
    source: str  # where it was found, for the line `make test` prints


@dataclass(frozen=True)
class Places:
    """Where to look and what may install: this machine's by default; a test hides each."""

    env: Mapping[str, str] = field(default_factory=lambda: dict(os.environ))
    debian: Path = DEBIAN
    root: bool = field(default_factory=lambda: os.geteuid() == 0)
    playwright: Path | None = None  # Playwright's Chromium; None: ask Playwright, which takes a second


def is_program(path: Path) -> bool:
    return path.is_file() and os.access(path, os.X_OK)


def from_variable(places: Places) -> Chromium | None:
    """The CHROMIUM variable's browser; set to nothing usable, it is an error, not a fall-through."""
    value = places.env.get("CHROMIUM", "")
    if not value:
        return None
    found = shutil.which(value, path=places.env.get("PATH", os.defpath))
    if found is None:
        raise NoChromium(f"CHROMIUM={value} is not a program: point it at a Chromium, or unset it")
    return Chromium(Path(found), "CHROMIUM")


def playwright_chromium(env: Mapping[str, str]) -> Path | None:
    """Where Playwright's own Chromium is, or would be installed; None without Playwright."""
    return asked_playwright(tuple(sorted(env.items())))


@functools.lru_cache(maxsize=8)
def asked_playwright(env: tuple[tuple[str, str], ...]) -> Path | None:
    """Playwright's answer, asked once for an environment: it takes a second, and never changes."""
    try:
        result = subprocess.run([sys.executable, "-c", PLAYWRIGHT_PATH], env=dict(env),
                                capture_output=True, text=True, timeout=60, check=False)
    except subprocess.TimeoutExpired:
        return None
    lines = result.stdout.split()
    return Path(lines[-1]) if result.returncode == 0 and lines else None


def find(places: Places | None = None) -> Chromium | None:
    """The first Chromium in the order of the module's docstring, or None."""
    places = places or Places()
    if chromium := from_variable(places):
        return chromium
    if is_program(places.debian):
        return Chromium(places.debian, "Debian's")
    path = places.playwright or playwright_chromium(places.env)
    if path is not None and is_program(path):
        return Chromium(path, "Playwright's")
    return None


def run(command: list[str], env: Mapping[str, str]) -> str | None:
    """Run an installer quietly; None when it worked, else the line of its output that says why."""
    try:
        result = subprocess.run(command, env=dict(env), capture_output=True, text=True,
                                timeout=INSTALL_SECONDS, check=False)
    except (OSError, subprocess.TimeoutExpired) as error:
        return str(error).splitlines()[0]
    if result.returncode == 0:
        return None
    lines = [line.strip() for line in (result.stderr + result.stdout).splitlines() if line.strip()]
    errors = [line for line in lines if "error" in line.lower() or line.startswith("E:")]
    return (errors or lines or [f"exit status {result.returncode}"])[0][:200]


def reachable(env: Mapping[str, str]) -> str | None:
    """The first of Playwright's download hosts that answers, else None."""
    custom = [env[name] for name in HOST_VARIABLES if env.get(name)]
    for address in custom[:1] or [f"https://{host}" for host in PLAYWRIGHT_HOSTS]:
        url = urlsplit(address)
        port = url.port or (443 if url.scheme == "https" else 80)
        try:
            with socket.create_connection((url.hostname or "", port), timeout=CONNECT_SECONDS):
                return address
        except OSError:
            continue
    return None


def install_with_playwright(places: Places) -> str | None:
    """`playwright install chromium`; None when it worked, else why not."""
    # Through a proxy, a host may be reachable where a direct connection fails: let Playwright try.
    proxied = any(places.env.get(name) for name in PROXY_VARIABLES)
    if not proxied and reachable(places.env) is None:
        return "Playwright's download host cannot be reached"
    return run([sys.executable, "-m", "playwright", "install", "chromium"], places.env)


def install_with_apt(places: Places) -> str | None:
    """Debian's chromium with apt-get; None when it worked, else why not."""
    if not places.root:
        return "not root"
    apt = shutil.which("apt-get", path=places.env.get("PATH", os.defpath))
    if apt is None:
        return "no apt-get"
    env = {**places.env, "DEBIAN_FRONTEND": "noninteractive"}
    return (run([apt, "update"], env)
            or run([apt, "install", "-y", "--no-install-recommends", "chromium"], env))


INSTALLERS = (("playwright install chromium", install_with_playwright),
              ("apt-get install chromium", install_with_apt))


def install(places: Places) -> Chromium:
    """Install a Chromium with the first installer that works, and find it."""
    failures = []
    for name, installer in INSTALLERS:
        failure = installer(places)
        chromium = find(places) if failure is None else None
        if chromium is not None:
            return Chromium(chromium.path, f"installed with `{name}`, {chromium.source}")
        failures.append(f"{name}: {failure or 'it ran, yet no Chromium is found after it'}")
    raise NoChromium(f"no Chromium found and none could be installed ({'; '.join(failures)}): "
                     f"{WHAT_TO_RUN}")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--install", action="store_true", help="install a Chromium when none is found")
    parser.add_argument("--debian", type=Path, default=DEBIAN, help=f"Debian's path (default {DEBIAN})")
    arguments = parser.parse_args(argv)
    places = Places(debian=arguments.debian)
    try:
        chromium = find(places)
        if chromium is None and arguments.install:
            chromium = install(places)
    except NoChromium as problem:
        print(problem, file=sys.stderr)
        return 1
    if chromium is None:
        print(MISSING, file=sys.stderr)
        return 1
    print(f"Chromium for the browser tests: {chromium.path} ({chromium.source})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
