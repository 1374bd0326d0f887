"""Grading drafts: kept as typed, surviving a restart, gone once saved or erased with the child."""

from __future__ import annotations

from pathlib import Path

from storage.database import Store
from tests.conftest import SCHOOL

ENTRIES = [{"typed": "245", "result": "correct", "by": "auto", "text": "245"}]


def test_a_draft_is_still_there_after_the_store_is_closed_and_opened(db_path: Path) -> None:
    with Store.open(db_path) as store:
        store.drafts.put("sheet-1", "child-1", ENTRIES, "2026-11-02")
    with Store.open(db_path) as store:
        draft = store.drafts.for_worksheet("sheet-1")["child-1"]
    assert (draft.entries, draft.done_on) == (ENTRIES, "2026-11-02")


def test_putting_a_draft_again_replaces_it(store: Store) -> None:
    store.drafts.put("sheet-1", "child-1", ENTRIES, None)
    store.drafts.put("sheet-1", "child-1", [], None)
    assert [d.entries for d in store.drafts.all()] == [[]]


def test_a_discarded_draft_is_gone(store: Store) -> None:
    store.drafts.put("sheet-1", "child-1", ENTRIES, None)
    store.drafts.discard("sheet-1", "child-1")
    assert store.drafts.for_worksheet("sheet-1") == {}


def test_a_draft_never_goes_to_the_outbox(store: Store) -> None:
    before = store.sync.pending_count()
    store.drafts.put("sheet-1", "child-1", ENTRIES, None)
    assert store.sync.pending_count() == before


def test_erasing_a_child_erases_their_drafts(store: Store) -> None:
    child = store.children.add({"name": "Asha Verma", "grade": 3}, SCHOOL)
    store.drafts.put("sheet-1", child.id or "", ENTRIES, None)
    store.children.delete(child.id or "")
    assert store.drafts.all() == []
