"""Generators: angles as turns, area and perimeter, maps and directions (Class 5)."""

from __future__ import annotations

from random import Random

from curriculum.generators.common import BLANK, person
from curriculum.generators.registry import register
from curriculum.generators.shapes_common import Word, Wrong, fill, many, table, words
from curriculum.pictures import Grid, Rectangle
from curriculum.question import Question, Text

# --- Class 5: Angles as Turns ------------------------------------------------------------------

# A turn of TURNS[i] is i + 1 right angles.
TURNS = words("quarter=चौथाई, half=आधा, three-quarter=तीन-चौथाई, full=पूरा")
# kind | Hindi | smallest and largest measure used, in degrees (multiples of 5)
ANGLE_KINDS = [
    (kind, hi, int(low), int(high))
    for kind, hi, low, high in table("""
        acute angle    | न्यून कोण | 5   | 85
        right angle    | समकोण    | 90  | 90
        obtuse angle   | अधिक कोण | 95  | 175
        straight angle | ऋजु कोण  | 180 | 180
    """)
]
_KINDS_HINT = Text(
    en="Less than 90°: acute; exactly 90°: right; between 90° and 180°: obtuse; 180°: straight.",
    hi="90° से कम: न्यून कोण; ठीक 90°: समकोण; 90° और 180° के बीच: अधिक कोण; 180°: ऋजु कोण।",
)


@register("maths.c5.angles_turns", family="geometry")
def angles_turns(rng: Random, difficulty: int) -> Question:
    """d1: turns in right angles and degrees, or the turn a clock hand makes; d2: kinds of
    angles; d3: the degrees a clock hand turns through."""
    if difficulty == 2:
        return _angle_kind(rng)
    if difficulty == 3:
        return _clock_turn(rng)
    if rng.random() < 0.5:
        return _named_turn(rng, rng.randint(1, 12), rng.randrange(3))
    index = rng.randrange(4)
    turn, quarters = TURNS[index], index + 1
    degrees = quarters * 90
    hint = Text(
        en=f"A full turn is 360°, or 4 right angles; a {turn.en} turn is {quarters} × 90° = "
        f"{degrees}°.",
        hi=f"पूरा चक्कर 360° यानी 4 समकोण होता है; {turn.hi} चक्कर = {quarters} × 90° = {degrees}°।",
    )
    others = [q for q in range(1, 5) if q != quarters]
    tag, data = "maths.c5.angles_turns", {"turn": turn.en}
    if rng.random() < 0.5:
        prompt = Text(en=f"A {turn.en} turn = {BLANK} degrees", hi=f"{turn.hi} चक्कर = {BLANK} अंश")
        wrong: Wrong = [(q * 90, "fraction_part") for q in others]
        return fill(tag, 1, prompt, degrees, hint, {**data, "kind": "degrees"}, wrong)
    prompt = Text(
        en=f"A {turn.en} turn = {BLANK} right angles", hi=f"{turn.hi} चक्कर = {BLANK} समकोण"
    )
    wrong = [(q, "fraction_part") for q in others]
    return fill(tag, 1, prompt, quarters, hint, {**data, "kind": "right_angles"}, wrong)


def _named_turn(rng: Random, start: int, index: int) -> Question:
    """'The minute hand moves from 12 to 3. It makes a ____ turn.' (quarter, half or
    three-quarter)."""
    turn, spaces = TURNS[index], 3 * (index + 1)
    end = (start - 1 + spaces) % 12 + 1
    prompt = Text(
        en=f"The minute hand of a clock moves from {start} to {end}. It makes a {BLANK} turn.",
        hi=f"घड़ी की मिनट वाली सुई {start} से {end} तक घूमती है। वह {BLANK} चक्कर लगाती है।",
    )
    hint = Text(
        en=f"From {start} to {end} is {spaces} of the 12 spaces: {spaces // 3} quarter turns make "
        f"a {turn.en} turn.",
        hi=f"{start} से {end} तक 12 में से {spaces} खाने हैं: {spaces // 3} चौथाई चक्कर मिलकर "
        f"{turn.hi} चक्कर होता है।",
    )
    wrong: Wrong = [(TURNS[i].en, "fraction_part") for i in range(4) if i != index]
    fraction = {"quarter": "1/4", "half": "1/2", "three-quarter": "3/4"}[turn.en]
    accepted = (turn.hi, f"{turn.en} turn", f"a {turn.en} turn", fraction)
    data: dict[str, object] = {"kind": "named_turn", "start": start, "end": end}
    hindi = {t.en: t.hi for t in TURNS}
    tag = "maths.c5.angles_turns"
    return fill(tag, 1, prompt, turn.en, hint, data, wrong, accepted, hindi=hindi)


def _angle_kind(rng: Random) -> Question:
    kind, hi, low, high = rng.choice(ANGLE_KINDS)
    degrees = rng.randrange(low, high + 1, 5)
    prompt = Text(
        en=f"What kind of angle measures {degrees}°? Answer: {BLANK}",
        hi=f"{degrees}° का कोण किस प्रकार का कोण है? उत्तर: {BLANK}",
    )
    swapped = {"acute angle": "obtuse angle", "obtuse angle": "acute angle"}.get(kind)
    wrong: Wrong = [
        (other, "compared_wrong" if other == swapped else "shape_property")
        for other, *_ in ANGLE_KINDS
        if other != kind
    ]
    article = "an" if kind[0] in "aeiou" else "a"
    accepted = (kind.split()[0], f"{article} {kind}", hi, hi.replace(" ", ""))
    data: dict[str, object] = {"kind": "classify", "degrees": degrees}
    hindi = {k: h for k, h, *_ in ANGLE_KINDS}
    tag = "maths.c5.angles_turns"
    return fill(tag, 2, prompt, kind, _KINDS_HINT, data, wrong, accepted, hindi=hindi)


def _clock_turn(rng: Random) -> Question:
    start, spaces = rng.randint(1, 12), rng.randint(1, 11)
    end = (start - 1 + spaces) % 12 + 1
    answer = spaces * 30
    prompt = Text(
        en=f"A clock hand turns clockwise from {start} to {end}. It turns through {BLANK} degrees.",
        hi=f"घड़ी की एक सुई घड़ी की दिशा में {start} से {end} तक घूमती है। वह {BLANK} अंश घूमती है।",
    )
    work = f"{spaces} × 30° = {answer}°"
    hint = Text(
        en=f"From {start} to {end} is {many(spaces, 'space')}; each space is 360° ÷ 12 = 30°: "
        f"{work}.",
        hi=f"{start} से {end} तक {spaces} {'खाना' if spaces == 1 else 'खाने'}; हर खाना "
        f"360° ÷ 12 = 30° का है: {work}।",
    )
    wrong: Wrong = [((12 - spaces) * 30, "counted_wrong")]  # went the other way round
    wrong += [(answer + 30, "off_by_one"), (spaces * 5, "misread_clock")]  # minutes, not degrees
    data: dict[str, object] = {"kind": "clock", "start": start, "end": end}
    return fill("maths.c5.angles_turns", 3, prompt, answer, hint, data, wrong)


# --- Class 5: Grandmother's Quilt (area and perimeter) ---------------------------------------


def _rectangle(length: int, breadth: int) -> Word:
    if length == breadth:
        return Word(
            en=f"A square has sides of {length} cm.", hi=f"एक वर्ग की हर भुजा {length} सेंटीमीटर है।"
        )
    return Word(
        en=f"A rectangle is {length} cm long and {breadth} cm wide.",
        hi=f"एक आयत {length} सेंटीमीटर लंबा और {breadth} सेंटीमीटर चौड़ा है।",
    )


def _area_hint(length: int, breadth: int) -> Text:
    work = f"{length} × {breadth} = {length * breadth}"
    return Text(
        en=f"Area = number of unit squares = {work} square cm.",
        hi=f"क्षेत्रफल = इकाई वर्गों की संख्या = {work} वर्ग सेंटीमीटर।",
    )


def _area_wrongs(length: int, breadth: int) -> Wrong:
    wrong: Wrong = [(2 * (length + breadth), "operation_swap")]  # found the perimeter
    return [*wrong, (length + breadth, "counted_wrong"), (length * (breadth - 1), "counted_wrong")]


@register("maths.c5.area_perimeter", family="geometry")
def area_perimeter(rng: Random, difficulty: int) -> Question:
    tag = "maths.c5.area_perimeter"
    if difficulty == 1:
        return _grid_area(tag, rng)
    if difficulty == 3:
        return _missing_side(tag, rng)
    length = rng.randint(3, 15)
    breadth = length if rng.random() < 0.25 else rng.randint(2, length - 1)
    given = _rectangle(length, breadth)
    data: dict[str, object] = {"length": length, "breadth": breadth}
    if rng.random() < 0.5:
        prompt = Text(
            en=f"{given.en} Its area = {BLANK} square cm",
            hi=f"{given.hi} इसका क्षेत्रफल = {BLANK} वर्ग सेंटीमीटर",
        )
        hint, wrong = _area_hint(length, breadth), _area_wrongs(length, breadth)
        question = fill(tag, 2, prompt, length * breadth, hint, {**data, "kind": "area"}, wrong)
    else:
        question = _perimeter(tag, given, length, breadth, data)
    # Drawn with its sides labelled; not to scale, so the numbers are what is read.
    return question.model_copy(update={"picture": Rectangle(length=length, breadth=breadth)})


def _perimeter(
    tag: str, given: Word, length: int, breadth: int, data: dict[str, object]
) -> Question:
    perimeter = 2 * (length + breadth)
    prompt = Text(
        en=f"{given.en} Its perimeter = {BLANK} cm", hi=f"{given.hi} इसका परिमाप = {BLANK} सेंटीमीटर"
    )
    work = f"2 × ({length} + {breadth}) = {perimeter}"
    hint = Text(
        en=f"Perimeter = 2 × (length + breadth) = {work} cm.",
        hi=f"परिमाप = 2 × (लंबाई + चौड़ाई) = {work} सेंटीमीटर।",
    )
    wrong = [(length * breadth, "operation_swap"), (length + breadth, "counted_wrong")]
    wrong.append((2 * length + breadth, "counted_wrong"))  # left out one side
    return fill(tag, 2, prompt, perimeter, hint, {**data, "kind": "perimeter"}, wrong)


def _grid_area(tag: str, rng: Random) -> Question:
    """A rectangle shaded on a grid of unit squares, with a border of empty squares: count."""
    length, breadth = rng.randint(2, 7), rng.randint(2, 5)
    prompt = Text(
        en=f"Each small square is 1 square cm. Area of the shaded shape = {BLANK} square cm",
        hi=f"हर छोटा वर्ग 1 वर्ग सेंटीमीटर है। छायांकित आकृति का क्षेत्रफल = {BLANK} वर्ग सेंटीमीटर",
    )
    data: dict[str, object] = {"kind": "grid_area", "length": length, "breadth": breadth}
    hint, wrong = _area_hint(length, breadth), _area_wrongs(length, breadth)
    question = fill(tag, 1, prompt, length * breadth, hint, data, wrong)
    left, top = rng.randint(1, 2), rng.randint(1, 2)
    cells = tuple((left + c, top + r) for r in range(breadth) for c in range(length))
    grid = Grid(columns=length + left + 1, rows=breadth + top + 1, shaded=cells)
    return question.model_copy(update={"picture": grid})


def _missing_side(tag: str, rng: Random) -> Question:
    """Work backwards: a square's side from its perimeter, a rectangle's from area or perimeter."""
    kind = rng.choice(("square_side", "breadth_from_area", "length_from_perimeter"))
    length = rng.randint(3, 25)
    breadth = rng.randint(2, length - 1)
    if kind == "square_side":
        return _square_side(tag, length)
    if kind == "breadth_from_area":
        return _breadth_from_area(tag, length, breadth)
    perimeter = 2 * (length + breadth)
    half = perimeter // 2
    prompt = Text(
        en=f"A rectangle has a perimeter of {perimeter} cm and a breadth of {breadth} cm. "
        f"Its length = {BLANK} cm",
        hi=f"एक आयत का परिमाप {perimeter} सेंटीमीटर और चौड़ाई {breadth} सेंटीमीटर है। "
        f"उसकी लंबाई = {BLANK} सेंटीमीटर",
    )
    hint = Text(
        en=f"Length + breadth = {perimeter} ÷ 2 = {half}; length = {half} − {breadth} = {length}.",
        hi=f"लंबाई + चौड़ाई = {perimeter} ÷ 2 = {half}; लंबाई = {half} − {breadth} = {length}।",
    )
    wrong: Wrong = [(perimeter - breadth, "half_double_confused"), (half, "counted_wrong")]
    wrong.append((perimeter - 2 * breadth, "counted_wrong"))
    data: dict[str, object] = {"kind": kind, "perimeter": perimeter, "breadth": breadth}
    return fill(tag, 3, prompt, length, hint, data, wrong)


def _square_side(tag: str, side: int) -> Question:
    perimeter = 4 * side
    prompt = Text(
        en=f"The perimeter of a square is {perimeter} cm. Each side = {BLANK} cm",
        hi=f"एक वर्ग का परिमाप {perimeter} सेंटीमीटर है। उसकी हर भुजा = {BLANK} सेंटीमीटर",
    )
    hint = Text(
        en=f"A square has 4 equal sides: {perimeter} ÷ 4 = {side} cm.",
        hi=f"वर्ग की चारों भुजाएँ बराबर होती हैं: {perimeter} ÷ 4 = {side} सेंटीमीटर।",
    )
    wrong: Wrong = [(perimeter // 2, "half_double_confused"), (perimeter - 4, "operation_swap")]
    wrong.append((side + 1, "off_by_one"))
    data: dict[str, object] = {"kind": "square_side", "perimeter": perimeter}
    return fill(tag, 3, prompt, side, hint, data, wrong)


def _breadth_from_area(tag: str, length: int, breadth: int) -> Question:
    area = length * breadth
    prompt = Text(
        en=f"A rectangle has an area of {area} square cm and a length of {length} cm. "
        f"Its breadth = {BLANK} cm",
        hi=f"एक आयत का क्षेत्रफल {area} वर्ग सेंटीमीटर और लंबाई {length} सेंटीमीटर है। "
        f"उसकी चौड़ाई = {BLANK} सेंटीमीटर",
    )
    hint = Text(
        en=f"Area = length × breadth, so breadth = {area} ÷ {length} = {breadth} cm.",
        hi=f"क्षेत्रफल = लंबाई × चौड़ाई, इसलिए चौड़ाई = {area} ÷ {length} = {breadth} सेंटीमीटर।",
    )
    wrong: Wrong = [(area - length, "operation_swap"), (breadth + 1, "off_by_one")]
    wrong.append((area // 2, "half_double_confused"))
    data: dict[str, object] = {"kind": "breadth_from_area", "area": area, "length": length}
    return fill(tag, 3, prompt, breadth, hint, data, wrong)


# --- Class 5: Maps and Locations ---------------------------------------------------------------

DIRECTIONS = words("north=उत्तर, east=पूर्व, south=दक्षिण, west=पश्चिम")  # clockwise
TURN_STEPS = {"right": 1, "left": -1, "half": 2}  # in quarter turns, clockwise
_MIRROR = {"right": "left", "left": "right", "half": "half"}
_TURN_EN = {"right": "turns right", "left": "turns left", "half": "makes a half turn"}
_TURN_HI = {"right": "दाईं ओर मुड़", "left": "बाईं ओर मुड़", "half": "आधा चक्कर घूम"}  # + ता/ती है
_TURN_HINT = Text(
    en="Turning right is a quarter turn clockwise: north, east, south, west, then north again. "
    "Turning left goes the other way; after a half turn you face the opposite way.",
    hi="दाईं ओर मुड़ना घड़ी की दिशा में चौथाई चक्कर है: उत्तर, पूर्व, दक्षिण, पश्चिम और फिर उत्तर। "
    "बाईं ओर मुड़ने पर उल्टा क्रम होता है; आधे चक्कर के बाद मुँह ठीक उल्टी दिशा में होता है।",
)


@register("maths.c5.maps_directions", family="geometry")
def maps_directions(rng: Random, difficulty: int) -> Question:
    if difficulty == 3:
        return _grid_walk(rng)
    if difficulty == 1 and rng.random() < 0.5:
        return _around(rng, rng.randrange(4), rng.choice(sorted(_AROUND)))
    who, start = person(rng), rng.randrange(4)
    turns = [rng.choice(("right", "left", "half"))] if difficulty == 1 else []
    if difficulty == 2:
        turns = [rng.choice(sorted(TURN_STEPS)) for _ in range(rng.randint(2, 3))]
    assert turns
    face = (start + sum(TURN_STEPS[t] for t in turns)) % 4
    mirrored = (start + sum(TURN_STEPS[_MIRROR[t]] for t in turns)) % 4  # left and right mixed up
    he, ending = ("She", "ती") if who.female else ("He", "ता")
    turned_en = ", then ".join(_TURN_EN[t] for t in turns)
    turned_hi = ", फिर ".join(f"{_TURN_HI[t]}{ending} है" for t in turns)
    facing = DIRECTIONS[start]
    prompt = Text(
        en=f"{who.en} is facing {facing.en}. {he} {turned_en}. Now {he.lower()} is facing {BLANK}.",
        hi=f"{who.hi} का मुँह {facing.hi} की ओर है। वह {turned_hi}। अब उसका मुँह {BLANK} की ओर है।",
    )
    wrong: Wrong = [(DIRECTIONS[mirrored].en, "operation_swap")]
    wrong += [(DIRECTIONS[(face + k) % 4].en, "off_by_one") for k in (1, 3)]  # a turn too many/few
    answer = DIRECTIONS[face]
    data: dict[str, object] = {"kind": "turns", "start": facing.en, "turns": turns}
    accepted = (answer.hi, answer.en.capitalize())
    tag, hindi = "maths.c5.maps_directions", dict(DIRECTIONS)
    return fill(tag, difficulty, prompt, answer.en, _TURN_HINT, data, wrong, accepted, hindi=hindi)


# What lies to one's right, left or behind, in quarter turns clockwise from where one faces.
_AROUND = {"right": (1, "right hand", "दाएँ हाथ की ओर"), "left": (3, "left hand", "बाएँ हाथ की ओर")}
_AROUND["behind"] = (2, "back", "पीठ के पीछे")


def _around(rng: Random, facing: int, side: str) -> Question:
    """'Ravi faces north. On his right hand is the ____.'"""
    who = person(rng)
    steps, part, part_hi = _AROUND[side]
    answer, face = DIRECTIONS[(facing + steps) % 4], DIRECTIONS[facing]
    his = "her" if who.female else "his"
    where = f"Behind {his} back is the" if side == "behind" else f"On {his} {part} is the"
    prompt = Text(
        en=f"{who.en} faces {face.en}. {where} {BLANK}.",
        hi=f"{who.hi} का मुँह {face.hi} की ओर है। उसके {part_hi} {BLANK} दिशा है।",
    )
    wrong: Wrong = [(DIRECTIONS[(facing + k) % 4].en, "operation_swap") for k in (4 - steps, 2)]
    wrong.append((face.en, "off_by_one"))
    data: dict[str, object] = {"kind": "around", "facing": face.en, "side": side}
    accepted = (answer.hi, answer.en.capitalize())
    hindi, tag = {d.en: d.hi for d in DIRECTIONS}, "maths.c5.maps_directions"
    return fill(tag, 1, prompt, answer.en, _TURN_HINT, data, wrong, accepted, hindi=hindi)


def _grid_walk(rng: Random) -> Question:
    """Walk out, sideways, then partly back: how far out along the first direction?"""
    who, axis = person(rng), rng.randrange(4)
    ahead, back = DIRECTIONS[axis], DIRECTIONS[(axis + 2) % 4]
    side = DIRECTIONS[(axis + rng.choice((1, 3))) % 4]
    out, across = rng.randint(3, 12), rng.randint(2, 9)
    returned = rng.randint(1, out - 1)
    answer = out - returned
    he, walks = ("she", "चलती") if who.female else ("he", "चलता")
    prompt = Text(
        en=f"{who.en} starts at the gate and walks {out} steps {ahead.en}, then {across} steps "
        f"{side.en}, then {many(returned, 'step')} {back.en}. Now {he} is {BLANK} steps "
        f"{ahead.en} of the gate.",
        hi=f"{who.hi} गेट से {out} कदम {ahead.hi} की ओर, फिर {across} कदम {side.hi} की ओर, फिर "
        f"{returned} कदम {back.hi} की ओर {walks} है। अब वह गेट से {BLANK} कदम {ahead.hi} की ओर है।",
    )
    hint = Text(
        en=f"{out} − {returned} = {answer}. The steps {side.en} do not change how far {ahead.en} "
        f"{he} is.",
        hi=f"{out} − {returned} = {answer}। {side.hi} की ओर चलने से {ahead.hi} की ओर की दूरी "
        f"नहीं बदलती।",
    )
    wrong: Wrong = [(out + returned, "operation_swap"), (out, "counted_wrong")]
    wrong.append((answer + across, "counted_wrong"))  # added the sideways steps too
    moves = [[ahead.en, out], [side.en, across], [back.en, returned]]
    data: dict[str, object] = {"kind": "walk", "moves": moves, "asked": ahead.en}
    return fill("maths.c5.maps_directions", 3, prompt, answer, hint, data, wrong)
