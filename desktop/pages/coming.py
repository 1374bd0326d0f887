"""Upgrade: an honest placeholder until the paid tier lands."""

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


class UpgradePage(_Coming):
    title = "Upgrade"
    message = (
        "<p><b>Coming soon.</b> A paid plan, paid securely through Razorpay, will add more "
        "for schools. Everything you use today stays free.</p>"
    )
