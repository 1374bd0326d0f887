"""What every command shares: the data folder and the store, opened on first use.

Commands that change data use `app.store`, which holds the data folder's lock for the rest of
the command (a second writer is refused in one line). Commands that only read use
`app.reader`: the same store when the folder is free, else a read-only connection beside the
window or command that has it, or in a folder this user cannot write.
"""

from __future__ import annotations

import functools
import json
import logging
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, TypeVar

import click

from storage.database import Store
from storage.errors import DataFolderBusy, ReadOnlyStore
from storage.logfiles import hide_names_of, start_logging
from storage.telemetry import record_event
from sync.settings import database_path

F = TypeVar("F", bound=Callable[..., Any])
log = logging.getLogger("practicecraft.cli")


@dataclass
class App:
    data_dir: Path
    create: bool = False  # `--create`: make the data folder and database if they are not there
    _store: Store | None = field(default=None, init=False)
    _database: Path | None = field(default=None, init=False)
    _logging: bool = field(default=False, init=False)
    command: str | None = field(default=None, init=False)  # e.g. "child.add", for telemetry
    started: float = field(default_factory=time.monotonic, init=False)

    @property
    def database_path(self) -> Path:
        """The signed-in account's database, else the local-only one."""
        if self._database is None:
            self._database = database_path(self.data_dir)
        return self._database

    def use_database(self, path: Path) -> None:
        """Switch to another database (after signing in or out); the open one is closed."""
        self.close()
        self._database = path

    @property
    def store(self) -> Store:
        """The store, open for changes."""
        if self._store is not None and self._store.read_only:
            self.close()
        if self._store is None:
            self._store = self._logged(
                self._told(Store.open(self.database_path, create=self.create))
            )
        return self._store

    @property
    def reader(self) -> Store:
        """The store, for reading only."""
        if self._store is None:
            try:
                self._store = self._told(Store.open(self.database_path, create=self.create))
            except (DataFolderBusy, ReadOnlyStore):
                self._store = Store.open(self.database_path, read_only=True)
            self._logged(self._store)
        return self._store

    def _logged(self, store: Store) -> Store:
        """Once the data is open: log to its folder's log file, hiding its children's names.
        A folder where no log can be made (read-only) logs warnings to stderr instead."""
        hide_names_of(store)
        if not self._logging:
            self._logging = True
            try:
                start_logging(self.data_dir)
            except OSError:
                log.debug("no log file in %s", self.data_dir)
        return store

    @staticmethod
    def _told(store: Store) -> Store:
        """Say once, on stderr, what opening the store found (e.g. a clock set in the future)."""
        for notice in store.take_notices():
            click.echo(f"practicecraft: note: {notice}", err=True)
        return store

    def note_usage(self, ok: bool) -> None:
        """After the command: its usage event, if the user opted in and its data is open for
        writing (a command that opened no data records nothing)."""
        if self.command is None:
            return
        elapsed_ms = int((time.monotonic() - self.started) * 1000)
        log.info("%s %s in %d ms", self.command, "done" if ok else "failed", elapsed_ms)
        if self._store is not None and not self._store.read_only:
            record_event(self._store, self.command, "cli", elapsed_ms, ok)

    def close(self) -> None:
        if self._store is not None:
            self._store.close()
            self._store = None


def pass_app(command: F) -> F:
    """Hand the command the `App`, and note which command it is (for its usage event)."""

    @functools.wraps(command)
    def run(*args: Any, **kwargs: Any) -> Any:
        ctx = click.get_current_context()
        app = ctx.find_object(App)
        if app is None:
            raise RuntimeError("the practicecraft group makes the App before any command")
        app.command = ".".join(ctx.command_path.split()[1:])
        return ctx.invoke(command, app, *args, **kwargs)

    return run  # type: ignore[return-value]


def echo_json(value: Any) -> None:
    click.echo(json.dumps(value, ensure_ascii=False, indent=2))
