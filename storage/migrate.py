"""Apply the numbered migrations in `storage/migrations/`, each in one transaction with its record.

Migrations are additive only (new tables, columns and indexes): a database written by an older
version of the app upgrades in place, and re-running is a no-op.
"""

from __future__ import annotations

import re
import sqlite3
from dataclasses import dataclass
from datetime import UTC, datetime
from importlib import resources

from storage.errors import MigrationError

_FILE_NAME = re.compile(r"^(\d{4})_([a-z0-9_]+)\.sql$")

RECORD_TABLE = """
CREATE TABLE IF NOT EXISTS schema_migrations (
    version INTEGER PRIMARY KEY NOT NULL,
    name TEXT NOT NULL,
    applied_at TEXT NOT NULL
) STRICT
"""


@dataclass(frozen=True)
class Migration:
    version: int
    name: str
    sql: str

    def statements(self) -> list[str]:
        """The file split into complete SQL statements (semicolons inside strings are safe)."""
        statements: list[str] = []
        pending = ""
        for line in self.sql.splitlines(keepends=True):
            pending += line
            if sqlite3.complete_statement(pending):
                statements.append(pending.strip())
                pending = ""
        if pending.strip() and not _only_comments(pending):
            raise MigrationError(f"migration {self.version} ends with an incomplete statement")
        return statements


def _only_comments(text: str) -> bool:
    return all(not line.strip() or line.strip().startswith("--") for line in text.splitlines())


def available_migrations() -> list[Migration]:
    """Every migration shipped with the app, in version order."""
    found = []
    for entry in resources.files("storage.migrations").iterdir():
        match = _FILE_NAME.match(entry.name)
        if match:
            found.append(Migration(int(match[1]), match[2], entry.read_text(encoding="utf-8")))
    found.sort(key=lambda m: m.version)
    versions = [m.version for m in found]
    if versions != list(range(1, len(found) + 1)):
        raise MigrationError(f"migration numbers must run 1, 2, 3... without gaps: {versions}")
    return found


def latest_version() -> int:
    return len(available_migrations())


def current_version(conn: sqlite3.Connection) -> int:
    conn.execute(RECORD_TABLE)
    (version,) = conn.execute("SELECT coalesce(max(version), 0) FROM schema_migrations").fetchone()
    return int(version)


def migrate(conn: sqlite3.Connection, target: int | None = None) -> list[int]:
    """Bring the schema up to `target` (default: latest). Returns the versions applied.

    Each migration and its record commit together or not at all, so a failure part way leaves
    the database at the last complete version.
    """
    migrations = available_migrations()
    target = len(migrations) if target is None else target
    version = current_version(conn)
    if version > len(migrations):
        raise MigrationError(
            f"this database was written by a newer PracticeCraft (schema {version}, this app "
            f"knows {len(migrations)}); update the app"
        )
    applied = []
    for migration in migrations[version:target]:
        _apply(conn, migration)
        applied.append(migration.version)
    return applied


def _apply(conn: sqlite3.Connection, migration: Migration) -> None:
    conn.execute("BEGIN IMMEDIATE")
    try:
        for statement in migration.statements():
            conn.execute(statement)
        conn.execute(
            "INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, ?)",
            (migration.version, migration.name, datetime.now(UTC).isoformat()),
        )
    except sqlite3.Error as error:
        conn.execute("ROLLBACK")
        raise MigrationError(
            f"migration {migration.version} ({migration.name}) failed: {error}"
        ) from error
    conn.execute("COMMIT")
