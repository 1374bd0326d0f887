"""Choosing the sheet to grade: type the code printed on it, or find it in the list of every sheet
(the Worksheets library: the newest first, narrowed by the words typed)."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QModelIndex, Qt, QTimer, Signal
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
from storage.library import LibraryQuery, search
from storage.search_index import refresh_chapters

NO_SHEETS = (
    "No worksheets yet. Make one on the “Make worksheets” page, print it, and grade "
    "it here when the child hands it back."
)
SEARCH_DELAY_MS = 200
LIST_LIMIT = 200  # the newest shown at once; typing finds any other
COLUMNS = ("Child / class", "Worksheet", "Date", "Code", "Marked")


@dataclass(frozen=True)
class SheetListing:
    worksheet_id: str
    code: str
    title: str  # with the chapters when the title does not name them
    child_name: str  # the child and the class, "Asha Verma (3A)"
    date: str  # as printed on the sheet
    questions: int
    marked: int


@dataclass(frozen=True)
class SheetList:
    listings: list[SheetListing]
    total: int  # every sheet that matches
    words: str


def recent_sheets(store: Store, words: str = "", limit: int = LIST_LIMIT) -> SheetList:
    """The sheets that match the words (all when none), newest first, with how many questions
    are marked."""
    refresh_chapters(store, store.custom_content.syllabus())  # titles name the chapters
    found = search(store, LibraryQuery(text=words, limit=limit))
    listings = [
        SheetListing(
            worksheet_id=sheet.worksheet_id,
            code=sheet.code,
            title=sheet.what,
            child_name=sheet.who,
            date=sheet.sheet_date or sheet.made_at[:10],
            questions=sheet.questions,
            marked=sheet.marked,
        )
        for sheet in found.sheets
    ]
    return SheetList(listings, found.total, words)


class SheetPicker(QWidget):
    """Emits `open_requested` with a code or a worksheet id."""

    open_requested = Signal(str)
    search_changed = Signal(str)  # the words typed to find a sheet (after a short pause)

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
        hint = QLabel("Or find it below (Enter or double-click opens it):")
        hint.setWordWrap(True)
        layout.addWidget(hint)
        layout.addWidget(self._search_box())
        self.count = QLabel()
        self.count.setObjectName("count")
        layout.addWidget(self.count)
        self.table = self._table()
        layout.addWidget(self.table, 1)
        self.empty = QLabel(NO_SHEETS)
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

    def _search_box(self) -> QLineEdit:
        self.words = QLineEdit()
        self.words.setObjectName("search")
        self.words.setPlaceholderText("Search by child, class, chapter, date or code")
        self.words.setClearButtonEnabled(True)
        self._pause = QTimer(self)
        self._pause.setSingleShot(True)
        self._pause.setInterval(SEARCH_DELAY_MS)
        self._pause.timeout.connect(lambda: self.search_changed.emit(self.words.text()))
        self.words.textChanged.connect(lambda _text: self._pause.start())
        return self.words

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

    def show_listings(self, found: SheetList) -> None:
        if found.words != self.words.text():
            return  # typed on since: a newer answer is on its way
        listings = found.listings
        self.listings = listings
        shown = len(listings)
        self.count.setText(
            "" if shown == found.total else
            f"The newest {shown:,} of {found.total:,} worksheets: type to find the others."
        )  # fmt: skip
        self.count.setVisible(bool(self.count.text()))
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
        if found.words and not listings:
            self.empty.setText(f"No worksheet matches “{found.words}”.")
        elif not listings:
            self.empty.setText(NO_SHEETS)

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
