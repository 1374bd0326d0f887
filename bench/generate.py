"""`bench generate`: questions per second per generator family, on one core.

Each generator makes `PER_GENERATOR` questions from fresh seeds, cycling through its
difficulties. Families are reported as total questions over total time, with the slowest
generator named. The engine figure adds what a worksheet pays on top: seeding, question types
(multiple choice, true/false, ...) and de-duplication.
"""

from __future__ import annotations

import time
from collections import defaultdict
from collections.abc import Iterator
from random import Random
from typing import Any

from curriculum.engine import generate
from curriculum.generators import all_generators

PER_GENERATOR = 4_000
ARITHMETIC_FAMILIES = ("arithmetic", "muldiv")
TARGET_PER_S = 20_000
ENGINE_SKILL = "maths.c3.add_3digit_regroup"
ENGINE_SHEETS = 300


def run() -> Iterator[dict[str, Any]]:
    rates = {g.skill_tag: (g.family, _rate(g)) for g in all_generators()}
    by_family: dict[str, list[tuple[str, float]]] = defaultdict(list)
    for tag, (family, rate) in rates.items():
        by_family[family].append((tag, rate))
    families = {family: _family(entries) for family, entries in sorted(by_family.items())}
    slowest_arithmetic = (
        min((rate, tag) for tag, (family, rate) in rates.items() if family in ARITHMETIC_FAMILIES)
        if any(f in ARITHMETIC_FAMILIES for f, _ in rates.values())
        else (0.0, "")
    )
    yield {
        "benchmark": "generate",
        "generators": len(rates),
        "per_generator": PER_GENERATOR,
        "families": families,
        "slowest_arithmetic_generator": slowest_arithmetic[1],
        "slowest_arithmetic_per_s": round(slowest_arithmetic[0]),
        "engine_mixed_types_per_s": round(_engine_rate()),
        "target_arithmetic_per_s": TARGET_PER_S,
        "meets_target": slowest_arithmetic[0] >= TARGET_PER_S,
    }


def _rate(generator: Any) -> float:
    levels = generator.difficulties
    started = time.perf_counter()
    for seed in range(PER_GENERATOR):
        generator.make(Random(seed), levels[seed % len(levels)])
    return PER_GENERATOR / (time.perf_counter() - started)


def _family(entries: list[tuple[str, float]]) -> dict[str, Any]:
    seconds = sum(PER_GENERATOR / rate for _, rate in entries)
    slowest_tag, slowest = min(entries, key=lambda e: e[1])
    return {
        "generators": len(entries),
        "questions_per_s": round(PER_GENERATOR * len(entries) / seconds),
        "slowest": slowest_tag,
        "slowest_per_s": round(slowest),
    }


def _engine_rate() -> float:
    types = ("fill_blank", "multiple_choice", "true_false", "error_identification", "word_problem")
    started = time.perf_counter()
    for seed in range(ENGINE_SHEETS):
        generate(ENGINE_SKILL, 20, seed, qtypes=types)  # type: ignore[arg-type]
    return ENGINE_SHEETS * 20 / (time.perf_counter() - started)
