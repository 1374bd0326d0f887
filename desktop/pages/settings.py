"""The "Settings" page."""

from __future__ import annotations

from PySide6.QtWidgets import QLabel, QVBoxLayout

from desktop.context import AppContext
from desktop.pages import Page


class SettingsPage(Page):
    title = "Settings"

    def __init__(self, ctx: AppContext) -> None:
        super().__init__(ctx)
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel("Settings"))
