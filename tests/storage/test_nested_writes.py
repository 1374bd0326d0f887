"""Nested writes are savepoints: a failed inner write is undone alone."""

from __future__ import annotations

import pytest

from storage.database import Store
from tests.conftest import SCHOOL


def names(store: Store) -> list[str]:
    return [c.name for c in store.children.all()]


def test_a_failed_nested_write_is_undone_and_the_outer_one_commits(store: Store) -> None:
    with store.write():
        store.children.add({"name": "Asha", "grade": 3}, SCHOOL)
        with pytest.raises(RuntimeError), store.write():
            store.children.add({"name": "Ravi", "grade": 3}, SCHOOL)
            raise RuntimeError("inner failure")
        store.children.add({"name": "Meera", "grade": 3}, SCHOOL)
    assert sorted(names(store)) == ["Asha", "Meera"]


def test_a_failed_outer_write_undoes_its_nested_writes(store: Store) -> None:
    with pytest.raises(RuntimeError), store.write():
        with store.write():
            store.children.add({"name": "Asha", "grade": 3}, SCHOOL)
        raise RuntimeError("outer failure")
    assert names(store) == []
