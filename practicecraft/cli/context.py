"""What every command shares: the data folder and the store, opened on first use."""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import click

from storage.database import Store
from sync.account import database_path


@dataclass
class App:
    data_dir: Path
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
        if self._store is None:
            self._store = Store.open(self.database_path)
        return self._store

    def close(self) -> None:
        if self._store is not None:
            self._store.close()
            self._store = None


pass_app = click.make_pass_decorator(App)


def echo_json(value: Any) -> None:
    click.echo(json.dumps(value, ensure_ascii=False, indent=2))
