"""Restoring a backup keeps the file it replaces whole: every committed row, WAL included."""

from __future__ import annotations

import shutil
import sqlite3
from pathlib import Path

import pytest

from storage.backup import restore_backup
from storage.database import Store
from storage.errors import DataFolderBusy
from storage.folder_lock import FolderLock, Holder
from tests.conftest import SCHOOL


def _names(database: Path) -> list[str]:
    """Children's names read from a file by a plain read-only connection, as anyone would."""
    conn = sqlite3.connect(f"file:{database}?mode=ro", uri=True)
    try:
        return [row[0] for row in conn.execute("SELECT name FROM children ORDER BY name")]
    finally:
        conn.close()


def _crash_image(store: Store, folder: Path) -> Path:
    """The files a crash leaves behind: the database and its WAL, never checkpointed."""
    folder.mkdir()
    for suffix in ("", "-wal"):
        source = store.path.with_name(store.path.name + suffix)
        shutil.copyfile(source, folder / (store.path.name + suffix))
    return folder / store.path.name


def test_restore_keeps_every_committed_row_in_the_replaced_file(
    store: Store, tmp_path: Path
) -> None:
    store.children.add({"name": "Asha", "grade": 3}, SCHOOL)
    backup = store.backup()
    store.children.add({"name": "Ravi", "grade": 3}, SCHOOL)  # committed, only in the WAL so far
    crashed = _crash_image(store, tmp_path / "crashed")
    assert crashed.with_name(crashed.name + "-wal").stat().st_size > 0
    replaced = restore_backup(backup, crashed)
    assert replaced is not None
    assert _names(replaced) == ["Asha", "Ravi"]
    assert _names(crashed) == ["Asha"]


def test_the_replaced_file_needs_no_wal_beside_it(store: Store, tmp_path: Path) -> None:
    store.children.add({"name": "Asha", "grade": 3}, SCHOOL)
    backup = store.backup()
    store.children.add({"name": "Ravi", "grade": 3}, SCHOOL)
    crashed = _crash_image(store, tmp_path / "crashed")
    replaced = restore_backup(backup, crashed)
    assert replaced is not None
    alone = tmp_path / "alone.sqlite3"
    shutil.copyfile(replaced, alone)  # a teacher copies just that one file to a USB stick
    assert _names(alone) == ["Asha", "Ravi"]


def test_a_damaged_file_is_kept_with_its_wal(store: Store, tmp_path: Path) -> None:
    store.children.add({"name": "Asha", "grade": 3}, SCHOOL)
    backup = store.backup()
    store.children.add({"name": "Ravi", "grade": 3}, SCHOOL)
    crashed = _crash_image(store, tmp_path / "crashed")
    wal = crashed.with_name(crashed.name + "-wal").read_bytes()
    crashed.write_bytes(b"overwritten by a failing disk " * 300)
    replaced = restore_backup(backup, crashed)
    assert replaced is not None
    assert replaced.with_name(replaced.name + "-wal").read_bytes() == wal
    assert _names(crashed) == ["Asha"]


def test_restore_is_refused_while_another_process_writes_the_folder(
    db_path: Path, tmp_path: Path
) -> None:
    with Store.open(db_path) as store:
        store.children.add({"name": "Asha", "grade": 3}, SCHOOL)
        backup = store.backup()
    window = FolderLock.acquire(db_path.parent, Holder.WINDOW)
    try:
        with pytest.raises(DataFolderBusy, match="open on this data folder in another window"):
            restore_backup(backup, db_path)
    finally:
        window.release()
    assert not list(db_path.parent.glob("*.replaced-*"))


def test_two_restores_in_one_second_keep_both_replaced_files(store: Store, db_path: Path) -> None:
    store.children.add({"name": "Asha", "grade": 3}, SCHOOL)
    backup = store.backup()
    store.close()
    first = restore_backup(backup, db_path)
    second = restore_backup(backup, db_path)
    assert first is not None and second is not None and first != second
    assert first.exists() and second.exists()
