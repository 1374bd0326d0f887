"""Backups with SQLite's online backup API, and restoring one over a damaged database.

Backups hold children's data: each is readable by its owner only (0600) from its first byte,
and is written under a `.partial` name that becomes the backup only once it is complete.
"""

from __future__ import annotations

import os
import shutil
import sqlite3
from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path

from storage.backup_rotation import backups_to_remove, made_at
from storage.errors import (
    BackupTargetMissing,
    DamagedBackup,
    DiskFullError,
    StorageError,
    is_disk_full,
)
from storage.folder_lock import FolderLock, Holder
from storage.paths import backup_dir, ensure_private_dir

PAGES_PER_STEP = 256  # when progress is reported: about 1 MB per step
WAL_FILES = ("-wal", "-shm")
SQLITE_HEADER = b"SQLite format 3\x00"

BackupProgress = Callable[[float], None]  # fraction copied, 0..1


def backup_database(
    conn: sqlite3.Connection,
    database: Path,
    to: Path | None = None,
    progress: BackupProgress | None = None,
    *,
    now: datetime | None = None,
) -> Path:
    """Copy the open database to `to` (default: a new file in the backup folder, named for
    `now`, after which the folder's automatic backups are rotated).

    `to` may be a file or an existing folder. Every copy passes `PRAGMA integrity_check` before
    it takes its name. Raises BackupTargetMissing (no such folder), DiskFullError, DamagedBackup
    (the copy failed its check), or StorageError; a failed backup leaves no file behind.
    """
    target = _target(database, to, now or datetime.now(UTC))
    partial = target.with_name(target.name + ".partial")
    try:
        _copy(conn, partial, progress)
        _verify(partial, target)
        partial.rename(target)
    except (OSError, sqlite3.Error) as error:
        partial.unlink(missing_ok=True)
        raise _backup_failed(target, error) from error
    except BaseException:
        partial.unlink(missing_ok=True)
        raise
    if to is None:
        rotate_backups(database)
    return target


def _target(database: Path, to: Path | None, now: datetime) -> Path:
    if to is None:
        try:
            folder = ensure_private_dir(backup_dir(database))
        except OSError as error:
            raise StorageError(
                f"cannot make a backup in {backup_dir(database)} ({error.strerror}); "
                "choose another place with `--to`"
            ) from error
        stamp = now.astimezone(UTC).strftime("%Y%m%d-%H%M%S-%f")
        return folder / f"{database.stem}-{stamp}.sqlite3"
    if to.is_dir():
        to = to / f"{database.stem}-{datetime.now(UTC):%Y%m%d-%H%M%S}.sqlite3"
    elif not to.parent.is_dir():
        raise BackupTargetMissing(
            f"cannot make the backup: the folder {to.parent} does not exist; nothing was written"
        )
    if to.exists():
        raise StorageError(f"will not overwrite {to}")
    return to


def _copy(conn: sqlite3.Connection, partial: Path, progress: BackupProgress | None) -> None:
    partial.unlink(missing_ok=True)  # left by a backup that was cut short
    os.close(os.open(partial, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600))
    target = sqlite3.connect(partial)
    try:
        if progress is None:
            conn.backup(target)
        else:
            conn.backup(
                target,
                pages=PAGES_PER_STEP,
                progress=lambda _status, left, total: progress(1 - left / max(total, 1)),
            )
    finally:
        target.close()


def _verify(partial: Path, target: Path) -> None:
    """A backup nobody can restore is worse than none: check every page and index of it."""
    reason = _damage(partial)
    if reason:
        raise DamagedBackup(
            target,
            reason,
            f"the backup {target} failed its check ({reason}), so it was not kept; the data "
            "itself may be damaged: run `practicecraft db check`",
        )


def _backup_failed(target: Path, error: BaseException) -> StorageError:
    if is_disk_full(error):
        return DiskFullError(
            f"cannot make the backup in {target.parent}: the disk is full; nothing was written"
        )
    reason = error.strerror if isinstance(error, OSError) and error.strerror else str(error)
    return StorageError(f"cannot make the backup {target}: {reason}; nothing was written")


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


def rotate_backups(database: Path) -> None:
    """Keep one backup a day and one a week before that (see `storage.backup_rotation`)."""
    for old in backups_to_remove(list_backups(database)):
        old.unlink(missing_ok=True)


def daily_backup_due(database: Path, now: datetime | None = None) -> bool:
    """True if no automatic backup was made today (this computer's day)."""
    latest = latest_backup(database)
    made = made_at(latest) if latest is not None else None
    today = (now or datetime.now(UTC)).astimezone().date()
    return made is None or made.astimezone().date() < today


def restore_backup(backup: Path, database: Path, lock: FolderLock | None = None) -> Path | None:
    """Put `backup` in place of `database`. The file it replaces is kept beside it, renamed,
    holding every row that was committed to it (its WAL is checkpointed into it first).

    Returns where the replaced file was moved (None if there was none). The backup is checked
    first, so a damaged backup never replaces anything. Without a held `lock` the folder's lock
    is taken for the restore: DataFolderBusy if a window or a command has the folder.
    """
    check_file(backup)
    held = lock or FolderLock.acquire(database.parent, Holder.COMMAND)
    try:
        moved = _set_aside(database)
        _copy_into_place(backup, database)
    finally:
        if lock is None:
            held.release()
    return moved


def _set_aside(database: Path) -> Path | None:
    """Rename the database (and, unless it was checkpointed, its WAL) to an unused name."""
    kept = _unused_name(database)
    whole = database.exists() and _checkpoint(database)
    if database.exists():
        database.rename(kept)
    for suffix in WAL_FILES:
        leftover = database.with_name(database.name + suffix)
        if whole:
            leftover.unlink(missing_ok=True)
        elif leftover.exists():  # a damaged file keeps its WAL, so nothing committed is lost
            leftover.rename(kept.with_name(kept.name + suffix))
    return kept if kept.exists() else None


def _checkpoint(database: Path) -> bool:
    """Move every committed page of the WAL into the file itself; False if SQLite cannot."""
    if database.stat().st_size == 0:
        return True
    with database.open("rb") as handle:
        if handle.read(16) != SQLITE_HEADER:
            return False  # SQLite would drop the WAL of a file it cannot read: keep it instead
    try:
        conn = sqlite3.connect(database, isolation_level=None)
        try:
            busy, _log, _moved = conn.execute("PRAGMA wal_checkpoint(TRUNCATE)").fetchone()
        finally:
            conn.close()
    except sqlite3.Error:
        return False
    return bool(busy == 0)


def _unused_name(database: Path) -> Path:
    stamp = f"{database.name}.replaced-{datetime.now(UTC):%Y%m%d-%H%M%S}"
    kept, number = database.with_name(stamp), 1
    while kept.exists():
        number += 1
        kept = database.with_name(f"{stamp}-{number}")
    return kept


def _copy_into_place(backup: Path, database: Path) -> None:
    """Copy under a temporary name first, so a crash never leaves half a database in place."""
    partial = database.with_name(database.name + ".restoring")
    partial.unlink(missing_ok=True)
    handle = os.open(partial, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    with os.fdopen(handle, "wb") as out, backup.open("rb") as source:
        shutil.copyfileobj(source, out)
        out.flush()
        os.fsync(out.fileno())
    os.replace(partial, database)


def check_file(path: Path) -> None:
    """Raise DamagedBackup unless `path` is a readable SQLite database that passes
    `PRAGMA integrity_check` (pages and indexes), so a damaged backup never replaces data."""
    reason = _damage(path)
    if reason:
        raise DamagedBackup(
            path,
            reason,
            f"the backup {path} is damaged ({reason}), so it was not put back; nothing was "
            "changed. Choose another backup",
        )


def _damage(path: Path) -> str | None:
    with path.open("rb") as handle:
        header = handle.read(16)
    if header != SQLITE_HEADER:
        return "not an SQLite database" if header else "the file is empty"
    conn = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)
    try:
        rows = conn.execute("PRAGMA integrity_check").fetchall()
    except sqlite3.Error as error:
        return str(error)
    finally:
        conn.close()
    problems = [row[0] for row in rows if row[0] != "ok"]
    return "; ".join(problems[:3]) if problems else None
