"""What every command shares: the data folder and the store, opened on first use.

Commands that change data use `app.store`, which holds the data folder's lock for the rest of
the command (a second writer is refused in one line). Commands that only read use
`app.reader`: the same store when the folder is free, else a read-only connection beside the
window or command that has it, or in a folder this user cannot write.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import click

from storage.database import Store
from storage.errors import DataFolderBusy, ReadOnlyStore
from sync.settings import database_path


@dataclass
class App:
    data_dir: Path
    create: bool = False  # `--create`: make the data folder and database if they are not there
    _store: Store | None = field(default=None, init=False)
    _database: Path | None = field(default=None, init=False)

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
            self._store = self._told(Store.open(self.database_path, create=self.create))
        return self._store

    @property
    def reader(self) -> Store:
        """The store, for reading only."""
        if self._store is None:
            try:
                self._store = self._told(Store.open(self.database_path, create=self.create))
            except (DataFolderBusy, ReadOnlyStore):
                self._store = Store.open(self.database_path, read_only=True)
        return self._store

    @staticmethod
    def _told(store: Store) -> Store:
        """Say once, on stderr, what opening the store found (e.g. a clock set in the future)."""
        for notice in store.take_notices():
            click.echo(f"practicecraft: note: {notice}", err=True)
        return store

    def close(self) -> None:
        if self._store is not None:
            self._store.close()
            self._store = None


pass_app = click.make_pass_decorator(App)


def echo_json(value: Any) -> None:
    click.echo(json.dumps(value, ensure_ascii=False, indent=2))
