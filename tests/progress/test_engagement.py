"""Stars, daily streaks and achievements, derived from the log; and order independence."""

from __future__ import annotations

from datetime import date

from hypothesis import given, settings
from hypothesis import strategies as st

from curriculum.syllabus import builtin_syllabus
from progress.engagement import CHAPTER_PREFIX, ChapterIndex, Engagement, child_progress
from progress.mastery import MasteryPolicy
from tests.progress.factories import answers, attempt

CHAPTERS = ChapterIndex.from_syllabus(builtin_syllabus())
ONE_SKILL_CHAPTER = next(
    (key, next(iter(skills))) for key, skills in CHAPTERS.skills_of.items() if len(skills) == 1
)


def test_a_star_per_correct_answer_and_three_per_worksheet() -> None:
    progress = child_progress(answers("ccx"), CHAPTERS)
    assert progress.engagement.total_stars == 2 + 3


def test_a_perfect_sheet_of_five_earns_two_more_stars() -> None:
    progress = child_progress(answers("ccccc"), CHAPTERS)
    assert progress.engagement.total_stars == 5 + 3 + 2
    assert "perfect_sheet" in progress.achievements


def test_worksheets_completed_counts_each_sheet_once() -> None:
    log = answers("cc", day=0) + answers("cx", day=1)
    assert child_progress(log, CHAPTERS).engagement.worksheets_completed == 2


def test_daily_streak_counts_consecutive_days() -> None:
    log = [attempt(day=d, minute=1) for d in (0, 1, 2, 4, 5)]
    engagement = child_progress(log, CHAPTERS).engagement
    assert (engagement.streak, engagement.longest_streak) == (2, 3)
    assert engagement.last_active_date == "2026-11-07"


def test_streak_is_current_only_until_a_day_is_missed() -> None:
    engagement = child_progress([attempt(day=d) for d in (0, 1)], CHAPTERS).engagement
    assert engagement.current_streak(date(2026, 11, 4)) == 2
    assert engagement.current_streak(date(2026, 11, 5)) == 0


def test_days_are_indian_days() -> None:
    # 20:00 UTC on the 2nd is 01:30 on the 3rd in India: two days in a row, not one
    late = attempt(day=0, minute=15 * 60 + 30)
    progress = child_progress([attempt(day=0), late], CHAPTERS)
    assert progress.engagement.streak == 2


def test_first_worksheet_and_seven_day_streak_are_achievements() -> None:
    log = [attempt(day=d, worksheet=f"ws-{d}") for d in range(7)]
    unlocked = child_progress(log, CHAPTERS).achievements
    assert unlocked["first_worksheet"].unlocked_at.startswith("2026-11-02")
    assert unlocked["streak_7"].unlocked_at.startswith("2026-11-08")


def test_mastering_every_skill_of_a_chapter_unlocks_it_and_its_certificate() -> None:
    chapter, skill = ONE_SKILL_CHAPTER
    log = answers("ccc", skill=skill, day=0) + answers("cc", skill=skill, day=1)
    progress = child_progress(log, CHAPTERS)
    assert "first_mastered_chapter" in progress.achievements
    assert progress.chapters_mastered() == [chapter]


def test_a_mastered_chapter_is_named_and_dated_at_the_answer_that_mastered_it() -> None:
    chapters = ChapterIndex.from_syllabus(builtin_syllabus())  # built here, not at import
    chapter, skill = ONE_SKILL_CHAPTER
    log = answers("ccc", skill=skill, day=0) + answers("cc", skill=skill, day=1)
    unlocked = child_progress(log, chapters).achievements
    title = next(
        c.title for _, e in builtin_syllabus().entries() for c in e.chapters if c.key == chapter
    )
    assert unlocked[CHAPTER_PREFIX + chapter].title == title
    for key in (CHAPTER_PREFIX + chapter, "first_mastered_chapter", "first_mastered_skill"):
        assert unlocked[key].unlocked_at == log[-1].answered_at


def test_achievements_carry_their_titles() -> None:
    unlocked = child_progress(answers("ccccc"), CHAPTERS).achievements
    assert unlocked["first_worksheet"].title == "First worksheet done"
    assert unlocked["perfect_sheet"].title == "A perfect sheet"


def test_no_skill_mastered_unlocks_no_mastery_achievement() -> None:
    unlocked = child_progress(answers("ccc"), CHAPTERS).achievements
    assert not {"first_mastered_skill", "first_mastered_chapter"} & set(unlocked)


def test_a_sheet_with_a_wrong_answer_or_under_five_questions_earns_no_bonus() -> None:
    assert child_progress(answers("ccxcc"), CHAPTERS).engagement.total_stars == 4 + 3
    short = child_progress(answers("cccc"), CHAPTERS)
    assert short.engagement.total_stars == 4 + 3 and "perfect_sheet" not in short.achievements


def test_a_child_who_never_answered_has_no_streak() -> None:
    assert Engagement().current_streak(date(2026, 11, 2)) == 0


def test_progress_follows_the_mastery_policy_it_is_given() -> None:
    progress = child_progress(answers("cc"), CHAPTERS, MasteryPolicy(improving_streak=2))
    assert progress.mastery["maths.c3.add"].level == "improving"


def test_levels_before_and_after_each_attempt_are_reported() -> None:
    log = answers("ccc")
    progress = child_progress(log, CHAPTERS)
    assert progress.levels[log[0].id or ""] == ("unknown", "learning")
    assert progress.levels[log[2].id or ""] == ("learning", "improving")


SKILLS = ["maths.c3.add", "maths.c3.sub", ONE_SKILL_CHAPTER[1]]
attempts = st.builds(
    lambda result, skill, day, minute, sheet, question: attempt(
        result,
        skill=skill,
        day=day,
        minute=minute,
        worksheet=f"ws-{sheet}",
        question=f"q{question}",
        number=minute * 7 + question,
    ),
    st.sampled_from(["correct", "incorrect", "partial"]),
    st.sampled_from(SKILLS),
    st.integers(0, 12),
    st.integers(0, 50),
    st.integers(0, 3),
    st.integers(0, 6),
)


@settings(max_examples=200, deadline=None)
@given(st.lists(attempts, max_size=60, unique_by=lambda a: a.id), st.randoms())
def test_any_order_of_the_same_attempts_gives_the_same_progress(log, rng) -> None:  # type: ignore[no-untyped-def]
    shuffled = list(log)
    rng.shuffle(shuffled)
    first, second = child_progress(log, CHAPTERS), child_progress(shuffled, CHAPTERS)
    assert first.mastery == second.mastery
    assert first.engagement == second.engagement
    assert first.achievements == second.achievements


@settings(max_examples=100, deadline=None)
@given(st.lists(attempts, max_size=40, unique_by=lambda a: a.id))
def test_receiving_attempts_twice_changes_nothing(log) -> None:  # type: ignore[no-untyped-def]
    once, twice = child_progress(log, CHAPTERS), child_progress(log + log, CHAPTERS)
    assert (once.mastery, once.engagement, once.achievements) == (
        twice.mastery,
        twice.engagement,
        twice.achievements,
    )
