"""One question, many forms: multiple choice, true/false, "find the mistake", match the following.

Each form is made from a base question whose prompt has one blank and whose wrong answers come
from real mistakes, so distractors are the answers children actually give.
"""

from __future__ import annotations

from collections.abc import Sequence
from random import Random

from curriculum.generators.common import BLANK, PEOPLE
from curriculum.generators.variant_rules import choice_distractors, fill_in, shown_mistakes
from curriculum.question import MatchPair, Question, Text

LETTERS = "abcd"
CHOOSE = Text(en="Choose the correct answer.", hi="सही उत्तर चुनो।")
TRUE_FALSE = Text(en="Write True or False.", hi="सही या गलत लिखो।")
FIND_MISTAKE = Text(
    en="Find the mistake and write the correct answer.", hi="गलती ढूँढो और सही उत्तर लिखो।"
)
MATCH = Text(en="Match each question with its answer.", hi="प्रश्न का उसके उत्तर से मिलान करो।")
TRUE_WORDS = ("True", "T", "true", "सही")
FALSE_WORDS = ("False", "F", "false", "गलत")


def can_vary(question: Question) -> bool:
    return bool(question.wrong_answers) and question.prompt.en.count(BLANK) == 1


def to_multiple_choice(question: Question, rng: Random) -> Question:
    """Four options (fewer if fewer real mistakes exist): the answer once, distinct distractors."""
    distractors = choice_distractors(question)
    options = [question.answer, *(w.answer for w in distractors)]
    rng.shuffle(options)
    letter = LETTERS[options.index(question.answer)]
    by_letter: tuple[str, ...] = (f"({letter})", f"{letter})")
    if not {o.strip().lower() for o in options} & set(LETTERS):
        by_letter = (letter, *by_letter)  # a bare letter is unambiguous unless an option is one
    return question.model_copy(
        update={
            "qtype": "multiple_choice",
            "instruction": CHOOSE,
            "options": tuple(options),
            "accepted": (*question.accepted, *by_letter),
            "wrong_answers": tuple(dict.fromkeys((*question.wrong_answers, *distractors))),
        }
    )


def to_true_false(question: Question, rng: Random) -> Question:
    """The blank filled in, rightly or with a likely mistake; the child says which."""
    mistakes = shown_mistakes(question)
    truthful = rng.random() < 0.5 or not mistakes
    shown = question.answer if truthful else rng.choice(mistakes).answer
    statement = Text(
        en=fill_in(question.prompt.en, shown),
        hi=fill_in(question.prompt.hi, shown) if question.prompt.hi else None,
    )
    words = TRUE_WORDS if truthful else FALSE_WORDS
    return question.model_copy(
        update={
            "qtype": "true_false",
            "instruction": TRUE_FALSE,
            "prompt": statement,
            "answer": words[0],
            "accepted": words[1:],
            "data": {**question.data, "shown": shown, "statement_true": truthful},
        }
    )


def to_error_identification(question: Question, rng: Random) -> Question:
    """A child's wrong working is shown; the answer is the corrected value."""
    mistake = rng.choice(shown_mistakes(question) or question.wrong_answers)
    who = rng.choice(PEOPLE)
    verb_hi = "ने लिखा" if question.prompt.hi else ""
    prompt = Text(
        en=f"{who.en} wrote: {fill_in(question.prompt.en, mistake.answer)}",
        hi=(
            f"{who.hi} {verb_hi}: {fill_in(question.prompt.hi, mistake.answer)}"
            if question.prompt.hi
            else None
        ),
    )
    return question.model_copy(
        update={
            "qtype": "error_identification",
            "instruction": FIND_MISTAKE,
            "prompt": prompt,
            "data": {**question.data, "shown": mistake.answer, "mistake": mistake.error_type},
        }
    )


def make_match(questions: Sequence[Question], rng: Random) -> Question:
    """Match the following: the prompts on the left, their answers shuffled on the right.

    The answer lists, for left items 1, 2, 3..., the letter of the matching right item.
    """
    answers = [q.answer for q in questions]
    if len(set(answers)) != len(answers):
        raise ValueError("match items need distinct answers")
    right = answers[:]
    rng.shuffle(right)
    letters = [LETTERS[right.index(a)] for a in answers] if len(right) <= 4 else []
    if not letters:
        raise ValueError("match the following takes at most four pairs")
    first = questions[0]
    key = "match:" + "|".join(sorted(q.key for q in questions))
    return first.model_copy(
        update={
            "qtype": "match",
            "instruction": MATCH,
            "prompt": MATCH,
            "pairs": tuple(
                MatchPair(left=q.prompt, right=r) for q, r in zip(questions, right, strict=True)
            ),
            "options": tuple(right),
            "answer": ", ".join(f"{i + 1}-{letter}" for i, letter in enumerate(letters)),
            "accepted": ("".join(letters), " ".join(letters)),
            "wrong_answers": (),
            "key": key,
            "data": {"items": [q.data for q in questions], "answers": answers},
        }
    )
