"""Backups: private to the user from their first byte, and a clear reason when one cannot be made."""

from __future__ import annotations

import os
import sqlite3
import stat
from pathlib import Path
from typing import Any

import pytest

from storage.backup import backup_database
from storage.database import Store
from storage.errors import BackupTargetMissing, DiskFullError
from tests.conftest import SCHOOL


def _mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


@pytest.fixture
def open_umask() -> Any:
    """A umask that would leave new files readable by everyone (the usual 022)."""
    old = os.umask(0o022)
    yield
    os.umask(old)


def test_an_automatic_backup_is_readable_by_its_owner_only(store: Store, open_umask: Any) -> None:
    store.children.add({"name": "Asha", "grade": 3}, SCHOOL)
    assert _mode(store.backup()) == 0o600


def test_a_backup_to_a_chosen_file_is_readable_by_its_owner_only(
    store: Store, tmp_path: Path, open_umask: Any
) -> None:
    assert _mode(store.backup(tmp_path / "copy.sqlite3")) == 0o600


def test_a_backup_to_a_chosen_folder_is_readable_by_its_owner_only(
    store: Store, tmp_path: Path, open_umask: Any
) -> None:
    folder = tmp_path / "usb"
    folder.mkdir()
    made = store.backup(folder)
    assert made.parent == folder and _mode(made) == 0o600


def test_a_backup_is_private_while_it_is_being_written(
    store: Store, tmp_path: Path, open_umask: Any
) -> None:
    store.children.add_many([{"name": f"Child {i}", "grade": 3} for i in range(3_000)], SCHOOL)
    target = tmp_path / "copy.sqlite3"
    partial = target.with_name(target.name + ".partial")
    seen: list[int] = []
    backup_database(store.conn, store.path, target, progress=lambda _f: seen.append(_mode(partial)))
    assert seen and set(seen) == {0o600}


def test_a_backup_to_a_folder_that_does_not_exist_names_it(store: Store, tmp_path: Path) -> None:
    missing = tmp_path / "no" / "such" / "folder"
    with pytest.raises(BackupTargetMissing) as raised:
        store.backup(missing / "copy.sqlite3")
    assert str(missing) in str(raised.value)
    assert not missing.exists()


def test_a_full_disk_during_a_backup_leaves_no_partial_file(
    store: Store, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    store.children.add_many([{"name": f"Child {i}", "grade": 3} for i in range(3_000)], SCHOOL)
    connect = sqlite3.connect

    def small_disk(database: Any, *args: Any, **kwargs: Any) -> sqlite3.Connection:
        conn = connect(database, *args, **kwargs)
        if str(database).endswith(".partial"):
            conn.execute("PRAGMA max_page_count = 8")  # the disk fills after 8 pages
        return conn

    monkeypatch.setattr(sqlite3, "connect", small_disk)
    with pytest.raises(DiskFullError, match="disk is full"):
        store.backup(tmp_path / "copy.sqlite3")
    assert list(tmp_path.glob("copy.sqlite3*")) == []
