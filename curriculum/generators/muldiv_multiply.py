"""Multiplication generators: repeated addition, equal groups, tables, carrying, 3- by 2-digit."""

from __future__ import annotations

from random import Random

from curriculum.generators import muldiv_words as words
from curriculum.generators.common import ADD, BLANK, FILL, MULTIPLY, indian, person, sample
from curriculum.generators.muldiv_common import (
    FAMILY,
    Mistakes,
    Worked,
    ask,
    ask_word,
    div_key,
    mul_key,
    pick,
    repeat,
    same,
)
from curriculum.generators.registry import register
from curriculum.question import Question, Text

# --- Class 1: repeated addition -----------------------------------------------------------------

C1_REPEATED = "maths.c1.repeated_addition"

# (groups, sizes of a group, largest total) by difficulty. Class 1 adds small equal groups
# (NCERT's "How Many Times?"): no "5 groups of 9" before the tables of Class 3; groups of 10
# count in tens, which Class 1 does in "Fun with Numbers".
_REPEATED = {
    1: ((2, 4), (1, 2, 3, 4, 5), 12),
    2: ((2, 5), (2, 3, 4, 5), 20),
    3: ((3, 5), (2, 3, 4, 5, 10), 50),
}


def _repeated_values(rng: Random, difficulty: int) -> tuple[int, int]:
    (least, most), sizes, largest = _REPEATED[difficulty]
    values: tuple[int, int] = sample(
        rng, lambda r: (r.randint(least, most), r.choice(sizes)), lambda v: v[0] * v[1] <= largest
    )
    return values


def _repeated_worked(groups: int, size: int, form: str) -> Worked:
    total = groups * size
    added = repeat(size, groups)
    return Worked(
        answer=total,
        solution=Text(
            en=f"{added} = {total}, so {groups} groups of {size} make {total}.",
            hi=f"{added} = {total}, इसलिए {size}-{size} के {groups} समूहों में {total} होते हैं।",
        ),
        key=f"rep:{groups}:{size}:{form}",  # "4 + 4 + 4" and "3 groups of 4" ask differently
        data={"groups": groups, "size": size, "form": form},
        wrong=[
            ((groups - 1) * size, "off_by_one"),  # one group too few
            ((groups + 1) * size, "off_by_one"),
            (groups + size, "operation_swap"),  # added the two numbers
        ],
    )


def _repeated_word(rng: Random, difficulty: int) -> Question:
    groups, size = sample(rng, lambda r: _repeated_values(r, difficulty), lambda v: v[1] >= 2)
    who = person(rng)
    worked = _repeated_worked(groups, size, "word")
    return ask_word(C1_REPEATED, difficulty, worked, words.laddoo_plates(who, groups, size), who)


@register(C1_REPEATED, family=FAMILY, word_problem=_repeated_word)
def repeated_addition(rng: Random, difficulty: int) -> Question:
    groups, size = _repeated_values(rng, difficulty)
    if rng.random() < 0.5:
        worked = _repeated_worked(groups, size, "sum")
        return ask(C1_REPEATED, difficulty, worked, same(f"{repeat(size, groups)} = {BLANK}"), ADD)
    prompt = Text(
        en=f"{groups} groups of {size} = {BLANK}", hi=f"{size}-{size} के {groups} समूह = {BLANK}"
    )
    return ask(C1_REPEATED, difficulty, _repeated_worked(groups, size, "groups"), prompt)


# --- Class 2: equal groups ----------------------------------------------------------------------

C2_GROUPS = "maths.c2.equal_groups"

# (most groups, largest group) by difficulty; every product stays within 50.
_GROUPS = {1: (5, 5), 2: (10, 5), 3: (10, 10)}
_GROUP_FORMS = {
    1: ("product", "count"),
    2: ("product", "count"),
    3: ("product", "count", "missing"),
}


def _groups_values(rng: Random, difficulty: int) -> tuple[int, int]:
    most, largest = _GROUPS[difficulty]
    values: tuple[int, int] = sample(
        rng, lambda r: (r.randint(2, most), r.randint(2, largest)), lambda v: v[0] * v[1] <= 50
    )
    return values


def _groups_worked(groups: int, size: int, form: str) -> Worked:
    """The product of equal groups, or (count / missing) how many groups make the total."""
    product = groups * size
    added = repeat(size, groups)
    data = {"groups": groups, "size": size, "product": product, "form": form}
    if form in ("product", "word"):
        solution = Text(
            en=f"{added} = {product}, so {groups} × {size} = {product}.",
            hi=f"{added} = {product}, इसलिए {groups} × {size} = {product}।",
        )
        wrong: Mistakes = [
            ((groups - 1) * size, "table_fact"),
            ((groups + 1) * size, "table_fact"),
            (groups + size, "operation_swap"),
        ]
        return Worked(product, solution, mul_key(groups, size), data, wrong)
    solution = Text(
        en=f"{added} = {product}: that is {groups} groups of {size}, so the answer is {groups}.",
        hi=f"{added} = {product}: यानी {size}-{size} के {groups} समूह, इसलिए उत्तर {groups} है।",
    )
    wrong = [
        (groups - 1, "off_by_one"),
        (groups + 1, "off_by_one"),
        (product - size, "operation_swap"),  # took one group away
    ]
    return Worked(groups, solution, f"{div_key(product, size)}:{form}", data, wrong)


def _groups_prompt(groups: int, size: int, form: str) -> Text:
    if form == "product":
        return Text(
            en=f"{groups} groups of {size} = {groups} × {size} = {BLANK}",
            hi=f"{size}-{size} के {groups} समूह = {groups} × {size} = {BLANK}",
        )
    if form == "count":
        return same(f"{repeat(size, groups)} = {BLANK} × {size}")
    return Text(
        en=f"{BLANK} groups of {size} make {groups * size}.",
        hi=f"{size}-{size} के समूहों से {groups * size} बनते हैं। समूहों की संख्या = {BLANK}",
    )


def _groups_word(rng: Random, difficulty: int) -> Question:
    groups, size = _groups_values(rng, difficulty)
    who = person(rng)
    prompt = words.mango_baskets(who, groups, size)
    return ask_word(C2_GROUPS, difficulty, _groups_worked(groups, size, "word"), prompt, who)


@register(C2_GROUPS, family=FAMILY, word_problem=_groups_word)
def equal_groups(rng: Random, difficulty: int) -> Question:
    groups, size = _groups_values(rng, difficulty)
    form = pick(rng, _GROUP_FORMS[difficulty])
    worked = _groups_worked(groups, size, form)
    return ask(C2_GROUPS, difficulty, worked, _groups_prompt(groups, size, form))


# --- Class 3: the tables ------------------------------------------------------------------------

C3_TABLES = "maths.c3.mult_tables"

# (tables, multipliers, forms) by difficulty: the easy tables, all tables, then the hard tables
# mostly with a missing factor.
_TABLES: dict[int, tuple[tuple[int, ...], tuple[int, int], tuple[str, ...]]] = {
    1: ((2, 3, 4, 5, 10), (1, 10), ("product",)),
    2: (tuple(range(2, 11)), (1, 10), ("product", "missing")),
    3: ((6, 7, 8, 9), (2, 10), ("product", "missing", "missing_first")),
}


def _tables_values(rng: Random, difficulty: int, lowest: int = 1) -> tuple[int, int]:
    tables, (low, high), _ = _TABLES[difficulty]
    return rng.choice(tables), rng.randint(max(low, lowest), high)


def _tables_worked(table: int, times: int, form: str) -> Worked:
    """A table fact, or (missing / missing_first) its missing factor."""
    product = table * times
    data = {"table": table, "times": times, "product": product, "form": form}
    if form in ("product", "word"):
        multiples = ", ".join(str(table * i) for i in range(1, times + 1))
        solution = Text(
            en=f"Table of {table}: {multiples}. So {table} × {times} = {product}.",
            hi=f"{table} का पहाड़ा: {multiples}। इसलिए {table} × {times} = {product}।",
        )
        wrong: Mistakes = [
            (table * (times - 1), "table_fact"),
            (table * (times + 1), "table_fact"),
            (table + times, "operation_swap"),
        ]
        return Worked(product, solution, mul_key(table, times), data, wrong)
    solution = Text(
        en=f"{table} × {times} = {product}, so the missing number is {times}.",
        hi=f"{table} × {times} = {product}, इसलिए छूटी हुई संख्या {times} है।",
    )
    wrong = [
        (times - 1, "table_fact"),
        (times + 1, "table_fact"),
        (product - table, "operation_swap"),  # subtracted instead of dividing
    ]
    return Worked(times, solution, f"mulmiss:{table}:{product}", data, wrong)


def _tables_prompt(table: int, times: int, form: str, rng: Random) -> Text:
    product = table * times
    if form == "missing":
        return same(f"{table} × {BLANK} = {product}")
    if form == "missing_first":
        return same(f"{BLANK} × {table} = {product}")
    first, second = (table, times) if rng.random() < 0.5 else (times, table)
    return same(f"{first} × {second} = {BLANK}")


def _tables_word(rng: Random, difficulty: int) -> Question:
    table, times = _tables_values(rng, difficulty, 2)  # "1 rows" would not read right
    who = person(rng)
    prompt = words.chair_rows(who, times, table)
    return ask_word(C3_TABLES, difficulty, _tables_worked(table, times, "word"), prompt, who)


@register(C3_TABLES, family=FAMILY, word_problem=_tables_word)
def mult_tables(rng: Random, difficulty: int) -> Question:
    form = pick(rng, _TABLES[difficulty][2])
    # "7 × ____ = 7" has too few believable wrong answers: a missing factor is at least 2.
    table, times = _tables_values(rng, difficulty, 1 if form == "product" else 2)
    prompt = _tables_prompt(table, times, form, rng)
    instruction = MULTIPLY if form == "product" else FILL
    return ask(C3_TABLES, difficulty, _tables_worked(table, times, form), prompt, instruction)


# --- Class 4: 2-digit × 1-digit with carrying ---------------------------------------------------

C4_MULT = "maths.c4.mult_2digit_by_1digit"

# (numbers, multipliers) by difficulty. Every question carries from the ones; at difficulty 1
# the product stays below 100, at difficulty 3 the tens carry into the hundreds as well.
_CARRY = {1: ((12, 49), (2, 5)), 2: ((12, 99), (2, 9)), 3: ((51, 99), (6, 9))}


def _carry_values(rng: Random, difficulty: int) -> tuple[int, int]:
    numbers, multipliers = _CARRY[difficulty]

    def fits(v: tuple[int, int]) -> bool:
        n, m = v
        return n % 10 * m >= 10 and (difficulty > 1 or n * m < 100)

    values: tuple[int, int] = sample(
        rng, lambda r: (r.randint(*numbers), r.randint(*multipliers)), fits
    )
    return values


def _carry_worked(n: int, m: int, form: str) -> Worked:
    tens, ones = divmod(n, 10)
    ones_product, tens_product = ones * m, tens * m
    carry, write = divmod(ones_product, 10)
    product = n * m
    return Worked(
        answer=product,
        solution=Text(
            en=f"Ones: {ones} × {m} = {ones_product}, write {write} and carry {carry}. "
            f"Tens: {tens} × {m} = {tens_product}, {tens_product} + {carry} = "
            f"{tens_product + carry}. So {n} × {m} = {product}.",
            hi=f"इकाई: {ones} × {m} = {ones_product}, {write} लिखो और {carry} हासिल। "
            f"दहाई: {tens} × {m} = {tens_product}, {tens_product} + {carry} = "
            f"{tens_product + carry}। इसलिए {n} × {m} = {product}।",
        ),
        key=mul_key(n, m),
        data={"number": n, "multiplier": m, "form": form},
        wrong=[
            (tens_product * 10 + write, "forgot_to_carry"),
            (tens * 10 + ones_product, "partial_product"),  # multiplied only the ones
            (n + m, "operation_swap"),
        ],
    )


def _carry_word(rng: Random, difficulty: int) -> Question:
    n, m = _carry_values(rng, difficulty)
    who = person(rng)
    prompt = words.mango_crates(who, n, m)
    return ask_word(C4_MULT, difficulty, _carry_worked(n, m, "word"), prompt, who)


@register(C4_MULT, family=FAMILY, word_problem=_carry_word)
def mult_2digit_by_1digit(rng: Random, difficulty: int) -> Question:
    n, m = _carry_values(rng, difficulty)
    prompt = same(f"{n} × {m} = {BLANK}")
    return ask(C4_MULT, difficulty, _carry_worked(n, m, "product"), prompt, MULTIPLY)


# --- Class 5: 3-digit × 2-digit -----------------------------------------------------------------

C5_BIG = "maths.c5.mult_3digit_by_2digit"

# (3-digit numbers, 2-digit multipliers) by difficulty: × 11-19, × any 2-digit number, then
# larger numbers whose multiplier's ones digit is 5-9 (more carrying).
_BIG = {1: ((100, 999), (11, 19)), 2: ((100, 999), (21, 99)), 3: ((400, 999), (56, 99))}


def _big_values(rng: Random, difficulty: int) -> tuple[int, int]:
    numbers, multipliers = _BIG[difficulty]
    lowest_ones = 5 if difficulty == 3 else 1  # ones digit 0 would leave nothing to split
    values: tuple[int, int] = sample(
        rng,
        lambda r: (r.randint(*numbers), r.randint(*multipliers)),
        lambda v: v[1] % 10 >= lowest_ones,
    )
    return values


def _big_worked(a: int, b: int, form: str) -> Worked:
    tens, ones = b - b % 10, b % 10
    p_tens, p_ones, product = a * tens, a * ones, a * b
    steps = (
        f"{a} × {b} = {a} × {tens} + {a} × {ones} = "
        f"{indian(p_tens)} + {indian(p_ones)} = {indian(product)}"
    )
    return Worked(
        answer=product,
        solution=Text(
            en=f"Split {b} into {tens} and {ones}: {steps}.",
            hi=f"{b} को {tens} और {ones} में तोड़ो: {steps}।",
        ),
        key=mul_key(a, b),
        data={"number": a, "multiplier": b, "form": form},
        wrong=[
            (p_ones, "partial_product"),  # multiplied by the ones digit only
            (p_tens, "partial_product"),  # multiplied by the tens only
            (p_tens // 10 + p_ones, "place_value"),  # second row not moved one place left
        ],
    )


def _big_word(rng: Random, difficulty: int) -> Question:
    a, b = _big_values(rng, difficulty)
    who = person(rng)
    prompt = words.dairy_days(who, indian(a), b)
    return ask_word(C5_BIG, difficulty, _big_worked(a, b, "word"), prompt, who)


@register(C5_BIG, family=FAMILY, word_problem=_big_word)
def mult_3digit_by_2digit(rng: Random, difficulty: int) -> Question:
    a, b = _big_values(rng, difficulty)
    prompt = same(f"{a} × {b} = {BLANK}")
    return ask(C5_BIG, difficulty, _big_worked(a, b, "product"), prompt, MULTIPLY)
