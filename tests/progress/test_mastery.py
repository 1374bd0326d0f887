"""The seed's mastery rules, and the policy that makes them exact."""

from __future__ import annotations

from datetime import date, timedelta
from typing import get_args

import pytest

from progress.attempts import MASTERY_LEVELS, MasteryLevel
from progress.mastery import (
    POLICY,
    MasteryPolicy,
    SkillMastery,
    apply_attempt,
    effective,
    knowledge,
    replay,
)
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


def test_seven_right_of_the_last_ten_over_two_days_is_improving_not_mastered() -> None:
    # a streak of 7 across two days, but 7 of the last 10 right is below 80%
    state = mastery_after("xxxxxcc", "ccccc")
    assert (state.streak, state.streak_days, state.accuracy) == (7, 2, 0.7)
    assert state.level == "improving"


def test_eight_right_of_the_last_ten_over_two_days_is_mastered() -> None:
    state = mastery_after("xxccc", "ccccc")
    assert (state.streak, state.accuracy) == (8, 0.8)
    assert state.level == "mastered"


def test_partly_right_answers_count_half_towards_mastery() -> None:
    # 5 halves and 5 rights = 75% of the last 10: a streak of 5 over two days is not enough
    state = mastery_after("pppppc", "cccc")
    assert (state.streak, state.streak_days, state.accuracy) == (5, 2, 0.75)
    assert state.level == "improving"


def test_partly_right_answers_are_not_counted_as_wrong_towards_mastery() -> None:
    # 3 halves and 7 rights = 85%: mastered (as wrong answers they would make 70%)
    state = mastery_after("pppcc", "ccccc")
    assert state.accuracy == pytest.approx(0.85)
    assert state.level == "mastered"


def test_mastery_looks_only_at_the_last_ten_answers() -> None:
    # 5 old wrong answers then 10 right: the old ones have left the window
    state = mastery_after("xxxxxccccc", "ccccc")
    assert state.recent == (1.0,) * 10
    assert state.level == "mastered"


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


def test_knowledge_tracing_after_a_right_answer_matches_a_hand_worked_value() -> None:
    # p=0.4, slip 0.1, guess 0.2: 0.36 / (0.36 + 0.12) = 0.75; learning: 0.75 + 0.25 * 0.05
    assert knowledge(0.4, "correct") == pytest.approx(0.7625, abs=1e-9)


def test_knowledge_tracing_after_a_wrong_answer_matches_a_hand_worked_value() -> None:
    # 0.04 / (0.04 + 0.48) = 1/13; learning: 1/13 + (12/13) * 0.05 = 1.6/13
    assert knowledge(0.4, "incorrect") == pytest.approx(1.6 / 13, abs=1e-9)


def test_knowledge_tracing_after_a_partly_right_answer_is_halfway_then_learns() -> None:
    # (0.75 + 1/13) / 2 = 0.41346...; learning adds 5% of the rest
    halfway = (0.75 + 1 / 13) / 2
    assert knowledge(0.4, "partial") == pytest.approx(halfway + (1 - halfway) * 0.05, abs=1e-9)


def test_knowledge_tracing_starts_from_the_prior_for_a_new_skill() -> None:
    # prior 0.2: 0.18 / (0.18 + 0.16) = 9/17; learning: 9/17 + (8/17) * 0.05
    assert knowledge(None, "correct") == pytest.approx(9 / 17 + (8 / 17) * 0.05, abs=1e-9)


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


def _day(n: int) -> str:
    return (date(2026, 11, 2) + timedelta(days=n)).isoformat()  # factories.START is day 0


def test_reviews_space_out_to_sixty_days_and_stay_there() -> None:
    state = mastery_after("ccc", "cc")  # mastered on day 1: due on day 4
    gaps = []
    day = 4
    for _ in range(6):
        assert state.review_due == _day(day)
        state = apply_attempt(state, attempt(day=day, minute=1))
        gaps.append(
            (date.fromisoformat(state.review_due or "") - date.fromisoformat(_day(day))).days
        )
        day += gaps[-1]
    assert gaps == [7, 14, 30, 60, 60, 60]


def test_a_skill_that_drops_from_mastered_starts_its_reviews_again() -> None:
    passed = apply_attempt(mastery_after("ccc", "cc"), attempt(day=4, minute=1))
    assert passed.reviews == 1
    dropped = apply_attempt(passed, attempt("incorrect", day=5, minute=1))
    assert (dropped.level, dropped.reviews) == ("improving", 0)


def test_a_wrong_answer_leaves_a_streak_that_spans_no_days() -> None:
    state = mastery_after("ccc", "cx")
    assert (state.streak, state.streak_days) == (0, 0)


def test_the_knowledge_estimate_follows_the_answers_replayed() -> None:
    # prior 0.2 -> right: 9/17 + (8/17) * 0.05 = 9.4/17.
    # Then wrong: (0.94/17) / (0.94/17 + (7.6/17) * 0.8) = 0.94/7.02, and learning adds 5% of the rest.
    wrong = 0.94 / 7.02
    state = mastery_after("cx")
    assert state.p_known == pytest.approx(wrong + (1 - wrong) * 0.05, abs=1e-9)
    assert mastery_after("c").p_known == pytest.approx(9.4 / 17, abs=1e-9)


def test_replay_follows_the_policy_it_is_given() -> None:
    # prior 0.5 -> right: 0.45 / (0.45 + 0.1) = 9/11; learning: 9/11 + (2/11) * 0.05 = 9.1/11
    policy = MasteryPolicy(improving_streak=2, p_init=0.5)
    state = replay(answers("cc"), policy)["maths.c3.add"]
    assert state.level == "improving"
    assert replay(answers("c"), policy)["maths.c3.add"].p_known == pytest.approx(9.1 / 11)


def test_each_skill_replayed_is_named_by_its_own_tag() -> None:
    log = answers("c", skill="maths.c3.add") + answers("x", skill="maths.c3.sub", start=5)
    assert {tag: m.skill_tag for tag, m in replay(log).items()} == {
        "maths.c3.add": "maths.c3.add",
        "maths.c3.sub": "maths.c3.sub",
    }


def test_a_regraded_wrong_answer_keeps_its_error_type() -> None:
    first = attempt("correct", question="q1", minute=0)
    corrected = attempt("incorrect", question="q1", minute=5, error_type="regrouping")
    assert replay([first, corrected])["maths.c3.add"].last_error_type == "regrouping"


def test_answers_given_in_the_same_moment_replay_in_id_order_whatever_order_they_arrive() -> None:
    right = attempt("correct", question="q1", minute=3)
    wrong = attempt("incorrect", question="q2", minute=3)
    assert right.id is not None and wrong.id is not None and right.id < wrong.id
    both_ways = [replay([right, wrong]), replay([wrong, right])]
    assert both_ways[0] == both_ways[1]
    assert both_ways[0]["maths.c3.add"].streak == 0  # the wrong one, later by id, came last
