"""`practicecraft child export ID --out FILE.zip`: everything kept about a child, to take away."""

from __future__ import annotations

from pathlib import Path

import click

from practicecraft.cli.context import App, pass_app
from storage.child_export import ExportNotWritten, export_child
from worksheets.render.fonts import FontNotFound
from worksheets.render.report import ReportNotWritten


@click.command("export")
@click.argument("child_id")
@click.option(
    "--out",
    type=click.Path(dir_okay=False, path_type=Path),
    required=True,
    help="The zip file to write (FILE.zip).",
)
@pass_app
def export_command(app: App, child_id: str, out: Path) -> None:
    """Write a zip of everything kept about a child: every row (data.json), their answers
    (attempts.csv, safe to open in a spreadsheet) and the one-page progress report."""
    store = app.reader
    name = store.children.get(child_id).name
    try:
        export_child(store, child_id, out)
    except (ExportNotWritten, FontNotFound, ReportNotWritten) as error:
        raise click.ClickException(str(error)) from None
    click.echo(f"Exported everything kept about {name} to {out}")
