"""The right half of the Make worksheets page: the PDF as it will print, worksheets or key."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtPdf import QPdfDocument
from PySide6.QtPdfWidgets import QPdfView
from PySide6.QtWidgets import (
    QButtonGroup,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

EMPTY_TEXT = (
    "Your worksheets will appear here, page by page, as they will print.\n\n"
    "Choose who they are for and tick what to practise, then press Make worksheets "
    "(Ctrl+Enter)."
)


class PdfPreview(QWidget):
    """Shows a made PDF (all pages, scrolling, fitted to the width) and its answer key."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.sheets = QPdfDocument(self)
        self.key = QPdfDocument(self)
        self._files: tuple[Path | None, Path | None] = (None, None)
        self.view = QPdfView(self)
        self.view.setObjectName("pdfView")
        self.view.setPageMode(QPdfView.PageMode.MultiPage)
        self.view.setZoomMode(QPdfView.ZoomMode.FitToWidth)
        self.view.setPageSpacing(12)
        self.view.setDocument(self.sheets)
        self.view.setAccessibleName("Preview of the worksheets")
        self.empty = QLabel(EMPTY_TEXT)
        self.empty.setWordWrap(True)
        self.empty.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty.setStyleSheet("color: #5f6368; padding: 24px")
        self.stack = QStackedWidget()
        self.stack.addWidget(self.empty)
        self.stack.addWidget(self.view)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(self._switch())
        layout.addWidget(self.stack, 1)
        self._update_switch()

    def _switch(self) -> QHBoxLayout:
        self.sheets_button = QPushButton("Worksheets")
        self.key_button = QPushButton("Answer key")
        group = QButtonGroup(self)
        row = self.switch_row = QHBoxLayout()
        for button in (self.sheets_button, self.key_button):
            button.setCheckable(True)
            button.setAutoDefault(False)
            group.addButton(button)
            row.addWidget(button)
        row.addStretch(1)
        self.sheets_button.setChecked(True)
        self.key_button.toggled.connect(self._show_chosen)
        return row

    def add_actions(self, *buttons: QPushButton) -> None:
        """Put the page's buttons (Save, Print) at the right of the switch."""
        for button in buttons:
            self.switch_row.addWidget(button)

    def show_files(self, sheets: Path, key: Path | None) -> None:
        """Show these PDFs (the worksheets first); the files shown before are let go."""
        self.sheets.load(str(sheets))
        self.key.close()
        if key is not None:
            self.key.load(str(key))
        self._files = (sheets, key)
        self.sheets_button.setChecked(True)
        self._show_chosen()
        self.stack.setCurrentWidget(self.view)

    def show_key(self, shown: bool = True) -> None:
        if self._files[1] is not None:
            (self.key_button if shown else self.sheets_button).setChecked(True)

    def showing_key(self) -> bool:
        return self.key_button.isChecked()

    def current_file(self) -> Path | None:
        """The PDF in view: what Print prints."""
        return self._files[1] if self.showing_key() else self._files[0]

    def page_count(self) -> int:
        return self.view.document().pageCount() if self.stack.currentWidget() is self.view else 0

    def _show_chosen(self) -> None:
        self.view.setDocument(self.key if self.showing_key() else self.sheets)
        self._update_switch()

    def _update_switch(self) -> None:
        has_files = self._files[0] is not None
        self.sheets_button.setVisible(has_files)
        self.key_button.setVisible(has_files)
        self.key_button.setEnabled(self._files[1] is not None)
        self.key_button.setToolTip(
            "Ctrl+K" if self._files[1] else "Tick Answer key and make the worksheets again"
        )
        self.sheets_button.setText(_pages("Worksheets", self.sheets if has_files else None))
        self.key_button.setText(_pages("Answer key", self.key if self._files[1] else None))


def _pages(name: str, document: QPdfDocument | None) -> str:
    if document is None:
        return name
    count = document.pageCount()
    return f"{name} ({count} page{'' if count == 1 else 's'})"
