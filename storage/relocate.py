"""Moving a closed database file to a new name (the local data becoming an account's)."""

from __future__ import annotations

import sqlite3
from contextlib import closing
from pathlib import Path

from storage.errors import StorageError


def move_database(source: Path, target: Path) -> None:
    """Fold the write-ahead log into `source`, then rename it to `target` with its mode.

    Call with no connection open on `source`. Every committed row goes with the file.
    """
    if target.exists():
        raise StorageError(f"will not overwrite {target}")
    with closing(sqlite3.connect(source)) as conn:
        busy, _log, _done = conn.execute("PRAGMA wal_checkpoint(TRUNCATE)").fetchone()
    if busy:
        raise StorageError(f"{source} is still in use; close PracticeCraft elsewhere and retry")
    source.rename(target)
    for suffix in ("-wal", "-shm"):
        source.with_name(source.name + suffix).unlink(missing_ok=True)
