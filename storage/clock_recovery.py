"""Recovering from a clock high-water mark far in the future (the PC's date was set wrong).

The clock never goes backwards, so one session with the date in 2062 would leave every later
change stamped 2062, and the server refuses stamps more than a day ahead of its own clock: the
device could never sync again. When the store opens and its high-water mark is beyond the wall
clock by more than MAX_CLOCK_DRIFT_MS, the changes still waiting in the outbox (none of them
can have reached the server) are stamped again from the wall clock, in their order, together
with the rows that carry those stamps, and the new high-water mark is saved: one transaction.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime

from storage.clock import MAX_CLOCK_DRIFT_MS, HybridLogicalClock, Stamp
from storage.tables import SYNCED_TABLES


@dataclass(frozen=True)
class ClockRecovery:
    """What was done, for the notice the user sees once."""

    was_ahead_to: int  # wall milliseconds of the old high-water mark
    restamped: int

    def notice(self) -> str:
        when = datetime.fromtimestamp(self.was_ahead_to / 1000, UTC)
        changes = f"{self.restamped} change{'s' if self.restamped != 1 else ''}"
        return (
            f"this computer's clock had been set ahead (to {when.day} {when:%b %Y}) when data "
            f"was last saved; {changes} waiting to sync now carry today's date, in the same "
            "order. Check the date and time in the computer's settings."
        )


def needs_recovery(high_water: str | None, wall_ms: int) -> bool:
    return high_water is not None and Stamp.parse(high_water).wall_ms - wall_ms > MAX_CLOCK_DRIFT_MS


def recover_clock(
    conn: sqlite3.Connection, node: str, high_water: str, wall: Callable[[], int], state_key: str
) -> tuple[str, ClockRecovery]:
    """Re-stamp the future outbox mutations and their rows; returns the new high-water mark."""
    future = f"{wall() + MAX_CLOCK_DRIFT_MS + 1:013d}"  # stamps sort as text: this and above
    conn.execute("BEGIN IMMEDIATE")
    try:
        clock = HybridLogicalClock(node, _latest_before(conn, future), wall=wall)
        olds = [row[0] for row in conn.execute(
            "SELECT hlc FROM outbox WHERE hlc >= ? ORDER BY hlc", (future,)
        )]  # fmt: skip
        _restamp(conn, [(old, clock.now()) for old in olds])
        conn.execute(
            "INSERT INTO sync_state (key, value) VALUES (?, ?) "
            "ON CONFLICT (key) DO UPDATE SET value = excluded.value",
            (state_key, clock.high_water),
        )
        conn.execute("COMMIT")
    except BaseException:
        if conn.in_transaction:
            conn.execute("ROLLBACK")
        raise
    finally:
        conn.execute("DROP TABLE IF EXISTS temp.clock_remap")
    return clock.high_water, ClockRecovery(Stamp.parse(high_water).wall_ms, len(olds))


def _latest_before(conn: sqlite3.Connection, future: str) -> str | None:
    """The highest stamp this database holds that is not from the future: new stamps follow it."""
    sources = ["outbox", *SYNCED_TABLES]
    union = " UNION ALL ".join(f"SELECT max(hlc) AS hlc FROM {t} WHERE hlc < ?" for t in sources)
    (latest,) = conn.execute(f"SELECT max(hlc) FROM ({union})", [future] * len(sources)).fetchone()
    return None if latest is None else str(latest)


def _restamp(conn: sqlite3.Connection, remap: list[tuple[str, str]]) -> None:
    conn.execute("CREATE TEMP TABLE clock_remap (old TEXT PRIMARY KEY, new TEXT NOT NULL)")
    conn.executemany("INSERT INTO temp.clock_remap (old, new) VALUES (?, ?)", remap)
    for table in ["outbox", *SYNCED_TABLES]:
        conn.execute(
            f"UPDATE {table} SET hlc = (SELECT new FROM temp.clock_remap WHERE old = {table}.hlc) "
            "WHERE hlc IN (SELECT old FROM temp.clock_remap)"
        )
