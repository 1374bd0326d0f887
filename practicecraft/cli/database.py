"""`practicecraft db ...`: check, back up and restore the local database."""

from __future__ import annotations

from pathlib import Path

import click

from curriculum.wording import count
from practicecraft.cli.context import App, echo_json, pass_app
from storage.backup import latest_backup, restore_backup
from storage.check import check_database


@click.group("db")
def database() -> None:
    """The local database: check, back up, restore."""


@database.command("check")
@click.option("--json", "as_json", is_flag=True, help="Print JSON.")
@pass_app
def check(app: App, as_json: bool) -> None:
    """Check the file's integrity and that every local change is queued for sync."""
    report = check_database(app.reader)
    pending = {f"{table}.{op}": n for (table, op), n in sorted(report.pending.items())}
    if as_json:
        echo_json(
            {
                "path": report.path,
                "ok": report.ok,
                "schema_version": report.schema_version,
                "latest_version": report.latest_version,
                "integrity": report.integrity or ["ok"],
                "outbox_pending": report.pending_total,
                "outbox_by_table": pending,
                "problems": report.problems,
                "children_without_consent": [
                    {"id": child_id, "name": name} for child_id, name in report.without_consent
                ],
                "unusable_own_questions": report.unusable,
            }
        )
    else:
        click.echo(f"database: {report.path}")
        click.echo(f"schema: version {report.schema_version} of {report.latest_version}")
        click.echo(f"integrity: {'; '.join(report.integrity) or 'ok'}")
        detail = ", ".join(f"{k} {n}" for k, n in pending.items())
        mutations = "mutation" if report.pending_total == 1 else "mutations"
        click.echo(
            f"outbox: {report.pending_total} pending {mutations}"
            + (f" ({detail})" if detail else "")
        )
        click.echo(
            "outbox consistency: " + ("ok" if not report.problems else "; ".join(report.problems))
        )
        click.echo(f"consent: {_consent_line(report.without_consent)}")
        click.echo(f"own questions: {_unusable_line(report.unusable)}")
    if not report.ok:
        raise SystemExit(1)


def _consent_line(children: list[tuple[str, str]]) -> str:
    if not children:
        return "ok"
    names = ", ".join(name for _, name in children[:5]) + (", ..." if len(children) > 5 else "")
    have = "has" if len(children) == 1 else "have"
    return (
        f"{count(len(children), 'child', 'children')} {have} no consent record ({names}): "
        "record it with `practicecraft child consent ID --guardian NAME --relation RELATION` or "
        "`practicecraft class consent CLASS --school-basis NAME`"
    )


def _unusable_line(unusable: list[str]) -> str:
    if not unusable:
        return "ok"
    return (
        f"{len(unusable)} cannot be used ({'; '.join(unusable)}): "
        "import a corrected bank file, or remove them with `practicecraft bank remove NAME`"
    )


@database.command("backup")
@click.option(
    "--to",
    "to",
    type=click.Path(path_type=Path),
    default=None,
    help="File or folder for the copy (default: the backups folder).",
)
@pass_app
def backup(app: App, to: Path | None) -> None:
    """Copy the database safely, even while the app is open."""
    click.echo(app.reader.backup(to))


@database.command("restore")
@click.argument(
    "backup_file", required=False, type=click.Path(dir_okay=False, exists=True, path_type=Path)
)
@click.option("--yes", is_flag=True, help="Do not ask for confirmation.")
@pass_app
def restore(app: App, backup_file: Path | None, yes: bool) -> None:
    """Replace the database with a backup (default: the latest). The old file is kept."""
    source = backup_file or latest_backup(app.database_path)
    if source is None:
        raise click.ClickException("there is no backup to restore")
    if not yes:
        click.confirm(f"Replace {app.database_path} with {source}?", abort=True)
    app.close()
    moved = restore_backup(source, app.database_path)
    click.echo(f"Restored {source}." + (f" The replaced file is kept as {moved}." if moved else ""))


@database.command("path")
@pass_app
def path(app: App) -> None:
    """Print where the database file is."""
    click.echo(app.database_path)
