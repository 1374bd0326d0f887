"""`practicecraft class ...`: a teacher's classes."""

from __future__ import annotations

import click

from curriculum.wording import count
from practicecraft.cli.consent import school_basis_agreed, school_only
from practicecraft.cli.context import App, echo_json, pass_app


@click.group("class")
def school_class() -> None:
    """Classes: add, list, and confirm the school's basis for their children."""


@school_class.command("add")
@click.option("--name", required=True, help="As the school calls it, e.g. 3A.")
@click.option("--grade", required=True, help="Class 1–12.")
@click.option("--subject", default=None, help="maths, english, evs...; leave out for all.")
@click.option("--custom-syllabus", is_flag=True, help="The class follows your own syllabus.")
@pass_app
def add_class(app: App, name: str, grade: str, subject: str | None, custom_syllabus: bool) -> None:
    """Add a class and print its id."""
    added = app.store.classes.add(
        {
            "name": name,
            "grade": grade,
            "subject": subject,
            "syllabus_source": "custom" if custom_syllabus else "cbse",
        }
    )
    click.echo(added.id)


@school_class.command("list")
@click.option("--json", "as_json", is_flag=True, help="Print JSON instead of a table.")
@pass_app
def list_classes(app: App, as_json: bool) -> None:
    """List classes with how many children each has."""
    store = app.reader
    classes = store.classes.all()
    counts = {c.id: len(store.classes.members(c.id)) for c in classes if c.id}
    if as_json:
        echo_json(
            [{**c.model_dump(mode="json"), "children": counts[c.id]} for c in classes if c.id]
        )
        return
    if not classes:
        click.echo("No classes yet: add one with `practicecraft class add --name 3A --grade 3`.")
    for c in classes:
        click.echo(
            f"{c.id}  {c.name}  Class {c.grade}  {c.subject or 'all subjects'}  "
            f"{count(counts.get(c.id or '', 0), 'child', 'children')}"
        )


@school_class.command("consent")
@click.argument("name")
@school_only
@pass_app
def class_consent(app: App, name: str, school_basis: str | None, yes: bool) -> None:
    """Record the school's basis for the children of a class who have no consent record."""
    if school_basis is None:
        raise click.UsageError('say who confirms the basis: --school-basis "NAME"')
    store = app.store
    found = store.classes.by_name(name)
    lacking = {c.id for c in store.children.without_consent()}
    children = [c.id for c in store.classes.members(found.id or "") if c.id in lacking]
    if not children:
        click.echo(f"Every child of {found.name} already has a consent record.")
        return
    basis = school_basis_agreed(school_basis, yes)
    store.consents.record_basis([c for c in children if c], basis)
    click.echo(
        f"Recorded the school's basis for {count(len(children), 'child', 'children')} "
        f"of {found.name}."
    )
