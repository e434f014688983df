"""The browser lookup (tests/chromium.py) with this machine's places hidden.

Every test hides CHROMIUM, points Debian's path and Playwright's browser folder at empty temporary
places, points Playwright's download host at a closed port or at a local mirror, and puts a
stand-in apt-get first on PATH. Then it puts a Chromium (a small script) in one place after another
and checks which one the lookup takes, or that `python tests/chromium.py --install` stops with one
line. The last test runs the command `make test` starts with, as `make -n` prints it, in an
environment as bare as a fresh machine's: an empty home, no apt-get, no browser anywhere.
"""

from __future__ import annotations

import io
import os
import shlex
import socket
import stat
import subprocess
import sys
import threading
import time
import zipfile
from collections.abc import Iterator
from dataclasses import replace
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest

import chromium
from chromium import Chromium, NoChromium, Places, find, install, playwright_chromium

LOOKUP = Path(__file__).resolve().parent / "chromium.py"
# Fails as apt-get fails on a machine that cannot reach Debian's mirrors.
FAILING_APT = ("#!/bin/sh\necho \"$*\" >> \"$0.log\"\n"
               "echo 'E: Unable to locate package chromium' >&2\nexit 100\n")
# Installs as apt-get would: Debian's chromium appears at the path the test hides it in.
INSTALLING_APT = "#!/bin/sh\necho \"$*\" >> \"$0.log\"\n[ \"$1\" = install ] && {{ mkdir -p {folder}; " \
                 "printf '#!/bin/sh\\n' > {path}; chmod +x {path}; }}\nexit 0\n"


def program(path: Path, text: str = "#!/bin/sh\necho Chromium 1.0\n") -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    path.chmod(0o755)
    return path


def closed_port() -> int:
    with socket.socket() as free:
        free.bind(("127.0.0.1", 0))
        return int(free.getsockname()[1])


@pytest.fixture
def hidden(tmp_path: Path) -> Places:
    """No CHROMIUM, nothing at Debian's path or in Playwright's folder, no download host, no apt."""
    env = {name: value for name, value in os.environ.items()
           if name != "CHROMIUM" and not name.startswith("PLAYWRIGHT_") and "proxy" not in name.lower()}
    program(tmp_path / "bin" / "apt-get", FAILING_APT)
    env["PATH"] = f"{tmp_path / 'bin'}{os.pathsep}{env.get('PATH', os.defpath)}"
    env["PLAYWRIGHT_BROWSERS_PATH"] = str(tmp_path / "ms-playwright")
    env["PLAYWRIGHT_DOWNLOAD_HOST"] = f"http://127.0.0.1:{closed_port()}"
    return Places(env=env, debian=tmp_path / "usr" / "bin" / "chromium", root=True)


@pytest.fixture
def given(hidden: Places, tmp_path: Path) -> Places:
    """The hidden places, with Playwright's Chromium at a given path instead of asking Playwright."""
    return replace(hidden, playwright=tmp_path / "playwright" / "chrome")


def apt_calls(places: Places) -> list[str]:
    log = Path(places.env["PATH"].split(os.pathsep)[0]) / "apt-get.log"
    return log.read_text(encoding="utf-8").splitlines() if log.exists() else []


@pytest.fixture(scope="module")
def playwright_relative(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Where Playwright puts its Chromium inside its browser folder (asked once: it takes a second)."""
    folder = tmp_path_factory.mktemp("ms-playwright")
    path = playwright_chromium({**os.environ, "PLAYWRIGHT_BROWSERS_PATH": str(folder)})
    assert path is not None, "Playwright did not say where its Chromium goes"
    return path.relative_to(folder)


def in_playwright(places: Places, relative: Path) -> Path:
    return Path(places.env["PLAYWRIGHT_BROWSERS_PATH"]) / relative


def test_playwrights_chromium_is_found_where_playwright_puts_it(hidden: Places,
                                                               playwright_relative: Path) -> None:
    assert find(hidden) is None  # Playwright is asked, and its folder is empty
    path = program(in_playwright(hidden, playwright_relative))
    assert find(hidden) == Chromium(path, "Playwright's")


def test_debians_chromium_comes_before_playwrights(given: Places) -> None:
    assert given.playwright is not None
    program(given.playwright)
    assert find(given) == Chromium(given.playwright, "Playwright's")
    program(given.debian)
    assert find(given) == Chromium(given.debian, "Debian's")


def test_the_chromium_variable_comes_first(given: Places, tmp_path: Path) -> None:
    assert given.playwright is not None
    program(given.playwright)
    program(given.debian)
    own = program(tmp_path / "own" / "chrome")
    assert find(replace(given, env={**given.env, "CHROMIUM": str(own)})) == Chromium(own, "CHROMIUM")
    # A command's name is looked up on PATH.
    by_name = replace(given, env={**given.env, "CHROMIUM": "chrome",
                                  "PATH": f"{own.parent}{os.pathsep}{given.env['PATH']}"})
    assert find(by_name) == Chromium(own, "CHROMIUM")


def test_a_chromium_variable_that_names_no_program_is_an_error(given: Places, tmp_path: Path) -> None:
    program(given.debian)
    (tmp_path / "not-a-program").write_text("", encoding="utf-8")
    for value in (str(tmp_path / "missing"), str(tmp_path / "not-a-program"), "no-such-chromium"):
        with pytest.raises(NoChromium, match=f"CHROMIUM={value} is not a program"):
            find(replace(given, env={**given.env, "CHROMIUM": value}))


class Mirror(BaseHTTPRequestHandler):
    """Playwright's download host, serving a zip with a Chromium in it for every browser."""

    asked: list[str] = []

    def do_GET(self) -> None:  # noqa: N802 (the base class's name)
        self.asked.append(self.path)
        body = io.BytesIO()
        with zipfile.ZipFile(body, "w") as archive:
            for name in ("chrome-linux64/chrome", "chrome-linux/chrome", "ffmpeg-linux",
                         "chrome-headless-shell-linux64/chrome-headless-shell"):
                entry = zipfile.ZipInfo(name)
                entry.external_attr = (stat.S_IFREG | 0o755) << 16
                archive.writestr(entry, "#!/bin/sh\necho Chromium 1.0\n")
        self.send_response(200)
        self.send_header("Content-Length", str(len(body.getvalue())))
        self.end_headers()
        self.wfile.write(body.getvalue())

    def log_message(self, format: str, *args: object) -> None:  # noqa: A002 (the base's name)
        pass


@pytest.fixture
def mirror() -> Iterator[str]:
    Mirror.asked = []
    server = ThreadingHTTPServer(("127.0.0.1", 0), Mirror)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()
    server.server_close()


@pytest.mark.slow  # the real installer: about 3 s
def test_playwright_installs_one_when_none_is_found(hidden: Places, mirror: str,
                                                    playwright_relative: Path) -> None:
    places = replace(hidden, env={**hidden.env, "PLAYWRIGHT_DOWNLOAD_HOST": mirror})
    installed = install(places)
    assert installed.path == in_playwright(places, playwright_relative)
    assert installed.source == "installed with `playwright install chromium`, Playwright's"
    assert any(path.endswith(".zip") for path in Mirror.asked), "Playwright's installer did not run"
    assert apt_calls(places) == []


def test_apt_get_installs_debians_when_playwrights_host_cannot_be_reached(given: Places) -> None:
    program(Path(given.env["PATH"].split(os.pathsep)[0]) / "apt-get",
            INSTALLING_APT.format(folder=given.debian.parent, path=given.debian))
    installed = install(given)
    assert installed == Chromium(given.debian, "installed with `apt-get install chromium`, Debian's")
    assert apt_calls(given) == ["update", "install -y --no-install-recommends chromium"]


def test_a_failing_apt_get_falls_through_to_the_one_line(given: Places) -> None:
    with pytest.raises(NoChromium) as problem:
        install(given)
    assert "apt-get install chromium: E: Unable to locate package chromium" in str(problem.value)
    assert apt_calls(given) == ["update"]


def test_apt_get_is_not_tried_without_root(given: Places) -> None:
    with pytest.raises(NoChromium) as problem:
        install(replace(given, root=False))
    assert "apt-get install chromium: not root" in str(problem.value)
    assert apt_calls(given) == []


def run_lookup(places: Places, *arguments: str) -> tuple[subprocess.CompletedProcess[str], float]:
    start = time.monotonic()
    result = subprocess.run([sys.executable, str(LOOKUP), "--debian", str(places.debian), *arguments],
                            env=dict(places.env), capture_output=True, text=True, timeout=60, check=False)
    return result, time.monotonic() - start


def test_with_none_and_no_way_to_install_it_stops_within_seconds_with_one_line(hidden: Places) -> None:
    result, seconds = run_lookup(hidden, "--install")
    assert result.returncode == 1
    assert result.stdout == ""
    lines = result.stderr.splitlines()
    assert len(lines) == 1, result.stderr
    assert lines[0].startswith("no Chromium found and none could be installed (playwright install "
                               "chromium: Playwright's download host cannot be reached; apt-get ")
    # As root the stand-in apt-get runs and fails; otherwise apt-get is not tried.
    expected = "E: Unable to locate package" if os.geteuid() == 0 else "not root"
    assert expected in lines[0]
    assert lines[0].endswith(chromium.WHAT_TO_RUN)
    # Generous for a busy machine; what it catches is waiting on the network: Playwright's installer
    # retries a host that refuses five times, over 20 s.
    assert seconds < 15, f"took {seconds:.1f} s"


def test_the_command_prints_the_chromium_it_finds(hidden: Places) -> None:
    program(hidden.debian)
    result, _ = run_lookup(hidden)
    assert (result.returncode, result.stderr) == (0, "")
    assert result.stdout == f"Chromium for the browser tests: {hidden.debian} (Debian's)\n"


@pytest.mark.slow  # asks Playwright: about a second
def test_without_install_the_command_says_how_to_get_one(hidden: Places) -> None:
    nothing, _ = run_lookup(hidden)
    assert (nothing.returncode, nothing.stdout, nothing.stderr) == (1, "", chromium.MISSING + "\n")


def make_recipe_of_chromium() -> list[str]:
    """The command `make test` runs first (its `chromium` target), as make itself prints it."""
    printed = subprocess.run(["make", "-n", "-s", "chromium"], cwd=LOOKUP.parent.parent,
                             capture_output=True, text=True, timeout=60, check=True).stdout
    [line] = [line for line in printed.splitlines() if "tests/chromium.py" in line]
    return shlex.split(line)


@pytest.mark.slow  # asks make and Playwright: a few seconds
def test_make_tests_first_step_on_a_machine_with_no_browser_stops_with_one_line(tmp_path: Path) -> None:
    """As on a fresh clone on a bare machine: no CHROMIUM, nothing at Debian's path, an empty home
    (where Playwright keeps its browsers), no apt-get on PATH, and no download host that answers."""
    command = make_recipe_of_chromium()
    assert command[1:] == ["tests/chromium.py", "--install"], command
    home = tmp_path / "home"
    home.mkdir()
    env = {"HOME": str(home), "PATH": str(Path(sys.executable).parent), "LANG": "C.UTF-8",
           "PLAYWRIGHT_DOWNLOAD_HOST": f"http://127.0.0.1:{closed_port()}"}
    hidden_debian = tmp_path / "usr" / "bin" / "chromium"
    start = time.monotonic()
    result = subprocess.run([sys.executable, *command[1:], "--debian", str(hidden_debian)],
                            cwd=LOOKUP.parent.parent, env=env, capture_output=True, text=True,
                            timeout=120, check=False)
    seconds = time.monotonic() - start
    assert (result.returncode, result.stdout) == (1, ""), result.stderr
    [line] = result.stderr.splitlines()
    assert line.startswith("no Chromium found and none could be installed (playwright install "
                           "chromium: Playwright's download host cannot be reached; apt-get install "
                           f"chromium: {'no apt-get' if os.geteuid() == 0 else 'not root'})"), line
    assert line.endswith(chromium.WHAT_TO_RUN)
    assert not any(home.rglob("*chrom*")), "nothing is left half-installed in the home folder"
    assert seconds < 15, f"took {seconds:.1f} s"  # generous for a busy machine; see above
