"""Usage events of commands: none unless opted in; a failing write never fails the command."""

from __future__ import annotations

import json
import logging
import sqlite3
from pathlib import Path

import pytest

from practicecraft.cli import main
from storage.database import Store
from storage.repositories import DeviceSettings

CONSENT = ("--guardian", "Sunita Verma", "--relation", "Mother", "--yes")


def _run(data_dir: Path, capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    with pytest.raises(SystemExit) as exited:
        create = [] if data_dir.exists() else ["--create"]
        main(["--data-dir", str(data_dir), *create, *args])
    out, err = capsys.readouterr()
    return int(exited.value.code or 0), out, err


def _database(data_dir: Path) -> Path:
    return data_dir / "practicecraft-local.sqlite3"


def _opt_in(data_dir: Path) -> None:
    with Store.open(_database(data_dir)) as store:
        store.settings.set(DeviceSettings.TELEMETRY, True)


def _rows(data_dir: Path, sql: str) -> list[tuple[object, ...]]:
    conn = sqlite3.connect(_database(data_dir))
    try:
        return conn.execute(sql).fetchall()
    finally:
        conn.close()


@pytest.fixture
def data_dir(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> Path:
    folder = tmp_path / "data"
    _run(folder, capsys, "class", "add", "--name", "3A", "--grade", "3")
    return folder


def test_commands_record_no_usage_events_unless_the_user_opted_in(
    data_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    _run(data_dir, capsys, "child", "add", "--name", "Asha Verma", "--grade", "3", *CONSENT)
    _run(data_dir, capsys, "child", "list")
    assert _rows(data_dir, "SELECT * FROM telemetry_events") == []


def test_an_opted_in_command_records_its_name_time_and_outcome(
    data_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    _opt_in(data_dir)
    _run(data_dir, capsys, "class", "add", "--name", "4B", "--grade", "4")
    _run(data_dir, capsys, "child", "consent", "no-such-child", "--school-basis", "R", "--yes")
    events = _rows(data_dir, "SELECT event, route, ok FROM telemetry_events ORDER BY hlc")
    assert events == [("class.add", "cli", 1), ("child.consent", "cli", 0)]


def test_usage_events_hold_no_child_data(
    data_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    _opt_in(data_dir)
    code, out, _ = _run(
        data_dir, capsys, "child", "add", "--name", "Zoya Qureshi", "--grade", "3", *CONSENT
    )
    child_id = out.strip()
    _run(data_dir, capsys, "progress", "--child", child_id)
    events = _rows(data_dir, "SELECT * FROM telemetry_events")
    assert code == 0 and len(events) == 2
    text = json.dumps(events) + json.dumps(
        _rows(data_dir, "SELECT * FROM outbox WHERE table_name = 'telemetry_events'")
    )
    for secret in (child_id, "Zoya", "Qureshi", "Sunita"):
        assert secret not in text


def test_a_failing_usage_event_neither_fails_the_command_nor_passes_silently(
    data_dir: Path, capsys: pytest.CaptureFixture[str], caplog: pytest.LogCaptureFixture
) -> None:
    _opt_in(data_dir)
    conn = sqlite3.connect(_database(data_dir))
    conn.execute(
        "CREATE TRIGGER no_events BEFORE INSERT ON telemetry_events "
        "BEGIN SELECT RAISE(ABORT, 'telemetry refused'); END"
    )
    conn.close()
    with caplog.at_level(logging.WARNING, logger="practicecraft.telemetry"):
        code, out, _ = _run(data_dir, capsys, "class", "add", "--name", "5C", "--grade", "5")
    assert code == 0 and out.strip()
    assert [r[0] for r in _rows(data_dir, "SELECT name FROM teacher_classes ORDER BY name")] == [
        "3A",
        "5C",
    ]
    assert "the usage event class.add was not recorded: telemetry refused" in caplog.text
