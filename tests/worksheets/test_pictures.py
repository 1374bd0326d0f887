"""Pictures are drawn, not typed: each picture read back from its drawing shows exactly what its
description says (strokes, hands, squares, icons, shapes, sticks, coins), fits the width it is
given at every size, and is printed on the sheet, in its key and in large print."""

from __future__ import annotations

import re
from functools import cache
from itertools import pairwise
from math import atan2, degrees, hypot
from pathlib import Path
from random import Random

import pytest

from curriculum.engine import generate
from curriculum.generators import all_generators
from curriculum.pictures import (
    Clock,
    Grid,
    Growing,
    Money,
    Objects,
    Pattern,
    Pictograph,
    PictographRow,
    Strip,
    Tally,
    TallyRow,
)
from curriculum.question import Question, Text
from tests.worksheets.drawn import Piece, pieces
from tests.worksheets.printed import Ink, text_ink
from tests.worksheets.sheets import Chapter, sheet
from worksheets.model import Worksheet
from worksheets.render.figures import Pen, Sketch, sketch
from worksheets.render.fonts import font_set
from worksheets.render.layout import Figure, Measure
from worksheets.render.pdf import render_pdf
from worksheets.render.sheet import Options, SheetLayout
from worksheets.views import render_options, sheet_view


def _pen(language: str = "en", size: float = 11.0, answers: bool = False) -> Pen:
    fonts = font_set()
    return Pen(fonts, Measure(fonts), language, size, size / 11, answers)


def _lines(drawn: Sketch) -> list[Piece]:
    return [p for p in pieces(drawn) if len(p.points) == 2 and not p.closed]


def _discs(drawn: Sketch, stroked: bool = True) -> list[Piece]:
    """Filled circles (a move and four curves), outlined or not."""
    return [
        p
        for p in pieces(drawn)
        if p.filled and p.closed and len(p.points) == 13 and p.stroked == stroked
    ]


# --- tally marks --------------------------------------------------------------------------------


def _tally_strokes(count: int) -> tuple[list[Piece], list[Piece]]:
    drawn = sketch(Tally(rows=(TallyRow(count=count),)), _pen(), 260)
    lines = _lines(drawn)
    upright = [p for p in lines if abs(p.points[0][0] - p.points[1][0]) < 0.01]
    return upright, [p for p in lines if p not in upright]


def test_a_tally_of_twelve_is_two_bundles_of_four_crossed_by_a_fifth_and_two_marks() -> None:
    upright, crossing = _tally_strokes(12)
    assert (len(upright), len(crossing)) == (10, 2)
    crossed = [[u for u in upright if _crosses(c, u)] for c in crossing]
    assert [len(c) for c in crossed] == [4, 4], "each fifth mark crosses the four beside it"
    loose = [u for u in upright if not any(u in c for c in crossed)]
    assert len(loose) == 2 and all(u.centre[0] > c.centre[0] for u in loose for c in crossing)


def _crosses(crossing: Piece, upright: Piece) -> bool:
    (x1, y1), (x2, y2) = crossing.points
    x = upright.points[0][0]
    low, high = sorted(p[1] for p in upright.points)
    if not min(x1, x2) < x < max(x1, x2):
        return False
    y = y1 + (y2 - y1) * (x - x1) / (x2 - x1)
    return low < y < high


@pytest.mark.parametrize("count", range(61))
def test_every_tally_draws_one_mark_for_each_and_crosses_every_fifth(count: int) -> None:
    upright, crossing = _tally_strokes(count)
    assert len(upright) + len(crossing) == count
    assert len(crossing) == count // 5
    assert all(sum(_crosses(c, u) for u in upright) == 4 for c in crossing)


TALLY_TITLE = Text(
    en="Tally of the toys in our class (each mark is one toy)",
    hi="हमारी कक्षा के खिलौनों की टैली (हर निशान एक खिलौना)",
)


@pytest.mark.parametrize("language", ["en", "hi", "both"])
def test_a_long_tally_title_wraps_in_its_column_instead_of_shrinking_the_picture(
    language: str,
) -> None:
    """A bilingual title on one line was wider than a column, and the whole tally was drawn
    at a third of its size to fit it: marks and labels too small for a child to count."""
    rows = (TallyRow(label=Text(en="Tops", hi="लट्टू"), count=6),)
    drawn = sketch(Tally(title=TALLY_TITLE, rows=rows), _pen(language), 160)
    assert drawn.width <= 160
    assert {text.size for text in drawn.texts} == {11.0}


# --- clocks ---------------------------------------------------------------------------------------


def _angle(centre: tuple[float, float], point: tuple[float, float]) -> float:
    """Degrees clockwise from 12 o'clock."""
    return degrees(atan2(point[0] - centre[0], point[1] - centre[1])) % 360


def _clock(hour: int, minute: int) -> tuple[Sketch, tuple[float, float], float]:
    drawn = sketch(Clock(hour=hour, minute=minute), _pen(), 200)
    face = max(
        pieces(drawn), key=lambda p: max(x for x, _ in p.points) - min(x for x, _ in p.points)
    )
    xs = [x for x, _ in face.points]
    return drawn, face.centre, (max(xs) - min(xs)) / 2


@pytest.mark.parametrize("hour", range(1, 13))
def test_the_clock_hands_point_at_the_time(hour: int) -> None:
    for minute in range(0, 60, 5):
        drawn, centre, radius = _clock(hour, minute)
        hands = [
            p
            for p in _lines(drawn)
            if hypot(*(a - b for a, b in zip(p.points[0], centre, strict=True))) < 0.01
        ]
        assert len(hands) == 2, (hour, minute)
        hour_hand, minute_hand = sorted(hands, key=lambda p: -p.width)  # the hour hand is thicker
        assert _angle(centre, hour_hand.points[1]) == pytest.approx((hour % 12 + minute / 60) * 30)
        assert _angle(centre, minute_hand.points[1]) == pytest.approx(minute * 6 % 360, abs=1e-6)
        lengths = [hypot(p.points[1][0] - centre[0], p.points[1][1] - centre[1]) for p in hands]
        assert lengths[0] < lengths[1] < radius * 0.6, (
            "the minute hand is longer; both clear the numbers"
        )


def test_the_clock_face_has_1_to_12_clockwise_from_the_top() -> None:
    drawn, centre, _radius = _clock(4, 30)
    fonts = font_set()
    numbers = {}
    for text in drawn.texts:
        x0, y0, x1, y1 = text_ink(text, fonts) or (0, 0, 0, 0)
        numbers[int(text.text)] = _angle(centre, ((x0 + x1) / 2, (y0 + y1) / 2))
    assert sorted(numbers) == list(range(1, 13))
    for n, angle in numbers.items():
        assert min(abs(angle - n * 30 % 360), 360 - abs(angle - n * 30 % 360)) < 4, (n, angle)


# --- squares, icons, shapes, sticks, coins ---------------------------------------------------------


def test_a_grid_shades_exactly_the_squares_of_the_shape() -> None:
    cells = tuple((c, r) for c in range(2, 6) for r in range(1, 4))
    drawn = sketch(Grid(columns=8, rows=6, shaded=cells), _pen(), 260)
    shaded = [p for p in pieces(drawn) if p.filled and not p.stroked]
    assert len(shaded) == len(cells) == 12
    xs = sorted({round(p.centre[0], 3) for p in shaded})
    ys = sorted({round(p.centre[1], 3) for p in shaded})
    assert (len(xs), len(ys)) == (4, 3), "a 4 x 3 block of squares"


def test_a_pictograph_row_shows_one_icon_for_each_it_counts() -> None:
    counts = (3, 9, 1, 6)
    rows = tuple(PictographRow(label=Text(en=f"Row {c}", hi=f"पंक्ति {c}"), count=c) for c in counts)
    picture = Pictograph(icon="face", stands_for=Text(en="= 1 child"), rows=rows)
    drawn = sketch(picture, _pen("hi"), 260)
    by_row: dict[float, int] = {}
    for face in _discs(drawn):
        by_row[round(face.centre[1], 1)] = by_row.get(round(face.centre[1], 1), 0) + 1
    shown = [by_row[y] for y in sorted(by_row, reverse=True)]  # top row first
    assert shown == [*counts, 1], "each row, then the key's one icon"
    assert [t.text for t in drawn.texts][:4] == [f"पंक्ति {c}" for c in counts]


def test_a_pattern_leaves_its_next_shapes_to_draw_on_the_sheet_and_shows_them_in_the_key() -> None:
    picture = Pattern(
        shapes=("circle", "star", "circle", "star", "circle"), next_shapes=("star", "circle")
    )
    for answers, shapes in ((False, 5), (True, 7)):
        drawn = sketch(picture, _pen(answers=answers), 260)
        filled = [p for p in pieces(drawn) if p.filled and p.stroked]
        boxes = [p for p in pieces(drawn) if p.closed and not p.filled]
        assert (len(filled), len(boxes)) == (shapes, 2)


@pytest.mark.parametrize("count", range(6, 13))
def test_a_pattern_that_fits_at_its_smallest_shapes_is_drawn_on_one_line(count: int) -> None:
    shapes = tuple(("circle", "star", "heart")[n % 3] for n in range(count))
    picture = Pattern(shapes=shapes[:-2], next_shapes=shapes[-2:])
    for size in (6.6, 11.0, 15.0):
        pen = _pen(size=size)
        smallest, gap = 14 * pen.scale, 5 * pen.scale
        for width in (count * (smallest + gap) - gap, *WIDTHS.values()):
            if count * (smallest + gap) - gap > width + 0.01:
                continue  # too many to fit: the row wraps
            # one line is at most the largest shape tall; two are at least two small ones
            assert sketch(picture, pen, width).height < 2 * smallest, (count, size, width)


def test_objects_to_count_are_drawn_one_each_in_their_groups() -> None:
    for thing in ("mango", "laddoo", "marble", "bangle", "kite"):
        drawn = sketch(Objects(thing=thing, groups=(2, 4, 3)), _pen(), 400)  # type: ignore[arg-type]
        bodies = sorted(
            (p for p in pieces(drawn) if p.closed and p.filled and p.width == 1.2),
            key=lambda p: p.centre[0],
        )
        assert len(bodies) == 9, thing
        steps = [b.centre[0] - a.centre[0] for a, b in pairwise(bodies)]
        near = min(steps)
        apart = [n for n, step in enumerate(steps) if step > near * 1.4]
        assert apart == [1, 5], f"{thing}: groups of 2, 4 and 3, with gaps between them"


@pytest.mark.parametrize("coloured", [(True, False), (False, True, True, False, True)])
def test_a_fraction_strip_colours_exactly_its_coloured_parts(coloured: tuple[bool, ...]) -> None:
    drawn = sketch(Strip(coloured=coloured), _pen(), 260)
    boxes = sorted(
        (p for p in pieces(drawn) if p.closed and len(p.points) == 4), key=lambda p: p.centre[0]
    )
    assert [box.filled for box in boxes] == list(coloured)
    widths = {round(max(x for x, _ in b.points) - min(x for x, _ in b.points), 3) for b in boxes}
    assert len(widths) == 1, "the parts are equal"


SIDES = {"triangle": 3, "square": 4, "pentagon": 5, "hexagon": 6}


@pytest.mark.parametrize("shape", sorted(SIDES))
def test_a_row_of_matchstick_shapes_has_the_sticks_its_rule_says(shape: str) -> None:
    for step in range(1, 7):
        picture = Growing(style="sticks", shape=shape, steps=(step,))  # type: ignore[arg-type]
        sticks = [p for p in _lines(sketch(picture, _pen(), 400)) if p.width > 1]
        ends = {tuple(sorted(tuple(round(v, 2) for v in a) for a in p.points)) for p in sticks}
        assert len(ends) == len(sticks), "a side two shapes share is one stick"
        assert len(sticks) == SIDES[shape] + (step - 1) * (SIDES[shape] - 1), (shape, step)


@pytest.mark.parametrize(
    ("shape", "count"), [("square", lambda n: n * n), ("triangle", lambda n: n * (n + 1) // 2)]
)
def test_a_dot_pattern_has_the_dots_of_its_step(shape: str, count) -> None:  # type: ignore[no-untyped-def]
    for step in range(1, 8):
        picture = Growing(style="dots", shape=shape, steps=(step,))  # type: ignore[arg-type]
        assert len(_discs(sketch(picture, _pen(), 300), stroked=False)) == count(step)


def test_money_shows_each_coin_and_note_with_its_value() -> None:
    drawn = sketch(Money(pieces=((50, 1), (10, 2), (5, 1), (1, 3))), _pen(), 260)
    assert [t.text for t in drawn.texts] == ["₹50", "₹10", "₹10", "₹5", "₹1", "₹1", "₹1"]
    coins = [p for p in pieces(drawn) if p.closed and len(p.points) == 13 and p.width == 1.0]
    assert len(coins) == 4


# --- every picture the generators make ------------------------------------------------------------


@cache
def picture_questions() -> tuple[Question, ...]:
    """Questions with pictures, from every generator that draws, every difficulty, 25 seeds."""
    found: list[Question] = []
    for generator in all_generators():
        for difficulty in generator.difficulties:
            for seed in range(25):
                question = generator.make(Random(seed), difficulty)
                if question.picture is not None:
                    found.append(question)
    return tuple(found)


def test_the_skills_that_draw_are_the_ones_the_issue_names() -> None:
    kinds = {q.picture.kind for q in picture_questions() if q.picture}
    assert kinds == {
        "tally",
        "clock",
        "grid",
        "rectangle",
        "pictograph",
        "pattern",
        "growing",
        "money",
        "objects",
        "strip",
    }


# Symbols standing in for a picture: a dot or box per object, runs of bars, stars or hashes.
_SYMBOL_ART = re.compile(r"[●○■□▲△★☆◆◇]|[|*#@](\s*[|*#@]){2,}")


def _all_questions() -> list[Question]:
    return [
        generator.make(Random(seed), difficulty)
        for generator in all_generators()
        for difficulty in generator.difficulties
        for seed in range(25)
    ]


def test_no_question_types_its_picture_as_symbols() -> None:
    for question in _all_questions():
        texts = [question.instruction, question.prompt, question.solution]
        words = [t.en for t in texts] + [t.hi or "" for t in texts]
        for text in [*words, question.answer, *question.options]:
            assert not _SYMBOL_ART.search(text), (question.skill_tag, text)


WIDTHS = {
    options: SheetLayout(options, font_set()).column_width - 24
    for options in (Options(columns=1), Options(), Options(columns=3), Options(large_print=True))
}


@pytest.mark.parametrize("language", ["en", "hi", "both"])
def test_every_picture_fits_its_width_and_keeps_its_ink_inside_its_box(language: str) -> None:
    fonts = font_set()
    for options, width in WIDTHS.items():
        for answers in (False, True):
            size = options.size * (0.6 if answers else 1.0)
            pen = _pen(language, size, answers)
            for picture in dict.fromkeys(q.picture for q in picture_questions() if q.picture):
                drawn = sketch(picture, pen, width)
                box = Ink(0, 0, drawn.width, drawn.height, "box")
                assert drawn.width <= width + 0.01, (picture, options, drawn.width)
                bounds = drawn.drawing.getBounds()
                assert Ink(*bounds, "lines").inside(box, 0.01), (picture, bounds)
                inks = [Ink(*b, t.text) for t in drawn.texts if (b := text_ink(t, fonts))]
                assert all(ink.inside(box, 0.5) for ink in inks), picture
                assert not [(a, b) for a in inks for b in inks if a is not b and a.overlaps(b)]


@pytest.mark.parametrize(
    "options",
    [Options(), Options(language="hi", columns=3), Options(language="both", large_print=True)],
)
def test_each_picture_is_printed_on_the_sheet_and_in_its_key(options: Options) -> None:
    skills = ("maths.c3.tally_count", "maths.c3.clock_hour_half", "maths.c1.money_coins")
    worksheet = sheet(Chapter("maths", 3, skills), 12, (), 3)
    drawn = sum(1 for q in worksheet.questions if q.get("picture"))
    assert drawn >= 8
    layout = SheetLayout(options, font_set())
    view = sheet_view(worksheet)
    for pages in (layout.worksheet(view), layout.answer_key(view)):
        figures = [op for page in pages for op in page.ops if isinstance(op, Figure)]
        assert len(figures) == drawn


def test_a_question_with_a_picture_is_never_one_row_of_a_match() -> None:
    for tag in ("maths.c3.tally_count", "maths.c3.clock_hour_half", "maths.c1.patterns"):
        for question in generate(tag, 6, 1, qtypes=("match",)):
            assert question.qtype != "match" and question.picture is not None


def test_a_sheet_with_pictures_prints_the_same_bytes_from_its_stored_snapshot(
    tmp_path: Path,
) -> None:
    skills = ("maths.c1.patterns", "maths.c2.data_pictograph", "maths.c5.shape_patterns")
    worksheet = sheet(Chapter("maths", 2, skills), 12, (), 8)
    stored = Worksheet.model_validate_json(worksheet.model_dump_json())  # as saved and synced
    outputs = []
    for made, name in ((worksheet, "made"), (stored, "stored")):
        out, key = tmp_path / f"{name}.pdf", tmp_path / f"{name}-key.pdf"
        render_pdf([sheet_view(made)], out, render_options(made), key)
        outputs.append((out.read_bytes(), key.read_bytes()))
    assert outputs[0] == outputs[1]
    assert sum(1 for q in stored.questions if q.get("picture")) >= 6
