"""Geometry generators: each answer recomputed from `question.data` with facts written here,
separately from the generators' own tables."""

from __future__ import annotations

import re

import pytest

from curriculum.pictures import Grid, Rectangle
from curriculum.question import Question
from tests.curriculum.harness import family_tags, run_generator_checks

# --- facts, written independently ---------------------------------------------------------

ROUND_ROLLS = {
    "ball", "marble", "orange", "wheel", "tyre", "coconut", "lemon", "laddoo", "pea", "bead",
}  # fmt: skip
ROLLS = ROUND_ROLLS | {"pipe"}  # a pipe rolls, but is long as well as round
SLIDES = {
    "book", "brick", "box", "eraser", "duster", "slate", "matchbox", "notebook", "tile",
    "wooden block", "chalk box",
}  # fmt: skip
ROUND = ROUND_ROLLS | {"bangle", "coin", "plate", "roti"}
LONG = {"stick", "rope", "snake", "pencil", "ruler", "broom", "sugarcane", "ladder", "bamboo"}

# solid: faces, edges, corners (NCERT Class 3), flat faces, curved faces, rolls, slides
SOLID = {
    "cube": (6, 12, 8, 6, 0, False, True),
    "cuboid": (6, 12, 8, 6, 0, False, True),
    "cylinder": (3, 2, 0, 2, 1, True, True),
    "cone": (2, 1, 1, 1, 1, True, True),
    "sphere": (1, 0, 0, 0, 1, True, False),
}
PROPERTY_INDEX = {"faces": 0, "edges": 1, "corners": 2, "flat": 3, "curved": 4}
SHAPE_OF = {
    "dice": "cube",
    "ice cube": "cube",
    "brick": "cuboid",
    "matchbox": "cuboid",
    "candle": "cylinder",
    "pipe": "cylinder",
    "ice-cream cone": "cone",
    "birthday cap": "cone",
    "ball": "sphere",
    "laddoo": "sphere",
    "sugar cube": "cube",
    "Rubik's cube": "cube",
    "duster": "cuboid",
    "almirah": "cuboid",
    "book": "cuboid",
    "shoe box": "cuboid",
    "drum": "cylinder",
    "tin can": "cylinder",
    "log": "cylinder",
    "gas cylinder": "cylinder",
    "funnel": "cone",
    "mehendi cone": "cone",
    "traffic cone": "cone",
    "globe": "sphere",
    "marble": "sphere",
}
SOLID_TEST = {
    "roll_and_slide": lambda f: f[5] and f[6],
    "only_roll": lambda f: f[5] and not f[6],
    "only_slide": lambda f: f[6] and not f[5],
    "only_flat": lambda f: f[4] == 0,
    "only_curved": lambda f: f[3] == 0,
    "flat_and_curved": lambda f: f[3] > 0 and f[4] > 0,
}
SIDES = {"triangle": 3, "square": 4, "rectangle": 4, "pentagon": 5, "hexagon": 6, "circle": 0}

NO_SYMMETRY = set("FGJLNPQRSZ")
TWO_LINES = set("HIOX")
FIGURE_LINES = {
    "a square": "4",
    "a rectangle (not a square)": "2",
    "an equilateral triangle (all sides equal)": "3",
    "an isosceles triangle (only two sides equal)": "1",
    "a scalene triangle (all sides different)": "0",
    "a semicircle": "1",
    "a regular pentagon": "5",
    "a regular hexagon": "6",
    "a regular octagon": "8",
    "a circle": "many",
}
C4_FACT_ANSWERS = {
    "Number of equal sides of a square": 4,
    "Number of right angles in a square": 4,
    "Number of right angles in a rectangle": 4,
    "Number of pairs of equal opposite sides in a rectangle": 2,
    "Number of equal sides of an equilateral triangle": 3,
    "Number of corners of a triangle": 3,
    "Number of corners of a circle": 0,
    "Number of sides of a triangle": 3,
    "Number of corners of a rectangle": 4,
    "Number of sides of a rectangle": 4,
    "Number of corners of a square": 4,
    "Number of sides of a pentagon": 5,
    "Number of corners of a pentagon": 5,
    "Number of sides of a hexagon": 6,
    "Number of corners of a hexagon": 6,
    "Number of equal sides of an isosceles triangle (only two sides equal)": 2,
    "Number of straight sides of a circle": 0,
    "Number of sides of an octagon": 8,
    "Number of corners of an octagon": 8,
    "Number of equal sides of a regular hexagon (all sides equal)": 6,
}
# The flat shape of things children know, and of faces of solids.
OBJECT_SHAPE = {
    "coin": "circle", "bangle": "circle", "roti": "circle", "wheel": "circle", "plate": "circle",
    "samosa": "triangle", "tent seen from the front": "triangle", "door": "rectangle",
    "blackboard": "rectangle", "envelope": "rectangle", "page of a notebook": "rectangle",
    "₹ 10 note": "rectangle", "mobile phone screen": "rectangle", "carrom board": "square",
    "chessboard": "square", "handkerchief": "square", "face of a dice": "square",
    "face of an ice cube": "square", "top of a drum": "circle", "bottom of a glass": "circle",
    "top of a tin can": "circle", "end of a log": "circle", "base of a birthday cap": "circle",
    "top of a candle": "circle", "face of a brick": "rectangle", "face of a matchbox": "rectangle",
    "cover of a book": "rectangle", "front of a shoe box": "rectangle", "side of a tent": "triangle",
    "top of a round tiffin box": "circle", "top of a bucket": "circle",
    "front of an almirah": "rectangle",
}  # fmt: skip
# A tangram: 7 pieces, 5 triangles (2 large, 1 medium, 2 small), 1 square, 1 parallelogram.
TANGRAM_ANSWERS = {
    "cut into": 7, "are triangles": 5, "are squares": 1, "large triangles": 2,
    "small triangles": 2, "medium-sized": 1,
}  # fmt: skip


def object_shape(q: Question) -> bool:
    """'The shape of a coin is a ____.'"""
    if q.data.get("kind") != "object":
        return False
    assert q.answer == OBJECT_SHAPE[q.data["thing"]] and q.data["thing"] in q.prompt.en
    return True


def tangram(q: Question) -> bool:
    if q.data.get("kind") != "tangram":
        return False
    (answer,) = [n for words, n in TANGRAM_ANSWERS.items() if words in q.prompt.en]
    assert q.answer == str(answer)
    return True


COMPASS = ["north", "east", "south", "west"]
STEP = {"north": (0, 1), "east": (1, 0), "south": (0, -1), "west": (-1, 0)}


def one_fits(q: Question, fits: set[str], size: int) -> None:
    """A 'which of these' question: exactly one choice fits, it is the answer, all are shown."""
    choices = q.data["choices"]
    assert len(choices) == len(set(choices)) == size
    assert [c for c in choices if c in fits] == [q.answer]
    assert all(c in q.prompt.en for c in choices)


# --- oracles ---------------------------------------------------------------------------------


def long_round(q: Question) -> None:
    kind = q.data["kind"]
    if kind == "count_roll":
        things = q.data["things"]
        assert len(things) == 6 and set(things) <= ROLLS | SLIDES
        assert q.answer == str(sum(t in ROLLS for t in things))
        assert all(t in q.prompt.en for t in things)
        return
    pool = {"round": ROUND, "long": LONG, "roll": ROLLS, "slide": SLIDES}[kind]
    others = {"round": LONG, "long": ROUND, "roll": SLIDES, "slide": ROLLS}[kind]
    one_fits(q, pool, 3 if kind in ("round", "long") else 4)
    assert all(c in pool | others for c in q.data["choices"])


def solid_forms(q: Question) -> bool:
    """The forms Classes 2 and 3 share: the shape of a thing, which thing has a shape, how
    many solids roll, and solids counted together."""
    kind = q.data.get("kind", "")
    if kind == "example":
        assert q.answer == SHAPE_OF[q.data["example"]]
        assert q.data["example"] in q.prompt.en
    elif str(kind).startswith("shape_of:"):
        solid = kind.split(":")[1]
        one_fits(q, {t for t, s in SHAPE_OF.items() if s == solid}, 3)
    elif kind == "count_rolls":
        solids = q.data["solids"]
        assert all(s in q.prompt.en for s in solids)
        assert q.answer == str(sum(SOLID[s][5] for s in solids))
    elif kind == "total":
        part = PROPERTY_INDEX[q.data["part"]]
        assert q.answer == str(sum(n * SOLID[name][part] for n, name in q.data["groups"]))
        assert q.data["part"] in q.prompt.en
    else:
        return False
    return True


def shapes_3d(q: Question) -> None:
    if solid_forms(q):
        return
    if "property" in q.data:
        assert q.data["property"] in ("flat", "curved")
        facts = SOLID[q.data["solid"]]
        assert q.answer == str(facts[PROPERTY_INDEX[q.data["property"]]])
        assert q.data["solid"] in q.prompt.en and f"{q.data['property']} faces" in q.prompt.en
    else:
        test = SOLID_TEST[q.data["kind"]]
        one_fits(q, {s for s, f in SOLID.items() if test(f)}, 3)


def solids_faces(q: Question) -> None:
    if solid_forms(q):
        return
    if "property" in q.data:
        prop = q.data["property"]
        if prop in ("faces", "edges", "corners"):
            flat_only = q.data["solid"] in ("cube", "cuboid")
            assert flat_only == (q.difficulty == 1)
        else:
            assert prop in ("flat", "curved") and q.difficulty == 2
        assert q.answer == str(SOLID[q.data["solid"]][PROPERTY_INDEX[prop]])
        assert q.data["solid"] in q.prompt.en and prop in q.prompt.en
        return
    if q.data.get("kind") in SOLID_TEST:
        one_fits(q, {s for s, f in SOLID.items() if SOLID_TEST[q.data["kind"]](f)}, 3)
        return
    f, e, c = (int(n) for n in re.findall(r"\d+", q.data["kind"]))
    one_fits(q, {s for s, facts in SOLID.items() if facts[:3] == (f, e, c)}, 3)
    hindi = q.prompt.hi or ""
    for n, one, many in ((f, "फलक", "फलक"), (e, "किनारा", "किनारे"), (c, "कोना", "कोने")):
        if n:  # "1 किनारा", "12 किनारे"
            assert f"{n} {one if n == 1 else many}" in hindi
        else:  # "कोई किनारा नहीं", never "0 किनारे"
            assert one in hindi.split("कोई", 1)[-1] and f"0 {many}" not in hindi


def _shape_count(q: Question) -> bool:
    if "part" not in q.data or "shape" not in q.data:
        return False
    shape, part = q.data["shape"], q.data["part"]
    assert part in ("sides", "corners") and (shape != "circle" or part == "corners")
    assert q.answer == str(SIDES[shape])
    assert shape in q.prompt.en and part in q.prompt.en
    return True


def _shape_total(q: Question) -> bool:
    if "groups" not in q.data:
        return False
    groups = q.data["groups"]
    assert len({name for _, name in groups}) == 2 and "circle" not in {n for _, n in groups}
    assert q.answer == str(sum(n * SIDES[name] for n, name in groups))
    for n, name in groups:
        assert f"{n} {name}" in q.prompt.en
    assert q.data["part"] in q.prompt.en
    return True


def riddle_shape(text: str) -> str:
    if "no corners" in text:
        return "circle"
    if "3 sides" in text:
        return "triangle"
    return "square" if "all my sides are equal" in text else "rectangle"


def _shapes_used(q: Question) -> set[str]:
    if "groups" in q.data:
        return {name for _, name in q.data["groups"]}
    return {q.data["shape"]}


def shapes_2d(q: Question) -> None:
    if object_shape(q):
        assert q.answer in {"triangle", "square", "rectangle", "circle"}  # Class 2 shapes
        return
    if str(q.data.get("kind", "")).startswith("has:"):
        which_shape(q)
        assert set(q.data["choices"]) <= {"triangle", "square", "rectangle", "circle"}
        return
    assert _shapes_used(q) <= {"triangle", "square", "rectangle", "circle"}  # Class 2 shapes
    if _shape_count(q) or _shape_total(q):
        return
    assert q.data["kind"] == "riddle"
    assert q.answer == riddle_shape(q.prompt.en)


def shapes_2d_properties(q: Question) -> None:
    if _shape_count(q) or _shape_total(q) or object_shape(q) or tangram(q):
        return
    which_shape(q)


def which_shape(q: Question) -> None:
    _, part, n = q.data["kind"].split(":")
    one_fits(q, {s for s, sides in SIDES.items() if sides == int(n)}, 3)
    assert (f"{n} {part}" if int(n) else "no corners") in q.prompt.en


def counted_letters(q: Question) -> bool:
    """'How many of these letters have a line of symmetry (2 lines): ...?'"""
    kind = q.data.get("kind")
    if kind not in ("count", "count_two"):
        return False
    letters = q.data["letters"]
    assert len(set(letters)) == 2 + q.difficulty and all(x in q.prompt.en for x in letters)
    fits = TWO_LINES if kind == "count_two" else set(letters) - NO_SYMMETRY
    assert q.answer == str(sum(letter in fits for letter in letters))
    return True


def symmetry_letters(q: Question) -> None:
    kind = q.data["kind"]
    if counted_letters(q):
        return
    letters = {chr(c) for c in range(ord("A"), ord("Z") + 1)}
    fits = letters - NO_SYMMETRY if kind == "has_line" else NO_SYMMETRY
    one_fits(q, fits, 3 if kind == "has_line" else 4)


def symmetry_lines(q: Question) -> None:
    if counted_letters(q):
        assert q.difficulty > 1
        return
    figure = q.data["figure"]
    if figure.startswith("regular:"):  # all sides and angles equal: one line per side
        sides = int(figure.split(":")[1])
        assert q.difficulty == 3 and q.answer == str(sides)
        assert f"{sides} equal sides and {sides} equal angles" in q.prompt.en
        return
    if figure.startswith("the letter "):
        letter = figure[-1]
        expected = "2" if letter in TWO_LINES else "0" if letter in NO_SYMMETRY else "1"
    else:
        expected = FIGURE_LINES[figure]
        assert (expected in ("5", "6", "8", "many")) == (q.difficulty == 3)
    assert q.answer == expected and figure in q.prompt.en


def described_shape(text: str) -> str:
    if "centre" in text:
        return "circle"
    if "5 sides" in text or "one side more than a square" in text:
        return "pentagon"
    if "6 sides" in text or "twice as many sides as a triangle" in text:
        return "hexagon"
    if "3 sides" in text or "one side fewer than a square" in text:
        return "triangle"
    if "4 equal sides" in text or "All its sides are equal" in text:
        return "square"
    return "rectangle"


def shapes_properties(q: Question) -> None:
    kind = q.data["kind"]
    if object_shape(q):
        return
    if kind == "fact":
        assert q.answer == str(C4_FACT_ANSWERS[q.data["fact"]])
    elif kind == "diameter":
        assert (
            q.answer == str(2 * q.data["radius"])
            and f"radius of {q.data['radius']} cm" in q.prompt.en
        )
    elif kind == "radius":
        assert q.data["diameter"] % 2 == 0 and q.answer == str(q.data["diameter"] // 2)
        assert f"diameter of {q.data['diameter']} cm" in q.prompt.en
    else:
        one_fits(q, {described_shape(q.prompt.en)}, 3)


def angles_turns(q: Question) -> None:
    kind = q.data["kind"]
    if kind == "named_turn":  # the minute hand from one number to another
        spaces = (q.data["end"] - q.data["start"]) % 12
        assert q.answer == {3: "quarter", 6: "half", 9: "three-quarter"}[spaces]
        assert f"from {q.data['start']} to {q.data['end']}" in q.prompt.en
        return
    if kind in ("degrees", "right_angles"):
        quarters = {"quarter": 1, "half": 2, "three-quarter": 3, "full": 4}[q.data["turn"]]
        assert q.answer == str(quarters * 90 if kind == "degrees" else quarters)
        assert f"A {q.data['turn']} turn" in q.prompt.en
    elif kind == "classify":
        d = q.data["degrees"]
        expected = (
            "acute" if d < 90 else "right" if d == 90 else "obtuse" if d < 180 else "straight"
        )
        assert 0 < d <= 180 and q.answer == f"{expected} angle" and f"{d}°" in q.prompt.en
    else:
        start, end = q.data["start"], q.data["end"]
        assert start != end and 1 <= start <= 12 and 1 <= end <= 12
        assert q.answer == str(((end - start) % 12) * 30)
        assert f"from {start} to {end}" in q.prompt.en


def area_perimeter(q: Question) -> None:
    kind, d = q.data["kind"], q.data
    if kind == "grid_area":  # the drawing is the data
        grid = q.picture
        assert isinstance(grid, Grid) and "#" not in q.prompt.en
        columns = {c for c, _ in grid.shaded}
        rows = {r for _, r in grid.shaded}
        assert (len(columns), len(rows)) == (d["length"], d["breadth"])
        assert len(grid.shaded) == len(set(grid.shaded)) == len(columns) * len(rows)  # filled
        assert max(columns) - min(columns) + 1 == len(columns), "one piece, no gaps"
        assert max(rows) - min(rows) + 1 == len(rows)
        assert q.answer == str(len(grid.shaded))
        return
    if kind in ("area", "perimeter"):
        length, breadth = d["length"], d["breadth"]
        assert q.picture == Rectangle(length=length, breadth=breadth)
        expected = length * breadth if kind == "area" else length + breadth + length + breadth
        assert q.answer == str(expected)
    elif kind == "square_side":
        assert d["perimeter"] % 4 == 0 and q.answer == str(d["perimeter"] // 4)
    elif kind == "breadth_from_area":
        breadth = d["area"] // d["length"]
        assert breadth * d["length"] == d["area"] and breadth < d["length"]
        assert q.answer == str(breadth)
    else:
        length = (d["perimeter"] - 2 * d["breadth"]) // 2
        assert length > d["breadth"] and q.answer == str(length)
    assert all(str(v) in q.prompt.en for v in d.values() if isinstance(v, int))


def maps_directions(q: Question) -> None:
    if q.data["kind"] == "around":  # what is on one's right, left or behind
        facing = COMPASS.index(q.data["facing"])
        quarter_turns = {"right": 1, "left": 3, "behind": 2}[q.data["side"]]
        assert q.answer == COMPASS[(facing + quarter_turns) % 4]
        assert f"faces {q.data['facing']}" in q.prompt.en and q.difficulty == 1
        return
    if q.data["kind"] == "turns":
        facing = COMPASS.index(q.data["start"])
        for turn in q.data["turns"]:
            facing += {"right": 1, "left": 3, "half": 2}[turn]
        assert q.answer == COMPASS[facing % 4]
        assert f"facing {q.data['start']}" in q.prompt.en
        assert (len(q.data["turns"]) == 1) == (q.difficulty == 1)
        return
    x = y = 0
    for direction, steps in q.data["moves"]:
        dx, dy = STEP[direction]
        x, y = x + dx * steps, y + dy * steps
        assert f"{steps} step{'s' if steps > 1 else ''} {direction}" in q.prompt.en
    ax, ay = STEP[q.data["asked"]]
    distance = x * ax + y * ay
    assert distance > 0 and q.answer == str(distance)


ORACLES = {
    "maths.c1.long_round": long_round,
    "maths.c2.shapes_3d": shapes_3d,
    "maths.c2.shapes_2d": shapes_2d,
    "maths.c3.solids_faces": solids_faces,
    "maths.c3.shapes_2d_properties": shapes_2d_properties,
    "maths.c3.symmetry_letters": symmetry_letters,
    "maths.c4.shapes_properties": shapes_properties,
    "maths.c4.symmetry_lines": symmetry_lines,
    "maths.c5.angles_turns": angles_turns,
    "maths.c5.area_perimeter": area_perimeter,
    "maths.c5.maps_directions": maps_directions,
}


def test_every_generator_of_the_family_has_an_oracle() -> None:
    assert set(ORACLES) == family_tags("geometry")


@pytest.mark.parametrize("skill_tag", sorted(ORACLES))
def test_generator_is_right_for_5000_seeds(skill_tag: str) -> None:
    run_generator_checks(skill_tag, ORACLES[skill_tag])
