"""A device in a sync test: its own data folder, store, clock and faulty network."""

from __future__ import annotations

import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import httpx

from cloud.devstack.server import DevCloud
from storage.database import Store
from sync import account
from sync.engine import SyncEngine, SyncReport
from sync.session import forget_shared
from sync.settings import connection, database_path
from tests.sync.faults import FaultyTransport

PASSWORD = "correct horse battery staple"
NOTICE = "We keep your child's name and practice results to make worksheets."


@dataclass
class Device:
    data_dir: Path
    cloud: DevCloud
    skew_ms: int = 0
    transport: FaultyTransport = field(default_factory=FaultyTransport)
    store: Store | None = None

    def __post_init__(self) -> None:
        self.data_dir.mkdir(parents=True, exist_ok=True)
        self.http = httpx.Client(transport=self.transport)
        account.connect(self.data_dir, self.cloud.url, self.cloud.anon_key)
        self.open()

    def wall(self) -> int:
        return time.time_ns() // 1_000_000 + self.skew_ms

    @property
    def db(self) -> Store:
        assert self.store is not None
        return self.store

    def open(self) -> None:
        self.store = Store.open(database_path(self.data_dir), wall=self.wall)

    def close(self) -> None:
        if self.store is not None:
            self.store.close()
            self.store = None

    def sign_in(self, email: str, new: bool = False) -> account.Account:
        signed = account.sign_in(self.data_dir, email, PASSWORD, new=new, http=self.http)
        self.close()
        path, _adopted = account.prepare_database(self.data_dir, signed)
        self.store = Store.open(path, wall=self.wall)
        self.db.sync.adopt(signed.user_id)
        return signed

    def sign_out(self) -> None:
        self.close()
        account.sign_out(self.data_dir, http=self.http)
        self.open()

    def restart(self) -> None:
        """As if the program were closed and opened again: nothing kept in memory."""
        self.close()
        signed = account.signed_in_account(self.data_dir)
        if signed is not None:
            forget_shared(connection(self.data_dir), self.data_dir, signed)
        self.open()

    def sync(self, full: bool = False) -> SyncReport:
        cloud = account.open_cloud(self.data_dir, self.http, self.wall)
        return SyncEngine(cloud.api, lambda work: work(self.db)).run(full=full)

    def add_child(self, name: str, grade: int = 3) -> str:
        child = self.db.children.add_with_consent(
            {"name": name, "grade": grade},
            {"guardian_name": "Parent of " + name, "relation": "mother", "notice_version": "1"},
            notice_text=NOTICE,
            app_version="test",
        )
        return str(child.id)

    def rows(self, table: str) -> dict[str, dict[str, Any]]:
        """Every row of `table` (tombstones included), by id."""
        return {row["id"]: dict(row) for row in self.db.query(f"SELECT * FROM {table}")}
