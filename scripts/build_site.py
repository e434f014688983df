"""Build the site into a new folder beside site/ and put it in place only when the build succeeded.

`mkdocs build` empties the site folder before it builds, so a build that fails halfway (an error in
a meeting file is caught before that, but a warning under --strict, a theme or search-index error is
not) would leave a broken or half-built site where the published one was. This script builds into a
temporary folder on the same file system, then swaps it in with renames.

Usage: python scripts/build_site.py [-f mkdocs.yml] [-d site]   (`make site`)
"""

from __future__ import annotations

import os
import secrets
import shutil
import subprocess
import sys
import time
from pathlib import Path

import click


@click.command()
@click.option("-f", "--config-file", default="mkdocs.yml", show_default=True,
              type=click.Path(exists=True, dir_okay=False, path_type=Path),
              help="The site's MkDocs configuration.")
@click.option("-d", "--site-dir", default="site", show_default=True,
              type=click.Path(file_okay=False, path_type=Path),
              help="The published site folder to replace.")
def main(config_file: Path, site_dir: Path) -> None:
    """Build the site with `mkdocs build --strict`; replace the site folder only if it succeeded.

    The build goes into a new folder beside the site folder (-d). When it succeeds, the old site
    is renamed aside, the new one is moved in, and the old one is removed. When it fails, the site
    folder is left exactly as it was. REFERAT_MEETINGS chooses another meetings folder, as for
    `mkdocs build`.

    Example: python scripts/build_site.py -d site
    """
    site = site_dir.absolute()
    site.parent.mkdir(parents=True, exist_ok=True)
    new = beside(site, "new")
    new.mkdir()  # made here, not by mkdtemp, so that it gets the usual permissions for a web server
    try:
        click.echo(f"building into {new.name}/ beside {site.name}/; {site.name}/ stays as it is "
                   "until the build succeeds", err=True)
        started = time.monotonic()
        code = build(config_file, new)
        if code:
            click.echo(f"build failed (mkdocs exited with {code}); {site_dir} was kept as it was.",
                       err=True)
            raise SystemExit(code)
        files = sum(1 for path in new.rglob("*") if path.is_file())
        swap(new, site)
        click.echo(f"OK: {site_dir} replaced by the new build, {files} files in "
                   f"{time.monotonic() - started:.1f} s.", err=True)
    finally:
        shutil.rmtree(new, ignore_errors=True)  # a failed or interrupted build leaves nothing behind


def beside(site: Path, kind: str) -> Path:
    """A free name in the site's parent folder, so that a rename is atomic and copies nothing."""
    return site.with_name(f".{site.name}.{kind}-{secrets.token_hex(4)}")


def build(config_file: Path, folder: Path) -> int:
    """Run `mkdocs build --strict` into `folder`; its messages go straight to the terminal."""
    command = [sys.executable, "-m", "mkdocs", "build", "--strict", "-f", str(config_file),
               "-d", str(folder)]
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}  # Material's end-of-life banner, noise in the log
    return subprocess.run(command, check=False, env=env).returncode


def swap(new: Path, site: Path) -> None:
    """Put `new` where `site` is: the old site is renamed aside first and removed last."""
    if not site.exists():
        new.rename(site)
        return
    old = beside(site, "old")
    site.rename(old)
    try:
        new.rename(site)
    except OSError:
        old.rename(site)  # the published site goes back before the error is shown
        raise
    shutil.rmtree(old)


if __name__ == "__main__":
    main()
