"""An error nobody caught in the window: a dialog saying what happened and where the log is,
the traceback in the log without any child's name, and the database as it was."""

from __future__ import annotations

import sys
import threading
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QWidget

from desktop.context import AppContext
from desktop.crash import CrashGuard
from desktop.tasks import Op
from desktop.window import MainWindow
from storage.database import Store
from storage.logfiles import REDACTOR, start_logging
from tests.conftest import SCHOOL
from tests.desktop.conftest import wait_idle


@pytest.fixture
def guard(ctx: AppContext, window: MainWindow, tmp_path: Path) -> Iterator[CrashGuard]:
    installed = CrashGuard(ctx, window, start_logging(ctx.data_dir))
    installed.install()
    yield installed
    installed.uninstall()
    REDACTOR.hide([])


def _add_zoya(in_store: Any) -> str:
    return str(
        in_store(lambda store: store.children.add({"name": "Zoya Qureshi", "grade": 3}, SCHOOL).id)
    )


def _logged(guard: CrashGuard) -> str:
    assert guard.log_file is not None
    return "".join(p.read_text(encoding="utf-8") for p in guard.log_file.parent.iterdir())


def _raise_in_the_window(qtbot: Any, dialogs: list[tuple[str, str]]) -> None:
    def fail() -> None:
        raise RuntimeError("could not lay out the sheet of Zoya Qureshi")

    QTimer.singleShot(0, fail)
    qtbot.waitUntil(lambda: bool(dialogs), timeout=10_000)


def test_an_unhandled_error_shows_what_happened_and_where_the_log_is(
    qtbot: Any, guard: CrashGuard, dialogs: list[tuple[str, str]]
) -> None:
    _raise_in_the_window(qtbot, dialogs)
    ((title, text),) = dialogs
    assert title == "Something went wrong"
    assert "RuntimeError" in text and str(guard.log_file) in text
    assert "Your data is safe" in text


def test_the_log_has_the_traceback_but_no_childs_name(
    qtbot: Any, ctx: AppContext, guard: CrashGuard, in_store: Any, dialogs: list[tuple[str, str]]
) -> None:
    _add_zoya(in_store)
    guard.names_changed()  # as after every write: the log learns the new name
    wait_idle(qtbot, ctx)
    _raise_in_the_window(qtbot, dialogs)
    written = _logged(guard)
    assert "Traceback" in written and "could not lay out the sheet of (a name)" in written
    assert "zoya" not in written.casefold() and "qureshi" not in written.casefold()


def test_an_error_in_the_middle_of_a_write_leaves_the_database_as_it_was(
    qtbot: Any, ctx: AppContext, guard: CrashGuard, in_store: Any, dialogs: list[tuple[str, str]]
) -> None:
    def half_done(store: Store, _progress: Any) -> None:
        with store.write():
            store.children.add({"name": "Ravi Kumar", "grade": 3}, SCHOOL)
            raise RuntimeError("stopped half way")

    parent = QWidget()
    qtbot.addWidget(parent)
    Op(ctx, half_done, parent).run()
    wait_idle(qtbot, ctx)
    ((title, text),) = dialogs
    assert title == "Something went wrong" and str(guard.log_file) in text
    counts = in_store(
        lambda store: [
            store.query("SELECT count(*) FROM children")[0][0],
            store.query("SELECT count(*) FROM guardian_consents")[0][0],
            store.query("SELECT count(*) FROM outbox")[0][0],
            store.query("PRAGMA integrity_check")[0][0],
        ]
    )
    assert counts == [0, 0, 0, "ok"]
    assert "stopped half way" in _logged(guard)


def test_closing_puts_the_previous_hooks_back(ctx: AppContext, window: MainWindow) -> None:
    before = (sys.excepthook, threading.excepthook)
    installed = CrashGuard(ctx, window, None)
    installed.install()
    assert sys.excepthook == installed.unhandled
    installed.uninstall()
    assert (sys.excepthook, threading.excepthook) == before
