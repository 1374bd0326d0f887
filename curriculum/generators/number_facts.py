"""Odd and even numbers (Class 4) and factors, multiples and primes (Class 5), family "numbers".

Questions that ask to pick a number from a list ("the odd number among 34, 52, 41, 16") keep
the answer a number, so the multiple-choice, true/false and find-the-mistake forms work. The
other numbers in the list are the traps: for odd and even, numbers whose first digit has the
asked-for parity (a child who looks at the wrong digit picks them); for primes, odd numbers
that only look prime (21, 51, 91).
"""

from __future__ import annotations

from math import gcd
from random import Random

from curriculum.generators import common
from curriculum.generators.common import BLANK, FILL, fill_blank
from curriculum.generators.registry import register
from curriculum.question import Question, Text

FAMILY = "numbers"
PARITY_HI = {"odd": "विषम", "even": "सम"}
ENDINGS = {
    "odd": ("1, 3, 5, 7 or 9", "1, 3, 5, 7 या 9"),
    "even": ("0, 2, 4, 6 or 8", "0, 2, 4, 6 या 8"),
}
ORDINALS = (
    ("second", "दूसरा"),
    ("third", "तीसरा"),
    ("fourth", "चौथा"),
    ("fifth", "पाँचवाँ"),
    ("sixth", "छठा"),
    ("seventh", "सातवाँ"),
    ("eighth", "आठवाँ"),
    ("ninth", "नौवाँ"),
    ("tenth", "दसवाँ"),
)  # ORDINALS[k - 2] names the k-th multiple, k from 2 to 10


def smallest_factor(n: int) -> int:
    """The smallest factor above 1 (n itself when n is prime)."""
    return next(d for d in range(2, n + 1) if n % d == 0)


def factor_count(n: int) -> int:
    return sum(n % d == 0 for d in range(1, n + 1))


PRIMES = tuple(n for n in range(2, 100) if smallest_factor(n) == n)
# Numbers worth listing the factors of: enough factors that missing a pair is a real slip.
FACTOR_RICH = {
    2: tuple(n for n in range(12, 37) if factor_count(n) >= 4),
    3: tuple(n for n in range(36, 101) if factor_count(n) >= 6),
}
# Odd numbers that are not prime: children who think "odd means prime" pick these.
ODD_COMPOSITES = tuple(n for n in range(9, 100, 2) if smallest_factor(n) != n)


@register("maths.c4.odd_even", family=FAMILY)
def make_odd_even(rng: Random, difficulty: int) -> Question:
    """d1: the next odd or even number after a number up to 50; d2: the odd (or even) number
    among four 2-digit numbers; d3: the same with 3–4 digit numbers, or the next odd or even
    number after a 3–4 digit number."""
    kind = rng.choice(("odd", "even"))
    if difficulty == 1:
        return next_of_kind(difficulty, kind, rng.randint(1, 50))
    if difficulty == 3 and rng.random() < 0.3:
        return next_of_kind(difficulty, kind, rng.randint(100, 9998))
    return pick_of_kind(rng, difficulty, kind, size=2 if difficulty == 2 else rng.choice((3, 4)))


def next_of_kind(difficulty: int, kind: str, n: int) -> Question:
    want = 1 if kind == "odd" else 0
    answer = n + 1 if (n + 1) % 2 == want else n + 2
    endings_en, endings_hi = ENDINGS[kind]
    return fill_blank(
        "maths.c4.odd_even",
        instruction=FILL,
        prompt=Text(
            en=f"The next {kind} number after {n} is {BLANK}.",
            hi=f"{n} के बाद अगली {PARITY_HI[kind]} संख्या {BLANK} है।",
        ),
        answer=answer,
        solution=Text(
            en=f"{kind.capitalize()} numbers end in {endings_en}. After {n} come {n + 1}, "
            f"{n + 2}, ...; the first {kind} one is {answer}.",
            hi=f"{PARITY_HI[kind]} संख्याओं के अंत में {endings_hi} होता है। {n} के बाद "
            f"{n + 1}, {n + 2}, ... आते हैं; इनमें पहली {PARITY_HI[kind]} संख्या {answer} है।",
        ),
        difficulty=difficulty,
        key=f"next:{kind}:{n}",
        data={"form": "next", "kind": kind, "number": n},
        wrong=[
            (n + 2 if answer == n + 1 else n + 1, "off_by_one"),
            (answer + 2, "off_by_one"),
            (n, "off_by_one"),
        ],
    )


def misleading_number(rng: Random, size: int, want: int) -> int:
    """Not of the wanted parity (want: 1 odd, 0 even), though its first digit is."""
    lead = rng.choice((1, 3, 5, 7, 9) if want else (2, 4, 6, 8))
    middle = "".join(str(rng.randint(0, 9)) for _ in range(size - 2))
    last = rng.choice((0, 2, 4, 6, 8) if want else (1, 3, 5, 7, 9))
    return int(f"{lead}{middle}{last}")


def pick_of_kind(rng: Random, difficulty: int, kind: str, *, size: int) -> Question:
    want = 1 if kind == "odd" else 0
    decoys: list[int] = common.sample(
        rng,
        lambda r: [misleading_number(r, size, want) for _ in range(3)],
        lambda xs: len(set(xs)) == 3,
    )
    answer = rng.randint(10 ** (size - 1), 10**size - 2)
    if answer % 2 != want:
        answer += 1
    numbers = [*decoys, answer]
    rng.shuffle(numbers)
    listed = ", ".join(map(str, numbers))
    return fill_blank(
        "maths.c4.odd_even",
        instruction=FILL,
        prompt=Text(
            en=f"The {kind} number among {listed} is {BLANK}.",
            hi=f"{listed} में {PARITY_HI[kind]} संख्या {BLANK} है।",
        ),
        answer=answer,
        solution=Text(
            en=f"Look only at the ones digit. {answer} ends in {answer % 10}, so it is {kind}.",
            hi=f"केवल इकाई का अंक देखो। {answer} के अंत में {answer % 10} है, इसलिए यह "
            f"{PARITY_HI[kind]} है।",
        ),
        difficulty=difficulty,
        key=f"pick:{kind}:{sorted(numbers)}",
        data={"form": "pick", "kind": kind, "numbers": numbers},
        wrong=[(d, "place_value") for d in decoys],
    )


@register("maths.c5.factors_multiples", family=FAMILY)
def make_factors_multiples(rng: Random, difficulty: int) -> Question:
    """d1: the k-th multiple, or the prime among numbers up to 30; d2: all factors of 12–36,
    the first common multiple (frog and rabbit jumps), primes up to 50; d3: factors of 36–100,
    the smallest common multiple of 4–12, primes from 31 to 97."""
    form = rng.choice(("multiple", "prime") if difficulty == 1 else ("factors", "common", "prime"))
    if form == "multiple":
        return kth_multiple(rng.randint(2, 10), rng.randint(2, 10))
    if form == "prime":
        return prime_among(rng, difficulty)
    if form == "factors":
        return factors_of(difficulty, rng.choice(FACTOR_RICH[difficulty]))
    low, high, most = (2, 10, 40) if difficulty == 2 else (4, 12, 60)
    a, b = common.sample(
        rng,
        lambda r: sorted(r.sample(range(low, high + 1), 2)),
        lambda ab: ab[0] * ab[1] // gcd(*ab) <= most,
    )
    return common_multiple(difficulty, a, b)


def kth_multiple(m: int, k: int) -> Question:
    en, hi = ORDINALS[k - 2]
    listed = ", ".join(str(m * i) for i in range(1, k + 1))
    return fill_blank(
        "maths.c5.factors_multiples",
        instruction=FILL,
        prompt=Text(en=f"The {en} multiple of {m} is {BLANK}.", hi=f"{m} का {hi} गुणज {BLANK} है।"),
        answer=m * k,
        solution=Text(
            en=f"Multiples of {m}: {listed}. The {en} is {m} × {k} = {m * k}.",
            hi=f"{m} के गुणज: {listed}। {hi} गुणज {m} × {k} = {m * k} है।",
        ),
        difficulty=1,
        key=f"multiple:{m}:{k}",
        data={"form": "multiple", "number": m, "position": k},
        wrong=[(m * (k - 1), "table_fact"), (m * (k + 1), "table_fact"), (m + k, "operation_swap")],
    )


def factors_of(difficulty: int, n: int) -> Question:
    factors = [d for d in range(1, n + 1) if n % d == 0]
    pairs = [f"{d} × {n // d}" for d in factors if d * d <= n]
    second = factors[1]
    return fill_blank(
        "maths.c5.factors_multiples",
        instruction=Text(
            en="Write all the factors from smallest to greatest, separated by commas.",
            hi="सभी गुणनखंड छोटे से बड़े के क्रम में, अल्पविराम लगाकर लिखो।",
        ),
        prompt=Text(en=f"The factors of {n} are {BLANK}.", hi=f"{n} के गुणनखंड {BLANK} हैं।"),
        answer=", ".join(map(str, factors)),
        accepted=[",".join(map(str, factors))],
        solution=Text(
            en=f"Find the pairs that multiply to make {n}: {', '.join(pairs)}.",
            hi=f"वे जोड़े ढूँढो जिनका गुणनफल {n} है: {', '.join(pairs)}।",
        ),
        difficulty=difficulty,
        key=f"factors:{n}",
        data={"form": "factors", "number": n},
        wrong=[
            (", ".join(map(str, factors[1:-1])), "misconception"),
            (", ".join(str(d) for d in factors if d not in (second, n // second)), "table_fact"),
            (", ".join(str(n * i) for i in range(1, 5)), "operation_swap"),
        ],
    )


def common_multiple(difficulty: int, a: int, b: int) -> Question:
    lcm = a * b // gcd(a, b)
    if difficulty == 2:
        prompt = Text(
            en=f"A frog jumps {a} steps at a time and a rabbit jumps {b} steps at a time, both "
            f"starting at 0. The first number they both land on is {BLANK}.",
            hi=f"एक मेंढक एक बार में {a} कदम और एक खरगोश एक बार में {b} कदम कूदता है। दोनों 0 "
            f"से शुरू करते हैं। पहली संख्या जिस पर दोनों पहुँचते हैं, {BLANK} है।",
        )
    else:
        prompt = Text(
            en=f"The smallest common multiple of {a} and {b} is {BLANK}.",
            hi=f"{a} और {b} का सबसे छोटा सार्व गुणज {BLANK} है।",
        )
    of_a = ", ".join(str(a * i) for i in range(1, lcm // a + 1))
    of_b = ", ".join(str(b * i) for i in range(1, lcm // b + 1))
    return fill_blank(
        "maths.c5.factors_multiples",
        instruction=FILL,
        prompt=prompt,
        answer=lcm,
        solution=Text(
            en=f"Multiples of {a}: {of_a}. Multiples of {b}: {of_b}. The first number in both "
            f"lists is {lcm}.",
            hi=f"{a} के गुणज: {of_a}। {b} के गुणज: {of_b}। दोनों सूचियों में आने वाली पहली संख्या {lcm} है।",
        ),
        difficulty=difficulty,
        key=f"common_multiple:{a}:{b}",
        data={"form": "common_multiple", "numbers": [a, b]},
        wrong=[(a * b, "misconception"), (a + b, "operation_swap"), (2 * lcm, "counted_wrong")],
    )


def prime_among(rng: Random, difficulty: int) -> Question:
    low, high = ((3, 30), (3, 50), (31, 99))[difficulty - 1]
    prime = rng.choice([p for p in PRIMES if low <= p <= high])
    decoys = rng.sample([c for c in ODD_COMPOSITES if max(low, 9) <= c <= high], 3)
    numbers = [*decoys, prime]
    rng.shuffle(numbers)
    listed = ", ".join(map(str, numbers))
    broken = ", ".join(f"{c} = {smallest_factor(c)} × {c // smallest_factor(c)}" for c in decoys)
    return fill_blank(
        "maths.c5.factors_multiples",
        instruction=FILL,
        prompt=Text(
            en=f"The prime number among {listed} is {BLANK}.",
            hi=f"{listed} में अभाज्य संख्या {BLANK} है।",
        ),
        answer=prime,
        solution=Text(
            en=f"{prime} has only two factors, 1 and {prime}. The others have more: {broken}.",
            hi=f"{prime} के केवल दो गुणनखंड हैं, 1 और {prime}। बाकी संख्याओं के और भी गुणनखंड हैं: {broken}।",
        ),
        difficulty=difficulty,
        key=f"prime:{sorted(numbers)}",
        data={"form": "prime", "numbers": numbers},
        wrong=[(c, "misconception") for c in decoys],
    )
