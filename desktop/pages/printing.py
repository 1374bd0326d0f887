"""Printing a PDF the app made, page by page, on a printer the user chose (or any paged device).

`print_pdf` needs no window, so it can run on the worker thread (Qt allows painting on a
QPrinter outside the UI thread) and tests can print to a PDF-file printer. Pages are drawn at
their real size, centred, as images of at most 300 dots per inch.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from pathlib import Path

from PySide6.QtCore import QRectF, QSize
from PySide6.QtGui import QImage, QPagedPaintDevice, QPageLayout, QPageSize, QPainter
from PySide6.QtPdf import QPdfDocument
from PySide6.QtPrintSupport import QPrinter

MAX_PRINT_DPI = 300
STRIP_ROWS = 200  # image rows drawn per call
PAGE_SIZES = {"A4": QPageSize.PageSizeId.A4, "Letter": QPageSize.PageSizeId.Letter}


class PrintFailed(RuntimeError):
    """The printer would not start, or the PDF could not be read."""


def printer_for(paper: str, title: str) -> QPrinter:
    """A printer set up for the worksheet's paper, edge to edge (the PDF has its own margins)."""
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setPageSize(QPageSize(PAGE_SIZES.get(paper, QPageSize.PageSizeId.A4)))
    printer.setPageOrientation(QPageLayout.Orientation.Portrait)
    printer.setFullPage(True)
    printer.setDocName(title)
    return printer


def print_pdf(
    pdf: Path, device: QPagedPaintDevice, on_page: Callable[[int, int], None] | None = None
) -> int:
    """Draw the PDF's pages (the printer's chosen range, if any) on `device`; returns how many.

    `on_page(done, total)` is called after each page; if it raises, a printer's job is aborted.
    """
    return print_pdfs([pdf], device, on_page)


def print_pdfs(
    pdfs: Sequence[Path],
    device: QPagedPaintDevice,
    on_page: Callable[[int, int], None] | None = None,
) -> int:
    """Print several PDFs one after the other in one job (the sheets, then the answer key)."""
    documents = [QPdfDocument() for _ in pdfs]
    try:
        for document, pdf in zip(documents, pdfs, strict=True):
            if document.load(str(pdf)) != QPdfDocument.Error.None_:
                raise PrintFailed(
                    f"could not read {pdf.name} to print it; make the worksheets again"
                )
        every = [(d, n) for d in documents for n in range(d.pageCount())]
        pages = [every[i] for i in _pages_to_print(device, len(every))]
        _paint(pages, device, on_page)
        return len(pages)
    finally:
        for document in documents:
            document.close()


def _paint(
    pages: list[tuple[QPdfDocument, int]],
    device: QPagedPaintDevice,
    on_page: Callable[[int, int], None] | None,
) -> None:
    painter = QPainter()
    if not painter.begin(device):
        raise PrintFailed("the printer did not start; check that it is on and try again")
    try:
        for done, (document, page) in enumerate(pages, start=1):
            if done > 1:
                device.newPage()
            _draw_page(painter, document, page, device)
            if on_page is not None:
                on_page(done, len(pages))
    except BaseException:
        if isinstance(device, QPrinter):
            device.abort()  # a cancelled job must not print half a class set
        raise
    finally:
        painter.end()


def _pages_to_print(device: QPagedPaintDevice, count: int) -> list[int]:
    """Zero-based page numbers: all, or the range chosen in the print dialog."""
    if isinstance(device, QPrinter) and device.fromPage() > 0:
        return list(range(device.fromPage() - 1, min(device.toPage(), count)))
    return list(range(count))


def _draw_page(
    painter: QPainter, document: QPdfDocument, page: int, device: QPagedPaintDevice
) -> None:
    """The page at its size on the paper, centred; rendered no finer than MAX_PRINT_DPI."""
    points = document.pagePointSize(page)
    width, height = float(device.width()), float(device.height())
    fit = min(width / points.width(), height / points.height())
    target = QRectF(
        (width - points.width() * fit) / 2,
        (height - points.height() * fit) / 2,
        points.width() * fit,
        points.height() * fit,
    )
    sharpness = min(1.0, MAX_PRINT_DPI / max(device.logicalDpiX(), 1))
    pixels = QSize(round(target.width() * sharpness), round(target.height() * sharpness))
    _draw_in_strips(painter, target, document.render(page, pixels))


def _draw_in_strips(painter: QPainter, target: QRectF, image: QImage) -> None:
    """Draw the image a band at a time: each call holds Python's lock only briefly, so the
    window keeps responding while a class set prints on the worker thread."""
    scale = target.height() / max(image.height(), 1)
    for top in range(0, image.height(), STRIP_ROWS):
        rows = min(STRIP_ROWS, image.height() - top)
        band = QRectF(target.x(), target.y() + top * scale, target.width(), rows * scale)
        painter.drawImage(band, image, QRectF(0, top, image.width(), rows))
