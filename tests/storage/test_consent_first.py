"""A child is added only together with the guardian's consent: both rows or neither."""

from __future__ import annotations

import sqlite3
from typing import Any

import pytest

from storage.database import Store
from storage.errors import InvalidInput
from storage.records import notice_sha256
from tests.conftest import SCHOOL, outbox

NOTICE = "PracticeCraft keeps the child's name, class, answers and progress on this computer."
CONSENT: dict[str, Any] = {
    "guardian_name": "Sunita Verma",
    "relation": "Mother",
    "guardian_contact": "98100 00000",
    "notice_version": "2026-11",
}


def _add(store: Store, child: dict[str, Any], consent: dict[str, Any] = CONSENT) -> Any:
    return store.children.add_with_consent(child, consent, notice_text=NOTICE, app_version="1.2.3")


def test_the_consent_is_kept_with_the_child_and_names_the_notice_shown(store: Store) -> None:
    child = _add(store, {"name": "Asha Verma", "grade": 3})
    [consent] = store.consents.for_child(child.id)
    assert store.children.get(child.id).name == "Asha Verma"
    assert consent.guardian_name == "Sunita Verma" and consent.relation == "Mother"
    assert consent.notice_version == "2026-11" and consent.app_version == "1.2.3"
    assert consent.notice_sha256 == notice_sha256(NOTICE)
    assert consent.consent_given and consent.consented_at.endswith("Z")


def test_the_consent_is_written_before_the_child(store: Store) -> None:
    _add(store, {"name": "Asha Verma", "grade": 3})
    assert [m["table_name"] for m in outbox(store)] == ["guardian_consents", "children"]


def test_a_consent_without_a_guardian_name_stores_neither(store: Store) -> None:
    with pytest.raises(InvalidInput, match="guardian's name"):
        _add(store, {"name": "Asha Verma", "grade": 3}, {**CONSENT, "guardian_name": "  "})
    assert store.children.all() == [] and outbox(store) == []


def test_an_invalid_child_stores_no_consent(store: Store) -> None:
    with pytest.raises(InvalidInput, match="grade"):
        _add(store, {"name": "Asha Verma", "grade": 14})
    assert store.query("SELECT count(*) FROM guardian_consents")[0][0] == 0
    assert outbox(store) == []


def test_a_child_write_that_fails_takes_the_consent_back(store: Store) -> None:
    first = store.children.add({"name": "Ravi", "grade": 3}, SCHOOL)
    with pytest.raises(sqlite3.IntegrityError):
        _add(store, {"id": first.id, "name": "Ravi again", "grade": 3})
    kept = store.consents.for_child(first.id or "")
    assert [c.guardian_name for c in kept] == [SCHOOL.guardian_name]  # Sunita's was taken back
    assert [c.name for c in store.children.all()] == ["Ravi"]
    assert [m["table_name"] for m in outbox(store)] == ["guardian_consents", "children"]
