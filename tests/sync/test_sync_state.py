"""After a sync: derived state recomputed, server-owned rows kept, counts compared, full re-sync."""

from __future__ import annotations

from collections.abc import Callable

from curriculum.engine import generate
from curriculum.question import Question, worksheet_hash
from progress.grading import grade
from storage.database import Store
from tests.sync.devices import Device
from worksheets.model import Worksheet

MakeDevice = Callable[..., Device]
SKILL = "maths.c3.add_3digit_regroup"


def graded_sheet(store: Store, child_id: str, seed: int = 1, right: int = 6) -> Worksheet:
    questions = generate(SKILL, 6, seed)
    sheet = store.worksheets.add(
        Worksheet(
            child_id=child_id,
            code=f"T-{seed:04d}",
            title="Adding",
            subject="maths",
            grade=3,
            mode="chosen",
            seed=seed,
            generator_version="test",
            questions=[q.model_dump(mode="json") for q in questions],
            settings={"skills": {SKILL: 6}},
            verification_hash=worksheet_hash(questions),
        )
    )
    answers = [q.answer if i < right else "999999" for i, q in enumerate(questions)]
    store.progress.grade(
        sheet, child_id, grade([Question.model_validate(q) for q in sheet.questions], answers)
    )
    return sheet


def mastery(store: Store, child_id: str) -> list[tuple[object, ...]]:
    rows = store.query(
        "SELECT skill_tag, mastery_level, streak, attempts_count, correct_count "
        "FROM mastery_state WHERE student_id = ? ORDER BY skill_tag",
        (child_id,),
    )
    return [tuple(r) for r in rows]


def test_a_grade_made_elsewhere_updates_mastery_and_stars_here(
    make_device: MakeDevice, email: str
) -> None:
    laptop, school_pc = make_device(), make_device()
    laptop.sign_in(email, new=True)
    school_pc.sign_in(email)
    child = laptop.add_child("Asha")
    graded_sheet(laptop.db, child)
    laptop.sync()
    report = school_pc.sync()
    assert child in report.children
    assert mastery(school_pc.db, child) == mastery(laptop.db, child) != []
    assert (
        school_pc.db.progress.engagement(child).total_stars
        == laptop.db.progress.engagement(child).total_stars
        > 0
    )


def test_two_devices_grading_the_same_child_offline_converge(
    make_device: MakeDevice, email: str
) -> None:
    laptop, school_pc = make_device(), make_device()
    laptop.sign_in(email, new=True)
    school_pc.sign_in(email)
    child = laptop.add_child("Asha")
    laptop.sync()
    school_pc.sync()
    graded_sheet(laptop.db, child, seed=1, right=6)
    graded_sheet(school_pc.db, child, seed=2, right=2)
    for device in (laptop, school_pc, laptop):
        device.sync()
    assert mastery(laptop.db, child) == mastery(school_pc.db, child)
    assert mastery(laptop.db, child)[0][3] == 12  # every attempt counted once


def test_the_accounts_subscription_is_kept_as_a_read_only_copy(
    make_device: MakeDevice, email: str
) -> None:
    laptop = make_device()
    signed = laptop.sign_in(email, new=True)
    laptop.sync()
    [row] = laptop.db.query("SELECT user_id, tier FROM user_subscriptions")
    assert tuple(row) == (signed.user_id, "free")


def test_counts_match_after_a_normal_sync(make_device: MakeDevice, email: str) -> None:
    laptop = make_device()
    laptop.sign_in(email, new=True)
    laptop.add_child("Asha")
    report = laptop.sync()
    assert report.counts_compared and report.mismatched == []


def test_a_row_lost_on_the_device_shows_as_a_mismatch_and_a_full_resync_brings_it_back(
    make_device: MakeDevice, email: str
) -> None:
    laptop = make_device()
    laptop.sign_in(email, new=True)
    child = laptop.add_child("Asha")
    laptop.sync()
    with laptop.db.write():
        laptop.db.conn.execute("DELETE FROM children WHERE id = ?", (child,))
    report = laptop.sync()
    assert report.mismatched and report.mismatched[0].startswith("children")
    full = laptop.sync(full=True)
    assert full.mismatched == [] and laptop.db.children.get(child).name == "Asha"


def test_a_full_resync_sends_rows_the_server_lacks_and_keeps_queued_changes(
    make_device: MakeDevice, email: str
) -> None:
    laptop, school_pc = make_device(), make_device()
    laptop.sign_in(email, new=True)
    school_pc.sign_in(email)
    child = laptop.add_child("Asha")
    laptop.sync()
    with laptop.db.write():  # as if the server had lost it: the outbox forgot it was sent
        laptop.db.conn.execute(
            "INSERT INTO children (id, owner_id, hlc, created_at, updated_at, name, grade, board) "
            "SELECT '0190f5a0-0000-7000-8000-0000000000aa', owner_id, hlc, created_at, "
            "updated_at, 'Ravi', 2, 'CBSE' FROM children WHERE id = ?",
            (child,),
        )
    laptop.db.children.update(child, name="Asha Verma")  # queued, not yet sent
    report = laptop.sync(full=True)
    assert report.requeued == 1 and report.mismatched == []
    school_pc.sync()
    names = sorted(c.name for c in school_pc.db.children.all())
    assert names == ["Asha Verma", "Ravi"]
