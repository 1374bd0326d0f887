"""The device's hybrid logical clock (HLC): every local change is stamped with one.

A stamp is text, ``WWWWWWWWWWWWW.CCCCC.NNNNNNNNNNNNNNNN``: wall milliseconds (13 digits),
a counter (5 digits) and the device's node id (16 hex digits). Fixed widths make text order the
same as clock order, in SQLite and in Postgres (``COLLATE "C"``), so sync can compare stamps as
strings. A stamp never repeats on a device and never goes backwards, even when the wall clock
does: the clock keeps the highest stamp it has issued or seen, and the store persists that
high-water mark with every write so it survives restarts.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable
from dataclasses import dataclass

from storage.errors import ClockDriftError

MAX_COUNTER = 99_999
# How far ahead of this device's wall clock a stamp may be: the bound the server keeps too
# ("the device clock is more than a day ahead"). A remote stamp beyond it is refused; a
# high-water mark of our own beyond it is recovered from when the store opens.
MAX_CLOCK_DRIFT_MS = 24 * 3600 * 1000


def wall_clock_ms() -> int:
    return time.time_ns() // 1_000_000


@dataclass(frozen=True, order=True)
class Stamp:
    wall_ms: int
    counter: int
    node: str

    def __str__(self) -> str:
        return f"{self.wall_ms:013d}.{self.counter:05d}.{self.node}"

    @classmethod
    def parse(cls, text: str) -> Stamp:
        try:
            wall, counter, node = text.split(".")
            if len(wall) != 13 or len(counter) != 5 or len(node) != 16:
                raise ValueError(text)
            return cls(int(wall), int(counter), node)
        except ValueError:
            raise ValueError(f"not a clock stamp: {text!r}") from None


class HybridLogicalClock:
    """Issues stamps for one device. Thread-safe; cheap enough to call once per row written."""

    def __init__(
        self,
        node: str,
        high_water: str | None = None,
        wall: Callable[[], int] = wall_clock_ms,
        max_drift_ms: int = MAX_CLOCK_DRIFT_MS,
    ) -> None:
        if len(node) != 16:
            raise ValueError("node id must be 16 hex digits")
        self.node = node
        self._wall = wall
        self._max_drift_ms = max_drift_ms
        self._lock = threading.Lock()
        last = Stamp.parse(high_water) if high_water else Stamp(0, 0, node)
        self._last_ms, self._last_counter = last.wall_ms, last.counter

    @property
    def high_water(self) -> str:
        """The highest stamp issued or seen: what must be persisted to survive a restart."""
        return f"{self._last_ms:013d}.{self._last_counter:05d}.{self.node}"

    def now(self) -> str:
        """A new stamp, greater than every stamp issued or observed before."""
        with self._lock:
            wall = self._wall()
            if wall > self._last_ms:
                self._last_ms, self._last_counter = wall, 0
            else:
                self._advance_counter()
            return f"{self._last_ms:013d}.{self._last_counter:05d}.{self.node}"

    def observe(self, remote: str) -> None:
        """Take in a stamp from another device so later local stamps sort after it."""
        stamp = Stamp.parse(remote)
        with self._lock:
            wall = self._wall()
            if stamp.wall_ms - wall > self._max_drift_ms:
                raise ClockDriftError(
                    f"a change from another device is stamped {stamp.wall_ms - wall} ms in the "
                    "future; check the date and time on both devices"
                )
            if (stamp.wall_ms, stamp.counter) > (self._last_ms, self._last_counter):
                self._last_ms, self._last_counter = stamp.wall_ms, stamp.counter

    def _advance_counter(self) -> None:
        if self._last_counter < MAX_COUNTER:
            self._last_counter += 1
        else:  # a burst of 100,000 stamps in one millisecond: borrow the next millisecond
            self._last_ms, self._last_counter = self._last_ms + 1, 0
