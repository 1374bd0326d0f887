"""Opening the local database (checks, pragmas, migrations) and its write transactions."""

from __future__ import annotations

import contextlib
import os
import sqlite3
from collections.abc import Callable, Iterator
from datetime import datetime
from functools import cached_property
from pathlib import Path
from typing import TYPE_CHECKING, Any

from storage import backup as backups
from storage import opening, search_index
from storage.clock import HybridLogicalClock, wall_clock_ms
from storage.clock_recovery import needs_recovery, recover_clock
from storage.errors import DiskFullError, MigrationError, ReadOnlyStore, is_disk_full
from storage.folder_lock import FolderLock, Holder, read_only_message
from storage.ids import device_node
from storage.migrate import current_version, latest_version, migrate
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
    from storage.repositories.drafts import GradingDraftRepository

NODE_KEY = "device.node"
CLOCK_KEY = "clock.high_water"


class Store:
    """The open local database: one per process, used for writes by one thread at a time.

    Reads go through the repositories; every write goes through `write()`, whose `Writer` puts
    each change and its outbox mutation in the same transaction. A writing store holds its data
    folder's lock until it is closed; a read-only store holds none and refuses every write.
    """

    def __init__(
        self,
        path: Path,
        conn: sqlite3.Connection,
        clock: HybridLogicalClock,
        *,
        lock: FolderLock | None = None,
        read_only_reason: str | None = None,
    ) -> None:
        self.path = path
        self.conn = conn
        self._savepoints = 0
        self.clock = clock
        self._writer: Writer | None = None
        self.lock = lock
        self.read_only_reason = read_only_reason
        self._notices: list[str] = []

    @property
    def read_only(self) -> bool:
        return self.read_only_reason is not None

    @classmethod
    def open(
        cls,
        path: Path,
        wall: Callable[[], int] = wall_clock_ms,
        *,
        create: bool = True,
        read_only: bool = False,
        holder: Holder = Holder.COMMAND,
        lock: FolderLock | None = None,
    ) -> Store:
        """Open the database at `path` and bring its schema up to date, holding its folder.

        Makes the folder and the database only if `create` (never over a lost file whose
        backups are there). Raises NoDataFound, MissingDatabaseError, NotADataFile,
        DataFolderBusy (another writer holds the folder), ReadOnlyStore (a read-only folder),
        and CorruptDatabaseError naming the file and the latest backup. `read_only` opens a
        connection that never writes, beside a writer or in a read-only folder. A `lock`
        handed in (already held) becomes the store's: released on close, or if opening fails.
        """
        path = Path(path)
        if read_only:
            return cls._open_read_only(path)
        try:
            existed = opening.check_place(path, create=create)
            opening.require_writable(path)
            lock = lock or FolderLock.acquire(path.parent, holder)
        except BaseException:
            if lock is not None:
                lock.release()
            raise
        try:
            return cls._open_locked(path, existed, wall, lock)
        except BaseException:
            lock.release()
            raise

    @classmethod
    def _open_locked(
        cls, path: Path, existed: bool, wall: Callable[[], int], lock: FolderLock
    ) -> Store:
        if not existed:
            opening.create_file(path)
        conn = opening.connect_for_writing(path)
        try:
            version = current_version(conn)
            if existed and 0 < version < latest_version():
                backups.backup_database(conn, path)  # a way back if the upgrade surprises anyone
            migrate(conn)
            search_index.install(conn)
            node, high_water = _load_clock(conn)
            recovery = None
            if needs_recovery(high_water, wall()):
                high_water, recovery = recover_clock(conn, node, high_water or "", wall, CLOCK_KEY)
            store = cls(path, conn, HybridLogicalClock(node, high_water, wall=wall), lock=lock)
            if recovery is not None:
                store._notices.append(recovery.notice())
            store.progress.bring_up_to_date()
        except BaseException:
            conn.close()
            raise
        return store

    @classmethod
    def _open_read_only(cls, path: Path) -> Store:
        opening.check_place(path, create=False)
        conn = opening.connect_read_only(path)
        try:
            reason = _read_only_reason(path)
            _require_current_schema(conn, path, reason)
            node, high_water = _read_clock(conn)
        except BaseException:
            conn.close()
            raise
        return cls(path, conn, HybridLogicalClock(node, high_water), read_only_reason=reason)

    def take_notices(self) -> list[str]:
        """What the user should be told once about this open (e.g. a clock recovered)."""
        notices, self._notices = self._notices, []
        return notices

    def close(self) -> None:
        """Close the database, then free its folder for another writer. Safe to call twice."""
        try:
            self.conn.close()
        finally:
            if self.lock is not None:
                self.lock.release()

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
        if self.read_only_reason is not None:
            raise ReadOnlyStore(self.read_only_reason)
        self.conn.execute("BEGIN IMMEDIATE")
        self._writer = writer = Writer(self.conn, self.clock)
        try:
            yield writer
            if writer.stamped:
                self.set_state(CLOCK_KEY, self.clock.high_water)
            self.conn.execute("COMMIT")
        except BaseException as error:
            if self.conn.in_transaction:
                self.conn.execute("ROLLBACK")
            if is_disk_full(error):
                raise DiskFullError(
                    f"the disk is full, so nothing was saved ({self.path.parent}); free some "
                    "space and try again"
                ) from error
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
            # SQLite may already have rolled the whole transaction back (a full disk does);
            # then there is no savepoint left, and the outer write reports the real error.
            if self.conn.in_transaction:
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

    def backup(
        self,
        to: Path | None = None,
        progress: backups.BackupProgress | None = None,
        *,
        now: datetime | None = None,
    ) -> Path:
        return backups.backup_database(self.conn, self.path, to, progress, now=now)

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
    def drafts(self) -> GradingDraftRepository:
        from storage.repositories.drafts import GradingDraftRepository

        return GradingDraftRepository(self)

    @cached_property
    def sync(self) -> SyncRepository:
        from storage.repositories import SyncRepository

        return SyncRepository(self)

    @cached_property
    def settings(self) -> DeviceSettings:
        from storage.repositories import DeviceSettings

        return DeviceSettings(self)


def _read_only_reason(path: Path) -> str:
    if not os.access(path.parent, os.W_OK):
        return read_only_message(path.parent)
    return (
        "another PracticeCraft window or command is changing this data folder "
        f"({path.parent}); make the change there, or when it has finished"
    )


def _require_current_schema(conn: sqlite3.Connection, path: Path, reason: str) -> None:
    """A read-only connection cannot upgrade: say so rather than fail on a missing column."""
    (version,) = conn.execute("SELECT coalesce(max(version), 0) FROM schema_migrations").fetchone()
    if version > latest_version():
        raise MigrationError(
            f"this database was written by a newer PracticeCraft (schema {version}); update the app"
        )
    if version < latest_version():
        raise ReadOnlyStore(
            f"the data in {path.parent} was saved by an older PracticeCraft and must be "
            f"upgraded before it can be shown, which needs writing to it: {reason}"
        )


def _read_clock(conn: sqlite3.Connection) -> tuple[str, str | None]:
    rows = dict(
        conn.execute(
            "SELECT key, value FROM sync_state WHERE key IN (?, ?)", (NODE_KEY, CLOCK_KEY)
        ).fetchall()
    )
    return rows.get(NODE_KEY) or "0" * 16, rows.get(CLOCK_KEY)


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
