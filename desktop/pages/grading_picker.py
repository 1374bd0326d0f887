"""Choosing the sheet to grade: type the code printed on it, or pick it from the recent ones."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QModelIndex, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from storage.database import Store

RECENT_LIMIT = 60
COLUMNS = ("Child", "Worksheet", "Date", "Code", "Marked")


@dataclass(frozen=True)
class SheetListing:
    worksheet_id: str
    code: str
    title: str
    child_name: str
    date: str  # as printed on the sheet
    questions: int
    marked: int


def recent_sheets(store: Store, limit: int = RECENT_LIMIT) -> list[SheetListing]:
    """The newest sheets made for a child, newest first, with how many questions are marked."""
    names = {child.id: child.name for child in store.children.all()}
    sheets = store.worksheets.recent(limit)
    marked = store.attempts.questions_marked([sheet.id or "" for sheet in sheets])
    listings = [
        SheetListing(
            worksheet_id=sheet.id or "",
            code=sheet.code,
            title=sheet.title,
            child_name=names.get(sheet.child_id, ""),
            date=str(sheet.settings.get("date", "")),
            questions=len(sheet.questions),
            marked=marked.get(sheet.id or "", 0),
        )
        for sheet in sheets
    ]
    return listings


class SheetPicker(QWidget):
    """Emits `open_requested` with a code or a worksheet id."""

    open_requested = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.listings: list[SheetListing] = []
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel("<h2>Grade a worksheet</h2>"))
        layout.addLayout(self._code_row())
        self.problem = QLabel()
        self.problem.setObjectName("problem")
        self.problem.setWordWrap(True)
        self.problem.setStyleSheet("color: #b91c1c")
        self.problem.hide()
        layout.addWidget(self.problem)
        hint = QLabel(
            "Or choose one of the recent worksheets below (Enter or double-click opens it)."
        )
        hint.setWordWrap(True)
        layout.addWidget(hint)
        self.table = self._table()
        layout.addWidget(self.table, 1)
        self.empty = QLabel(
            "No worksheets yet. Make one on the “Make worksheets” page, print it, and grade "
            "it here when the child hands it back."
        )
        self.empty.setWordWrap(True)
        self.empty.hide()
        layout.addWidget(self.empty)

    def _code_row(self) -> QHBoxLayout:
        row = QHBoxLayout()
        label = QLabel("&Code on the sheet:")
        self.code = QLineEdit()
        self.code.setObjectName("code")
        self.code.setPlaceholderText("the short code printed at the top, e.g. K7QM4T")
        self.code.setClearButtonEnabled(True)
        label.setBuddy(self.code)
        self.code.returnPressed.connect(self._open_code)
        button = QPushButton("Open")
        button.clicked.connect(self._open_code)
        row.addWidget(label)
        row.addWidget(self.code, 1)
        row.addWidget(button)
        return row

    def _table(self) -> QTableWidget:
        table = QTableWidget(0, len(COLUMNS))
        table.setObjectName("recent")
        table.setHorizontalHeaderLabels(COLUMNS)
        table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        table.verticalHeader().hide()
        table.setAlternatingRowColors(True)
        header = table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        table.activated.connect(self._open_row)
        return table

    def show_listings(self, listings: list[SheetListing]) -> None:
        self.listings = listings
        self.table.setRowCount(len(listings))
        for row, sheet in enumerate(listings):
            marked = "—" if not sheet.marked else f"{sheet.marked} of {sheet.questions}"
            cells = (sheet.child_name, sheet.title, sheet.date, sheet.code, marked)
            for column, text in enumerate(cells):
                item = QTableWidgetItem(text)
                if column == 4:
                    item.setTextAlignment(Qt.AlignmentFlag.AlignCenter)
                self.table.setItem(row, column, item)
        self.table.setVisible(bool(listings))
        self.empty.setVisible(not listings)

    def show_problem(self, text: str) -> None:
        self.problem.setText(text)
        self.problem.setVisible(bool(text))

    def _open_code(self) -> None:
        code = self.code.text().strip()
        if code:
            self.open_requested.emit(code)

    def _open_row(self, index: QModelIndex) -> None:
        if 0 <= index.row() < len(self.listings):
            self.open_requested.emit(self.listings[index.row()].worksheet_id)
