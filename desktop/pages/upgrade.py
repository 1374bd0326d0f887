"""Upgrade: the tier this account has, the plans, paying through Razorpay, and the receipts.

"Pay with Razorpay" asks the payments service for an order (off the UI thread), opens its
checkout page in the system browser (checkout inside an embedded view is unreliable), and then
asks the server for the entitlement every few seconds until the tier changes, for a while.
The desktop never decides a tier; it shows what the server says.
"""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

from PySide6.QtCore import QTimer, QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import (
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPushButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
)

from desktop.background import Background
from desktop.context import AppContext
from desktop.errors import show_error
from desktop.pages import Page
from desktop.tasks import Op
from storage import entitlement
from sync.settings import load_account
from worksheets.quota import Allowance, Plan, plans_of

WATCH_EVERY_MS = 3_000
WATCH_FOR_MS = 15 * 60 * 1000  # a payment finished in the browser arrives within minutes
BENEFITS = (
    "Make as many worksheets as you like: class sets for every class, every week",
    "Adaptive sheets, versions and answer keys, in English, Hindi or both",
    "Everything you make stays yours, on every computer you sign in on",
)


class UpgradePage(Page):
    title = "Upgrade"

    def __init__(self, ctx: AppContext) -> None:
        super().__init__(ctx)
        self.background = Background()
        self.watch = QTimer(self)
        self.watch.setInterval(WATCH_EVERY_MS)
        self.watch.timeout.connect(self._ask_entitlement)
        self.watched_ms = 0
        self.paid_before: str | None = None
        layout = QVBoxLayout(self)
        layout.setContentsMargins(32, 24, 32, 24)
        layout.addWidget(QLabel(f"<h2>{self.title}</h2>"))
        self.tier = QLabel()
        self.tier.setObjectName("tier")
        self.tier.setWordWrap(True)
        layout.addWidget(self.tier)
        layout.addWidget(QLabel("<ul>" + "".join(f"<li>{b}</li>" for b in BENEFITS) + "</ul>"))
        self.plans_row = QHBoxLayout()
        layout.addLayout(self.plans_row)
        self.waiting = QLabel()
        self.waiting.setWordWrap(True)
        layout.addWidget(self.waiting)
        layout.addWidget(self._receipts_box())
        layout.addStretch(1)
        self.plan_buttons: dict[str, QPushButton] = {}

    def _receipts_box(self) -> QGroupBox:
        box = QGroupBox("Receipts")
        column = QVBoxLayout(box)
        self.receipts = QTreeWidget()
        self.receipts.setHeaderLabels(["Date", "Amount", "Status", "Order"])
        self.receipts.setRootIsDecorated(False)
        self.receipts.setMaximumHeight(160)
        self.no_receipts = QLabel("No payments yet.")
        column.addWidget(self.receipts)
        column.addWidget(self.no_receipts)
        return box

    def refresh(self) -> None:
        Op(self.ctx, _state, self).success(self._show).quietly().run()

    def _show(self, found: Any) -> None:
        allowed, known, receipts = found
        self.tier.setText(describe_allowance(allowed))
        self._show_plans(plans_of(known), allowed)
        self.receipts.clear()
        for row in receipts:
            self.receipts.addTopLevelItem(QTreeWidgetItem(row))
        self.receipts.setVisible(bool(receipts))
        self.no_receipts.setVisible(not receipts)

    def _show_plans(self, plans: tuple[Plan, ...], allowed: Allowance) -> None:
        while self.plans_row.count():
            item = self.plans_row.takeAt(0)
            if item is not None and item.widget() is not None:
                item.widget().deleteLater()  # type: ignore[union-attr]
        self.plan_buttons = {}
        for plan in plans:
            per = "a month" if plan.months == 1 else f"for {plan.months} months"
            button = QPushButton(f"{plan.price} {per} — Pay with Razorpay")
            button.setObjectName(f"pay-{plan.plan}")
            button.clicked.connect(lambda _c=False, name=plan.plan: self.pay(name))
            self.plan_buttons[plan.plan] = button
            self.plans_row.addWidget(button)
        self.plans_row.addStretch(1)

    # -- paying ---------------------------------------------------------------------------

    def pay(self, plan: str) -> None:
        if not load_account(self.ctx.data_dir).user_id:
            QMessageBox.information(
                self,
                "Sign in first",
                "The paid tier belongs to your account, so it follows you to every computer. "
                "Sign in (or create an account) on the Account & sync page, then come back.",
            )
            return
        http = self.ctx.sync.http if self.ctx.sync is not None else None
        data_dir = self.ctx.data_dir

        def order() -> Any:
            from sync.account import open_cloud
            from sync.payments import create_order, payments_url

            return create_order(open_cloud(data_dir, http), payments_url(data_dir), plan)

        for button in self.plan_buttons.values():
            button.setEnabled(False)
        self.background.run(order, self._ordered)

    def _ordered(self, order: Any, error: BaseException | None) -> None:
        for button in self.plan_buttons.values():
            button.setEnabled(True)
        if error is not None:
            show_error(self, error)
            return
        QDesktopServices.openUrl(QUrl(order.checkout_url))
        self.waiting.setText(
            "Finish paying in your browser. This page changes as soon as the payment arrives "
            "(you can keep using PracticeCraft meanwhile)."
        )
        self.watched_ms = 0
        self.watch.start()

    def _ask_entitlement(self) -> None:
        self.watched_ms += WATCH_EVERY_MS
        if self.watched_ms > WATCH_FOR_MS:
            self.watch.stop()
            self.waiting.setText(
                "No payment has arrived yet. If you paid, it will show after the next sync."
            )
            return
        if self.background.running:
            return
        self.background.run(self._fetch_entitlement, self._fetched)

    def _fetch_entitlement(self) -> Any:
        from sync.account import open_cloud

        http = self.ctx.sync.http if self.ctx.sync is not None else None
        return open_cloud(self.ctx.data_dir, http).api.get_entitlement()

    def _fetched(self, answer: Any, error: BaseException | None) -> None:
        if error is not None or not answer:
            return  # offline for a moment: the next tick asks again
        fetched = datetime.now(UTC)
        Op(self.ctx, lambda store, _p: entitlement.remember(store, answer, fetched), self).success(
            lambda _kept: self._after_answer(answer)
        ).quietly().run()

    def _after_answer(self, answer: dict[str, Any]) -> None:
        self.refresh()
        if answer.get("tier") == "paid":
            self.watch.stop()
            self.waiting.setText("Payment received — thank you! The paid tier is on.")
            if self.ctx.sync is not None:
                self.ctx.sync.sync_now()  # the receipt comes with the next pull


def describe_allowance(allowed: Allowance) -> str:
    if allowed.quota is None:
        until = allowed.paid_until.astimezone().strftime("%d %b %Y") if allowed.paid_until else ""
        return f"<b>Paid tier</b> until {until}: make as many worksheets as you like."
    return (
        f"<b>Free tier:</b> {allowed.used} of {allowed.quota} worksheets made this month "
        f"({allowed.left} left). Printing again, grading and progress are never limited."
    )


def _state(store: Any, _progress: object) -> tuple[Allowance, Any, list[list[str]]]:
    return entitlement.current(store), entitlement.cached(store), _receipts(store)


def _receipts(store: Any) -> list[list[str]]:
    rows = store.query(
        "SELECT created_at, amount_paise, status, razorpay_order_id FROM payment_events "
        "ORDER BY created_at DESC"
    )
    return [
        [r["created_at"][:10], Plan("", int(r["amount_paise"]), 1).price, r["status"],
         r["razorpay_order_id"]]
        for r in rows
    ]  # fmt: skip
