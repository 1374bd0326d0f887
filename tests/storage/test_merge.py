"""The merge rule at the storage layer: per-field last writer wins, and a tombstone beats an edit.

tests/sync runs the same rules end to end between two devices through the devstack, and
tests/sync/test_merge_rule.py checks that this module agrees with the cloud's SQL. These tests
are the second line: they hold `storage.merge` (and the pull that applies it to SQLite) to the
rule itself, with stamps worked out by hand, so a change that broke both sides alike still fails.
"""

from __future__ import annotations

from typing import Any

from storage.database import Store
from storage.merge import Queued, local_stamps, merge_row, wins
from storage.sync_apply import apply_page
from storage.tables import CHILDREN
from tests.conftest import SCHOOL

COLUMNS = ("name", "grade", "roll_number")
EARLY, MIDDLE, LATE = (f"{1_790_000_000_000 + ms:013d}.00000.{'c' * 16}" for ms in (1, 2, 3))
TOMBSTONE = "2026-02-01T00:00:00.000Z"


def row(hlc: str, deleted_at: str | None = None, **fields: Any) -> dict[str, Any]:
    base = {"name": "Asha", "grade": 3, "roll_number": "1"}
    return base | fields | {"hlc": hlc, "deleted_at": deleted_at}


def test_a_later_write_wins_and_an_equal_or_earlier_one_does_not() -> None:
    assert wins(LATE, EARLY)
    assert not wins(EARLY, LATE)
    assert not wins(MIDDLE, MIDDLE)  # a write already held is not applied again
    assert wins(EARLY, None)  # a field never written takes any write
    assert not wins(None, None)


def test_each_field_keeps_the_stamp_of_its_latest_queued_write() -> None:
    queued = [
        Queued(EARLY, "update", frozenset({"name", "grade"})),
        Queued(MIDDLE, "delete", None),  # a delete writes no field
        Queued(LATE, "update", frozenset({"name"})),
    ]
    assert local_stamps(queued, COLUMNS) == {"name": LATE, "grade": EARLY}


def test_the_newest_queued_stamp_counts_whatever_order_the_queue_is_read_in() -> None:
    queued = [
        Queued(LATE, "update", frozenset({"name"})),
        Queued(EARLY, "update", frozenset({"name"})),
    ]
    assert local_stamps(queued, COLUMNS) == {"name": LATE}


def test_an_insert_of_the_whole_row_stamps_every_field() -> None:
    assert local_stamps([Queued(EARLY, "insert", None)], COLUMNS) == dict.fromkeys(COLUMNS, EARLY)


def test_each_field_keeps_whichever_write_is_later() -> None:
    local = row(LATE, name="Asha Verma", grade=4)
    remote = row(MIDDLE, name="Asha V.", grade=5)
    queued = [
        Queued(EARLY, "update", frozenset({"grade"})),
        Queued(LATE, "update", frozenset({"name"})),
    ]
    merged = merge_row(COLUMNS, local, remote, {"name": MIDDLE, "grade": MIDDLE}, queued)
    assert (merged["name"], merged["grade"]) == ("Asha Verma", 5)  # ours later, theirs later


def test_a_field_only_this_device_wrote_keeps_its_value() -> None:
    local = row(EARLY, roll_number="7")
    remote = row(LATE, name="Asha Verma")
    queued = [Queued(EARLY, "update", frozenset({"roll_number"}))]
    merged = merge_row(COLUMNS, local, remote, {"name": LATE}, queued)
    assert (merged["name"], merged["roll_number"]) == ("Asha Verma", "7")


def test_the_merged_row_carries_the_latest_stamp_of_either_side() -> None:
    queued = [
        Queued(EARLY, "update", frozenset({"name"})),
        Queued(LATE, "update", frozenset({"grade"})),
    ]
    merged = merge_row(COLUMNS, row(LATE), row(MIDDLE), {}, queued)
    assert merged["hlc"] == LATE
    merged = merge_row(
        COLUMNS, row(EARLY), row(LATE), {}, [Queued(EARLY, "update", frozenset({"name"}))]
    )
    assert merged["hlc"] == LATE


def test_with_nothing_queued_the_pulled_row_is_taken_whole() -> None:
    remote = row(EARLY, name="Asha Verma")
    assert merge_row(COLUMNS, row(LATE, name="Ravi"), remote, {"name": EARLY}, []) == remote


def test_a_pulled_tombstone_beats_a_later_local_edit() -> None:
    local = row(LATE, name="Asha Verma")
    remote = row(EARLY, deleted_at=TOMBSTONE)
    merged = merge_row(COLUMNS, local, remote, {}, [Queued(LATE, "update", frozenset({"name"}))])
    assert merged["deleted_at"] == TOMBSTONE


def test_a_pulled_tombstone_is_taken_whole_and_drops_every_edit_made_here() -> None:
    # The cloud refuses edits to a deleted row, so the row it holds is the row to keep.
    local = row(LATE, deleted_at="2026-03-01T00:00:00.000Z", name="Asha Verma")
    remote = row(EARLY, deleted_at=TOMBSTONE)
    queued = [Queued(LATE, "update", frozenset({"name"})), Queued(LATE, "delete", None)]
    assert merge_row(COLUMNS, local, remote, {"name": EARLY}, queued) == remote


def test_a_row_added_here_keeps_its_values_over_older_ones_pulled() -> None:
    # Two devices adding the same natural row (one child's place in a class) make one row.
    local = row(LATE, roll_number="7")
    remote = row(EARLY, roll_number="3")
    merged = merge_row(
        COLUMNS, local, remote, dict.fromkeys(COLUMNS, EARLY), [Queued(LATE, "insert", None)]
    )
    assert merged["roll_number"] == "7"


def test_a_queued_delete_beats_a_later_edit_pulled_from_elsewhere() -> None:
    local = row(EARLY, deleted_at=TOMBSTONE)
    remote = row(LATE, name="Asha Verma")
    merged = merge_row(COLUMNS, local, remote, {"name": LATE}, [Queued(EARLY, "delete", None)])
    assert merged["deleted_at"] == TOMBSTONE


def _pulled(store: Store, child_id: str, **changes: Any) -> dict[str, Any]:
    """The child's row as the server would send it back after another device's edit."""
    found = store.query("SELECT * FROM children WHERE id = ?", (child_id,))[0]
    return dict(found) | changes


def test_a_pull_merges_a_row_with_a_queued_edit_field_by_field(store: Store) -> None:
    child = store.children.add({"name": "Asha", "grade": 3}, SCHOOL)
    child_id = child.id or ""
    store.children.update(child_id, name="Asha Verma")  # queued, not yet sent
    ours = store.query("SELECT hlc FROM children WHERE id = ?", (child_id,))[0]["hlc"]
    older = f"{int(ours[:13]) - 1:013d}{ours[13:]}"
    newer = f"{int(ours[:13]) + 1:013d}.00000.{'b' * 16}"
    pulled = _pulled(store, child_id, name="Asha V.", grade=4, hlc=newer)
    pulled["field_hlcs"] = {"name": older, "grade": newer}
    apply_page(store, [{"table": CHILDREN.name, "row": pulled}], "cursor-1")
    kept = store.children.get(child_id)
    assert (kept.name, kept.grade) == ("Asha Verma", 4)


def test_a_pulled_tombstone_removes_a_child_edited_here_since(store: Store) -> None:
    child = store.children.add({"name": "Asha", "grade": 3}, SCHOOL)
    child_id = child.id or ""
    store.children.update(child_id, name="Asha Verma")  # queued, and later than the delete
    pulled = _pulled(store, child_id, deleted_at=TOMBSTONE)
    pulled["field_hlcs"] = {}
    apply_page(store, [{"table": CHILDREN.name, "row": pulled}], "cursor-1")
    found = store.query("SELECT deleted_at FROM children WHERE id = ?", (child_id,))[0]
    assert found["deleted_at"] is not None
