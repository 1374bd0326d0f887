"""One row per question of the sheet being graded, driven from the keyboard.

In a row: type what the child wrote and press Enter (checked at once, then on to the next
question), or mark it yourself: 1 right, 0 wrong, p partly — in "mark" mode, or at any time on
an open-response question, which has nothing to type. Up/Down move between questions.
"""

from __future__ import annotations

from html import escape

from PySide6.QtCore import QEvent, QObject, Qt, Signal
from PySide6.QtGui import QKeyEvent, QKeySequence
from PySide6.QtWidgets import (
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QScrollArea,
    QToolButton,
    QWidget,
)

from curriculum.question import Question
from desktop.pages.grading_session import Entry, GradingSession
from progress.attempts import AttemptResult

MARK_KEYS: dict[int, AttemptResult] = {
    Qt.Key.Key_1: "correct",
    Qt.Key.Key_0: "incorrect",
    Qt.Key.Key_P: "partial",
}
MARK_BUTTONS: tuple[tuple[AttemptResult, str, str], ...] = (
    ("correct", "✓", "Right (1)"),
    ("incorrect", "✗", "Wrong (0)"),
    ("partial", "½", "Partly right (p)"),
)
VERDICTS: dict[str, tuple[str, str]] = {
    "correct": ("✓ right", "#15803d"),
    "incorrect": ("✗ wrong", "#b91c1c"),
    "partial": ("½ partly", "#b45309"),
}
ENTER_KEYS = (Qt.Key.Key_Return, Qt.Key.Key_Enter)


def prompt_html(q: Question) -> str:
    """The question as a teacher recognises it from the sheet: instruction, prompt, options."""
    text = escape(q.prompt.en)
    if q.qtype == "match":
        lefts = "  ".join(f"{i}) {escape(p.left.en)}" for i, p in enumerate(q.pairs, start=1))
        text = f"{lefts}<br>" + _options(q.options)
    elif q.options:
        text += "<br>" + _options(q.options)
    if q.instruction.en and q.instruction.en != q.prompt.en:
        text = f"<span style='color:#5f6368'>{escape(q.instruction.en)}</span> {text}"
    return text


def _options(options: tuple[str, ...]) -> str:
    return "&nbsp;&nbsp; ".join(f"{'abcdefgh'[i]}) {escape(o)}" for i, o in enumerate(options))


class SheetGrader(QScrollArea):
    """The rows of one sheet. Emits `changed` after every check, mark or undo."""

    changed = Signal()
    finished = Signal()  # Enter on the last question: time to save

    def __init__(self, session: GradingSession, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.mark_mode = False
        self.setWidgetResizable(True)
        self.setObjectName("questions")
        body = QWidget()
        self.grid = QGridLayout(body)
        self.grid.setColumnStretch(1, 1)
        self.grid.setHorizontalSpacing(12)
        self.grid.setVerticalSpacing(6)
        self.edits: list[QLineEdit] = []
        self.verdicts: list[QLabel] = []
        self.buttons: list[dict[AttemptResult, QToolButton]] = []
        for number in range(1, len(session) + 1):
            self._add_row(number)
        self.grid.setRowStretch(len(session) + 1, 1)
        self.setWidget(body)

    # -- building ----------------------------------------------------------------------------

    def _add_row(self, number: int) -> None:
        q = self.session.question(number)
        row = number - 1
        label = QLabel(f"<b>{number}.</b>")
        label.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        prompt = QLabel(prompt_html(q))
        prompt.setWordWrap(True)
        prompt.setTextFormat(Qt.TextFormat.RichText)
        self.grid.addWidget(label, row, 0)
        self.grid.addWidget(prompt, row, 1)
        self.grid.addWidget(self._answer_box(number), row, 2)
        self.grid.addWidget(self._mark_buttons(number), row, 3)
        verdict = QLabel()
        verdict.setTextFormat(Qt.TextFormat.RichText)
        verdict.setMinimumWidth(verdict.fontMetrics().horizontalAdvance("✗ wrong (your mark)") + 8)
        self.verdicts.append(verdict)
        self.grid.addWidget(verdict, row, 4)
        self.show_entry(number)

    def _answer_box(self, number: int) -> QLineEdit:
        edit = QLineEdit()
        edit.setObjectName(f"answer-{number}")
        edit.setMinimumWidth(edit.fontMetrics().horizontalAdvance("M") * 14)
        if self.session.open_response(number):
            edit.setReadOnly(True)
            edit.setPlaceholderText("open answer: 1, 0 or p")
            edit.setToolTip("An open answer has no key: mark it 1 right, 0 wrong or p partly.")
        else:
            edit.setPlaceholderText("what the child wrote")
            edit.setText(self.session.entry(number).typed)
        edit.installEventFilter(self)
        self.edits.append(edit)
        return edit

    def _mark_buttons(self, number: int) -> QWidget:
        box = QWidget()
        row = QHBoxLayout(box)
        row.setContentsMargins(0, 0, 0, 0)
        row.setSpacing(2)
        buttons: dict[AttemptResult, QToolButton] = {}
        for result, text, tip in MARK_BUTTONS:
            button = QToolButton()
            button.setText(text)
            button.setToolTip(tip)
            button.setCheckable(True)
            button.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # Tab stays on the answers
            button.clicked.connect(lambda _=False, n=number, r=result: self.mark(n, r))
            row.addWidget(button)
            buttons[result] = button
        self.buttons.append(buttons)
        return box

    # -- what the user does ------------------------------------------------------------------

    def check(self, number: int) -> None:
        typed = self.edits[number - 1].text().strip()
        if typed and not self.session.open_response(number):
            self.session.check(number, typed)
            self._after_change(number)
        self.focus(number + 1)

    def check_pending(self) -> None:
        """Check every answer typed but not yet entered (e.g. saved straight after typing)."""
        for number, edit in enumerate(self.edits, start=1):
            typed = edit.text().strip()
            pending = typed and typed != self.session.entry(number).typed
            if pending and not self.session.open_response(number):
                self.session.check(number, typed)
                self._after_change(number)

    def mark(self, number: int, result: AttemptResult) -> None:
        self.session.mark(number, result)
        self._after_change(number)
        self.focus(number + 1)

    def undo(self) -> int | None:
        number = self.session.undo()
        if number is not None:
            self.edits[number - 1].setText(self.session.entry(number).typed)
            self._after_change(number)
            self.focus(number)
        return number

    def focus(self, number: int) -> None:
        if number > len(self.session):
            self.finished.emit()
            return
        edit = self.edits[max(number, 1) - 1]
        edit.setFocus(Qt.FocusReason.OtherFocusReason)
        edit.selectAll()
        self.ensureWidgetVisible(edit, 0, 40)

    def _after_change(self, number: int) -> None:
        self.show_entry(number)
        self.changed.emit()

    # -- showing -----------------------------------------------------------------------------

    def show_entry(self, number: int) -> None:
        entry = self.session.entry(number)
        for result, button in self.buttons[number - 1].items():
            button.setChecked(entry.by == "teacher" and entry.result == result)
        self.verdicts[number - 1].setText(self._verdict_html(number, entry))

    def _verdict_html(self, number: int, entry: Entry) -> str:
        if entry.result is None:
            return ""
        word, colour = VERDICTS[entry.result]
        if entry.by == "teacher":
            word += " <span style='color:#5f6368; font-size:small'>(your mark)</span>"
        text = f"<span style='color:{colour}; font-weight:600'>{word}</span>"
        q = self.session.question(number)
        if entry.result != "correct" and not self.session.open_response(number):
            answer = escape(q.answer)
            text += f"<br><span style='color:#5f6368; font-size:small'>answer: {answer}</span>"
        return text

    # -- keys --------------------------------------------------------------------------------

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if not isinstance(watched, QLineEdit) or watched not in self.edits:
            return False
        number = self.edits.index(watched) + 1
        if event.type() == QEvent.Type.ShortcutOverride and isinstance(event, QKeyEvent):
            # Ctrl+Z undoes the last mark, unless something new is being typed in the box.
            untouched = watched.text().strip() == self.session.entry(number).typed
            return event.matches(QKeySequence.StandardKey.Undo) and untouched
        if event.type() == QEvent.Type.KeyPress and isinstance(event, QKeyEvent):
            return self._key(number, event)
        return False

    def _key(self, number: int, event: QKeyEvent) -> bool:
        plain = not event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier
        if plain and event.key() in ENTER_KEYS:
            self.check(number)
            return True
        if plain and event.key() in MARK_KEYS and self._marks_by_key(number):
            self.mark(number, MARK_KEYS[event.key()])
            return True
        if event.key() in (Qt.Key.Key_Down, Qt.Key.Key_Up):
            step = 1 if event.key() == Qt.Key.Key_Down else -1
            if 1 <= number + step <= len(self.session):
                self.focus(number + step)
            return True
        return False

    def _marks_by_key(self, number: int) -> bool:
        return self.mark_mode or self.session.open_response(number)
