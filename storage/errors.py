"""Named errors of the local store. Callers catch these, never sqlite3's own."""

from __future__ import annotations

from pathlib import Path


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


class MigrationError(StorageError):
    """A schema migration could not be applied; the database was left at its previous version."""


class ClockDriftError(StorageError):
    """A timestamp from another device is too far ahead of this device's clock to trust."""
