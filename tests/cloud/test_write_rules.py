"""Who may write what, read from the catalog, and the rules every writer keeps.

The API roles only read; `sync_writer`, which nobody logs in as, writes for sync_push; even it
cannot delete, nor change an append-only row but for its tombstone; the guard trigger holds
the clock bound and the tombstones for every writer, the service role included.
"""

from __future__ import annotations

import uuid
from typing import Any

import psycopg
import pytest

from tests.cloud.conftest import new_user
from tests.cloud.pushing import Conn, attempt_fields, child_fields, hlc, mutation, push
from tests.cloud.test_rls import SYNCED

APPEND_ONLY = ["attempt_events", "guardian_consents", "certificates", "telemetry_events"]
NEVER_UPDATED = {"id", "owner_id", "created_at", "updated_at", "change_seq", "change_xid"}


def writable_columns(db: Conn, role: str, table: str) -> set[str]:
    rows = db.execute(
        "SELECT a.attname FROM pg_attribute AS a WHERE a.attrelid = %s::regclass "
        "AND a.attnum > 0 AND NOT a.attisdropped "
        "AND has_column_privilege(%s, a.attrelid, a.attnum, 'UPDATE')",
        (f"public.{table}", role),
    ).fetchall()
    return {r["attname"] for r in rows}


@pytest.mark.parametrize("role", ["anon", "authenticated"])
def test_no_api_role_may_write_any_table(db: Conn, role: str) -> None:
    writable = db.execute(
        "SELECT c.relname || ': ' || o.operation AS w FROM pg_class AS c "
        "CROSS JOIN unnest(ARRAY['INSERT', 'UPDATE', 'DELETE']) AS o(operation) "
        "WHERE c.relnamespace = 'public'::regnamespace AND c.relkind = 'r' "
        "AND (has_table_privilege(%(role)s, c.oid, o.operation) OR (o.operation <> 'DELETE' "
        "     AND has_any_column_privilege(%(role)s, c.oid, o.operation)))",
        {"role": role},
    ).fetchall()
    assert writable == []


def test_the_writer_cannot_log_in_and_no_login_can_become_it(db: Conn) -> None:
    writer = db.execute(
        "SELECT rolcanlogin, rolsuper, rolbypassrls FROM pg_roles WHERE rolname = 'sync_writer'"
    ).fetchone()
    assert writer == {"rolcanlogin": False, "rolsuper": False, "rolbypassrls": False}
    members = db.execute(
        "SELECT r.rolname FROM pg_roles AS r WHERE r.rolname IN "
        "('anon', 'authenticated', 'service_role', 'authenticator', 'supabase_auth_admin') "
        "AND pg_has_role(r.oid, 'sync_writer', 'MEMBER')"
    ).fetchall()
    assert members == []


def test_only_sync_push_runs_as_the_writer(db: Conn) -> None:
    owned = db.execute(
        "SELECT p.oid::regprocedure::text AS f, p.prosecdef FROM pg_proc AS p "
        "WHERE p.proowner = 'sync_writer'::regrole"
    ).fetchall()
    assert owned == [{"f": "private.sync_push(json)", "prosecdef": True}]


@pytest.mark.parametrize("table", SYNCED)
def test_the_writer_never_deletes_a_synced_row(db: Conn, table: str) -> None:
    deletes = db.execute(
        "SELECT has_table_privilege('sync_writer', %s, 'DELETE') AS d", (f"public.{table}",)
    ).fetchone()
    assert deletes == {"d": False}


@pytest.mark.parametrize("table", APPEND_ONLY)
def test_the_writer_changes_only_the_tombstone_of_an_append_only_row(db: Conn, table: str) -> None:
    assert writable_columns(db, "sync_writer", table) == {"deleted_at", "hlc"}


@pytest.mark.parametrize("table", sorted(set(SYNCED) - set(APPEND_ONLY)))
def test_the_writer_never_changes_an_id_owner_or_server_stamp(db: Conn, table: str) -> None:
    columns = {
        r["attname"]
        for r in db.execute(
            "SELECT attname FROM pg_attribute WHERE attrelid = %s::regclass "
            "AND attnum > 0 AND NOT attisdropped",
            (f"public.{table}",),
        )
    }
    assert writable_columns(db, "sync_writer", table) == columns - NEVER_UPDATED


@pytest.mark.parametrize("table", SYNCED)
def test_ids_are_unique_per_account(db: Conn, table: str) -> None:
    key = db.execute(
        "SELECT array_agg(a.attname::text ORDER BY k.n) AS cols FROM pg_constraint AS c "
        "CROSS JOIN LATERAL unnest(c.conkey) WITH ORDINALITY AS k(attnum, n) "
        "JOIN pg_attribute AS a ON a.attrelid = c.conrelid AND a.attnum = k.attnum "
        "WHERE c.conrelid = %s::regclass AND c.contype = 'p'",
        (f"public.{table}",),
    ).fetchone()
    assert key == {"cols": ["owner_id", "id"]}


def test_the_api_roles_have_supabases_statement_timeouts(db: Conn) -> None:
    settings = {
        r["role"]: r["setting"]
        for r in db.execute(
            "SELECT setrole::regrole::text AS role, s AS setting "
            "FROM pg_db_role_setting, unnest(setconfig) AS s "
            "WHERE s LIKE 'statement_timeout=%%' AND setdatabase = 0"
        )
    }
    assert settings["anon"] == "statement_timeout=3s"
    assert settings["authenticated"] == "statement_timeout=8s"


# -- the guard trigger: for every writer, the service role included ---------------------------


@pytest.fixture
def pushed_child(db: Conn) -> tuple[str, str]:
    user = new_user(db)
    child = str(uuid.uuid4())
    push(db, user, [mutation("children", "insert", child, child_fields())])
    return user, child


def as_service(db: Conn, statement: str, params: tuple[Any, ...]) -> None:
    with db.transaction():
        db.execute("SET LOCAL ROLE service_role")
        db.execute(statement, params)


def test_no_writer_stamps_a_row_more_than_a_day_ahead(
    db: Conn, pushed_child: tuple[str, str]
) -> None:
    _, child = pushed_child
    with pytest.raises(psycopg.errors.CheckViolation, match="more than a day ahead"):
        as_service(
            db, "UPDATE public.children SET hlc = %s WHERE id = %s", (hlc(2 * 86_400_000), child)
        )


def test_no_writer_lifts_a_tombstone(db: Conn, pushed_child: tuple[str, str]) -> None:
    user, child = pushed_child
    push(db, user, [mutation("children", "delete", child, {})])
    with pytest.raises(psycopg.errors.CheckViolation, match="stays deleted"):
        as_service(db, "UPDATE public.children SET deleted_at = NULL WHERE id = %s", (child,))


def test_no_writer_moves_a_row_to_another_account(db: Conn, pushed_child: tuple[str, str]) -> None:
    _, child = pushed_child
    other = new_user(db)
    with pytest.raises(psycopg.errors.CheckViolation, match="keeps its id, owner"):
        as_service(db, "UPDATE public.children SET owner_id = %s WHERE id = %s", (other, child))


def test_an_append_only_row_is_tombstoned_through_sync_push(db: Conn) -> None:
    """The writer's narrow grant on append-only tables is enough for erasure."""
    user = new_user(db)
    attempt = str(uuid.uuid4())
    fields = attempt_fields(str(uuid.uuid4()))
    push(db, user, [mutation("attempt_events", "insert", attempt, fields)])
    done = push(db, user, [mutation("attempt_events", "delete", attempt, {})])
    assert [r["status"] for r in done] == ["applied"]
