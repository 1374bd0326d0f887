"""`practicecraft worksheet create|render|list`: make worksheets and class sets, print them to PDF,
find the sheets made."""

from __future__ import annotations

from datetime import date, datetime
from pathlib import Path
from typing import Any

import click

from curriculum.question import QUESTION_TYPES
from practicecraft.cli.context import App, echo_json, pass_app
from storage.database import Store
from storage.errors import NotFoundError
from storage.library import LibraryQuery, LibrarySheet, search
from storage.making import (
    SheetOrder,
    make_worksheets,
    print_and_save,
    print_sheets,
    printed_now,
    school_name,
)
from worksheets.model import Worksheet, sheet_notes
from worksheets.render.fonts import FontNotFound


@click.group()
def worksheet() -> None:
    """Worksheets: make, print, re-print."""


@worksheet.command("create")
@click.option("--child", "child_id", default=None, help="For one child (id).")
@click.option("--class", "class_name", default=None, help="A class set: one sheet per child.")
@click.option("--subject", required=True, help="maths, english, evs or custom.")
@click.option(
    "--chapters",
    multiple=True,
    type=int,
    help="Chapter numbers (repeat the option). None and no --skills: what each child should "
    "practise next.",
)
@click.option("--skills", multiple=True, help="Skill tags (repeat the option).")
@click.option("--count", type=click.IntRange(1, 60), default=20, show_default=True)
@click.option(
    "--mode",
    type=click.Choice(["chosen", "adaptive", "versions"]),
    default=None,
    help="Default: chosen for the chapters or skills given; with none, adaptive.",
)
@click.option(
    "--versions",
    type=click.IntRange(2, 6),
    default=2,
    show_default=True,
    help="How many versions (mode versions).",
)
@click.option("--difficulty", type=click.IntRange(1, 3), default=None)
@click.option("--types", "qtypes", multiple=True, type=click.Choice(QUESTION_TYPES))
@click.option(
    "--lang", "language", type=click.Choice(["en", "hi", "both"]), default="en", show_default=True
)
@click.option("--paper", type=click.Choice(["A4", "Letter"]), default="A4", show_default=True)
@click.option("--large-print", is_flag=True, help="About 1.5× text, one column (Classes 1–2).")
@click.option("--columns", type=click.IntRange(1, 3), default=2, show_default=True)
@click.option(
    "--seed", type=int, default=None, help="Fix the questions (default: new ones each time)."
)
@click.option("--out", type=click.Path(dir_okay=False, path_type=Path), required=True)
@click.option(
    "--answer-key", "key_path", type=click.Path(dir_okay=False, path_type=Path), default=None
)
@pass_app
def create(
    app: App,
    /,
    child_id: str | None,
    class_name: str | None,
    out: Path,
    key_path: Path | None,
    **options: Any,
) -> None:
    """Make worksheets, save them, and write the PDF; prints the worksheet ids."""
    if (child_id is None) == (class_name is None):
        raise click.UsageError("give exactly one of --child and --class")
    order = SheetOrder(**options)
    store = app.store
    sheets = make_worksheets(
        store, order, child_id=child_id, class_name=class_name, today=date.today()
    )
    try:
        # the PDF is the user's to print: the sheets are saved as printed
        printed = print_and_save(
            store, printed_now(sheets), out, key_path, school=school_name(store)
        )
    except FontNotFound as error:
        raise click.ClickException(f"{error}; nothing was saved") from None
    except OSError as error:
        raise click.ClickException(
            f"cannot write the PDF: {_reason(error)}; nothing was saved"
        ) from None
    for sheet in printed.sheets:
        click.echo(sheet.id)
    for note in sheet_notes(printed.sheets):
        click.echo(f"practicecraft: note: {note}", err=True)


def _render(sheets: list[Worksheet], out: Path, key_path: Path | None, store: Store) -> None:
    try:
        print_sheets(
            sheets, out, key_path, school=school_name(store), fonts=store.settings.font_choice
        )
    except FontNotFound as error:
        raise click.ClickException(str(error)) from None
    except OSError as error:
        raise click.ClickException(f"cannot write the PDF: {_reason(error)}") from None


def _reason(error: OSError) -> str:
    where = f" ({error.filename})" if error.filename else ""
    return f"{error.strerror or error}{where}"


@worksheet.command("render")
@click.argument("worksheet_id")
@click.option("--out", type=click.Path(dir_okay=False, path_type=Path), required=True)
@click.option(
    "--answer-key", "key_path", type=click.Path(dir_okay=False, path_type=Path), default=None
)
@pass_app
def render(app: App, worksheet_id: str, out: Path, key_path: Path | None) -> None:
    """Print a saved worksheet again (by id or printed code): the same sheet as before."""
    store = app.reader
    sheet = store.worksheets.find(worksheet_id)
    _render([sheet], out, key_path, store)
    if not store.read_only:  # beside the window, the window's own printing marks it
        store.worksheets.mark_printed([sheet.id or ""])
    click.echo(out)


NO_MATCH = "No worksheets match."
NO_SHEETS = "No worksheets yet: make one with `practicecraft worksheet create`."


@worksheet.command("list")
@click.option("--child", "child_id", default=None, help="Only this child's sheets (id).")
@click.option("--class", "class_ref", default=None, help="Only this class's sheets (id or name).")
@click.option("--code", default=None, help="The sheet with the code printed on it.")
@click.option(
    "--since", type=click.DateTime(formats=["%Y-%m-%d"]), default=None, help="Made on or after."
)
@click.option("--json", "as_json", is_flag=True, help="Print JSON instead of a table.")
@pass_app
def list_worksheets(
    app: App,
    child_id: str | None,
    class_ref: str | None,
    code: str | None,
    since: datetime | None,
    as_json: bool,
) -> None:
    """Every worksheet made, newest first, with its state (not printed, printed, graded)."""
    store = app.reader
    if child_id:
        store.children.get(child_id)  # an unknown id is an error, not an empty list
    query = LibraryQuery(
        child_id=child_id,
        class_id=_class_id(store, class_ref) if class_ref else None,
        code=code,
        since=since.date() if since else None,
        limit=None,
    )
    sheets = search(store, query).sheets
    if as_json:
        echo_json([sheet.as_json() for sheet in sheets])
    elif not sheets:
        filtered = any((child_id, class_ref, code, since))
        click.echo(NO_MATCH if filtered else NO_SHEETS)
    else:
        for sheet in sheets:
            click.echo(_line(sheet))


def _class_id(store: Store, ref: str) -> str:
    if any(c.id == ref for c in store.classes.all(include_archived=True)):
        return ref
    try:
        return store.classes.by_name(ref).id or ""
    except NotFoundError:
        raise NotFoundError(f"there is no class with the id or name {ref}") from None


def _line(sheet: LibrarySheet) -> str:
    made = sheet.made_at[:10]
    return f"{made}  {sheet.code:<10} {sheet.state:<11}  {sheet.who or '-'}  {sheet.title}"
