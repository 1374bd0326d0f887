"""The main window: a list of pages on the left, the chosen page on the right."""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QSize, Qt
from PySide6.QtGui import QCloseEvent
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
from desktop.look import decorate, page_icon
from desktop.menus import MenuBar
from desktop.pages import Page
from desktop.pages.account import AccountPage
from desktop.pages.account_state import describe, short
from desktop.pages.builder import BuilderPage
from desktop.pages.children import ChildrenPage
from desktop.pages.classes import ClassesPage
from desktop.pages.grading import GradingPage
from desktop.pages.library import LibraryPage
from desktop.pages.pdf_files import save_folders
from desktop.pages.progress import ProgressPage
from desktop.pages.settings import SettingsPage
from desktop.pages.today import TodayPage
from desktop.pages.today_data import Practice
from desktop.pages.upgrade import UpgradePage
from desktop.roles import current_role, shows_page
from desktop.sync_control import SyncController
from desktop.tasks import Op
from desktop.window_place import place, remember
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
        place(self, ctx.data_dir)
        save_folders.keep_in(ctx.data_dir)
        self.nav = QListWidget()
        self.nav.setObjectName("navigation")
        self.nav.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.nav.setIconSize(QSize(20, 20))
        self.stack = QStackedWidget()
        self.pages: dict[type[Page], Page] = {}
        self.menus = MenuBar(self, self._open_settings)
        for number, page_type in enumerate(PAGES, start=1):
            self._add(page_type(ctx), number)
        self._fit_nav()
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
        self.role = "teacher"
        self.load_role()

    def _sync_indicator(self, sync: SyncController) -> None:
        """Always visible in the status bar: what sync is doing; a click opens the Account page."""
        self.sync_label = QPushButton(short(sync.status) if load_account(
            self.ctx.data_dir).user_id else "Not signed in")  # fmt: skip
        self.sync_label.setObjectName("sync-indicator")
        self.sync_label.setFlat(True)
        self.sync_label.clicked.connect(lambda: self.show_page(AccountPage))
        self.statusBar().addPermanentWidget(self.sync_label)
        sync.status_changed.connect(self._sync_status)
        # Bound slots, not lambdas: Qt drops them when the window is destroyed, and the
        # controller may still report from its thread after that.
        sync.data_changed.connect(self._sync_data_changed)

    def _sync_data_changed(self, _tables: object) -> None:
        self.refresh_current()

    def _sync_status(self, status: SyncStatus) -> None:
        self.sync_label.setText(short(status))
        self.sync_label.setToolTip(describe(status))
        if status.error is not None and not status.user_started:
            log.info("automatic sync: %s", status.message)

    def _add(self, page: Page, number: int) -> None:
        self.pages[type(page)] = page
        decorate(page)
        self.stack.addWidget(page)
        item = QListWidgetItem(page_icon(page.title), page.title)
        item.setToolTip(f"Ctrl+{number}")
        self.nav.addItem(item)
        self.menus.add_page(page.title, number, lambda: self.nav.setCurrentRow(number - 1))

    def _fit_nav(self) -> None:
        """As wide as the longest page title with its icon, at any display scaling."""
        metrics = self.nav.fontMetrics()
        titles = max(metrics.horizontalAdvance(page.title) for page in self.pages.values())
        # the icon, its gap, and the rows' padding and margins (resources/style/app.qss)
        self.nav.setFixedWidth(titles + self.nav.iconSize().width() + 4 * metrics.height())

    def _open_settings(self) -> None:
        self.show_page(SettingsPage)

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
        self.load_role()

    def load_role(self, then: Callable[[str], None] = lambda _role: None) -> None:
        """Read the role in use and show what it uses (a parent sees no Classes page)."""

        def loaded(role: str) -> None:
            self.apply_role(role)
            then(role)

        Op(self.ctx, lambda store, _p: current_role(store), self).quietly().success(loaded).run()

    def apply_role(self, role: str) -> None:
        self.role = role
        for row, page in enumerate(self.pages.values()):
            shown = shows_page(role, page.title)
            self.nav.setRowHidden(row, not shown)
            self.menus.pages.actions()[row].setVisible(shown)
            page.set_role(role)
        if self.nav.isRowHidden(self.nav.currentRow()):
            self.nav.setCurrentRow(0)

    def after_wizard(self) -> None:
        """Point a new user at their first step: a teacher adds a class, a parent a child."""
        self.load_role(self._first_step)

    def _first_step(self, role: str) -> None:
        if role == "parent":
            self.show_page(ChildrenPage)
            self.ctx.status("Next: add your child — press “Add child…” (Ctrl+N).")
        else:
            self.show_page(ClassesPage)
            self.ctx.status("Next: add your class — press “Add class…” (Ctrl+N).")

    def show_page(self, page_type: type[Page]) -> Page:
        page = self.pages[page_type]
        self.nav.setCurrentRow(self.stack.indexOf(page))
        return page

    def _show_row(self, row: int) -> None:
        self.stack.setCurrentIndex(row)
        self.menus.pages.actions()[row].setChecked(True)
        page = self.stack.currentWidget()
        if isinstance(page, Page):
            page.refresh()

    def closeEvent(self, event: QCloseEvent) -> None:
        """Every page may keep the window open (e.g. the Grade page, for marks not saved)."""
        if not all(page.may_leave() for page in self.pages.values()):
            event.ignore()
            return
        remember(self, self.ctx.data_dir)
        super().closeEvent(event)

    def _status(self, message: str) -> None:
        self.statusBar().showMessage(message, 8000)
