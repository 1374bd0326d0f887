"""Opening the local database (checks, pragmas, migrations) and its write transactions."""

from __future__ import annotations

import contextlib
import os
import sqlite3
from collections.abc import Callable, Iterator
from functools import cached_property
from pathlib import Path
from typing import TYPE_CHECKING, Any

from storage import backup as backups
from storage.clock import HybridLogicalClock, wall_clock_ms
from storage.errors import CorruptDatabaseError
from storage.ids import device_node
from storage.migrate import current_version, latest_version, migrate
from storage.paths import ensure_private_dir
from storage.writer import Writer

if TYPE_CHECKING:
    from storage.repositories import (
        AnalyticsRepository,
        AttemptRepository,
        CertificateRepository,
        ChildRepository,
        ClassRepository,
        ConsentRepository,
        CustomContentRepository,
        DeviceSettings,
        ProfileRepository,
        ProgressRepository,
        SyncRepository,
        TelemetryRepository,
        TopicPreferenceRepository,
        WorksheetRepository,
    )

NODE_KEY = "device.node"
CLOCK_KEY = "clock.high_water"


class Store:
    """The open local database: one per process, used for writes by one thread at a time.

    Reads go through the repositories; every write goes through `write()`, whose `Writer` puts
    each change and its outbox mutation in the same transaction.
    """

    def __init__(self, path: Path, conn: sqlite3.Connection, clock: HybridLogicalClock) -> None:
        self.path = path
        self.conn = conn
        self._savepoints = 0
        self.clock = clock
        self._writer: Writer | None = None

    @classmethod
    def open(cls, path: Path, wall: Callable[[], int] = wall_clock_ms) -> Store:
        """Open (creating if needed) the database at `path` and bring its schema up to date.

        Raises CorruptDatabaseError, naming the file and the latest backup, if it is damaged.
        """
        path = Path(path)
        ensure_private_dir(path.parent)
        existed = path.exists() and path.stat().st_size > 0
        if existed:
            _require_sqlite_header(path)
        else:
            os.close(os.open(path, os.O_CREAT | os.O_WRONLY, 0o600))
        try:
            conn = _connect(path)
        except sqlite3.DatabaseError as error:
            raise CorruptDatabaseError(path, str(error), backups.latest_backup(path)) from error
        try:
            version = current_version(conn)
            if existed and 0 < version < latest_version():
                backups.backup_database(conn, path)  # a way back if the upgrade surprises anyone
            migrate(conn)
            clock = HybridLogicalClock(*_load_clock(conn), wall=wall)
        except BaseException:
            conn.close()
            raise
        store = cls(path, conn, clock)
        store.progress.bring_up_to_date()
        return store

    def close(self) -> None:
        self.conn.close()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.close()

    @contextlib.contextmanager
    def write(self) -> Iterator[Writer]:
        """A write transaction. Nested calls become savepoints of the outer one.

        Commits on normal exit, rolls back everything (rows and mutations) on an exception.
        The clock's high-water mark is saved in the same transaction.
        """
        if self._writer is not None:
            with self._savepoint():
                yield self._writer
            return
        self.conn.execute("BEGIN IMMEDIATE")
        self._writer = writer = Writer(self.conn, self.clock)
        try:
            yield writer
            if writer.stamped:
                self.set_state(CLOCK_KEY, self.clock.high_water)
            self.conn.execute("COMMIT")
        except BaseException:
            if self.conn.in_transaction:
                self.conn.execute("ROLLBACK")
            raise
        finally:
            self._writer = None

    @contextlib.contextmanager
    def _savepoint(self) -> Iterator[None]:
        """A nested write: undone alone if it fails, kept only if the outer write commits."""
        self._savepoints += 1
        name = f"nested_{self._savepoints}"
        self.conn.execute(f"SAVEPOINT {name}")
        try:
            yield
        except BaseException:
            self.conn.execute(f"ROLLBACK TO {name}")
            self.conn.execute(f"RELEASE {name}")
            raise
        else:
            self.conn.execute(f"RELEASE {name}")
        finally:
            self._savepoints -= 1

    def query(self, sql: str, params: Any = ()) -> list[sqlite3.Row]:
        cursor = self.conn.execute(sql, params)
        cursor.row_factory = sqlite3.Row
        return cursor.fetchall()

    def state(self, key: str) -> str | None:
        row = self.conn.execute("SELECT value FROM sync_state WHERE key = ?", (key,)).fetchone()
        return None if row is None else str(row[0])

    def set_state(self, key: str, value: str) -> None:
        self.conn.execute(
            "INSERT INTO sync_state (key, value) VALUES (?, ?) "
            "ON CONFLICT (key) DO UPDATE SET value = excluded.value",
            (key, value),
        )

    def schema_version(self) -> int:
        return current_version(self.conn)

    def backup(self, to: Path | None = None) -> Path:
        return backups.backup_database(self.conn, self.path, to)

    # Repositories: the only way in and out of the tables for the rest of the app.

    @cached_property
    def children(self) -> ChildRepository:
        from storage.repositories import ChildRepository

        return ChildRepository(self)

    @cached_property
    def classes(self) -> ClassRepository:
        from storage.repositories import ClassRepository

        return ClassRepository(self)

    @cached_property
    def profiles(self) -> ProfileRepository:
        from storage.repositories import ProfileRepository

        return ProfileRepository(self)

    @cached_property
    def topic_preferences(self) -> TopicPreferenceRepository:
        from storage.repositories import TopicPreferenceRepository

        return TopicPreferenceRepository(self)

    @cached_property
    def consents(self) -> ConsentRepository:
        from storage.repositories import ConsentRepository

        return ConsentRepository(self)

    @cached_property
    def worksheets(self) -> WorksheetRepository:
        from storage.repositories import WorksheetRepository

        return WorksheetRepository(self)

    @cached_property
    def attempts(self) -> AttemptRepository:
        from storage.repositories import AttemptRepository

        return AttemptRepository(self)

    @cached_property
    def certificates(self) -> CertificateRepository:
        from storage.repositories import CertificateRepository

        return CertificateRepository(self)

    @cached_property
    def telemetry(self) -> TelemetryRepository:
        from storage.repositories import TelemetryRepository

        return TelemetryRepository(self)

    @cached_property
    def custom_content(self) -> CustomContentRepository:
        from storage.repositories import CustomContentRepository

        return CustomContentRepository(self)

    @cached_property
    def analytics(self) -> AnalyticsRepository:
        from storage.repositories import AnalyticsRepository

        return AnalyticsRepository(self)

    @cached_property
    def progress(self) -> ProgressRepository:
        from storage.repositories import ProgressRepository

        return ProgressRepository(self)

    @cached_property
    def sync(self) -> SyncRepository:
        from storage.repositories import SyncRepository

        return SyncRepository(self)

    @cached_property
    def settings(self) -> DeviceSettings:
        from storage.repositories import DeviceSettings

        return DeviceSettings(self)


def _require_sqlite_header(path: Path) -> None:
    with path.open("rb") as handle:
        header = handle.read(16)
    if header != b"SQLite format 3\x00":
        raise CorruptDatabaseError(path, "not an SQLite database", backups.latest_backup(path))


def _connect(path: Path) -> sqlite3.Connection:
    """Connect with the store's pragmas and prove the file sound with `PRAGMA quick_check`."""
    conn = sqlite3.connect(path, isolation_level=None, check_same_thread=False, timeout=10)
    try:
        conn.execute("PRAGMA journal_mode = WAL")
        conn.execute("PRAGMA synchronous = FULL")  # an acknowledged grade survives power loss
        conn.execute("PRAGMA cache_size = -32768")
        problems = [row[0] for row in conn.execute("PRAGMA quick_check") if row[0] != "ok"]
        if problems:
            raise sqlite3.DatabaseError("; ".join(problems[:3]))
    except BaseException:
        conn.close()
        raise
    return conn


def _load_clock(conn: sqlite3.Connection) -> tuple[str, str | None]:
    """This device's node id (made once) and the clock's persisted high-water mark."""
    rows = dict(
        conn.execute(
            "SELECT key, value FROM sync_state WHERE key IN (?, ?)", (NODE_KEY, CLOCK_KEY)
        ).fetchall()
    )
    node = rows.get(NODE_KEY)
    if node is None:
        node = device_node()
        conn.execute("INSERT INTO sync_state (key, value) VALUES (?, ?)", (NODE_KEY, node))
    return node, rows.get(CLOCK_KEY)
