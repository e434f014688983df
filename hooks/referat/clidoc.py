"""The README's reference of the `referat` command, made from its click definitions.

The README runs `reference()` through cog (`make generated`), and a test fails while the README
differs from what it gives, so a new command or option cannot go undocumented. Each command's
docstring gives its first line of help, its description and an "Example:" (or "Examples:") part.
"""

from __future__ import annotations

import click

# `--help` is rendered at a fixed width, so the README does not depend on the terminal of
# whoever ran `make generated`.
WIDTH = 100
EXAMPLE_HEADINGS = ("Example:", "Examples:")


def commands(group: click.Group, prefix: str = "referat") -> list[tuple[str, click.Command]]:
    """Every command under the group, by its full name, in the order `--help` lists them."""
    found: list[tuple[str, click.Command]] = []
    context = click.Context(group, info_name=prefix)
    for name in group.list_commands(context):
        command = group.get_command(context, name)
        if command is None or command.hidden:
            continue
        found.append((f"{prefix} {name}", command))
        if isinstance(command, click.Group):
            found += commands(command, f"{prefix} {name}")
    return found


def help_parts(command: click.Command) -> tuple[list[str], list[str]]:
    """The docstring's paragraphs before its examples, and the example command lines."""
    lines = (command.help or "").replace("\b", "").splitlines()
    start = next((i for i, line in enumerate(lines)
                  if line.strip().startswith(EXAMPLE_HEADINGS)), len(lines))
    first = lines[start].strip() if start < len(lines) else ""
    inline = first.split(":", 1)[1].strip() if ":" in first else ""
    examples = [inline] if inline else []
    examples += [line.strip() for line in lines[start + 1:] if line.strip()]
    paragraphs = " ".join(line.strip() or "\n" for line in lines[:start]).split("\n")
    return [" ".join(p.split()) for p in paragraphs if p.strip()], examples


def options(command: click.Command, context: click.Context) -> list[tuple[str, str]]:
    """Each option but --help: how it is written (`-o, --output FILE`) and its help."""
    records = (param.get_help_record(context) for param in command.get_params(context)
               if isinstance(param, click.Option) and "--help" not in param.opts)
    return [record for record in records if record is not None]


def cell(text: str) -> str:
    """Text that stays inside one cell of a Markdown table, shown as written."""
    text = " ".join(text.split())
    return text.replace("&", "&amp;").replace("<", "&lt;").replace("|", "\\|")


def row(name: str, command: click.Command) -> str:
    context = click.Context(command, info_name=name, terminal_width=WIDTH)
    usage = " ".join([name, *command.collect_usage_pieces(context)])
    paragraphs, examples = help_parts(command)
    said = [cell(p) for p in paragraphs]
    said += [f"`{cell(flag)}`: {cell(text)}" for flag, text in options(command, context)]
    shown = "<br>".join(f"`{cell(example)}`" for example in examples)
    return f"| `{cell(usage)}` | {'<br>'.join(said)} | {shown} |"


def table(group: click.Group) -> str:
    """The Markdown table of every command: usage, what it does with each option, examples."""
    lines = ["| command | what it does | example |", "| --- | --- | --- |"]
    lines += [row(name, command) for name, command in [("referat", group), *commands(group)]]
    return "\n".join(lines) + "\n"


def help_text(command: click.Command, name: str) -> str:
    """What `<name> --help` prints, at the fixed width."""
    context = click.Context(command, info_name=name, terminal_width=WIDTH, max_content_width=WIDTH)
    return command.get_help(context)


def help_blocks(group: click.Group) -> str:
    """Each command's `--help`, in a block that opens on a click."""
    blocks = []
    for name, command in [("referat", group), *commands(group)]:
        blocks.append(f"<details><summary><code>{name} --help</code></summary>\n\n"
                      f"```text\n{help_text(command, name)}\n```\n\n</details>\n")
    return "\n".join(blocks)


def reference(group: click.Group) -> str:
    """The README's part between the cog markers: the table, then every `--help`."""
    return f"{table(group)}\n{help_blocks(group)}"
