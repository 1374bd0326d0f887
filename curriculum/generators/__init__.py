"""One generator per procedural skill; importing this package registers them all."""

from curriculum.generators import (  # noqa: F401 - imported to register their generators
    arithmetic,
    arithmetic_upper,
    clock,
    data,
    english,
    fractions,
    geometry,
    measurement,
    money,
    muldiv,
    numbers,
    patterns,
)
from curriculum.generators.registry import Generator, UnknownSkill, all_generators, get_generator

__all__ = ["Generator", "UnknownSkill", "all_generators", "get_generator"]
