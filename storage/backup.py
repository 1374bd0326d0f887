"""Backups with SQLite's online backup API, and restoring one over a damaged database."""

from __future__ import annotations

import shutil
import sqlite3
from datetime import UTC, datetime
from pathlib import Path

from storage.errors import CorruptDatabaseError, StorageError
from storage.paths import backup_dir, ensure_private_dir

KEEP_AUTOMATIC_BACKUPS = 20


def backup_database(conn: sqlite3.Connection, database: Path, to: Path | None = None) -> Path:
    """Copy the open database to `to` (default: a new timestamped file in the backup folder)."""
    if to is None:
        folder = ensure_private_dir(backup_dir(database))
        stamp = datetime.now(UTC).strftime("%Y%m%d-%H%M%S-%f")
        to = folder / f"{database.stem}-{stamp}.sqlite3"
    elif to.is_dir():
        to = to / f"{database.stem}-{datetime.now(UTC):%Y%m%d-%H%M%S}.sqlite3"
    if to.exists():
        raise StorageError(f"will not overwrite {to}")
    partial = to.with_name(to.name + ".partial")
    target = sqlite3.connect(partial)
    try:
        conn.backup(target)
    finally:
        target.close()
    partial.rename(to)
    prune_backups(database)
    return to


def list_backups(database: Path) -> list[Path]:
    """Automatic backups of `database`, newest first."""
    folder = backup_dir(database)
    if not folder.is_dir():
        return []
    found = [p for p in folder.glob(f"{database.stem}-*.sqlite3") if p.is_file()]
    return sorted(found, key=lambda p: p.name, reverse=True)


def latest_backup(database: Path) -> Path | None:
    backups = list_backups(database)
    return backups[0] if backups else None


def prune_backups(database: Path, keep: int = KEEP_AUTOMATIC_BACKUPS) -> None:
    for old in list_backups(database)[keep:]:
        old.unlink()


def restore_backup(backup: Path, database: Path) -> Path | None:
    """Put `backup` in place of `database`. The file it replaces is kept beside it, renamed.

    Returns where the replaced file was moved (None if there was none). The backup is checked
    first, so a damaged backup never replaces anything.
    """
    check_file(backup)
    moved = None
    if database.exists():
        moved = database.with_name(f"{database.name}.replaced-{datetime.now(UTC):%Y%m%d-%H%M%S}")
        database.rename(moved)
    for suffix in ("-wal", "-shm"):
        leftover = database.with_name(database.name + suffix)
        if leftover.exists():
            leftover.unlink()
    shutil.copyfile(backup, database)
    database.chmod(0o600)
    return moved


def check_file(path: Path) -> None:
    """Raise CorruptDatabaseError unless `path` is a readable, undamaged SQLite database."""
    reason = _damage(path)
    if reason:
        raise CorruptDatabaseError(path, reason, None)


def _damage(path: Path) -> str | None:
    with path.open("rb") as handle:
        header = handle.read(16)
    if header != b"SQLite format 3\x00":
        return "not an SQLite database" if header else "the file is empty"
    conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        rows = conn.execute("PRAGMA quick_check").fetchall()
    except sqlite3.DatabaseError as error:
        return str(error)
    finally:
        conn.close()
    problems = [row[0] for row in rows if row[0] != "ok"]
    return "; ".join(problems[:3]) if problems else None
