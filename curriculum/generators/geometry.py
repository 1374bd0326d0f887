"""Generators: geometry. Long and round things (Class 1), 2D shapes and solids (Classes 2-4),
symmetry (Classes 3-4), angles as turns, area and perimeter, maps and directions (Class 5).

Every fact is stated once, in a table in the geometry_* module of its topic, and questions
are sampled from the tables; numbers (areas, turns, steps) are computed from the sampled
values. Word answers are given in English, with the Hindi word accepted. The helpers they
share are in shapes_common. Importing this module registers every geometry generator.
"""

from curriculum.generators import (  # noqa: F401 - imported to register their generators
    geometry_shapes,
    geometry_solids,
    geometry_space,
    geometry_symmetry,
)
