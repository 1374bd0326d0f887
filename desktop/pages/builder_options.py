"""How the worksheet is made and printed: questions, difficulty, kind of sheet, language, paper."""

from __future__ import annotations

from typing import cast

from PySide6.QtCore import Signal
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QMenu,
    QSpinBox,
    QStyle,
    QToolButton,
    QWidget,
)

from curriculum.question import QUESTION_TYPE_NAMES, QuestionType
from storage.making import SheetOrder
from worksheets.model import WorksheetMode

MODES: tuple[tuple[WorksheetMode, str], ...] = (
    ("chosen", "The skills I tick"),
    ("adaptive", "Suited to each child"),
    ("versions", "Versions A, B, C…"),
)
MODE_HELP = (
    "The skills I tick: the questions are shared evenly between them.\n"
    "Suited to each child: more of what the child is learning, reviews when due.\n"
    "Versions A, B, C…: the same skills with different numbers, so neighbours cannot copy."
)
DIFFICULTIES = ((None, "Any"), (1, "Easy"), (2, "Medium"), (3, "Hard"))
LANGUAGES = (("en", "English"), ("hi", "Hindi"), ("both", "English and Hindi"))
PAPERS = (("A4", "A4"), ("Letter", "Letter"))


class SheetOptions(QGroupBox):
    mode_changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__("How to make it", parent)
        self.count = _spin(1, 60, 20, "Number of questions")
        self.difficulty = _combo(DIFFICULTIES, "Difficulty")
        self.mode_box = _combo(MODES, "Kind of worksheet")
        self.versions = _spin(2, 6, 2, "How many versions")
        self.versions.setSuffix(" versions")
        self.types_button = self._types_button()
        self.language = _combo(LANGUAGES, "Language")
        self.paper = _combo(PAPERS, "Paper")
        self._defaults: dict[str, str] = {}  # the profile's choice last followed, per field
        self.large_print = QCheckBox("Large print")
        self.large_print.setToolTip("About 1.5 times bigger, in one column (good for Classes 1–2)")
        self.columns = _spin(1, 3, 2, "Columns")
        self.key_box = QCheckBox("Answer key")
        self.key_box.setToolTip("Print the answers too, on their own pages")
        self.key_box.setChecked(True)
        self._lay_out()
        self.mode_box.currentIndexChanged.connect(self._mode_toggled)
        self.large_print.toggled.connect(lambda on: self.columns.setEnabled(not on))
        self._mode_toggled()

    def _types_button(self) -> QToolButton:
        button = QToolButton()
        button.setAccessibleName("Question types")
        button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        menu = QMenu(button)
        self.type_actions: dict[QuestionType, QAction] = {}
        for qtype, name in QUESTION_TYPE_NAMES.items():
            action = menu.addAction(name)
            action.setCheckable(True)
            action.toggled.connect(self._types_changed)
            self.type_actions[qtype] = action
        button.setMenu(menu)
        button.setText("A mix of types")
        _fit_text(button)
        return button

    def _lay_out(self) -> None:
        form = QFormLayout(self)
        self.mode_box.setToolTip(MODE_HELP)
        rows: tuple[tuple[str, tuple[QWidget, ...]], ...] = (
            ("&Questions", (self.count, _buddy("&Difficulty", self.difficulty), self.difficulty)),
            ("&Kind", (self.mode_box, self.versions)),
            ("&Types", (self.types_button,)),
            ("La&nguage", (self.language, _buddy("&Paper", self.paper), self.paper)),
            ("C&olumns", (self.columns, self.large_print, self.key_box)),
        )
        for text, widgets in rows:
            row = QHBoxLayout()
            for widget in widgets:
                row.addWidget(widget)
            row.addStretch(1)
            form.addRow(_buddy(text, widgets[0]), row)

    def set_defaults(self, language: str, paper: str) -> None:
        """The profile's choices (wizard, Settings), followed as soon as they change — except
        in a field the user changed on this form, which keeps what they chose."""
        for field, combo, value in (
            ("language", self.language, language),
            ("paper", self.paper, paper),
        ):
            default = self._defaults.get(field)
            if default is None or combo.currentData() == default:
                combo.setCurrentIndex(max(combo.findData(value), 0))
            self._defaults[field] = value

    def mode(self) -> WorksheetMode:
        return cast(WorksheetMode, self.mode_box.currentData())

    def answer_key(self) -> bool:
        return self.key_box.isChecked()

    def qtypes(self) -> tuple[QuestionType, ...]:
        return tuple(t for t, action in self.type_actions.items() if action.isChecked())

    def order(self, subject: str, skills: tuple[str, ...]) -> SheetOrder:
        return SheetOrder(
            subject=subject,
            skills=skills,
            count=self.count.value(),
            mode=self.mode(),
            versions=self.versions.value(),
            difficulty=self.difficulty.currentData(),
            qtypes=self.qtypes(),
            language=str(self.language.currentData()),
            paper=str(self.paper.currentData()),
            large_print=self.large_print.isChecked(),
            columns=1 if self.large_print.isChecked() else self.columns.value(),
        )

    def _mode_toggled(self) -> None:
        self.versions.setEnabled(self.mode() == "versions")
        self.mode_changed.emit()

    def _types_changed(self) -> None:
        chosen = [QUESTION_TYPE_NAMES[t] for t in self.qtypes()]
        if not chosen:
            self.types_button.setText("A mix of types")
        elif len(chosen) == 1:
            self.types_button.setText(chosen[0])
        else:
            self.types_button.setText(f"{len(chosen)} types")
        _fit_text(self.types_button)
        self.types_button.setToolTip(", ".join(chosen) or "Any kind of question")


def _buddy(text: str, widget: QWidget) -> QLabel:
    label = QLabel(text)
    label.setBuddy(widget)
    return label


def _spin(low: int, high: int, value: int, name: str) -> QSpinBox:
    spin = QSpinBox()
    spin.setRange(low, high)
    spin.setValue(value)
    spin.setAccessibleName(name)
    return spin


def _combo(items: tuple[tuple[object, str], ...], name: str) -> QComboBox:
    box = QComboBox()
    box.setAccessibleName(name)
    box.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
    for key, text in items:
        box.addItem(text, key)
    return box


def _fit_text(button: QToolButton) -> None:
    """Room for the text beside the menu arrow: Qt draws an instant-popup arrow over the
    text's end ("A mix of type⌄") instead of beside it."""
    style = button.style()
    arrow = style.pixelMetric(QStyle.PixelMetric.PM_MenuButtonIndicator, None, button)
    margins = 2 * style.pixelMetric(QStyle.PixelMetric.PM_ButtonMargin, None, button)
    text = button.fontMetrics().horizontalAdvance(button.text())
    button.setMinimumWidth(max(button.sizeHint().width(), text + arrow + margins) + arrow // 2)
