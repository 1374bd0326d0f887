"""The flow of blocks down columns and pages: the last page shared between its columns, a light
last page saved, spare room given to working space (within a limit), tall blocks split."""

from __future__ import annotations

from itertools import pairwise

from worksheets.render.blocks import Block, Rules
from worksheets.render.flow import Frame, lay_out
from worksheets.render.layout import Line, Page

TOP = 500.0
FRAME = Frame(left=0, column_width=100, gutter=10, columns=2, bottom=0, gap=0, stretch_cap=0)


def _block(tag: int, height: int, space: float = 0.0) -> Block:
    """A block of `height` rows one point tall, each a rule as wide as `tag` (to tell blocks
    apart)."""
    return Block([Rules(1, 1.0, 0.0, float(tag)) for _ in range(height)], space=space)


def _placed(blocks: list[Block], frame: Frame = FRAME) -> list[list[list[int]]]:
    """For each page, each column's blocks (by tag), top to bottom."""
    pages = [Page()]
    lay_out(blocks, pages, TOP, lambda page: TOP, frame)
    placed: list[list[list[int]]] = []
    for page in pages:
        columns: dict[int, list[int]] = {}
        for op in page.ops:
            if isinstance(op, Line):
                column = round(op.x1 / (frame.column_width + frame.gutter))
                tags = columns.setdefault(column, [])
                tag = round(op.x2 - op.x1)
                if not tags or tags[-1] != tag:
                    tags.append(tag)
        placed.append([columns[c] for c in sorted(columns)])
    return placed


def _tops(blocks: list[Block], frame: Frame) -> list[float]:
    """Where each block's first rule is drawn."""
    pages = [Page()]
    lay_out(blocks, pages, TOP, lambda page: TOP, frame)
    seen: dict[int, float] = {}
    for op in pages[0].ops:
        if isinstance(op, Line):
            seen.setdefault(round(op.x2 - op.x1), op.y1)
    return [seen[tag] for tag in sorted(seen)]


def test_the_last_page_shares_its_questions_between_its_columns() -> None:
    blocks = [_block(tag, 50) for tag in range(1, 7)]  # 300 points: one column could hold all
    assert _placed(blocks) == [[[1, 2, 3], [4, 5, 6]]]


def test_three_columns_take_a_third_each_and_an_uneven_set_is_cut_where_it_balances() -> None:
    three = Frame(0, 100, 10, 3, 0, 0, 0)
    assert _placed([_block(t, 40) for t in range(1, 7)], three) == [[[1, 2], [3, 4], [5, 6]]]
    uneven = [_block(1, 200), _block(2, 50), _block(3, 50), _block(4, 100)]
    assert _placed(uneven) == [[[1], [2, 3, 4]]]


def test_a_full_page_fills_its_columns_in_order_and_the_last_page_is_balanced() -> None:
    blocks = [_block(tag, 200) for tag in range(1, 8)]  # two fit a column
    assert _placed(blocks) == [[[1, 2], [3, 4]], [[5, 6], [7]]]


def test_a_block_taller_than_a_column_goes_on_in_the_next_one() -> None:
    placed = _placed([_block(1, 50), _block(2, 1200)])
    assert placed == [[[1, 2], [2]], [[2]]]


def test_a_light_last_page_is_saved_by_giving_each_question_less_working_space() -> None:
    one_column = Frame(0, 100, 10, 1, 0, 0, 0)
    blocks = [_block(tag, 80, space=40) for tag in range(1, 6)]  # 600 with all their space
    assert _placed(blocks, one_column) == [[[1, 2, 3, 4, 5]]]


def test_a_last_page_that_holds_much_keeps_every_questions_working_space() -> None:
    one_column = Frame(0, 100, 10, 1, 0, 0, 0)
    blocks = [_block(tag, 80, space=40) for tag in range(1, 8)]  # 840: no squeeze saves a page
    assert _placed(blocks, one_column) == [[[1, 2, 3, 4]], [[5, 6, 7]]]
    tops = _tops(blocks, one_column)
    assert [a - b for a, b in pairwise(tops)] == [120, 120, 120]


def test_spare_room_becomes_working_space_but_never_more_than_the_limit() -> None:
    roomy = Frame(0, 100, 10, 1, 0, 0, stretch_cap=30)
    blocks = [_block(1, 50, space=20), _block(2, 50, space=20), _block(3, 50)]
    tops = _tops(blocks, roomy)
    # 500 - 190 = 310 spare, shared by the two blocks with working space, 30 each at most
    assert [round(a - b) for a, b in pairwise(tops)] == [100, 100]
    full = [_block(t, 100, space=20) for t in range(1, 4)] + [_block(4, 100)]  # 40 spare
    tops = _tops(full, roomy)
    assert [round(a - b, 1) for a, b in pairwise(tops)] == [133.3] * 3
