"""One merge rule, two implementations: the device's `storage.merge` and the cloud's SQL.

For random histories of one child's row, the device merges a pulled row with its queued edits;
the cloud then receives those same queued edits. Both must end with the same values, field by
field — or the devices would converge to something the server does not hold.
"""

from __future__ import annotations

import json
import uuid
from typing import Any

import psycopg
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from psycopg.rows import dict_row

from cloud.devstack.postgres import LocalPostgres
from storage.merge import Queued, merge_row
from storage.tables import CHILDREN

FIELDS = ("name", "grade", "roll_number")
VALUES = {"name": ["Asha", "Ravi", "Meena"], "grade": [2, 3, 4], "roll_number": ["1", "2", None]}
BASE_MS = 1_790_000_000_000


def stamp(ms: int, node: str) -> str:
    return f"{BASE_MS + ms:013d}.00000.{node}"


edit = st.tuples(
    st.integers(1, 20),  # how long after the device's previous edit (its stamps only grow)
    st.sampled_from(["update", "update", "update", "delete"]),
    st.dictionaries(st.sampled_from(FIELDS), st.integers(0, 2), min_size=1),
)


def mutation(op: str, row_id: str, hlc: str, fields: dict[str, Any]) -> dict[str, Any]:
    return {"mutation_id": str(uuid.uuid4()), "table": "children", "op": op,
            "row_id": row_id, "hlc": hlc, "fields": fields}  # fmt: skip


def timed(edits: list[Any]) -> list[Any]:
    """Edits with the ms of each since the row was made: one device's stamps always grow."""
    at, out = 0, []
    for gap, op, fields in edits:
        at += gap
        out.append((at, op, fields))
    return out


def values(choice: dict[str, int]) -> dict[str, Any]:
    return {name: VALUES[name][index] for name, index in choice.items()}


class Server:
    """The cloud's sync_push and the row it keeps, as one user, in a transaction rolled back."""

    def __init__(self, conn: psycopg.Connection[dict[str, Any]], user: str) -> None:
        self.conn, self.user = conn, user

    def push(self, mutations: list[dict[str, Any]]) -> None:
        body = {"p_device_id": "device", "p_schema_version": 1, "p_mutations": mutations}
        self.conn.execute("SELECT public.sync_push(%s::json)", (json.dumps(body),))

    def row(self, row_id: str) -> dict[str, Any]:
        found = self.conn.execute(
            "SELECT to_jsonb(c) AS r FROM public.children c WHERE id = %s", (row_id,)
        ).fetchone()
        assert found is not None
        return dict(found["r"])


@settings(
    max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    others=st.lists(edit, max_size=4),
    ours=st.lists(edit, min_size=1, max_size=4),
)
def test_the_device_merges_as_the_server_will(
    sync_postgres: LocalPostgres, others: list[Any], ours: list[Any]
) -> None:
    with psycopg.connect(sync_postgres.dsn(), row_factory=dict_row) as conn:
        user = str(uuid.uuid4())
        conn.execute("INSERT INTO auth.users (id, email) VALUES (%s, %s)", (user, f"{user}@x.test"))
        conn.execute("SET LOCAL ROLE authenticated")
        claims = json.dumps({"sub": user, "role": "authenticated"})
        conn.execute("SELECT set_config('request.jwt.claims', %s, true)", (claims,))
        server = Server(conn, user)
        row_id = str(uuid.uuid4())
        base = {"name": "Asha", "grade": 3, "board": "CBSE", "roll_number": None}
        server.push([mutation("insert", row_id, stamp(0, "a" * 16), base)])

        # Another device's edits reach the server first.
        server.push([mutation(op, row_id, stamp(ms, "b" * 16), values(f) if op == "update"
                              else {"deleted_at": "2026-01-01T00:00:00Z"})
                     for ms, op, f in timed(others)])  # fmt: skip
        pulled = server.row(row_id)

        # Our device made its own edits offline: its row, and its queue.
        local = {name: pulled.get(name) for name in CHILDREN.all_columns} | base
        queued, ours_pushed = [], []
        for ms, op, f in timed(ours):
            hlc = stamp(ms, "c" * 16)
            if op == "delete":
                local["deleted_at"] = "2026-02-01T00:00:00.000Z"
                queued.append(Queued(hlc, "delete", None))
                ours_pushed.append(
                    mutation("delete", row_id, hlc, {"deleted_at": local["deleted_at"]})
                )
            else:
                local.update(values(f))
                queued.append(Queued(hlc, "update", frozenset(f)))
                ours_pushed.append(mutation("update", row_id, hlc, values(f)))
        remote = {name: pulled.get(name) for name in CHILDREN.all_columns}
        merged = merge_row(CHILDREN.columns, local, remote, pulled["field_hlcs"], queued)

        server.push(ours_pushed)
        final = server.row(row_id)
        assert (merged["deleted_at"] is None) == (final["deleted_at"] is None)
        if final["deleted_at"] is None:
            assert {f: merged[f] for f in FIELDS} == {f: final[f] for f in FIELDS}
            assert merged["hlc"] == final["hlc"]
        conn.rollback()
