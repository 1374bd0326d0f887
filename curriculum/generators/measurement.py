"""Generators: measurement of length, weight and capacity (NCERT Maths, Classes 1-5).

Classes 1-3 compare, add and subtract lengths, handspans, glasses and kilograms given as plain
numbers. Classes 4-5 convert between a bigger and a smaller metric unit (m/cm, km/m, kg/g,
L/mL); every quantity is held in whole numbers of the smaller unit, so the arithmetic is exact.

This module only gathers the family; importing it registers every generator. The code lives in:

- `measurement_common`: asking a question, its key and answers, and the Hindi nouns;
- `measurement_length`: Classes 1-3 lengths in cm, handspans and footsteps;
- `measurement_capacity`: Class 3 capacity and weight, glasses of water from jugs;
- `measurement_units`: Classes 4-5 metric units, converted, added, subtracted and compared.
"""

from __future__ import annotations

from curriculum.generators.measurement_capacity import (
    CONTAINERS,
    GLASSES,
    HEAVY,
    capacity_weight_compare,
    capacity_word,
)
from curriculum.generators.measurement_common import COMPARE, Names, Wrong
from curriculum.generators.measurement_length import (
    CM,
    SPAN,
    SPAN_OBJECTS,
    STEP,
    STEP_OBJECTS,
    THINGS,
    Unit,
    compare_length,
    length_cm,
    length_cm_word,
    nonstandard_length,
    nonstandard_length_word,
)
from curriculum.generators.measurement_units import (
    KG_G,
    KM_M,
    L_ML,
    M_CM,
    STORIES,
    Conv,
    Pair,
    Words,
    distance_units,
    distance_units_word,
    length_units,
    length_units_word,
    weight_capacity_convert,
    weight_capacity_convert_word,
    weight_capacity_units,
    weight_capacity_units_word,
)

__all__ = [
    "CM",
    "COMPARE",
    "CONTAINERS",
    "GLASSES",
    "HEAVY",
    "KG_G",
    "KM_M",
    "L_ML",
    "M_CM",
    "SPAN",
    "SPAN_OBJECTS",
    "STEP",
    "STEP_OBJECTS",
    "STORIES",
    "THINGS",
    "Conv",
    "Names",
    "Pair",
    "Unit",
    "Words",
    "Wrong",
    "capacity_weight_compare",
    "capacity_word",
    "compare_length",
    "distance_units",
    "distance_units_word",
    "length_cm",
    "length_cm_word",
    "length_units",
    "length_units_word",
    "nonstandard_length",
    "nonstandard_length_word",
    "weight_capacity_convert",
    "weight_capacity_convert_word",
    "weight_capacity_units",
    "weight_capacity_units_word",
]
