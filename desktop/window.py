"""The main window: a list of pages on the left, the chosen page on the right."""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING

from PySide6.QtGui import QCloseEvent, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QHBoxLayout,
    QListWidget,
    QListWidgetItem,
    QMainWindow,
    QPushButton,
    QStackedWidget,
    QWidget,
)

from desktop.context import AppContext
from desktop.pages import Page
from desktop.pages.account import AccountPage
from desktop.pages.account_state import describe, short
from desktop.pages.builder import BuilderPage
from desktop.pages.children import ChildrenPage
from desktop.pages.classes import ClassesPage
from desktop.pages.grading import GradingPage
from desktop.pages.library import LibraryPage
from desktop.pages.progress import ProgressPage
from desktop.pages.settings import SettingsPage
from desktop.pages.today import TodayPage
from desktop.pages.today_data import Practice
from desktop.pages.upgrade import UpgradePage
from desktop.sync_control import SyncController
from sync.settings import load_account

if TYPE_CHECKING:
    from sync.scheduler import SyncStatus

log = logging.getLogger("practicecraft.desktop")

PAGES: tuple[type[Page], ...] = (
    TodayPage,  # the window opens on it
    BuilderPage,
    GradingPage,
    LibraryPage,
    ProgressPage,
    ChildrenPage,
    ClassesPage,
    SettingsPage,
    AccountPage,
    UpgradePage,
)


class MainWindow(QMainWindow):
    def __init__(self, ctx: AppContext) -> None:
        super().__init__()
        self.ctx = ctx
        ctx.status = self._status
        self.wizard: QWidget | None = None
        self.first_paint: object | None = None
        self.setWindowTitle("PracticeCraft")
        self.resize(1180, 760)
        self.nav = QListWidget()
        self.nav.setObjectName("navigation")
        self.nav.setFixedWidth(190)
        self.stack = QStackedWidget()
        self.pages: dict[type[Page], Page] = {}
        for number, page_type in enumerate(PAGES, start=1):
            self._add(page_type(ctx), number)
        body = QWidget()
        layout = QHBoxLayout(body)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(self.nav)
        layout.addWidget(self.stack, 1)
        self.setCentralWidget(body)
        self.nav.currentRowChanged.connect(self._show_row)
        self._connect_library()
        self._connect_today()
        self.nav.setCurrentRow(0)
        ctx.open_upgrade = self._open_upgrade
        self.statusBar().showMessage("Ready. Everything is kept on this computer.")
        if ctx.sync is not None:
            self._sync_indicator(ctx.sync)

    def _sync_indicator(self, sync: SyncController) -> None:
        """Always visible in the status bar: what sync is doing; a click opens the Account page."""
        self.sync_label = QPushButton(short(sync.status) if load_account(
            self.ctx.data_dir).user_id else "Not signed in")  # fmt: skip
        self.sync_label.setObjectName("sync-indicator")
        self.sync_label.setFlat(True)
        self.sync_label.clicked.connect(lambda: self.show_page(AccountPage))
        self.statusBar().addPermanentWidget(self.sync_label)
        sync.status_changed.connect(self._sync_status)
        sync.data_changed.connect(lambda _tables: self.refresh_current())

    def _sync_status(self, status: SyncStatus) -> None:
        self.sync_label.setText(short(status))
        self.sync_label.setToolTip(describe(status))
        if status.error is not None and not status.user_started:
            log.info("automatic sync: %s", status.message)

    def _add(self, page: Page, number: int) -> None:
        self.pages[type(page)] = page
        self.stack.addWidget(page)
        item = QListWidgetItem(page.title)
        item.setToolTip(f"Ctrl+{number}")
        self.nav.addItem(item)
        shortcut = QShortcut(QKeySequence(f"Ctrl+{number}"), self)
        shortcut.activated.connect(lambda row=number - 1: self.nav.setCurrentRow(row))

    def _connect_library(self) -> None:
        """The Worksheets page hands a sheet to the Grade page."""
        library = self.pages[LibraryPage]
        assert isinstance(library, LibraryPage)
        library.grade_requested.connect(self.open_for_grading)

    def _connect_today(self) -> None:
        """Each line of the Today page opens the page that does what it says."""
        today = self.pages[TodayPage]
        assert isinstance(today, TodayPage)
        by_name = {page_type.__name__: page_type for page_type in PAGES}
        today.grade_requested.connect(self.open_for_grading)
        today.practice_requested.connect(self._practise)
        today.page_requested.connect(lambda name: self.show_page(by_name[name]))

    def open_for_grading(self, worksheet_id: str) -> None:
        grading = self.show_page(GradingPage)
        assert isinstance(grading, GradingPage)
        grading.open(worksheet_id)

    def _practise(self, practice: Practice) -> None:
        builder = self.show_page(BuilderPage)
        assert isinstance(builder, BuilderPage)
        builder.prepare(practice)

    def _open_upgrade(self) -> None:
        self.show_page(UpgradePage)

    def refresh_current(self) -> None:
        page = self.stack.currentWidget()
        if isinstance(page, Page):
            page.refresh()

    def show_page(self, page_type: type[Page]) -> Page:
        page = self.pages[page_type]
        self.nav.setCurrentRow(self.stack.indexOf(page))
        return page

    def _show_row(self, row: int) -> None:
        self.stack.setCurrentIndex(row)
        page = self.stack.currentWidget()
        if isinstance(page, Page):
            page.refresh()

    def closeEvent(self, event: QCloseEvent) -> None:
        """Every page may keep the window open (e.g. the Grade page, for marks not saved)."""
        if all(page.may_leave() for page in self.pages.values()):
            event.accept()
        else:
            event.ignore()

    def _status(self, message: str) -> None:
        self.statusBar().showMessage(message, 8000)
