"""What a question's picture shows, as data: a tally, a clock, a grid, a pictograph, a pattern,
coins and notes, things to count, a fraction strip.

A generator describes its picture (a tally of 13, a clock at 4:30) and the renderer draws it.
The description is the stimulus, never the key: the answer, the accepted forms and the grading
come from the question's values, so a key is right whatever the drawing looks like, and a test
can read the picture back to check that it shows exactly the question's data.
"""

from __future__ import annotations

from typing import Annotated, Literal

from pydantic import BaseModel, ConfigDict, Field, model_validator

from curriculum.bilingual import Text

ShapeName = Literal["circle", "square", "triangle", "star", "moon", "heart"]
SHAPE_NAMES: tuple[ShapeName, ...] = ShapeName.__args__  # type: ignore[attr-defined]
Icon = Literal["face", "ice_cream"]
StickShape = Literal["triangle", "square", "pentagon", "hexagon"]
Thing = Literal["mango", "laddoo", "marble", "bangle", "kite"]


class _Picture(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")


class TallyRow(_Picture):
    """One row of tally marks, with the label that says what was counted (or none)."""

    label: Text | None = None
    count: int = Field(ge=0, le=60)


class Tally(_Picture):
    """Tally marks in bundles of five: four strokes crossed by the fifth."""

    kind: Literal["tally"] = "tally"
    rows: tuple[TallyRow, ...] = Field(min_length=1, max_length=6)
    title: Text | None = None


class Clock(_Picture):
    """A clock face with its hands where the time puts them."""

    kind: Literal["clock"] = "clock"
    hour: int = Field(ge=1, le=12)
    minute: int = Field(ge=0, le=59)


class Grid(_Picture):
    """A grid of unit squares with some of them shaded: the shape whose area is counted."""

    kind: Literal["grid"] = "grid"
    columns: int = Field(ge=1, le=14)
    rows: int = Field(ge=1, le=10)
    shaded: tuple[tuple[int, int], ...]  # (column, row) of each shaded square, row 0 on top

    @model_validator(mode="after")
    def _inside(self) -> Grid:
        if any(not (0 <= c < self.columns and 0 <= r < self.rows) for c, r in self.shaded):
            raise ValueError("a shaded square lies outside the grid")
        return self


class Rectangle(_Picture):
    """A rectangle (or square) with its length and breadth written along its sides."""

    kind: Literal["rectangle"] = "rectangle"
    length: int = Field(ge=1)
    breadth: int = Field(ge=1)
    unit: str = "cm"


class PictographRow(_Picture):
    label: Text
    count: int = Field(ge=0, le=12)


class Pictograph(_Picture):
    """Rows of one icon, with a key saying what one icon stands for ("= 1 child")."""

    kind: Literal["pictograph"] = "pictograph"
    icon: Icon
    stands_for: Text  # the key, after the icon: "= 10 ice creams"
    rows: tuple[PictographRow, ...] = Field(min_length=1, max_length=6)
    title: Text | None = None


class Pattern(_Picture):
    """A row of shapes, then empty boxes for the ones that come next."""

    kind: Literal["pattern"] = "pattern"
    shapes: tuple[ShapeName, ...] = Field(min_length=2, max_length=14)
    next_shapes: tuple[ShapeName, ...] = Field(min_length=1, max_length=3)  # drawn in the key


class Growing(_Picture):
    """The first steps of a growing pattern: a row of matchstick shapes, or dots."""

    kind: Literal["growing"] = "growing"
    style: Literal["sticks", "dots"]
    shape: StickShape
    steps: tuple[int, ...] = Field(min_length=1, max_length=4)  # step numbers shown, 1, 2, 3...

    @model_validator(mode="after")
    def _dots_are_squares_or_triangles(self) -> Growing:
        if self.style == "dots" and self.shape not in ("square", "triangle"):
            raise ValueError("dot patterns are squares or triangles")
        return self


class Money(_Picture):
    """Coins and notes, largest first: (value in rupees, how many)."""

    kind: Literal["money"] = "money"
    pieces: tuple[tuple[int, int], ...] = Field(min_length=1, max_length=6)

    @model_validator(mode="after")
    def _real_money(self) -> Money:
        if any(value not in COINS + NOTES or n < 1 for value, n in self.pieces):
            raise ValueError("coins of ₹ 1, 2, 5, 10, 20 and notes of ₹ 10 to 500 only")
        return self


class Objects(_Picture):
    """Things to count, drawn one by one in the groups given (a Class 1 child touches each)."""

    kind: Literal["objects"] = "objects"
    thing: Thing
    groups: tuple[int, ...] = Field(min_length=1, max_length=4)

    @model_validator(mode="after")
    def _few(self) -> Objects:
        if any(n < 1 for n in self.groups) or sum(self.groups) > 20:
            raise ValueError("groups of at least one, twenty things at most")
        return self


class Strip(_Picture):
    """A strip cut into equal parts, left to right, the coloured ones shaded: a fraction."""

    kind: Literal["strip"] = "strip"
    coloured: tuple[bool, ...] = Field(min_length=2, max_length=12)


COINS = (1, 2, 5)
NOTES = (10, 20, 50, 100, 200, 500)
Picture = Annotated[
    Tally | Clock | Grid | Rectangle | Pictograph | Pattern | Growing | Money | Objects | Strip,
    Field(discriminator="kind"),
]
