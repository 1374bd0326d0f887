"""The pages of the main window, one module each."""

from __future__ import annotations

from PySide6.QtWidgets import QWidget

from desktop.context import AppContext


class Page(QWidget):
    """A page of the main window. `refresh` is called each time it is shown."""

    title = "Page"
    shortcut = ""  # e.g. "Ctrl+1"

    def __init__(self, ctx: AppContext) -> None:
        super().__init__()
        self.ctx = ctx
        self.setObjectName(type(self).__name__)

    def refresh(self) -> None:
        """Load what the page shows (in the background)."""

    def may_leave(self) -> bool:
        """Asked before the window closes: False keeps it open (e.g. marks not saved yet)."""
        return True
