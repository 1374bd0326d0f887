"""The seed's mastery rules, and the policy that makes them exact."""

from __future__ import annotations

from typing import get_args

from progress.attempts import MASTERY_LEVELS, MasteryLevel
from progress.mastery import POLICY, SkillMastery, apply_attempt, effective, knowledge, replay
from tests.progress.factories import answers, attempt


def mastery_after(*days: str) -> SkillMastery:
    """Replay one skill: each argument is one day's answers, e.g. "ccc", "xc"."""
    log = [a for day, results in enumerate(days) for a in answers(results, day=day)]
    return replay(log)["maths.c3.add"]


def test_levels_are_only_the_four_of_the_enum() -> None:
    assert MASTERY_LEVELS == ("unknown", "learning", "improving", "mastered")
    assert set(get_args(MasteryLevel)) == set(MASTERY_LEVELS)
    seen = set()
    state = SkillMastery("s")
    for index, result in enumerate("ccccccxcccxxcccccccccxpc" * 3):
        name = {"c": "correct", "x": "incorrect", "p": "partial"}[result]
        state = apply_attempt(state, attempt(name, day=index // 4, minute=index))
        seen.add(state.level)
    assert seen <= set(MASTERY_LEVELS)


def test_a_skill_never_tried_is_unknown() -> None:
    assert SkillMastery("s").level == "unknown"
    assert replay([]) == {}


def test_first_attempt_makes_a_skill_learning_even_when_wrong() -> None:
    assert mastery_after("x").level == "learning"
    assert mastery_after("c").level == "learning"


def test_streak_resets_to_zero_on_incorrect_answer() -> None:
    state = mastery_after("cccc")
    assert state.streak == 4
    wrong = apply_attempt(state, attempt("incorrect", day=0, minute=30))
    assert wrong.streak == 0  # not 3: reset, never decremented


def test_streak_counts_correct_answers_in_a_row() -> None:
    assert mastery_after("cxcc").streak == 2


def test_streak_of_three_makes_a_skill_improving() -> None:
    assert mastery_after("cc").level == "learning"
    assert mastery_after("ccc").level == "improving"


def test_streak_of_five_on_two_days_makes_a_skill_mastered() -> None:
    assert mastery_after("ccc", "cc").level == "mastered"


def test_one_sitting_is_not_enough_for_mastered() -> None:
    assert mastery_after("cccccccccc").level == "improving"


def test_mastered_needs_recent_accuracy_too() -> None:
    # five right in a row, but 5 of the last 10 wrong: 50% < 80%
    assert mastery_after("xxxxx", "ccccc").level == "improving"
    assert mastery_after("xxxxx", "ccccc", "ccc").level == "mastered"


def test_a_mastered_skill_that_is_missed_drops_one_level() -> None:
    state = mastery_after("ccc", "cc", "x")
    assert (state.level, state.streak) == ("improving", 0)


def test_an_improving_skill_that_is_missed_drops_to_learning() -> None:
    assert mastery_after("cccx").level == "learning"


def test_last_error_type_is_kept() -> None:
    state = apply_attempt(SkillMastery("s"), attempt("incorrect", error_type="forgot_to_carry"))
    state = apply_attempt(state, attempt("correct", minute=1))
    assert state.last_error_type == "forgot_to_carry"


def test_partly_right_keeps_the_streak() -> None:
    state = mastery_after("ccp")
    assert state.streak == 2
    assert state.attempts == 3 and state.correct == 2


def test_mastered_skill_gets_a_review_date_that_spaces_out() -> None:
    state = mastery_after("ccc", "cc")  # mastered on day 1 (3 Nov)
    assert state.review_due == "2026-11-06"
    early = apply_attempt(state, attempt(day=2, minute=1))
    assert early.review_due == "2026-11-06"  # answered before it was due: no change
    on_time = apply_attempt(early, attempt(day=4, minute=1))
    assert on_time.review_due == "2026-11-13"  # then 7 days
    assert apply_attempt(on_time, attempt(day=11, minute=1)).review_due == "2026-11-27"


def test_missing_a_mastered_skill_clears_its_review_date() -> None:
    assert mastery_after("ccc", "cc", "x").review_due is None


def test_knowledge_tracing_rises_when_right_and_falls_when_wrong() -> None:
    start = POLICY.p_init
    right = knowledge(None, "correct")
    assert right > start
    assert knowledge(right, "incorrect") < right
    assert 0 < knowledge(0.99, "incorrect") < 1


def test_knowledge_tracing_follows_the_published_update() -> None:
    p, s, g, t = 0.4, POLICY.p_slip, POLICY.p_guess, POLICY.p_transit
    posterior = p * (1 - s) / (p * (1 - s) + (1 - p) * g)
    assert knowledge(p, "correct") == posterior + (1 - posterior) * t


def test_a_regraded_question_counts_once_with_its_latest_mark() -> None:
    first = attempt("incorrect", question="q1", minute=0)
    corrected = attempt("correct", question="q1", minute=5)
    (counted,) = effective([corrected, first])
    assert (counted.id, counted.result) == (corrected.id, "correct")
    assert counted.answered_at == first.answered_at  # where the child answered it
    assert replay([first, corrected])["maths.c3.add"].attempts == 1


def test_answers_without_a_worksheet_all_count() -> None:
    log = [attempt(worksheet=None, question="q1", minute=m) for m in range(3)]
    assert len(effective(log)) == 3
