"""The pages of the main window, one module each."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFrame, QScrollArea, QVBoxLayout, QWidget

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

    def set_role(self, role: str) -> None:
        """Show what this role uses ("teacher" or "parent"); most pages show the same."""

    def scrolled_layout(self) -> QVBoxLayout:
        """The page's layout inside an area that scrolls up and down, for a page taller than
        a small or scaled screen (1366×768 at 125% leaves about 580 pixels)."""
        body = QWidget()
        area = QScrollArea()
        area.setObjectName("page-scroll")
        area.setWidget(body)
        area.setWidgetResizable(True)
        area.setFrameShape(QFrame.Shape.NoFrame)
        area.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addWidget(area)
        return QVBoxLayout(body)
