"""`practicecraft child ...`: add, list, import, archive and erase children."""

from __future__ import annotations

from pathlib import Path

import click

from curriculum.wording import count
from practicecraft.cli.child_export import export_command
from practicecraft.cli.consent import (
    NO_BASIS,
    chosen_basis,
    guardian_or_school,
    school_basis_agreed,
    school_only,
)
from practicecraft.cli.context import App, echo_json, pass_app
from storage.consent import WITHDRAWAL_NOTICE, ConsentRequired
from storage.erasure import BackupRewrite
from storage.records import BOARDS, Child, validated
from storage.roster import import_roster, read_roster


@click.group()
def child() -> None:
    """Children: add, list, import a class roster."""


child.add_command(export_command)


@child.command("add")
@click.option("--name", required=True, help="The child's name as it should print.")
@click.option("--grade", required=True, help="Class 1–12 (3, 'Class 3' or 'III').")
@click.option("--board", default="CBSE", show_default=True, help=f"One of {', '.join(BOARDS)}.")
@click.option("--dob", "date_of_birth", default=None, help="Date of birth, YYYY-MM-DD.")
@click.option("--age-band", default=None, help="Instead of a date of birth, e.g. 7-8.")
@click.option("--roll", "roll_number", default=None, help="Roll number in class.")
@click.option("--class", "class_name", default=None, help="Also put the child in this class.")
@guardian_or_school
@pass_app
def add_child(
    app: App,
    /,
    class_name: str | None,
    guardian: str | None,
    relation: str | None,
    contact: str | None,
    school_basis: str | None,
    yes: bool,
    **fields: str | None,
) -> None:
    """Add a child, with a parent's or guardian's consent (or the school's basis), and print
    their id. The notice is printed and must be agreed to first (--yes: it was)."""
    store = app.store
    data = validated(Child, {k: v for k, v in fields.items() if v is not None})
    school_class = store.classes.by_name(class_name) if class_name else None
    basis = chosen_basis(guardian, relation, contact, school_basis, yes)
    if basis is None and school_class is not None and school_class.id:
        basis = store.consents.school_basis_of_class(school_class.id)
    if basis is None:
        raise click.UsageError(
            NO_BASIS
            + (f"; class {school_class.name} has no school basis yet" if school_class else "")
        )
    with store.write() as writer:
        added = store.children.add(data, basis)
        if school_class and school_class.id and added.id:
            store.classes.join(writer, school_class.id, added.id, added.roll_number)
    click.echo(added.id)


@child.command("list")
@click.option("--json", "as_json", is_flag=True, help="Print JSON instead of a table.")
@click.option("--all", "include_archived", is_flag=True, help="Include archived children.")
@pass_app
def list_children(app: App, as_json: bool, include_archived: bool) -> None:
    """List children by name."""
    children = app.reader.children.all(include_archived=include_archived)
    if as_json:
        echo_json([c.model_dump(mode="json") for c in children])
        return
    if not children:
        click.echo("No children yet: add one with `practicecraft child add --name NAME --grade N`.")
        return
    for c in children:
        archived = "  (archived)" if c.archived_at else ""
        click.echo(f"{c.id}  {c.name}  Class {c.grade}  {c.board}{archived}")


@child.command("import")
@click.argument("roster", type=click.Path(dir_okay=False, path_type=Path))
@click.option("--class", "class_name", default=None, help="Put every child in this class.")
@click.option("--dry-run", is_flag=True, help="Check the file and show what would be added.")
@school_only
@pass_app
def import_children(
    app: App,
    roster: Path,
    class_name: str | None,
    dry_run: bool,
    school_basis: str | None,
    yes: bool,
) -> None:
    """Import a roster CSV (columns: name, grade, optional roll number).

    Every row is checked first: if any row is bad, nothing is imported and the bad lines are
    named. The children are kept on the school's basis, confirmed once per class with
    --school-basis NAME after reading the notice.
    """
    preview = read_roster(roster)
    if preview.problems:
        raise click.ClickException(preview.summary() + " — nothing was imported")
    if dry_run:
        children = count(len(preview.rows), "child", "children")
        click.echo(f"{children} would be imported from {roster.name}.")
        return
    basis = school_basis_agreed(school_basis, yes) if school_basis is not None else None
    try:
        result = import_roster(app.store, preview, class_name, basis)
    except ConsentRequired:
        raise click.UsageError(
            "a roster's children are kept on the school's basis: add --school-basis "
            '"NAME OF THE PERSON RESPONSIBLE" (the notice is shown first); nothing was imported'
        ) from None
    click.echo(result.describe())


@child.command("consent")
@click.argument("child_id")
@guardian_or_school
@pass_app
def record_consent(
    app: App,
    child_id: str,
    guardian: str | None,
    relation: str | None,
    contact: str | None,
    school_basis: str | None,
    yes: bool,
) -> None:
    """Record consent for a child kept before it was asked for (see `db check`)."""
    found = app.store.children.get(child_id)
    basis = chosen_basis(guardian, relation, contact, school_basis, yes)
    if basis is None:
        raise click.UsageError(NO_BASIS)
    app.store.consents.record_basis([child_id], basis)
    whose = "the school's basis" if basis.is_school else f"{basis.guardian_name}'s consent"
    click.echo(f"Recorded {whose} for {found.name}.")


@child.command("withdraw")
@click.argument("child_id")
@click.option(
    "--by", "by", required=True, help="Who withdraws consent (the parent, guardian or school)."
)
@click.option("--yes", is_flag=True, help="The notice was read and agreed to (for scripts).")
@pass_app
def withdraw_consent(app: App, child_id: str, by: str, yes: bool) -> None:
    """Withdraw consent: the child's data is no longer used or synced (export or erase it)."""
    found = app.store.children.get(child_id)
    if not yes:
        click.echo(WITHDRAWAL_NOTICE + "\n")
        click.confirm(f"Withdraw consent for {found.name}?", abort=True)
    app.store.consents.withdraw(child_id, by=by)
    click.echo(
        f"Consent for {found.name} withdrawn: no new worksheets, grading, class sets or sync. "
        f"To erase everything kept about them: practicecraft child erase {child_id}"
    )


@child.command("archive")
@click.argument("child_id")
@pass_app
def archive_child(app: App, child_id: str) -> None:
    """Hide a child from lists, keeping their history."""
    click.echo(f"Archived {app.store.children.archive(child_id).name}.")


@child.command("erase")
@click.argument("child_id")
@click.option("--yes", is_flag=True, help="Do not ask for confirmation.")
@pass_app
def erase_child(app: App, child_id: str, yes: bool) -> None:
    """Erase a child and everything kept about them, on every synced device."""
    found = app.store.children.get(child_id)
    if not yes:
        click.confirm(erase_question(found.name, app.store.children.backups_holding(child_id)),
                      abort=True)  # fmt: skip
    rewrite = app.store.children.erase(child_id)
    click.echo(f"Erased {found.name}" + erased_backups(rewrite) + ".")


def erase_question(name: str, backups: list[Path]) -> str:
    """The warning before an erasure: what goes, and which backups will be rewritten."""
    question = (
        f"Erase {name} and all their worksheets and results, here and on every synced device?"
    )
    if backups:
        question += (
            f" {len(backups)} backup(s) holding {name} will be rewritten without them "
            "(a damaged one is deleted)."
        )
    return question


def erased_backups(rewrite: BackupRewrite) -> str:
    parts = []
    if rewrite.rewritten:
        parts.append(f"{len(rewrite.rewritten)} backup(s) rewritten without them")
    if rewrite.deleted:
        parts.append(f"{len(rewrite.deleted)} damaged backup(s) deleted")
    return "; " + ", ".join(parts) if parts else ""
