"""Measurement, Classes 1-3: compare lengths (in paper clips in Class 1), add and subtract them
in cm, handspans and footsteps."""

from __future__ import annotations

from collections.abc import Sequence
from random import Random

from curriculum.generators.common import ADD, BLANK, SUBTRACT, person, sample, two_people
from curriculum.generators.measurement_common import (
    COMPARE,
    Names,
    ask,
    choose,
    distinct,
    item_key,
    near,
    nouns,
    number,
    same,
)
from curriculum.generators.registry import register
from curriculum.question import Question, QuestionType, Text

CM = ("cm", "सेंटीमीटर")

# Nouns whose Hindi form does not change before की/का/में, so one template fits them all.
THINGS = nouns(
    "pencil=पेंसिल; ribbon=रिबन; rope=रस्सी; stick=डंडी; crayon=क्रेयॉन; straw=स्ट्रॉ; comb=कंघी; leaf=पत्ती"
)
SPAN_OBJECTS = nouns(
    "table=मेज़; bench=बेंच; desk=डेस्क; window=खिड़की; bed=पलंग; blackboard=ब्लैकबोर्ड; mat=चटाई"
)
STEP_OBJECTS = nouns("classroom=कक्षा; hall=हॉल; courtyard=आँगन; playground=मैदान; kitchen=रसोई")
# unit, plural, Hindi plural, Hindi singular ("whose is longer"), Hindi plural before से
SPAN = ("handspan", "handspans", "बित्ते", "बित्ता", "बित्तों")
STEP = ("footstep", "footsteps", "कदम", "कदम", "कदमों")


# --- Class 1: Lina's Family -------------------------------------------------------------------
# Class 1 compares by looking and by counting equal units (paper clips): centimetres come in
# Class 2 (Rani's Gift).

CLIPS = ("clips", "क्लिप")
# How many paper clips (about 3 cm each) long each thing can be: a comb is never 20 clips.
LENGTH_IN_CLIPS = {
    "pencil": (4, 7),
    "ribbon": (8, 20),
    "rope": (12, 20),
    "stick": (6, 15),
    "crayon": (2, 4),
    "straw": (5, 8),
    "comb": (3, 6),
    "leaf": (2, 5),
}


def _clips(rng: Random, names: Sequence[str], gap: int) -> list[int]:
    """A length for each thing within its own range, any two at least `gap` apart."""
    spans = [LENGTH_IN_CLIPS[n] for n in names]
    return list(
        sample(
            rng,
            lambda r: [r.randint(lo, hi) for lo, hi in spans],
            lambda v: min(abs(a - b) for i, a in enumerate(v) for b in v[i + 1 :]) >= gap,
        )
    )


def _taller(rng: Random, tag: str) -> Question:
    """'Diya is taller than Tenzing. ____ is shorter.': the same fact said the other way."""
    a, b = two_people(rng)
    said, ask = rng.choice(("taller", "shorter")), rng.choice(("taller", "shorter"))
    right = 0 if said == ask else 1
    said_hi = "लंबी" if a.female else "लंबा"
    if said == "shorter":
        said_hi = "छोटी" if a.female else "छोटा"
    ask_hi = "लंबा कौन है" if ask == "taller" else "छोटा कौन है"
    prompt = Text(
        en=f"{a.en} is {said} than {b.en}. {BLANK} is {ask}.",
        hi=f"{a.hi} {b.hi} से {said_hi} है। {ask_hi}? {BLANK}",
    )
    other = "shorter" if said == "taller" else "taller"
    solution = Text(
        en=f"If {a.en} is {said} than {b.en}, then {b.en} is {other} than {a.en}.",
        hi=f"अगर {a.hi} {b.hi} से {said_hi} है, तो {b.hi} {a.hi} से "
        f"{'छोटा' if said == 'taller' else 'लंबा'} है।",
    )
    data = {"form": "than", "names": [a.en, b.en], "said": said, "ask": ask}
    return choose(tag, 1, prompt, solution, [(a.en, a.hi), (b.en, b.hi)], right, data)


def _longest(rng: Random, tag: str) -> Question:
    things = rng.sample(THINGS, 3)
    values = _clips(rng, [t[0] for t in things], gap=2)
    ask = rng.choice(("longest", "shortest"))
    right = values.index(max(values) if ask == "longest" else min(values))
    most_hi = "सबसे लंबी" if ask == "longest" else "सबसे छोटी"
    en = [f"a {t[0]} is {v} clips long" for t, v in zip(things, values, strict=True)]
    hi = [f"{t[1]} की लंबाई {v} क्लिप" for t, v in zip(things, values, strict=True)]
    prompt = Text(
        en=f"{en[0].capitalize()}, {en[1]} and {en[2]}. The {ask} is the {BLANK}.",
        hi=f"{hi[0]}, {hi[1]} और {hi[2]} है। {most_hi} चीज़ {BLANK} है।",
    )
    solution = Text(
        en=f"Compare {values[0]}, {values[1]} and {values[2]}: the {ask} is {values[right]} clips.",
        hi=f"{values[0]}, {values[1]} और {values[2]} की तुलना करो: {most_hi} {values[right]} "
        "क्लिप है।",
    )
    data = {"form": "pick", "names": [t[0] for t in things], "values": values, "ask": ask}
    return choose(tag, 2, prompt, solution, list(things), right, data)


def _how_much_longer(rng: Random, tag: str) -> Question:
    (big, big_hi), (small, small_hi) = sample(
        rng,
        lambda r: r.sample(THINGS, 2),
        lambda pair: LENGTH_IN_CLIPS[pair[0][0]][1] > LENGTH_IN_CLIPS[pair[1][0]][0],
    )
    a, b = sample(rng, lambda r: _clips(r, [big, small], gap=1), lambda v: 0 < v[0] - v[1] < 10)
    prompt = Text(
        en=f"The {big} is {a} clips long. The {small} is {b} clips long. "
        f"The {big} is {BLANK} clips longer than the {small}.",
        hi=f"{big_hi} की लंबाई {a} क्लिप है। {small_hi} की लंबाई {b} क्लिप है। "
        f"{big_hi} की लंबाई {small_hi} से {BLANK} क्लिप अधिक है।",
    )
    data = {"form": "diff", "names": [big, small], "values": [a, b]}
    wrong = [(a + b, "operation_swap"), *near(a - b, 1, "off_by_one")]
    return number(tag, 3, prompt, a - b, f"{a} - {b} = {a - b}", data, wrong, units=CLIPS)


@register("maths.c1.compare_length", family="measurement")
def compare_length(rng: Random, difficulty: int) -> Question:
    """Who is taller or shorter (1), which of three is longest (2), how much longer (3)."""
    make = (_taller, _longest, _how_much_longer)[difficulty - 1]
    return make(rng, "maths.c1.compare_length")


# --- Class 2: Rani's Gift ---------------------------------------------------------------------


def _cm_pair(rng: Random, regroup: bool) -> tuple[str, int, int]:
    """Two lengths below 100 cm; `regroup`: the ones carry (add) or need a borrow (subtract)."""
    op = rng.choice(("add", "sub"))

    def fits(v: tuple[int, int]) -> bool:
        a, b = v
        if op == "add":
            return a + b < 100 and (a % 10 + b % 10 >= 10) == regroup
        return a > b and (a % 10 < b % 10) == regroup

    a, b = sample(rng, lambda r: (r.randint(11, 98), r.randint(10, 89)), fits)
    return op, a, b


def _cm_question(d: int, op: str, a: int, b: int, prompt: Text, qtype: QuestionType) -> Question:
    if op == "add":
        answer, work = a + b, f"{a} + {b} = {a + b}"
        slip = (a % 10 + b % 10) % 10 + 10 * (a // 10 + b // 10)
        wrong = [(slip, "forgot_to_carry"), (abs(a - b), "operation_swap")]
    else:
        answer, work = a - b, f"{a} - {b} = {a - b}"
        slip = 10 * (a // 10 - b // 10) + abs(a % 10 - b % 10)
        wrong = [(slip, "forgot_to_borrow"), (a + b, "operation_swap")]
    wrong.append((answer + 10, "place_value"))
    data = {"form": op, "a": a, "b": b}
    key = item_key("maths.c2.length_cm", {**data, "a": max(a, b), "b": min(a, b)})
    instruction = ADD if op == "add" else SUBTRACT
    return number(
        "maths.c2.length_cm", d, prompt, answer, work, data, wrong, key=key, units=CM,
        instruction=instruction, qtype=qtype,
    )  # fmt: skip


def length_cm_word(rng: Random, difficulty: int) -> Question:
    """A ribbon for a gift: two pieces laid end to end, or a piece cut off."""
    p = person(rng)
    op, a, b = _cm_pair(rng, regroup=difficulty >= 2)
    she, ta = ("She", "ती") if p.female else ("He", "ता")
    if op == "add":
        prompt = Text(
            en=f"{p.en} has two ribbons, {a} cm and {b} cm long. {she} lays them end to end. "
            f"Together they are {BLANK} cm long.",
            hi=f"{p.hi} के पास दो रिबन हैं, एक {a} सेंटीमीटर और दूसरा {b} सेंटीमीटर लंबा। वह "
            f"दोनों को एक सीध में रख{ta} है। दोनों की कुल लंबाई {BLANK} सेंटीमीटर है।",
        )
    else:
        prompt = Text(
            en=f"{p.en} has a ribbon {a} cm long. {she} cuts off {b} cm to tie a gift. "
            f"{BLANK} cm of ribbon is left.",
            hi=f"{p.hi} के पास {a} सेंटीमीटर लंबा रिबन है। उपहार बाँधने के लिए वह उसमें से {b} "
            f"सेंटीमीटर काट ले{ta} है। अब {BLANK} सेंटीमीटर रिबन बचा है।",
        )
    return _cm_question(difficulty, op, a, b, prompt, "word_problem")


@register("maths.c2.length_cm", family="measurement", word_problem=length_cm_word)
def length_cm(rng: Random, difficulty: int) -> Question:
    """Compare two lengths (1); add or subtract in cm, without (2) or with (3) regrouping."""
    if difficulty > 1:
        op, a, b = _cm_pair(rng, regroup=difficulty == 3)
        s = "+" if op == "add" else "-"
        prompt = Text(
            en=f"{a} cm {s} {b} cm = {BLANK} cm",
            hi=f"{a} सेंटीमीटर {s} {b} सेंटीमीटर = {BLANK} सेंटीमीटर",
        )
        return _cm_question(difficulty, op, a, b, prompt, "fill_blank")
    a = rng.randint(10, 99)
    swapped = int(str(a)[::-1]) if a % 10 else a + 1  # 34 and 43: compare tens first
    b = a if rng.random() < 0.15 else rng.choice((swapped, rng.randint(10, 99)))
    sign = "<" if a < b else ">" if a > b else "="
    word = {"<": ("less than", "से कम"), ">": ("more than", "से अधिक"), "=": ("equal to", "के बराबर")}[
        sign
    ]
    data = {"form": "compare", "a": a, "b": b}
    prompt = Text(en=f"{a} cm {BLANK} {b} cm", hi=f"{a} सेंटीमीटर {BLANK} {b} सेंटीमीटर")
    solution = Text(en=f"{a} cm is {word[0]} {b} cm.", hi=f"{a} सेंटीमीटर, {b} सेंटीमीटर {word[1]} है।")
    wrong = [(s, "compared_wrong") for s in ("<", ">", "=") if s != sign]
    return ask(
        "maths.c2.length_cm", 1, prompt, sign, solution, data, wrong=wrong, instruction=COMPARE
    )


# --- Class 3: Fun at Class Party! (handspans and footsteps) ----------------------------------


Unit = tuple[str, str, str, str, str]


def _unit_things(rng: Random) -> tuple[Unit, Names, tuple[int, int]]:
    """Handspans for furniture, footsteps for rooms and grounds, with sensible counts."""
    if rng.random() < 0.5:
        return SPAN, rng.sample(SPAN_OBJECTS, 2), (3, 20)
    return STEP, rng.sample(STEP_OBJECTS, 2), (8, 40)


def _span_pick(rng: Random, tag: str, d: int) -> Question:
    unit, things, (lo, hi) = _unit_things(rng)
    values = distinct(rng, 2, lo, hi)
    ask = rng.choice(("longer", "shorter"))
    right = 0 if (values[0] > values[1]) == (ask == "longer") else 1
    more_hi = "अधिक" if ask == "longer" else "कम"
    (a, a_hi), (b, b_hi) = things
    prompt = Text(
        en=f"The {a} is {values[0]} {unit[1]} long. The {b} is {values[1]} {unit[1]} long. "
        f"The {BLANK} is {ask}.",
        hi=f"{a_hi} की लंबाई {values[0]} {unit[2]} है। {b_hi} की लंबाई {values[1]} {unit[2]} है। "
        f"{BLANK} की लंबाई {more_hi} है।",
    )
    solution = same(f"{max(values)} > {min(values)}")
    data = {"form": "pick", "unit": unit[0], "names": [a, b], "values": values, "ask": ask}
    return choose(tag, d, prompt, solution, things, right, data)


def _span_ask(form: str, unit: Unit, names: Names) -> Text:
    """The question part: the total of two lengths, or how much longer the first is."""
    (a, a_hi), (b, b_hi) = names
    n, n_hi = unit[1], unit[2]
    if form == "diff":
        return Text(
            en=f"The {a} is {BLANK} {n} longer than the {b}.",
            hi=f"{a_hi} की लंबाई {b_hi} से {BLANK} {n_hi} अधिक है।",
        )
    if unit is SPAN:
        return Text(
            en=f"Put end to end, they measure {BLANK} {n}.",
            hi=f"दोनों को एक सीध में सटाकर रखें तो कुल लंबाई {BLANK} {n_hi} होगी।",
        )
    return Text(  # rooms cannot be put end to end, but they can be walked one after the other
        en=f"Walking the length of both, one after the other, takes {BLANK} {n}.",
        hi=f"दोनों की लंबाई एक के बाद एक चलकर नापें तो कुल {BLANK} {n_hi} लगेंगे।",
    )


def _span_sum(rng: Random, tag: str, d: int, qtype: QuestionType = "fill_blank") -> Question:
    """Total of two lengths, or how much longer one is; the word problem is the class party."""
    unit, names, (lo, hi) = _unit_things(rng)
    (a, a_hi), (b, b_hi) = names
    x, y = sorted(distinct(rng, 2, lo, hi, gap=2), reverse=True)
    n, n_hi, p = unit[1], unit[2], person(rng)
    form, answer, other = ("total", x + y, x - y) if rng.random() < 0.5 else ("diff", x - y, x + y)
    said = Text(
        en=f"The {a} is {x} {n} long and the {b} is {y} {n} long.",
        hi=f"{a_hi} की लंबाई {x} {n_hi} और {b_hi} की लंबाई {y} {n_hi} है।",
    )
    if qtype == "word_problem":  # a child measures with their own hand or feet
        said = Text(
            en=f"For the class party, {p.en} measures the {a} ({x} {n}) and the {b} ({y} {n}).",
            hi=f"कक्षा की पार्टी के लिए {p.hi} ने {a_hi} ({x} {n_hi}) और {b_hi} ({y} {n_hi}) को नापा।",
        )
    ask = _span_ask(form, unit, names)
    prompt = Text(en=f"{said.en} {ask.en}", hi=f"{said.hi} {ask.hi}")
    wrong = [(other, "operation_swap"), *near(answer, 1, "counted_wrong")]
    data = {"form": form, "unit": unit[0], "names": [a, b], "values": [x, y]}
    work = f"{x} {'+' if form == 'total' else '-'} {y} = {answer}"
    return number(tag, d, prompt, answer, work, data, wrong, qtype=qtype)


def _whose(rng: Random, tag: str, d: int) -> Question:
    """Two children measure the same thing: the one who needs fewer has the longer unit."""
    unit, ((thing, thing_hi), _), (lo, hi) = _unit_things(rng)
    a, b = two_people(rng)
    counts = distinct(rng, 2, lo, hi)
    ask = rng.choice(("longer", "shorter"))
    right = 0 if (counts[0] < counts[1]) == (ask == "longer") else 1
    size_hi = "बड़ा" if ask == "longer" else "छोटा"
    prompt = Text(
        en=f"{a.en} measured the {thing} in {unit[1]} and got {counts[0]}. {b.en} measured the "
        f"same {thing} and got {counts[1]}. {BLANK} has the {ask} {unit[0]}.",
        hi=f"{a.hi} ने {thing_hi} को {unit[4]} से नापा तो {counts[0]} {unit[2]} आए। {b.hi} ने "
        f"उसी {thing_hi} को नापा तो {counts[1]} {unit[2]} आए। {BLANK} का {unit[3]} {size_hi} है।",
    )
    solution = Text(
        en=f"The same length needs fewer long {unit[1]} than short ones.",
        hi=f"एक ही लंबाई को नापने में बड़े {unit[2]} कम लगते हैं।",
    )
    data = {"form": "whose", "unit": unit[0], "names": [a.en, b.en], "values": counts, "ask": ask}
    return choose(tag, d, prompt, solution, [(a.en, a.hi), (b.en, b.hi)], right, data)


def nonstandard_length_word(rng: Random, difficulty: int) -> Question:
    return _span_sum(rng, "maths.c3.nonstandard_length", difficulty, "word_problem")


@register("maths.c3.nonstandard_length", family="measurement", word_problem=nonstandard_length_word)
def nonstandard_length(rng: Random, difficulty: int) -> Question:
    """Which is longer (1), total or difference (2), whose handspan or footstep is longer (3)."""
    make = (_span_pick, _span_sum, _whose)[difficulty - 1]
    return make(rng, "maths.c3.nonstandard_length", difficulty)
