"""Choosing item-bank questions the way the teacher asked: their question types first, then
their level, then the nearest levels; at random among equally good items."""

from __future__ import annotations

from collections.abc import Collection, Sequence
from random import Random

from curriculum.banks import BankItem
from curriculum.question import QuestionType


def choose_items(
    items: Sequence[BankItem],
    count: int,
    rng: Random,
    difficulty: int | None = None,
    qtypes: Collection[QuestionType] = (),
) -> list[BankItem]:
    """`count` of `items` (there must be that many), in random order."""
    pool = list(items)
    rng.shuffle(pool)

    def distance(item: BankItem) -> tuple[int, int]:
        other_type = int(bool(qtypes) and item.type not in qtypes)
        other_level = abs(item.difficulty - difficulty) if difficulty is not None else 0
        return other_type, other_level

    chosen = sorted(pool, key=distance)[:count]  # a stable sort keeps the shuffle among equals
    rng.shuffle(chosen)
    return chosen
