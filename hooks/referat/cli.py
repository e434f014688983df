"""The `referat` command: check meeting files, and write the files made from the schema."""

from __future__ import annotations

import os
from pathlib import Path

import click

from . import formatdoc, i18n, jsonschema
from .importer.command import import_command
from .loader import load
from .problems import errors, summarise


@click.group()
@click.version_option(package_name="referat")
def main() -> None:
    """Publish a council's minutes, kept as one YAML file per meeting."""


@main.command()
@click.argument("path", default="meetings", type=click.Path(path_type=Path))
@click.option("--strict", is_flag=True, help="Fail on warnings too.")
def check(path: Path, strict: bool) -> None:
    """Check every meeting file in PATH (default: meetings).

    Prints each problem as 'path:line: field: message' and exits with 1 if there is any.

    Example: referat check meetings
    """
    archive, problems = load(path)
    text = i18n.cli_text(os.environ)  # the summary lines in the user's language (LANG)
    for problem in problems:
        click.echo(str(problem))
    failing = problems if strict else errors(problems)
    if failing:
        click.echo(f"{summarise(problems, text)}.", err=True)
        raise SystemExit(1)
    items = sum(len(m.items) for m in archive.meetings)
    note = f", {summarise(problems, text)}" if problems else ""
    counts = [text.ngettext("{n} body", "{n} bodies", len(archive.bodies)).format(n=len(archive.bodies)),
              text.ngettext("{n} meeting", "{n} meetings", len(archive.meetings)).format(
                  n=len(archive.meetings)),
              text.ngettext("{n} item", "{n} items", items).format(n=items)]
    click.echo(text.gettext("OK: {counts} in {path}{note}.").format(
        counts=", ".join(counts), path=path, note=note), err=True)


@main.command()
@click.option("-o", "--output", default="schema", show_default=True,
              type=click.Path(file_okay=False, path_type=Path),
              help="Folder to write meeting.schema.json and body.schema.json to.")
def schema(output: Path) -> None:
    """Write the JSON Schema of meeting files and body.yml, for editors.

    Example: referat schema -o schema
    """
    output.mkdir(parents=True, exist_ok=True)
    for name, record in jsonschema.FILES.items():
        (output / name).write_text(jsonschema.document(record), encoding="utf-8")
        click.echo(f"wrote {output / name}", err=True)


@main.command("format-doc")
@click.option("-o", "--output", type=click.Path(dir_okay=False, path_type=Path),
              help="File to write; standard output if left out.")
def format_doc(output: Path | None) -> None:
    """Write the Danish page that documents the meeting-file format.

    Example: referat format-doc -o docs/format.md
    """
    text = formatdoc.render()
    if output is None:
        click.echo(text, nl=False)
    else:
        output.write_text(text, encoding="utf-8")
        click.echo(f"wrote {output}", err=True)


main.add_command(import_command)
