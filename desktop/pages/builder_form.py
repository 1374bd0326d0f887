"""The left half of the Make worksheets page: who the sheets are for, what to practise, how."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QButtonGroup,
    QComboBox,
    QGridLayout,
    QGroupBox,
    QLabel,
    QRadioButton,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from curriculum.syllabus import GradeSyllabus
from desktop.pages.builder_job import BuilderChoices, ClassChoice, MakeRequest
from desktop.pages.builder_options import SheetOptions
from desktop.pages.skill_tree import SkillTree

SUBJECTS = (("maths", "Maths"), ("english", "English"), ("evs", "EVS"), ("custom", "My own"))
SUBJECT_NAMES = dict(SUBJECTS)


class BuilderForm(QWidget):
    """Filled from `BuilderChoices`; hands back a `MakeRequest`. Holds no data of its own."""

    who_changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._choices: BuilderChoices | None = None
        self._book: tuple[str, int | None, GradeSyllabus | None] | None = None
        self._suggested_for: str | None = None  # the class whose subject was last suggested
        self.options = SheetOptions()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self._who_group())
        layout.addWidget(self._what_group(), 1)
        layout.addWidget(self.options)
        self.options.mode_changed.connect(self._update_hint)
        self.for_child.setChecked(True)

    def _who_group(self) -> QGroupBox:
        group = QGroupBox("Who is it for?")
        grid = QGridLayout(group)
        self.for_child = QRadioButton("&A child")
        self.for_class = QRadioButton("A c&lass")
        self.for_class.setToolTip("A class set: one sheet for each child, each with their name")
        self.child_box, self.class_box = _names_box(), _names_box()
        self.child_box.setAccessibleName("Child")
        self.class_box.setAccessibleName("Class")
        self.who_hint = QLabel()
        self.who_hint.setWordWrap(True)
        buttons = QButtonGroup(group)
        for row, (radio, box) in enumerate(
            ((self.for_child, self.child_box), (self.for_class, self.class_box))
        ):
            buttons.addButton(radio)
            grid.addWidget(radio, row, 0)
            grid.addWidget(box, row, 1)
            radio.toggled.connect(self._who_toggled)
            box.currentIndexChanged.connect(self._who_toggled)
        grid.addWidget(self.who_hint, 2, 0, 1, 2)
        grid.setColumnStretch(1, 1)
        return group

    def _what_group(self) -> QGroupBox:
        group = QGroupBox("What to practise")
        layout = QVBoxLayout(group)
        self.subject_box = QComboBox()
        self.subject_box.setAccessibleName("Subject")
        for key, name in SUBJECTS:
            self.subject_box.addItem(name, key)
        self.subject_box.currentIndexChanged.connect(self._show_book)
        self.tree = SkillTree()
        self.tree.itemChanged.connect(self._update_hint)
        self.empty_book = QLabel()
        self.empty_book.setWordWrap(True)
        self.empty_book.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.book_stack = QStackedWidget()
        self.book_stack.addWidget(self.tree)
        self.book_stack.addWidget(self.empty_book)
        self.tree_hint = QLabel()
        self.tree_hint.setWordWrap(True)
        self.tree_hint.setStyleSheet("color: #5f6368")
        layout.addWidget(self.subject_box)
        layout.addWidget(self.book_stack, 1)
        layout.addWidget(self.tree_hint)
        return group

    # --- filling from the store ---------------------------------------------------------

    def set_choices(self, choices: BuilderChoices) -> None:
        first_time = self._choices is None
        self._choices = choices
        _refill(
            self.child_box,
            [(f"{c.name} — Class {c.grade}", c.id or "") for c in choices.children],
            "No children yet",
        )
        _refill(
            self.class_box,
            [(f"{c.name} — Class {c.grade}, {_children(c.size)}", c.id) for c in choices.classes],
            "No classes yet",
        )
        if first_time:
            self.options.set_defaults(choices.language, choices.paper)
            (self.for_class if choices.teacher and choices.classes else self.for_child).setChecked(
                True
            )
        self._who_toggled()

    def _who_toggled(self) -> None:
        choices = self._choices
        self.child_box.setEnabled(self.for_child.isChecked() and bool(choices and choices.children))
        self.class_box.setEnabled(self.for_class.isChecked() and bool(choices and choices.classes))
        self.who_hint.setText(self._who_problem() or "")
        self.who_hint.setVisible(bool(self._who_problem()))
        self._suggest_subject()
        self._show_book()
        self.who_changed.emit()

    def _suggest_subject(self) -> None:
        """A newly chosen class brings its subject; the user's own choice is kept after."""
        school_class = self._chosen_class()
        if school_class is None or school_class.id == self._suggested_for:
            return
        self._suggested_for = school_class.id
        if school_class.subject in SUBJECT_NAMES:
            self.subject_box.setCurrentIndex(self.subject_box.findData(school_class.subject))

    def _show_book(self) -> None:
        """The chosen class's book; unchanged (ticks kept) unless the book itself changed."""
        grade, subject = self.grade(), self.subject()
        book = self._choices.syllabus.grade(subject, grade) if self._choices and grade else None
        if self._book == (subject, grade, book):
            return
        self._book = (subject, grade, book)
        self.tree.show_book(book)
        self.book_stack.setCurrentWidget(self.tree if book else self.empty_book)
        self.empty_book.setText(_no_book(subject, grade))
        self.tree_hint.setVisible(book is not None)
        self._update_hint()

    def _update_hint(self) -> None:
        summary = self.tree.ticked_summary()
        if self.options.mode() == "adaptive":
            summary += " — leave empty to let each child's progress choose"
        self.tree_hint.setText(summary + ".")

    # --- what the user chose ------------------------------------------------------------

    def subject(self) -> str:
        return str(self.subject_box.currentData())

    def grade(self) -> int | None:
        if self.for_class.isChecked():
            chosen = self._chosen_class()
            return chosen.grade if chosen else None
        child = self._chosen_child_index()
        return self._choices.children[child].grade if self._choices and child is not None else None

    def who(self) -> str:
        """The child's or the class's name, for the summary line."""
        if self.for_class.isChecked():
            chosen = self._chosen_class()
            return chosen.name if chosen else ""
        child = self._chosen_child_index()
        return self._choices.children[child].name if self._choices and child is not None else ""

    def request(self) -> MakeRequest | None:
        """What to make, or None when there is no one to make it for."""
        if self._who_problem():
            return None
        order = self.options.order(self.subject(), self.tree.ticked_skills())
        key = self.options.answer_key()
        chosen = self._chosen_class()
        if chosen is not None:
            return MakeRequest(order, class_name=chosen.name, answer_key=key)
        return MakeRequest(order, child_id=str(self.child_box.currentData()), answer_key=key)

    def _who_problem(self) -> str | None:
        choices = self._choices
        if choices is None:
            return "Loading…"
        if self.for_class.isChecked() and not choices.classes:
            return "No classes yet: add one on the Classes page (Ctrl+5)."
        if self.for_child.isChecked() and not choices.children:
            return "No children yet: add one on the Children page (Ctrl+4)."
        return None

    def _chosen_child_index(self) -> int | None:
        if not self._choices or not self._choices.children:
            return None
        return max(self.child_box.currentIndex(), 0)

    def _chosen_class(self) -> ClassChoice | None:
        if not self._choices or not self._choices.classes or not self.for_class.isChecked():
            return None
        return self._choices.classes[max(self.class_box.currentIndex(), 0)]


def _names_box() -> QComboBox:
    """A combo box that does not grow with the longest name in it."""
    box = QComboBox()
    box.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
    box.setMinimumContentsLength(14)
    return box


def _refill(box: QComboBox, items: list[tuple[str, str]], empty: str) -> None:
    """Replace the items, keeping the chosen one chosen."""
    chosen = box.currentData()
    box.blockSignals(True)
    box.clear()
    for text, key in items:
        box.addItem(text, key)
    if not items:
        box.addItem(empty, None)
    index = box.findData(chosen)
    box.setCurrentIndex(max(index, 0))
    box.blockSignals(False)


def _children(count: int) -> str:
    return "1 child" if count == 1 else f"{count} children"


def _no_book(subject: str, grade: int | None) -> str:
    if grade is None:
        return "Choose who the worksheets are for to see their chapters."
    if subject == "custom":
        return f"You have no chapters of your own for Class {grade} yet."
    return f"There are no {SUBJECT_NAMES[subject]} chapters for Class {grade} yet."
