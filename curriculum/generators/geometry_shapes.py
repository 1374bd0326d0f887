"""Generators: 2D shapes, their sides, corners and properties (Classes 2-4)."""

from __future__ import annotations

from collections.abc import Sequence
from random import Random
from typing import NamedTuple

from curriculum.generators.common import BLANK
from curriculum.generators.registry import register
from curriculum.generators.shapes_common import Word, Wrong, fill, pick, table
from curriculum.question import Question, Text

# --- 2D shapes: Class 2 (Shadow Story), Class 3 (Fun with Shapes) --------------------------------


class Shape(NamedTuple):
    en: str
    hi: str
    en_many: str
    hi_many: str  # oblique plural: "2 त्रिभुजों और 1 वर्ग में"
    sides: int  # also its number of corners; a circle has no corners and no straight sides


SHAPES = {
    en: Shape(en, hi, en_many, hi_many, int(sides))
    for en, hi, en_many, hi_many, sides in table("""
        triangle  | त्रिभुज | triangles  | त्रिभुजों | 3
        square    | वर्ग    | squares    | वर्गों    | 4
        rectangle | आयत    | rectangles | आयतों    | 4
        pentagon  | पंचभुज  | pentagons  | पंचभुजों  | 5
        hexagon   | षट्भुज  | hexagons   | षट्भुजों  | 6
        circle    | वृत्त   | circles    | वृत्तों   | 0
    """)
}
_PART = {"sides": Word("sides", "की भुजाओं"), "corners": Word("corners", "के कोनों")}
_PART_ALL = {"sides": Word("sides", "भुजाएँ"), "corners": Word("corners", "कोने")}
_COUNT_HINT = Text(
    en="Count the straight sides, and the corners where two sides meet. A circle has no corners.",
    hi="सीधी भुजाएँ गिनो, और वे कोने गिनो जहाँ दो भुजाएँ मिलती हैं। वृत्त का कोई कोना नहीं होता।",
)
_RIDDLES = {
    "triangle": Text(en="I have 3 sides and 3 corners.", hi="मेरी 3 भुजाएँ और 3 कोने हैं।"),
    "square": Text(
        en="I have 4 sides and 4 corners, and all my sides are equal.",
        hi="मेरी 4 भुजाएँ और 4 कोने हैं, और मेरी सभी भुजाएँ बराबर हैं।",
    ),
    "rectangle": Text(
        en="I have 4 sides and 4 corners. My opposite sides are equal, and two of my sides are "
        "longer than the other two.",
        hi="मेरी 4 भुजाएँ और 4 कोने हैं। मेरी आमने-सामने की भुजाएँ बराबर हैं, और दो भुजाएँ बाकी दो से लंबी हैं।",
    ),
    "circle": Text(
        en="I am round. I have no corners and no straight sides.",
        hi="मैं गोल हूँ। मेरा कोई कोना नहीं है और कोई सीधी भुजा नहीं है।",
    ),
}


# Things around a child and the flat shape they have (Hindi oblique, to read "सिक्के का आकार").
EVERYDAY_SHAPES = table("""
    coin | सिक्के | circle
    bangle | चूड़ी | circle
    roti | रोटी | circle
    wheel | पहिए | circle
    plate | थाली | circle
    samosa | समोसे | triangle
    tent seen from the front | सामने से दिखते तंबू | triangle
    door | दरवाज़े | rectangle
    blackboard | ब्लैकबोर्ड | rectangle
    envelope | लिफ़ाफ़े | rectangle
    page of a notebook | कॉपी के पन्ने | rectangle
    ₹ 10 note | 10 रुपये के नोट | rectangle
    mobile phone screen | मोबाइल फ़ोन की स्क्रीन | rectangle
    carrom board | कैरम बोर्ड | square
    chessboard | शतरंज की बिसात | square
    handkerchief | रूमाल | square
""")
# The faces of solid things: what a child sees when one face is pressed on paper and traced.
FACE_SHAPES = table("""
    face of a dice | पासे के एक फलक | square
    face of an ice cube | बर्फ़ के टुकड़े के एक फलक | square
    top of a drum | ढोल के ऊपरी भाग | circle
    bottom of a glass | गिलास के तले | circle
    top of a tin can | डिब्बे के ढक्कन | circle
    end of a log | लट्ठे के सिरे | circle
    base of a birthday cap | जन्मदिन की टोपी के तले | circle
    top of a candle | मोमबत्ती के ऊपरी सिरे | circle
    face of a brick | ईंट के एक फलक | rectangle
    face of a matchbox | माचिस की डिब्बी के एक फलक | rectangle
    cover of a book | किताब के कवर | rectangle
    front of a shoe box | जूते के डिब्बे के सामने के भाग | rectangle
    side of a tent | तंबू की एक ओर | triangle
    top of a round tiffin box | गोल टिफ़िन डिब्बे के ढक्कन | circle
    top of a bucket | बाल्टी के ऊपरी भाग | circle
    front of an almirah | अलमारी के सामने के भाग | rectangle
""")


def _object_shape(tag: str, rng: Random, difficulty: int, things: Sequence[list[str]]) -> Question:
    """'The shape of a coin is a ____.': the flat shape of a thing, or of one face of it."""
    thing, thing_hi, name = rng.choice(things)
    shape = SHAPES[name]
    prompt = Text(
        en=f"The shape of {_a(thing)} {thing} is a {BLANK}.",
        hi=f"{thing_hi} का आकार {BLANK} होता है।",
    )
    wrong: Wrong = [(n, "shape_property") for n in ("circle", "triangle", "square", "rectangle")]
    hint = Text(en=f"Answer: {name}. {_COUNT_HINT.en}", hi=f"उत्तर: {shape.hi}। {_COUNT_HINT.hi}")
    accepted = (shape.hi, name.capitalize(), f"a {name}")
    data: dict[str, object] = {"kind": "object", "thing": thing}
    hindi = {n: SHAPES[n].hi for n in ("circle", "triangle", "square", "rectangle")}
    key = f"object:{thing}"
    return fill(tag, difficulty, prompt, name, hint, data, wrong, accepted, key, hindi=hindi)


def _a(thing: str) -> str:
    return "an" if thing[0] in "aeiou" else "a"


def _shape_count(tag: str, rng: Random, difficulty: int, names: Sequence[str]) -> Question:
    shape = SHAPES[rng.choice(names)]
    part = rng.choice(("sides", "corners")) if shape.sides else "corners"
    prompt = Text(
        en=f"Number of {_PART[part].en} of a {shape.en} = {BLANK}",
        hi=f"{shape.hi} {_PART[part].hi} की संख्या = {BLANK}",
    )
    n = shape.sides
    wrong: Wrong = [(n + 1, "off_by_one"), (n - 1, "off_by_one")]
    wrong += [(2 * n, "counted_wrong"), (4, "shape_property")]  # sides and corners both; a square
    data: dict[str, object] = {"shape": shape.en, "part": part}
    return fill(tag, difficulty, prompt, n, _COUNT_HINT, data, wrong)


def _group(n: int, shape: Shape) -> Word:
    return Word(
        f"{n} {shape.en_many if n > 1 else shape.en}", f"{n} {shape.hi_many if n > 1 else shape.hi}"
    )


def _shape_total(tag: str, rng: Random, names: Sequence[str], most: int) -> Question:
    """'2 triangles and 1 square have ____ corners in all.'"""
    first, second = (SHAPES[n] for n in rng.sample(list(names), 2))
    a, b, part = rng.randint(1, most), rng.randint(1, most), rng.choice(("sides", "corners"))
    answer = a * first.sides + b * second.sides
    one, two, counted = _group(a, first), _group(b, second), _PART_ALL[part]
    prompt = Text(
        en=f"{one.en} and {two.en} have {BLANK} {counted.en} in all.",
        hi=f"{one.hi} और {two.hi} में कुल {BLANK} {counted.hi} हैं।",
    )
    work = f"{a} × {first.sides} + {b} × {second.sides} = {answer}"
    wrong: Wrong = [(first.sides + second.sides, "counted_wrong")]  # one shape of each kind
    wrong += [(a * second.sides + b * first.sides, "shape_property"), (answer + 1, "off_by_one")]
    data: dict[str, object] = {"part": part, "groups": [[a, first.en], [b, second.en]]}
    return fill(tag, 3, prompt, answer, Text(en=work, hi=work), data, wrong)


@register("maths.c2.shapes_2d", family="geometry")
def shapes_2d(rng: Random, difficulty: int) -> Question:
    tag, basic = "maths.c2.shapes_2d", ("triangle", "square", "rectangle")
    if difficulty == 1:
        if rng.random() < 0.5:
            return _object_shape(tag, rng, 1, EVERYDAY_SHAPES)
        return _shape_count(tag, rng, 1, (*basic, "circle"))
    if difficulty == 3:
        return _shape_total(tag, rng, basic, 3)
    if rng.random() < 0.5:
        return _object_shape(tag, rng, 2, FACE_SHAPES)
    if rng.random() < 0.2:  # only the questions with one answer among Class 2's shapes
        return _which_shape(tag, rng, ("triangle", "circle"), (*basic, "circle"))
    name = rng.choice(sorted(_RIDDLES))
    riddle, shape = _RIDDLES[name], SHAPES[name]
    prompt = Text(en=f"{riddle.en} I am a {BLANK}.", hi=f"{riddle.hi} मैं {BLANK} हूँ।")
    wrong: Wrong = [(n, "shape_property") for n in sorted(_RIDDLES) if n != name]
    hint = Text(en=f"Answer: {name}. {_COUNT_HINT.en}", hi=f"उत्तर: {shape.hi}। {_COUNT_HINT.hi}")
    accepted = (shape.hi, name.capitalize(), f"a {name}")
    data: dict[str, object] = {"kind": "riddle", "shape": name}
    hindi = {n: SHAPES[n].hi for n in _RIDDLES}
    return fill(tag, 2, prompt, name, hint, data, wrong, accepted, hindi=hindi)


@register("maths.c3.shapes_2d_properties", family="geometry")
def shapes_2d_properties(rng: Random, difficulty: int) -> Question:
    tag = "maths.c3.shapes_2d_properties"
    polygons = ("triangle", "square", "rectangle", "pentagon", "hexagon")
    if difficulty == 1:
        if rng.random() < 0.5:
            return _object_shape(tag, rng, 1, EVERYDAY_SHAPES)
        return _shape_count(tag, rng, 1, (*polygons, "circle"))
    if difficulty == 3:
        return _shape_total(tag, rng, polygons, 4)
    if rng.random() < 0.4:
        return _object_shape(tag, rng, 2, FACE_SHAPES)
    if rng.random() < 0.2:
        return _tangram(tag, rng)
    return _which_shape(tag, rng, (*polygons, "circle"), tuple(SHAPES))


def _which_shape(tag: str, rng: Random, answers: Sequence[str], shown: Sequence[str]) -> Question:
    """'Which shape has 5 corners: pentagon, hexagon, triangle?' (no other choice fits)."""
    right = SHAPES[rng.choice(answers)]
    others = rng.sample([SHAPES[s] for s in shown if SHAPES[s].sides != right.sides], 2)
    n = right.sides
    part = rng.choice(("sides", "corners")) if n else "none"
    if not n:
        ask = Word(en="Which shape has no corners:", hi="किस आकृति का कोई कोना नहीं है:")
    elif part == "sides":
        ask = Word(en=f"Which shape has {n} sides:", hi=f"किस आकृति की {n} भुजाएँ हैं:")
    else:
        ask = Word(en=f"Which shape has {n} corners:", hi=f"किस आकृति के {n} कोने हैं:")
    choices = [Word(s.en, s.hi) for s in others]
    return pick(tag, rng, 2, ask, Word(right.en, right.hi), choices, f"has:{part}:{n}", _COUNT_HINT)


# The seven pieces of a tangram: 2 large, 1 medium and 2 small triangles, 1 square, 1
# parallelogram. question | Hindi | answer | numbers children confuse it with
TANGRAM = table("""
    A tangram is a square cut into ____ pieces. | टैनग्राम एक वर्ग है जिसे ____ टुकड़ों में काटा जाता है। | 7 | 5, 4
    How many of the pieces of a tangram are triangles? ____ | टैनग्राम के कितने टुकड़े त्रिभुज हैं? ____ | 5 | 3, 7
    How many of the pieces of a tangram are squares? ____ | टैनग्राम के कितने टुकड़े वर्ग हैं? ____ | 1 | 2, 4
    How many large triangles does a tangram have? ____ | टैनग्राम में कितने बड़े त्रिभुज होते हैं? ____ | 2 | 1, 3
    How many small triangles does a tangram have? ____ | टैनग्राम में कितने छोटे त्रिभुज होते हैं? ____ | 2 | 1, 3
    How many medium-sized triangles does a tangram have? ____ | टैनग्राम में कितने मँझोले त्रिभुज होते हैं? ____ | 1 | 2, 3
""")  # noqa: E501
_TANGRAM_HINT = Text(
    en="A tangram has 7 pieces: 5 triangles (2 large, 1 medium, 2 small), 1 square and 1 "
    "parallelogram.",
    hi="टैनग्राम के 7 टुकड़े होते हैं: 5 त्रिभुज (2 बड़े, 1 मँझोला, 2 छोटे), 1 वर्ग और 1 समांतर चतुर्भुज।",
)


def _tangram(tag: str, rng: Random) -> Question:
    index = rng.randrange(len(TANGRAM))
    en, hi, answer, confused = TANGRAM[index]
    prompt = Text(en=en.replace("____", BLANK), hi=hi.replace("____", BLANK))
    wrong: Wrong = [(int(c), "shape_property") for c in confused.split(",")]
    data: dict[str, object] = {"kind": "tangram", "fact": index}
    return fill(tag, 2, prompt, int(answer), _TANGRAM_HINT, data, wrong, key=f"tangram:{index}")


# --- Class 4: Shapes Around Us ----------------------------------------------------------------

# shape | fact | Hindi | answer | the counts children confuse it with
C4_FACTS = table("""
    square | Number of equal sides of a square | वर्ग की बराबर भुजाओं की संख्या | 4 | 2, 3
    square | Number of right angles in a square | वर्ग में समकोणों की संख्या | 4 | 2, 1
    rectangle | Number of right angles in a rectangle | आयत में समकोणों की संख्या | 4 | 2, 0
    rectangle | Number of pairs of equal opposite sides in a rectangle | आयत में आमने-सामने की बराबर भुजाओं के जोड़ों की संख्या | 2 | 4, 1
    equilateral | Number of equal sides of an equilateral triangle | समबाहु त्रिभुज की बराबर भुजाओं की संख्या | 3 | 2, 0
    triangle | Number of corners of a triangle | त्रिभुज के कोनों की संख्या | 3 | 4, 2
    circle | Number of corners of a circle | वृत्त के कोनों की संख्या | 0 | 1, 4
    triangle | Number of sides of a triangle | त्रिभुज की भुजाओं की संख्या | 3 | 4, 2
    rectangle | Number of corners of a rectangle | आयत के कोनों की संख्या | 4 | 2, 3
    rectangle | Number of sides of a rectangle | आयत की भुजाओं की संख्या | 4 | 2, 3
    square | Number of corners of a square | वर्ग के कोनों की संख्या | 4 | 3, 8
    pentagon | Number of sides of a pentagon | पंचभुज की भुजाओं की संख्या | 5 | 6, 4
    pentagon | Number of corners of a pentagon | पंचभुज के कोनों की संख्या | 5 | 6, 4
    hexagon | Number of sides of a hexagon | षट्भुज की भुजाओं की संख्या | 6 | 5, 8
    hexagon | Number of corners of a hexagon | षट्भुज के कोनों की संख्या | 6 | 5, 8
    isosceles | Number of equal sides of an isosceles triangle (only two sides equal) | समद्विबाहु त्रिभुज (केवल दो भुजाएँ बराबर) की बराबर भुजाओं की संख्या | 2 | 3, 1
    circle | Number of straight sides of a circle | वृत्त की सीधी भुजाओं की संख्या | 0 | 1, 2
    octagon | Number of sides of an octagon | अष्टभुज की भुजाओं की संख्या | 8 | 6, 10
    octagon | Number of corners of an octagon | अष्टभुज के कोनों की संख्या | 8 | 6, 10
    hexagon | Number of equal sides of a regular hexagon (all sides equal) | सम षट्भुज (सभी भुजाएँ बराबर) की बराबर भुजाओं की संख्या | 6 | 5, 3
""")  # noqa: E501
# shape | description | Hindi
C4_DESCRIPTIONS = table("""
    square | It has 4 equal sides and 4 right angles. | इसकी 4 बराबर भुजाएँ और 4 समकोण हैं।
    square | All its sides are equal and all its corners are right angles. | इसकी सभी भुजाएँ बराबर हैं और इसके सभी कोने समकोण हैं।
    rectangle | It has 4 right angles, and its length is more than its breadth. | इसके 4 समकोण हैं, और इसकी लंबाई इसकी चौड़ाई से ज़्यादा है।
    rectangle | Its opposite sides are equal and all its corners are right angles, but not all its sides are equal. | इसकी आमने-सामने की भुजाएँ बराबर हैं और सभी कोने समकोण हैं, पर सभी भुजाएँ बराबर नहीं हैं।
    triangle | It has 3 sides and 3 corners. | इसकी 3 भुजाएँ और 3 कोने हैं।
    triangle | It has one side fewer than a square, and as many corners as sides. | इसमें वर्ग से एक भुजा कम है, और जितनी भुजाएँ उतने ही कोने हैं।
    circle | It has no corners, and every point on it is the same distance from its centre. | इसका कोई कोना नहीं है, और इस पर हर बिंदु इसके केंद्र से बराबर दूरी पर है।
    circle | It has a centre, and all its radii are equal. | इसका एक केंद्र है, और इसकी सभी त्रिज्याएँ बराबर हैं।
    pentagon | It has 5 sides and 5 corners. | इसकी 5 भुजाएँ और 5 कोने हैं।
    pentagon | It has one side more than a square. | इसमें वर्ग से एक भुजा अधिक है।
    hexagon | It has 6 sides and 6 corners, like a cell of a honeycomb. | इसकी 6 भुजाएँ और 6 कोने हैं, मधुमक्खी के छत्ते के एक खाने की तरह।
    hexagon | It has twice as many sides as a triangle. | इसकी भुजाएँ त्रिभुज से दुगुनी हैं।
""")  # noqa: E501
_SUMMARY = {
    "square": Text(
        en="A square: 4 equal sides; all 4 corners are right angles.",
        hi="वर्ग: 4 बराबर भुजाएँ; चारों कोने समकोण।",
    ),
    "rectangle": Text(
        en="A rectangle: opposite sides equal (2 pairs); all 4 corners are right angles.",
        hi="आयत: आमने-सामने की भुजाएँ बराबर (2 जोड़े); चारों कोने समकोण।",
    ),
    "triangle": Text(en="A triangle: 3 sides, 3 corners.", hi="त्रिभुज: 3 भुजाएँ, 3 कोने।"),
    "equilateral": Text(
        en="An equilateral triangle: all 3 sides are equal.",
        hi="समबाहु त्रिभुज: तीनों भुजाएँ बराबर होती हैं।",
    ),
    "circle": Text(
        en="A circle: no corners; every point is the same distance from the centre.",
        hi="वृत्त: कोई कोना नहीं; हर बिंदु केंद्र से बराबर दूरी पर।",
    ),
    "pentagon": Text(en="A pentagon: 5 sides, 5 corners.", hi="पंचभुज: 5 भुजाएँ, 5 कोने।"),
    "hexagon": Text(en="A hexagon: 6 sides, 6 corners.", hi="षट्भुज: 6 भुजाएँ, 6 कोने।"),
    "octagon": Text(en="An octagon: 8 sides, 8 corners.", hi="अष्टभुज: 8 भुजाएँ, 8 कोने।"),
    "isosceles": Text(
        en="An isosceles triangle: two of its three sides are equal.",
        hi="समद्विबाहु त्रिभुज: इसकी तीन में से दो भुजाएँ बराबर होती हैं।",
    ),
}


@register("maths.c4.shapes_properties", family="geometry")
def shapes_properties(rng: Random, difficulty: int) -> Question:
    tag = "maths.c4.shapes_properties"
    if difficulty == 3:
        return _radius_diameter(tag, rng)
    if difficulty == 2 and rng.random() < 0.4:
        return _object_shape(tag, rng, 2, FACE_SHAPES)
    if difficulty == 1:
        shape, en, hi, answer, confused = rng.choice(C4_FACTS)
        prompt = Text(en=f"{en} = {BLANK}", hi=f"{hi} = {BLANK}")
        wrong: Wrong = [(int(c), "shape_property") for c in confused.split(",")]
        wrong.append((int(answer) + 1, "off_by_one"))
        data: dict[str, object] = {"kind": "fact", "fact": en}
        return fill(tag, 1, prompt, int(answer), _SUMMARY[shape], data, wrong)
    index = rng.randrange(len(C4_DESCRIPTIONS))
    name, en, hi = C4_DESCRIPTIONS[index]
    names = sorted({row[0] for row in C4_DESCRIPTIONS} - {name})
    others = [Word(n, SHAPES[n].hi) for n in rng.sample(names, 2)]
    ask = Word(en=f"{en} Which shape is it:", hi=f"{hi} यह कौन-सी आकृति है:")
    return pick(
        tag, rng, 2, ask, Word(name, SHAPES[name].hi), others, f"describe{index}", _SUMMARY[name]
    )


def _radius_diameter(tag: str, rng: Random) -> Question:
    radius = rng.randint(2, 30)
    diameter = 2 * radius
    hint = Text(
        en=f"Diameter = 2 × radius: 2 × {radius} = {diameter}.",
        hi=f"व्यास = 2 × त्रिज्या: 2 × {radius} = {diameter}।",
    )
    if rng.random() < 0.5:
        prompt = Text(
            en=f"A circle has a radius of {radius} cm. Its diameter is {BLANK} cm.",
            hi=f"एक वृत्त की त्रिज्या {radius} सेंटीमीटर है। उसका व्यास {BLANK} सेंटीमीटर है।",
        )
        wrong: Wrong = [(radius, "half_double_confused"), (radius + 2, "operation_swap")]
        wrong.append((diameter + 1, "off_by_one"))
        data: dict[str, object] = {"kind": "diameter", "radius": radius}
        return fill(tag, 3, prompt, diameter, hint, data, wrong)
    prompt = Text(
        en=f"A circle has a diameter of {diameter} cm. Its radius is {BLANK} cm.",
        hi=f"एक वृत्त का व्यास {diameter} सेंटीमीटर है। उसकी त्रिज्या {BLANK} सेंटीमीटर है।",
    )
    wrong = [(2 * diameter, "half_double_confused"), (diameter, "shape_property")]
    wrong.append((diameter - 2, "operation_swap"))
    return fill(tag, 3, prompt, radius, hint, {"kind": "radius", "diameter": diameter}, wrong)
