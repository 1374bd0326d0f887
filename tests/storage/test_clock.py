"""The hybrid logical clock: monotonic across restarts and when the wall clock steps back."""

from __future__ import annotations

import time
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from storage.clock import HybridLogicalClock, Stamp, wall_clock_ms
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


def test_the_wall_clock_is_read_in_milliseconds() -> None:
    assert abs(wall_clock_ms() - time.time() * 1000) < 60_000


def test_a_new_millisecond_starts_its_counter_at_zero() -> None:
    wall = FakeWall(1_800_000_000_000)
    clock = HybridLogicalClock(NODE, wall=wall)
    clock.now()
    wall.ms += 1
    assert clock.now() == f"{1_800_000_000_001:013d}.00000.{NODE}"


def test_stamps_within_one_millisecond_count_up_by_one() -> None:
    clock = HybridLogicalClock(NODE, wall=FakeWall(1_800_000_000_000))
    counters = [Stamp.parse(clock.now()).counter for _ in range(3)]
    assert counters == [0, 1, 2]  # so 100,000 changes fit in one millisecond


@pytest.mark.parametrize(
    "text",
    [
        f"{1_000:012d}.00000.{NODE}",  # wall too short
        f"{1_000:013d}.0000.{NODE}",  # counter too short
        f"{1_000:013d}.00000.{NODE[:15]}",  # node too short
        f"{1_000:013d}.00000",
    ],
)
def test_text_that_is_not_a_stamp_of_fixed_widths_is_refused(text: str) -> None:
    # Widths are what make text order clock order: a narrower field would sort wrongly.
    with pytest.raises(ValueError, match="not a clock stamp"):
        Stamp.parse(text)


def test_a_node_id_of_the_wrong_length_is_refused() -> None:
    with pytest.raises(ValueError, match=r"^node id must be 16 hex digits$"):
        HybridLogicalClock(NODE[:15])


def test_a_remote_stamp_a_little_ahead_of_a_real_wall_clock_is_taken_in() -> None:
    now = 1_800_000_000_000
    clock = HybridLogicalClock(NODE, wall=FakeWall(now), max_drift_ms=60_000)
    remote = f"{now + 60_000:013d}.00000.fedcba9876543210"  # exactly at the bound: allowed
    clock.observe(remote)
    assert clock.now() > remote


def test_a_refused_remote_stamp_says_how_far_ahead_it_is_and_what_to_check() -> None:
    clock = HybridLogicalClock(NODE, wall=FakeWall(1_000), max_drift_ms=60_000)
    with pytest.raises(ClockDriftError) as refused:
        clock.observe(f"{1_000 + 3_600_000:013d}.00000.fedcba9876543210")
    assert str(refused.value) == (
        "a change from another device is stamped 3600000 ms in the future; "
        "check the date and time on both devices"
    )
