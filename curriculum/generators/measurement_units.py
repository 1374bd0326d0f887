"""Measurement, Classes 4-5: metric units (m/cm, km/m, kg/g, L/mL) converted and combined."""

from __future__ import annotations

from dataclasses import dataclass
from random import Random
from typing import Any, NamedTuple

from curriculum.generators.common import ADD, BLANK, FILL, SUBTRACT, indian, person, sample
from curriculum.generators.measurement_common import COMPARE, ask, item_key, number
from curriculum.generators.registry import register
from curriculum.question import Question, QuestionType, Text

# --- Classes 4-5: metric units ----------------------------------------------------------------


@dataclass(frozen=True)
class Pair:
    """A bigger and a smaller unit: 1 `big` = `factor` `small` (symbols, then Hindi words)."""

    name: str
    big: str
    small: str
    big_hi: str
    small_hi: str
    factor: int


M_CM = Pair("m-cm", "m", "cm", "मीटर", "सेंटीमीटर", 100)
KM_M = Pair("km-m", "km", "m", "किलोमीटर", "मीटर", 1000)
KG_G = Pair("kg-g", "kg", "g", "किलोग्राम", "ग्राम", 1000)
L_ML = Pair("L-mL", "L", "mL", "लीटर", "मिलीलीटर", 1000)


class Words(NamedTuple):
    """English and Hindi pieces of a prompt (a plain tuple: cheaper than a Text while building)."""

    en: str
    hi: str


class Conv(NamedTuple):
    """One conversion item before it becomes a Question."""

    prompt: Text
    answer: int
    wrong: list[tuple[int, str]]
    data: dict[str, Any]
    work: str
    units: tuple[str, str]


def _show(parts: list[int], u: Pair) -> Words:
    """[3, 45] in m-cm -> "3 m 45 cm"; a zero part is left out (0 cm stays "0 cm")."""
    big, small = parts
    en = [f"{big} {u.big}"] if big else []
    hi = [f"{big} {u.big_hi}"] if big else []
    if small or not big:
        en.append(f"{indian(small)} {u.small}")
        hi.append(f"{indian(small)} {u.small_hi}")
    return Words(" ".join(en), " ".join(hi))


def _eq(left: Words, right: Words) -> Text:
    return Text(en=f"{left.en} = {right.en}", hi=f"{left.hi} = {right.hi}")


def _blank(unit: str, unit_hi: str) -> Words:
    return Words(f"{BLANK} {unit}", f"{BLANK} {unit_hi}")


def _part(rng: Random, u: Pair) -> int:
    """A smaller-unit part below one bigger unit: any cm, or grams, metres, mL in fives."""
    return rng.randint(1, 99) if u.factor == 100 else 5 * rng.randint(1, 199)


def _glue(big: int, small: int) -> int:
    """What a child writes by putting the parts side by side: 3 m 5 cm -> 35 cm."""
    return int(f"{big}{small}")


def _to_small(u: Pair, a: list[int]) -> Conv:
    big, small = a
    answer, low = big * u.factor + small, u.factor // 10
    wrong = [(big * low + small, "unit_conversion"), (_glue(big, small), "place_value")]
    wrong.append((big * u.factor * 10 + small, "unit_conversion"))
    data = {"form": "to_small", "pair": u.name, "a": a}
    work = f"{big} × {u.factor} + {small} = {answer}" if small else f"{big} × {u.factor} = {answer}"
    prompt = _eq(_show(a, u), _blank(u.small, u.small_hi))
    return Conv(prompt, answer, wrong, data, work, (u.small, u.small_hi))


def _to_big(u: Pair, n: int) -> Conv:
    x = n * u.factor
    prompt = _eq(_show([0, x], u), _blank(u.big, u.big_hi))
    data = {"form": "to_big", "pair": u.name, "x": x}
    wrong = [(n * 10, "unit_conversion"), (x, "wrong_unit")]
    return Conv(prompt, n, wrong, data, f"{x} ÷ {u.factor} = {n}", (u.big, u.big_hi))


def _to_mixed(u: Pair, big: int, small: int) -> Conv:
    x = big * u.factor + small
    right = Words(f"{big} {u.big} {BLANK} {u.small}", f"{big} {u.big_hi} {BLANK} {u.small_hi}")
    wrong = [(x, "wrong_unit"), (x - big * u.factor // 10, "unit_conversion")]
    if small * 10 < u.factor:
        wrong.append((small * 10, "place_value"))
    data = {"form": "to_mixed", "pair": u.name, "x": x, "big": big}
    work = f"{x} - {big * u.factor} = {small}"
    return Conv(_eq(_show([0, x], u), right), small, wrong, data, work, (u.small, u.small_hi))


def _sum_diff(u: Pair, op: str, a: list[int], b: list[int], story: Text | None = None) -> Conv:
    """a + b or a - b in the smaller unit; `story`: the word problem's prompt instead."""
    f, sign = u.factor, 1 if op == "add" else -1
    big, small = a[0] + sign * b[0], a[1] + sign * b[1]
    answer = big * f + small
    other = (a[0] - sign * b[0]) * f + a[1] - sign * b[1]
    wrong = [(abs(other), "operation_swap"), (big * f // 10 + small, "unit_conversion")]
    if small >= 0:  # 3 m 130 cm written as 3130
        wrong.append((_glue(big, small), "place_value"))
    else:  # took the smaller part from the bigger one: 8 m 35 cm - 1 m 93 cm -> 7 m 58 cm
        wrong.append((big * f - small, "forgot_to_borrow"))
    s = "+" if op == "add" else "-"
    prompt = story
    if prompt is None:
        left, right = _show(a, u), _show(b, u)
        sum_ = Words(f"{left.en} {s} {right.en}", f"{left.hi} {s} {right.hi}")
        prompt = _eq(sum_, _blank(u.small, u.small_hi))
    data = {"form": op, "pair": u.name, "a": a, "b": b}
    work = f"{a[0] * f + a[1]} {s} {b[0] * f + b[1]} = {answer}"
    return Conv(prompt, answer, wrong, data, work, (u.small, u.small_hi))


def _two_amounts(
    rng: Random, u: Pair, op: str, level: int, top: int
) -> tuple[list[int], list[int]]:
    """Two mixed amounts; level 2 regroups, level 3 gives the second in the smaller unit only."""

    def fits(v: tuple[list[int], list[int]]) -> bool:
        (a1, a2), (b1, b2) = v
        carries = a2 + b2 >= u.factor if op == "add" else a2 < b2
        return carries == (level >= 2) and (op == "add" or a1 * u.factor + a2 > b1 * u.factor + b2)

    def draw(r: Random) -> tuple[list[int], list[int]]:
        b1 = 0 if level == 3 else r.randint(1, top)
        return [r.randint(1, top), _part(r, u)], [b1, _part(r, u)]

    a, b = sample(rng, draw, fits)
    return a, b


def _fill(rng: Random, u: Pair) -> Conv:
    """How many cups or packets of a fixed size a mixed amount fills exactly."""
    cup = rng.choice((100, 200, 250, 500))
    count = sample(rng, lambda r: r.randint(3, 39), lambda n: n * cup % 1000 and n * cup < 10_000)
    total = [count * cup // 1000, count * cup % 1000]
    what = ("juice", "जूस", "glasses", "गिलास") if u is L_ML else ("sugar", "चीनी", "packets", "पैकेट")
    amount = _show(total, u)
    prompt = Text(
        en=f"{amount.en} of {what[0]} fills {BLANK} {what[2]} of {cup} {u.small} each.",
        hi=f"{amount.hi} {what[1]} से {cup} {u.small_hi} वाले {BLANK} {what[3]} भरेंगे।",
    )
    wrong = [(count + 1, "off_by_one"), (count - 1, "off_by_one")]
    if total[0] * 1000 % cup == 0:
        wrong.insert(0, (total[0] * 1000 // cup, "partial_product"))
    data = {"form": "fill", "pair": u.name, "a": total, "cup": cup}
    return Conv(prompt, count, wrong, data, f"{count * cup} ÷ {cup} = {count}", ("", ""))


def _conversion(rng: Random, u: Pair, level: int, top: int) -> Conv:
    """Level 1: whole units; 2: mixed units; 3: add or subtract mixed units; 4: fill."""
    n = rng.randint(2, top)
    if level == 1:
        return _to_small(u, [n, 0]) if rng.random() < 0.5 else _to_big(u, n)
    if level == 2:
        small = _part(rng, u)
        return _to_small(u, [n, small]) if rng.random() < 0.5 else _to_mixed(u, n, small)
    if level == 3:
        op = rng.choice(("add", "sub"))
        return _sum_diff(u, op, *_two_amounts(rng, u, op, 2, top))
    return _fill(rng, u)


def _conv_question(tag: str, d: int, c: Conv, qtype: QuestionType = "fill_blank") -> Question:
    form, data, key_data = c.data["form"], c.data, c.data
    if form == "add":  # a + b and b + a are one item
        key_data = {**data, "a": min(data["a"], data["b"]), "b": max(data["a"], data["b"])}
    instruction = {"add": ADD, "sub": SUBTRACT}.get(form, FILL)
    return number(
        tag, d, c.prompt, c.answer, c.work, data, c.wrong, key=item_key(tag, key_data),
        units=c.units if c.units[0] else None, instruction=instruction, qtype=qtype,
    )  # fmt: skip


def _compare_distance(rng: Random, tag: str) -> Question:
    """3 km 40 m against 340 m, 3040 m or a near number: the traps of the two parts."""
    a = [rng.randint(1, 25), rng.choice((rng.randint(1, 99), 5 * rng.randint(20, 199)))]
    total = a[0] * 1000 + a[1]
    x, trap = rng.choice(
        (
            (total, "compared_wrong"),
            (_glue(*a), "place_value"),
            (a[0] * 100 + a[1], "unit_conversion"),
            (total + rng.choice((-1, 1)) * rng.choice((5, 10, 100, 500)), "compared_wrong"),
        )
    )
    sign = "<" if total < x else ">" if total > x else "="
    wrong = [("=", trap)] if sign != "=" else []
    wrong += [(s, "compared_wrong") for s in ("<", ">") if s != sign]
    left = _show(a, KM_M)
    data = {"form": "compare", "pair": KM_M.name, "a": a, "x": x}
    prompt = Text(en=f"{left.en} {BLANK} {indian(x)} m", hi=f"{left.hi} {BLANK} {indian(x)} मीटर")
    solution = Text(en=f"{left.en} = {total} m", hi=f"{left.hi} = {total} मीटर")
    return ask(tag, 3, prompt, sign, solution, data, wrong=wrong, instruction=COMPARE)


# Word problems: {p} the person, {she}/{ta}/{ka} agree with them, {a} and {b} the amounts.
STORIES = {
    ("m-cm", "add"): (
        "{p} joins two pieces of rope, {a} and {b} long. The new rope is {blank} cm long.",
        "{p} रस्सी के दो टुकड़े जोड़{ta} है, एक {a} और दूसरा {b} लंबा। नई रस्सी {blank} सेंटीमीटर लंबी है।",
    ),
    ("m-cm", "sub"): (
        "{p} has {a} of cloth. {she} uses {b} to make a bag. {blank} cm of cloth is left.",
        "{p} के पास {a} कपड़ा है। थैला बनाने में वह {b} कपड़ा लगा{ta} है। अब {blank} सेंटीमीटर कपड़ा बचा है।",
    ),
    ("km-m", "add"): (
        "{p} goes to the mela by train: {a} to the junction, then {b} more. The whole "
        "journey is {blank} m.",
        "{p} रेलगाड़ी से मेले जा{ta} है: जंक्शन तक {a}, फिर {b} और। पूरी यात्रा {blank} मीटर की है।",
    ),
    ("km-m", "sub"): (
        "The mela is {a} from {p}'s village. {p} has cycled {b}. {blank} m are still left.",
        "मेला {p} के गाँव से {a} दूर है। {p} साइकिल से {b} जा चु{ka} है। अब {blank} मीटर बाकी है।",
    ),
    ("kg-g", "add"): (
        "{p} buys {a} of potatoes and {b} of onions. Together they weigh {blank} g.",
        "{p} {a} आलू और {b} प्याज़ ख़रीद{ta} है। दोनों का कुल वज़न {blank} ग्राम है।",
    ),
    ("kg-g", "sub"): (
        "A bag has {a} of rice. {p} cooks {b} of it. {blank} g of rice is left.",
        "एक थैले में {a} चावल है। {p} उसमें से {b} चावल पका{ta} है। अब {blank} ग्राम चावल बचा है।",
    ),
    ("L-mL", "add"): (
        "A bucket has {a} of water. {p} pours in {b} more. Now it has {blank} mL of water.",
        "एक बाल्टी में {a} पानी है। {p} उसमें {b} पानी और डाल{ta} है। अब बाल्टी में {blank} मिलीलीटर पानी है।",
    ),
    ("L-mL", "sub"): (
        "A can holds {a} of milk. {p} sells {b} of it. {blank} mL of milk is left.",
        "एक डिब्बे में {a} दूध है। {p} उसमें से {b} दूध बेच{ta} है। अब {blank} मिलीलीटर दूध बचा है।",
    ),
}


def _story(
    rng: Random, tag: str, d: int, pairs: tuple[Pair, ...], top: int, level: int
) -> Question:
    """Add or subtract two amounts. Level 1: no regrouping, 2: regrouping, 3: regrouping with
    the second amount in the smaller unit only."""
    u, op, p = rng.choice(pairs), rng.choice(("add", "sub")), person(rng)
    a, b = _two_amounts(rng, u, op, level, top)
    en, hi = STORIES[(u.name, op)]
    sa, sb = _show(a, u), _show(b, u)
    she, ta, ka = ("She", "ती", "की") if p.female else ("He", "ता", "का")
    prompt = Text(
        en=en.format(p=p.en, a=sa.en, b=sb.en, blank=BLANK, she=she),
        hi=hi.format(p=p.hi, a=sa.hi, b=sb.hi, blank=BLANK, ta=ta, ka=ka),
    )
    return _conv_question(tag, d, _sum_diff(u, op, a, b, prompt), "word_problem")


def length_units_word(rng: Random, difficulty: int) -> Question:
    return _story(rng, "maths.c4.length_units", difficulty, (M_CM, KM_M), 9, difficulty)


@register("maths.c4.length_units", family="measurement", word_problem=length_units_word)
def length_units(rng: Random, difficulty: int) -> Question:
    """Measuring Length: m and cm, km and m; whole (1), mixed (2), add or subtract (3)."""
    conv = _conversion(rng, rng.choice((M_CM, KM_M)), difficulty, 9)
    return _conv_question("maths.c4.length_units", difficulty, conv)


def weight_capacity_units_word(rng: Random, difficulty: int) -> Question:
    return _story(rng, "maths.c4.weight_capacity_units", difficulty, (KG_G, L_ML), 9, difficulty)


@register(
    "maths.c4.weight_capacity_units", family="measurement", word_problem=weight_capacity_units_word
)
def weight_capacity_units(rng: Random, difficulty: int) -> Question:
    """Weigh it, Pour it: kg and g, L and mL; whole (1), mixed (2), add or subtract (3)."""
    conv = _conversion(rng, rng.choice((KG_G, L_ML)), difficulty, 9)
    return _conv_question("maths.c4.weight_capacity_units", difficulty, conv)


def distance_units_word(rng: Random, difficulty: int) -> Question:
    return _story(rng, "maths.c5.distance_units", difficulty, (KM_M,), 25, min(difficulty + 1, 3))


@register("maths.c5.distance_units", family="measurement", word_problem=distance_units_word)
def distance_units(rng: Random, difficulty: int) -> Question:
    """Far and Near: km and m mixed (1), add or subtract distances (2), compare (3)."""
    if difficulty == 3:
        return _compare_distance(rng, "maths.c5.distance_units")
    return _conv_question(
        "maths.c5.distance_units", difficulty, _conversion(rng, KM_M, difficulty + 1, 25)
    )


def weight_capacity_convert_word(rng: Random, difficulty: int) -> Question:
    return _story(
        rng,
        "maths.c5.weight_capacity_convert",
        difficulty,
        (KG_G, L_ML),
        15,
        min(difficulty + 1, 3),
    )


@register(
    "maths.c5.weight_capacity_convert",
    family="measurement",
    word_problem=weight_capacity_convert_word,
)
def weight_capacity_convert(rng: Random, difficulty: int) -> Question:
    """Weight and Capacity: mixed units (1), sums and differences (2), how many fill (3)."""
    conv = _conversion(rng, rng.choice((KG_G, L_ML)), difficulty + 1, 15)
    return _conv_question("maths.c5.weight_capacity_convert", difficulty, conv)
