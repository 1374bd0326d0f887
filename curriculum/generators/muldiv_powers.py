"""Generators multiplying and dividing by 10, 100 and 1000, and their worked answers."""

from __future__ import annotations

from collections.abc import Callable
from random import Random

from curriculum.generators import muldiv_words as words
from curriculum.generators.common import BLANK, DIVIDE, FILL, MULTIPLY, indian, person
from curriculum.generators.muldiv_common import (
    FAMILY,
    Mistakes,
    Worked,
    ask,
    ask_word,
    div_key,
    mul_key,
    pick,
    same,
)
from curriculum.generators.registry import register
from curriculum.question import Question, Text

# How many zeros multiplying or dividing by a power of ten adds or removes, in words.
ZEROS = {10: ("one zero", "एक शून्य"), 100: ("two zeros", "दो शून्य"), 1000: ("three zeros", "तीन शून्य")}


# --- Worked answers and prompts of × 10, 100, 1000 and multiples --------------------------------


def _power_worked(n: int, factor: int, form: str) -> Worked:
    """n × 10, 100 or 1000: the digits move up, zeros fill the places left."""
    product = n * factor
    zeros_en, zeros_hi = ZEROS[factor]
    equation = f"{indian(n)} × {indian(factor)} = {indian(product)}"
    return Worked(
        answer=product,
        solution=Text(
            en=f"Multiplying by {indian(factor)} puts {zeros_en} at the end: {equation}.",
            hi=f"{indian(factor)} से गुणा करने के लिए अंत में {zeros_hi} लगाओ: {equation}।",
        ),
        key=mul_key(n, factor),
        data={"number": n, "factor": factor, "product": product, "form": form},
        wrong=[
            (product // 10, "place_value"),  # one zero too few
            (product * 10, "place_value"),  # one zero too many
            (n + factor, "operation_swap"),
        ],
    )


def _missing_power_worked(n: int, factor: int, form: str) -> Worked:
    """n × ____ = product: which power of ten adds the zeros."""
    product = n * factor
    zeros_en, zeros_hi = ZEROS[factor]
    # Too few or too many zeros; a child does not answer with the product minus the number.
    others: Mistakes = [(f, "place_value") for f in ZEROS if f != factor]
    equation = f"{indian(n)} × {indian(factor)} = {indian(product)}"
    return Worked(
        answer=factor,
        solution=Text(
            en=f"{indian(product)} is {indian(n)} with {zeros_en} at the end, so {equation}.",
            hi=f"{indian(product)} में {indian(n)} के अंत में {zeros_hi} लगे हैं, इसलिए {equation}।",
        ),
        key=div_key(product, n),
        data={"number": n, "factor": factor, "product": product, "form": form},
        wrong=others,
    )


def _missing_number_worked(n: int, factor: int, form: str) -> Worked:
    """____ × factor = product: take the zeros off again. Asked with × 100 only (see _TENS)."""
    product = n * factor
    zeros_en, zeros_hi = ZEROS[factor]
    equation = f"{indian(n)} × {indian(factor)} = {indian(product)}"
    return Worked(
        answer=n,
        solution=Text(
            en=f"Take {zeros_en} off the end of {indian(product)}: {equation}.",
            hi=f"{indian(product)} के अंत से {zeros_hi} हटाओ: {equation}।",
        ),
        key=div_key(product, factor),
        data={"number": n, "factor": factor, "product": product, "form": form},
        wrong=[
            (product // (factor // 10), "place_value"),  # took off one zero too few
            # one zero too many, when there is one to take (0 marks "no such mistake")
            (product // (factor * 10) if product % (factor * 10) == 0 else 0, "place_value"),
            (product - factor, "operation_swap"),
        ],
    )


def _multiple_worked(n: int, factor: int, form: str) -> Worked:
    """n × 300 = n × 3 × 100: multiply by the digit, then put the zeros."""
    digit, power = (factor // 100, 100) if factor >= 100 else (factor // 10, 10)
    product = n * factor
    steps = f"{n} × {factor} = {n} × {digit} × {power} = {n * digit} × {power} = {indian(product)}"
    return Worked(
        answer=product,
        solution=Text(en=f"{steps}.", hi=f"{steps}।"),
        key=mul_key(n, factor),
        data={"number": n, "factor": factor, "product": product, "form": form},
        wrong=[
            (n * digit, "place_value"),  # forgot the zeros
            (n * power, "partial_product"),  # forgot to multiply by the digit
            (product // 10, "place_value"),
        ],
    )


def _power_prompt(n: int, factor: int, form: str) -> Text:
    product = n * factor
    if form == "missing_factor":
        return same(f"{indian(n)} × {BLANK} = {indian(product)}")
    if form == "missing_number":
        return same(f"{BLANK} × {indian(factor)} = {indian(product)}")
    return same(f"{indian(n)} × {indian(factor)} = {BLANK}")


_POWER_WORKED: dict[str, Callable[[int, int, str], Worked]] = {
    "product": _power_worked,
    "word": _power_worked,
    "missing_factor": _missing_power_worked,
    "missing_number": _missing_number_worked,
}


# --- Class 4: × 10 and × 100 --------------------------------------------------------------------

C4_TENS = "maths.c4.mult_by_10_100"

# (numbers, factors, forms) by difficulty; a missing number is asked only with × 100, where
# taking off too few or too many zeros both give whole numbers.
_TENS: dict[int, tuple[tuple[int, int], tuple[int, ...], tuple[str, ...]]] = {
    1: ((2, 99), (10,), ("product",)),
    2: ((10, 99), (10, 100), ("product",)),
    3: ((100, 999), (10, 100), ("product", "missing_factor", "missing_number")),
}


def _tens_values(rng: Random, difficulty: int) -> tuple[int, int, str]:
    numbers, factors, forms = _TENS[difficulty]
    form = pick(rng, forms)
    factor = 100 if form == "missing_number" else rng.choice(factors)
    return rng.randint(*numbers), factor, form


def _tens_word(rng: Random, difficulty: int) -> Question:
    n, factor, _ = _tens_values(rng, difficulty)
    who = person(rng)
    prompt = words.rupee_notes(who, n, str(factor))
    return ask_word(C4_TENS, difficulty, _power_worked(n, factor, "word"), prompt, who)


@register(C4_TENS, family=FAMILY, word_problem=_tens_word)
def mult_by_10_100(rng: Random, difficulty: int) -> Question:
    n, factor, form = _tens_values(rng, difficulty)
    worked = _POWER_WORKED[form](n, factor, form)
    instruction = MULTIPLY if form == "product" else FILL
    return ask(C4_TENS, difficulty, worked, _power_prompt(n, factor, form), instruction)


# --- Class 5: × 10, 100, 1000 and multiples such as × 300 ---------------------------------------

C5_POWERS = "maths.c5.mult_by_10_100_1000"

# (numbers, forms) by difficulty: 2-digit and 3-digit numbers × 10, 100 or 1000, then
# multiples such as × 300 and the missing power of ten.
_POWERS: dict[int, tuple[tuple[int, int], tuple[str, ...]]] = {
    1: ((2, 99), ("product",)),
    2: ((100, 999), ("product",)),
    3: ((11, 99), ("multiple", "missing_factor")),
}


def _powers_values(rng: Random, difficulty: int) -> tuple[int, int, str]:
    numbers, forms = _POWERS[difficulty]
    form = pick(rng, forms)
    if form == "multiple":
        factor = rng.randint(2, 9) * rng.choice((10, 100))
    else:
        factor = rng.choice((10, 100, 1000))
    return rng.randint(*numbers), factor, form


def _powers_worked(n: int, factor: int, form: str) -> Worked:
    if form == "missing_factor":
        return _missing_power_worked(n, factor, form)
    if factor in ZEROS:
        return _power_worked(n, factor, form)
    return _multiple_worked(n, factor, form)


def _powers_word(rng: Random, difficulty: int) -> Question:
    n, factor, _ = _powers_values(rng, difficulty)
    who = person(rng)
    prompt = words.paper_bundles(who, n, indian(factor))
    return ask_word(C5_POWERS, difficulty, _powers_worked(n, factor, "word"), prompt, who)


@register(C5_POWERS, family=FAMILY, word_problem=_powers_word)
def mult_by_10_100_1000(rng: Random, difficulty: int) -> Question:
    n, factor, form = _powers_values(rng, difficulty)
    instruction = FILL if form == "missing_factor" else MULTIPLY
    worked = _powers_worked(n, factor, form)
    return ask(C5_POWERS, difficulty, worked, _power_prompt(n, factor, form), instruction)


# --- Class 5: ÷ 10 and ÷ 100 --------------------------------------------------------------------

C5_DIV_TENS = "maths.c5.div_by_10_100"

# ({divisor: quotient range}, forms) by difficulty: ÷ 10 up to 990, ÷ 10 or 100 up to 9,990,
# then 5-digit dividends and the missing dividend or divisor.
_DIV_TENS: dict[int, tuple[dict[int, tuple[int, int]], tuple[str, ...]]] = {
    1: ({10: (2, 99)}, ("symbol",)),
    2: ({10: (10, 999), 100: (10, 99)}, ("symbol",)),
    3: ({10: (100, 9999), 100: (100, 999)}, ("symbol", "missing_n", "missing_f")),
}


def _div_tens_values(rng: Random, difficulty: int) -> tuple[int, int, int, str]:
    """(dividend, divisor, quotient, form): the quotient first, so the division is exact."""
    quotients, forms = _DIV_TENS[difficulty]
    f = rng.choice(tuple(quotients))
    q = rng.randint(*quotients[f])
    return q * f, f, q, pick(rng, forms)


def _div_tens_mistakes(n: int, f: int, q: int, form: str) -> Mistakes:
    if form == "missing_n":
        return [
            (q * f // 10, "place_value"),
            (q * f * 10, "place_value"),
            (q + f, "operation_swap"),
        ]
    if form == "missing_f":
        return [(p, "place_value") for p in ZEROS if p != f]
    other = 10 if f == 100 else 100  # took off too few or too many zeros
    return [
        (n // other if n % other == 0 else 0, "place_value"),
        (n * f, "operation_swap"),  # multiplied instead of dividing
        (n - f, "operation_swap"),  # subtracted instead of dividing
    ]


def _div_tens_worked(n: int, f: int, q: int, form: str) -> Worked:
    zeros_en, zeros_hi = ZEROS[f]
    equation = f"{indian(n)} ÷ {f} = {indian(q)}"
    answers = {"missing_n": n, "missing_f": f}
    keys = {"missing_n": f"divmiss:{f}:{q}", "missing_f": div_key(n, q)}
    return Worked(
        answer=answers.get(form, q),
        solution=Text(
            en=f"Dividing by {f} takes {zeros_en} off the end: {equation} "
            f"(check: {indian(q)} × {f} = {indian(n)}).",
            hi=f"{f} से भाग देने के लिए अंत से {zeros_hi} हटाओ: {equation} "
            f"(जाँच: {indian(q)} × {f} = {indian(n)})।",
        ),
        key=keys.get(form, div_key(n, f)),
        data={"dividend": n, "divisor": f, "quotient": q, "form": form},
        wrong=_div_tens_mistakes(n, f, q, form),
    )


def _div_tens_prompt(n: int, f: int, q: int, form: str) -> Text:
    if form == "missing_n":
        return same(f"{BLANK} ÷ {f} = {indian(q)}")
    if form == "missing_f":
        return same(f"{indian(n)} ÷ {BLANK} = {indian(q)}")
    return same(f"{indian(n)} ÷ {f} = {BLANK}")


def _div_tens_word(rng: Random, difficulty: int) -> Question:
    n, f, q, _ = _div_tens_values(rng, difficulty)
    who = person(rng)
    prompt = words.coconut_farm(who, indian(n), f)
    return ask_word(C5_DIV_TENS, difficulty, _div_tens_worked(n, f, q, "word"), prompt, who)


@register(C5_DIV_TENS, family=FAMILY, word_problem=_div_tens_word)
def div_by_10_100(rng: Random, difficulty: int) -> Question:
    n, f, q, form = _div_tens_values(rng, difficulty)
    instruction = DIVIDE if form == "symbol" else FILL
    worked = _div_tens_worked(n, f, q, form)
    return ask(C5_DIV_TENS, difficulty, worked, _div_tens_prompt(n, f, q, form), instruction)
