"""English verb generators: past tenses, tenses by time words, continuous tenses, agreement."""

from __future__ import annotations

from random import Random

from curriculum.generators import english_words as W
from curriculum.generators.common import BLANK, person
from curriculum.generators.english_common import (
    FAMILY,
    GRAMMAR,
    MISCONCEPTION,
    SPELLING,
    Wrong,
    _cap,
    _choose,
    _fill,
)
from curriculum.generators.english_rules import (
    ing_form,
    past_also_right,
    past_regular,
    third_person,
)
from curriculum.generators.registry import register
from curriculum.question import Question, Text

PAST = Text(
    en="Write the past tense of the word in brackets.",
    hi="कोष्ठक में दिए शब्द का भूतकाल (past tense) रूप लिखो।",
)
VERB_FORM = Text(
    en="Fill in the correct form of the verb in brackets.",
    hi="कोष्ठक में दी गई क्रिया का सही रूप भरो।",
)
CONTINUOUS = Text(
    en="Fill in am/is/are or was/were and the -ing form of the verb in brackets.",
    hi="am/is/are या was/were और कोष्ठक में दी गई क्रिया का -ing रूप भरो।",
)
AGREEMENT = Text(
    en="Choose the verb that agrees with the subject.", hi="कर्ता के अनुसार सही क्रिया चुनो।"
)


# ---------------------------------------------------------------- verbs and tenses


def _regular_group(verb: str) -> int:
    """1: just add -ed; 2: -e words and consonant + y; 3: doubled consonant, vowel + y."""
    if verb in W.DOUBLE_FINAL or verb.endswith(("ay", "ey", "oy")):
        return 3
    if verb.endswith("e") or verb.endswith("y"):
        return 2
    return 1


def _past_rule(verb: str, answer: str) -> str:
    if answer == verb + "d":
        return f"Verbs ending in -e just add -d: {verb} → {answer}."
    if answer.endswith("ied"):
        return f"A consonant + y: change y to i and add -ed: {verb} → {answer}."
    if answer == verb + verb[-1] + "ed":
        return (
            f"A short vowel before one final consonant: double it and add -ed: {verb} → {answer}."
        )
    return f"Add -ed to make the past tense: {verb} → {answer}."


@register("english.c3.past_tense_regular", family=FAMILY)
def make_past_regular(rng: Random, difficulty: int) -> Question:
    """d1: add -ed; d2: -e and -y words; d3: doubling (stopped, travelled) and vowel + y."""
    verb, rest = rng.choice([r for r in W.REGULAR_VERBS if _regular_group(r[0]) == difficulty])
    answer = past_regular(verb)
    when = rng.choice(("Yesterday", "Last Sunday", "Last week"))
    wrong: Wrong = [(verb + "ed", SPELLING), (verb, GRAMMAR), (third_person(verb), GRAMMAR)]
    if verb.endswith(("ay", "ey", "oy")):
        wrong.insert(0, (verb[:-1] + "ied", SPELLING))  # plaied: the y rule is for consonant + y
    return _fill(
        "english.c3.past_tense_regular",
        difficulty,
        PAST,
        prompt=f"{when}, {person(rng).en} {BLANK} {rest}. ({verb})",
        answer=answer,
        solution=_past_rule(verb, answer),
        key=f"past:{verb}",
        data={"verb": verb},
        wrong=wrong,
        accepted=past_also_right(verb),
    )


@register("english.c4.past_tense_irregular", family=FAMILY)
def make_past_irregular(rng: Random, difficulty: int) -> Question:
    """d1: the commonest verbs; d2: all; d3: verbs whose -en/-n form is a trap (gone, eaten)."""
    pool = {
        1: W.IRREGULAR_VERBS[:30],
        2: W.IRREGULAR_VERBS,
        3: [v for v in W.IRREGULAR_VERBS if v[2] != v[1]],
    }[difficulty]
    base, answer, participle, rest = rng.choice(pool)
    when = rng.choice(("Yesterday", "Last Sunday", "Last week"))
    wrong: Wrong = [(past_regular(base), GRAMMAR), (base, GRAMMAR), (participle, MISCONCEPTION)]
    if difficulty == 3:  # the trap the level is about comes first among the choices
        wrong.insert(0, wrong.pop())
    used_with = ""
    if participle not in (answer, base):
        used_with = f"; '{participle}' is used after has/have"
    return _fill(
        "english.c4.past_tense_irregular",
        difficulty,
        PAST,
        prompt=f"{when}, {person(rng).en} {BLANK} {rest}. ({base})",
        answer=answer,
        solution=f"'{base}' is an irregular verb: its past tense is '{answer}', not "
        f"'{past_regular(base)}'{used_with}.",
        key=f"past:{base}",
        data={"verb": base},
        wrong=wrong,
    )


# subject as written after a time phrase; "one" takes -s in the present.
TENSE_SUBJECTS: tuple[tuple[str, str], ...] = (
    ("I", "I"),
    ("we", "many"),
    ("they", "many"),
    ("he", "one"),
    ("she", "one"),
    ("my sister", "one"),
    ("my friends", "many"),
)


@register("english.c4.tenses", family=FAMILY)
def make_tenses(rng: Random, difficulty: int) -> Question:
    """The time words decide the tense. d1: present or past; d2, d3: future too (d3: only
    subjects other than one name, where the -s trap lies)."""
    verb, past, rest, happens = rng.choice(W.TENSE_VERBS)
    tense = rng.choice(("present", "past") if difficulty == 1 else ("present", "past", "future"))
    if difficulty == 3:
        subject, number = rng.choice(TENSE_SUBJECTS)
    else:
        subject, number = rng.choice(((person(rng).en, "one"), *TENSE_SUBJECTS))
    answer, wrong = _tense_forms(verb, past, tense, number)
    when = rng.choice([t for t in W.TENSE_TIMES[tense] if _fits(t, happens)])
    return _fill(
        "english.c4.tenses",
        difficulty,
        VERB_FORM,
        prompt=f"{when}, {subject} {BLANK} {rest}. ({verb})",
        answer=answer,
        solution=_tense_rule(when, tense, subject, answer),
        key=f"tense:{verb}:{tense}:{number}",
        data={"verb": verb, "tense": tense, "subject": subject, "when": when},
        wrong=wrong,
    )


def _fits(when: str, happens: str) -> bool:
    """Does the time word suit when the activity happens (no dinner "every morning")?"""
    part = W.TIME_PARTS.get(when)
    if part == "sunday":
        return "school" not in happens
    if part == "morning":
        return not happens.startswith(("evening", "midday"))
    if part == "evening":
        return not happens.startswith(("morning", "midday"))
    return True


def _tense_forms(verb: str, past: str, tense: str, number: str) -> tuple[str, Wrong]:
    """The answer, and the mistakes: another tense, or the -s put on (or left off) wrongly."""
    singular = third_person(verb)
    forms = {"present": singular if number == "one" else verb, "past": past}
    forms["future"] = f"will {verb}"
    wrong: Wrong = [(forms[t], GRAMMAR) for t in ("present", "past", "future") if t != tense]
    wrong.insert(0, (verb if number == "one" else singular, GRAMMAR))
    if tense == "future":
        wrong.insert(0, (f"will {singular}", GRAMMAR))
    return forms[tense], wrong


def _tense_rule(when: str, tense: str, subject: str, answer: str) -> str:
    if tense == "future":
        return f"'{when}' is in the future: use will + the verb: {answer}."
    if tense == "past":
        return f"'{when}' is in the past: use the past tense: {answer}."
    if answer.endswith("s") and subject != "I":
        return (
            f"'{when}' tells of a habit: simple present. With he, she or one person, the verb "
            f"takes -s or -es: {subject} {answer}."
        )
    return (
        f"'{when}' tells of a habit: simple present. With I, we, you, they or more than one, "
        f"the verb has no -s: {subject} {answer}."
    )


CONTINUOUS_SUBJECTS = (*TENSE_SUBJECTS, ("you", "you"), ("the children", "many"))


@register("english.c5.tenses_continuous", family=FAMILY)
def make_continuous(rng: Random, difficulty: int) -> Question:
    """d1: present continuous; d2: past continuous; d3: either, with the -ing spelling traps."""
    tense = {1: "present", 2: "past"}.get(difficulty) or rng.choice(("present", "past"))
    pool = W.CONTINUOUS_VERBS
    if difficulty == 3:
        pool = tuple(v for v in pool if ing_form(v[0]) != v[0] + "ing")
    verb, rest = rng.choice(pool)
    subject, number = rng.choice(((person(rng).en, "one"), *CONTINUOUS_SUBJECTS))
    helpers = {"present": ("is", "are", "am"), "past": ("was", "were", "was")}[tense]
    helper = helpers[{"one": 0, "many": 1, "you": 1, "I": 2}[number]]
    answer = f"{helper} {ing_form(verb)}"
    when = rng.choice(W.CONTINUOUS_TIMES[tense])
    shown = _cap(subject) if when.endswith("!") else subject
    return _fill(
        "english.c5.tenses_continuous",
        difficulty,
        CONTINUOUS,
        prompt=f"{when} {shown} {BLANK} {rest}. ({verb})",
        answer=answer,
        solution=_continuous_rule(when, tense, subject, answer),
        key=f"continuous:{verb}:{tense}:{number}",
        data={"verb": verb, "tense": tense, "subject": subject},
        wrong=_continuous_slips(verb, helper, tense),
    )


def _continuous_slips(verb: str, helper: str, tense: str) -> Wrong:
    swap = {"is": "are", "are": "is", "am": "is", "was": "were", "were": "was"}
    other_tense = {"is": "was", "am": "was", "are": "were", "was": "is", "were": "are"}
    ing = ing_form(verb)
    slips: Wrong = [(f"{swap[helper]} {ing}", GRAMMAR)]
    if ing != verb + "ing" and not verb.endswith("l"):  # "traveling" is US spelling, not wrong
        slips.append((f"{helper} {verb}ing", SPELLING))
    slips += [(f"{other_tense[helper]} {ing}", GRAMMAR), (f"{helper} {verb}", GRAMMAR)]
    return slips


def _continuous_rule(when: str, tense: str, subject: str, answer: str) -> str:
    now = "is happening now" if tense == "present" else "was going on at a time in the past"
    return (
        f"'{when}' shows the action {now}: use {'am/is/are' if tense == 'present' else 'was/were'}"
        f" + verb-ing. With '{subject}' it is '{answer}'. (-ing spelling: drop a silent e, "
        f"double a short final consonant, ie → y.)"
    )


@register("english.c5.subject_verb_agreement", family=FAMILY)
def make_agreement(rng: Random, difficulty: int) -> Question:
    """d1: one or many; d2: subjects joined by "and", irregular plurals; d3: each, every,
    one of, and "the leader of the scouts"-type subjects."""
    subject, kind, _, number = rng.choice(
        [s for s in W.AGREEMENT_SUBJECTS if int(s[2]) == difficulty]
    )
    verb, rest, _ = rng.choice([p for p in W.AGREEMENT_PREDICATES if p[2] == kind])
    forms = _agreement_forms(verb)
    answer = forms[number]
    question = _fill(
        "english.c5.subject_verb_agreement",
        difficulty,
        AGREEMENT,
        prompt=f"{subject} {BLANK} {rest}.",
        answer=answer,
        solution=_agreement_rule(subject, number, answer),
        key=f"agreement:{subject}:{verb}:{rest}",
        data={"subject": subject, "verb": verb},
        wrong=[(f, GRAMMAR) for f in dict.fromkeys(forms.values()) if f != answer],
    )
    return _choose(question, rng)


def _agreement_forms(verb: str) -> dict[str, str]:
    if verb == "be":
        return {"one": "is", "many": "are", "you": "are", "I": "am"}
    if verb == "be_past":
        return {"one": "was", "many": "were", "you": "were", "I": "was"}
    return {"one": third_person(verb), "many": verb, "you": verb, "I": verb}


def _agreement_rule(subject: str, number: str, answer: str) -> str:
    if number == "one":
        return f"'{subject}' is one (singular), so the verb is singular: {subject} {answer}."
    if number == "many":
        return f"'{subject}' is more than one (plural), so the verb is plural: {subject} {answer}."
    return f"'{subject}' always takes '{answer}' here."
