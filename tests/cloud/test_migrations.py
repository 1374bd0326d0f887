"""The migrations apply on a fresh PostgreSQL, once each, and are safe to run again."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import psycopg
import pytest

from cloud.devstack.postgres import LocalPostgres
from cloud.migrations import MIGRATIONS, apply_base, apply_migrations, migrations, prepare


def test_migrations_are_named_as_supabase_db_push_expects() -> None:
    found = migrations()
    assert found, "no migrations"
    assert [m.path.name for m in found] == sorted(p.name for p in MIGRATIONS.glob("*.sql"))
    assert len({m.version for m in found}) == len(found)


def test_a_misnamed_migration_is_an_error_not_skipped(tmp_path: Path) -> None:
    (tmp_path / "20261122000100_fine.sql").write_text("SELECT 1;")
    (tmp_path / "2026_oops.sql").write_text("SELECT 1;")
    with pytest.raises(ValueError, match=r"2026_oops\.sql"):
        migrations(tmp_path)


def test_applied_migrations_are_recorded_and_not_applied_again(postgres: LocalPostgres) -> None:
    assert prepare(postgres.dsn()) == []
    with psycopg.connect(postgres.dsn()) as conn:
        recorded = conn.execute(
            "SELECT version FROM supabase_migrations.schema_migrations ORDER BY version"
        ).fetchall()
    assert [r[0] for r in recorded] == [m.version for m in migrations()]


def test_every_migration_is_guarded_so_running_it_twice_changes_nothing(
    postgres: LocalPostgres,
) -> None:
    """Additive and IF NOT EXISTS: a file run again (say, by hand) finds its work done."""
    with psycopg.connect(postgres.dsn(), autocommit=True) as admin:
        admin.execute("DROP DATABASE IF EXISTS twice")
        admin.execute("CREATE DATABASE twice")
    try:
        with psycopg.connect(postgres.dsn(dbname="twice"), autocommit=True) as conn:
            apply_base(conn)
            apply_migrations(conn)
            before = _schema(conn)
            apply_base(conn)
            for migration in migrations():
                with conn.transaction():
                    conn.execute(migration.path.read_text(encoding="utf-8").encode())
            assert _schema(conn) == before
    finally:
        with psycopg.connect(postgres.dsn(), autocommit=True) as admin:
            admin.execute("DROP DATABASE twice WITH (FORCE)")


def test_a_failing_migration_names_its_file_and_leaves_nothing_behind(
    postgres: LocalPostgres, tmp_path: Path
) -> None:
    (tmp_path / "20990101000000_broken.sql").write_text(
        "CREATE TABLE public.half_made (id int);\nSELECT no_such_function();\n"
    )
    with psycopg.connect(postgres.dsn(), autocommit=True) as conn:
        with pytest.raises(psycopg.Error, match=r"20990101000000_broken\.sql"):
            apply_migrations(conn, tmp_path)
        assert conn.execute("SELECT to_regclass('public.half_made')").fetchone() == (None,)
        recorded = conn.execute(
            "SELECT count(*) FROM supabase_migrations.schema_migrations WHERE version = '20990101000000'"
        ).fetchone()
        assert recorded == (0,)


def _schema(conn: psycopg.Connection[Any]) -> list[Any]:
    """Tables, columns, indexes, policies, triggers and functions of public and private."""
    return [
        conn.execute(query).fetchall()
        for query in (
            "SELECT table_schema, table_name, column_name, data_type, is_nullable, column_default "
            "FROM information_schema.columns WHERE table_schema IN ('public', 'private') "
            "ORDER BY 1, 2, 3",
            "SELECT schemaname, indexname, indexdef FROM pg_indexes "
            "WHERE schemaname IN ('public', 'private') ORDER BY 1, 2",
            "SELECT tablename, policyname, cmd, roles::text, qual, with_check FROM pg_policies "
            "ORDER BY 1, 2",
            "SELECT tgrelid::regclass::text, tgname FROM pg_trigger WHERE NOT tgisinternal "
            "ORDER BY 1, 2",
            "SELECT p.oid::regprocedure::text, p.prosecdef FROM pg_proc AS p "
            "WHERE p.pronamespace IN ('public'::regnamespace, 'private'::regnamespace) ORDER BY 1",
            "SELECT name, kind, owner_column FROM private.sync_tables ORDER BY 1",
            "SELECT relname, relrowsecurity FROM pg_class "
            "WHERE relnamespace = 'public'::regnamespace AND relkind = 'r' ORDER BY 1",
        )
    ]
