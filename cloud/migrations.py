"""Apply the Supabase migrations to a PostgreSQL database, as `supabase db push` would.

Each file in `supabase/migrations` (`<14-digit timestamp>_<name>.sql`) runs once, in its own
transaction, and is recorded in `supabase_migrations.schema_migrations`. On a plain PostgreSQL
(tests, the development stack) `apply_base` first creates what Supabase itself provides.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

import psycopg

MIGRATIONS = Path(__file__).parent / "supabase" / "migrations"
SUPABASE_BASE = Path(__file__).parent / "devstack" / "supabase_base.sql"
_NAME = re.compile(r"^(\d{14})_([a-z0-9_]+)\.sql$")


@dataclass(frozen=True)
class Migration:
    version: str
    name: str
    path: Path


def migrations(folder: Path = MIGRATIONS) -> list[Migration]:
    """The migration files in order; a misnamed file is an error, not something skipped."""
    found = []
    for path in sorted(folder.glob("*.sql")):
        match = _NAME.match(path.name)
        if match is None:
            raise ValueError(f"{path}: migration files are named <14-digit timestamp>_<name>.sql")
        found.append(Migration(match[1], match[2], path))
    return found


def apply_base(conn: psycopg.Connection[object]) -> None:
    """Create Supabase's roles, `auth` schema and grants on a plain PostgreSQL."""
    with conn.transaction():
        conn.execute(SUPABASE_BASE.read_text(encoding="utf-8").encode())


def apply_migrations(conn: psycopg.Connection[object], folder: Path = MIGRATIONS) -> list[str]:
    """Apply the migrations not yet recorded; returns the versions applied now."""
    applied = []
    for migration in migrations(folder):
        with conn.transaction():
            row = conn.execute(
                "SELECT 1 FROM supabase_migrations.schema_migrations WHERE version = %s",
                (migration.version,),
            ).fetchone()
            if row is not None:
                continue
            sql = migration.path.read_text(encoding="utf-8")
            try:
                conn.execute(sql.encode())
            except psycopg.Error as error:
                raise psycopg.Error(f"{migration.path.name}: {error}") from error
            conn.execute(
                "INSERT INTO supabase_migrations.schema_migrations (version, name, statements) "
                "VALUES (%s, %s, %s)",
                (migration.version, migration.name, [sql]),
            )
        applied.append(migration.version)
    return applied


def prepare(dsn: str) -> list[str]:
    """A plain PostgreSQL made ready: Supabase's base, then every migration."""
    with psycopg.connect(dsn, autocommit=True) as conn:
        apply_base(conn)
        return apply_migrations(conn)
