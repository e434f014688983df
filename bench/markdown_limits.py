"""Hostile Markdown: how long the check takes, and the largest text it lets through renders.

For each shape (deep lists, quotes, admonitions, nested emphasis, floods of brackets, backticks,
entities, long lines) the script grows the text until `referat.markdown_limits` rejects it, then
renders the largest text that passed with the site's Markdown extensions (as MkDocs does, inside
an admonition, the deepest place a punkt page puts text), and prints both times. A 1 MB text of
each shape is checked too. With --raw it also renders texts the check rejects, with Python-Markdown
alone, to show where it breaks (RecursionError) or slows down.

    .venv/bin/python bench/markdown_limits.py [--raw]
"""

from __future__ import annotations

import argparse
import sys
import time
from collections.abc import Callable
from pathlib import Path

import markdown
from mkdocs.config import load_config

from referat.markdown_limits import MAX_CHARACTERS, excess
from referat.text import block, indent

ROOT = Path(__file__).resolve().parent.parent
Shape = Callable[[int], str]

SHAPES: dict[str, Shape] = {
    "list '- - - x'": lambda n: "- " * n + "x",
    "indented list": lambda n: "\n".join("    " * i + "- x" for i in range(n)),
    "quote '> > > x'": lambda n: "> " * n + "x",
    "quote lines": lambda n: "\n".join("> " * i + "x" for i in range(1, n + 1)),
    "admonitions": lambda n: "\n".join("    " * i + "!!! note" for i in range(n)) + "\n" + "    " * n + "x",
    "emphasis '*a '": lambda n: "*a " * n + "x" + " a*" * n,
    "strong+em '***a '": lambda n: "***a " * n + "x" + " a***" * n,
    "nested links": lambda n: "[" * n + "x" + "](y)" * n,
    "bracket flood": lambda n: "[" * n,
    "image flood": lambda n: "![" * n,
    "open links '[x]('": lambda n: "[x](" * n,
    "backtick flood": lambda n: "`" * n,
    "code spans": lambda n: "`a` " * n,
    "emphasis words": lambda n: "*a* " * n,
    "entities": lambda n: "&amp; " * n,
    "links in a paragraph": lambda n: "[x](https://example.dk) " * n,
    "long line": lambda n: "Byrådet godkendte indstillingen. " * n,
}
MEGABYTE = 1_000_000


def renderer() -> Callable[[str], str]:
    """Python-Markdown with mkdocs.yml's extensions and their settings, as MkDocs renders a page."""
    config = load_config(str(ROOT / "mkdocs.yml"))
    md = markdown.Markdown(extensions=config["markdown_extensions"],
                           extension_configs=config["mdx_configs"] or {})
    return lambda text: md.reset().convert(text)


def timed(function: Callable[[], object]) -> tuple[float, str]:
    started = time.perf_counter()
    try:
        function()
        outcome = "ok"
    except RecursionError:
        outcome = "RecursionError"
    return time.perf_counter() - started, outcome


def largest_passing(shape: Shape) -> tuple[int, int]:
    """The largest n (doubling, then bisecting) whose text passes the check, and the first that fails."""
    low, high = 1, 2
    while excess(shape(high)) is None and len(shape(high)) <= MEGABYTE:
        low, high = high, high * 2
    while high - low > 1:
        middle = (low + high) // 2
        low, high = (middle, high) if excess(shape(middle)) is None else (low, middle)
    return low, high


def row(name: str, shape: Shape, render: Callable[[str], str], raw: bool) -> str:
    passing, failing = largest_passing(shape)
    text = shape(passing)
    page = "!!! note\n\n" + indent(block(text)) + "\n"  # as a punkt page places a section
    render_s, outcome = timed(lambda: render(page))
    line = (f"{name:24} passes n={passing:>6} ({len(text):>7} chars): renders in {render_s:5.2f} s "
            f"{outcome:3} | checked in:")
    for size in (MAX_CHARACTERS, MEGABYTE):
        sized = of_size(shape, size)
        check_s, _ = timed(lambda: excess(sized))  # noqa: B023 (called at once)
        line += f" {len(sized) / 1000:5.0f} kB {check_s:5.3f} s"
    return line + (breaking_point(shape, failing, render) if raw else "")


def breaking_point(shape: Shape, n: int, render: Callable[[str], str]) -> str:
    """Render unchecked texts of doubling n until one raises RecursionError or takes 5 s."""
    while True:
        seconds, outcome = timed(lambda: render(shape(n)))  # noqa: B023 (called at once)
        if outcome != "ok" or seconds > 5 or len(shape(n)) > MEGABYTE:
            return f" | unchecked n={n}: {seconds:5.2f} s {outcome}"
        n *= 2


def of_size(shape: Shape, size: int) -> str:
    """The shape's text of the first n (doubling) that reaches `size` characters, cut to it."""
    n = 1
    while len(shape(n)) < size:
        n *= 2
    return shape(n)[:size]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--raw", action="store_true", help="also render texts the check rejects")
    args = parser.parse_args()
    render = renderer()
    print(f"Python {sys.version.split()[0]}, Markdown {markdown.__version__}, recursion limit "
          f"{sys.getrecursionlimit()}")
    for name, shape in SHAPES.items():
        print(row(name, shape, render, args.raw), flush=True)


if __name__ == "__main__":
    main()
