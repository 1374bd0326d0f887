"""Erasing a child: every row about them removed from this database, its backups and the cloud.

Erasure is not a tombstone. A tombstone keeps the row (name, date of birth, answers) until the
server has it, and the server keeps it for ever; an erased child leaves nothing behind:

- `scrub_child` hard-deletes every row about the child in one SQLite database: the child, their
  consent records, class places, topic choices, worksheets, answers, certificates, derived
  progress, and this device's sync bookkeeping for those rows (queued changes, notices);
- `compact` then rebuilds the file (`VACUUM`) and empties the write-ahead log, so the deleted
  bytes do not survive in free pages or in `-wal`;
- the device queues one erasure request in the outbox (table `child_erasures`). It names the
  child only by `child_digest` — SHA-256 of a fixed prefix and the child's id — so no queued
  change holds the id; the server finds the child's rows by the same digest, hard-deletes them,
  and keeps an audit row (digest, when, which account: no personal data);
- that audit row reaches every device through the pull (a server-owned table), and each device
  purges the child whose id has that digest (`purge_digests`), however long it was offline;
- `rewrite_backups` rewrites every backup of the data folder that holds an erased child,
  without them (or deletes one that cannot be read), after the user was warned.
"""

from __future__ import annotations

import hashlib
import json
import os
import sqlite3
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from storage.ids import uuid7
from storage.writer import OUTBOX_INSERT, to_json, utc_now

if TYPE_CHECKING:
    from storage.database import Store

ERASURE_TABLE = "child_erasures"  # the request in the outbox, and the server's audit rows
DIGEST_PREFIX = "practicecraft.erasure:"  # the cloud computes the same (cloud migration)
RECOMPUTE_KEY = "pull.recompute"  # storage.sync_apply: children waiting for a recompute
COMPACT_KEY = "erasure.compact"  # set while an erased child's bytes may linger in free pages

# Synced tables holding rows about one child, and the column naming the child.
CHILD_ROWS: tuple[tuple[str, str], ...] = (
    ("children", "id"),
    ("guardian_consents", "child_id"),
    ("class_members", "child_id"),
    ("topic_preferences", "child_id"),
    ("worksheets", "child_id"),
    ("attempt_events", "student_id"),
    ("certificates", "child_id"),
)
# Derived state, recomputed from the answers: never synced, so no bookkeeping to clear.
DERIVED_ROWS: tuple[tuple[str, str], ...] = (
    ("mastery_state", "student_id"),
    ("child_engagement", "child_id"),
    ("achievements", "child_id"),
    ("grading_drafts", "child_id"),  # marks typed but not saved: this computer only
)
# Full-text indexes keep a deleted row's words in old segments until they are merged.
SEARCH_INDEXES = ("worksheet_search",)


class ErasureError(Exception):
    """An erasure could not be completed (the reason says what to do)."""


def child_digest(child_id: str) -> str:
    """The one name of an erased child that leaves the device: not reversible to the id."""
    return hashlib.sha256((DIGEST_PREFIX + child_id.strip().lower()).encode()).hexdigest()


def scrub_child(conn: sqlite3.Connection, child_id: str) -> int:
    """Hard-delete every row about the child (inside the caller's transaction); returns how
    many rows went. Queued changes and notices of those rows go too, so nothing of the child
    is ever pushed after its erasure."""
    removed, present = 0, _tables(conn)
    for table, column in _present(CHILD_ROWS, present):
        found = conn.execute(f"SELECT id FROM {table} WHERE {column} = ?", (child_id,))
        ids = [row[0] for row in found]
        _forget_bookkeeping(conn, table, ids, present)
        removed += conn.execute(f"DELETE FROM {table} WHERE {column} = ?", (child_id,)).rowcount
    for table, column in _present(DERIVED_ROWS, present):
        conn.execute(f"DELETE FROM {table} WHERE {column} = ?", (child_id,))
    for index in (name for name in SEARCH_INDEXES if name in present):
        conn.execute(f"INSERT INTO {index}({index}) VALUES ('optimize')")  # drop their words
    _drop_from_recompute(conn, child_id)
    return removed


def _tables(conn: sqlite3.Connection) -> set[str]:
    """The tables this file has (a backup made by an older version may lack some)."""
    return {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}


def _present(pairs: tuple[tuple[str, str], ...], present: set[str]) -> list[tuple[str, str]]:
    return [(table, column) for table, column in pairs if table in present]


def _forget_bookkeeping(
    conn: sqlite3.Connection, table: str, ids: Sequence[str], present: set[str]
) -> None:
    kept = [name for name in ("outbox", "sync_notices", "sync_seen") if name in present]
    for start in range(0, len(ids), 500):
        chunk = ids[start : start + 500]
        marks = ", ".join("?" * len(chunk))
        for bookkeeping in kept:
            conn.execute(
                f"DELETE FROM {bookkeeping} WHERE table_name = ? AND row_id IN ({marks})",
                (table, *chunk),
            )


def _drop_from_recompute(conn: sqlite3.Connection, child_id: str) -> None:
    if "sync_state" not in _tables(conn):
        return
    row = conn.execute("SELECT value FROM sync_state WHERE key = ?", (RECOMPUTE_KEY,)).fetchone()
    if row is None:
        return
    waiting = [c for c in json.loads(row[0]) if c != child_id]
    conn.execute(
        "UPDATE sync_state SET value = ? WHERE key = ?", (json.dumps(waiting), RECOMPUTE_KEY)
    )


def queue_erasure(conn: sqlite3.Connection, store: Store, child_id: str) -> str:
    """Queue the request the server applies; it carries the digest, never the id."""
    now, hlc, erasure_id = utc_now(), store.clock.now(), uuid7()
    fields = to_json({"child_digest": child_digest(child_id), "erased_at": now})
    conn.execute(OUTBOX_INSERT, (hlc, uuid7(), ERASURE_TABLE, erasure_id, "insert", fields, now))
    return erasure_id


def compact(store: Store) -> None:
    """Rebuild the file and empty its write-ahead log, so erased bytes are nowhere on disk.

    Outside any transaction. If another connection (a read-only command) keeps the log from
    being emptied, the mark stays and the next sync or erasure tries again.
    """
    store.conn.execute("VACUUM")
    busy, _log, _done = store.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)").fetchone()
    if busy == 0:
        with store.write():
            store.conn.execute("DELETE FROM sync_state WHERE key = ?", (COMPACT_KEY,))


def mark_for_compaction(conn: sqlite3.Connection) -> None:
    conn.execute(
        "INSERT INTO sync_state (key, value) VALUES (?, ?) ON CONFLICT (key) DO NOTHING",
        (COMPACT_KEY, utc_now()),
    )


def needs_compaction(store: Store) -> bool:
    return store.state(COMPACT_KEY) is not None


def children_with_digests(conn: sqlite3.Connection, digests: Iterable[str]) -> list[str]:
    """Ids of the children of this database (in any table about them) with these digests."""
    wanted = set(digests)
    if not wanted:
        return []
    pairs = _present(CHILD_ROWS, _tables(conn))
    union = " UNION ".join(f"SELECT {column} FROM {table}" for table, column in pairs)
    return sorted(r[0] for r in conn.execute(union) if r[0] and child_digest(r[0]) in wanted)


def purge_digests(conn: sqlite3.Connection, digests: Iterable[str]) -> list[str]:
    """Scrub every child whose digest an erasure named (a pull brought it); returns their ids."""
    erased = children_with_digests(conn, digests)
    for child_id in erased:
        scrub_child(conn, child_id)
    if erased:
        mark_for_compaction(conn)
    return erased


def known_digests(conn: sqlite3.Connection) -> list[str]:
    """Every erasure this database knows of: pulled audit rows and requests still queued."""
    pulled = [r[0] for r in conn.execute(f"SELECT child_digest FROM {ERASURE_TABLE}")]
    queued = [
        json.loads(r[0])["child_digest"]
        for r in conn.execute("SELECT fields FROM outbox WHERE table_name = ?", (ERASURE_TABLE,))
    ]
    return pulled + queued


# -- backups ------------------------------------------------------------------------------------


@dataclass
class BackupRewrite:
    """What erasure did to the data folder's other database files."""

    rewritten: list[Path] = field(default_factory=list)
    deleted: list[Path] = field(default_factory=list)


def database_files(folder: Path, live: Path) -> list[Path]:
    """Every SQLite file under `folder` but the open database: backups, replaced files,
    another account's database."""
    found = []
    for path in sorted(folder.rglob("*")):
        if path == live or not path.is_file() or path.name.endswith(("-wal", "-shm")):
            continue
        if _is_sqlite(path):
            found.append(path)
    return found


def backups_holding(folder: Path, live: Path, digests: Sequence[str]) -> list[Path]:
    """The database files that hold a child with one of `digests` (or cannot be read)."""
    holding = []
    for path in database_files(folder, live):
        try:
            if _holds(path, digests):
                holding.append(path)
        except sqlite3.Error:
            holding.append(path)  # unreadable: it may hold the child, so it must go
    return holding


def rewrite_backups(folder: Path, live: Path, digests: Sequence[str]) -> BackupRewrite:
    """Rewrite each file holding an erased child without them; delete one that cannot be read."""
    done = BackupRewrite()
    for path in backups_holding(folder, live, digests):
        try:
            _rewrite(path, digests)
            done.rewritten.append(path)
        except sqlite3.Error:
            _delete_with_log(path)
            done.deleted.append(path)
    return done


def _holds(path: Path, digests: Sequence[str]) -> bool:
    conn = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)
    try:
        return bool(children_with_digests(conn, digests))
    finally:
        conn.close()


def _rewrite(path: Path, digests: Sequence[str]) -> None:
    """Copy the file's live pages to a private new file, scrub the copy, rebuild it, then put
    it in place of the original: the original is never half-changed."""
    partial = path.with_name(path.name + ".erasing")
    partial.unlink(missing_ok=True)
    os.close(os.open(partial, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600))
    source = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)
    try:
        source.execute("VACUUM INTO ?", (str(partial),))
    finally:
        source.close()
    copy = sqlite3.connect(partial, isolation_level=None)
    try:
        copy.execute("PRAGMA journal_mode = DELETE")
        copy.execute("BEGIN IMMEDIATE")
        for child_id in children_with_digests(copy, digests):
            scrub_child(copy, child_id)
        copy.execute("COMMIT")
        copy.execute("VACUUM")
    finally:
        copy.close()
    os.replace(partial, path)
    _delete_with_log(path, keep=True)


def _delete_with_log(path: Path, keep: bool = False) -> None:
    """Remove `path` (unless `keep`) and any write-ahead log left beside it."""
    for suffix in ("-wal", "-shm", "-journal"):
        path.with_name(path.name + suffix).unlink(missing_ok=True)
    if not keep:
        path.unlink(missing_ok=True)


def _is_sqlite(path: Path) -> bool:
    try:
        with path.open("rb") as handle:
            return handle.read(16) == b"SQLite format 3\x00"
    except OSError:
        return False
