"""Automatic backups: rotated (one a day for 7 days, one a week for 4 weeks before), each
checked with `PRAGMA integrity_check`, and a restore that gives back every row."""

from __future__ import annotations

import sqlite3
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from storage.backup import backup_database, daily_backup_due, list_backups, restore_backup
from storage.backup_rotation import made_at
from storage.database import Store
from storage.errors import DamagedBackup
from tests.conftest import SCHOOL

START = datetime(2026, 6, 1, tzinfo=UTC)  # a Monday


def _at(day: str, hour: int) -> datetime:
    return datetime.fromisoformat(f"2026-{day}T{hour:02d}:00:00+00:00")


def _two_a_day(store: Store, days: int) -> None:
    """Backups at 06:00 and 11:00 UTC (the same day in every zone from UTC-6 to UTC+12)."""
    for number in range(days):
        for hour in (6, 11):
            store.backup(now=START + timedelta(days=number, hours=hour))


def _kept(store: Store) -> list[datetime | None]:
    return sorted((made_at(path) for path in list_backups(store.path)), key=str)


def test_rotation_keeps_seven_daily_four_weekly_and_the_newest_of_today(store: Store) -> None:
    _two_a_day(store, 60)  # 1 June to 30 July 2026
    weekly = [_at(day, 11) for day in ("07-05", "07-12", "07-19", "07-23")]
    daily = [_at(f"07-{day}", 11) for day in range(24, 31)]
    assert _kept(store) == sorted([*weekly, *daily, _at("07-30", 6)], key=str)


def test_in_the_first_days_each_days_newest_and_the_newest_three_are_kept(store: Store) -> None:
    _two_a_day(store, 3)
    newest_of_each_day = [_at(f"06-0{day}", 11) for day in (1, 2, 3)]
    assert _kept(store) == sorted([*newest_of_each_day, _at("06-03", 6)], key=str)


def test_rotation_never_removes_a_file_whose_name_has_no_date(store: Store) -> None:
    own = store.backup().parent / f"{store.path.stem}-before-the-trip.sqlite3"
    own.write_bytes(store.path.read_bytes())
    _two_a_day(store, 30)
    assert own.exists()


def test_a_backup_made_today_means_no_daily_backup_is_due(store: Store) -> None:
    assert daily_backup_due(store.path)
    store.backup()
    assert not daily_backup_due(store.path)


def test_yesterdays_backup_means_a_daily_backup_is_due(store: Store) -> None:
    store.backup(now=datetime.now(UTC) - timedelta(days=1, hours=1))
    assert daily_backup_due(store.path)


def _with_a_wrong_index(path: Path) -> sqlite3.Connection:
    """A real damaged database: the index no longer matches its table."""
    conn = sqlite3.connect(path, isolation_level=None)
    conn.executescript(
        "CREATE TABLE t (a INTEGER, b INTEGER); CREATE INDEX t_a ON t (a);"
        "INSERT INTO t VALUES (1, 9), (2, 8), (3, 7);"
        "PRAGMA writable_schema = ON;"
        "UPDATE sqlite_master SET sql = 'CREATE INDEX t_a ON t (b)' WHERE name = 't_a';"
        "PRAGMA writable_schema = OFF;"
    )
    conn.close()
    return sqlite3.connect(path)


def test_a_backup_that_fails_its_integrity_check_is_not_kept(tmp_path: Path) -> None:
    conn = _with_a_wrong_index(tmp_path / "damaged.sqlite3")
    target = tmp_path / "copy.sqlite3"
    with pytest.raises(DamagedBackup, match="failed its check"):
        backup_database(conn, tmp_path / "damaged.sqlite3", target)
    conn.close()
    assert sorted(p.name for p in tmp_path.iterdir()) == ["damaged.sqlite3"]


def test_a_damaged_backup_is_refused_and_the_data_is_left_as_it_was(
    store: Store, tmp_path: Path
) -> None:
    store.children.add({"name": "Asha Verma", "grade": 3}, SCHOOL)
    damaged = tmp_path / "damaged.sqlite3"
    _with_a_wrong_index(damaged).close()
    database = store.path
    store.close()
    with pytest.raises(DamagedBackup, match=r"is damaged .* not put back; nothing was changed"):
        restore_backup(damaged, database)
    with Store.open(database) as reopened:
        assert [c.name for c in reopened.children.all()] == ["Asha Verma"]


def _every_row(database: Path) -> dict[str, list[tuple[object, ...]]]:
    conn = sqlite3.connect(f"file:{database}?mode=ro", uri=True)
    try:
        tables = [
            name
            for (name,) in conn.execute(
                "SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name"
            )
        ]
        return {
            t: sorted(conn.execute(f'SELECT * FROM "{t}"').fetchall(), key=repr) for t in tables
        }
    finally:
        conn.close()


def test_a_restore_gives_back_every_row_of_every_table(store: Store, tmp_path: Path) -> None:
    store.children.add_many(
        [{"name": f"Child {n}", "grade": 3, "roll_number": str(n)} for n in range(40)], SCHOOL
    )
    store.classes.add({"name": "3A", "grade": 3})
    backup = store.backup()
    snapshot = _every_row(backup)
    store.children.add({"name": "Added later", "grade": 4}, SCHOOL)
    database = store.path
    store.close()
    restore_backup(backup, database)
    assert _every_row(database) == snapshot
    assert sum(len(rows) for rows in snapshot.values()) > 80
