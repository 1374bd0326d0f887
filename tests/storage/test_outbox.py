"""Every repository write leaves exactly one matching outbox mutation, in the same transaction."""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest

from progress.attempts import AttemptEvent
from storage.database import Store
from storage.errors import InvalidInput, NotFoundError
from storage.records import notice_sha256
from storage.repositories import DeviceSettings
from storage.tables import ATTEMPT_EVENTS, CHILDREN, WORKSHEETS
from storage.writer import to_json, utc_now
from tests.conftest import SCHOOL, outbox
from tests.storage.test_clock import FakeWall

NOW = "2026-11-21T10:00:00.000Z"


def _worksheet(child_id: str) -> dict[str, Any]:
    return {
        "child_id": child_id,
        "code": "AB12-CD",
        "title": "Addition with carrying",
        "subject": "maths",
        "grade": 3,
        "mode": "chosen",
        "seed": 7,
        "generator_version": "1",
        "questions": [{"prompt": "23 + 19 = ?", "answer": "42"}],
        "verification_hash": "0" * 64,
    }


def _attempt(child_id: str, question: str = "q1") -> AttemptEvent:
    return AttemptEvent(
        student_id=child_id,
        question_id=question,
        skill_tag="maths.c3.add_3digit_regroup",
        given_answer="42",
        result="correct",
        answered_at=NOW,
        mastery_before="unknown",
        mastery_after="learning",
    )


def _consent(child_id: str) -> dict[str, Any]:
    return {
        "child_id": child_id,
        "guardian_name": "Sunita Rao",
        "relation": "mother",
        "notice_version": "2026-11",
        "notice_sha256": notice_sha256("notice text"),
        "consented_at": NOW,
        "app_version": "0.1.0",
    }


# Each write: (description, function(store, child_id) -> row id, table, op)
WRITES: list[tuple[str, Callable[[Store, str], str], str, str]] = [
    (
        "add child",
        lambda s, c: s.children.add({"name": "Ravi", "grade": 2}, SCHOOL).id or "",
        "children",
        "insert",
    ),
    ("edit child", lambda s, c: s.children.update(c, grade=4).id or "", "children", "update"),
    ("archive child", lambda s, c: s.children.archive(c).id or "", "children", "update"),
    (
        "add class",
        lambda s, c: s.classes.add({"name": "3A", "grade": 3}).id or "",
        "teacher_classes",
        "insert",
    ),
    (
        "save profile",
        lambda s, c: s.profiles.save({"role": "teacher", "active_role": "teacher"}).id or "",
        "user_profiles",
        "insert",
    ),
    (
        "set topics",
        lambda s, c: s.topic_preferences.set(c, "maths", ["ch1"]).id or "",
        "topic_preferences",
        "insert",
    ),
    (
        "record consent",
        lambda s, c: s.consents.record(_consent(c)).id or "",
        "guardian_consents",
        "insert",
    ),
    (
        "add worksheet",
        lambda s, c: s.worksheets.add(_worksheet(c)).id or "",
        "worksheets",
        "insert",
    ),
    (
        "record attempt",
        lambda s, c: s.attempts.record_many([_attempt(c)])[0],
        "attempt_events",
        "insert",
    ),
    (
        "issue certificate",
        lambda s, c: (
            s.certificates.issue(
                {
                    "child_id": c,
                    "chapter_key": "maths.c3.ch1",
                    "chapter_title": "What's in a Name?",
                    "certificate_number": "PC-2026-0001",
                    "verification_code": "K7Q2M9XP",
                    "issued_at": NOW,
                }
            ).id
            or ""
        ),
        "certificates",
        "insert",
    ),
]


@pytest.fixture
def child_id(store: Store) -> str:
    child = store.children.add({"name": "Asha", "grade": 3}, SCHOOL)
    assert child.id
    store.conn.execute("DELETE FROM outbox")  # start each test from an empty queue
    return child.id


@pytest.mark.parametrize(
    ("write", "table", "op"), [(w[1], w[2], w[3]) for w in WRITES], ids=[w[0] for w in WRITES]
)
def test_each_write_leaves_exactly_one_matching_mutation(
    store: Store, child_id: str, write: Callable[[Store, str], str], table: str, op: str
) -> None:
    row_id = write(store, child_id)
    *first, mutation = outbox(store)
    # A new child's consent record is written before the child, in the same transaction.
    assert [m["table_name"] for m in first] == (
        ["guardian_consents"] if table == "children" and op == "insert" else []
    )
    assert (mutation["table_name"], mutation["row_id"], mutation["op"]) == (table, row_id, op)
    stored_hlc = store.query(f"SELECT hlc FROM {table} WHERE id = ?", (row_id,))[0]["hlc"]
    assert mutation["hlc"] == stored_hlc


def test_insert_of_editable_row_carries_its_fields(store: Store) -> None:
    child = store.children.add({"name": "  Asha   Verma ", "grade": "III", "board": "cbse"}, SCHOOL)
    (consent, mutation) = outbox(store)
    assert (consent["table_name"], mutation["table_name"]) == ("guardian_consents", "children")
    fields = json.loads(str(mutation["fields"]))
    assert fields["name"] == "Asha Verma" and fields["grade"] == 3 and fields["board"] == "CBSE"
    assert child.name == "Asha Verma"


def test_update_carries_only_changed_fields(store: Store, child_id: str) -> None:
    store.children.update(child_id, grade=4, name="Asha")
    (mutation,) = outbox(store)
    assert json.loads(str(mutation["fields"])) == {"grade": 4}


def test_update_that_changes_nothing_writes_nothing(store: Store, child_id: str) -> None:
    store.children.update(child_id, grade=3)
    assert outbox(store) == []


def test_append_only_insert_points_at_the_immutable_row(store: Store, child_id: str) -> None:
    store.attempts.record_many([_attempt(child_id)])
    (mutation,) = outbox(store)
    assert mutation["fields"] is None


def test_delete_is_a_tombstone_with_its_mutation(store: Store, child_id: str) -> None:
    store.children.delete(child_id)
    row = store.query("SELECT deleted_at FROM children WHERE id = ?", (child_id,))[0]
    assert row["deleted_at"] is not None
    (mutation,) = outbox(store)
    assert mutation["op"] == "delete" and json.loads(str(mutation["fields"]))["deleted_at"]
    assert store.children.all() == []


def test_erasing_a_child_tombstones_their_records_each_with_a_mutation(
    store: Store, child_id: str
) -> None:
    school_class = store.classes.add({"name": "3A", "grade": 3})
    assert school_class.id
    store.classes.add_member(school_class.id, child_id)
    store.attempts.record_many([_attempt(child_id, "q1"), _attempt(child_id, "q2")])
    store.conn.execute("DELETE FROM outbox")
    store.children.delete(child_id)
    deletes = [(m["table_name"], m["op"]) for m in outbox(store)]
    assert sorted(deletes) == sorted(
        [
            ("class_members", "delete"),
            ("attempt_events", "delete"),
            ("attempt_events", "delete"),
            ("children", "delete"),
        ]
    )
    assert store.attempts.for_child(child_id) == []


def test_batch_writes_one_mutation_per_row(store: Store, child_id: str) -> None:
    ids = store.attempts.record_many([_attempt(child_id, f"q{i}") for i in range(20)])
    assert sorted(m["row_id"] for m in outbox(store)) == sorted(ids)


def test_failure_inside_a_transaction_leaves_neither_row_nor_mutation(store: Store) -> None:
    with pytest.raises(RuntimeError), store.write():
        store.children.add({"name": "Ravi", "grade": 2}, SCHOOL)
        raise RuntimeError("power cut")
    assert store.children.all() == [] and outbox(store) == []


def test_failing_outbox_insert_rolls_back_the_row(store: Store) -> None:
    store.conn.execute(
        "CREATE TEMP TRIGGER outbox_fails BEFORE INSERT ON outbox "
        "BEGIN SELECT RAISE(ABORT, 'disk full'); END"
    )
    with pytest.raises(Exception, match="disk full"):
        store.children.add({"name": "Ravi", "grade": 2}, SCHOOL)
    store.conn.execute("DROP TRIGGER temp.outbox_fails")
    assert store.children.all() == [] and outbox(store) == []


def test_batch_failing_half_way_writes_nothing(store: Store, child_id: str) -> None:
    good = _attempt(child_id, "q1").model_copy(
        update={"id": "0190aaaa-0000-7000-8000-000000000001"}
    )
    duplicate = good.model_copy(update={"question_id": "q2"})
    with pytest.raises(Exception, match="UNIQUE"):
        store.attempts.record_many([good, duplicate])
    assert store.attempts.for_child(child_id) == [] and outbox(store) == []


@pytest.mark.parametrize(
    ("data", "field"),
    [
        ({"name": "", "grade": 3}, "name"),
        ({"name": "   ", "grade": 3}, "name"),
        ({"name": "Asha", "grade": 0}, "grade"),
        ({"name": "Asha", "grade": 13}, "grade"),
        ({"name": "Asha", "grade": "three"}, "grade"),
        ({"name": "Asha", "grade": 3, "board": "Hogwarts"}, "board"),
        ({"name": "Asha", "grade": 3, "colour": "blue"}, "colour"),
    ],
)
def test_invalid_child_raises_named_error_and_writes_nothing(
    store: Store, data: dict[str, Any], field: str
) -> None:
    with pytest.raises(InvalidInput) as raised:
        store.children.add(data, SCHOOL)
    assert raised.value.field == field
    assert store.children.all() == [] and outbox(store) == []


def test_one_invalid_child_in_a_batch_writes_none(store: Store) -> None:
    with pytest.raises(InvalidInput):
        store.children.add_many(
            [{"name": "Asha", "grade": 3}, {"name": "Ravi", "grade": 42}], SCHOOL
        )
    assert store.children.all() == [] and outbox(store) == []


def test_invalid_edit_writes_nothing(store: Store, child_id: str) -> None:
    with pytest.raises(InvalidInput):
        store.children.update(child_id, grade=99)
    assert store.children.get(child_id).grade == 3 and outbox(store) == []


def test_telemetry_is_not_kept_unless_the_user_opted_in(store: Store) -> None:
    event = {"event": "worksheet_created", "version": "0.1.0", "occurred_at": NOW}
    assert store.telemetry.record(event) is False
    assert store.query("SELECT count(*) AS n FROM telemetry_events")[0]["n"] == 0
    store.settings.set(DeviceSettings.TELEMETRY, True)
    assert store.telemetry.record(event) is True
    assert [m["table_name"] for m in outbox(store)] == ["telemetry_events"]


def test_class_membership_is_one_row_per_child_and_class_and_rejoining_works(
    store: Store, child_id: str
) -> None:
    school_class = store.classes.add({"name": "3A", "grade": 3})
    assert school_class.id
    store.classes.add_member(school_class.id, child_id)
    store.classes.add_member(school_class.id, child_id)
    store.classes.remove_member(school_class.id, child_id)
    assert store.classes.members(school_class.id) == []
    store.classes.add_member(school_class.id, child_id)
    assert [c.id for c in store.classes.members(school_class.id)] == [child_id]
    assert store.query("SELECT count(*) AS n FROM class_members")[0]["n"] == 1
    assert [m["op"] for m in outbox(store) if m["table_name"] == "class_members"] == [
        "insert",
        "update",
        "update",
    ]


def test_class_names_are_unique(store: Store) -> None:
    store.classes.add({"name": "3A", "grade": 3})
    with pytest.raises(InvalidInput, match="already exists"):
        store.classes.add({"name": "3a", "grade": 3})


@pytest.mark.parametrize(
    ("written", "grade"), [("3", 3), ("Class 3", 3), ("III", 3), ("Std. 4", 4), ("grade xii", 12)]
)
def test_grades_are_read_the_way_schools_write_them(store: Store, written: str, grade: int) -> None:
    assert store.children.add({"name": "Asha", "grade": written}, SCHOOL).grade == grade


# -- the Writer itself, as the repositories and a full re-sync use it -------------------------


def _child_values(name: str = "Ravi") -> list[Any]:
    return [name, 3, "CBSE", None, None, None, None]  # in CHILDREN.columns order


def test_the_writer_makes_an_id_for_a_row_given_none(store: Store) -> None:
    with store.write() as writer:
        (row_id,) = writer.insert(CHILDREN, [_child_values()])
    assert store.query("SELECT name FROM children WHERE id = ?", (row_id,))[0]["name"] == "Ravi"
    assert [m["row_id"] for m in outbox(store)] == [row_id]


def test_a_row_with_the_wrong_number_of_values_is_refused(store: Store) -> None:
    with pytest.raises(ValueError, match="shorter"), store.write() as writer:
        writer.insert(CHILDREN, [["Ravi", 3]])
    assert outbox(store) == []


def test_an_edit_of_a_field_the_table_lacks_is_refused_by_name(store: Store, child_id: str) -> None:
    refused = r"^cannot update children fields \['shoe_size'\]$"
    with pytest.raises(ValueError, match=refused), store.write() as writer:
        writer.update(CHILDREN, child_id, {"name": "Asha", "shoe_size": 3})
    nothing = r"^cannot update children fields none$"
    with pytest.raises(ValueError, match=nothing), store.write() as writer:
        writer.update(CHILDREN, child_id, {})
    assert outbox(store) == []


def test_an_append_only_row_is_never_edited(store: Store, child_id: str) -> None:
    (attempt_id,) = store.attempts.record_many([_attempt(child_id)])
    message = r"^attempt_events is append-only: rows are never updated$"
    with pytest.raises(ValueError, match=message), store.write() as writer:
        writer.update(ATTEMPT_EVENTS, attempt_id, {"result": "incorrect"})


def test_editing_or_erasing_a_row_that_is_not_there_names_it(store: Store) -> None:
    with pytest.raises(NotFoundError, match=r"^no children row nobody$"), store.write() as writer:
        writer.update(CHILDREN, "nobody", {"name": "Asha"})
    with pytest.raises(NotFoundError, match=r"^no children row nobody$"), store.write() as writer:
        writer.delete(CHILDREN, "nobody")


def test_an_edited_json_field_is_kept_as_json(store: Store, child_id: str) -> None:
    sheet = store.worksheets.add(_worksheet(child_id))
    with store.write() as writer:
        writer.update(WORKSHEETS, sheet.id or "", {"settings": {"date": "2 Nov 2026"}})
    stored = store.query("SELECT settings FROM worksheets WHERE id = ?", (sheet.id,))[0]
    assert json.loads(stored["settings"]) == {"date": "2 Nov 2026"}


def test_times_are_utc_to_the_millisecond_with_a_z() -> None:
    text = utc_now()
    assert re.fullmatch(r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z", text)
    written = datetime.fromisoformat(text.replace("Z", "+00:00"))
    assert abs(written - datetime.now(UTC)) < timedelta(minutes=1)


def test_an_edit_alone_saves_the_clock_so_a_restart_never_stamps_earlier(db_path: Path) -> None:
    wall = FakeWall(1_800_000_000_000)
    with Store.open(db_path, wall=wall) as store:
        child = store.children.add({"name": "Asha", "grade": 3}, SCHOOL)
        wall.ms += 60_000
        edited = store.children.update(child.id or "", name="Asha Verma")
        stamp = store.query("SELECT hlc FROM children WHERE id = ?", (edited.id,))[0]["hlc"]
    wall.ms -= 3_600_000  # the PC's clock is set back an hour before the next start
    with Store.open(db_path, wall=wall) as store:
        assert store.clock.now() > stamp


def test_a_requeued_row_is_queued_again_as_an_insert_with_its_fields(
    store: Store, child_id: str
) -> None:
    with store.write() as writer:
        stamp = writer.requeue(CHILDREN, child_id)
    (mutation,) = outbox(store)
    assert (mutation["op"], mutation["row_id"], mutation["hlc"]) == ("insert", child_id, stamp)
    assert json.loads(str(mutation["fields"]))["name"] == "Asha"
    assert store.query("SELECT hlc FROM children WHERE id = ?", (child_id,))[0]["hlc"] == stamp


def test_a_requeued_tombstone_is_queued_as_its_insert_then_its_delete(
    store: Store, child_id: str
) -> None:
    store.children.delete(child_id)
    store.conn.execute("DELETE FROM outbox")
    with store.write() as writer:
        stamp = writer.requeue(CHILDREN, child_id)
    insert, delete = outbox(store)
    row = store.query("SELECT hlc, deleted_at FROM children WHERE id = ?", (child_id,))[0]
    assert (insert["op"], delete["op"]) == ("insert", "delete")
    assert insert["hlc"] < delete["hlc"] == stamp == row["hlc"]
    assert json.loads(str(delete["fields"])) == {"deleted_at": row["deleted_at"]}


def test_a_requeued_worksheet_carries_its_questions_as_json_values(
    store: Store, child_id: str
) -> None:
    sheet = store.worksheets.add(_worksheet(child_id))
    store.conn.execute("DELETE FROM outbox")
    with store.write() as writer:
        writer.requeue(WORKSHEETS, sheet.id or "")
    (mutation,) = outbox(store)
    fields = json.loads(str(mutation["fields"]))
    assert fields["questions"] == [{"prompt": "23 + 19 = ?", "answer": "42"}]
    assert fields["code"] == "AB12-CD"


def test_a_requeued_answer_names_the_row_without_copying_it(store: Store, child_id: str) -> None:
    (attempt_id,) = store.attempts.record_many([_attempt(child_id)])
    store.conn.execute("DELETE FROM outbox")
    with store.write() as writer:
        writer.requeue(ATTEMPT_EVENTS, attempt_id)
    (mutation,) = outbox(store)
    assert (mutation["op"], mutation["fields"]) == ("insert", None)


def test_requeueing_a_row_that_is_not_there_names_it(store: Store) -> None:
    with pytest.raises(NotFoundError, match=r"^no children row nobody$"), store.write() as writer:
        writer.requeue(CHILDREN, "nobody")


def test_a_grading_draft_keeps_its_entries_as_compact_json() -> None:
    assert to_json({"typed": "४२", "result": None}) == '{"typed":"४२","result":null}'
