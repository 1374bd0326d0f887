"""Choosing the wrong answers a question lists: the likeliest few real mistakes.

Generators write their candidate mistakes likeliest first, without worrying whether two coincide
or one equals the answer (3 tens and 3 ones reversed is still 33); `likeliest` drops those and
keeps the first few, so the multiple-choice form always shows distinct, really wrong options.
"""

from __future__ import annotations

from collections.abc import Iterable

Slip = tuple[int | str, str]


def likeliest(answer: int | str, slips: Iterable[Slip], *, limit: int = 3) -> list[Slip]:
    """The first `limit` distinct wrong answers. Numbers below 1 are dropped: no child answers
    0 or less to these questions, and a distractor nobody would pick teaches nothing."""
    seen = {str(answer)}
    kept: list[Slip] = []
    for value, error in slips:
        if (isinstance(value, int) and value < 1) or str(value) in seen:
            continue
        seen.add(str(value))
        kept.append((value, error))
    return kept[:limit]
