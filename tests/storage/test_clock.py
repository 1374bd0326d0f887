"""The hybrid logical clock: monotonic across restarts and when the wall clock steps back."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from storage.clock import HybridLogicalClock, Stamp
from storage.database import Store
from storage.errors import ClockDriftError
from tests.conftest import SCHOOL

NODE = "0123456789abcdef"


class FakeWall:
    def __init__(self, ms: int) -> None:
        self.ms = ms

    def __call__(self) -> int:
        return self.ms


def test_stamps_increase_when_the_wall_clock_stands_still() -> None:
    clock = HybridLogicalClock(NODE, wall=FakeWall(1_000))
    stamps = [clock.now() for _ in range(5)]
    assert stamps == sorted(stamps) and len(set(stamps)) == 5


def test_stamps_increase_when_the_wall_clock_jumps_backwards() -> None:
    wall = FakeWall(1_800_000_000_000)
    clock = HybridLogicalClock(NODE, wall=wall)
    before = clock.now()
    wall.ms -= 3_600_000  # the PC's clock is set back an hour
    after = clock.now()
    assert after > before
    assert Stamp.parse(after).wall_ms == Stamp.parse(before).wall_ms


def test_counter_overflow_borrows_the_next_millisecond() -> None:
    clock = HybridLogicalClock(NODE, high_water=f"{5:013d}.99999.{NODE}", wall=FakeWall(5))
    assert clock.now() == f"{6:013d}.00000.{NODE}"


@given(st.lists(st.integers(min_value=0, max_value=10**13 - 1), min_size=1, max_size=200))
def test_stamps_strictly_increase_whatever_the_wall_clock_does(walls: list[int]) -> None:
    wall = FakeWall(walls[0])
    clock = HybridLogicalClock(NODE, wall=wall)
    last = ""
    for ms in walls:
        wall.ms = ms
        stamp = clock.now()
        assert stamp > last
        last = stamp


def test_text_order_is_clock_order() -> None:
    a, b = Stamp(999, 5, NODE), Stamp(1000, 0, NODE)
    assert a < b and str(a) < str(b)
    assert Stamp.parse(str(b)) == b


def test_observing_a_later_remote_stamp_moves_the_clock_past_it() -> None:
    clock = HybridLogicalClock(NODE, wall=FakeWall(1_000))
    remote = f"{5_000:013d}.00007.fedcba9876543210"
    clock.observe(remote)
    assert clock.now() > remote


def test_a_remote_stamp_far_in_the_future_is_refused() -> None:
    clock = HybridLogicalClock(NODE, wall=FakeWall(1_000), max_drift_ms=60_000)
    with pytest.raises(ClockDriftError):
        clock.observe(f"{1_000 + 3_600_000:013d}.00000.fedcba9876543210")


def test_clock_survives_a_restart_with_the_wall_clock_set_back(db_path: Path) -> None:
    wall = FakeWall(1_800_000_000_000)
    with Store.open(db_path, wall=wall) as store:
        first = store.children.add({"name": "Asha", "grade": 3}, SCHOOL)
        last_stamp = store.query("SELECT hlc FROM children WHERE id = ?", (first.id,))[0]["hlc"]
    wall.ms -= 86_400_000  # restarted a day "earlier"
    with Store.open(db_path, wall=wall) as store:
        second = store.children.add({"name": "Ravi", "grade": 2}, SCHOOL)
        new_stamp = store.query("SELECT hlc FROM children WHERE id = ?", (second.id,))[0]["hlc"]
        assert new_stamp > last_stamp
        assert store.clock.node == Stamp.parse(last_stamp).node


def test_a_rolled_back_write_does_not_lower_the_persisted_clock(db_path: Path) -> None:
    wall = FakeWall(2_000_000_000_000)
    with Store.open(db_path, wall=wall) as store:
        store.children.add({"name": "Asha", "grade": 3}, SCHOOL)
        saved = store.state("clock.high_water")
        with pytest.raises(RuntimeError), store.write():
            store.children.add({"name": "Ravi", "grade": 2}, SCHOOL)
            raise RuntimeError("cancelled")
        assert store.state("clock.high_water") == saved
        assert store.clock.high_water > str(saved)
