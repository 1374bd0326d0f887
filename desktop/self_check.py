"""The Qt half of `practicecraft --self-test`: are the Qt modules the window uses there, and do
they work? Run in an installed bundle, it proves PyInstaller collected QtPdf, QtCharts, Qt's
print support and a platform plugin, and that every page of the window imports.

It runs offscreen: the self-test checks what the bundle carries, not the computer's display
(a missing display or X library is what `practicecraft` itself reports when the window opens).
"""

from __future__ import annotations

import os
from pathlib import Path


class QtCheckFailed(Exception):
    """A Qt module the window needs is missing from this install, or did not work."""


def check_qt(pdf: Path) -> str:
    """Read `pdf` with Qt's PDF module, draw its first page, make a chart; returns a one-line
    note of what was checked. Raises QtCheckFailed (or ImportError for a missing module)."""
    os.environ["QT_QPA_PLATFORM"] = "offscreen"  # before Qt loads its platform plugin
    from PySide6 import __version__ as qt_version
    from PySide6.QtCharts import QChart, QLineSeries
    from PySide6.QtCore import QSize
    from PySide6.QtPdf import QPdfDocument
    from PySide6.QtWidgets import QApplication

    import desktop.app  # noqa: F401  (every page of the window, as the window imports them)

    app = QApplication.instance() or QApplication([])
    document = QPdfDocument(app)
    document.load(str(pdf))
    if document.status() != QPdfDocument.Status.Ready or document.pageCount() < 1:
        raise QtCheckFailed(f"Qt's PDF module could not read {pdf.name} ({document.error().name})")
    if document.render(0, QSize(210, 297)).isNull():
        raise QtCheckFailed(f"Qt's PDF module could not draw the first page of {pdf.name}")
    chart = QChart()
    chart.addSeries(QLineSeries())
    pages = document.pageCount()
    document.close()
    return f"Qt {qt_version}: the PDF preview read {pages} page(s), charts and the window load"
