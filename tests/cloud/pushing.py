"""Calling the sync RPCs as a signed-in user on real Postgres: mutations, pushes and pulls."""

from __future__ import annotations

import itertools
import json
import time
import uuid
from typing import Any

import psycopg

from tests.cloud.conftest import acting_as, committed_as

Conn = psycopg.Connection[dict[str, Any]]
_counter = itertools.count(1)


def hlc(offset_ms: int = 0, node: str = "00000000000000ab") -> str:
    """A fresh clock stamp, later than every stamp made before it in this process."""
    return f"{int(time.time() * 1000) + offset_ms:013d}.{next(_counter) % 100000:05d}.{node}"


def mutation(
    table: str, op: str, row_id: str, fields: dict[str, Any], stamp: str | None = None
) -> dict[str, Any]:
    return {
        "mutation_id": str(uuid.uuid4()),
        "table": table,
        "op": op,
        "row_id": row_id,
        "hlc": stamp or hlc(),
        "fields": fields,
    }


def child_fields(name: str = "Asha", grade: int = 3) -> dict[str, Any]:
    return {
        "name": name,
        "grade": grade,
        "board": "CBSE",
        "date_of_birth": None,
        "age_band": None,
        "roll_number": None,
        "archived_at": None,
    }


def attempt_fields(student: str) -> dict[str, Any]:
    return {
        "student_id": student,
        "worksheet_id": None,
        "question_id": "q1",
        "skill_tag": "maths.c3.add",
        "given_answer": "12",
        "result": "correct",
        "error_type": None,
        "answered_at": "2026-11-21T10:00:00.000Z",
        "mastery_before": "unknown",
        "mastery_after": "learning",
        "response_time_ms": 4200,
        "graded_by": "auto",
    }


def push_request(
    mutations: list[dict[str, Any]], version: int = 1, device: str = "device-1"
) -> str:
    """The body a device POSTs to /rest/v1/rpc/sync_push, which sync_push takes whole."""
    body = {"p_device_id": device, "p_schema_version": version, "p_mutations": mutations}
    return json.dumps(body)


def push(
    conn: Conn, user: str, mutations: list[dict[str, Any]], version: int = 1
) -> list[dict[str, Any]]:
    with committed_as(conn, "authenticated", user):
        row = conn.execute(
            "SELECT public.sync_push(%s::json) AS r", (push_request(mutations, version),)
        ).fetchone()
    assert row is not None
    results: list[dict[str, Any]] = row["r"]["results"]
    assert [r["mutation_id"] for r in results] == [m["mutation_id"] for m in mutations]
    return results


def pull(conn: Conn, user: str, cursor: str | None = None, limit: int = 1000) -> dict[str, Any]:
    with acting_as(conn, "authenticated", user):
        row = conn.execute("SELECT public.sync_pull(%s, %s) AS r", (cursor, limit)).fetchone()
    assert row is not None
    page: dict[str, Any] = row["r"]
    return page


def pull_all(
    conn: Conn, user: str, cursor: str | None = None, limit: int = 1000
) -> tuple[list[dict[str, Any]], str]:
    changes: list[dict[str, Any]] = []
    while True:
        page = pull(conn, user, cursor, limit)
        changes += page["changes"]
        cursor = page["cursor"]
        if not page["has_more"]:
            return changes, cursor


def rows_of(changes: list[dict[str, Any]], table: str) -> dict[str, dict[str, Any]]:
    return {c["row"]["id"]: c["row"] for c in changes if c["table"] == table}


def statuses(results: list[dict[str, Any]]) -> list[str]:
    return [r["status"] for r in results]


def snapshot(conn: Conn, user: str) -> list[Any]:
    """Everything the server holds for `user`, bookkeeping included."""
    tables = conn.execute("SELECT name, owner_column FROM private.sync_tables ORDER BY name")
    state = []
    for table, owner in [(r["name"], r["owner_column"]) for r in tables]:
        state.append(
            conn.execute(
                f"SELECT to_jsonb(t) AS r FROM public.{table} AS t WHERE {owner} = %s ORDER BY id",
                (user,),
            ).fetchall()
        )
    state.append(
        conn.execute(
            "SELECT count(*) AS n FROM public.sync_mutations WHERE owner_id = %s", (user,)
        ).fetchone()
    )
    return state


def worksheet_fields(child: str) -> dict[str, Any]:
    return {
        "child_id": child,
        "class_id": None,
        "code": "ABCD-2345",
        "title": "Addition",
        "subject": "maths",
        "grade": 3,
        "mode": "chosen",
        "version_label": None,
        "seed": 42,
        "generator_version": "2026.11",
        "questions": [{"id": "q1", "prompt": "2 + 3"}],
        "settings": {"language": "en"},
        "verification_hash": "feedfacecafebeef",
    }
