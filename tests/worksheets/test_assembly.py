"""Assembling worksheets: chosen, adaptive and versions."""

from __future__ import annotations

from collections import Counter

import pytest

from curriculum.question import Question
from curriculum.syllabus import builtin_syllabus
from worksheets.adaptive import SkillStatus
from worksheets.assembly import AssemblyError, Recipient, SheetRequest, assemble

TODAY = "2026-11-21"
SYLLABUS = builtin_syllabus()


def _skills_of(sheet: object) -> Counter[str]:
    return Counter(q["skill_tag"] for q in getattr(sheet, "questions"))  # noqa: B009


def test_chosen_skills_share_the_questions() -> None:
    request = SheetRequest(
        "maths", 3, skills=("maths.c3.add_3digit_regroup", "maths.c3.mult_tables"), count=20
    )
    sheet = assemble(request, Recipient(child_id="c1"), SYLLABUS, TODAY)
    assert _skills_of(sheet) == {"maths.c3.add_3digit_regroup": 10, "maths.c3.mult_tables": 10}
    assert len({q["key"] for q in sheet.questions}) == 20


def test_a_sheet_never_repeats_a_question_even_across_skills_whose_keys_collide() -> None:
    # Sharing 15 among 3 (Class 2) and dividing 15 by 3 (Class 3) are the same question,
    # `div:15:3`; without the cross-skill check most of these sheets would ask it twice.
    skills = ("maths.c2.equal_sharing", "maths.c3.div_sharing")
    for seed in range(40):
        request = SheetRequest("maths", 3, skills=skills, count=20, seed=seed)
        keys = [
            q["key"] for q in assemble(request, Recipient(child_id="c"), SYLLABUS, TODAY).questions
        ]
        assert len(keys) == len(set(keys)) == 20, f"seed {seed} repeats a question"


def test_versions_differ_in_numbers_and_order_but_not_skills() -> None:
    request = SheetRequest(
        "maths",
        3,
        skills=("maths.c3.sub_3digit_regroup", "maths.c3.div_sharing"),
        count=12,
        mode="versions",
        seed=5,
    )
    a = assemble(request, Recipient(class_id="k"), SYLLABUS, TODAY, version_label="A")
    b = assemble(request, Recipient(class_id="k"), SYLLABUS, TODAY, version_label="B")
    assert _skills_of(a) == _skills_of(b)
    assert [q["key"] for q in a.questions] != [q["key"] for q in b.questions]
    assert {q["key"] for q in a.questions} != {q["key"] for q in b.questions}


def test_adaptive_favours_skills_being_learnt() -> None:
    statuses = {
        "maths.c3.mult_tables": SkillStatus("learning"),
        "maths.c3.add_3digit_regroup": SkillStatus("improving"),
        "maths.c3.place_value_3digit": SkillStatus("mastered", review_due="2027-01-01"),
    }
    request = SheetRequest("maths", 3, count=20, mode="adaptive")
    counts = _skills_of(
        assemble(request, Recipient(child_id="c1", statuses=statuses), SYLLABUS, TODAY)
    )
    assert counts["maths.c3.mult_tables"] >= max(
        n for tag, n in counts.items() if tag != "maths.c3.mult_tables"
    )
    assert counts["maths.c3.mult_tables"] > counts["maths.c3.add_3digit_regroup"] > 0
    assert "maths.c3.place_value_3digit" not in counts  # mastered and not yet due


def test_adaptive_brings_back_a_mastered_skill_when_review_is_due() -> None:
    statuses = {"maths.c3.place_value_3digit": SkillStatus("mastered", review_due="2026-11-01")}
    request = SheetRequest("maths", 3, count=20, mode="adaptive")
    counts = _skills_of(
        assemble(request, Recipient(child_id="c1", statuses=statuses), SYLLABUS, TODAY)
    )
    assert counts["maths.c3.place_value_3digit"] >= 1


def test_adaptive_introduces_new_skills_a_few_at_a_time() -> None:
    request = SheetRequest("maths", 3, count=20, mode="adaptive")
    counts = _skills_of(assemble(request, Recipient(child_id="c1"), SYLLABUS, TODAY))
    assert len(counts) == 2


@pytest.mark.parametrize("grade", [1, 2, 3, 4])
def test_adaptive_never_reaches_beyond_the_childs_grade(grade: int) -> None:
    statuses = {
        s.tag: SkillStatus("learning") for s in SYLLABUS.skills() if s.tag.startswith("maths.")
    }
    request = SheetRequest("maths", grade, count=30, mode="adaptive")
    counts = _skills_of(
        assemble(request, Recipient(child_id="c1", statuses=statuses), SYLLABUS, TODAY)
    )
    assert all(int(tag.split(".")[1][1:]) <= grade for tag in counts)


def test_adaptive_reaches_beyond_the_grade_only_when_asked() -> None:
    request = SheetRequest(
        "maths", 3, skills=("maths.c5.factors_multiples",), count=5, mode="adaptive"
    )
    assert set(_skills_of(assemble(request, Recipient(child_id="c1"), SYLLABUS, TODAY))) == {
        "maths.c5.factors_multiples"
    }


def test_a_child_never_gets_the_same_sheet_twice() -> None:
    request = SheetRequest("maths", 1, skills=("maths.c1.add_within_9",), count=6, seed=3)
    first = assemble(request, Recipient(child_id="c1"), SYLLABUS, TODAY)
    second = assemble(
        request,
        Recipient(child_id="c1", used_hashes=frozenset({first.verification_hash})),
        SYLLABUS,
        TODAY,
    )
    assert second.verification_hash != first.verification_hash


def test_the_snapshot_holds_everything_printed() -> None:
    request = SheetRequest(
        "maths", 3, skills=("maths.c3.mult_tables",), count=4, settings={"language": "hi"}
    )
    sheet = assemble(
        request, Recipient(child_id="c1", child_name="Asha", class_name="3A"), SYLLABUS, TODAY
    )
    assert sheet.settings["child_name"] == "Asha" and sheet.settings["date"] == "21 Nov 2026"
    assert sheet.settings["language"] == "hi" and sheet.generator_version and sheet.seed
    assert [Question.model_validate(q).answer for q in sheet.questions]


def test_chosen_mode_needs_skills() -> None:
    with pytest.raises(AssemblyError, match="choose"):
        assemble(SheetRequest("maths", 3), Recipient(child_id="c1"), SYLLABUS, TODAY)
