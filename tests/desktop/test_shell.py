"""The window shell, the database worker and background operations."""

from __future__ import annotations

import threading
from typing import Any

import pytest
from PySide6.QtCore import Qt

from desktop.context import AppContext
from desktop.pages.account import AccountPage
from desktop.pages.upgrade import UpgradePage
from desktop.tasks import Op
from desktop.window import PAGES, MainWindow
from desktop.worker import Progress
from storage.database import Store
from storage.errors import InvalidInput
from tests.desktop.conftest import wait_idle


def test_every_page_is_listed_and_reachable_from_the_sidebar(
    qtbot: Any, window: MainWindow
) -> None:
    assert window.nav.count() == len(PAGES)
    for row in range(len(PAGES)):
        window.nav.setCurrentRow(row)
        assert window.stack.currentIndex() == row


def test_pressing_ctrl_and_a_number_switches_to_that_page(qtbot: Any, window: MainWindow) -> None:
    window.show()
    qtbot.waitExposed(window)
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    numbers = range(min(len(PAGES), 9), 0, -1)  # backwards: each press must move the page
    for number in numbers:
        qtbot.keyClick(
            window, Qt.Key(Qt.Key.Key_0.value + number), Qt.KeyboardModifier.ControlModifier
        )
        assert window.stack.currentIndex() == number - 1, f"Ctrl+{number}"
        assert window.nav.currentRow() == number - 1


def test_upgrade_shows_the_free_tier_and_both_plans(qtbot: Any, window: MainWindow) -> None:
    page = window.show_page(UpgradePage)
    assert isinstance(page, UpgradePage)
    qtbot.waitUntil(lambda: bool(page.plan_buttons))
    assert "Free tier:" in page.tier.text() and "0 of 20" in page.tier.text()
    assert [b.text() for b in page.plan_buttons.values()] == [
        "₹299 a month — Pay with Razorpay",
        "₹2,990 for 12 months — Pay with Razorpay",
    ]


def test_the_account_page_offers_to_sign_in_when_signed_out(window: MainWindow) -> None:
    page = window.show_page(AccountPage)
    assert isinstance(page, AccountPage)
    assert not page.sign_in_box.isHidden() and page.signed_in_box.isHidden()


def test_work_runs_off_the_ui_thread_and_returns_on_it(qtbot: Any, ctx: AppContext) -> None:
    seen: dict[str, Any] = {}

    def work(store: Store, _progress: Progress) -> str:
        seen["work_thread"] = threading.current_thread()
        return store.path.name

    Op(ctx, work).success(lambda name: seen.update(name=name, ui=threading.current_thread())).run()
    wait_idle(qtbot, ctx)
    assert seen["work_thread"] is not threading.main_thread()
    assert seen["ui"] is threading.main_thread()
    assert seen["name"].endswith(".sqlite3")


def test_a_failed_operation_shows_what_to_do_next(
    qtbot: Any, ctx: AppContext, dialogs: list[tuple[str, str]]
) -> None:
    def work(_store: Store, _progress: Progress) -> None:
        raise InvalidInput("name: must not be empty")

    Op(ctx, work).run()
    wait_idle(qtbot, ctx)
    assert dialogs == [("Please check", pytest.approx(dialogs[0][1]))]
    assert "nothing was changed" in dialogs[0][1]


def test_a_cancelled_operation_stops_and_says_so(qtbot: Any, ctx: AppContext) -> None:
    messages: list[str] = []
    ctx.status = messages.append
    results: list[int] = []

    def work(_store: Store, progress: Progress) -> int:
        progress.cancelled = True  # as if the user pressed Cancel
        for step in range(10):
            progress.update(step / 10)
        return 1

    Op(ctx, work).success(results.append).run()
    wait_idle(qtbot, ctx)
    assert results == [] and messages == ["Cancelled."]


def test_finally_runs_after_success_failure_and_cancel(
    qtbot: Any, ctx: AppContext, dialogs: list[tuple[str, str]]
) -> None:
    ended: list[str] = []

    def fail(_store: Store, _progress: Progress) -> None:
        raise InvalidInput("bad")

    def cancel(_store: Store, progress: Progress) -> None:
        progress.cancelled = True
        progress.update(0.5)

    Op(ctx, lambda _s, _p: 1).finally_(lambda: ended.append("done")).run()
    Op(ctx, fail).finally_(lambda: ended.append("failed")).run()
    Op(ctx, cancel).finally_(lambda: ended.append("cancelled")).run()
    wait_idle(qtbot, ctx)
    assert ended == ["done", "failed", "cancelled"]
    assert len(dialogs) == 1
