"""Done when: the desktop shows the new tier. The window signs up, pays on the Upgrade page (the
checkout page opened in the "browser" is followed here as Razorpay would), and the page says
paid within seconds; the receipt arrives with the next sync, without its payload."""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any
from urllib.parse import urlparse

import pytest
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QMessageBox

from cloud.devstack.postgres import LocalPostgres
from cloud.devstack.server import DevCloud
from desktop.accounts import AccountActions
from desktop.context import AppContext
from desktop.pages.account import AccountPage
from desktop.pages.upgrade import UpgradePage
from desktop.sync_control import SyncController
from desktop.window import MainWindow
from desktop.worker import Worker
from storage.database import Store
from sync.account import connect
from sync.settings import database_path
from tests.cloud.payments.conftest import JWT_SECRET, RunningService
from tests.cloud.payments.flows import callback, checkout_options
from tests.cloud.payments.standin import RazorpayStandIn
from tests.desktop.conftest import collected_on_the_ui_thread  # noqa: F401 - autouse, as in the app


@pytest.fixture(scope="module")
def devstack(postgres: LocalPostgres) -> Iterator[DevCloud]:
    with DevCloud(postgres, jwt_secret=JWT_SECRET, refresh_reuse_interval=10.0) as cloud:
        yield cloud


@pytest.fixture
def window(
    qtbot: Any,
    tmp_path: Path,
    devstack: DevCloud,
    service: RunningService,
    monkeypatch: pytest.MonkeyPatch,
) -> Iterator[MainWindow]:
    monkeypatch.setenv("PRACTICECRAFT_SESSION_STORE", "file")
    monkeypatch.setenv("PRACTICECRAFT_PAYMENTS_URL", service.url)
    for name in ("warning", "information", "critical"):
        monkeypatch.setattr(QMessageBox, name, staticmethod(lambda *a, **k: None))
    data_dir = tmp_path / "data"
    data_dir.mkdir()
    connect(data_dir, devstack.url, devstack.anon_key)
    worker = Worker(lambda: Store.open(database_path(data_dir)))
    ctx = AppContext(worker=worker, data_dir=data_dir)
    ctx.sync = SyncController(worker, data_dir)
    ctx.accounts = AccountActions(worker, data_dir, ctx.sync)
    main = MainWindow(ctx)
    ctx.accounts.on_switched = main.refresh_current
    qtbot.addWidget(main)
    main.show()
    yield main
    ctx.accounts.close()
    qtbot.waitUntil(lambda: worker.idle, timeout=30_000)
    worker.close()


def test_paying_on_the_upgrade_page_shows_the_paid_tier_within_seconds(
    qtbot: Any,
    window: MainWindow,
    razorpay: RazorpayStandIn,
    service: RunningService,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    account = window.show_page(AccountPage)
    assert isinstance(account, AccountPage)
    account.email.setText(f"buyer-{time.time_ns()}@example.com")
    account.password.setText("correct horse battery staple")
    account.sign_up_button.click()
    qtbot.waitUntil(lambda: not account.signed_in_box.isHidden(), timeout=30_000)

    opened: list[str] = []
    monkeypatch.setattr(
        QDesktopServices, "openUrl", staticmethod(lambda url: opened.append(url.toString()))
    )
    page = window.show_page(UpgradePage)
    assert isinstance(page, UpgradePage)
    qtbot.waitUntil(lambda: "pay-monthly" in {b.objectName() for b in page.plan_buttons.values()})
    assert "Free tier" in page.tier.text()
    page.plan_buttons["monthly"].click()
    qtbot.waitUntil(lambda: bool(opened), timeout=20_000)

    # What the buyer's browser and Razorpay do with the page the app opened.
    order_id = urlparse(opened[0]).path.rsplit("/", 1)[-1]
    options = checkout_options(opened[0])
    assert options["amount"] == 29900  # the server's price, not anything the app said
    payment = razorpay.pay(order_id)
    form = razorpay.callback_form(order_id, payment["id"])
    assert callback(service, options["callback_url"], form).status_code == 200

    paid_at = time.monotonic()
    qtbot.waitUntil(lambda: "Paid tier" in page.tier.text(), timeout=15_000)
    assert time.monotonic() - paid_at < 10
    assert "thank you" in page.waiting.text().lower()

    def receipt() -> list[str]:
        item = page.receipts.topLevelItem(0)
        return [] if item is None else [item.text(1), item.text(2)]

    # The order's row may arrive first as "created"; the sync after the payment brings it paid.
    qtbot.waitUntil(lambda: receipt() == ["₹299", "captured"], timeout=30_000)
    assert page.receipts.topLevelItemCount() == 1
