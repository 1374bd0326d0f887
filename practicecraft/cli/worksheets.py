"""`practicecraft worksheet create|render`: make worksheets and class sets, print them to PDF."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any

import click

from curriculum.question import QUESTION_TYPES
from practicecraft.cli.context import App, pass_app
from storage.database import Store
from storage.making import (
    SheetOrder,
    make_worksheets,
    print_and_save,
    print_sheets,
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
        printed = print_and_save(store, sheets, out, key_path, school=school_name(store))
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
    _render([store.worksheets.find(worksheet_id)], out, key_path, store)
    click.echo(out)
