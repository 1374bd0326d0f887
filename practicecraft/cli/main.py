"""`practicecraft`: the root command, its global options and error handling."""

from __future__ import annotations

import importlib
import sys
from pathlib import Path

import click

from desktop.platform_check import WindowCannotOpen, check_window_can_open, load_window
from practicecraft import __version__
from practicecraft.cli.context import App
from storage.errors import CorruptDatabaseError, InvalidInput, NotFoundError, StorageError
from storage.paths import default_data_dir
from sync.errors import ClockWrong, SyncError
from sync.settings import InvalidConnection
from worksheets.quota import QuotaExceeded, plans_of

EXIT_FAILURE, EXIT_BAD_INPUT, EXIT_OFFLINE, EXIT_CLOCK_WRONG, EXIT_QUOTA = 1, 2, 3, 4, 5
# Each command's module is imported only when that command runs, so opening the window (no
# command) does not pay for reportlab, the syllabus and the rest.
COMMANDS: dict[str, tuple[str, str]] = {
    "child": ("practicecraft.cli.children", "child"),
    "class": ("practicecraft.cli.classes", "school_class"),
    "db": ("practicecraft.cli.database", "database"),
    "syllabus": ("practicecraft.cli.curriculum", "syllabus"),
    "questions": ("practicecraft.cli.curriculum", "questions"),
    "bank": ("practicecraft.cli.curriculum", "bank"),
    "worksheet": ("practicecraft.cli.worksheets", "worksheet"),
    "certificate": ("practicecraft.cli.certificates", "certificate"),
    "grade": ("practicecraft.cli.grading", "grade_sheet"),
    "progress": ("practicecraft.cli.progress", "progress"),
    "report": ("practicecraft.cli.progress", "report"),
    "account": ("practicecraft.cli.account", "account"),
    "sync": ("practicecraft.cli.account", "sync_now"),
}


class LazyGroup(click.Group):
    def list_commands(self, ctx: click.Context) -> list[str]:
        return list(COMMANDS)

    def get_command(self, ctx: click.Context, cmd_name: str) -> click.Command | None:
        if cmd_name not in COMMANDS:
            return None
        module, name = COMMANDS[cmd_name]
        command = getattr(importlib.import_module(module), name)
        assert isinstance(command, click.Command)
        return command

    def invoke(self, ctx: click.Context) -> object:
        """Run the command, then note its usage (kept only if the user opted in)."""
        try:
            result = super().invoke(ctx)
        except click.exceptions.Exit as done:
            _note_usage(ctx, ok=done.exit_code == 0)
            raise
        except BaseException:
            _note_usage(ctx, ok=False)
            raise
        _note_usage(ctx, ok=True)
        return result


def _note_usage(ctx: click.Context, ok: bool) -> None:
    if isinstance(ctx.obj, App):
        ctx.obj.note_usage(ok)


@click.group(
    cls=LazyGroup,
    invoke_without_command=True,
    context_settings={"help_option_names": ["-h", "--help"]},
)
@click.option(
    "--data-dir",
    type=click.Path(file_okay=False, path_type=Path),
    default=None,
    help="Folder of the local database (default: your user-data folder).",
)
@click.option(
    "--create",
    is_flag=True,
    help="Start new data if the folder has none (otherwise only the window makes a data folder).",
)
@click.option(
    "--quit-after-first-paint",
    is_flag=True,
    hidden=True,
    help="Open the window, wait for it to paint and load, then quit (for `bench startup`).",
)
@click.option(
    "--self-test",
    is_flag=True,
    is_eager=True,
    expose_value=False,
    callback=lambda ctx, _param, wanted: _self_test(ctx) if wanted else None,
    help="Check this install (database, worksheets in English and Hindi, fonts, Qt) and exit.",
)
@click.version_option(__version__, "--version", prog_name="practicecraft")
@click.pass_context
def cli(
    ctx: click.Context, data_dir: Path | None, create: bool, quit_after_first_paint: bool
) -> None:
    """PracticeCraft: practice worksheets for Classes 1–5, offline first.

    Run without a command to open the app.
    """
    app = App(data_dir or default_data_dir(), create=create)
    ctx.obj = app
    ctx.call_on_close(app.close)
    if ctx.invoked_subcommand is None:
        ctx.exit(_open_window(app.data_dir, quit_after_first_paint))


def _self_test(ctx: click.Context) -> None:
    """Runs before any data folder is looked at: the self-test uses a temporary one."""
    from practicecraft.self_test import run_self_test

    ctx.exit(run_self_test())


def _open_window(data_dir: Path, quit_after_first_paint: bool) -> int:
    """Open the window, after checking it can: where Qt would abort, one line says why."""
    check_window_can_open()
    run = load_window()  # Qt is loaded only for the window, not for commands
    return run(data_dir, quit_after_first_paint)


def main(argv: list[str] | None = None) -> None:
    """Run the command line; errors become one line on stderr and an exit code."""
    try:
        # Outside standalone mode click returns the code of `ctx.exit(code)` instead of exiting.
        code = cli.main(args=argv, prog_name="practicecraft", standalone_mode=False)
    except click.exceptions.Exit as done:
        sys.exit(done.exit_code)
    except click.Abort:
        _fail("aborted", EXIT_FAILURE)
    except click.UsageError as error:
        command = error.ctx.command_path if error.ctx else "practicecraft"
        _fail(f"{error.format_message()} (see `{command} --help`)", EXIT_BAD_INPUT)
    except click.ClickException as error:
        _fail(error.format_message(), EXIT_BAD_INPUT)
    except QuotaExceeded as error:
        _fail(
            f"{error} (from {plans_of(None)[0].price} a month: open the app's Upgrade page); "
            "sheets already made can still be printed again and graded",
            EXIT_QUOTA,
        )
    except SyncError as error:
        _fail(str(error), _sync_exit_code(error))
    except (InvalidInput, NotFoundError) as error:
        _fail(str(error), EXIT_BAD_INPUT)
    except CorruptDatabaseError as error:
        _fail(str(error), EXIT_FAILURE)
    except WindowCannotOpen as error:
        _fail(str(error), EXIT_FAILURE)
    except StorageError as error:
        _fail(str(error), EXIT_FAILURE)
    except OSError as error:  # the system refused a file: say which, in one line
        where = f": {error.filename}" if error.filename else ""
        _fail(f"{error.strerror or error}{where}", EXIT_FAILURE)
    sys.exit(code if isinstance(code, int) else 0)


def _sync_exit_code(error: SyncError) -> int:
    """3: the server could not be reached or was busy (try later); 4: the clock is wrong."""
    if isinstance(error, InvalidConnection):
        return EXIT_BAD_INPUT
    if error.transient:
        return EXIT_OFFLINE
    return EXIT_CLOCK_WRONG if isinstance(error, ClockWrong) else EXIT_FAILURE


def _fail(message: str, code: int) -> None:
    click.echo(f"practicecraft: error: {message}", err=True)
    sys.exit(code)
