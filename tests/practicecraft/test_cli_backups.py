"""`practicecraft db restore`: a damaged backup is refused in one line, and nothing changes."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from practicecraft.cli import main

CONSENT = ("--guardian", "Sunita Verma", "--relation", "Mother", "--yes")


def _run(data_dir: Path, capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    with pytest.raises(SystemExit) as exited:
        create = [] if data_dir.exists() else ["--create"]
        main(["--data-dir", str(data_dir), *create, *args])
    out, err = capsys.readouterr()
    return int(exited.value.code or 0), out, err


def test_db_restore_refuses_a_damaged_backup_in_one_line_and_changes_nothing(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    data_dir = tmp_path / "data"
    _run(data_dir, capsys, "child", "add", "--name", "Asha Verma", "--grade", "3", *CONSENT)
    damaged = tmp_path / "damaged.sqlite3"
    damaged.write_bytes(b"SQLite format 3\x00" + b"\x00" * 500)
    code, _, err = _run(data_dir, capsys, "db", "restore", str(damaged), "--yes")
    assert code == 1
    assert err.startswith("practicecraft: error: the backup ") and len(err.splitlines()) == 1
    assert "is damaged" in err and "nothing was changed" in err
    children = json.loads(_run(data_dir, capsys, "child", "list", "--json")[1])
    assert [c["name"] for c in children] == ["Asha Verma"]
    assert not list(data_dir.glob("*.replaced-*"))
