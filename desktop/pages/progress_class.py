"""A class at a glance: the child × skill heat map, and the skills most of the class finds hard."""

from __future__ import annotations

import textwrap
from dataclasses import dataclass
from datetime import date
from html import escape

from PySide6.QtCore import QModelIndex, Qt, Signal
from PySide6.QtGui import QColor, QResizeEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QLabel,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from curriculum.wording import count
from desktop.pages.people_widgets import SORT_ROLE, SortingItem
from desktop.pages.progress_levels import LEVELS, TEXT_COLOUR, fill, legend, level_word
from progress.dashboard import ClassDashboard, skill_title
from storage.database import Store

HEADER_WRAP = 16  # characters per line of a skill's column heading
FIRST_SKILL_COLUMN = 1  # column 0 holds the child's stars
CHILD_ROLE = Qt.ItemDataRole.UserRole + 2


@dataclass(frozen=True)
class ClassProgress:
    board: ClassDashboard
    skill_titles: dict[str, str]


def load_class(store: Store, name: str, today: date) -> ClassProgress:
    board = store.analytics.school_class(name, today)
    syllabus = store.custom_content.syllabus()
    tags = {*board.skills, *(s.skill_tag for s in board.struggling)}
    return ClassProgress(board, {tag: skill_title(syllabus, tag) for tag in tags})


def struggling_lines(data: ClassProgress) -> list[str]:
    return [
        f"{data.skill_titles.get(s.skill_tag, s.skill_tag)}: {s.struggling} of {s.attempted} "
        f"children still learning, {round(100 * s.accuracy)}% right"
        for s in data.board.struggling
    ]


def not_started(board: ClassDashboard) -> int:
    """Children of the class with no graded worksheet yet."""
    return sum(1 for child in board.children if child.worksheets_completed == 0)


class ClassProgressView(QWidget):
    """Emits `child_requested(child id)` when a child's row is opened (Enter or double-click)."""

    child_requested = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.data: ClassProgress | None = None
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.heading = QLabel()
        self.heading.setWordWrap(True)
        layout.addWidget(self.heading)
        self.hint = QLabel("Each cell is a child's level in a skill. Open a row to see that child.")
        self.hint.setWordWrap(True)
        self.hint.setStyleSheet("color: #5f6368")
        layout.addWidget(self.hint)
        layout.addWidget(legend())
        self.grid = self._grid()
        layout.addWidget(self.grid, 3)
        self.struggling = QLabel()
        self.struggling.setObjectName("struggling")
        self.struggling.setWordWrap(True)
        self.struggling.setTextFormat(Qt.TextFormat.RichText)
        self.struggling.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        layout.addWidget(self.struggling, 1)

    def _grid(self) -> QTableWidget:
        grid = QTableWidget()
        grid.setObjectName("heatmap")
        grid.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        grid.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        grid.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        grid.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        grid.horizontalHeader().setDefaultAlignment(Qt.AlignmentFlag.AlignCenter)
        rows = grid.verticalHeader()
        rows.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        rows.setMinimumSectionSize(round(grid.fontMetrics().height() * 1.8))
        grid.activated.connect(self._open_row)
        grid.horizontalHeader().setSortIndicator(-1, Qt.SortOrder.AscendingOrder)
        grid.horizontalHeader().setSortIndicatorShown(True)
        # Qt moves cells, not row headings, when it sorts: the names follow their rows here.
        grid.model().layoutChanged.connect(self._name_rows)
        return grid

    def show_progress(self, data: ClassProgress) -> None:
        self.data = data
        board = data.board
        count = len(board.children)
        self.heading.setText(
            f"<h2>{escape(board.name)}</h2>Class {board.grade} · {count} "
            f"{'child' if count == 1 else 'children'}"
        )
        self._fill_grid(data)
        self.grid.resizeRowsToContents()
        self._spread_columns()
        self.struggling.setText(self._struggling_html(data))

    def _spread_columns(self) -> None:
        """A few skills share the page's width; many keep their own width and scroll."""
        header = self.grid.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        needed = sum(header.sectionSize(c) for c in range(header.count()))
        room = self.grid.viewport().width()
        if header.count() > FIRST_SKILL_COLUMN and needed < room:
            for column in range(FIRST_SKILL_COLUMN, header.count()):
                header.setSectionResizeMode(column, QHeaderView.ResizeMode.Stretch)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        if self.data is not None:
            self._spread_columns()

    def _fill_grid(self, data: ClassProgress) -> None:
        board = data.board
        grid = self.grid
        grid.setSortingEnabled(False)
        grid.clear()
        grid.setRowCount(len(board.children))
        grid.setColumnCount(FIRST_SKILL_COLUMN + len(board.skills))
        grid.setHorizontalHeaderItem(0, QTableWidgetItem("★ Stars"))
        for column, tag in enumerate(board.skills, start=FIRST_SKILL_COLUMN):
            title = data.skill_titles.get(tag, tag)
            header = QTableWidgetItem(textwrap.fill(title, HEADER_WRAP))
            header.setToolTip(title)
            grid.setHorizontalHeaderItem(column, header)
        for row, child in enumerate(board.children):
            name = QTableWidgetItem(child.name)
            name.setToolTip(
                f"{child.name}: {count(child.total_stars, 'star', 'stars')}, streak "
                f"{count(child.current_streak, 'day', 'days')}, "
                f"{count(child.worksheets_completed, 'worksheet', 'worksheets')} done"
            )
            grid.setVerticalHeaderItem(row, name)
            stars = SortingItem(str(child.total_stars))
            stars.setData(SORT_ROLE, child.total_stars)
            stars.setData(CHILD_ROLE, child.child_id)
            stars.setTextAlignment(Qt.AlignmentFlag.AlignCenter)
            grid.setItem(row, 0, stars)
            levels = board.grid.get(child.child_id, {})
            for column, tag in enumerate(board.skills, start=FIRST_SKILL_COLUMN):
                grid.setItem(row, column, self._cell(child.name, data, tag, levels.get(tag)))
        grid.setSortingEnabled(True)
        self._name_rows()

    def _name_rows(self) -> None:
        """Each row's heading is the name of the child whose cells it holds."""
        if self.data is None:
            return
        names = {c.child_id: c.name for c in self.data.board.children}
        for row in range(self.grid.rowCount()):
            stars = self.grid.item(row, 0)
            child_id = str(stars.data(CHILD_ROLE)) if stars is not None else ""
            heading = self.grid.verticalHeaderItem(row)
            if heading is not None and child_id in names:
                heading.setText(names[child_id])

    def _cell(
        self, name: str, data: ClassProgress, tag: str, level: str | None
    ) -> QTableWidgetItem:
        level = level or "unknown"
        item = SortingItem(level_word(level))
        item.setData(SORT_ROLE, LEVELS.index(level) if level in LEVELS else 0)
        item.setBackground(fill(level))
        item.setForeground(QColor(TEXT_COLOUR))
        item.setTextAlignment(Qt.AlignmentFlag.AlignCenter)
        item.setToolTip(f"{name} — {data.skill_titles.get(tag, tag)}: {level_word(level)}")
        item.setData(Qt.ItemDataRole.UserRole, level)
        return item

    def _struggling_html(self, data: ClassProgress) -> str:
        if not data.board.skills:
            return "No answers graded yet for this class. Grade their worksheets on the Grade page."
        lines = struggling_lines(data)
        waiting = not_started(data.board)
        if waiting * 2 > len(data.board.children):
            return (
                f"<b>Most of the class has not started:</b> {waiting} of "
                f"{len(data.board.children)} children have no graded worksheet yet."
            )
        if not lines:
            return "<b>Most of the class is doing well:</b> no skill has many children stuck."
        items = "".join(f"<li>{escape(line)}</li>" for line in lines)
        return f"<b>Most of the class finds these hard:</b><ul>{items}</ul>"

    def _open_row(self, index: QModelIndex) -> None:
        stars = self.grid.item(index.row(), 0)
        if stars is not None and stars.data(CHILD_ROLE):
            self.child_requested.emit(str(stars.data(CHILD_ROLE)))
