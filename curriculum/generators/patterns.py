"""Generators: patterns. Repeating patterns of shapes (Class 1, Utsav), number patterns with a
rule (Class 4, Pattern Around Us) and growing matchstick and dot patterns (Class 5, Shapes and
Patterns). The shapes, matchsticks and dots are pictures (`curriculum.pictures`) that the
renderer draws; the answers are words and numbers, so the key never depends on the drawing.
"""

from __future__ import annotations

from collections.abc import Callable
from random import Random
from typing import NamedTuple

from curriculum.generators.common import BLANK
from curriculum.generators.registry import register
from curriculum.generators.shapes_common import Word, Wrong, fill, table
from curriculum.pictures import Growing, Pattern, ShapeName
from curriculum.question import Question, Text

# --- Class 1: repeating patterns -------------------------------------------------------------

# The shapes a Class 1 pattern is made of, with their Hindi names.
SHAPES: dict[ShapeName, str] = {
    "circle": "वृत्त",
    "square": "वर्ग",
    "triangle": "त्रिभुज",
    "star": "तारा",
    "moon": "चाँद",
    "heart": "दिल",
}
UNITS = {1: ("AB",), 2: ("AAB", "ABB", "ABC"), 3: ("AABB", "ABCC", "AABC", "ABBC", "ABAC", "ABCD")}
CONTINUE = Text(
    en="Look at the pattern. Draw the next two shapes in the boxes.",
    hi="पैटर्न देखो। अगली दो आकृतियाँ खानों में बनाओ।",
)


def _pair(first: ShapeName, second: ShapeName) -> str:
    return f"{first}, {second}"


@register("maths.c1.patterns", family="patterns")
def repeating(rng: Random, difficulty: int) -> Question:
    """Two to three repeats of a unit such as AAB are drawn; the child draws and names the next
    two shapes."""
    unit = rng.choice(UNITS[difficulty])
    letters = sorted(set(unit))
    shape_of = dict(zip(letters, rng.sample(sorted(SHAPES), len(letters)), strict=True))
    core: list[ShapeName] = [shape_of[letter] for letter in unit]
    size = len(core)
    shown = rng.randint(2 * size, 3 * size - 1)
    first, second, third = (core[(shown + k) % size] for k in range(3))
    last = core[(shown - 1) % size]
    answer = _pair(first, second)
    wrong: Wrong = [(_pair(second, first), "pattern_rule")]  # the right two, swapped
    wrong += [(_pair(second, third), "off_by_one"), (_pair(last, first), "off_by_one")]
    wrong += [(_pair(first, first), "pattern_rule"), (_pair(second, second), "pattern_rule")]
    prompt = Text(en=f"The next two shapes are: {BLANK}", hi=f"अगली दो आकृतियाँ हैं: {BLANK}")
    repeat = Text(en=", ".join(core), hi=", ".join(SHAPES[c] for c in core))
    hint = Text(
        en=f"The part that repeats is {repeat.en}. So the next two are {answer}.",
        hi=f"बार-बार आने वाला भाग {repeat.hi} है। इसलिए अगली दो हैं: {SHAPES[first]}, "
        f"{SHAPES[second]}।",
    )
    data: dict[str, object] = {"unit": core, "shown": shown}
    accepted = (
        f"{first} {second}",
        f"{SHAPES[first]}, {SHAPES[second]}",
        f"{SHAPES[first]} {SHAPES[second]}",
    )
    tag = "maths.c1.patterns"
    # a Hindi sheet and its key name the shapes in Hindi
    hindi = {_pair(a, b): f"{SHAPES[a]}, {SHAPES[b]}" for a in SHAPES for b in SHAPES}
    question = fill(
        tag, difficulty, prompt, answer, hint, data, wrong, accepted, instruction=CONTINUE,
        hindi=hindi,
    )  # fmt: skip
    drawn = tuple(core[i % size] for i in range(shown))
    return question.model_copy(
        update={"picture": Pattern(shapes=drawn, next_shapes=(first, second))}
    )


# --- Class 4: number patterns ----------------------------------------------------------------

MISSING = Text(en="Find the missing number in the pattern.", hi="पैटर्न में छूटी हुई संख्या लिखो।")
TERMS = 6


class Rule(NamedTuple):
    name: str  # "add", "subtract" or "double"
    step: int

    def next(self, value: int) -> int:
        if self.name == "add":
            return value + self.step
        return value - self.step if self.name == "subtract" else value * 2

    def says(self) -> Word:
        if self.name == "double":
            return Word(en="double each time (× 2)", hi="हर बार दोगुना करो (× 2)")
        if self.name == "add":
            return Word(en=f"add {self.step} each time", hi=f"हर बार {self.step} जोड़ो")
        return Word(en=f"subtract {self.step} each time", hi=f"हर बार {self.step} घटाओ")


def _number_rule(rng: Random, difficulty: int) -> tuple[Rule, int, int]:
    """A rule, the first term and the position of the blank (0-based)."""
    if difficulty == 1:  # add a small number; write the next term
        return Rule("add", rng.randint(2, 10)), rng.randint(1, 50), TERMS - 1
    if difficulty == 2:  # add or subtract; a term in the middle is missing
        step, blank = rng.randint(3, 15), rng.randint(1, 4)
        if rng.random() < 0.5:
            return Rule("add", step), rng.randint(1, 99), blank
        return Rule("subtract", step), 5 * step + rng.randint(0, 60), blank  # stays >= 0
    if rng.random() < 0.5:
        return Rule("double", 2), rng.randint(1, 12), rng.randint(2, TERMS - 1)
    step, name = rng.randint(11, 99), rng.choice(("add", "subtract"))
    start = rng.randint(100, 500) + (5 * step if name == "subtract" else 0)
    return Rule(name, step), start, rng.randint(1, TERMS - 1)


@register("maths.c4.number_patterns", family="patterns")
def number_patterns(rng: Random, difficulty: int) -> Question:
    rule, start, blank = _number_rule(rng, difficulty)
    terms = [start]
    while len(terms) < TERMS:
        terms.append(rule.next(terms[-1]))
    answer, before = terms[blank], terms[blank - 1]
    shown = ", ".join(BLANK if i == blank else str(t) for i, t in enumerate(terms))
    sign = {"add": "+", "subtract": "−", "double": "×"}[rule.name]
    says, work = rule.says(), f"{before} {sign} {rule.step} = {answer}"
    if rule.name == "double":  # added a difference instead of doubling
        wrong: Wrong = [(2 * before - terms[blank - 2], "pattern_rule")]
        wrong += [(before + terms[1] - terms[0], "pattern_rule"), (before + 2, "pattern_rule")]
    else:
        swapped = before - rule.step if rule.name == "add" else before + rule.step
        plus_one = before + 1 if rule.name == "add" else before - 1  # stepped by 1, not the rule
        wrong = [(swapped, "operation_swap"), (plus_one, "pattern_rule")]
    wrong += [(answer + 1, "off_by_one"), (answer - 1, "off_by_one")]
    hint = Text(en=f"Rule: {says.en}. {work}.", hi=f"नियम: {says.hi}। {work}।")
    data: dict[str, object] = {"start": start, "rule": rule.name, "step": rule.step}
    data.update(terms=TERMS, blank=blank)
    prompt = Text(en=shown, hi=shown)
    tag = "maths.c4.number_patterns"
    return fill(tag, difficulty, prompt, answer, hint, data, wrong, instruction=MISSING)


# --- Class 5: growing patterns ---------------------------------------------------------------

GROWING = Text(en="Look at the pattern and fill in the blank.", hi="पैटर्न देखो और रिक्त स्थान भरो।")
# A row of shapes made with matchsticks, each new shape sharing one side with the last:
# shape | plural | Hindi | Hindi oblique plural | sides of one shape
ROWS = table("""
    square   | squares   | वर्ग    | वर्गों    | 4
    triangle | triangles | त्रिभुज | त्रिभुजों | 3
    pentagon | pentagons | पंचभुज  | पंचभुजों  | 5
    hexagon  | hexagons  | षट्भुज  | षट्भुजों  | 6
""")
DOTS: dict[str, Callable[[int], int]] = {"square": lambda n: n * n}
DOTS["triangle"] = lambda n: n * (n + 1) // 2
DOT_STEPS = {
    "square": Text(
        en="a square of dots (n rows of n dots)", hi="बिंदुओं का वर्ग (चरण 4 में 4-4 बिंदुओं की 4 पंक्तियाँ)"
    ),
    "triangle": Text(
        en="a triangle of dots (rows of 1, 2, 3, ... dots)",
        hi="बिंदुओं का त्रिभुज (1, 2, 3, ... बिंदुओं की पंक्तियाँ)",
    ),
}


def _asked(step: int, unit: Word) -> Text:
    return Text(en=f"Step {step}: {BLANK} {unit.en}", hi=f"चरण {step}: {BLANK} {unit.hi}")


@register("maths.c5.shape_patterns", family="patterns")
def shape_patterns(rng: Random, difficulty: int) -> Question:
    """d1: a few steps on (4 to 7), of a row of shapes or a pattern of dots; d2: steps 5 to 10
    of a row; d3: far on (steps 11 to 30), or a pattern of dots (5 to 12)."""
    if difficulty != 2 and rng.random() < (0.5 if difficulty == 3 else 0.35):
        return _dot_pattern(rng, difficulty)
    en, en_many, hi, hi_many, sides_text = rng.choice(ROWS)
    sides = int(sides_text)
    adds = sides - 1  # a new shape shares one side with the one before
    step = {1: rng.randint(4, 7), 2: rng.randint(5, 10), 3: rng.randint(11, 30)}[difficulty]
    answer = adds * step + 1
    asked = _asked(step, Word(en="matchsticks", hi="तीलियाँ"))
    prompt = Text(
        en=f"Matchsticks make a row of {en_many}; each step adds one {en}.\n{asked.en}",
        hi=f"तीलियों से {hi_many} की एक पंक्ति बनी है; हर चरण में एक {hi} जुड़ता है।\n{asked.hi}",
    )
    work = f"{adds} × {step} + 1 = {answer}"
    hint = Text(
        en=f"The first {en} takes {sides} sticks; each new {en} shares a side, so it adds {adds}. "
        f"Step {step}: {work}.",
        hi=f"पहले {hi} में {sides} तीलियाँ लगती हैं; हर नया {hi} एक भुजा साझा करता है, इसलिए "
        f"{adds} तीलियाँ जुड़ती हैं। चरण {step}: {work}।",
    )
    wrong: Wrong = [(sides * step, "counted_wrong")]  # counted shared sides twice
    wrong += [(adds * step, "off_by_one"), (answer + adds, "off_by_one")]
    wrong.append((adds * 3 + 2, "pattern_rule"))  # step 3 plus one
    data: dict[str, object] = {"kind": "sticks", "shape": en, "step": step}
    question = fill("maths.c5.shape_patterns", difficulty, prompt, answer, hint, data, wrong)
    picture = Growing(style="sticks", shape=en, steps=(1, 2, 3))
    return question.model_copy(update={"picture": picture})


def _dot_pattern(rng: Random, difficulty: int) -> Question:
    kind = rng.choice(sorted(DOTS))
    count, step = DOTS[kind], rng.randint(4, 7) if difficulty == 1 else rng.randint(5, 12)
    answer = count(step)
    asked = _asked(step, Word(en="dots", hi="बिंदु"))
    drawn = DOT_STEPS[kind]
    prompt = Text(
        en=f"Each step is {drawn.en}.\n{asked.en}", hi=f"हर चरण {drawn.hi} है।\n{asked.hi}"
    )
    if kind == "square":
        work = f"{step} × {step} = {answer}"
        wrong: Wrong = [(4 * step, "pattern_rule"), (count(step - 1), "off_by_one")]
        wrong.append((count(step + 1), "off_by_one"))
    else:
        work = f"1 + 2 + ... + {step} = {answer}"
        wrong = [(step * step, "pattern_rule"), (count(step - 1), "off_by_one")]
        wrong.append((2 * answer, "half_double_confused"))
    hint = Text(en=f"Step {step}: {work}.", hi=f"चरण {step}: {work}।")
    data: dict[str, object] = {"kind": "dots", "shape": kind, "step": step}
    question = fill("maths.c5.shape_patterns", difficulty, prompt, answer, hint, data, wrong)
    picture = Growing(style="dots", shape=kind, steps=(1, 2, 3, 4))
    return question.model_copy(update={"picture": picture})
