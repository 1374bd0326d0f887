"""Assembling worksheets: chosen, adaptive and versions."""

from __future__ import annotations

import json
from collections import Counter
from dataclasses import replace

import pytest

from curriculum.question import Question
from curriculum.syllabus import builtin_syllabus
from worksheets.adaptive import SkillStatus
from worksheets.assembly import (
    MAX_RETRIES,
    AssemblyError,
    Recipient,
    SheetRequest,
    assemble,
    printed_date,
)

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


def test_when_every_retry_gives_a_sheet_the_child_had_it_says_to_choose_more_skills() -> None:
    request = SheetRequest("maths", 1, skills=("maths.c1.add_within_9",), count=6, seed=3)
    had: set[str] = set()
    for _ in range(MAX_RETRIES):
        recipient = Recipient(child_id="c1", used_hashes=frozenset(had))
        had.add(assemble(request, recipient, SYLLABUS, TODAY).verification_hash)
    recipient = Recipient(child_id="c1", used_hashes=frozenset(had))
    with pytest.raises(AssemblyError, match=r"^could not make a worksheet this child has not had"):
        assemble(request, recipient, SYLLABUS, TODAY)


def test_an_unknown_skill_is_named_in_the_refusal() -> None:
    request = SheetRequest("maths", 3, skills=("maths.c3.no_such_skill",), count=5)
    with pytest.raises(AssemblyError, match=r"^no skill 'maths.c3.no_such_skill' in the syllabus$"):
        assemble(request, Recipient(child_id="c1"), SYLLABUS, TODAY)


def test_chosen_mode_without_skills_says_to_choose_a_skill_or_chapter() -> None:
    with pytest.raises(AssemblyError, match=r"^choose at least one skill or chapter$"):
        assemble(SheetRequest("maths", 3), Recipient(child_id="c1"), SYLLABUS, TODAY)


def test_adaptive_for_a_grade_the_syllabus_lacks_says_so() -> None:
    request = SheetRequest("maths", 9, count=5, mode="adaptive")
    with pytest.raises(AssemblyError, match=r"^the syllabus has no maths skills for Class 9$"):
        assemble(request, Recipient(child_id="c1"), SYLLABUS, TODAY)


def _grade_2_skills() -> list[str]:
    return [
        skill.tag
        for _, entry in SYLLABUS.entries(subject="maths")
        if entry.grade == 2
        for chapter in entry.chapters
        for skill in chapter.skills
    ]


@pytest.mark.parametrize("level", ["learning", "improving"])
def test_adaptive_brings_back_an_earlier_grades_skill_still_being_learnt(level: str) -> None:
    earlier = _grade_2_skills()[0]
    recipient = Recipient(child_id="c1", statuses={earlier: SkillStatus(level)})  # type: ignore[arg-type]
    request = SheetRequest("maths", 3, count=20, mode="adaptive")
    assert earlier in _skills_of(assemble(request, recipient, SYLLABUS, TODAY))


def test_adaptive_leaves_out_earlier_grades_skills_mastered_or_never_tried() -> None:
    earlier = _grade_2_skills()
    statuses = {tag: SkillStatus("mastered") for tag in earlier[: len(earlier) // 2]}
    request = SheetRequest("maths", 3, count=40, mode="adaptive")
    for seed in range(5):
        sheet = assemble(
            replace(request, seed=seed),
            Recipient(child_id="c1", statuses=statuses),
            SYLLABUS,
            TODAY,
        )
        assert all(tag.startswith("maths.c3.") for tag in _skills_of(sheet)), seed


def test_a_requested_difficulty_and_question_type_are_kept() -> None:
    request = SheetRequest("maths", 3, skills=("maths.c3.mult_tables",), count=6, difficulty=1)
    sheet = assemble(request, Recipient(child_id="c1"), SYLLABUS, TODAY)
    assert {q["difficulty"] for q in sheet.questions} == {1}
    request = SheetRequest(
        "maths", 3, skills=("maths.c3.mult_tables",), count=6, qtypes=("multiple_choice",)
    )
    sheet = assemble(request, Recipient(child_id="c1"), SYLLABUS, TODAY)
    assert {q["qtype"] for q in sheet.questions} == {"multiple_choice"}


def test_the_same_request_and_version_make_the_same_sheet() -> None:
    request = SheetRequest(
        "maths", 3, skills=("maths.c3.add_3digit_regroup", "maths.c3.mult_tables"), count=10,
        mode="versions",
    )  # fmt: skip
    made = [assemble(request, Recipient(child_id="c1"), SYLLABUS, TODAY, "B") for _ in range(2)]
    assert made[0].questions == made[1].questions


def test_a_sheet_from_one_chapter_is_titled_with_the_chapter() -> None:
    request = SheetRequest("maths", 3, skills=("maths.c3.add_3digit_regroup",), count=5)
    sheet = assemble(request, Recipient(child_id="c1"), SYLLABUS, TODAY)
    chapter = SYLLABUS.chapter_of("maths.c3.add_3digit_regroup").title
    assert sheet.title == sheet.settings["title"] == f"Maths — {chapter}"


def test_a_sheet_from_several_chapters_is_titled_as_class_practice() -> None:
    request = SheetRequest(
        "maths", 3, skills=("maths.c3.add_3digit_regroup", "maths.c3.mult_tables"), count=5
    )
    sheet = assemble(request, Recipient(child_id="c1"), SYLLABUS, TODAY)
    assert sheet.title == sheet.settings["title"] == "Maths — Class 3 practice"
    evs = SheetRequest("evs", 3, skills=("evs.c3.family_and_friends",), count=3)
    assert assemble(evs, Recipient(child_id="c1"), SYLLABUS, TODAY).title.startswith("EVS — ")


def test_the_concept_printed_is_the_one_of_the_skill_with_most_questions() -> None:
    # add_3digit_regroup gets 3 of the 5 questions, and sorts first by name.
    request = SheetRequest(
        "maths", 3, skills=("maths.c3.add_3digit_regroup", "maths.c3.mult_tables"), count=5
    )
    sheet = assemble(request, Recipient(child_id="c1"), SYLLABUS, TODAY)
    skill = SYLLABUS.skill("maths.c3.add_3digit_regroup")
    assert sheet.settings["concept"] == {"en": skill.concept, "hi": skill.concept_hi}


def test_the_snapshot_of_questions_is_plain_json() -> None:
    request = SheetRequest("maths", 3, skills=("maths.c3.mult_tables",), count=4)
    sheet = assemble(request, Recipient(child_id="c1"), SYLLABUS, TODAY)
    assert json.loads(json.dumps(sheet.questions)) == sheet.questions


def test_a_date_with_a_time_prints_as_its_day() -> None:
    assert printed_date("2026-11-21T08:30:00+05:30") == "21 Nov 2026"
