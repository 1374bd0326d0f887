"""Who needs practice: review dates, stuck skills, and time since the last practice."""

from __future__ import annotations

from datetime import date

from progress.attempts import RecordedAttempt
from progress.attention import attention, due_for_review, stuck_skills
from progress.mastery import SkillMastery, replay

TODAY = date(2026, 12, 3)
SKILL = "maths.c3.add_3digit_regroup"


def answer(n: int, day: str, result: str, skill: str = SKILL) -> RecordedAttempt:
    return RecordedAttempt(
        f"a{n:04d}", "child", f"w{n}", f"q{n}", skill, None, result,  # type: ignore[arg-type]
        None, f"{day}T05:00:00.000Z", "learning", "learning", None, "auto",
    )  # fmt: skip


def test_three_wrong_answers_running_make_a_skill_stuck() -> None:
    log = [answer(n, "2026-12-01", "incorrect") for n in range(3)]
    assert stuck_skills(replay(log), log, TODAY) == (SKILL,)


def test_two_wrong_answers_running_are_not_yet_stuck() -> None:
    log = [answer(0, "2026-12-01", "correct"), *(answer(n, "2026-12-01", "incorrect")
           for n in (1, 2))]  # fmt: skip
    assert stuck_skills(replay(log), log, TODAY) == ()


def test_a_skill_still_learning_three_weeks_after_its_first_answer_is_stuck() -> None:
    log = [answer(0, "2026-11-10", "correct"), answer(1, "2026-12-01", "incorrect")]
    assert replay(log)[SKILL].level == "learning"
    assert stuck_skills(replay(log), log, TODAY) == (SKILL,)


def test_a_mastered_skill_is_never_stuck() -> None:
    mastery = {SKILL: SkillMastery(SKILL, level="mastered")}
    log = [answer(n, "2026-12-01", "incorrect") for n in range(3)]
    assert stuck_skills(mastery, log, TODAY) == ()


def test_a_mastered_skill_is_due_on_its_review_date_not_before() -> None:
    mastery = {SKILL: SkillMastery(SKILL, level="mastered", review_due="2026-12-03")}
    assert due_for_review(mastery, TODAY) == (SKILL,)
    assert due_for_review(mastery, date(2026, 12, 2)) == ()


def test_a_week_without_practice_needs_attention_and_six_days_do_not() -> None:
    log = [answer(0, "2026-11-26", "correct")]
    assert attention(replay(log), log, TODAY).needed(TODAY)  # 7 days
    assert not attention(replay(log), log, TODAY).needed(date(2026, 12, 2))  # 6 days


def test_a_child_never_graded_needs_a_first_worksheet() -> None:
    found = attention({}, [], TODAY)
    assert found.last_practised is None and found.needed(TODAY)
