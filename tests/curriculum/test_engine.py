"""The engine: same seed same questions, no repeats, the question types asked for."""

from __future__ import annotations

import pytest

from curriculum.engine import NotEnoughQuestions, generate
from curriculum.generators import UnknownSkill
from curriculum.question import worksheet_hash
from curriculum.syllabus import builtin_syllabus

ALL_TYPES = (
    "fill_blank",
    "multiple_choice",
    "true_false",
    "error_identification",
    "word_problem",
    "match",
)


def test_same_seed_gives_the_same_questions() -> None:
    first = generate("maths.c3.add_3digit_regroup", 20, seed=7, qtypes=ALL_TYPES)
    again = generate("maths.c3.add_3digit_regroup", 20, seed=7, qtypes=ALL_TYPES)
    assert first == again
    assert generate("maths.c3.add_3digit_regroup", 20, seed=8) != first


def test_no_two_questions_share_a_key() -> None:
    made = generate("maths.c1.add_within_9", 12, seed=3)
    assert len({q.key for q in made}) == 12


def test_three_plus_five_and_five_plus_three_are_one_item() -> None:
    keys = {q.key for q in generate("maths.c1.add_within_9", 12, seed=3)}
    pairs = {tuple(sorted(map(int, k.split(":")[1:]))) for k in keys if k.startswith("add:")}
    assert len(pairs) == len([k for k in keys if k.startswith("add:")])


def test_avoided_keys_are_never_used() -> None:
    first = generate("maths.c2.add_2digit", 10, seed=1)
    second = generate("maths.c2.add_2digit", 10, seed=1, avoid={q.key for q in first})
    assert not {q.key for q in first} & {q.key for q in second}


def test_asking_for_more_than_exist_is_a_clear_error() -> None:
    with pytest.raises(NotEnoughQuestions, match="only"):
        generate("maths.c1.add_within_9", 40, seed=1, difficulty=1)


def test_unknown_skill_is_named() -> None:
    with pytest.raises(UnknownSkill, match=r"maths\.c9\.nothing"):
        generate("maths.c9.nothing", 1, seed=1)


def test_multiple_choice_has_exactly_one_correct_distinct_option() -> None:
    for seed in range(300):
        for question in generate(
            "maths.c3.sub_3digit_regroup", 5, seed, qtypes=["multiple_choice"]
        ):
            assert question.qtype == "multiple_choice"
            assert len(set(question.options)) == len(question.options) >= 3
            assert [o for o in question.options if o == question.answer] == [question.answer]


def test_match_the_following_pairs_each_prompt_with_its_answer() -> None:
    (match,) = [
        q for q in generate("maths.c3.mult_tables", 8, 2, qtypes=["match"]) if q.qtype == "match"
    ][:1]
    letters = [part.split("-")[1] for part in match.answer.split(", ")]
    for number, letter in enumerate(letters):
        right = match.options["abcd".index(letter)]
        assert right == match.data["answers"][number]


def test_bank_skills_come_from_the_bank() -> None:
    made = generate("evs.c4.our_sky", 10, seed=1)
    assert len({q.key for q in made}) == 10
    assert all(q.key.startswith("bank:") for q in made)


def test_worksheet_hash_changes_with_the_questions_and_their_order() -> None:
    made = generate("maths.c3.mult_tables", 10, seed=1)
    assert worksheet_hash(made) == worksheet_hash(list(made))
    assert worksheet_hash(made) != worksheet_hash(made[::-1])
    assert worksheet_hash(made) != worksheet_hash(generate("maths.c3.mult_tables", 10, seed=2))


@pytest.mark.parametrize(
    "skill_tag",
    [s.tag for s in builtin_syllabus().skills() if s.tag.startswith("maths.")],
)
def test_every_maths_skill_fills_a_20_question_sheet(skill_tag: str) -> None:
    made = generate(skill_tag, 20, seed=1)
    assert len({q.key for q in made}) == 20
