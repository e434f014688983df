"""Links in meeting text: full addresses are published; a link no page can follow stops the check."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from conftest import FIXTURES
from referat.links import problem_with, targets
from sites import mkdocs_build


@pytest.mark.parametrize("target", [
    "https://example.dk/aftale", "http://example.dk", "mailto:post@example.dk", "#beslutning",
    "//example.dk/x", "javascript:alert(1)", "javascript&#58;alert(1)",  # text, never links
])
def test_a_full_address_or_a_fragment_is_fine(target: str) -> None:
    assert problem_with(target) is None


@pytest.mark.parametrize("target", ["notat.md", "bilag/budget.pdf", "../2025-10-01/", "/oekonomi/",
                                    "punkt-2", "?q=budget"])
def test_a_path_is_reported_with_how_to_fix_it(target: str) -> None:
    message = problem_with(target)
    assert message and f"'{target}'" in message and "https://" in message and "attachments" in message


def test_targets_are_read_as_markdown_reads_them() -> None:
    text = "[a](x.md) ![b](y.png) `[c](z.md)` [d][ref]\n\n[ref]: https://example.dk\n\n    [e](w.md)"
    assert targets(text) == ["x.md", "y.png", "https://example.dk"]


def test_a_folder_with_a_path_link_does_not_build(tmp_path: Path) -> None:
    meetings = tmp_path / "meetings"
    shutil.copytree(FIXTURES / "bad/link-not-full-address", meetings)
    result = mkdocs_build(tmp_path / "site", meetings)
    assert result.returncode != 0
    assert ("2025-11-26.yml:8: punkt 1 (items[1]).sections.Sagsfremstilling: the link to "
            "'notat.md'") in result.stderr
    assert not (tmp_path / "site/raadet").exists()


def test_the_same_folder_with_full_addresses_builds(tmp_path: Path) -> None:
    meetings = tmp_path / "meetings"
    shutil.copytree(FIXTURES / "bad/link-not-full-address", meetings)
    meeting = meetings / "raadet/2025-11-26.yml"
    text = meeting.read_text(encoding="utf-8")
    for path in ("notat.md", "bilag/budget.pdf", "../2025-10-01/punkt-2/", "/oekonomi/"):
        text = text.replace(f"]({path})", f"](https://example.dk/{path.strip('./')})")
    meeting.write_text(text, encoding="utf-8")
    result = mkdocs_build(tmp_path / "site", meetings)
    assert result.returncode == 0, result.stderr
