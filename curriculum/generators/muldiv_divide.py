"""Division generators: equal sharing, division facts, by one digit, long division, remainders."""

from __future__ import annotations

from random import Random

from curriculum.generators import muldiv_words as words
from curriculum.generators.common import BLANK, DIVIDE, FILL, indian, person, sample
from curriculum.generators.muldiv_common import (
    FAMILY,
    Mistakes,
    Remainder,
    Worked,
    ask,
    ask_word,
    div_key,
    divide,
    pick,
    repeat,
    same,
)
from curriculum.generators.muldiv_solutions import dropped_zero, long_division, qr_worked
from curriculum.generators.registry import register
from curriculum.question import Question, Text

QR_INSTRUCTION = Text(
    en="Divide. Write the quotient (Q) and the remainder (R).",
    hi="भाग दो। भागफल और शेषफल लिखो।",
)

LONG_DIVISION = Text(
    en="Divide using long division. Write the quotient (Q) and the remainder (R).",
    hi="लंबी विधि से भाग दो। भागफल और शेषफल लिखो।",
)

FIND_QR = Text(
    en="Find the quotient Q and the remainder R.",
    hi="भागफल और शेषफल ज्ञात करो।",
)


# --- Class 2: equal sharing ---------------------------------------------------------------------

C2_SHARING = "maths.c2.equal_sharing"

# (divisor range, quotient range) by difficulty; the dividend stays within 50.
_SHARING = {1: ((2, 4), (2, 5)), 2: ((2, 5), (2, 6)), 3: ((2, 10), (2, 10))}


def _sharing_values(rng: Random, difficulty: int) -> tuple[int, int, int]:
    divisors, quotients = _SHARING[difficulty]
    d, q = sample(
        rng, lambda r: (r.randint(*divisors), r.randint(*quotients)), lambda v: v[0] * v[1] <= 50
    )
    return d * q, d, q


def _sharing_worked(n: int, d: int, q: int, form: str) -> Worked:
    if form == "group":  # groups of d: count how many times d fits
        solution = Text(
            en=f"{repeat(d, q)} = {n}: {q} groups of {d} make {n}, so there are {q} groups.",
            hi=f"{repeat(d, q)} = {n}: {d}-{d} के {q} समूहों में {n} होते हैं, इसलिए {q} समूह बनेंगे।",
        )
    else:  # shared into d groups: each gets q
        solution = Text(
            en=f"{d} groups of {q} make {n} ({repeat(q, d)} = {n}), so each gets {q}.",
            hi=f"{q}-{q} के {d} समूहों में {n} होते हैं ({repeat(q, d)} = {n}), इसलिए हर एक को {q} मिलेंगे।",
        )
    return Worked(
        answer=q,
        solution=solution,
        key=div_key(n, d),
        data={"dividend": n, "divisor": d, "quotient": q, "form": form},
        wrong=[(q - 1, "off_by_one"), (q + 1, "off_by_one"), (n - d, "operation_swap")],
    )


def _sharing_prompt(n: int, d: int, form: str) -> Text:
    if form == "group":
        return Text(
            en=f"Make groups of {d} from {n}. Number of groups = {BLANK}",
            hi=f"{n} में से {d}-{d} के समूह बनाओ। समूहों की संख्या = {BLANK}",
        )
    return Text(
        en=f"Share {n} equally into {d} groups. Each group gets {BLANK}.",
        hi=f"{n} को {d} समूहों में बराबर बाँटो। हर समूह में {BLANK} आएँगे।",
    )


def _sharing_word(rng: Random, difficulty: int) -> Question:
    n, d, q = _sharing_values(rng, difficulty)
    who = person(rng)
    prompt = words.share_laddoos(who, n, d)
    return ask_word(C2_SHARING, difficulty, _sharing_worked(n, d, q, "word"), prompt, who)


@register(C2_SHARING, family=FAMILY, word_problem=_sharing_word)
def equal_sharing(rng: Random, difficulty: int) -> Question:
    n, d, q = _sharing_values(rng, difficulty)
    form = "share" if difficulty == 1 else pick(rng, ("share", "group"))
    return ask(C2_SHARING, difficulty, _sharing_worked(n, d, q, form), _sharing_prompt(n, d, form))


# --- Class 3: division within the tables --------------------------------------------------------

C3_DIVISION = "maths.c3.div_sharing"

# (divisor range, quotient range, forms) by difficulty.
_DIVISION: dict[int, tuple[tuple[int, int], tuple[int, int], tuple[str, ...]]] = {
    1: ((2, 5), (2, 5), ("symbol", "share")),
    2: ((2, 10), (2, 10), ("symbol", "share", "times")),
    3: ((6, 10), (3, 10), ("symbol", "times", "missing")),
}


def _division_worked(n: int, d: int, q: int, form: str) -> Worked:
    solution = Text(
        en=f"{d} × {q} = {n}, so {n} ÷ {d} = {q}.", hi=f"{d} × {q} = {n}, इसलिए {n} ÷ {d} = {q}।"
    )
    data = {"dividend": n, "divisor": d, "quotient": q, "form": form}
    if form == "missing":
        wrong: Mistakes = [
            (d * (q - 1), "table_fact"),
            (d * (q + 1), "table_fact"),
            (d + q, "operation_swap"),
        ]
        return Worked(n, solution, f"divmiss:{d}:{q}", data, wrong)
    wrong = [(q - 1, "table_fact"), (q + 1, "table_fact"), (n - d, "operation_swap")]
    return Worked(q, solution, div_key(n, d), data, wrong)


def _division_prompt(n: int, d: int, q: int, form: str) -> Text:
    if form == "share":
        return Text(
            en=f"Share {n} equally among {d}. Each gets {BLANK}.",
            hi=f"{n} को {d} में बराबर बाँटो। हर एक को {BLANK} मिलेंगे।",
        )
    if form == "times":
        return Text(
            en=f"How many groups of {d} are there in {n}? {BLANK}",
            hi=f"{n} में {d}-{d} के कितने समूह हैं? {BLANK}",
        )
    if form == "missing":
        return same(f"{BLANK} ÷ {d} = {q}")
    return same(f"{n} ÷ {d} = {BLANK}")


def _division_values(rng: Random, difficulty: int) -> tuple[int, int, int]:
    divisors, quotients, _ = _DIVISION[difficulty]
    d, q = rng.randint(*divisors), rng.randint(*quotients)
    return d * q, d, q


def _division_word(rng: Random, difficulty: int) -> Question:
    n, d, q = _division_values(rng, difficulty)
    who = person(rng)
    prompt = words.rakhi_boxes(who, n, d)
    return ask_word(C3_DIVISION, difficulty, _division_worked(n, d, q, "word"), prompt, who)


@register(C3_DIVISION, family=FAMILY, word_problem=_division_word)
def div_sharing(rng: Random, difficulty: int) -> Question:
    n, d, q = _division_values(rng, difficulty)
    form = pick(rng, _DIVISION[difficulty][2])
    instruction = FILL if form in ("share", "times") else DIVIDE
    worked = _division_worked(n, d, q, form)
    return ask(C3_DIVISION, difficulty, worked, _division_prompt(n, d, q, form), instruction)


# --- Class 4: dividing by one digit, long division ----------------------------------------------

C4_DIVIDE = "maths.c4.div_by_1digit"
C4_LONG = "maths.c4.long_division"

# (divisors, dividends, remainder) by difficulty: 2-digit exact, 2-digit with a remainder
# (sometimes 0), 3-digit with a remainder (sometimes 0).
_ONE_DIGIT: dict[int, tuple[tuple[int, int], tuple[int, int], Remainder]] = {
    1: ((2, 5), (10, 99), "none"),
    2: ((2, 9), (10, 99), "any"),
    3: ((2, 9), (100, 999), "any"),
}


def _one_digit_values(rng: Random, difficulty: int) -> tuple[int, int, int, int]:
    return divide(rng, *_ONE_DIGIT[difficulty])


def _one_digit_worked(n: int, d: int, q: int, r: int, difficulty: int, form: str) -> Worked:
    """Difficulty 1 answers the quotient alone; later ones answer Q and R (R may be 0)."""
    data = {"dividend": n, "divisor": d, "quotient": q, "remainder": r, "form": form}
    if difficulty > 1:
        return qr_worked(n, d, q, r, data)
    steps_en, steps_hi = long_division(n, d)
    return Worked(
        answer=q,
        solution=Text(
            en=f"{steps_en} So {n} ÷ {d} = {q}.", hi=f"{steps_hi} इसलिए {n} ÷ {d} = {q}।"
        ),
        key=div_key(n, d),
        data=data,
        wrong=[
            (q - 1, "table_fact"),
            (q + 1, "table_fact"),
            (dropped_zero(q), "place_value"),
            (n - d, "operation_swap"),
        ],
    )


def _one_digit_word(rng: Random, difficulty: int) -> Question:
    n, d, q, r = _one_digit_values(rng, difficulty)
    who = person(rng)
    story = words.crates_equally if difficulty == 1 else words.laddoo_boxes
    worked = _one_digit_worked(n, d, q, r, difficulty, "word")
    return ask_word(C4_DIVIDE, difficulty, worked, story(who, n, d), who)


@register(C4_DIVIDE, family=FAMILY, word_problem=_one_digit_word)
def div_by_1digit(rng: Random, difficulty: int) -> Question:
    n, d, q, r = _one_digit_values(rng, difficulty)
    worked = _one_digit_worked(n, d, q, r, difficulty, "quotient" if difficulty == 1 else "qr")
    if difficulty == 1:
        return ask(C4_DIVIDE, difficulty, worked, same(f"{n} ÷ {d} = {BLANK}"), DIVIDE)
    return ask(C4_DIVIDE, difficulty, worked, _qr_prompt(n, d), QR_INSTRUCTION)


def _qr_prompt(n: int, d: int) -> Text:
    return Text(
        en=f"{indian(n)} ÷ {d} = {BLANK} (write Q and R)",
        hi=f"{indian(n)} ÷ {d} = {BLANK} (भागफल और शेषफल लिखो)",
    )


def _long_values(rng: Random, difficulty: int) -> tuple[int, int, int, int]:
    """3-digit ÷ 1-digit: small divisors (remainder may be 0), large divisors with a remainder,
    then quotients with a 0 digit, the step children most often get wrong."""
    if difficulty == 1:
        return divide(rng, (2, 5), (100, 999), "any")
    if difficulty == 2:
        return divide(rng, (6, 9), (100, 999), "some")
    values: tuple[int, int, int, int] = sample(
        rng, lambda r: divide(r, (3, 9), (100, 999), "some"), lambda v: "0" in str(v[2])
    )
    return values


def _long_worked(n: int, d: int, q: int, r: int, form: str) -> Worked:
    data = {"dividend": n, "divisor": d, "quotient": q, "remainder": r, "form": form}
    return qr_worked(n, d, q, r, data)


def _long_word(rng: Random, difficulty: int) -> Question:
    n, d, q, r = _long_values(rng, difficulty)
    who = person(rng)
    prompt = words.museum_rides(who, n, d)
    return ask_word(C4_LONG, difficulty, _long_worked(n, d, q, r, "word"), prompt, who)


@register(C4_LONG, family=FAMILY, word_problem=_long_word)
def long_division_question(rng: Random, difficulty: int) -> Question:
    n, d, q, r = _long_values(rng, difficulty)
    worked = _long_worked(n, d, q, r, "qr")
    return ask(C4_LONG, difficulty, worked, _qr_prompt(n, d), LONG_DIVISION)


# --- Class 5: division with a remainder ---------------------------------------------------------

C5_REMAINDER = "maths.c5.division_remainder"

# (divisors, dividends, forms) by difficulty: 3-digit ÷ 1-digit, 4-digit ÷ 1-digit, then
# 3- and 4-digit ÷ 11-25. The remainder is never 0 here: the skill is the remainder.
_REMAINDER: dict[int, tuple[tuple[int, int], tuple[int, int], tuple[str, ...]]] = {
    1: ((2, 9), (100, 999), ("qr",)),
    2: ((2, 9), (1000, 9999), ("qr", "find_n")),
    3: ((11, 25), (100, 9999), ("qr", "find_n")),
}


def _remainder_values(rng: Random, difficulty: int) -> tuple[int, int, int, int, str]:
    divisors, dividends, forms = _REMAINDER[difficulty]
    form = pick(rng, forms)
    return (*divide(rng, divisors, dividends, "some"), form)


def _remainder_worked(n: int, d: int, q: int, r: int, form: str) -> Worked:
    data = {"dividend": n, "divisor": d, "quotient": q, "remainder": r, "form": form}
    if form in ("qr", "word_qr"):
        return qr_worked(n, d, q, r, data)
    steps = f"{d} × {q} + {r} = {indian(d * q)} + {r} = {indian(n)}"
    return Worked(
        answer=n,
        solution=Text(en=f"N = D × Q + R = {steps}.", hi=f"भाज्य = भाजक × भागफल + शेषफल = {steps}।"),
        key=f"dqr:{d}:{q}:{r}",
        data=data,
        wrong=[
            (d * q, "remainder_ignored"),
            (d * q - r, "operation_swap"),  # took the remainder away
            (d + q + r, "operation_swap"),  # added everything
        ],
    )


def _remainder_prompt(n: int, d: int, q: int, r: int, form: str) -> Text:
    if form == "find_n":
        return Text(
            en=f"Divisor D = {d}, quotient Q = {q}, remainder R = {r}. "
            f"Dividend N = D × Q + R = {BLANK}",
            hi=f"भाजक = {d}, भागफल = {q}, शेषफल = {r}। भाज्य = भाजक × भागफल + शेषफल = {BLANK}",
        )
    return Text(
        en=f"{indian(n)} = {d} × Q + R, where R is less than {d}. Q and R = {BLANK}",
        hi=f"{indian(n)} = {d} × भागफल + शेषफल, जहाँ शेषफल {d} से छोटा है। {BLANK}",
    )


def _remainder_word(rng: Random, difficulty: int) -> Question:
    # "R mangoes were left" and "Q crates" need 2 or more to read right.
    n, d, q, r, form = sample(
        rng, lambda g: _remainder_values(g, difficulty), lambda v: v[3] >= 2 and v[2] >= 2
    )
    who = person(rng)
    if form == "qr":
        prompt = words.coconut_sacks(who, indian(n), d)
        worked = _remainder_worked(n, d, q, r, "word_qr")
    else:
        prompt = words.mangoes_left(who, d, q, r)
        worked = _remainder_worked(n, d, q, r, "word_find_n")
    return ask_word(C5_REMAINDER, difficulty, worked, prompt, who)


@register(C5_REMAINDER, family=FAMILY, word_problem=_remainder_word)
def division_remainder(rng: Random, difficulty: int) -> Question:
    n, d, q, r, form = _remainder_values(rng, difficulty)
    worked = _remainder_worked(n, d, q, r, form)
    instruction = FIND_QR if form == "qr" else FILL
    return ask(C5_REMAINDER, difficulty, worked, _remainder_prompt(n, d, q, r, form), instruction)
