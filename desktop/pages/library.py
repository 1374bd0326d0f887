"""The Worksheets page: every sheet ever made, found in seconds, printed again, graded, or deleted.

The list is the store's library (`storage/library.py`): words match the child, class, code,
subject, chapters and date; the state and date filters narrow it. Printing again renders the
saved snapshot (the same sheet as before) and sends it to the printer chosen; deleting is
offered only for sheets never printed nor graded.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

from PySide6.QtCore import QModelIndex, Qt, QTimer, Signal
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
)

from desktop.context import AppContext
from desktop.pages import Page
from desktop.pages.library_print import PrintChoice, print_again
from desktop.pages.printing import printer_for
from desktop.tasks import Op
from desktop.worker import Progress
from storage.database import Store
from storage.library import Found, LibraryQuery, LibrarySheet, SheetState, search
from storage.repositories.worksheets import Deleted
from storage.search_index import refresh_chapters

PAGE_ROWS = 200  # rows shown at once; words narrow the rest
COLUMNS = ("Child / class", "Worksheet", "Date", "Code", "State", "Marked")
STATE_CHOICES: tuple[tuple[str, SheetState | None], ...] = (
    ("Any state", None),
    ("Not printed", "not printed"),
    ("Printed, not graded", "printed"),
    ("Graded", "graded"),
)
SINCE_CHOICES: tuple[tuple[str, int | None], ...] = (
    ("Any time", None),
    ("Last 7 days", 7),
    ("Last 30 days", 30),
    ("Last 12 months", 365),
)
SEARCH_DELAY_MS = 200


@dataclass(frozen=True)
class Listing:
    found: Found
    query: LibraryQuery


def load(store: Store, query: LibraryQuery) -> Listing:
    refresh_chapters(store, store.custom_content.syllabus())
    return Listing(search(store, query), query)


class LibraryPage(Page):
    title = "Worksheets"
    grade_requested = Signal(str)  # a worksheet id: open it on the Grade page

    def __init__(self, ctx: AppContext) -> None:
        super().__init__(ctx)
        self.sheets: list[LibrarySheet] = []
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(SEARCH_DELAY_MS)
        self._timer.timeout.connect(self.refresh)
        self._print_dialog: tuple[QPrintDialog, QPrinter] | None = None
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel("<h2>Worksheets</h2>"))
        layout.addLayout(self._filters())
        self.count = QLabel()
        self.count.setObjectName("count")
        layout.addWidget(self.count)
        self.table = self._table()
        layout.addWidget(self.table, 1)
        self.empty = QLabel()
        self.empty.setWordWrap(True)
        self.empty.hide()
        layout.addWidget(self.empty)
        layout.addLayout(self._actions())
        self._update_actions()

    def _filters(self) -> QHBoxLayout:
        row = QHBoxLayout()
        self.words = QLineEdit()
        self.words.setObjectName("search")
        self.words.setPlaceholderText(
            "Search by child, class, code, subject, chapter or date (e.g. “asha fractions”)"
        )
        self.words.setClearButtonEnabled(True)
        self.words.textChanged.connect(lambda _text: self._timer.start())
        self.state = QComboBox()
        self.state.setObjectName("state")
        self.since = QComboBox()
        self.since.setObjectName("since")
        for combo, choices in ((self.state, STATE_CHOICES), (self.since, SINCE_CHOICES)):
            for label, value in choices:
                combo.addItem(label, value)
            combo.currentIndexChanged.connect(lambda _index: self.refresh())
        row.addWidget(self.words, 1)
        row.addWidget(self.state)
        row.addWidget(self.since)
        return row

    def _table(self) -> QTableWidget:
        table = QTableWidget(0, len(COLUMNS))
        table.setObjectName("sheets")
        table.setHorizontalHeaderLabels(COLUMNS)
        table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        table.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        table.verticalHeader().hide()
        table.setAlternatingRowColors(True)
        header = table.horizontalHeader()
        header.setSortIndicator(-1, Qt.SortOrder.AscendingOrder)  # newest first until a click
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        table.activated.connect(self._open_row)
        table.itemSelectionChanged.connect(self._update_actions)
        return table

    def _actions(self) -> QHBoxLayout:
        row = QHBoxLayout()
        self.print_button = QPushButton("&Print worksheets…")
        self.print_button.setToolTip("Print the chosen worksheets again, exactly as before")
        self.key_button = QPushButton("Print answer &key…")
        self.grade_button = QPushButton("&Open for grading")
        self.grade_button.setToolTip("Enter or double-click also opens a worksheet")
        self.delete_button = QPushButton("&Delete…")
        self.delete_button.setToolTip("Only worksheets never printed nor graded can be deleted")
        self.print_button.clicked.connect(lambda: self.choose_printer("sheets"))
        self.key_button.clicked.connect(lambda: self.choose_printer("key"))
        self.grade_button.clicked.connect(self.open_for_grading)
        self.delete_button.clicked.connect(self.delete_chosen)
        row.addWidget(self.print_button)
        row.addWidget(self.key_button)
        row.addWidget(self.grade_button)
        row.addStretch(1)
        row.addWidget(self.delete_button)
        return row

    # --- finding ------------------------------------------------------------------------------

    def query(self) -> LibraryQuery:
        days = self.since.currentData()
        return LibraryQuery(
            text=self.words.text(),
            state=self.state.currentData(),
            since=date.today() - timedelta(days=days) if days else None,
            limit=PAGE_ROWS,
        )

    def refresh(self) -> None:
        self._timer.stop()
        query = self.query()
        Op(self.ctx, lambda store, _: load(store, query), self).quietly().success(
            self.show_listing
        ).run()

    def show_listing(self, listing: Listing) -> None:
        if listing.query != self.query():
            return  # the user typed on since: a newer answer is on its way
        self.sheets = listing.found.sheets
        self.table.setSortingEnabled(False)
        self.table.clearContents()
        self.table.setRowCount(len(self.sheets))
        for row, sheet in enumerate(self.sheets):
            for column, text in enumerate(_cells(sheet)):
                # the Date column sorts by when the sheet was made, not by its words
                item = SortedItem(text, sheet.made_at if column == 2 else text)
                item.setData(Qt.ItemDataRole.UserRole, row)
                self.table.setItem(row, column, item)
        self.table.setSortingEnabled(True)  # a click on a header sorts; newest first until then
        self._show_count(listing)
        self._update_actions()

    def _show_count(self, listing: Listing) -> None:
        shown, total = len(listing.found.sheets), listing.found.total
        narrowed = listing.query.text.strip() or listing.query.state or listing.query.since
        if total == 0:
            self.empty.setText(
                "No worksheet matches. Try fewer words, or “Any state” and “Any time”."
                if narrowed
                else "No worksheets yet. Make some on the “Make worksheets” page; every sheet "
                "you make is kept here, to print again or grade."
            )
        self.empty.setVisible(total == 0)
        self.table.setVisible(total > 0)
        noun = "worksheet" if total == 1 else "worksheets"
        self.count.setText(
            f"{total:,} {noun}"
            if shown == total
            else f"The newest {shown:,} of {total:,} worksheets: type a name, class or code "
            "to find the others"
        )

    def chosen(self) -> list[LibrarySheet]:
        picked = (self._sheet_row(i.row()) for i in self.table.selectionModel().selectedRows())
        return [self.sheets[r] for r in sorted({r for r in picked if r is not None})]

    def _sheet_row(self, table_row: int) -> int | None:
        item = self.table.item(table_row, 0)
        return None if item is None else int(item.data(Qt.ItemDataRole.UserRole))

    def _update_actions(self) -> None:
        chosen = self.chosen()
        for button in (self.print_button, self.key_button):
            button.setEnabled(bool(chosen))
        self.grade_button.setEnabled(len(chosen) == 1)
        self.delete_button.setEnabled(bool(chosen) and all(s.deletable for s in chosen))

    # --- acting on the chosen sheets ------------------------------------------------------------

    def _open_row(self, index: QModelIndex) -> None:
        row = self._sheet_row(index.row())
        if row is not None:
            self.grade_requested.emit(self.sheets[row].worksheet_id)

    def open_for_grading(self) -> None:
        chosen = self.chosen()
        if len(chosen) == 1:
            self.grade_requested.emit(chosen[0].worksheet_id)

    def choose_printer(self, what: PrintChoice) -> None:
        chosen = self.chosen()
        if not chosen:
            return
        printer = printer_for("A4", _job_title(chosen, what))
        dialog = QPrintDialog(printer, self)
        dialog.setWindowTitle(_job_title(chosen, what))
        dialog.finished.connect(
            lambda result: (
                self.print_to(printer, what) if result == QDialog.DialogCode.Accepted else None
            )
        )
        self._print_dialog = (dialog, printer)  # kept alive while it is open
        dialog.setWindowModality(Qt.WindowModality.WindowModal)
        dialog.show()

    def print_to(self, printer: QPrinter, what: PrintChoice) -> None:
        """Print the chosen sheets (or their answer key) again, in the background."""
        ids = [s.worksheet_id for s in self.chosen()]
        folder = self.ctx.data_dir / "previews"

        def work(store: Store, progress: Progress) -> int:
            return print_again(store, ids, what, printer, folder, progress)

        Op(self.ctx, work, self).with_progress("Printing…").success(self._printed).run()

    def _printed(self, pages: int) -> None:
        self.ctx.status(f"Sent {pages} page{'s' if pages != 1 else ''} to the printer.")
        self.refresh()

    def delete_chosen(self) -> None:
        chosen = [s for s in self.chosen() if s.deletable]
        if not chosen or not self._confirm_delete(chosen):
            return
        ids = [s.worksheet_id for s in chosen]
        Op(self.ctx, lambda store, _: store.worksheets.delete_unused(ids), self).success(
            self._deleted
        ).run()

    def _confirm_delete(self, chosen: list[LibrarySheet]) -> bool:
        many = len(chosen) > 1
        what = f"these {len(chosen)} worksheets" if many else f"worksheet {chosen[0].code}"
        answer = QMessageBox.question(
            self,
            "Delete worksheets" if many else "Delete worksheet",
            f"Delete {what}? They were never printed nor graded. Worksheets not yet synced "
            "also stop counting against this month's free worksheets.",
        )
        return answer == QMessageBox.StandardButton.Yes

    def _deleted(self, deleted: Deleted) -> None:
        noun = "worksheet" if deleted.count == 1 else "worksheets"
        self.ctx.status(f"Deleted {deleted.count} {noun}.")
        self.refresh()


class SortedItem(QTableWidgetItem):
    """A cell that sorts by its key rather than by its text."""

    def __init__(self, text: str, key: str) -> None:
        super().__init__(text)
        self.key = key

    def __lt__(self, other: QTableWidgetItem) -> bool:
        if isinstance(other, SortedItem):
            return self.key.casefold() < other.key.casefold()
        return super().__lt__(other)


def _cells(sheet: LibrarySheet) -> tuple[str, ...]:
    marked = f"{sheet.marked} of {sheet.questions}" if sheet.marked else "—"
    state = {"not printed": "Not printed", "printed": "Printed", "graded": "Graded"}[sheet.state]
    return (
        sheet.who,
        sheet.what,
        sheet.sheet_date or sheet.made_at[:10],
        sheet.code,
        state,
        marked,
    )


def _job_title(chosen: list[LibrarySheet], what: PrintChoice) -> str:
    thing = "answer key" if what == "key" else "worksheet"
    count = f"{len(chosen)} {thing}s" if len(chosen) > 1 else thing
    if what == "key" and len(chosen) > 1:
        count = f"answer keys of {len(chosen)} worksheets"
    return f"Print {count} — {chosen[0].who or chosen[0].code}"
