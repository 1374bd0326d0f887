"""Flowing blocks down columns and pages: whole blocks where they fit, the last page's columns
balanced, and the room left on a page shared out as working space.

Planned before anything is drawn: first the blocks are packed (a block taller than a whole
column is split between its rows), then a light last page is avoided by giving every question a
little less working space when that saves the page, then the last page's blocks are shared
among its columns as evenly as their order allows, and finally each column's spare height goes
to its questions' working space (a few lines each at most), so pages look filled rather than
crowded at the top.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from itertools import pairwise

from worksheets.render.blocks import Block, emit
from worksheets.render.layout import Page

Column = list[Block]
SQUEEZES = (1.0, 0.6, 0.3)  # working space kept when trying to save the last page
LIGHT = 0.4  # a last page whose fullest column is used less than this is worth saving


@dataclass(frozen=True)
class Frame:
    """Where columns go: `left` edge, column width and gutter, first and later page tops."""

    left: float
    column_width: float
    gutter: float
    columns: int
    bottom: float
    gap: float  # between blocks
    stretch_cap: float  # at most this much extra working space per block; 0: none


@dataclass
class Plan:
    """Which blocks go in which column of which page, and the share of working space kept."""

    pages: list[list[Column]]
    squeeze: float = 1.0


def lay_out(
    blocks: list[Block],
    pages: list[Page],
    first_top: float,
    new_page: Callable[[Page], float],
    frame: Frame,
) -> None:
    """Place `blocks` from `first_top` on the last of `pages`, adding pages as needed."""
    later_top = new_page(Page())  # the same header on every continuation page
    capacity = (first_top - frame.bottom, later_top - frame.bottom)
    planned = plan(blocks, capacity, frame)
    for number, columns in enumerate(planned.pages):
        if number:
            pages.append(Page())
        top = new_page(pages[-1]) if number else first_top
        room = capacity[1 if number else 0]
        for index, column in enumerate(columns):
            x = frame.left + index * (frame.column_width + frame.gutter)
            _emit_column(column, pages[-1], x, top, room, frame, planned.squeeze)


def plan(blocks: list[Block], capacity: tuple[float, float], frame: Frame) -> Plan:
    """Pack the blocks (`capacity`: a column's height on the first page and on later ones),
    save a light last page if less working space can, and balance the last page."""
    pages, squeeze = _pack(blocks, frame, capacity, 1.0), 1.0
    for factor in SQUEEZES[1:]:
        if len(pages) > 1 and _light(pages[-1], frame, factor=squeeze, capacity=capacity[1]):
            tighter = _pack(blocks, frame, capacity, factor)
            if len(tighter) < len(pages):
                pages, squeeze = tighter, factor
    pages[-1] = _balance([b for column in pages[-1] for b in column], frame, squeeze)
    return Plan(pages, squeeze)


def column_height(column: Column, frame: Frame, squeeze: float = 1.0) -> float:
    """How tall a column's blocks are, with `squeeze` of their working space."""
    return _used(column, frame, squeeze)


def _height(block: Block, squeeze: float) -> float:
    return block.body + block.space * squeeze


def _used(column: Column, frame: Frame, squeeze: float) -> float:
    return sum(_height(b, squeeze) for b in column) + frame.gap * max(len(column) - 1, 0)


def _pack(
    blocks: list[Block], frame: Frame, capacity: tuple[float, float], squeeze: float
) -> list[list[Column]]:
    pages: list[list[Column]] = [[[]]]
    used = 0.0  # height of the current column so far, gaps included
    queue = list(blocks)
    while queue:
        block = queue.pop(0)
        column = pages[-1][-1]
        room = capacity[1 if len(pages) > 1 else 0] - used - (frame.gap if column else 0.0)
        if _height(block, squeeze) <= room or (not column and block.body <= room):
            used += _height(block, squeeze) + (frame.gap if column else 0.0)
            column.append(block)
            continue
        parts = block.split(room) if not column or block.body > capacity[1] else None
        if parts is not None:  # taller than a column: as much as fits here, the rest next
            column.append(parts[0])
            queue.insert(0, parts[1])
        elif not column:  # cannot even start here: place it and let it run (never expected)
            column.append(block)
            used = _height(block, squeeze)
            continue
        else:
            queue.insert(0, block)
        used = 0.0
        if len(pages[-1]) < frame.columns:
            pages[-1].append([])
        else:
            pages.append([[]])
    return pages


def _light(columns: list[Column], frame: Frame, factor: float, capacity: float) -> bool:
    return max(_used(c, frame, factor) for c in columns) < LIGHT * capacity


def _balance(blocks: list[Block], frame: Frame, squeeze: float) -> list[Column]:
    """The blocks in order, cut into the columns so that the tallest column is as short as
    it can be (all the cuts are tried: a page holds a few dozen blocks at most)."""
    ends = [0.0]
    for block in blocks:
        ends.append(ends[-1] + _height(block, squeeze) + frame.gap)

    def used(a: int, b: int) -> float:  # blocks a..b-1 in one column
        return ends[b] - ends[a] - frame.gap if b > a else 0.0

    best: tuple[int, ...] = ()
    best_height = used(0, len(blocks))
    # Of layouts equally tall, the first tried wins: every column used, then the columns on
    # the left the fuller (as a page is read).
    every = (c for m in range(frame.columns - 1, 0, -1) for c in reversed(_cuts(len(blocks), m)))
    for cuts in every:
        bounds = (0, *cuts, len(blocks))
        height = max(used(a, b) for a, b in pairwise(bounds))
        if height < best_height - 0.01:
            best, best_height = cuts, height
    bounds = (0, *best, len(blocks))
    return [blocks[a:b] for a, b in pairwise(bounds)] or [[]]


def _cuts(n: int, k: int) -> list[tuple[int, ...]]:
    if k == 0:
        return [()]
    if k == 1:
        return [(i,) for i in range(1, n)]
    return [(i, *rest) for i in range(1, n) for rest in _cuts_after(i, n, k - 1)]


def _cuts_after(start: int, n: int, k: int) -> list[tuple[int, ...]]:
    return [tuple(c + start for c in cut) for cut in _cuts(n - start, k)]


def _emit_column(
    column: Column, page: Page, x: float, top: float, room: float, frame: Frame, squeeze: float
) -> None:
    """Draw the column's blocks, sharing its spare height out as extra working space."""
    spare = max(room - _used(column, frame, squeeze), 0.0)
    weights = [max(b.space, 1.0) if b.space else 0.0 for b in column]
    total = sum(weights)
    y = top
    for block, weight in zip(column, weights, strict=True):
        extra = min(spare * weight / total, frame.stretch_cap) if total else 0.0
        emit(block, page, x, y)
        y -= _height(block, squeeze) + extra + frame.gap
