"""`practicecraft`: the root command, its global options and error handling."""

from __future__ import annotations

import sys
from pathlib import Path

import click

from practicecraft import __version__
from practicecraft.cli.certificates import certificate
from practicecraft.cli.children import child
from practicecraft.cli.classes import school_class
from practicecraft.cli.context import App
from practicecraft.cli.curriculum import bank, questions, syllabus
from practicecraft.cli.database import database
from practicecraft.cli.grading import grade_sheet
from practicecraft.cli.progress import progress, report
from practicecraft.cli.worksheets import worksheet
from storage.errors import CorruptDatabaseError, InvalidInput, NotFoundError, StorageError
from storage.paths import default_data_dir

EXIT_FAILURE, EXIT_BAD_INPUT = 1, 2


@click.group(invoke_without_command=True, context_settings={"help_option_names": ["-h", "--help"]})
@click.option(
    "--data-dir",
    type=click.Path(file_okay=False, path_type=Path),
    default=None,
    help="Folder of the local database (default: your user-data folder).",
)
@click.option(
    "--quit-after-first-paint",
    is_flag=True,
    hidden=True,
    help="Open the window, wait for it to paint and load, then quit (for `bench startup`).",
)
@click.version_option(__version__, "--version", prog_name="practicecraft")
@click.pass_context
def cli(ctx: click.Context, data_dir: Path | None, quit_after_first_paint: bool) -> None:
    """PracticeCraft: practice worksheets for Classes 1–5, offline first.

    Run without a command to open the app.
    """
    app = App(data_dir or default_data_dir())
    ctx.obj = app
    ctx.call_on_close(app.close)
    if ctx.invoked_subcommand is None:
        from desktop.app import run  # Qt is loaded only for the window, not for commands

        ctx.exit(run(app.data_dir, quit_after_first_paint))


cli.add_command(child)
cli.add_command(school_class)
cli.add_command(database)
cli.add_command(syllabus)
cli.add_command(questions)
cli.add_command(bank)
cli.add_command(worksheet)
cli.add_command(certificate)
cli.add_command(grade_sheet)
cli.add_command(progress)
cli.add_command(report)


def main(argv: list[str] | None = None) -> None:
    """Run the command line; errors become one line on stderr and an exit code."""
    try:
        cli.main(args=argv, prog_name="practicecraft", standalone_mode=False)
    except click.exceptions.Exit as done:
        sys.exit(done.exit_code)
    except click.Abort:
        _fail("aborted", EXIT_FAILURE)
    except click.UsageError as error:
        command = error.ctx.command_path if error.ctx else "practicecraft"
        _fail(f"{error.format_message()} (see `{command} --help`)", EXIT_BAD_INPUT)
    except click.ClickException as error:
        _fail(error.format_message(), EXIT_BAD_INPUT)
    except (InvalidInput, NotFoundError) as error:
        _fail(str(error), EXIT_BAD_INPUT)
    except CorruptDatabaseError as error:
        _fail(str(error), EXIT_FAILURE)
    except StorageError as error:
        _fail(str(error), EXIT_FAILURE)
    sys.exit(0)


def _fail(message: str, code: int) -> None:
    click.echo(f"practicecraft: error: {message}", err=True)
    sys.exit(code)
