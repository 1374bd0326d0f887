"""Opening the database: private folder, pragmas, and a clear error for a damaged file."""

from __future__ import annotations

import os
import stat
from pathlib import Path

import pytest

from storage.backup import restore_backup
from storage.database import Store
from storage.errors import (
    CorruptDatabaseError,
    DiskFullError,
    MissingDatabaseError,
    NoDataFound,
    StorageError,
)
from tests.conftest import SCHOOL


def test_database_folder_is_private_to_the_user(db_path: Path) -> None:
    Store.open(db_path).close()
    assert stat.S_IMODE(db_path.parent.stat().st_mode) == 0o700
    assert stat.S_IMODE(db_path.stat().st_mode) & 0o077 == 0


def test_an_existing_folder_keeps_its_own_mode(db_path: Path) -> None:
    """A folder the app did not make is not the app's to lock down (it may be shared)."""
    db_path.parent.mkdir(mode=0o755)
    os.chmod(db_path.parent, 0o755)
    Store.open(db_path).close()
    assert stat.S_IMODE(db_path.parent.stat().st_mode) == 0o755
    assert stat.S_IMODE(db_path.stat().st_mode) & 0o077 == 0


def test_an_existing_shared_folder_keeps_its_sticky_bit(db_path: Path) -> None:
    db_path.parent.mkdir()
    os.chmod(db_path.parent, 0o1777)
    Store.open(db_path).close()
    assert stat.S_IMODE(db_path.parent.stat().st_mode) == 0o1777


def test_wal_and_full_sync_are_on(store: Store) -> None:
    assert store.conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    assert store.conn.execute("PRAGMA synchronous").fetchone()[0] == 2  # FULL


def _make_damaged(db_path: Path, keep_bytes: int | None) -> Path | None:
    with Store.open(db_path) as store:
        store.children.add_many([{"name": f"Child {i}", "grade": 3} for i in range(2_000)], SCHOOL)
        backup = store.backup()
    data = db_path.read_bytes()
    if keep_bytes is None:  # scribble over the middle of the file, keeping the header
        middle = len(data) // 2
        data = data[:middle] + os.urandom(8192) + data[middle + 8192 :]
    else:
        data = data[:keep_bytes]
    db_path.write_bytes(data)
    return backup


@pytest.mark.parametrize(
    "keep_bytes", [None, 4096 * 3, 10], ids=["scribbled", "truncated", "header-cut"]
)
def test_a_damaged_file_gives_a_clear_error_naming_file_and_backup(
    db_path: Path, keep_bytes: int | None
) -> None:
    backup = _make_damaged(db_path, keep_bytes)
    with pytest.raises(CorruptDatabaseError) as raised:
        Store.open(db_path).close()
    message = str(raised.value)
    assert str(db_path) in message and str(backup) in message
    assert raised.value.latest_backup == backup


def test_a_file_that_is_not_a_database_is_named(db_path: Path) -> None:
    db_path.parent.mkdir(parents=True)
    db_path.write_text("name,grade\nAsha,3\n")
    with pytest.raises(CorruptDatabaseError, match="not an SQLite database"):
        Store.open(db_path)


def test_restoring_the_latest_backup_brings_the_data_back(db_path: Path) -> None:
    backup = _make_damaged(db_path, 4096 * 3)
    assert backup is not None
    moved = restore_backup(backup, db_path)
    assert moved is not None and moved.exists()
    with Store.open(db_path) as store:
        assert len(store.children.all()) == 2_000


def test_a_damaged_backup_is_never_restored(db_path: Path, tmp_path: Path) -> None:
    with Store.open(db_path) as store:
        store.children.add({"name": "Asha", "grade": 3}, SCHOOL)
    bad = tmp_path / "bad.sqlite3"
    bad.write_bytes(b"SQLite format 3\x00" + b"\x00" * 100)
    with pytest.raises(CorruptDatabaseError):
        restore_backup(bad, db_path)
    with Store.open(db_path) as store:
        assert [c.name for c in store.children.all()] == ["Asha"]


def test_backup_is_a_consistent_copy_taken_while_open(store: Store, tmp_path: Path) -> None:
    store.children.add({"name": "Asha", "grade": 3}, SCHOOL)
    copy = store.backup(tmp_path / "copy.sqlite3")
    with Store.open(copy) as restored:
        assert [c.name for c in restored.children.all()] == ["Asha"]


@pytest.mark.parametrize("state", ["empty", "missing"])
def test_a_lost_database_beside_backups_is_not_replaced_by_a_new_one(
    db_path: Path, state: str
) -> None:
    with Store.open(db_path) as store:
        store.children.add({"name": "Asha", "grade": 3}, SCHOOL)
        backup = store.backup()
    if state == "empty":
        db_path.write_bytes(b"")
    else:
        db_path.unlink()
    with pytest.raises(MissingDatabaseError) as raised:
        Store.open(db_path)
    assert raised.value.latest_backup == backup
    assert str(backup) in str(raised.value) and "db restore" in str(raised.value)
    assert not db_path.exists() or db_path.stat().st_size == 0


def test_no_new_database_is_made_unless_asked(db_path: Path) -> None:
    db_path.parent.mkdir()
    with pytest.raises(NoDataFound, match="--create"):
        Store.open(db_path, create=False)
    assert list(db_path.parent.iterdir()) == []


def test_no_data_folder_is_made_unless_asked(db_path: Path) -> None:
    with pytest.raises(NoDataFound) as raised:
        Store.open(db_path, create=False)
    assert str(db_path.parent) in str(raised.value)
    assert not db_path.parent.exists()


def test_a_folder_where_the_database_should_be_is_named(db_path: Path) -> None:
    db_path.mkdir(parents=True)
    with pytest.raises(StorageError, match="is a folder, not a PracticeCraft data file"):
        Store.open(db_path)


def test_a_full_disk_while_writing_is_a_named_error_and_keeps_nothing(store: Store) -> None:
    (pages,) = store.conn.execute("PRAGMA page_count").fetchone()
    store.conn.execute(f"PRAGMA max_page_count = {pages + 2}")  # what a full disk looks like
    with pytest.raises(DiskFullError, match="disk is full"):
        store.children.add_many([{"name": f"Child {i}", "grade": 3} for i in range(2_000)], SCHOOL)
    store.conn.execute("PRAGMA max_page_count = 1073741823")
    assert store.children.all() == []
