"""The store keeps no child without a consent record, of a parent's or the school's kind."""

from __future__ import annotations

import pytest

from storage.consent import (
    SCHOOL_NOTICE,
    SCHOOL_NOTICE_VERSION,
    SCHOOL_RELATION,
    ConsentBasis,
    ConsentRequired,
)
from storage.database import Store
from storage.errors import NotFoundError
from storage.records import notice_sha256
from storage.tables import CHILDREN
from tests.conftest import SCHOOL, outbox


def test_a_child_without_a_consent_basis_is_refused_and_nothing_is_written(store: Store) -> None:
    with pytest.raises(ConsentRequired):
        store.children.add({"name": "Asha", "grade": 3}, None)  # type: ignore[arg-type]
    assert store.children.all() == [] and outbox(store) == []


def test_a_class_of_children_gets_one_school_record_each_before_the_children(
    store: Store,
) -> None:
    added = store.children.add_many(
        [{"name": "Asha", "grade": 3}, {"name": "Ravi", "grade": 3}], SCHOOL
    )
    tables = [m["table_name"] for m in outbox(store)]
    assert tables == ["guardian_consents"] * 2 + ["children"] * 2
    for child in added:
        [record] = store.consents.for_child(child.id or "")
        assert (record.guardian_name, record.relation) == ("R. Sharma, Principal", SCHOOL_RELATION)
        assert "educational" in record.purpose
        assert record.notice_version == SCHOOL_NOTICE_VERSION
        assert record.notice_sha256 == notice_sha256(SCHOOL_NOTICE)


def test_one_bad_child_keeps_no_consent_either(store: Store) -> None:
    with pytest.raises(ValueError, match="grade"):
        store.children.add_many(
            [{"name": "Asha", "grade": 3}, {"name": "Ravi", "grade": 40}], SCHOOL
        )
    assert store.query("SELECT count(*) FROM guardian_consents")[0][0] == 0


def test_children_kept_without_a_record_are_found(store: Store) -> None:
    store.children.add({"name": "Meera", "grade": 3}, SCHOOL)
    with store.write() as writer:  # as an older version kept them
        writer.insert(CHILDREN, [("Asha", 3, "CBSE", None, None, None, None)])
    assert [c.name for c in store.children.without_consent()] == ["Asha"]


def test_a_basis_recorded_later_makes_the_child_whole(store: Store) -> None:
    with store.write() as writer:
        [old] = writer.insert(CHILDREN, [("Asha", 3, "CBSE", None, None, None, None)])
    guardian = ConsentBasis.guardian("Sunita Verma", "Mother", app_version="test")
    assert store.consents.record_basis([old], guardian) == 1
    assert store.children.without_consent() == []


def test_a_basis_is_not_recorded_for_a_child_who_is_not_kept(store: Store) -> None:
    with pytest.raises(NotFoundError):
        store.consents.record_basis(["nobody"], SCHOOL)
    assert store.query("SELECT count(*) FROM guardian_consents")[0][0] == 0


def test_a_class_has_the_school_basis_recorded_for_its_members(store: Store) -> None:
    three_a = store.classes.add({"name": "3A", "grade": 3})
    four_b = store.classes.add({"name": "4B", "grade": 4})
    asha = store.children.add({"name": "Asha", "grade": 3}, SCHOOL)
    store.classes.add_member(three_a.id or "", asha.id or "")
    parent = ConsentBasis.guardian("Sunita Verma", "Mother", app_version="test")
    ravi = store.children.add({"name": "Ravi", "grade": 4}, parent)
    store.classes.add_member(four_b.id or "", ravi.id or "")
    covering = store.consents.school_basis_of_class(three_a.id or "")
    assert covering is not None and covering.guardian_name == "R. Sharma, Principal"
    assert store.consents.school_basis_of_class(four_b.id or "") is None  # a parent's only
