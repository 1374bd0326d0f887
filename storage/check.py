"""`db check`: a sound file, a current schema, a queued mutation for every local change, a
consent record for every child, and own questions that all read back."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from storage.erasure import ERASURE_TABLE
from storage.migrate import latest_version
from storage.tables import SYNCED_TABLES

if TYPE_CHECKING:
    from storage.database import Store

PUSHED_KEY = "push.high_water"  # highest stamp the server has acknowledged (set by sync)
_NODE_AT = 21  # stamps are WWWWWWWWWWWWW.CCCCC.NODE: the node starts at character 21


@dataclass
class CheckReport:
    path: str
    schema_version: int
    latest_version: int
    integrity: list[str]
    pending: Counter[tuple[str, str]] = field(default_factory=Counter)
    problems: list[str] = field(default_factory=list)
    without_consent: list[tuple[str, str]] = field(default_factory=list)  # (id, name)
    unusable: list[str] = field(default_factory=list)  # own skills/questions that cannot be read

    @property
    def ok(self) -> bool:
        return (
            not self.integrity
            and not self.problems
            and self.schema_version == self.latest_version
            and not self.without_consent
            and not self.unusable
        )

    @property
    def pending_total(self) -> int:
        return sum(self.pending.values())


def check_database(store: Store) -> CheckReport:
    integrity = [r[0] for r in store.conn.execute("PRAGMA integrity_check") if r[0] != "ok"]
    report = CheckReport(str(store.path), store.schema_version(), latest_version(), integrity)
    for table, op, count in store.conn.execute(
        "SELECT table_name, op, count(*) FROM outbox GROUP BY table_name, op"
    ):
        report.pending[(table, op)] = count
    report.problems.extend(_outbox_problems(store))
    report.without_consent = [(c.id or "", c.name) for c in store.children.without_consent()]
    report.unusable = [f"{u.kind} {u.name}: {u.problem}" for u in store.custom_content.unusable()]
    return report


def _outbox_problems(store: Store) -> list[str]:
    problems = []
    queued = (*SYNCED_TABLES, ERASURE_TABLE)  # an erasure request is queued like a change
    marks = ", ".join("?" * len(queued))
    unknown = store.conn.execute(
        f"SELECT DISTINCT table_name FROM outbox WHERE table_name NOT IN ({marks})", queued
    ).fetchall()
    problems += [f"outbox names a table that does not sync: {name}" for (name,) in unknown]
    (duplicates,) = store.conn.execute(
        "SELECT count(*) - count(DISTINCT mutation_id) FROM outbox"
    ).fetchone()
    if duplicates:
        problems.append(f"{duplicates} outbox mutation id(s) are used twice")
    (ahead,) = store.conn.execute(
        "SELECT count(*) FROM outbox WHERE hlc > ?", (store.clock.high_water,)
    ).fetchone()
    if ahead:
        problems.append(f"{ahead} outbox mutation(s) are stamped after the clock's high-water mark")
    pushed = store.state(PUSHED_KEY) or ""
    for name in SYNCED_TABLES:
        problems += _table_problems(store, name, pushed)
    return problems


def _table_problems(store: Store, table: str, pushed: str) -> list[str]:
    node = store.clock.node
    (orphans,) = store.conn.execute(
        f"SELECT count(*) FROM outbox o WHERE o.table_name = ? "
        f"AND NOT EXISTS (SELECT 1 FROM {table} t WHERE t.id = o.row_id)",
        (table,),
    ).fetchone()
    (unrecorded,) = store.conn.execute(
        f"SELECT count(*) FROM {table} t WHERE substr(t.hlc, {_NODE_AT}) = ? AND t.hlc > ? "
        "AND NOT EXISTS (SELECT 1 FROM outbox o WHERE o.hlc = t.hlc "
        "AND o.table_name = ? AND o.row_id = t.id)",
        (node, pushed, table),
    ).fetchone()
    (stale,) = store.conn.execute(
        f"SELECT count(*) FROM (SELECT row_id, max(hlc) AS last FROM outbox "
        f"WHERE table_name = ? GROUP BY row_id) o JOIN {table} t ON t.id = o.row_id "
        "WHERE t.hlc < o.last",
        (table,),
    ).fetchone()
    found = []
    if orphans:
        found.append(f"{table}: {orphans} outbox mutation(s) point at rows that do not exist")
    if unrecorded:
        found.append(f"{table}: {unrecorded} local change(s) have no outbox mutation")
    if stale:
        found.append(f"{table}: {stale} row(s) are older than their latest outbox mutation")
    return found
