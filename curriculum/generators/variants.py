"""One question, many forms: multiple choice, true/false, "find the mistake", match the following.

Each form is made from a base question whose prompt has one blank and whose wrong answers come
from real mistakes, so distractors are the answers children actually give.

A question with Hindi keeps it in every form: options, statements and match answers carry the
Hindi of each value, and a value with no Hindi form is never shown (on any sheet) — the same
question prints in English, in Hindi or in both.
"""

from __future__ import annotations

from collections.abc import Sequence
from random import Random

from curriculum.generators.common import BLANK, PEOPLE
from curriculum.generators.variant_rules import choice_distractors, fill_in, shown_mistakes
from curriculum.hindi import FALSE_HI, LETTERS_HI, TRUE_HI, in_hindi
from curriculum.question import MatchPair, Question, Text, WrongAnswer

LETTERS = "abcd"
CHOOSE = Text(en="Choose the correct answer.", hi="सही उत्तर चुनो।")
TRUE_FALSE = Text(en="Write True or False.", hi="सही या गलत लिखो।")
FIND_MISTAKE = Text(
    en="Find the mistake and write the correct answer.", hi="गलती ढूँढो और सही उत्तर लिखो।"
)
MATCH = Text(en="Match each question with its answer.", hi="प्रश्न का उसके उत्तर से मिलान करो।")
TRUE_WORDS = ("True", "T", "true", TRUE_HI)
FALSE_WORDS = ("False", "F", "false", FALSE_HI)


def can_vary(question: Question) -> bool:
    return bool(_showable(question)) and question.prompt.en.count(BLANK) == 1


def _showable(question: Question) -> list[WrongAnswer]:
    """The wrong answers every language of the question can print (all of them in English)."""
    if not question.prompt.hi:
        return list(question.wrong_answers)
    if in_hindi(question.answer, question.answer_hi) is None:
        return []
    return [w for w in question.wrong_answers if in_hindi(w.answer, w.hi) is not None]


def _hindi_of(question: Question, value: str, extra: Sequence[WrongAnswer] = ()) -> str:
    """The Hindi form of the answer or of one of its wrong answers (see `_showable`)."""
    if value == question.answer:
        return question.answer_hi or value
    found = next((w for w in (*question.wrong_answers, *extra) if w.answer == value), None)
    return (found.hi if found is not None else None) or value


def _printable(question: Question, wrongs: Sequence[WrongAnswer]) -> list[WrongAnswer]:
    """Those of `wrongs` every language of the question can print."""
    if not question.prompt.hi:
        return list(wrongs)
    return [w for w in wrongs if in_hindi(w.answer, w.hi) is not None]


def to_multiple_choice(question: Question, rng: Random) -> Question:
    """Four options (fewer if fewer real mistakes exist): the answer once, distinct distractors
    (for a number, near misses make up at least three options)."""
    distractors = _printable(question, choice_distractors(question))
    options = [question.answer, *(w.answer for w in distractors)]
    rng.shuffle(options)
    options_hi = (
        [_hindi_of(question, o, distractors) for o in options] if question.prompt.hi else []
    )
    index = options.index(question.answer)
    accepted = [*_by_letter(LETTERS[index], options)]
    if options_hi:
        accepted += _by_letter(LETTERS_HI[index], options_hi)
    return question.model_copy(
        update={
            "qtype": "multiple_choice",
            "instruction": CHOOSE,
            "options": tuple(options),
            "options_hi": tuple(options_hi) if options_hi != options else (),
            "accepted": (*question.accepted, *accepted),
            "wrong_answers": tuple(dict.fromkeys((*question.wrong_answers, *distractors))),
        }
    )


def _by_letter(letter: str, options: Sequence[str]) -> tuple[str, ...]:
    """ "(b)", "b)" and, unless an option is itself a letter, a bare "b"."""
    forms: tuple[str, ...] = (f"({letter})", f"{letter})")
    if not {o.strip().lower() for o in options} & set(LETTERS + LETTERS_HI):
        forms = (letter, *forms)
    return forms


def to_true_false(question: Question, rng: Random) -> Question:
    """The blank filled in, rightly or with a likely mistake; the child says which."""
    mistakes = _printable(question, shown_mistakes(question))
    truthful = rng.random() < 0.5 or not mistakes
    shown = question.answer if truthful else rng.choice(mistakes).answer
    statement = Text(
        en=fill_in(question.prompt.en, shown),
        hi=fill_in(question.prompt.hi, _hindi_of(question, shown)) if question.prompt.hi else None,
    )
    words = TRUE_WORDS if truthful else FALSE_WORDS
    return question.model_copy(
        update={
            "qtype": "true_false",
            "instruction": TRUE_FALSE,
            "prompt": statement,
            "answer": words[0],
            "accepted": words[1:],
            "answer_hi": words[-1],
            "options_hi": (),
            "data": {**question.data, "shown": shown, "statement_true": truthful},
        }
    )


def to_error_identification(question: Question, rng: Random) -> Question:
    """A child's wrong working is shown; the answer is the corrected value."""
    mistake = rng.choice(_printable(question, shown_mistakes(question)) or _showable(question))
    who = rng.choice(PEOPLE)
    shown_hi = mistake.hi or mistake.answer
    prompt = Text(
        en=f"{who.en} wrote: {fill_in(question.prompt.en, mistake.answer)}",
        hi=(
            f"{who.hi} ने लिखा: {fill_in(question.prompt.hi, shown_hi)}"
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
    hindi = {q.answer: q.answer_hi for q in questions if q.answer_hi}
    if len(set(answers)) != len(answers) or len(set(hindi.values())) != len(hindi):
        raise ValueError("match items need distinct answers")
    right = answers[:]
    rng.shuffle(right)
    places = [right.index(a) for a in answers] if len(right) <= 4 else []
    if not places:
        raise ValueError("match the following takes at most four pairs")
    first = questions[0]
    key = "match:" + "|".join(sorted(q.key for q in questions))
    right_hi = [hindi.get(r) for r in right]
    return first.model_copy(
        update={
            "qtype": "match",
            "instruction": MATCH,
            "prompt": MATCH,
            "pairs": tuple(
                MatchPair(left=q.prompt, right=r, right_hi=h)
                for q, r, h in zip(questions, right, right_hi, strict=True)
            ),
            "options": tuple(right),
            "options_hi": tuple(h or r for h, r in zip(right_hi, right, strict=True))
            if hindi
            else (),
            **match_key(places),
            "wrong_answers": (),
            "key": key,
            "data": {"items": [q.data for q in questions], "answers": answers},
        }
    )


def match_key(places: Sequence[int]) -> dict[str, object]:
    """The key of a match item whose left items 1, 2, 3... go with right items `places`:
    "1-d, 2-a, ..." and its Hindi "1-घ, 2-क, ...", and the letters alone as accepted forms."""
    en = [LETTERS[p] for p in places]
    hi = [LETTERS_HI[p] for p in places]
    return {
        "answer": ", ".join(f"{i + 1}-{x}" for i, x in enumerate(en)),
        "answer_hi": ", ".join(f"{i + 1}-{x}" for i, x in enumerate(hi)),
        "accepted": ("".join(en), " ".join(en), "".join(hi), " ".join(hi)),
    }
