"""The "Today" page the window opens on: what to do next, each line one click from doing it.

Sheets waiting to be graded (marks typed but not saved first), children or classes due for
practice (review dates, stuck skills, no practice for a while — a teacher sees classes first),
the last backup, and sync. The page holds no data of its own: `load_today` gathers it on the
database thread each time the page is shown; the window follows the page's signals.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QFrame, QLabel, QScrollArea, QVBoxLayout, QWidget

from desktop.context import AppContext
from desktop.pages import Page
from desktop.pages.account_state import describe
from desktop.pages.today_data import Practice, TodayData, load_today
from desktop.pages.today_lines import (
    Section,
    backup_line,
    child_line,
    class_line,
    plural,
    unsaved_line,
    waiting_line,
)
from desktop.tasks import Op
from progress.attempts import school_today
from sync.errors import NotConnected
from sync.settings import load_account

MAX_LINES = 6  # per list; the rest are one click away on their own page
READABLE_CHARS = 160

if TYPE_CHECKING:
    from sync.scheduler import SyncStatus


class TodayPage(Page):
    title = "Today"
    grade_requested = Signal(str)  # a worksheet id: open it on the Grade page
    practice_requested = Signal(object)  # Practice: open the builder with it chosen
    page_requested = Signal(str)  # a page's class name, e.g. "SettingsPage"

    def __init__(self, ctx: AppContext) -> None:
        super().__init__(ctx)
        self.data: TodayData | None = None
        self.heading = QLabel(f"<h2>{self.title}</h2>")
        self.grading = Section("Waiting to be graded", "today-grading")
        self.practice = Section("Due for practice", "today-practice")
        self.backup = Section("Backup", "today-backup")
        self.sync = Section("Sync", "today-sync")
        body = QWidget()
        column = QVBoxLayout(body)
        column.addWidget(self.heading)
        for section in (self.grading, self.practice, self.backup, self.sync):
            column.addWidget(section)
        column.addStretch(1)
        # Lines no wider than a page of text: on a wide screen the buttons stay by their words.
        body.setMaximumWidth(body.fontMetrics().averageCharWidth() * READABLE_CHARS)
        area = QScrollArea()
        area.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
        area.setWidget(body)
        area.setWidgetResizable(True)
        area.setFrameShape(QFrame.Shape.NoFrame)
        area.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addWidget(area)
        if ctx.sync is not None:
            # A bound slot, not a lambda: Qt drops the connection when this page is destroyed,
            # and the controller (which outlives the window) may still report afterwards.
            ctx.sync.status_changed.connect(self._on_sync_status)

    def refresh(self) -> None:
        today = school_today()
        Op(self.ctx, lambda store, _p: load_today(store, today), self).quietly().success(
            self.show_data
        ).run()
        self.show_sync()

    def show_data(self, data: TodayData) -> None:
        self.data = data
        self.heading.setText(
            f"<h2>{self.title}</h2>{data.today:%A} {data.today.day} {data.today:%B %Y}"
        )
        self._show_grading(data)
        self._show_practice(data)
        self._show_backup(data.last_backup)

    # --- the lists ---------------------------------------------------------------------------

    def _show_grading(self, data: TodayData) -> None:
        section = self.grading
        section.clear()
        for marks in data.unsaved[:MAX_LINES]:
            section.add(
                unsaved_line(marks),
                ("Finish grading", self._grade(marks.worksheet_id)),
                warning=True,
            )
        room = max(MAX_LINES - len(section.lines), 0)
        for group in data.waiting[:room]:
            section.add(waiting_line(group), ("Grade", self._grade(group.first.worksheet_id)))
        hidden = len(data.unsaved) + len(data.waiting) - len(section.lines)
        if hidden > 0:
            section.add(
                f"… and {plural(hidden, 'more')} on the Grade page.",
                ("Open Grade", self._go("GradingPage")),
            )
        if section.lines:
            return
        if not data.counts.get("sheets"):
            section.add(
                "No worksheets yet. Make one, print it, and it waits here until its "
                "marks are saved.",
                ("Make your first worksheet", self._go("BuilderPage")),
            )
        else:
            section.add(
                "Nothing is waiting to be graded. Printed sheets wait here until their "
                "marks are saved."
            )

    def _show_practice(self, data: TodayData) -> None:
        section = self.practice
        section.clear()
        for due in data.classes[:MAX_LINES]:
            section.add(
                class_line(due, data.today), ("Make a class set", self._practise(due.practice()))
            )
        room = max(MAX_LINES - len(section.lines), 0)
        for child in data.children[:room]:
            section.add(
                child_line(child, data.today),
                ("Make a worksheet", self._practise(child.practice())),
            )
        hidden = len(data.classes) + len(data.children) - len(section.lines)
        if hidden > 0:
            section.add(
                f"… and {plural(hidden, 'more')} on the Progress page.",
                ("Open Progress", self._go("ProgressPage")),
            )
        if not section.lines:
            self._nothing_due(data)

    def _nothing_due(self, data: TodayData) -> None:
        if not data.counts.get("children"):
            if data.teacher:
                self.practice.add(
                    "No children yet. Add your class and import its list of children.",
                    ("Add your class", self._go("ClassesPage")),
                )
            else:
                self.practice.add(
                    "No children yet. Add your child to make their first worksheet.",
                    ("Add your first child", self._go("ChildrenPage")),
                )
            return
        self.practice.add(
            "Everyone is up to date: no reviews due, no one stuck, and everyone "
            "practised this week."
        )

    def _show_backup(self, made: datetime | None) -> None:
        self.backup.clear()
        text, warning = backup_line(made, datetime.now())
        self.backup.add(
            text,
            ("Back up now", self.back_up),
            ("Backups…", self._go("SettingsPage")),
            warning=warning,
        )

    def _on_sync_status(self, _status: object) -> None:
        self.show_sync()

    def show_sync(self) -> None:
        self.sync.clear()
        try:
            signed_in = bool(load_account(self.ctx.data_dir).user_id)
        except NotConnected:
            self.sync.add(
                "Sync is off: this computer's account settings could not be read. "
                "Connect again on the Account & sync page.",
                ("Account & sync…", self._go("AccountPage")),
                warning=True,
            )
            return
        if not signed_in:
            self.sync.add(
                "Sync is off: everything is kept on this computer only. Sign in to "
                "keep a copy online and use it on another computer too.",
                ("Sign in…", self._go("AccountPage")),
            )
            return
        status: SyncStatus | None = self.ctx.sync.status if self.ctx.sync else None
        trouble = status is not None and status.state.name not in ("IDLE", "SYNCING")
        self.sync.add(
            describe(status), ("Account & sync…", self._go("AccountPage")), warning=trouble
        )

    # --- the clicks --------------------------------------------------------------------------

    def _grade(self, worksheet_id: str) -> Callable[[], None]:
        return lambda: self.grade_requested.emit(worksheet_id)

    def _practise(self, practice: Practice) -> Callable[[], None]:
        return lambda: self.practice_requested.emit(practice)

    def _go(self, page: str) -> Callable[[], None]:
        return lambda: self.page_requested.emit(page)

    def back_up(self) -> None:
        Op(self.ctx, lambda store, _p: store.backup(), self).with_progress(
            "Making a backup…"
        ).success(self._backed_up).run()

    def _backed_up(self, path: Path) -> None:
        self.ctx.status(f"Backup made: {path.name}")
        self._show_backup(datetime.fromtimestamp(path.stat().st_mtime))
