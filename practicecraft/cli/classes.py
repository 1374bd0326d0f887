"""`practicecraft class ...`: a teacher's classes."""

from __future__ import annotations

import click

from practicecraft.cli.context import App, echo_json, pass_app


@click.group("class")
def school_class() -> None:
    """Classes: add and list."""


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
            f"{counts.get(c.id or '', 0)} children"
        )
