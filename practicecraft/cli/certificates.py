"""`practicecraft certificate`: issue a certificate for a mastered chapter, or print one again."""

from __future__ import annotations

from pathlib import Path

import click

from practicecraft.cli.context import App, pass_app
from storage.certificates import issue_certificate, print_certificate


@click.command()
@click.argument("certificate_id", required=False)
@click.option("--child", "child_id", default=None, help="Issue a new one for this child...")
@click.option(
    "--chapter", "chapter_key", default=None, help="...and this chapter, e.g. maths.c3.ch12."
)
@click.option("--out", type=click.Path(dir_okay=False, path_type=Path), required=True)
@pass_app
def certificate(
    app: App, certificate_id: str | None, child_id: str | None, chapter_key: str | None, out: Path
) -> None:
    """Print a certificate by its id, or issue one when a child has mastered a chapter."""
    store = app.reader if certificate_id else app.store
    if certificate_id:
        found = store.certificates.get(certificate_id)
    elif child_id and chapter_key:
        found = issue_certificate(store, child_id, chapter_key)
    else:
        raise click.UsageError("give a certificate id, or --child and --chapter")
    print_certificate(store, found, out)
    click.echo(found.id)
