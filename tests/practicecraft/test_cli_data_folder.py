"""The command line and the data folder: nothing lost, nothing made by mistake, one clear line."""

from __future__ import annotations

import json
import os
import stat
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path

import pytest

from practicecraft.cli import main
from storage.backup import latest_backup
from storage.clock import Stamp
from storage.database import Store
from storage.folder_lock import FolderLock, Holder
from storage.paths import local_database_path
from tests.conftest import SCHOOL

Result = tuple[int, str, str]
Run = Callable[..., Result]
IN_2062_MS = 2_910_000_000_000
# Every child is kept with a consent record: a guardian's for one child, the school's for a roster.
GUARDIAN = ("--guardian", "Sunita Verma", "--relation", "Mother", "--yes")
SCHOOL_BASIS = ("--school-basis", "R. Sharma, Principal", "--yes")


@pytest.fixture
def data_dir(tmp_path: Path) -> Path:
    return tmp_path / "data"


@pytest.fixture
def cli(data_dir: Path, capsys: pytest.CaptureFixture[str]) -> Run:
    """Run one command in this process, as `practicecraft --data-dir DATA ARGS...`."""

    def invoke(*args: str) -> Result:
        with pytest.raises(SystemExit) as exited:
            main(["--data-dir", str(data_dir), *args])
        captured = capsys.readouterr()
        return int(exited.value.code or 0), captured.out, captured.err

    return invoke


def _one_line(err: str) -> bool:
    return err.count("\n") == 1 and err.startswith("practicecraft: error: ")


def _children(data_dir: Path) -> list[str]:
    with Store.open(local_database_path(data_dir), create=False, read_only=True) as store:
        return [c.name for c in store.children.all()]


# A data folder that does not exist is made only when asked.


def test_a_data_dir_that_does_not_exist_exits_2_naming_it(cli: Run, data_dir: Path) -> None:
    code, out, err = cli("child", "list")
    assert code == 2 and _one_line(err) and out == ""
    assert str(data_dir) in err and "--create" in err
    assert not data_dir.exists()


def test_a_change_to_a_data_dir_that_does_not_exist_makes_nothing(cli: Run, data_dir: Path) -> None:
    code, _, err = cli("child", "add", "--name", "Asha", "--grade", "3", *GUARDIAN)
    assert code == 2 and _one_line(err)
    assert not data_dir.exists()


def test_an_empty_folder_is_not_taken_for_data(cli: Run, data_dir: Path) -> None:
    data_dir.mkdir()
    code, _, err = cli("child", "list")
    assert code == 2 and _one_line(err) and str(data_dir) in err
    assert list(data_dir.iterdir()) == []


def test_create_makes_the_data_folder_private(cli: Run, data_dir: Path) -> None:
    code, out, _ = cli("--create", "child", "add", "--name", "Asha", "--grade", "3", *GUARDIAN)
    assert code == 0 and out.strip()
    assert stat.S_IMODE(data_dir.stat().st_mode) == 0o700
    assert cli("child", "list")[0] == 0


def test_create_on_an_existing_shared_folder_keeps_its_mode(cli: Run, data_dir: Path) -> None:
    data_dir.mkdir()
    os.chmod(data_dir, 0o1777)
    assert cli("--create", "child", "add", "--name", "Asha", "--grade", "3", *GUARDIAN)[0] == 0
    assert stat.S_IMODE(data_dir.stat().st_mode) == 0o1777


# A lost database next to its backups is never replaced by an empty one.


@pytest.mark.parametrize("state", ["empty", "missing"])
def test_a_lost_database_beside_backups_exits_1_naming_the_latest(
    cli: Run, data_dir: Path, state: str
) -> None:
    cli("--create", "child", "add", "--name", "Asha", "--grade", "3", *GUARDIAN)
    cli("db", "backup")
    database = local_database_path(data_dir)
    backup = latest_backup(database)
    if state == "empty":
        database.write_bytes(b"")
    else:
        database.unlink()
    code, _, err = cli("--create", "child", "list")
    assert code == 1 and _one_line(err)
    assert str(backup) in err and "practicecraft db restore" in err
    assert cli("db", "restore", "--yes")[0] == 0
    assert _children(data_dir) == ["Asha"]


# One writer per data folder.


def test_restore_is_refused_while_the_window_has_the_folder(cli: Run, data_dir: Path) -> None:
    cli("--create", "child", "add", "--name", "Asha", "--grade", "3", *GUARDIAN)
    cli("db", "backup")
    window = FolderLock.acquire(data_dir, Holder.WINDOW)
    try:
        code, _, err = cli("db", "restore", "--yes")
    finally:
        window.release()
    assert code == 1 and _one_line(err)
    assert "PracticeCraft is open on this data folder in another window" in err
    assert not list(data_dir.glob("*.replaced-*"))


def test_a_change_is_refused_while_another_command_has_the_folder(cli: Run, data_dir: Path) -> None:
    cli("--create", "child", "add", "--name", "Asha", "--grade", "3", *GUARDIAN)
    other = FolderLock.acquire(data_dir, Holder.COMMAND)
    try:
        code, _, err = cli("child", "add", "--name", "Ravi", "--grade", "3", *GUARDIAN)
    finally:
        other.release()
    assert code == 1 and _one_line(err)
    assert "another practicecraft command is using this data folder" in err
    assert _children(data_dir) == ["Asha"]


def test_a_command_behind_a_long_write_is_told_at_once(cli: Run, data_dir: Path) -> None:
    """Not a raw "database is locked" after waiting 10 s behind someone else's import."""
    cli("--create", "child", "add", "--name", "Asha", "--grade", "3", *GUARDIAN)
    started = time.monotonic()
    with Store.open(local_database_path(data_dir), create=False) as other, other.write():
        other.children.add({"name": "Ravi", "grade": 3}, SCHOOL)  # a long import, still going
        code, _, err = cli("child", "add", "--name", "Meera", "--grade", "3", *GUARDIAN)
    assert time.monotonic() - started < 5
    assert code == 1 and _one_line(err)
    assert "another practicecraft command is using this data folder" in err
    assert _children(data_dir) == ["Asha", "Ravi"]


def test_reading_works_while_another_process_writes(cli: Run, data_dir: Path) -> None:
    cli("--create", "child", "add", "--name", "Asha", "--grade", "3", *GUARDIAN)
    with Store.open(local_database_path(data_dir), create=False) as window:
        window.children.add({"name": "Ravi", "grade": 3}, SCHOOL)
        code, out, err = cli("child", "list", "--json")
        assert code == 0, err
        assert [c["name"] for c in json.loads(out)] == ["Asha", "Ravi"]
        assert cli("db", "check")[0] == 0


def test_bank_list_works_while_the_window_has_the_folder(
    cli: Run, data_dir: Path, tmp_path: Path
) -> None:
    bank = tmp_path / "trees.jsonl"
    rows = [
        {"id": f"t{i}", "skill": "custom.c3.trees", "type": "true_false", "prompt": f"Tree {i}?"}
        | {"answer": "True", "chapter": "Trees of Pune", "skill_title": "Our trees"}
        for i in range(6)
    ]
    bank.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
    assert cli("--create", "bank", "import", str(bank))[0] == 0
    window = FolderLock.acquire(data_dir, Holder.WINDOW)
    try:
        code, out, err = cli("bank", "list", "--json")
    finally:
        window.release()
    assert code == 0, err
    assert [s["tag"] for s in json.loads(out)["skills"]] == ["custom.c3.trees"]


def test_two_imports_of_one_roster_at_once_add_each_child_once(
    data_dir: Path, tmp_path: Path
) -> None:
    roster = tmp_path / "roster.csv"
    lines = [f"Child {n:03d},3,{n}" for n in range(1, 301)]
    roster.write_text("name,grade,roll number\n" + "\n".join(lines) + "\n", encoding="utf-8")
    command = [sys.executable, "-m", "practicecraft", "--data-dir", str(data_dir), "--create"]
    racing = [
        subprocess.Popen(
            [*command, "child", "import", str(roster), "--class", "3A", *SCHOOL_BASIS],
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        for _ in range(2)
    ]
    results = [(p.wait(timeout=120), *p.communicate()) for p in racing]
    for code, _out, err in results:
        assert "Traceback" not in err
        assert code == 0 or (
            code == 1
            and _one_line(err)
            and "another practicecraft command is using this data folder" in err
        ), err
    assert any(code == 0 for code, _, _ in results)
    names = _children(data_dir)
    assert len(names) == 300 and len(set(names)) == 300


# The clock: a future high-water mark is recovered once, and said once.


def test_a_clock_recovery_is_told_once_on_stderr(cli: Run, data_dir: Path) -> None:
    database = local_database_path(data_dir)
    with Store.open(database, wall=lambda: IN_2062_MS) as store:
        store.children.add({"name": "Asha", "grade": 3}, SCHOOL)
    code, out, err = cli("child", "list")
    assert code == 0 and "Asha" in out
    assert err.count("\n") == 1 and err.startswith("practicecraft: note: ") and "2062" in err
    code, _, err = cli("child", "list")
    assert code == 0 and err == ""
    with Store.open(database, create=False, read_only=True) as store:
        rows = store.query("SELECT hlc FROM outbox")  # the child and its consent record
        assert len(rows) == 2
        assert all(Stamp.parse(row["hlc"]).wall_ms < IN_2062_MS for row in rows)


# Worksheets: saved only together with their PDF.


def _class_3a(cli: Run, tmp_path: Path) -> None:
    roster = tmp_path / "3a.csv"
    roster.write_text("name,grade\nAsha Verma,3\nRavi Kumar,3\n", encoding="utf-8")
    assert cli("--create", "child", "import", str(roster), "--class", "3A", *SCHOOL_BASIS)[0] == 0


def _worksheets(data_dir: Path) -> int:
    with Store.open(local_database_path(data_dir), create=False, read_only=True) as store:
        return len(store.query("SELECT id FROM worksheets"))


def test_a_pdf_that_cannot_be_written_saves_no_worksheet(
    cli: Run, data_dir: Path, tmp_path: Path
) -> None:
    _class_3a(cli, tmp_path)
    out = tmp_path / "no such folder" / "set.pdf"
    code, _, err = cli(
        "worksheet", "create", "--class", "3A", "--subject", "maths", "--chapters", "12",
        "--out", str(out),
    )  # fmt: skip
    assert code == 2 and _one_line(err) and "nothing was saved" in err
    assert _worksheets(data_dir) == 0


def test_an_answer_key_that_cannot_be_written_leaves_no_pdf(
    cli: Run, data_dir: Path, tmp_path: Path
) -> None:
    _class_3a(cli, tmp_path)
    out = tmp_path / "set.pdf"
    code, _, err = cli(
        "worksheet", "create", "--class", "3A", "--subject", "maths", "--chapters", "12",
        "--out", str(out), "--answer-key", str(tmp_path / "no such folder" / "key.pdf"),
    )  # fmt: skip
    assert code == 2 and _one_line(err) and "nothing was saved" in err
    assert not out.exists() and _worksheets(data_dir) == 0


# Backups: one line for what went wrong.


def test_a_backup_to_a_folder_that_does_not_exist_is_one_line(
    cli: Run, data_dir: Path, tmp_path: Path
) -> None:
    cli("--create", "child", "add", "--name", "Asha", "--grade", "3", *GUARDIAN)
    missing = tmp_path / "usb" / "backups"
    code, _, err = cli("db", "backup", "--to", str(missing / "copy.sqlite3"))
    assert code == 2 and _one_line(err) and str(missing) in err


def test_a_backup_to_a_chosen_file_is_private(cli: Run, tmp_path: Path) -> None:
    cli("--create", "child", "add", "--name", "Asha", "--grade", "3", *GUARDIAN)
    old = os.umask(0o022)
    try:
        code, out, _ = cli("db", "backup", "--to", str(tmp_path / "copy.sqlite3"))
    finally:
        os.umask(old)
    assert code == 0 and stat.S_IMODE(Path(out.strip()).stat().st_mode) == 0o600


def test_a_full_disk_during_a_backup_is_one_line(
    cli: Run, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import sqlite3

    cli("--create", "child", "add", "--name", "Asha", "--grade", "3", *GUARDIAN)
    connect = sqlite3.connect

    def small_disk(database: object, *args: object, **kwargs: object) -> sqlite3.Connection:
        conn = connect(database, *args, **kwargs)  # type: ignore[arg-type]
        if str(database).endswith(".partial"):
            conn.execute("PRAGMA max_page_count = 2")
        return conn

    monkeypatch.setattr(sqlite3, "connect", small_disk)
    code, _, err = cli("db", "backup", "--to", str(tmp_path / "copy.sqlite3"))
    assert code == 1 and _one_line(err) and "disk is full" in err


def test_a_folder_at_the_database_path_is_one_line(cli: Run, data_dir: Path) -> None:
    local_database_path(data_dir).mkdir(parents=True)
    code, _, err = cli("child", "list")
    assert code == 1 and _one_line(err) and "is a folder" in err
