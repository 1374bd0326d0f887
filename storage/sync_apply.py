"""The pull side of sync, on the device: a page of the server's changes applied in one transaction.

Each page is written together with the cursor that follows it, so a sync killed at any point
resumes from the last page it finished and never applies a page twice or skips one. Rows with no
queued local change take the server's values whole; rows with queued changes are merged field
by field by `storage.merge` (the same rule as the server's). Children whose attempts changed are
remembered (also in the same transaction) and their mastery, stars and streaks are recomputed
once the pull is complete — a resumed pull still recomputes them.

This is the one path besides `Writer` that writes synced tables: it stores what the server
already holds, so it queues nothing.
"""

from __future__ import annotations

import json
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from storage.database import CLOCK_KEY
from storage.erasure import (
    CHILD_ROWS,
    ERASURE_TABLE,
    compact,
    known_digests,
    needs_compaction,
    purge_digests,
    rewrite_backups,
)
from storage.merge import Queued, merge_row
from storage.search_index import answers_in_bulk
from storage.sync_codec import local_values, server_owned_values
from storage.tables import SERVER_OWNED_TABLES, SYNCED_TABLES, ServerOwnedTable, SyncedTable

if TYPE_CHECKING:
    from storage.database import Store

CURSOR_KEY = "pull.cursor"
RECOMPUTE_KEY = "pull.recompute"  # children whose derived state waits for the pull to finish
FULL_RESYNC_KEY = "pull.full_resync"


@dataclass
class AppliedPage:
    rows: int = 0
    tables: set[str] = field(default_factory=set)
    children: set[str] = field(default_factory=set)
    skipped: list[str] = field(default_factory=list)  # tables this version does not know


def cursor(store: Store) -> str:
    return store.state(CURSOR_KEY) or ""


def apply_page(store: Store, changes: Sequence[dict[str, Any]], next_cursor: str) -> AppliedPage:
    """Store one page of pulled changes and its cursor, all or nothing."""
    page = AppliedPage(rows=len(changes))
    with store.write():
        _apply_changes(store, changes, page)
        store.set_state(CURSOR_KEY, next_cursor)
        _remember_children(store, page.children)
    return page


def _apply_changes(store: Store, changes: Sequence[dict[str, Any]], page: AppliedPage) -> None:
    by_table: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for change in changes:
        by_table[str(change["table"])].append(change["row"])
    seen = store.state(FULL_RESYNC_KEY) is not None
    for name, rows in by_table.items():
        _apply_table(store, name, rows, page)
        if seen and name in SYNCED_TABLES:
            store.conn.executemany(
                "INSERT OR IGNORE INTO sync_seen (table_name, row_id) VALUES (?, ?)",
                [(name, row["id"]) for row in rows],
            )
    _observe(store, changes)
    _purge_erased(store, by_table.get(ERASURE_TABLE, []), page)


def _purge_erased(store: Store, erasures: list[dict[str, Any]], page: AppliedPage) -> None:
    """A child erased on another device goes from here too, in the page's transaction."""
    digests = [str(row["child_digest"]) for row in erasures]
    erased = purge_digests(store.conn, digests) if digests else []
    if erased:
        page.children -= set(erased)
        page.tables |= {table for table, _column in CHILD_ROWS}


def finish_pull(store: Store) -> set[str]:
    """Recompute mastery, stars and streaks of the children the pull touched; then, if a
    child was erased, rebuild the file and rewrite the backups that still hold them."""
    waiting = set(json.loads(store.state(RECOMPUTE_KEY) or "[]"))
    if waiting:
        with store.write():
            store.progress.recompute(sorted(waiting))
            store.set_state(RECOMPUTE_KEY, "[]")
    if needs_compaction(store):
        compact(store)
        rewrite_backups(store.path.parent, store.path, known_digests(store.conn))
    return waiting


def _apply_table(store: Store, name: str, rows: list[dict[str, Any]], page: AppliedPage) -> None:
    if name in SYNCED_TABLES:
        table = SYNCED_TABLES[name]
        _apply_synced(store, table, rows)
        page.children |= _children_touched(table, rows)
    elif name in SERVER_OWNED_TABLES:
        _apply_server_owned(store, SERVER_OWNED_TABLES[name], rows)
    else:
        page.skipped.append(name)
        return
    page.tables.add(name)


def _apply_synced(store: Store, table: SyncedTable, rows: list[dict[str, Any]]) -> None:
    queued = _queued(store, table.name, [row["id"] for row in rows])
    plain = [local_values(table, row) for row in rows if row["id"] not in queued]
    merged = [_merged(store, table, row, queued[row["id"]]) for row in rows if row["id"] in queued]
    upsert = _upsert_sql(table.name, table.all_columns, "id")
    if table.name != "attempt_events":
        store.conn.executemany(upsert, plain + merged)
        return
    sheets = {str(row["worksheet_id"]) for row in rows if row.get("worksheet_id")}
    with answers_in_bulk(store.conn, sheets):
        store.conn.executemany(upsert, plain + merged)


def _merged(
    store: Store, table: SyncedTable, row: dict[str, Any], queued: list[Queued]
) -> tuple[Any, ...]:
    columns = table.all_columns
    remote = dict(zip(columns, local_values(table, row), strict=True))
    found = store.conn.execute(
        f"SELECT {', '.join(columns)} FROM {table.name} WHERE id = ?", (row["id"],)
    ).fetchone()
    local = dict(zip(columns, found, strict=True)) if found else remote
    stamps = row.get("field_hlcs") or {}
    result = merge_row(table.columns, local, remote, stamps, queued)
    return tuple(result[name] for name in columns)


def _queued(store: Store, table: str, ids: Sequence[str]) -> dict[str, list[Queued]]:
    """The outbox mutations waiting for each of `ids`, oldest first."""
    found: dict[str, list[Queued]] = defaultdict(list)
    if not store.conn.execute(
        "SELECT 1 FROM outbox WHERE table_name = ? LIMIT 1", (table,)
    ).fetchone():
        return found  # the usual case on a pull: nothing of this table waits to be sent
    for chunk in _chunks(ids, 500):
        marks = ", ".join("?" * len(chunk))
        for row_id, hlc, op, fields in store.conn.execute(
            f"SELECT row_id, hlc, op, fields FROM outbox WHERE table_name = ? "
            f"AND row_id IN ({marks}) ORDER BY hlc",
            (table, *chunk),
        ):
            written = None if fields is None else frozenset(json.loads(fields))
            found[row_id].append(Queued(hlc, op, written))
    return found


def _apply_server_owned(store: Store, table: ServerOwnedTable, rows: list[dict[str, Any]]) -> None:
    values = [server_owned_values(table, row) for row in rows]
    store.conn.executemany(_upsert_sql(table.name, table.columns, table.key), values)


def _children_touched(table: SyncedTable, rows: Iterable[dict[str, Any]]) -> set[str]:
    if table.name == "attempt_events":
        return {str(row["student_id"]) for row in rows}
    if table.name == "children":
        return {str(row["id"]) for row in rows}
    return set()


def _observe(store: Store, changes: Sequence[dict[str, Any]]) -> None:
    """Let the clock see the newest pulled stamp, so later local edits sort after it."""
    stamps = [str(c["row"]["hlc"]) for c in changes if c["row"].get("hlc")]
    if stamps:
        store.clock.observe(max(stamps))
        store.set_state(CLOCK_KEY, store.clock.high_water)


def _remember_children(store: Store, children: set[str]) -> None:
    if children:
        waiting = set(json.loads(store.state(RECOMPUTE_KEY) or "[]")) | children
        store.set_state(RECOMPUTE_KEY, json.dumps(sorted(waiting)))


def _upsert_sql(table: str, columns: Sequence[str], key: str) -> str:
    names = ", ".join(columns)
    marks = ", ".join("?" * len(columns))
    updates = ", ".join(f"{c} = excluded.{c}" for c in columns if c != key)
    return (
        f"INSERT INTO {table} ({names}) VALUES ({marks}) "
        f"ON CONFLICT ({key}) DO UPDATE SET {updates}"
    )


def _chunks(items: Sequence[str], size: int) -> Iterable[Sequence[str]]:
    for start in range(0, len(items), size):
        yield items[start : start + size]
