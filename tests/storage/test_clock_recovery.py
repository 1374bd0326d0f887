"""A device whose clock was set in the future recovers at the next open, keeping its changes."""

from __future__ import annotations

from pathlib import Path

from storage.check import check_database
from storage.clock import MAX_CLOCK_DRIFT_MS, Stamp
from storage.database import CLOCK_KEY, Store
from tests.conftest import SCHOOL

NOW_MS = 1_795_000_000_000  # November 2026
IN_2062_MS = 2_910_000_000_000


class FakeWall:
    def __init__(self, ms: int) -> None:
        self.ms = ms

    def __call__(self) -> int:
        return self.ms


def _written_in_2062(db_path: Path) -> list[str]:
    """Changes made on a PC whose date said 2062; returns their mutation ids in order."""
    with Store.open(db_path, wall=FakeWall(NOW_MS - 60_000)) as store:
        store.children.add({"name": "Before", "grade": 3}, SCHOOL)
    wall = FakeWall(IN_2062_MS)
    with Store.open(db_path, wall=wall) as store:
        asha = store.children.add({"name": "Asha", "grade": 3}, SCHOOL)
        store.children.add({"name": "Ravi", "grade": 2}, SCHOOL)
        wall.ms += 5
        store.children.update(asha.id or "", name="Asha Verma")
        store.classes.add({"name": "3A", "grade": 3})
        return [
            r["mutation_id"] for r in store.query("SELECT mutation_id FROM outbox ORDER BY hlc")
        ]


def _outbox(store: Store) -> list[tuple[str, str, str]]:
    return [
        (r["mutation_id"], r["hlc"], r["row_id"])
        for r in store.query("SELECT mutation_id, hlc, row_id FROM outbox ORDER BY hlc")
    ]


def test_stamps_from_the_future_are_brought_back_near_the_wall_clock(db_path: Path) -> None:
    _written_in_2062(db_path)
    with Store.open(db_path, wall=FakeWall(NOW_MS)) as store:
        walls = [Stamp.parse(hlc).wall_ms for _, hlc, _ in _outbox(store)]
        assert all(ms <= NOW_MS for ms in walls)
        assert Stamp.parse(store.clock.high_water).wall_ms <= NOW_MS
        assert Stamp.parse(store.state(CLOCK_KEY) or "").wall_ms <= NOW_MS


def test_recovered_mutations_keep_their_order(db_path: Path) -> None:
    order = _written_in_2062(db_path)
    with Store.open(db_path, wall=FakeWall(NOW_MS)) as store:
        assert [mutation for mutation, _, _ in _outbox(store)] == order


def test_rows_carry_the_stamp_of_their_latest_recovered_mutation(db_path: Path) -> None:
    _written_in_2062(db_path)
    with Store.open(db_path, wall=FakeWall(NOW_MS)) as store:
        latest = {row: hlc for _, hlc, row in _outbox(store)}
        for table in ("children", "teacher_classes"):
            for row in store.query(f"SELECT id, hlc FROM {table}"):
                assert row["hlc"] == latest[row["id"]]
        report = check_database(store)
        assert report.ok, report.problems


def test_the_recovery_is_told_once(db_path: Path) -> None:
    _written_in_2062(db_path)
    with Store.open(db_path, wall=FakeWall(NOW_MS)) as store:
        (notice,) = store.take_notices()
        assert "clock" in notice and "2062" in notice
        assert store.take_notices() == []
    with Store.open(db_path, wall=FakeWall(NOW_MS + 1_000)) as store:
        assert store.take_notices() == []


def test_new_changes_after_the_recovery_sort_after_the_recovered_ones(db_path: Path) -> None:
    _written_in_2062(db_path)
    with Store.open(db_path, wall=FakeWall(NOW_MS)) as store:
        before = max(hlc for _, hlc, _ in _outbox(store))
        added = store.children.add({"name": "Diya", "grade": 3}, SCHOOL)
        (row,) = store.query("SELECT hlc FROM children WHERE id = ?", (added.id,))
        assert row["hlc"] > before


def test_a_clock_ahead_by_less_than_the_allowed_drift_is_left_alone(db_path: Path) -> None:
    with Store.open(db_path, wall=FakeWall(NOW_MS + MAX_CLOCK_DRIFT_MS - 60_000)) as store:
        store.children.add({"name": "Asha", "grade": 3}, SCHOOL)
        stamps = _outbox(store)
    with Store.open(db_path, wall=FakeWall(NOW_MS)) as store:
        assert _outbox(store) == stamps
        assert store.take_notices() == []
