"""The progress dialog of background work never comes back over the box that reports its end."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QMessageBox, QProgressDialog, QWidget

from desktop.context import AppContext
from desktop.tasks import SHOW_PROGRESS_AFTER_MS, Op
from desktop.worker import Progress
from storage.database import Store
from storage.errors import InvalidInput
from tests.desktop.conftest import wait_idle


def visible_progress_dialogs() -> list[str]:
    return [
        w.labelText()
        for w in QApplication.topLevelWidgets()
        if isinstance(w, QProgressDialog) and w.isVisible()
    ]


def error_box_watching(seen: list[list[str]]) -> Callable[[BaseException], None]:
    """A modal box like the default error box, open for longer than the progress delay; it
    notes which progress dialogs are on screen just before it is closed."""

    def show(error: BaseException) -> None:
        box = QMessageBox(QMessageBox.Icon.Warning, "Please check", str(error))

        def look_and_close() -> None:
            seen.append(visible_progress_dialogs())
            box.done(0)

        QTimer.singleShot(SHOW_PROGRESS_AFTER_MS * 3, look_and_close)
        box.exec()

    return show


def parent_widget(qtbot: Any) -> QWidget:
    parent = QWidget()
    qtbot.addWidget(parent)
    parent.show()
    return parent


def test_a_quick_failure_leaves_no_progress_dialog_over_its_error_box(
    qtbot: Any, ctx: AppContext
) -> None:
    seen: list[list[str]] = []

    def work(_store: Store, _progress: Progress) -> None:
        raise InvalidInput("name: must not be empty")

    Op(ctx, work, parent_widget(qtbot)).with_progress("Making worksheets…").failure(
        error_box_watching(seen)
    ).run()
    qtbot.waitUntil(lambda: len(seen) == 1, timeout=30_000)
    assert seen == [[]]


def test_a_failure_after_progress_leaves_no_progress_dialog_over_its_error_box(
    qtbot: Any, ctx: AppContext
) -> None:
    seen: list[list[str]] = []

    def work(_store: Store, progress: Progress) -> None:
        progress.update(0.3, "Printing to PDF…")
        raise InvalidInput("the printer did not start")

    Op(ctx, work, parent_widget(qtbot)).with_progress("Printing…").failure(
        error_box_watching(seen)
    ).run()
    qtbot.waitUntil(lambda: len(seen) == 1, timeout=30_000)
    assert seen == [[]]


def test_a_quick_success_leaves_no_progress_dialog_behind(qtbot: Any, ctx: AppContext) -> None:
    seen: list[list[str]] = []

    def look_later(_result: int) -> None:
        QTimer.singleShot(
            SHOW_PROGRESS_AFTER_MS * 3, lambda: seen.append(visible_progress_dialogs())
        )

    Op(ctx, lambda _s, _p: 1, parent_widget(qtbot)).with_progress("Saving…").success(
        look_later
    ).run()
    qtbot.waitUntil(lambda: len(seen) == 1, timeout=30_000)
    wait_idle(qtbot, ctx)
    assert seen == [[]]
