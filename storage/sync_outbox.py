"""The push side of sync, on the device: outbox mutations out, the server's answers in.

A batch is read oldest stamp first. The server answers every mutation applied, superseded or
rejected; each answered mutation leaves the outbox in the same transaction that records the
answer (a rejected one leaves a notice the user can read), so one bad row never blocks the
queue and a lost answer only means the same mutation ids are sent again — the server answers a
repeated id with its first answer.
"""

from __future__ import annotations

import json
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from storage.check import PUSHED_KEY
from storage.erasure import CHILD_ROWS
from storage.sync_codec import pushed_fields
from storage.tables import SYNCED_TABLES, SyncedTable
from storage.writer import utc_now

if TYPE_CHECKING:
    from storage.database import Store

ANSWERS = ("applied", "superseded", "rejected")


@dataclass
class PushOutcome:
    """What the server said of one batch."""

    applied: int = 0
    superseded: int = 0
    rejected: int = 0
    unanswered: int = 0  # not in the answer: kept for the next push
    reasons: list[str] = field(default_factory=list)

    def add(self, other: PushOutcome) -> None:
        self.applied += other.applied
        self.superseded += other.superseded
        self.rejected += other.rejected
        self.unanswered += other.unanswered
        self.reasons += other.reasons


def next_batch(store: Store, limit: int) -> list[dict[str, Any]]:
    """Up to `limit` queued mutations, oldest first, as the server's `sync_push` takes them."""
    rows = _pushable(store, limit)
    whole = _whole_rows(store, [r for r in rows if r["fields"] is None])
    batch = []
    for row in rows:
        fields = whole.get((row["table_name"], row["row_id"]))
        if row["fields"] is not None:
            fields = json.loads(row["fields"])
        batch.append(
            {
                "mutation_id": row["mutation_id"],
                "table": row["table_name"],
                "op": row["op"],
                "row_id": row["row_id"],
                "hlc": row["hlc"],
                "fields": fields if fields is not None else {},
                "created_at": row["created_at"],
            }
        )
    return batch


def _pushable(store: Store, limit: int) -> list[Any]:
    """The oldest `limit` mutations that may leave: those about a child whose consent was
    withdrawn wait (all but the consent records themselves, so every device learns of the
    withdrawal) until consent is given again, or leave the queue with an erasure."""
    select = "SELECT hlc, mutation_id, table_name, row_id, op, fields, created_at FROM outbox"
    withdrawn = store.consents.withdrawn_children()
    if not withdrawn:
        return store.query(f"{select} ORDER BY hlc LIMIT ?", (limit,))
    held = _rows_about(store, withdrawn)
    rows = []
    for row in store.query(f"{select} ORDER BY hlc"):
        if (row["table_name"], row["row_id"]) not in held:
            rows.append(row)
            if len(rows) == limit:
                break
    return rows


def _rows_about(store: Store, children: set[str]) -> set[tuple[str, str]]:
    """(table, row id) of every synced row about these children but their consent records."""
    held: set[tuple[str, str]] = set()
    marks = ", ".join("?" * len(children))
    for table, column in CHILD_ROWS:
        if table == "guardian_consents":
            continue
        found = store.query(f"SELECT id FROM {table} WHERE {column} IN ({marks})", tuple(children))
        held |= {(table, str(row["id"])) for row in found}
    return held


def _whole_rows(store: Store, rows: Iterable[Any]) -> dict[tuple[str, str], dict[str, Any]]:
    """The current values of rows whose mutation names them instead of copying them."""
    wanted: dict[str, list[str]] = defaultdict(list)
    for row in rows:
        wanted[row["table_name"]].append(row["row_id"])
    found: dict[tuple[str, str], dict[str, Any]] = {}
    for name, ids in wanted.items():
        table = SYNCED_TABLES[name]
        for chunk in _chunks(ids, 500):
            marks = ", ".join("?" * len(chunk))
            sql = f"SELECT id, {', '.join(table.columns)} FROM {name} WHERE id IN ({marks})"
            for row in store.query(sql, chunk):
                found[(name, row["id"])] = pushed_fields(table, dict(row))
    return found


def record_answers(
    store: Store, batch: Sequence[dict[str, Any]], results: Sequence[dict[str, Any]]
) -> PushOutcome:
    """Take answered mutations out of the outbox, noting rejections, in one transaction."""
    answers = {str(r.get("mutation_id")): r for r in results if r.get("status") in ANSWERS}
    outcome = PushOutcome()
    done, notices, highest = [], [], store.state(PUSHED_KEY) or ""
    now = utc_now()
    for mutation in batch:
        answer = answers.get(mutation["mutation_id"])
        if answer is None:
            outcome.unanswered += 1
            continue
        status = str(answer["status"])
        setattr(outcome, status, getattr(outcome, status) + 1)
        done.append((mutation["mutation_id"],))
        highest = max(highest, mutation["hlc"])
        if status == "rejected":
            reason = str(answer.get("reason") or "refused by the server")
            outcome.reasons.append(f"{mutation['table']} {mutation['row_id']}: {reason}")
            notices.append(_notice(mutation, reason, now))
    with store.write():
        store.conn.executemany("DELETE FROM outbox WHERE mutation_id = ?", done)
        store.conn.executemany(
            "INSERT OR IGNORE INTO sync_notices (mutation_id, table_name, row_id, op, reason, "
            "hlc, noticed_at) VALUES (?, ?, ?, ?, ?, ?, ?)",
            notices,
        )
        if done:
            store.set_state(PUSHED_KEY, highest)
    return outcome


def note_failure(store: Store, batch: Sequence[dict[str, Any]], error: str) -> None:
    """Count a failed attempt on each mutation of a batch that stays queued."""
    with store.write():
        store.conn.executemany(
            "UPDATE outbox SET push_attempts = push_attempts + 1, last_error = ? "
            "WHERE mutation_id = ?",
            [(error[:500], m["mutation_id"]) for m in batch],
        )


def pending_count(store: Store) -> int:
    (count,) = store.conn.execute("SELECT count(*) FROM outbox").fetchone()
    return int(count)


def requeue_row(store: Store, table: SyncedTable, row_id: str) -> None:
    """Queue a row the server lacks as a fresh insert (a full re-sync found it missing)."""
    with store.write() as writer:
        writer.requeue(table, row_id)


def _notice(mutation: dict[str, Any], reason: str, now: str) -> tuple[Any, ...]:
    return (
        mutation["mutation_id"], mutation["table"], mutation["row_id"], mutation["op"],
        reason[:1000], mutation["hlc"], now,
    )  # fmt: skip


def _chunks(items: Sequence[str], size: int) -> Iterable[Sequence[str]]:
    for start in range(0, len(items), size):
        yield items[start : start + size]
