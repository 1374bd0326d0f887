"""Small widgets the Children and Classes pages share: read-only tables, headings, buttons."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from typing import TypeVar

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QKeySequence, QPalette, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QFrame,
    QHeaderView,
    QLabel,
    QPushButton,
    QScrollArea,
    QTableWidget,
    QTableWidgetItem,
    QWidget,
)

from curriculum.syllabus import builtin_syllabus
from desktop.context import AppContext
from desktop.errors import explain
from desktop.tasks import Op
from desktop.worker import Progress
from storage.database import Store

T = TypeVar("T")
R = TypeVar("R")
ID_ROLE = Qt.ItemDataRole.UserRole
ERROR_STYLE = "color: #a4262c;"
GRADES = tuple(range(1, 13))  # the grades a child record can hold


def content_grades(keep: int | None = None) -> tuple[int, ...]:
    """The grades the app has worksheets for (1-5 today), and `keep` (a child's own grade,
    so editing a child of another grade does not change it)."""
    syllabus = builtin_syllabus()
    grades = {g.grade for subject in syllabus.subjects for g in subject.grades}
    return tuple(sorted(grades | ({keep} if keep else set())))


SUBJECT_TITLES = {
    "maths": "Maths",
    "english": "English",
    "evs": "EVS",
    "hindi": "Hindi",
    "science": "Science",
    "custom": "My own chapters",
}


def subject_title(subject: str | None) -> str:
    return SUBJECT_TITLES.get(subject or "", subject or "Any subject")


SORT_ROLE = Qt.ItemDataRole.UserRole + 1


class SortingItem(QTableWidgetItem):
    """A cell that sorts by its sort key when it has one (grades as numbers, roll numbers
    naturally: 2 before 10), else by its text, ignoring case."""

    def __lt__(self, other: QTableWidgetItem) -> bool:
        return sort_key(self) < sort_key(other)


def sort_key(item: QTableWidgetItem) -> tuple[int, float, str]:
    key = item.data(SORT_ROLE)
    if isinstance(key, int | float):
        return (0, float(key), "")
    text = item.text().casefold()
    digits = re.match(r"\s*(\d+)", text)
    if digits:  # "2", "10", "10a": by number first
        return (0, float(digits.group(1)), text)
    return (1, 0.0, text)


@contextmanager
def filling(widget: QTableWidget) -> Iterator[None]:
    """Rows are set with sorting off (else each new cell moves its row); then re-sorted by
    the column the user chose, if any."""
    widget.setSortingEnabled(False)
    try:
        yield
    finally:
        widget.setSortingEnabled(True)


def table(headers: Sequence[str], stretch: int = 0) -> QTableWidget:
    """A read-only table that selects whole rows, one at a time; column `stretch` fills.
    A click on a heading sorts by that column; until then rows keep the order given."""
    widget = QTableWidget(0, len(headers))
    widget.setHorizontalHeaderLabels(list(headers))
    widget.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    widget.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    widget.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    widget.setAlternatingRowColors(True)
    widget.verticalHeader().setVisible(False)
    widget.setWordWrap(False)
    header = widget.horizontalHeader()
    header.setMinimumSectionSize(widget.fontMetrics().horizontalAdvance("M") * 5)
    header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    header.setSectionResizeMode(stretch, QHeaderView.ResizeMode.Stretch)
    header.setDefaultAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
    header.setSortIndicator(-1, Qt.SortOrder.AscendingOrder)
    header.setSortIndicatorShown(True)
    widget.setSortingEnabled(True)
    return widget


def cell(text: str, row_id: str | None = None) -> QTableWidgetItem:
    item = SortingItem(text)
    if row_id is not None:
        item.setData(ID_ROLE, row_id)
    return item


def selected_id(widget: QTableWidget) -> str | None:
    """The id kept in the first column of the selected row, if a row is selected."""
    rows = widget.selectionModel().selectedRows()
    if not rows:
        return None
    item = widget.item(rows[0].row(), 0)
    value = item.data(ID_ROLE) if item is not None else None
    return str(value) if value else None


def select_id(widget: QTableWidget, row_id: str | None) -> None:
    for row in range(widget.rowCount()):
        item = widget.item(row, 0)
        if row_id is not None and item is not None and item.data(ID_ROLE) == row_id:
            widget.selectRow(row)
            return


def heading(text: str) -> QLabel:
    label = QLabel(text)
    font = label.font()
    font.setPointSizeF(font.pointSizeF() * 1.35)
    font.setBold(True)
    label.setFont(font)
    return label


def hint(text: str) -> QLabel:
    label = QLabel(text)
    label.setWordWrap(True)
    palette = label.palette()
    palette.setColor(QPalette.ColorRole.WindowText, quiet_colour(palette))
    label.setPalette(palette)
    return label


def quiet_colour(palette: QPalette) -> QColor:
    """Text a little softer than normal, still readable (in light and dark themes)."""
    text = palette.color(QPalette.ColorRole.WindowText)
    ground = palette.color(QPalette.ColorRole.Window)
    mix = 0.68
    return QColor.fromRgbF(
        text.redF() * mix + ground.redF() * (1 - mix),
        text.greenF() * mix + ground.greenF() * (1 - mix),
        text.blueF() * mix + ground.blueF() * (1 - mix),
    )


def action_button(
    owner: QWidget,
    text: str,
    keys: str,
    slot: Callable[[], None],
    tip: str = "",
    only_in: QWidget | None = None,
) -> QPushButton:
    """A button with a shortcut that works while `owner` (its page) is shown, or only while
    `only_in` has the focus (e.g. Delete in a list, never while typing in a search box)."""
    button = QPushButton(text)
    name = QKeySequence(keys).toString(QKeySequence.SequenceFormat.NativeText)
    button.setToolTip(f"{tip or text.rstrip('…')} ({name})")
    button.clicked.connect(slot)
    shortcut = QShortcut(QKeySequence(keys), only_in or owner)
    if only_in is not None:
        shortcut.setContext(Qt.ShortcutContext.WidgetShortcut)
    shortcut.activated.connect(lambda: button.click() if button.isEnabled() else None)
    return button


def scrolling(content: QWidget) -> QScrollArea:
    """`content` in a frameless area that scrolls up and down (for small or scaled screens)."""
    area = QScrollArea()
    area.setWidget(content)
    area.setWidgetResizable(True)
    area.setFrameShape(QFrame.Shape.NoFrame)
    area.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
    bar = area.verticalScrollBar().sizeHint().width()
    area.setMinimumWidth(content.minimumSizeHint().width() + bar)
    return area


def fit_to_screen(dialog: QDialog, area: QScrollArea) -> None:
    """Size the dialog to show all of a `scrolling` area's content, if the screen allows."""
    content = area.widget()
    if content is None:
        return
    needed = max(content.sizeHint().height(), content.minimumSizeHint().height())
    hidden = needed - area.sizeHint().height()
    wanted = dialog.sizeHint().height() + max(0, hidden)
    dialog.resize(dialog.sizeHint().width(), min(wanted, screen_room(dialog)))


def screen_room(widget: QWidget) -> int:
    """The height a window may take on the widget's screen."""
    return widget.screen().availableGeometry().height() * 9 // 10


class SavingDialog(QDialog):
    """A dialog whose Save runs in the background; a problem is shown inside the dialog,
    which stays open so the user can correct it."""

    def __init__(self, ctx: AppContext, parent: QWidget | None, title: str) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.setWindowTitle(title)
        self.problem = QLabel()
        self.problem.setWordWrap(True)
        self.problem.setStyleSheet(ERROR_STYLE)
        self.problem.hide()

    def _buttons(self, save_text: str) -> QDialogButtonBox:
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel, self)
        # The dialog's width comes from here: a minimum set on the dialog itself would also
        # let its height shrink below what the layout needs.
        buttons.setMinimumWidth(self.fontMetrics().horizontalAdvance("M") * 30)
        self.save_button: QPushButton = buttons.addButton(
            save_text, QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.save_button.setDefault(True)
        buttons.accepted.connect(self.submit)
        buttons.rejected.connect(self.reject)
        return buttons

    def submit(self) -> None:
        raise NotImplementedError

    def show_problem(self, text: str) -> None:
        self.problem.setText(text)
        self.problem.show()
        if self.isVisible():  # grow by the message's height, as far as the screen allows
            wanted = self.height() + self.problem.sizeHint().height() + 6
            self.resize(self.width(), min(wanted, max(self.height(), screen_room(self))))

    def _run(self, work: Callable[[Store, Progress], T], done: Callable[[T], None]) -> None:
        self.save_button.setEnabled(False)
        Op(self.ctx, work, self).success(lambda result: self._saved(result, done)).failure(
            self._failed
        ).run()

    def _saved(self, result: T, done: Callable[[T], None]) -> None:
        self.accept()
        done(result)

    def _failed(self, error: BaseException) -> None:
        self.save_button.setEnabled(True)
        self.show_problem(explain(error)[1])
