"""Named errors of the local store. Callers catch these, never sqlite3's own."""

from __future__ import annotations

import errno
from pathlib import Path

_SQLITE_FULL = 13


class StorageError(Exception):
    """Base class of every error the store raises on purpose."""


class InvalidInput(StorageError, ValueError):
    """Input that fails validation; nothing was written."""

    def __init__(self, message: str, *, field: str | None = None) -> None:
        super().__init__(message)
        self.field = field


class NotFoundError(StorageError, LookupError):
    """A row asked for by id or name does not exist (or is deleted)."""


class CorruptDatabaseError(StorageError):
    """The database file is damaged; says which file and the latest backup to restore."""

    def __init__(self, path: Path, reason: str, latest_backup: Path | None) -> None:
        self.path = path
        self.reason = reason
        self.latest_backup = latest_backup
        backup = (
            f"latest backup: {latest_backup} (restore it with `practicecraft db restore`)"
            if latest_backup
            else "no backup was found"
        )
        super().__init__(f"the database file {path} is damaged ({reason}); {backup}")


class DamagedBackup(CorruptDatabaseError):
    """A backup failed its integrity check: refused for a restore, not kept when just made."""

    def __init__(self, path: Path, reason: str, message: str) -> None:
        StorageError.__init__(self, message)
        self.path = path
        self.reason = reason
        self.latest_backup = None


class MigrationError(StorageError):
    """A schema migration could not be applied; the database was left at its previous version."""


class ClockDriftError(StorageError):
    """A timestamp from another device is too far ahead of this device's clock to trust."""


class NoDataFound(InvalidInput):
    """No data folder, or no database in it, where one was expected; nothing was made."""

    def __init__(self, folder: Path, *, folder_exists: bool) -> None:
        self.folder = folder
        what = "no PracticeCraft data in" if folder_exists else "no folder"
        super().__init__(
            f"there is {what} {folder}; check the path (is the USB stick in?), or add --create "
            "to start new data there"
        )


class MissingDatabaseError(StorageError):
    """The database file is gone or empty while its backups are there: restore, never replace."""

    def __init__(self, path: Path, latest_backup: Path, *, empty: bool) -> None:
        self.path = path
        self.latest_backup = latest_backup
        self.empty = empty
        state = "is empty" if empty else "is missing"
        super().__init__(
            f"the database file {path} {state}, but its backups are there; latest backup: "
            f"{latest_backup} (restore it with `practicecraft db restore`; nothing was changed)"
        )


class DataFolderBusy(StorageError):
    """Another process is writing this data folder; this one must not."""


class ReadOnlyStore(StorageError):
    """The data can be read but not changed here (a read-only folder, or another writer)."""


class DiskFullError(StorageError):
    """The disk (or the database's size limit) is full; the write or copy was undone."""


class BackupTargetMissing(InvalidInput):
    """`--to` names a folder that does not exist; no backup was made."""


def is_disk_full(error: BaseException) -> bool:
    """True for SQLite's SQLITE_FULL and the system's "no space left on device"."""
    return getattr(error, "sqlite_errorcode", None) == _SQLITE_FULL or (
        isinstance(error, OSError) and error.errno == errno.ENOSPC
    )


class NotADataFile(StorageError):
    """Something other than a file (a folder) is where the database file should be."""
