"""Printing saved worksheets again, on the database worker: the same sheets as the first time.

The saved snapshot is rendered to a temporary PDF in the data folder's previews, sent to the
printer, and removed. Printing the worksheets (not only their key) marks them printed, which
keeps them from being deleted.
"""

from __future__ import annotations

import tempfile
from pathlib import Path
from typing import Literal

from PySide6.QtGui import QPagedPaintDevice

from desktop.pages.printing import print_pdf
from desktop.worker import Progress
from storage.database import Store
from storage.making import print_sheets, school_name

PrintChoice = Literal["sheets", "key"]
RENDER_SHARE = 0.3  # of the progress bar: rendering the PDF; the printer takes the rest


def print_again(
    store: Store,
    worksheet_ids: list[str],
    what: PrintChoice,
    device: QPagedPaintDevice,
    folder: Path,
    progress: Progress,
) -> int:
    """Print the sheets (or their answer key) on `device`; returns the pages sent."""
    sheets = [store.worksheets.find(worksheet_id) for worksheet_id in worksheet_ids]
    folder.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(dir=folder, prefix="again-") as place:
        pdf, key = Path(place) / "sheets.pdf", Path(place) / "key.pdf"
        progress.update(0.0, "Preparing the worksheets…")
        print_sheets(
            sheets,
            pdf,
            key if what == "key" else None,
            school=school_name(store),
            fonts=store.settings.font_choice,
        )

        def page(done: int, total: int) -> None:
            share = RENDER_SHARE + (1 - RENDER_SHARE) * done / total
            progress.update(share, f"Printed page {done} of {total}…")

        pages = print_pdf(key if what == "key" else pdf, device, page)
    if what == "sheets":
        store.worksheets.mark_printed(worksheet_ids)
    return pages
