"""Comparing, ordering and rounding whole numbers, Classes 1–5 (family "numbers").

Sign questions ("47 ____ 74") list the other two signs as the wrong answers, so their
multiple-choice form offers >, < and =. The pairs are chosen where children slip: digits
reversed, a shorter number with bigger digits (987 and 1,023), the same leading digits.
`sign_question` is shared with the fraction generators.
"""

from __future__ import annotations

from fractions import Fraction
from random import Random

from curriculum.generators import common
from curriculum.generators.common import BLANK, FILL, fill_blank, indian, number_forms
from curriculum.generators.place_value import PLACES
from curriculum.generators.registry import register
from curriculum.question import Question, Text

FAMILY = "numbers"
SIGNS = (">", "<", "=")
SIGN_INSTRUCTION = Text(en="Write >, < or = in the blank.", hi="रिक्त स्थान में >, < या = लिखो।")


def sign_between(left: int | Fraction, right: int | Fraction) -> str:
    return ">" if left > right else "<" if left < right else "="


def sign_question(
    skill_tag: str,
    difficulty: int,
    *,
    left: str,
    right: str,
    sign: str,
    reason: Text,
    data: dict[str, object],
) -> Question:
    """`left ____ right`; `reason` explains the comparison and the solution draws the sign.

    The key is the unordered pair: "3 ____ 5" and "5 ____ 3" are one item."""
    low, high = sorted((left, right))
    return fill_blank(
        skill_tag,
        instruction=SIGN_INSTRUCTION,
        prompt=Text(en=f"{left} {BLANK} {right}", hi=f"{left} {BLANK} {right}"),
        answer=sign,
        solution=Text(
            en=f"{reason.en} So {left} {sign} {right}.",
            hi=f"{reason.hi} इसलिए {left} {sign} {right}।",
        ),
        difficulty=difficulty,
        key=f"compare:{low}:{high}",
        data=data,
        wrong=[(s, "compared_wrong") for s in SIGNS if s != sign],
    )


def digit_reason(left: int, right: int) -> Text:
    """Why one whole number is greater: more digits, or the first digit from the left that
    differs."""
    a, b = str(left), str(right)
    big, small = (left, right) if left > right else (right, left)
    if len(a) != len(b):
        return Text(
            en=f"{indian(big)} has more digits than {indian(small)}.",
            hi=f"{indian(big)} में {indian(small)} से अधिक अंक हैं।",
        )
    if a == b:
        return Text(en="Both numbers are the same.", hi="दोनों संख्याएँ समान हैं।")
    if len(a) == 1:
        return Text(
            en=f"When we count, {big} comes after {small}.",
            hi=f"गिनती में {big}, {small} के बाद आता है।",
        )
    i = next(i for i in range(len(a)) if a[i] != b[i])
    place = PLACES[len(a) - 1 - i]
    return Text(
        en=f"Compare the digits from the left. The first digits that differ are in the "
        f"{place.many} place: {a[i]} and {b[i]}.",
        hi=f"बाएँ से अंकों की तुलना करो। पहले अलग अंक {place.hi_other} के स्थान पर हैं: {a[i]} और {b[i]}।",
    )


def compare_numbers(skill_tag: str, difficulty: int, left: int, right: int) -> Question:
    return sign_question(
        skill_tag,
        difficulty,
        left=indian(left),
        right=indian(right),
        sign=sign_between(left, right),
        reason=digit_reason(left, right),
        data={"form": "sign", "left": left, "right": right},
    )


@register("maths.c1.compare_9", family=FAMILY)
def make_compare_9(rng: Random, difficulty: int) -> Question:
    """d1: numbers 1–5; d2: 0–9; d3: 0–9 differing by at most 1 (or equal)."""
    if difficulty == 1:
        a, b = rng.randint(1, 5), rng.randint(1, 5)
    elif difficulty == 2:
        a, b = rng.randint(0, 9), rng.randint(0, 9)
    else:
        a = rng.randint(0, 9)
        b = min(9, max(0, a + rng.choice((-1, 0, 1, 1))))
    return compare_numbers("maths.c1.compare_9", difficulty, a, b)


@register("maths.c2.compare_100", family=FAMILY)
def make_compare_100(rng: Random, difficulty: int) -> Question:
    """d1: different tens digits; d2: the same tens digit; d3: reversed digits (47, 74),
    a one-digit number against a two-digit one (9, 21), or equal numbers."""
    a = rng.randint(10, 99)
    if difficulty == 1:
        b = common.sample(rng, lambda r: r.randint(10, 99), lambda v: v // 10 != a // 10)
    elif difficulty == 2:
        b = a // 10 * 10 + rng.randint(0, 9)
    else:
        a = common.sample(rng, lambda r: r.randint(12, 98), lambda v: v % 10 and v % 11)
        b = rng.choice((a % 10 * 10 + a // 10, a % 10 * 10 + a // 10, rng.randint(a // 10, 9), a))
    if rng.random() < 0.5:
        a, b = b, a
    return compare_numbers("maths.c2.compare_100", difficulty, a, b)


@register("maths.c3.compare_3digit", family=FAMILY)
def make_compare_3digit(rng: Random, difficulty: int) -> Question:
    """d1: different hundreds; d2: the same hundreds; d3: the greatest or smallest of 3–4
    numbers made from the same digits."""
    tag = "maths.c3.compare_3digit"
    a = rng.randint(100, 999)
    if difficulty == 1:
        b = common.sample(rng, lambda r: r.randint(100, 999), lambda v: v // 100 != a // 100)
        return compare_numbers(tag, difficulty, a, b)
    if difficulty == 2:
        return compare_numbers(tag, difficulty, a, a // 100 * 100 + rng.randint(0, 99))
    trio = rng.sample(range(1, 10), 3)
    numbers = sorted(
        {int(f"{x}{y}{z}") for x in trio for y in trio for z in trio if len({x, y, z}) == 3}
    )
    return extreme_question(tag, difficulty, rng.sample(numbers, rng.randint(3, 4)), rng)


@register("maths.c4.compare_order_4digit", family=FAMILY)
def make_compare_order_4digit(rng: Random, difficulty: int) -> Question:
    """d1: compare (4 digits, or 3 against 4); d2: greatest or smallest of four numbers with
    the same thousands; d3: greatest or smallest 4-digit number from four given digits."""
    tag = "maths.c4.compare_order_4digit"
    if difficulty == 1:
        a = rng.randint(1000, 9999)
        b = rng.choice((rng.randint(900, 999), a // 100 * 100 + rng.randint(0, 99)))
        return compare_numbers(tag, difficulty, *rng.sample((a, b), 2))
    if difficulty == 2:
        thousands = rng.randint(1, 9) * 1000
        numbers = rng.sample(range(thousands, thousands + 1000), 4)
        return extreme_question(tag, difficulty, numbers, rng)
    return digits_question(tag, rng.sample(range(10), 4), rng.choice(("greatest", "smallest")))


@register("maths.c5.compare_large", family=FAMILY)
def make_compare_large(rng: Random, difficulty: int) -> Question:
    """d1: 5 digits against 6 (the shorter with the bigger first digit); d2: 6–7 digits with the
    same first digit; d3: the same digits but the last two swapped, or equal numbers."""
    tag = "maths.c5.compare_large"
    if difficulty == 1:
        a, b = rng.randint(50_000, 99_999), rng.randint(100_000, 499_999)
    elif difficulty == 2:
        a = rng.randint(100_000, 9_999_999)
        b = differ_at_second_digit(rng, a)
    else:
        a = common.sample(
            rng, lambda r: r.randint(100_000, 9_999_999), lambda v: v // 10 % 10 != v % 10
        )
        b = a if rng.random() < 0.15 else a // 100 * 100 + a % 10 * 10 + a // 10 % 10
    return compare_numbers(tag, difficulty, *rng.sample((a, b), 2))


def differ_at_second_digit(rng: Random, n: int) -> int:
    """A number as long as n with the same first digit and a different second one."""
    text = str(n)
    second = rng.choice([d for d in "0123456789" if d != text[1]])
    rest = "".join(rng.choice("0123456789") for _ in text[2:])
    return int(text[0] + second + rest)


def extreme_question(skill_tag: str, difficulty: int, numbers: list[int], rng: Random) -> Question:
    """The greatest or smallest of a few numbers; wrong: the other end, the runner-up, and the
    number with the greatest (or smallest) ones digit, from comparing the wrong end."""
    want = rng.choice(("greatest", "smallest"))
    ordered = sorted(numbers, reverse=want == "greatest")
    by_ones = sorted(numbers, key=lambda v: (v % 10, v), reverse=want == "greatest")[0]
    listed = ", ".join(indian(v) for v in numbers)
    word_hi = "बड़ी" if want == "greatest" else "छोटी"
    in_order = ", ".join(indian(v) for v in sorted(numbers))
    return fill_blank(
        skill_tag,
        instruction=FILL,
        prompt=Text(
            en=f"The {want} number among {listed} is {BLANK}.",
            hi=f"{listed} में सबसे {word_hi} संख्या {BLANK} है।",
        ),
        answer=indian(ordered[0]),
        accepted=number_forms(ordered[0]),
        solution=Text(
            en=f"From smallest to greatest: {in_order}. The {want} is {indian(ordered[0])}.",
            hi=f"छोटी से बड़ी के क्रम में: {in_order}। सबसे {word_hi} {indian(ordered[0])} है।",
        ),
        difficulty=difficulty,
        key=f"{want}:{sorted(numbers)}",
        data={"form": want, "numbers": numbers},
        wrong=[
            (indian(ordered[-1]), "compared_wrong"),
            (indian(by_ones), "place_value"),
            (indian(ordered[1]), "compared_wrong"),
        ],
    )


def digits_question(skill_tag: str, given: list[int], want: str) -> Question:
    """The greatest or smallest 4-digit number using each given digit once; 0 may not lead."""
    down = sorted(given, reverse=True)
    up = sorted(given)
    if up[0] == 0:
        up[0], up[1] = up[1], 0
    best = down if want == "greatest" else up
    other = up if want == "greatest" else down
    as_text = "".join(map(str, best))
    slips = [
        ("".join(map(str, other)), "compared_wrong"),
        (as_text[:2] + as_text[3] + as_text[2], "compared_wrong"),
    ]
    if want == "smallest" and 0 in given:
        slips.insert(0, ("".join(map(str, sorted(given))), "place_value"))
    return fill_blank(
        skill_tag,
        instruction=FILL,
        prompt=Text(
            en=f"Using each of the digits {', '.join(map(str, given))} once, the {want} "
            f"4-digit number is {BLANK}.",
            hi=f"अंकों {', '.join(map(str, given))} को एक-एक बार प्रयोग करके बनी सबसे "
            f"{'बड़ी' if want == 'greatest' else 'छोटी'} 4-अंकीय संख्या {BLANK} है।",
        ),
        answer=as_text,
        solution=digits_solution(want, as_text, 0 in given),
        difficulty=3,
        key=f"digits:{want}:{sorted(given)}",
        data={"form": "digits", "want": want, "digits": given},
        wrong=slips,
    )


def digits_solution(want: str, answer: str, has_zero: bool) -> Text:
    if want == "greatest":
        return Text(
            en=f"Put the digits from the greatest to the smallest: {answer}.",
            hi=f"अंकों को बड़े से छोटे के क्रम में रखो: {answer}।",
        )
    zero_en = " 0 cannot come first, so the smallest non-zero digit leads." if has_zero else ""
    zero_hi = " 0 सबसे आगे नहीं आ सकता, इसलिए सबसे छोटा शून्येतर अंक आगे रखो।" if has_zero else ""
    return Text(
        en=f"Put the digits from the smallest to the greatest.{zero_en} Answer: {answer}.",
        hi=f"अंकों को छोटे से बड़े के क्रम में रखो।{zero_hi} उत्तर: {answer}।",
    )


@register("maths.c4.round_10_100", family=FAMILY)
def make_round(rng: Random, difficulty: int) -> Question:
    """d1: 2-digit numbers to the nearest 10, never halfway; d2: 3-digit numbers to the nearest
    10, halfway allowed; d3: 3–4 digit numbers to the nearest 100."""
    if difficulty == 1:
        n = common.sample(rng, lambda r: r.randint(11, 99), lambda v: v % 10 not in (0, 5))
        unit = 10
    elif difficulty == 2:
        n, unit = common.sample(rng, lambda r: r.randint(101, 999), lambda v: v % 10 != 0), 10
    else:
        n = common.sample(rng, lambda r: r.randint(101, 9999), lambda v: v % 100 != 0)
        unit = 100
    return rounding_question(difficulty, n, unit)


def rounding_question(difficulty: int, n: int, unit: int) -> Question:
    low = n // unit * unit
    high = low + unit
    answer = high if n - low >= unit // 2 else low  # halfway rounds up, the school rule
    other = low if answer == high else high
    other_unit = 100 if unit == 10 else 10
    other_place = (n + other_unit // 2) // other_unit * other_unit
    beyond = answer + unit if answer == high else answer - unit
    slips = [(other, "compared_wrong"), (beyond, "off_by_one"), (other_place, "place_value")]
    return fill_blank(
        "maths.c4.round_10_100",
        instruction=FILL,
        prompt=Text(
            en=f"{n} rounded to the nearest {unit} is {BLANK}.",
            hi=f"{n} को निकटतम {unit} तक पूर्णांकित करने पर {BLANK} मिलता है।",
        ),
        answer=answer,
        solution=rounding_solution(n, low, high, answer),
        difficulty=difficulty,
        key=f"round:{n}:{unit}",
        data={"number": n, "unit": unit},
        wrong=[(v, e) for v, e in slips if v > 0],
    )


def rounding_solution(n: int, low: int, high: int, answer: int) -> Text:
    if n - low == high - n:
        return Text(
            en=f"{n} is exactly halfway between {low} and {high}; halfway rounds up to {high}.",
            hi=f"{n}, {low} और {high} के ठीक बीच में है; ठीक बीच वाली संख्या ऊपर की ओर, "
            f"{high} पर, पूर्णांकित होती है।",
        )
    return Text(
        en=f"{n} lies between {low} and {high}, and is nearer to {answer}.",
        hi=f"{n}, {low} और {high} के बीच है, और {answer} के अधिक निकट है।",
    )
