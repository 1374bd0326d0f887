"""The free tier's limit, said kindly: where sheets are made, and when the month's are used."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import QMessageBox, QWidget

from worksheets.quota import Allowance, QuotaExceeded, plans_of


def quota_line(allowed: Allowance) -> str:
    """One line under the Make button."""
    if allowed.quota is None:
        return "Paid tier: make as many worksheets as you like."
    return f"Free tier: {allowed.used} of {allowed.quota} worksheets made this month."


def offer_upgrade(
    parent: QWidget, refused: QuotaExceeded, open_upgrade: Callable[[], None]
) -> None:
    """Not an error: what the paid tier gives, its price, and the way to it."""
    monthly = plans_of(None)[0]
    allowed = refused.allowance
    box = QMessageBox(
        QMessageBox.Icon.Information,
        "This month's free worksheets",
        f"You have made {allowed.used} of this month's {allowed.quota} free worksheets"
        + (f", so {refused.wanted} more will not fit" if allowed.left else "")
        + ".\n\nThe paid tier makes as many as you like — class sets for every class, every "
        f"week — from {monthly.price} a month, paid securely with Razorpay.\n\n"
        "Everything already made can still be printed again, graded and followed in Progress; "
        "the free worksheets start again at the beginning of next month.",
        parent=parent,
    )
    box.setObjectName("quota-prompt")
    pay = box.addButton("See the paid tier…", QMessageBox.ButtonRole.AcceptRole)
    box.addButton("Not now", QMessageBox.ButtonRole.RejectRole)
    box.setDefaultButton(pay)
    box.exec()
    if box.clickedButton() is pay:
        open_upgrade()
