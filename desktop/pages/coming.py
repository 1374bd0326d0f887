"""Account & sync and Upgrade: honest placeholders until those features land."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QVBoxLayout

from desktop.context import AppContext
from desktop.pages import Page


class _Coming(Page):
    message = ""

    def __init__(self, ctx: AppContext) -> None:
        super().__init__(ctx)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(32, 32, 32, 32)
        heading = QLabel(f"<h2>{self.title}</h2>")
        body = QLabel(self.message)
        body.setWordWrap(True)
        body.setTextFormat(Qt.TextFormat.RichText)
        layout.addWidget(heading)
        layout.addWidget(body)
        layout.addStretch(1)


class AccountPage(_Coming):
    title = "Account & sync"
    message = (
        "<p><b>Coming soon.</b> Signing in will let you keep the same children, worksheets and "
        "marks on several computers. Until then everything stays on this computer, and "
        "PracticeCraft works fully without the internet.</p>"
        "<p>Keep a backup: Settings → Backups.</p>"
    )


class UpgradePage(_Coming):
    title = "Upgrade"
    message = (
        "<p><b>Coming soon.</b> A paid plan, paid securely through Razorpay, will add more "
        "for schools. Everything you use today stays free.</p>"
    )
