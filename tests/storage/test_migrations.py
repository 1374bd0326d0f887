"""Migrations apply from empty and from every earlier version; re-running is a no-op."""

from __future__ import annotations

import re
import sqlite3
from pathlib import Path

import pytest

from storage.database import Store
from storage.errors import MigrationError
from storage.migrate import (
    Migration,
    available_migrations,
    current_version,
    latest_version,
    migrate,
)


def _schema(conn: sqlite3.Connection) -> list[tuple[str, str, str]]:
    rows = conn.execute(
        "SELECT type, name, sql FROM sqlite_master WHERE name NOT LIKE 'sqlite_%' ORDER BY name"
    )
    return [(t, n, " ".join((s or "").split())) for t, n, s in rows]


def _fresh(path: Path) -> sqlite3.Connection:
    return sqlite3.connect(path, isolation_level=None)


def test_migrations_are_numbered_without_gaps() -> None:
    assert [m.version for m in available_migrations()] == list(range(1, latest_version() + 1))


def test_migrating_from_empty_reaches_latest(tmp_path: Path) -> None:
    conn = _fresh(tmp_path / "db.sqlite3")
    assert migrate(conn) == list(range(1, latest_version() + 1))
    assert current_version(conn) == latest_version()


@pytest.mark.parametrize("start", range(1, len(available_migrations())))
def test_migrating_from_every_earlier_version_gives_the_same_schema(
    tmp_path: Path, start: int
) -> None:
    reference = _fresh(tmp_path / "reference.sqlite3")
    migrate(reference)
    upgraded = _fresh(tmp_path / "upgraded.sqlite3")
    migrate(upgraded, target=start)
    assert current_version(upgraded) == start
    assert migrate(upgraded) == list(range(start + 1, latest_version() + 1))
    assert _schema(upgraded) == _schema(reference)


def test_rerunning_migrations_is_a_no_op(tmp_path: Path) -> None:
    conn = _fresh(tmp_path / "db.sqlite3")
    migrate(conn)
    before = _schema(conn), conn.execute("SELECT * FROM schema_migrations").fetchall()
    assert migrate(conn) == []
    assert (_schema(conn), conn.execute("SELECT * FROM schema_migrations").fetchall()) == before


def test_data_written_at_an_earlier_version_survives_the_upgrade(tmp_path: Path) -> None:
    path = tmp_path / "data" / "db.sqlite3"
    path.parent.mkdir()
    conn = _fresh(path)
    migrate(conn, target=2)
    conn.execute(
        "INSERT INTO children (id, hlc, created_at, updated_at, name, grade) "
        "VALUES ('c1', '0000000000001.00000.0000000000000000', 'now', 'now', 'Asha', 3)"
    )
    conn.close()
    with Store.open(path) as store:
        assert store.schema_version() == latest_version()
        assert store.children.get("c1").name == "Asha"
        backups = list((path.parent / "backups").glob("*.sqlite3"))
        assert len(backups) == 1, "an upgrade of an existing database first makes a backup"


def test_each_migration_is_one_transaction_with_its_record(tmp_path: Path) -> None:
    conn = _fresh(tmp_path / "db.sqlite3")
    migrate(conn, target=1)
    conn.execute("CREATE TABLE children (id TEXT)")  # makes migration 2 fail part way
    with pytest.raises(MigrationError, match="migration 2"):
        migrate(conn)
    assert current_version(conn) == 1
    assert "teacher_classes" not in {n for _, n, _ in _schema(conn)}


def test_a_database_from_a_newer_app_is_refused(tmp_path: Path) -> None:
    conn = _fresh(tmp_path / "db.sqlite3")
    migrate(conn)
    conn.execute("INSERT INTO schema_migrations VALUES (999, 'future', 'now')")
    with pytest.raises(MigrationError, match="newer PracticeCraft"):
        migrate(conn)


@pytest.mark.parametrize("migration", available_migrations(), ids=lambda m: m.name)
def test_migrations_are_additive(migration: Migration) -> None:
    sql = re.sub(r"--[^\n]*", "", migration.sql).upper()
    for forbidden in ("DROP ", "RENAME ", "ALTER COLUMN", "DELETE FROM", "UPDATE "):
        assert forbidden not in sql, f"{forbidden.strip()} in an additive-only migration"
    assert all(
        "IF NOT EXISTS" in s.upper()
        for s in migration.statements()
        if s.upper().startswith("CREATE")
    )
