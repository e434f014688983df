"""`referat import`: minutes (.txt, .md, .html, .pdf, .docx) to meeting files, with a summary on stderr."""

from __future__ import annotations

import tempfile
from pathlib import Path

import click

from ..loader import load
from ..slugs import slugify
from .assemble import Imported, import_source, meeting_date
from .emit import dump_meeting, scalar
from .report import summary
from .sources import SUFFIXES, SourceError


@click.command("import")
@click.argument("source", required=False, type=click.Path(exists=True, path_type=Path))
@click.option("--body", help="The body's name, if the minutes do not say it clearly.")
@click.option("-o", "--output", type=click.Path(dir_okay=False, path_type=Path),
              help="File to write; standard output if left out.")
@click.option("--all", "folder", type=click.Path(exists=True, file_okay=False, path_type=Path),
              help="Import every source in this folder into the meetings folder instead.")
@click.option("--meetings", default="meetings", show_default=True,
              type=click.Path(file_okay=False, path_type=Path), help="Where --all writes meeting files.")
@click.option("--force", is_flag=True, help="With --all: overwrite meeting files that exist.")
def import_command(source: Path | None, body: str | None, output: Path | None, folder: Path | None,
                   meetings: Path, force: bool) -> None:
    """Import minutes from SOURCE (.txt, .md, .html, .pdf or .docx) as a draft meeting file.

    The meeting file goes to standard output (or -o FILE); a summary of what was found, what was
    left out as page furniture and what to check by hand goes to standard error. Review the draft
    in a pull request before it is published.

    Examples:

    \b
      referat import referat.pdf --body Byrådet -o meetings/byraadet/2025-11-26.yml
      referat import --all eksport/ --body Byrådet
    """
    if folder is not None:
        raise SystemExit(import_folder(folder, meetings, body, force))
    if source is None:
        raise click.UsageError("give a SOURCE file, or --all FOLDER")
    imported = read_or_exit(source, body)
    text = draft(imported)
    if output is None:
        click.echo(text, nl=False)
    else:
        output.parent.mkdir(parents=True, exist_ok=True)
        output.write_text(text, encoding="utf-8")
    click.echo(summary(imported, check_text(text, imported)), err=True)


def draft(imported: Imported) -> str:
    """The meeting file's text for an imported source."""
    return dump_meeting(imported.meeting, imported.source.name, imported.titles)


def read_or_exit(source: Path, body: str | None) -> Imported:
    try:
        return import_source(source, body)
    except SourceError as error:
        click.echo(f"error: {error}", err=True)
        raise SystemExit(1) from error


def check_text(text: str, imported: Imported) -> list[str]:
    """What `referat check` says about the draft, read as it would be in a meetings folder."""
    date = meeting_date(imported)
    if date is None:
        return ["the draft has no date, so it cannot be checked yet"]
    with tempfile.TemporaryDirectory(prefix="referat-import-") as root:
        folder = Path(root) / "organ"
        folder.mkdir()
        (folder / "body.yml").write_text(f"name: {scalar(imported.body or 'Organ')}\n", encoding="utf-8")
        (folder / f"{date.isoformat()}.yml").write_text(text, encoding="utf-8")
        _, problems = load(Path(root), display_root=Path(root))
    return [str(p).replace(f"organ/{date.isoformat()}.yml", "draft") for p in problems]


def import_folder(folder: Path, meetings: Path, body: str | None, force: bool) -> int:
    """Import every source in a folder into meetings/<body>/<date>.yml; the exit status."""
    sources = sorted(p for p in folder.rglob("*") if p.suffix.lower() in SUFFIXES and p.is_file())
    failed = 0
    for n, source in enumerate(sources, 1):
        message = import_one(source, meetings, body, force)
        failed += message.startswith("error")
        click.echo(f"[{n}/{len(sources)}] {source.name}: {message}", err=True)
    click.echo(f"imported {len(sources) - failed} of {len(sources)} sources into {meetings}; "
               f"run `referat check {meetings}` and review the drafts", err=True)
    return 1 if failed else 0


def import_one(source: Path, meetings: Path, body: str | None, force: bool) -> str:
    """Import one source of a folder; a line saying what happened."""
    try:
        imported = import_source(source, body)
    except SourceError as error:
        return f"error: {error}"
    date = meeting_date(imported)
    if date is None or not imported.body:
        missing = "date" if date is None else "body (give --body)"
        return f"error: no {missing} found; import it alone with `referat import` and fix it by hand"
    target = meetings / slugify(imported.body) / f"{date.isoformat()}.yml"
    if target.exists() and not force:
        return f"error: {target} exists; use --force to overwrite it"
    target.parent.mkdir(parents=True, exist_ok=True)
    if not (target.parent / "body.yml").exists():
        (target.parent / "body.yml").write_text(body_file(imported), encoding="utf-8")
    target.write_text(draft(imported), encoding="utf-8")
    return f"{target} ({len(imported.meeting['items'])} items, {len(imported.dropped)} lines dropped)"


def body_file(imported: Imported) -> str:
    """A new body's body.yml: its name, and the authority the letterhead names."""
    organisation = f"organisation: {scalar(imported.organisation)}\n" if imported.organisation else ""
    return f"name: {scalar(imported.body or '')}\n{organisation}"
