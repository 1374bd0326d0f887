"""Before the store opens: is this a data folder, is its file there, may we write it?

Each question has its own named answer, so the window and the command line can say what is
wrong in the user's words: no data there (a mistyped path), a lost file beside its backups
(restore, never start again), a read-only folder (show, never call it damaged), a folder where
the file should be, a damaged file.
"""

from __future__ import annotations

import os
import sqlite3
from pathlib import Path

from storage import backup as backups
from storage.errors import (
    CorruptDatabaseError,
    MissingDatabaseError,
    NoDataFound,
    NotADataFile,
    ReadOnlyStore,
    StorageError,
)
from storage.folder_lock import read_only_message
from storage.paths import ensure_private_dir

BUSY_TIMEOUT_S = 10


def has_data(path: Path) -> bool:
    return path.is_file() and path.stat().st_size > 0


def check_place(path: Path, *, create: bool) -> bool:
    """Whether the database at `path` has data; raises if it may not be opened or made.

    Makes the folder (private) only when `create` is true. A missing or empty file beside
    backups is never replaced: MissingDatabaseError names the latest backup.
    """
    folder = path.parent
    if path.is_dir():
        raise NotADataFile(f"{path} is a folder, not a PracticeCraft data file; move it aside")
    if not folder.is_dir():
        if not create:
            raise NoDataFound(folder, folder_exists=False)
        ensure_private_dir(folder)
    if has_data(path):
        require_sqlite_header(path)
        return True
    latest = backups.latest_backup(path)
    if latest is not None:
        raise MissingDatabaseError(path, latest, empty=path.exists())
    if not create:
        raise NoDataFound(folder, folder_exists=True)
    return False


def require_writable(path: Path) -> None:
    """ReadOnlyStore, in words, if the folder or the file cannot be written by this user."""
    folder = path.parent
    if not os.access(folder, os.W_OK) or (path.exists() and not os.access(path, os.W_OK)):
        raise ReadOnlyStore(read_only_message(folder))


def require_sqlite_header(path: Path) -> None:
    with path.open("rb") as handle:
        header = handle.read(16)
    if header != backups.SQLITE_HEADER:
        raise CorruptDatabaseError(path, "not an SQLite database", backups.latest_backup(path))


def create_file(path: Path) -> None:
    """An empty database file, private to the user from the start."""
    os.close(os.open(path, os.O_CREAT | os.O_WRONLY, 0o600))


def connect_for_writing(path: Path) -> sqlite3.Connection:
    """Connect with the store's pragmas and prove the file sound with `PRAGMA quick_check`."""
    try:
        conn = sqlite3.connect(
            path, isolation_level=None, check_same_thread=False, timeout=BUSY_TIMEOUT_S
        )
        try:
            conn.execute("PRAGMA journal_mode = WAL")
            conn.execute("PRAGMA synchronous = FULL")  # an acknowledged grade survives power loss
            conn.execute("PRAGMA cache_size = -32768")
            _quick_check(conn)
        except BaseException:
            conn.close()
            raise
    except sqlite3.Error as error:
        raise _open_failed(path, error) from error
    return conn


def connect_read_only(path: Path) -> sqlite3.Connection:
    """A connection that can never write: beside another process's writes, or in a folder
    this user cannot write (then the file is opened as immutable, which needs no -shm file,
    unless changes are still in its WAL)."""
    uri = f"{path.resolve().as_uri()}?mode=ro"
    if not os.access(path.parent, os.W_OK):
        wal = path.with_name(path.name + "-wal")
        if wal.exists() and wal.stat().st_size > 0:
            raise ReadOnlyStore(
                f"the data folder {path.parent} is read-only and holds changes not yet written "
                f"into its data file ({wal.name}); copy the folder somewhere you can write and "
                "open it there"
            )
        uri += "&immutable=1"
    try:
        conn = sqlite3.connect(uri, uri=True, check_same_thread=False, timeout=BUSY_TIMEOUT_S)
        try:
            _quick_check(conn)
        except BaseException:
            conn.close()
            raise
    except sqlite3.Error as error:
        raise _open_failed(path, error) from error
    return conn


def _quick_check(conn: sqlite3.Connection) -> None:
    problems = [row[0] for row in conn.execute("PRAGMA quick_check") if row[0] != "ok"]
    if problems:
        raise sqlite3.DatabaseError("; ".join(problems[:3]))


def _open_failed(path: Path, error: sqlite3.Error) -> Exception:
    """Read-only trouble is said as such; anything else is damage, with the latest backup."""
    name = getattr(error, "sqlite_errorname", "")
    if name.startswith(("SQLITE_READONLY", "SQLITE_CANTOPEN")):
        if not os.access(path.parent, os.W_OK) or not os.access(path, os.W_OK):
            return ReadOnlyStore(read_only_message(path.parent))
        if name.startswith("SQLITE_CANTOPEN"):
            return StorageError(f"cannot open the data file {path}: {error}")
    return CorruptDatabaseError(path, str(error), backups.latest_backup(path))
