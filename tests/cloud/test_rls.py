"""Row Level Security, tested as the user and not as the database owner.

The matrix: every table in `public` x select/insert/update/delete x (the owner, another
signed-in user, anon, the service role). Each cell runs in a transaction that is rolled back,
as the API role with the request's JWT claims (how PostgREST runs a request on Supabase), and
then looks, as the database owner, at what actually happened: a refused write must change nothing
whether it raised an error or quietly matched no row.
"""

from __future__ import annotations

import json
import uuid
from collections.abc import Iterator
from typing import Any

import psycopg
import pytest
from psycopg import sql
from psycopg.rows import dict_row

from cloud.devstack.postgres import LocalPostgres
from tests.cloud.conftest import claims_for, new_user

HLC = "1795305993262.00001.00000000000000ab"
NOW = "2026-11-21T10:00:00Z"
NEWER_HLC = "1795305993262.00009.00000000000000ab"

SYNCED = [
    "user_profiles",
    "children",
    "teacher_classes",
    "class_members",
    "topic_preferences",
    "worksheets",
    "custom_skills",
    "bank_items",
    "attempt_events",
    "guardian_consents",
    "certificates",
    "telemetry_events",
]
SERVER_OWNED = ["user_subscriptions", "payment_events", "child_erasures"]
ALL_TABLES = [*SYNCED, *SERVER_OWNED, "webhook_logs", "sync_mutations"]
ACTORS = ["owner", "other", "anon", "service"]
OPERATIONS = ["select", "insert", "update", "delete"]


def own_columns(table: str) -> dict[str, Any]:
    """A valid row's own columns for `table` (ids and unique values fresh on every call)."""
    some = str(uuid.uuid4())
    return {
        "user_profiles": {"role": "teacher", "active_role": "teacher"},
        "children": {"name": "Asha", "grade": 3},
        "teacher_classes": {"name": "3A", "grade": 3},
        "class_members": {"class_id": some, "child_id": str(uuid.uuid4())},
        "topic_preferences": {"child_id": some, "subject": "maths"},
        "worksheets": {
            "child_id": some,
            "code": "ABCD-1234",
            "title": "Sums",
            "subject": "maths",
            "grade": 3,
            "mode": "chosen",
            "seed": 7,
            "generator_version": "2026.11",
            "questions": "[]",
            "verification_hash": "0123456789abcdef",
        },
        "custom_skills": {
            "skill_tag": "custom.c3.birds",
            "subject": "evs",
            "grade": 3,
            "chapter_title": "Birds",
            "skill_title": "Nests",
        },
        "bank_items": {"item_id": "bird-1", "skill_tag": "custom.c3.birds", "item": "{}"},
        "attempt_events": {
            "student_id": some,
            "question_id": "q1",
            "skill_tag": "maths.c3.add",
            "result": "correct",
            "answered_at": NOW,
            "mastery_before": "unknown",
            "mastery_after": "learning",
            "graded_by": "auto",
        },
        "guardian_consents": {
            "child_id": some,
            "guardian_name": "Meera",
            "relation": "mother",
            "purpose": "practice worksheets",
            "consent_given": True,
            "notice_version": "2026-11",
            "notice_sha256": "a" * 64,
            "consented_at": NOW,
            "app_version": "0.1.0",
        },
        "certificates": {
            "child_id": some,
            "chapter_key": "maths.c3.ch1",
            "chapter_title": "Where to look from",
            "certificate_number": f"PC-2026-{some[:6]}",
            "verification_code": some[:10].replace("-", "X").upper(),
            "issued_at": NOW,
        },
        "telemetry_events": {
            "event": "sheet_made",
            "version": "0.1.0",
            "ok": True,
            "occurred_at": NOW,
        },
        "payment_events": {
            "razorpay_order_id": f"order_{some[:8]}",
            "status": "created",
            "amount_paise": 29900,
        },
        "user_subscriptions": {},
        "child_erasures": {"child_digest": "c" * 64, "erased_at": NOW},
        "webhook_logs": {
            "event_id": f"evt_{some[:12]}",
            "event_type": "payment.captured",
            "payload": "{}",
        },
        "sync_mutations": {
            "mutation_id": some,
            "device_id": "device-1",
            "table_name": "children",
            "op": "insert",
            "status": "applied",
        },
    }[table]


def new_row(table: str, owner: str) -> dict[str, Any]:
    row = own_columns(table)
    if table in SYNCED:
        row |= {"id": str(uuid.uuid4()), "owner_id": owner, "hlc": HLC}
    elif table in SERVER_OWNED:
        row |= {"id": str(uuid.uuid4()), "user_id": owner}
    elif table == "sync_mutations":
        row |= {"owner_id": owner}
    else:
        row |= {"id": str(uuid.uuid4())}
    return row


def key_of(table: str) -> str:
    return "mutation_id" if table == "sync_mutations" else "id"


# A column each table lets us change, and the value to change it to.
CHANGE: dict[str, tuple[str, Any]] = {
    "webhook_logs": ("status", "processed"),
    "sync_mutations": ("reason", "edited"),
    "user_subscriptions": ("tier", "paid"),
    "payment_events": ("status", "captured"),
    "child_erasures": ("child_digest", "d" * 64),
}


def allowed(table: str, operation: str, actor: str) -> bool:
    """What each actor may do: the specification the matrix checks.

    A signed-in owner reads their own rows and writes none directly: every write goes through
    sync_push, which keeps the rules (clock bounds, append-only rows, tombstones, answers).
    """
    if actor == "service":
        return True
    if actor != "owner":
        return False
    if table == "webhook_logs":
        return False  # the service role only
    return operation == "select"


def insert(conn: psycopg.Connection[Any], table: str, row: dict[str, Any]) -> None:
    conn.execute(
        sql.SQL("INSERT INTO public.{} ({}) VALUES ({})").format(
            sql.Identifier(table),
            sql.SQL(", ").join(map(sql.Identifier, row)),
            sql.SQL(", ").join(sql.Placeholder() * len(row)),
        ),
        list(row.values()),
    )


@pytest.fixture(scope="module")
def world(postgres: LocalPostgres) -> Iterator[dict[str, Any]]:
    """Two users, and one committed row of the owner's in every table."""
    with psycopg.connect(postgres.dsn(), autocommit=True, row_factory=dict_row) as conn:
        owner, other = new_user(conn), new_user(conn)
        rows = {}
        for table in ALL_TABLES:
            if table == "user_subscriptions":  # made by the sign-up trigger
                found = conn.execute(
                    "SELECT id FROM public.user_subscriptions WHERE user_id = %s", (owner,)
                ).fetchone()
                assert found is not None, "the sign-up trigger made no subscription row"
                rows[table] = {"id": str(found["id"])}
                continue
            rows[table] = new_row(table, owner)
            insert(conn, table, rows[table])
        yield {"owner": owner, "other": other, "rows": rows}


def act(conn: psycopg.Connection[Any], actor: str, world: dict[str, Any]) -> None:
    role = {"owner": "authenticated", "other": "authenticated", "anon": "anon"}.get(
        actor, "service_role"
    )
    user = world[actor] if actor in ("owner", "other") else None
    conn.execute(sql.SQL("SET LOCAL ROLE {}").format(sql.Identifier(role)))
    conn.execute(
        "SELECT set_config('request.jwt.claims', %s, true)", (json.dumps(claims_for(role, user)),)
    )


def attempt(conn: psycopg.Connection[Any], statement: sql.Composable, params: list[Any]) -> int:
    """Run `statement` in a savepoint; returns rows affected, or -1 if it was refused."""
    try:
        with conn.transaction():
            return conn.execute(statement, params).rowcount
    except psycopg.errors.InsufficientPrivilege:
        return -1


@pytest.mark.parametrize("actor", ACTORS)
@pytest.mark.parametrize("operation", OPERATIONS)
@pytest.mark.parametrize("table", ALL_TABLES)
def test_rls_matrix(
    postgres: LocalPostgres, world: dict[str, Any], table: str, operation: str, actor: str
) -> None:
    seeded = world["rows"][table]
    key = key_of(table)
    with (
        psycopg.connect(postgres.dsn(), row_factory=dict_row) as conn,
        conn.transaction(force_rollback=True),
    ):
        if operation == "insert" and table == "user_subscriptions":
            conn.execute(
                "DELETE FROM public.user_subscriptions WHERE user_id = %s", (world["owner"],)
            )
        fresh = (
            new_row(table, world["owner"])
            if table != "user_subscriptions"
            else {"id": str(uuid.uuid4()), "user_id": world["owner"]}
        )
        act(conn, actor, world)
        where = sql.SQL("WHERE {} = %s").format(sql.Identifier(key))
        name = sql.Identifier(table)
        if operation == "select":
            try:
                with conn.transaction():
                    seen = conn.execute(
                        sql.SQL("SELECT count(*) AS n FROM public.{} ").format(name) + where,
                        [seeded[key]],
                    ).fetchone()
                    visible = bool(seen and seen["n"] == 1)
            except psycopg.errors.InsufficientPrivilege:
                visible = False
            assert visible == allowed(table, operation, actor)
            return
        if operation == "insert":
            attempt(
                conn,
                sql.SQL("INSERT INTO public.{} ({}) VALUES ({})").format(
                    name,
                    sql.SQL(", ").join(map(sql.Identifier, fresh)),
                    sql.SQL(", ").join(sql.Placeholder() * len(fresh)),
                ),
                list(fresh.values()),
            )
        elif operation == "update":
            column, value = CHANGE.get(table, ("hlc", NEWER_HLC))
            attempt(
                conn,
                sql.SQL("UPDATE public.{} SET {} = %s ").format(name, sql.Identifier(column))
                + where,
                [value, seeded[key]],
            )
        else:
            attempt(conn, sql.SQL("DELETE FROM public.{} ").format(name) + where, [seeded[key]])

        conn.execute("RESET ROLE")
        if operation == "insert":
            target = fresh[key]
            happened = _count(conn, table, key, target) == 1
        elif operation == "update":
            column, value = CHANGE.get(table, ("hlc", NEWER_HLC))
            now = conn.execute(
                sql.SQL("SELECT {}::text AS v FROM public.{} ").format(sql.Identifier(column), name)
                + where,
                [seeded[key]],
            ).fetchone()
            assert now is not None
            happened = now["v"] == value
        else:
            happened = _count(conn, table, key, seeded[key]) == 0
        assert happened == allowed(table, operation, actor), (
            f"{actor} {operation} on {table}: expected "
            f"{'allowed' if allowed(table, operation, actor) else 'refused'}"
        )


def _count(conn: psycopg.Connection[Any], table: str, key: str, value: Any) -> int:
    row = conn.execute(
        sql.SQL("SELECT count(*) AS n FROM public.{} WHERE {} = %s").format(
            sql.Identifier(table), sql.Identifier(key)
        ),
        [value],
    ).fetchone()
    assert row is not None
    return int(row["n"])


@pytest.mark.parametrize("table", [*SYNCED, "sync_mutations"])
def test_another_user_cannot_move_my_row_to_themselves(
    postgres: LocalPostgres, world: dict[str, Any], table: str
) -> None:
    seeded = world["rows"][table]
    key = key_of(table)
    with (
        psycopg.connect(postgres.dsn(), row_factory=dict_row) as conn,
        conn.transaction(force_rollback=True),
    ):
        act(conn, "other", world)
        moved = attempt(
            conn,
            sql.SQL("UPDATE public.{} SET owner_id = %s WHERE {} = %s").format(
                sql.Identifier(table), sql.Identifier(key)
            ),
            [world["other"], seeded[key]],
        )
        assert moved in (0, -1)
        conn.execute("RESET ROLE")
        owner = conn.execute(
            sql.SQL("SELECT owner_id::text AS o FROM public.{} WHERE {} = %s").format(
                sql.Identifier(table), sql.Identifier(key)
            ),
            [seeded[key]],
        ).fetchone()
        assert owner == {"o": world["owner"]}


@pytest.mark.parametrize("table", SYNCED)
def test_the_owner_cannot_give_a_row_away(
    postgres: LocalPostgres, world: dict[str, Any], table: str
) -> None:
    """WITH CHECK on UPDATE: the new row must still belong to the caller."""
    with (
        psycopg.connect(postgres.dsn(), row_factory=dict_row) as conn,
        conn.transaction(force_rollback=True),
    ):
        act(conn, "owner", world)
        with pytest.raises(psycopg.errors.InsufficientPrivilege):
            conn.execute(
                sql.SQL("UPDATE public.{} SET owner_id = %s WHERE id = %s").format(
                    sql.Identifier(table)
                ),
                [world["other"], world["rows"][table]["id"]],
            )


@pytest.mark.parametrize("table", SYNCED)
def test_nobody_inserts_a_row_directly_for_someone_else_or_themselves(
    postgres: LocalPostgres, world: dict[str, Any], table: str
) -> None:
    with (
        psycopg.connect(postgres.dsn(), row_factory=dict_row) as conn,
        conn.transaction(force_rollback=True),
    ):
        act(conn, "other", world)
        with pytest.raises(psycopg.errors.InsufficientPrivilege), conn.transaction():
            insert(conn, table, new_row(table, world["owner"]))
        # ... nor a row of their own, with no owner given: sync_push is the way in.
        row = new_row(table, world["other"])
        del row["owner_id"]
        with pytest.raises(psycopg.errors.InsufficientPrivilege), conn.transaction():
            insert(conn, table, row)


@pytest.mark.parametrize("table", ALL_TABLES)
def test_api_roles_cannot_truncate(
    postgres: LocalPostgres, world: dict[str, Any], table: str
) -> None:
    """TRUNCATE ignores Row Level Security, so no API role may use it."""
    for actor in ("owner", "anon"):
        with (
            psycopg.connect(postgres.dsn(), row_factory=dict_row) as conn,
            conn.transaction(force_rollback=True),
        ):
            act(conn, actor, world)
            with pytest.raises(psycopg.errors.InsufficientPrivilege):
                conn.execute(sql.SQL("TRUNCATE public.{}").format(sql.Identifier(table)))


# -- The rules every table and function must follow, read from the catalog ---------------------


def test_every_table_in_public_has_row_level_security_on(db: psycopg.Connection[Any]) -> None:
    tables = db.execute(
        "SELECT c.relname, c.relrowsecurity FROM pg_class AS c "
        "JOIN pg_namespace AS n ON n.oid = c.relnamespace "
        "WHERE n.nspname = 'public' AND c.relkind IN ('r', 'p')"
    ).fetchall()
    assert {t["relname"] for t in tables} == set(ALL_TABLES), "a table is missing from the matrix"
    assert [t["relname"] for t in tables if not t["relrowsecurity"]] == []


def test_policies_are_one_per_operation_for_signed_in_owners(db: psycopg.Connection[Any]) -> None:
    policies = db.execute(
        "SELECT tablename, policyname, cmd, roles::text[] AS roles, qual, with_check "
        "FROM pg_policies WHERE schemaname = 'public'"
    ).fetchall()
    assert policies
    seen: set[tuple[str, str]] = set()
    for policy in policies:
        where = f"{policy['tablename']}.{policy['policyname']}"
        assert policy["cmd"] != "ALL", f"{where}: one policy per operation, not FOR ALL"
        assert (policy["tablename"], policy["cmd"]) not in seen, f"{where}: a second policy"
        seen.add((policy["tablename"], policy["cmd"]))
        assert policy["roles"] == ["authenticated"], f"{where}: must be TO authenticated"
        for text in (policy["qual"], policy["with_check"]):
            if text is not None:
                assert "( SELECT auth.uid() AS uid)" in text, f"{where}: use (select auth.uid())"
        if policy["cmd"] in ("INSERT", "UPDATE"):
            assert policy["with_check"], f"{where}: needs WITH CHECK"
        if policy["cmd"] in ("SELECT", "UPDATE", "DELETE"):
            assert policy["qual"], f"{where}: needs USING"


def test_every_owner_column_leads_an_index(db: psycopg.Connection[Any]) -> None:
    rows = db.execute(
        """
        SELECT c.relname AS table_name, a.attname AS column_name,
               EXISTS (
                   SELECT FROM pg_index AS i
                   WHERE i.indrelid = c.oid AND i.indkey[0] = a.attnum
               ) AS indexed
        FROM pg_class AS c
        JOIN pg_namespace AS n ON n.oid = c.relnamespace
        JOIN pg_attribute AS a ON a.attrelid = c.oid
        WHERE n.nspname = 'public' AND c.relkind = 'r'
          AND a.attname IN ('owner_id', 'user_id') AND NOT a.attisdropped
        """
    ).fetchall()
    assert len(rows) == len(ALL_TABLES) - 1  # webhook_logs has no owner
    assert [f"{r['table_name']}.{r['column_name']}" for r in rows if not r["indexed"]] == []


def test_the_pull_filter_is_served_by_an_index(db: psycopg.Connection[Any]) -> None:
    tables = db.execute("SELECT name, owner_column FROM private.sync_tables").fetchall()
    for table in tables:
        columns = db.execute(
            """
            SELECT array_agg(a.attname::text ORDER BY k.n) AS cols
            FROM pg_index AS i
            CROSS JOIN LATERAL unnest(i.indkey) WITH ORDINALITY AS k(attnum, n)
            JOIN pg_attribute AS a ON a.attrelid = i.indrelid AND a.attnum = k.attnum
            WHERE i.indrelid = ('public.' || %s)::regclass
            GROUP BY i.indexrelid
            """,
            (table["name"],),
        ).fetchall()
        wanted = [table["owner_column"], "change_xid", "change_seq"]
        assert wanted in [c["cols"] for c in columns], f"{table['name']}: no index on {wanted}"


def test_no_security_definer_function_in_an_exposed_schema(db: psycopg.Connection[Any]) -> None:
    definers = db.execute(
        "SELECT p.proname FROM pg_proc AS p JOIN pg_namespace AS n ON n.oid = p.pronamespace "
        "WHERE n.nspname IN ('public', 'graphql_public') AND p.prosecdef"
    ).fetchall()
    assert definers == []
    unsafe = db.execute(
        "SELECT n.nspname || '.' || p.proname AS f FROM pg_proc AS p "
        "JOIN pg_namespace AS n ON n.oid = p.pronamespace "
        "WHERE p.prosecdef AND n.nspname NOT IN ('pg_catalog', 'information_schema') "
        "AND NOT coalesce(p.proconfig @> ARRAY['search_path=\"\"'], false)"
    ).fetchall()
    assert unsafe == [], "SECURITY DEFINER functions must pin search_path = ''"


def test_no_view_bypasses_row_level_security(db: psycopg.Connection[Any]) -> None:
    views = db.execute(
        "SELECT c.relname FROM pg_class AS c JOIN pg_namespace AS n ON n.oid = c.relnamespace "
        "WHERE n.nspname = 'public' AND c.relkind IN ('v', 'm') "
        "AND NOT coalesce(c.reloptions @> ARRAY['security_invoker=true'], false)"
    ).fetchall()
    assert views == []
