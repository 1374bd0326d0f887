"""Choosing skills from a child's mastery: learning first, then improving, new skills a few at a
time, and mastered skills back for spaced review when they are due."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

WEIGHTS = {"learning": 4, "improving": 3, "unknown": 2, "mastered": 1}
NEW_SKILLS_PER_SHEET = 2


@dataclass(frozen=True)
class SkillStatus:
    """What the worksheet needs to know about a child's mastery of one skill."""

    level: str = "unknown"  # unknown | learning | improving | mastered
    review_due: str | None = None  # ISO date a mastered skill is due for review


def weigh_skills(
    candidates: Sequence[str], statuses: dict[str, SkillStatus], today: str
) -> dict[str, int]:
    """Weight per skill (0 = leave out). `candidates` are in syllabus order."""
    weights: dict[str, int] = {}
    new = 0
    for tag in candidates:
        status = statuses.get(tag, SkillStatus())
        if status.level == "unknown":
            if new >= NEW_SKILLS_PER_SHEET:
                continue
            new += 1
        elif status.level == "mastered" and (status.review_due or "9999") > today:
            continue
        weights[tag] = WEIGHTS.get(status.level, 0)
    if not weights:  # everything mastered and nothing due: review the mastered ones anyway
        weights = {tag: 1 for tag in candidates}
    return weights


def apportion(weights: dict[str, int], count: int) -> dict[str, int]:
    """Split `count` questions by weight (largest remainder), at most `count` skills used."""
    ranked = sorted(weights.items(), key=lambda kv: -kv[1])[:count]
    total = sum(w for _, w in ranked)
    exact = {tag: count * w / total for tag, w in ranked}
    shares = {tag: max(1, int(share)) for tag, share in exact.items()}
    by_remainder = sorted(exact, key=lambda t: -(exact[t] - int(exact[t])))
    index = 0
    while sum(shares.values()) < count:
        shares[by_remainder[index % len(by_remainder)]] += 1
        index += 1
    while sum(shares.values()) > count:
        biggest = max(shares, key=lambda t: shares[t])
        shares[biggest] -= 1
    return {tag: n for tag, n in shares.items() if n > 0}
