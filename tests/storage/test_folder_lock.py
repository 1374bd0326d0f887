"""One writer per data folder: a second one is told, in one line, who has it."""

from __future__ import annotations

import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from storage.database import Store
from storage.errors import DataFolderBusy, ReadOnlyStore
from storage.folder_lock import FolderLock, Holder
from tests.conftest import SCHOOL


def test_a_second_store_on_the_same_folder_is_refused(db_path: Path) -> None:
    with Store.open(db_path), pytest.raises(DataFolderBusy):
        Store.open(db_path)


def test_the_message_names_a_window_that_holds_the_folder(db_path: Path) -> None:
    with Store.open(db_path, holder=Holder.WINDOW), pytest.raises(DataFolderBusy) as busy:
        Store.open(db_path)
    assert str(busy.value).startswith("PracticeCraft is open on this data folder in another window")


def test_the_message_names_a_command_that_holds_the_folder(db_path: Path) -> None:
    with Store.open(db_path), pytest.raises(DataFolderBusy) as busy:
        Store.open(db_path, holder=Holder.WINDOW)
    assert str(busy.value).startswith("another practicecraft command is using this data folder")


def test_closing_the_store_frees_the_folder(db_path: Path) -> None:
    Store.open(db_path).close()
    Store.open(db_path).close()


def test_a_reader_runs_beside_the_writer_and_sees_its_commits(db_path: Path) -> None:
    with Store.open(db_path) as writer:
        writer.children.add({"name": "Asha", "grade": 3}, SCHOOL)
        with Store.open(db_path, read_only=True) as reader:
            assert [c.name for c in reader.children.all()] == ["Asha"]
            writer.children.add({"name": "Ravi", "grade": 3}, SCHOOL)
            assert [c.name for c in reader.children.all()] == ["Asha", "Ravi"]


def test_a_reader_cannot_write(db_path: Path) -> None:
    Store.open(db_path).close()
    with Store.open(db_path, read_only=True) as reader, pytest.raises(ReadOnlyStore):
        reader.children.add({"name": "Asha", "grade": 3}, SCHOOL)


def test_the_lock_dies_with_the_process_that_held_it(db_path: Path) -> None:
    Store.open(db_path).close()
    holder = textwrap.dedent(
        f"""
        import os
        from storage.database import Store
        store = Store.open({str(db_path)!r})
        os._exit(0)  # dies without closing anything
        """
    )
    subprocess.run([sys.executable, "-c", holder], check=True, timeout=60)
    Store.open(db_path).close()


def test_a_folder_lock_taken_twice_in_one_process_is_still_refused(tmp_path: Path) -> None:
    first = FolderLock.acquire(tmp_path, Holder.COMMAND)
    try:
        with pytest.raises(DataFolderBusy):
            FolderLock.acquire(tmp_path, Holder.COMMAND)
    finally:
        first.release()
    FolderLock.acquire(tmp_path, Holder.COMMAND).release()
