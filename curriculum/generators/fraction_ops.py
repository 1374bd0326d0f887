"""Equivalent fractions, comparing fractions and adding like fractions, Class 5 (family
"fractions"), and how fraction answers are written and checked, which `fractions` shares.

Fraction answers are written "3/8". A fraction that can be simplified is also accepted in its
simplest form, and as ½, ¾, ... where such a character exists; a wrong answer is never one
with the same value as the answer. In "4/6 = ____/9" the answer is chosen first: a fraction in
lowest terms and two multipliers make both sides.
"""

from __future__ import annotations

from fractions import Fraction
from math import gcd
from random import Random

from curriculum.generators.common import BLANK, fill_blank, sample
from curriculum.generators.comparing import sign_between, sign_question
from curriculum.generators.registry import register
from curriculum.generators.slips import Slip, likeliest
from curriculum.question import Question, Text

FAMILY = "fractions"
GLYPHS = {
    Fraction(1, 2): "½", Fraction(1, 3): "⅓", Fraction(2, 3): "⅔", Fraction(1, 4): "¼",
    Fraction(3, 4): "¾", Fraction(1, 5): "⅕", Fraction(2, 5): "⅖", Fraction(3, 5): "⅗",
    Fraction(4, 5): "⅘", Fraction(1, 6): "⅙", Fraction(5, 6): "⅚", Fraction(1, 8): "⅛",
    Fraction(3, 8): "⅜", Fraction(5, 8): "⅝", Fraction(7, 8): "⅞",
}  # fmt: skip


def written(value: Fraction) -> str:
    """3/8, or 1 for a whole."""
    return (
        str(value.numerator) if value.denominator == 1 else f"{value.numerator}/{value.denominator}"
    )


def equal_forms(value: Fraction) -> list[str]:
    """Other ways to write the same value: simplest form and the single character, if any."""
    return [written(value), *([GLYPHS[value]] if value in GLYPHS else [])]


def real_slips(value: Fraction, slips: list[tuple[str, str]]) -> list[Slip]:
    """The likeliest wrong fractions among those that really differ from the answer in value
    (6/8 is not a wrong answer to 3/4), none of them zero."""
    return likeliest(
        written(value), [(text, error) for text, error in slips if differs(text, value)]
    )


def differs(text: str, value: Fraction) -> bool:
    top, _, bottom = text.partition("/")
    numerator, denominator = int(top), int(bottom or 1)
    # Cross-multiplying compares values as exactly as Fraction does, and much faster.
    return numerator > 0 and numerator * value.denominator != denominator * value.numerator


@register("maths.c5.equivalent_fractions", family=FAMILY)
def make_equivalent_fractions(rng: Random, difficulty: int) -> Question:
    """Answer first: a fraction p/q in lowest terms and two multipliers k, m make both sides,
    kp/kq = mp/mq. d1: p/q = ____/d; d2: the left side not in lowest terms (4/6 = ____/9);
    d3: the same, with the blank in either the numerator or the denominator."""
    q = rng.randint(2, 6 if difficulty == 1 else 10)
    p = sample(rng, lambda r: r.randint(1, q - 1), lambda v: gcd(v, q) == 1)
    k = 1 if difficulty == 1 else rng.randint(2, 4)
    m = sample(rng, lambda r: r.randint(2 if difficulty == 1 else 1, 5), lambda v: v != k)
    blank_top = difficulty < 3 or rng.random() < 0.5
    return equivalent_question(difficulty, (p, q), k, m, blank_top=blank_top)


def equivalent_question(
    difficulty: int, lowest: tuple[int, int], k: int, m: int, *, blank_top: bool
) -> Question:
    (p, q), (a, b), (c, d) = lowest, (k * lowest[0], k * lowest[1]), (m * lowest[0], m * lowest[1])
    right = f"{BLANK}/{d}" if blank_top else f"{c}/{BLANK}"
    if blank_top:
        slips = [
            (a + d - b, "operation_swap"),
            (p * (m + 1), "table_fact"),
            (p * (m - 1), "table_fact"),
        ]
    else:
        slips = [
            (b + c - a, "operation_swap"),
            (q * (m + 1), "table_fact"),
            (q * (m - 1), "table_fact"),
        ]
    return fill_blank(
        "maths.c5.equivalent_fractions",
        instruction=Text(
            en="Fill in the blank to make equivalent fractions.",
            hi="तुल्य भिन्न बनाने के लिए रिक्त स्थान भरो।",
        ),
        prompt=Text(en=f"{a}/{b} = {right}", hi=f"{a}/{b} = {right}"),
        answer=c if blank_top else d,
        solution=equivalent_solution((a, b), (p, q), (c, d), k, m),
        difficulty=difficulty,
        key=f"equivalent:{a}/{b}:{'top' if blank_top else 'bottom'}:{d if blank_top else c}",
        data={
            "left": [a, b],
            "blank": "numerator" if blank_top else "denominator",
            "given": d if blank_top else c,
        },
        wrong=likeliest(c if blank_top else d, slips),
    )


def equivalent_solution(
    left: tuple[int, int], lowest: tuple[int, int], right: tuple[int, int], k: int, m: int
) -> Text:
    (a, b), (p, q), (c, d) = left, lowest, right
    if k == 1:
        return Text(
            en=f"{b} × {m} = {d}, so multiply the numerator by {m} too: {a} × {m} = {c}.",
            hi=f"{b} × {m} = {d}, इसलिए अंश को भी {m} से गुणा करो: {a} × {m} = {c}।",
        )
    then_en = f" Then multiply both by {m}: {p}/{q} = {c}/{d}." if m > 1 else ""
    then_hi = f" फिर दोनों को {m} से गुणा करो: {p}/{q} = {c}/{d}।" if m > 1 else ""
    return Text(
        en=f"First divide the numerator and the denominator by {k}: {a}/{b} = {p}/{q}.{then_en}",
        hi=f"पहले अंश और हर दोनों को {k} से भाग दो: {a}/{b} = {p}/{q}।{then_hi}",
    )


@register("maths.c5.compare_fractions", family=FAMILY)
def make_compare_fractions(rng: Random, difficulty: int) -> Question:
    """d1: the same denominator; d2: the same numerator (more parts, smaller parts); d3:
    different numerators and denominators, sometimes equivalent (2/3 and 4/6)."""
    if difficulty == 1:
        n = rng.randint(3, 12)
        left, right = (rng.randint(1, n - 1), n), (rng.randint(1, n - 1), n)
    elif difficulty == 2:
        top = rng.randint(1, 5)
        low, high = sorted(rng.sample(range(top + 1, 13), 2))
        left, right = (top, low), (top, high)
    elif rng.random() < 0.2:
        q = rng.randint(2, 5)
        p = sample(rng, lambda r: r.randint(1, q - 1), lambda v: gcd(v, q) == 1)
        scale = rng.randint(2, 3)
        left, right = (p, q), (p * scale, q * scale)
    else:
        left, right = sample(
            rng,
            lambda r: (proper(r), proper(r)),
            lambda lr: lr[0][1] != lr[1][1] and lr[0][0] != lr[1][0],
        )
    if rng.random() < 0.5:
        left, right = right, left
    return fraction_comparison(difficulty, left, right)


def proper(rng: Random) -> tuple[int, int]:
    bottom = rng.randint(2, 10)
    return rng.randint(1, bottom - 1), bottom


def fraction_comparison(difficulty: int, left: tuple[int, int], right: tuple[int, int]) -> Question:
    (a, b), (c, d) = left, right
    if b == d:
        reason = Text(
            en=f"The denominators are the same, so compare the numerators: {a} and {c}.",
            hi=f"हर समान हैं, इसलिए अंशों की तुलना करो: {a} और {c}।",
        )
    elif a == c:
        reason = Text(
            en="The numerators are the same. The more equal parts a whole is cut into, the "
            "smaller each part is.",
            hi="अंश समान हैं। किसी पूरे को जितने अधिक बराबर भागों में बाँटते हैं, हर भाग उतना ही छोटा होता है।",
        )
    else:
        common_bottom = b * d // gcd(b, d)
        x, y = a * common_bottom // b, c * common_bottom // d
        reason = Text(
            en=f"Make the denominators the same: {a}/{b} = {x}/{common_bottom} and "
            f"{c}/{d} = {y}/{common_bottom}.",
            hi=f"हर समान बनाओ: {a}/{b} = {x}/{common_bottom} और {c}/{d} = {y}/{common_bottom}।",
        )
    return sign_question(
        "maths.c5.compare_fractions",
        difficulty,
        left=f"{a}/{b}",
        right=f"{c}/{d}",
        sign=sign_between(Fraction(a, b), Fraction(c, d)),
        reason=reason,
        data={"left": [a, b], "right": [c, d]},
    )


@register("maths.c5.add_like_fractions", family=FAMILY)
def make_add_like_fractions(rng: Random, difficulty: int) -> Question:
    """d1: a sum already in simplest form (2/7 + 3/7); d2: a sum to simplify (1/8 + 3/8);
    d3: larger denominators, the sum simplified or a whole (3/10 + 7/10 = 1)."""
    high, simple = ((10, True), (12, False), (20, False))[difficulty - 1]

    def draw(r: Random) -> tuple[int, int, int]:
        n = r.randint(3, high)
        a = r.randint(1, n - 2)
        return a, r.randint(1, n - a - (difficulty < 3)), n

    a, b, n = sample(rng, draw, lambda abn: (gcd(abn[0] + abn[1], abn[2]) == 1) == simple)
    return like_sum(difficulty, a, b, n)


def like_sum(difficulty: int, a: int, b: int, n: int) -> Question:
    total = a + b
    value = Fraction(total, n)
    answer = written(value)
    simplest_en = f" In simplest form: {answer}." if answer != f"{total}/{n}" else ""
    simplest_hi = f" सरलतम रूप: {answer}।" if answer != f"{total}/{n}" else ""
    # Adding the denominators too is the classic slip; multiplying only tempts when neither
    # numerator is 1 (1/5 + 3/5 "=" 3/5 fools no one).
    slips = [
        (f"{total}/{2 * n}", "fraction_part"),
        *([(f"{a * b}/{n}", "operation_swap")] if min(a, b) > 1 else []),
        (f"{total // gcd(total, n)}/{n}", "fraction_part"),
        (f"{abs(a - b)}/{n}", "operation_swap"),
        (f"{total + 1}/{n}", "off_by_one"),
    ]
    return fill_blank(
        "maths.c5.add_like_fractions",
        instruction=Text(
            en="Add. Write the answer in its simplest form.", hi="जोड़ो। उत्तर सरलतम रूप में लिखो।"
        ),
        prompt=Text(en=f"{a}/{n} + {b}/{n} = {BLANK}", hi=f"{a}/{n} + {b}/{n} = {BLANK}"),
        answer=answer,
        accepted=[f"{total}/{n}", *equal_forms(value)],
        solution=Text(
            en=f"The denominators are the same, so add the numerators: {a} + {b} = {total}, "
            f"giving {total}/{n}.{simplest_en}",
            hi=f"हर समान हैं, इसलिए अंश जोड़ो: {a} + {b} = {total}, यानी {total}/{n}।{simplest_hi}",
        ),
        difficulty=difficulty,
        key=f"add:{min(a, b)}:{max(a, b)}:{n}",
        data={"addends": [a, b], "denominator": n},
        wrong=real_slips(value, slips),
    )
