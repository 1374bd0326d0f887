"""The Account & sync page against the devstack: sign up, sync in the background, sign out.

The sync runs on its own thread and reaches the store through the database worker; the UI
thread only receives statuses. A devstack that answers slowly shows the window stays
responsive for the whole sync.
"""

from __future__ import annotations

import os
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import httpx
import pytest
from PySide6.QtCore import QElapsedTimer, QTimer

from cloud.devstack.server import DevCloud
from desktop.accounts import AccountActions
from desktop.context import AppContext
from desktop.pages.account import AccountPage
from desktop.sync_control import SyncController
from desktop.window import MainWindow
from desktop.worker import Worker
from storage.database import Store
from sync.account import connect
from sync.scheduler import SyncState
from sync.settings import database_path, load_account
from tests.conftest import SCHOOL
from tests.sync.faults import FaultyTransport

PASSWORD = "correct horse battery staple"


@pytest.fixture
def transport() -> FaultyTransport:
    return FaultyTransport()


@pytest.fixture
def synced_window(
    qtbot: Any,
    tmp_path: Path,
    devcloud: DevCloud,
    transport: FaultyTransport,
    dialogs: list[tuple[str, str]],
    monkeypatch: pytest.MonkeyPatch,
) -> Iterator[MainWindow]:
    monkeypatch.setenv("PRACTICECRAFT_SESSION_STORE", "file")
    data_dir = tmp_path / "data"
    data_dir.mkdir()
    connect(data_dir, devcloud.url, devcloud.anon_key)
    worker = Worker(lambda: Store.open(database_path(data_dir)))
    ctx = AppContext(worker=worker, data_dir=data_dir)
    ctx.sync = SyncController(worker, data_dir, http=httpx.Client(transport=transport))
    ctx.accounts = AccountActions(worker, data_dir, ctx.sync)
    window = MainWindow(ctx)
    ctx.accounts.on_switched = window.refresh_current
    qtbot.addWidget(window)
    window.show()
    yield window
    ctx.accounts.close()
    qtbot.waitUntil(lambda: worker.idle, timeout=30_000)
    worker.close()


def sign_up(qtbot: Any, window: MainWindow, email: str) -> AccountPage:
    page = window.show_page(AccountPage)
    assert isinstance(page, AccountPage)
    page.email.setText(email)
    page.password.setText(PASSWORD)
    page.sign_up_button.click()
    qtbot.waitUntil(lambda: not page.signed_in_box.isHidden(), timeout=30_000)
    return page


def idle_after(qtbot: Any, window: MainWindow, syncs: int) -> None:
    sync = window.ctx.sync
    assert sync is not None and sync.scheduler is not None
    qtbot.waitUntil(
        lambda: (
            sync.scheduler is not None
            and sync.scheduler.syncs_started >= syncs
            and sync.status is not None
            and sync.status.state is SyncState.IDLE
        ),
        timeout=60_000,
    )


def test_signing_up_in_the_window_adopts_the_local_data_and_syncs_it(
    qtbot: Any, synced_window: MainWindow, devcloud: DevCloud
) -> None:
    ctx = synced_window.ctx
    done: list[Any] = []
    ctx.worker.submit(
        lambda store, _p: store.children.add({"name": "Asha", "grade": 3}, SCHOOL),
        lambda child, _e: done.append(child),
    )
    qtbot.waitUntil(lambda: bool(done))
    page = sign_up(qtbot, synced_window, f"window-{os.getpid()}-{time.time_ns()}@example.com")
    idle_after(qtbot, synced_window, 1)
    assert load_account(ctx.data_dir).user_id
    qtbot.waitUntil(lambda: "Waiting to send: 0" in page.figures.text(), timeout=10_000)
    assert "Signed in as" in page.who.text()
    label = synced_window.sync_label.text()
    assert label == "Synced"


def test_the_ui_thread_never_waits_on_a_slow_server(
    qtbot: Any, synced_window: MainWindow, transport: FaultyTransport
) -> None:
    sign_up(qtbot, synced_window, f"slow-{os.getpid()}-{time.time_ns()}@example.com")
    idle_after(qtbot, synced_window, 1)
    ctx = synced_window.ctx
    added: list[Any] = []
    ctx.worker.submit(
        lambda store, _p: store.children.add_many(
            [{"name": f"Child {n}", "grade": 3} for n in range(300)], SCHOOL
        ),
        lambda rows, _e: added.append(rows),
    )
    qtbot.waitUntil(lambda: bool(added))
    # Every request waits a second on the server: a window that waited on the network would
    # freeze for at least that long, far beyond the noise of a busy machine.
    transport.hook = lambda _request: time.sleep(1.0)
    gaps: list[float] = []
    clock = QElapsedTimer()
    clock.start()
    ticker = QTimer()
    ticker.setInterval(10)
    ticker.timeout.connect(lambda: gaps.append(clock.restart()))
    ticker.start()
    started = time.monotonic()
    page = synced_window.show_page(AccountPage)
    assert isinstance(page, AccountPage)
    page.sync_now_button.click()
    idle_after(qtbot, synced_window, 2)
    ticker.stop()
    took = time.monotonic() - started
    assert took > 3.0  # the sync really waited on the slow server ...
    assert max(gaps) < 900, f"the window froze for {max(gaps)} ms"  # ... and the window did not


def test_the_window_and_another_computer_converge(
    qtbot: Any, synced_window: MainWindow, tmp_path: Path, devcloud: DevCloud
) -> None:
    from tests.sync.devices import Device

    email = f"pair-{os.getpid()}-{time.time_ns()}@example.com"
    sign_up(qtbot, synced_window, email)
    idle_after(qtbot, synced_window, 1)
    laptop = Device(tmp_path / "laptop", devcloud)
    try:
        laptop.sign_in(email)
        laptop.add_child("Meena")  # made on the other computer, offline
        ctx = synced_window.ctx
        done: list[Any] = []
        ctx.worker.submit(  # and one in the window
            lambda store, _p: store.children.add({"name": "Arjun", "grade": 4}, SCHOOL),
            lambda child, _e: done.append(child),
        )
        qtbot.waitUntil(lambda: bool(done))
        laptop.sync()
        page = synced_window.show_page(AccountPage)
        assert isinstance(page, AccountPage)
        page.sync_now_button.click()
        idle_after(qtbot, synced_window, 2)
        laptop.sync()
        in_window: list[Any] = []
        ctx.worker.submit(
            lambda store, _p: sorted(c.name for c in store.children.all()),
            lambda names, _e: in_window.append(names),
        )
        qtbot.waitUntil(lambda: bool(in_window))
        assert (
            in_window[0]
            == sorted(c.name for c in laptop.db.children.all())
            == [
                "Arjun",
                "Meena",
            ]
        )
    finally:
        laptop.close()


def test_the_network_coming_back_starts_a_sync_at_once(
    qtbot: Any, synced_window: MainWindow, transport: FaultyTransport
) -> None:
    sign_up(qtbot, synced_window, f"net-{os.getpid()}-{time.time_ns()}@example.com")
    idle_after(qtbot, synced_window, 1)
    sync = synced_window.ctx.sync
    assert sync is not None and sync.scheduler is not None
    transport.offline = True
    sync.sync_now()
    qtbot.waitUntil(lambda: sync.status is not None and sync.status.state is SyncState.OFFLINE)
    assert sync.status.next_retry_in is not None  # backing off
    transport.offline = False
    started = sync.scheduler.syncs_started
    sync.network_regained()  # what the OS's reachability signal calls
    qtbot.waitUntil(
        lambda: (
            sync.scheduler is not None
            and sync.scheduler.syncs_started > started
            and sync.status is not None
            and sync.status.state is SyncState.IDLE
        ),
        timeout=10_000,
    )
