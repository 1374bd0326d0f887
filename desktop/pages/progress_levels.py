"""How mastery levels look everywhere in the app: a word and a colour (never the colour alone,
so colour-blind teachers read the same thing)."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QHBoxLayout, QLabel, QWidget

from progress.attempts import MasteryLevel

LEVELS: tuple[MasteryLevel, ...] = ("unknown", "learning", "improving", "mastered")
LEVEL_WORDS: dict[str, str] = {
    "unknown": "not started",
    "learning": "learning",
    "improving": "improving",
    "mastered": "mastered",
}
# Light fills keep dark text readable; the strong shade is for chart lines and borders.
LEVEL_FILLS: dict[str, str] = {
    "unknown": "#e4e4e7",
    "learning": "#fcd9a4",
    "improving": "#b9d7f5",
    "mastered": "#b6e2b9",
}
LEVEL_LINES: dict[str, str] = {
    "unknown": "#8a8a92",
    "learning": "#d97706",
    "improving": "#2563eb",
    "mastered": "#15803d",
}
TEXT_COLOUR = "#1f2328"


def level_word(level: str) -> str:
    return LEVEL_WORDS.get(level, level)


def fill(level: str) -> QColor:
    return QColor(LEVEL_FILLS.get(level, LEVEL_FILLS["unknown"]))


def line(level: str) -> QColor:
    return QColor(LEVEL_LINES.get(level, LEVEL_LINES["unknown"]))


def level_chip(level: str) -> QLabel:
    """The level's word on its colour, as a small rounded label."""
    chip = QLabel(level_word(level))
    chip.setObjectName(f"level-{level}")
    chip.setAlignment(Qt.AlignmentFlag.AlignCenter)
    chip.setStyleSheet(
        f"QLabel {{ background: {LEVEL_FILLS.get(level, LEVEL_FILLS['unknown'])};"
        f" color: {TEXT_COLOUR}; border: 1px solid {LEVEL_LINES.get(level, '#8a8a92')};"
        " border-radius: 8px; padding: 1px 8px; }"
    )
    return chip


def legend() -> QWidget:
    """One chip per level, in order, for the top of a grid or chart."""
    box = QWidget()
    row = QHBoxLayout(box)
    row.setContentsMargins(0, 0, 0, 0)
    row.addWidget(QLabel("Key:"))
    for level in LEVELS:
        row.addWidget(level_chip(level))
    row.addStretch(1)
    return box
