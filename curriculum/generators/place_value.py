"""Place value, Classes 1–5: tens and ones up to lakhs (family "numbers").

Every form is built from a number's digits, so wrong answers come from the mistakes children
really make with places: the digit for its value (5 for 500), a value one place off (50 or
5,000), a zero dropped (3,057 written 357), digits written in the order they were read.
Numbers from 10,000 on are shown in the Indian grouping (3,45,218) and accepted in any grouping.
"""

from __future__ import annotations

from dataclasses import dataclass
from random import Random

from curriculum.generators import common
from curriculum.generators.common import BLANK, FILL, fill_blank, indian, number_forms
from curriculum.generators.registry import register
from curriculum.question import Question, Text

FAMILY = "numbers"
WRITE_NUMERAL = Text(en="Write the number in numerals.", hi="संख्या को अंकों में लिखो।")


@dataclass(frozen=True)
class Place:
    one: str  # "hundred", as in "1 hundred"
    many: str  # "hundreds", as in "3 hundreds" and "the hundreds place"
    hi: str  # सैकड़ा, as in "1 सैकड़ा"
    hi_other: str  # सैकड़े: the plural ("3 सैकड़े") and the form before "के स्थान पर"


PLACES = (
    Place("one", "ones", "इकाई", "इकाई"),
    Place("ten", "tens", "दहाई", "दहाई"),
    Place("hundred", "hundreds", "सैकड़ा", "सैकड़े"),
    Place("thousand", "thousands", "हज़ार", "हज़ार"),
    Place("ten thousand", "ten thousands", "दस हज़ार", "दस हज़ार"),
    Place("lakh", "lakhs", "लाख", "लाख"),
    Place("ten lakh", "ten lakhs", "दस लाख", "दस लाख"),
)


def digits(n: int) -> list[int]:
    """The digits of n, ones first, so that digits(n)[p] is the digit worth 10**p."""
    return [int(c) for c in reversed(str(n))]


def count_of(count: int, p: int) -> Text:
    """ "3 hundreds" / "3 सैकड़े", with the singular for 1."""
    place = PLACES[p]
    if count == 1:
        return Text(en=f"1 {place.one}", hi=f"1 {place.hi}")
    return Text(en=f"{count} {place.many}", hi=f"{count} {place.hi_other}")


def distinct_digit_number(rng: Random, size: int) -> int:
    """A number of `size` digits, no digit repeated, so "the digit 5" names one place."""
    lead = rng.randint(1, 9)
    rest = rng.sample([d for d in range(10) if d != lead], size - 1)
    return int("".join(str(d) for d in (lead, *rest)))


def number_with_gap(rng: Random, size: int) -> int:
    """A number with a zero inside it and a non-zero ones digit: 3,057 but not 3,570."""
    inner = [rng.randint(0, 9) for _ in range(size - 2)]
    inner[rng.randrange(size - 2)] = 0
    return int("".join(str(d) for d in (rng.randint(1, 9), *inner, rng.randint(1, 9))))


def nonzero_place(rng: Random, n: int, lowest: int) -> int:
    """A place from `lowest` up whose digit is not 0 (the leading digit always qualifies)."""
    return rng.choice([p for p, d in enumerate(digits(n)) if d and p >= lowest])


def place_slips(digit: int, p: int) -> list[tuple[str, str]]:
    """The value of `digit` in place p as children misstate it: the bare digit, a place off."""
    slips = [digit, digit * 10 ** (p + 1), digit * 10 ** (p - 1) if p >= 2 else digit]
    return [(indian(v), "place_value") for v in slips]


def value_of_digit(skill_tag: str, difficulty: int, n: int, p: int) -> Question:
    """The place value of the digit in place p (p >= 1, the digit occurring once in n)."""
    digit, shown = digits(n)[p], indian(n)
    value, place = digit * 10**p, PLACES[p]
    return fill_blank(
        skill_tag,
        instruction=FILL,
        prompt=Text(
            en=f"The place value of {digit} in {shown} is {BLANK}.",
            hi=f"{shown} में {digit} का स्थानीय मान {BLANK} है।",
        ),
        answer=indian(value),
        accepted=number_forms(value),
        solution=Text(
            en=f"{digit} is in the {place.many} place, so its value is "
            f"{digit} × {indian(10**p)} = {indian(value)}.",
            hi=f"{digit} {place.hi_other} के स्थान पर है, इसलिए उसका मान "
            f"{digit} × {indian(10**p)} = {indian(value)} है।",
        ),
        difficulty=difficulty,
        key=f"value:{n}:{p}",
        data={"form": "value", "number": n, "digit": digit},
        wrong=place_slips(digit, p),
    )


def digit_in_place(skill_tag: str, difficulty: int, n: int, p: int) -> Question:
    """Which digit stands in place p (n has distinct digits, so the neighbours differ)."""
    ds, shown, place = digits(n), indian(n), PLACES[p]
    neighbours = [ds[q] for q in (p + 1, p - 1, p + 2) if 0 <= q < len(ds)]
    wrong = [(str(d), "place_value") for d in neighbours[:2]]
    if p:
        wrong.append((indian(ds[p] * 10**p), "place_value"))
    return fill_blank(
        skill_tag,
        instruction=FILL,
        prompt=Text(
            en=f"In {shown}, the digit in the {place.many} place is {BLANK}.",
            hi=f"{shown} में {place.hi_other} के स्थान का अंक {BLANK} है।",
        ),
        answer=ds[p],
        solution=Text(
            en=f"Read the places from the right: ones, tens, hundreds, ... "
            f"The {place.many} digit of {shown} is {ds[p]}.",
            hi=f"दाएँ से स्थान पढ़ो: इकाई, दहाई, सैकड़ा, ... "
            f"{shown} में {place.hi_other} के स्थान का अंक {ds[p]} है।",
        ),
        difficulty=difficulty,
        key=f"digit:{n}:{p}",
        data={"form": "digit", "number": n, "place": p},
        wrong=wrong,
    )


def expanded_terms(n: int) -> list[int]:
    """The non-zero terms of the expanded form, greatest first: 3,507 -> [3000, 500, 7]."""
    return [d * 10**p for p, d in reversed(list(enumerate(digits(n)))) if d]


def expanded_blank(skill_tag: str, difficulty: int, n: int, p: int) -> Question:
    """The expanded form of n with the term of place p (p >= 1, digit non-zero) left out."""
    digit, shown = digits(n)[p], indian(n)
    term = digit * 10**p
    sum_text = " + ".join(BLANK if t == term else indian(t) for t in expanded_terms(n))
    prompt = f"{shown} = {sum_text}"
    return fill_blank(
        skill_tag,
        instruction=Text(en="Complete the expanded form.", hi="विस्तारित रूप पूरा करो।"),
        prompt=Text(en=prompt, hi=prompt),
        answer=indian(term),
        accepted=number_forms(term),
        solution=Text(
            en=f"In {shown}, {digit} is in the {PLACES[p].many} place, so it stands for "
            f"{indian(term)}.",
            hi=f"{shown} में {digit} {PLACES[p].hi_other} के स्थान पर है, इसलिए उसका मान "
            f"{indian(term)} है।",
        ),
        difficulty=difficulty,
        key=f"expanded:{n}:{p}",
        data={"form": "expanded", "number": n, "place": p},
        wrong=place_slips(digit, p),
    )


def compose(
    skill_tag: str, difficulty: int, n: int, rng: Random, *, in_words: bool, shuffle: bool
) -> Question:
    """Write the number from its parts ("3 thousands + 5 hundreds + 7 ones"), n with a zero."""
    parts = [(d, p) for p, d in reversed(list(enumerate(digits(n)))) if d]
    if shuffle:
        rng.shuffle(parts)
    shown = [count_of(d, p) if in_words else Text(en=indian(d * 10**p)) for d, p in parts]
    en = " + ".join(t.en for t in shown) + f" = {BLANK}"
    hi = " + ".join(t.hi or t.en for t in shown) + f" = {BLANK}"
    terms = " + ".join(indian(t) for t in expanded_terms(n))
    return fill_blank(
        skill_tag,
        instruction=WRITE_NUMERAL,
        prompt=Text(en=en, hi=hi),
        answer=indian(n),
        accepted=number_forms(n),
        solution=Text(
            en=f"{terms} = {indian(n)}. Write 0 in every place that has nothing.",
            hi=f"{terms} = {indian(n)}। जिस स्थान पर कुछ नहीं है, वहाँ 0 लिखो।",
        ),
        difficulty=difficulty,
        key=f"compose:{n}:{'words' if in_words else 'numerals'}",
        data={"form": "compose", "parts": [[d, p] for d, p in parts]},
        wrong=compose_slips(n, [d for d, _ in parts]),
    )


def compose_slips(n: int, written: list[int]) -> list[tuple[str, str]]:
    """The zero dropped (357), the digits pushed left (3570), the digits in the order read."""
    size = len(str(n))
    packed = "".join(str(d) for d in reversed(digits(n)) if d)
    slips = [int(packed), int(packed.ljust(size, "0")), int("".join(map(str, written)))]
    return [(indian(v), "place_value") for v in slips]


@register("maths.c1.tens_ones_99", family=FAMILY)
def make_tens_ones(rng: Random, difficulty: int) -> Question:
    """d1: how many tens or ones in 21–59; d2: tens and ones make a number;
    d3: the same with the ones said first ("7 ones and 4 tens")."""
    if difficulty == 1:
        n = rng.randint(21, 59)
        return tens_ones_split(difficulty, n, ask_tens=rng.random() < 0.5)
    n = common.sample(rng, lambda r: r.randint(21, 99), lambda v: v % 10 != 0)
    return tens_ones_join(difficulty, n, ones_first=difficulty == 3)


def tens_ones_split(difficulty: int, n: int, *, ask_tens: bool) -> Question:
    tens, ones = divmod(n, 10)
    # "4 tens and 1 one": the noun agrees with the number shown, and stays plural at a blank
    tens_en = f"{BLANK} tens" if ask_tens else count_of(tens, 1).en
    ones_en = count_of(ones, 0).en if ask_tens else f"{BLANK} ones"
    tens_hi, ones_hi = (BLANK if ask_tens else tens), (ones if ask_tens else BLANK)
    answer = tens if ask_tens else ones
    wrong = [(ones, "place_value"), (tens * 10, "place_value"), (tens + 1, "off_by_one")]
    if not ask_tens:
        wrong = [(tens, "place_value"), (ones + 1, "off_by_one"), (ones - 1, "off_by_one")]
    return fill_blank(
        "maths.c1.tens_ones_99",
        instruction=FILL,
        prompt=Text(
            en=f"{n} has {tens_en} and {ones_en}.",
            hi=f"{n} में {tens_hi} दहाई और {ones_hi} इकाई हैं।",
        ),
        answer=answer,
        solution=Text(
            en=f"{n} = {tens * 10} + {ones}: {count_of(tens, 1).en} and {count_of(ones, 0).en}.",
            hi=f"{n} = {tens * 10} + {ones}: {tens} दहाई और {ones} इकाई।",
        ),
        difficulty=difficulty,
        key=f"split:{n}:{'tens' if ask_tens else 'ones'}",
        data={"form": "split", "number": n, "ask": "tens" if ask_tens else "ones"},
        wrong=wrong,
    )


def tens_ones_join(difficulty: int, n: int, *, ones_first: bool) -> Question:
    tens, ones = divmod(n, 10)
    parts = [count_of(tens, 1), count_of(ones, 0)]
    if ones_first:
        parts.reverse()
    return fill_blank(
        "maths.c1.tens_ones_99",
        instruction=FILL,
        prompt=Text(
            en=f"{parts[0].en} and {parts[1].en} = {BLANK}",
            hi=f"{parts[0].hi} और {parts[1].hi} = {BLANK}",
        ),
        answer=n,
        solution=Text(
            en=f"{count_of(tens, 1).en} = {tens * 10}, and {tens * 10} + {ones} = {n}.",
            hi=f"{tens} दहाई = {tens * 10}, और {tens * 10} + {ones} = {n}।",
        ),
        difficulty=difficulty,
        key=f"join:{n}:{'ones_first' if ones_first else 'tens_first'}",
        data={"form": "join", "tens": tens, "ones": ones},
        wrong=[
            (ones * 10 + tens, "reversed_digits"),
            (tens * 100 + ones, "place_value"),
            (tens + ones, "place_value"),
        ],
    )


@register("maths.c2.place_value_100", family=FAMILY)
def make_place_value_100(rng: Random, difficulty: int) -> Question:
    """d1: 47 = ____ + 7 or 47 = 40 + ____; d2: the place value of a digit;
    d3: regrouping, "3 tens and 14 ones = ____"."""
    n = common.sample(rng, lambda r: r.randint(21, 99), lambda v: v % 11 != 0 and v % 10 != 0)
    if difficulty == 1:
        return two_digit_expanded(n, ask_tens=rng.random() < 0.5)
    if difficulty == 2:
        return value_of_digit("maths.c2.place_value_100", difficulty, n, 1)
    tens = rng.randint(1, 9)
    return regroup_ones(tens, rng.randint(10, min(19, 100 - tens * 10)))


def two_digit_expanded(n: int, *, ask_tens: bool) -> Question:
    tens, ones = divmod(n, 10)
    if ask_tens:
        return expanded_blank("maths.c2.place_value_100", 1, n, 1)
    return fill_blank(
        "maths.c2.place_value_100",
        instruction=Text(en="Complete the expanded form.", hi="विस्तारित रूप पूरा करो।"),
        prompt=Text(en=f"{n} = {tens * 10} + {BLANK}", hi=f"{n} = {tens * 10} + {BLANK}"),
        answer=ones,
        solution=Text(
            en=f"{n} has {count_of(tens, 1).en} and {count_of(ones, 0).en}, so "
            f"{n} = {tens * 10} + {ones}.",
            hi=f"{n} में {tens} दहाई और {ones} इकाई हैं, इसलिए {n} = {tens * 10} + {ones}।",
        ),
        difficulty=1,
        key=f"expanded:{n}:0",
        data={"form": "expanded", "number": n, "place": 0},
        wrong=[(ones * 10, "place_value"), (tens, "place_value"), (ones + 1, "off_by_one")],
    )


def regroup_ones(tens: int, ones: int) -> Question:
    """More than 9 ones: ten of them make one more ten (forgetting it gives 34 for 44)."""
    total = tens * 10 + ones
    ones_left = ones - 10
    return fill_blank(
        "maths.c2.place_value_100",
        instruction=FILL,
        prompt=Text(
            en=f"{count_of(tens, 1).en} and {ones} ones = {BLANK}",
            hi=f"{count_of(tens, 1).hi} और {ones} इकाई = {BLANK}",
        ),
        answer=total,
        solution=Text(
            en=f"{ones} ones = 1 ten and {count_of(ones_left, 0).en}. So we have "
            f"{count_of(tens + 1, 1).en} and {count_of(ones_left, 0).en} = {total}.",
            hi=f"{ones} इकाई = 1 दहाई और {ones_left} इकाई। यानी {tens + 1} दहाई और "
            f"{ones_left} इकाई = {total}।",
        ),
        difficulty=3,
        key=f"regroup:{tens}:{ones}",
        data={"form": "regroup", "tens": tens, "ones": ones},
        wrong=[
            (tens * 10 + ones_left, "forgot_to_carry"),
            (int(f"{tens}{ones}"), "place_value"),
            (tens + ones, "place_value"),
        ],
    )


@register("maths.c3.place_value_3digit", family=FAMILY)
def make_place_value_3digit(rng: Random, difficulty: int) -> Question:
    """d1: the digit in a place; d2: place value or expanded form; d3: a number with a zero
    from its parts said out of order ("5 ones + 3 hundreds")."""
    return place_value_for("maths.c3.place_value_3digit", rng, difficulty, size=3)


@register("maths.c4.place_value_4digit", family=FAMILY)
def make_place_value_4digit(rng: Random, difficulty: int) -> Question:
    """As for 3 digits, with thousands; d2 also writes numbers from their expanded form."""
    return place_value_for("maths.c4.place_value_4digit", rng, difficulty, size=4)


def place_value_for(skill_tag: str, rng: Random, difficulty: int, *, size: int) -> Question:
    if difficulty == 1:
        n = distinct_digit_number(rng, size)
        return digit_in_place(skill_tag, difficulty, n, rng.randrange(size))
    if difficulty == 2:
        form = rng.randrange(3 if size == 4 else 2)
        if form == 0:
            n = distinct_digit_number(rng, size)
            return value_of_digit(skill_tag, difficulty, n, nonzero_place(rng, n, 1))
        if form == 1:
            n = rng.randint(10 ** (size - 1), 10**size - 1)
            return expanded_blank(skill_tag, difficulty, n, nonzero_place(rng, n, 1))
        return compose(
            skill_tag, difficulty, number_with_gap(rng, size), rng, in_words=False, shuffle=False
        )
    return compose(
        skill_tag, difficulty, number_with_gap(rng, size), rng, in_words=True, shuffle=True
    )


@register("maths.c5.place_value_large", family=FAMILY)
def make_place_value_large(rng: Random, difficulty: int) -> Question:
    """d1: the place value or the digit of a place (thousands to lakhs) in a 6-digit number;
    d2: expanded form of a 6–7 digit number; d3: numerals from "3 lakh 4 thousand 25"."""
    tag = "maths.c5.place_value_large"
    if difficulty == 1:
        n = distinct_digit_number(rng, 6)
        if rng.random() < 0.5:
            return value_of_digit(tag, difficulty, n, nonzero_place(rng, n, 3))
        return digit_in_place(tag, difficulty, n, rng.randint(3, 5))
    if difficulty == 2:
        n = rng.randint(100_000, 9_999_999)
        return expanded_blank(tag, difficulty, n, nonzero_place(rng, n, 3))
    thousands = rng.randint(1, 9) if rng.random() < 0.5 else rng.randint(10, 99)
    return from_lakh_words(rng.randint(1, 99), thousands, rng.randint(1, 99))


def from_lakh_words(lakhs: int, thousands: int, rest: int) -> Question:
    """A number said in lakhs and thousands (rest < 100, so it leaves a zero to write)."""
    n = lakhs * 100_000 + thousands * 1000 + rest
    slips = [
        int(f"{lakhs}{thousands}{rest}"),  # the parts side by side, no zeros
        n - rest + int(str(rest).ljust(3, "0")),  # 25 written as 250
    ]
    if thousands < 10:  # 4 thousand written in the ten thousands place
        slips.append(n + thousands * 9000)
    return fill_blank(
        "maths.c5.place_value_large",
        instruction=WRITE_NUMERAL,
        prompt=Text(
            en=f"{lakhs} lakh {thousands} thousand {rest} = {BLANK}",
            hi=f"{lakhs} लाख {thousands} हज़ार {rest} = {BLANK}",
        ),
        answer=indian(n),
        accepted=number_forms(n),
        solution=Text(
            en=f"{lakhs} lakh = {indian(lakhs * 100_000)}, {thousands} thousand = "
            f"{indian(thousands * 1000)}; together with {rest} that is {indian(n)}.",
            hi=f"{lakhs} लाख = {indian(lakhs * 100_000)}, {thousands} हज़ार = "
            f"{indian(thousands * 1000)}; इनमें {rest} जोड़ने पर {indian(n)}।",
        ),
        difficulty=3,
        key=f"lakh_words:{n}",
        data={"form": "lakh_words", "lakhs": lakhs, "thousands": thousands, "rest": rest},
        wrong=[(indian(v), "place_value") for v in slips],
    )
