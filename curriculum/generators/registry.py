"""The generator registry: one generator per skill tag, looked up by the engine."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from random import Random

from curriculum.question import Question

Maker = Callable[[Random, int], Question]


class UnknownSkill(LookupError):
    """No generator is registered for this skill tag."""


@dataclass(frozen=True)
class Generator:
    """Makes questions for one skill. `make(rng, difficulty)` must be a pure function of both.

    `variants`: the question can also be shown as multiple choice, true/false and "find the
    mistake" (its prompt has one blank and it lists likely wrong answers).
    """

    skill_tag: str
    family: str
    make: Maker
    difficulties: tuple[int, ...] = (1, 2, 3)
    word_problem: Maker | None = None
    variants: bool = True


_REGISTRY: dict[str, Generator] = {}


def register(
    skill_tag: str,
    family: str,
    *,
    difficulties: tuple[int, ...] = (1, 2, 3),
    word_problem: Maker | None = None,
    variants: bool = True,
) -> Callable[[Maker], Maker]:
    """Decorator: register `make` as the generator of `skill_tag`."""

    def add(make: Maker) -> Maker:
        if skill_tag in _REGISTRY:
            raise ValueError(f"two generators for {skill_tag}")
        _REGISTRY[skill_tag] = Generator(
            skill_tag, family, make, difficulties, word_problem, variants
        )
        return make

    return add


def get_generator(skill_tag: str) -> Generator:
    try:
        return _REGISTRY[skill_tag]
    except KeyError:
        raise UnknownSkill(f"no generator for skill {skill_tag!r}") from None


def all_generators() -> list[Generator]:
    return sorted(_REGISTRY.values(), key=lambda g: g.skill_tag)
