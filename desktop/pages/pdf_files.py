"""Saving the PDFs a page offers (certificates, reports): where to, and opening them to print."""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QSettings, QStandardPaths, QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QFileDialog, QWidget

from desktop.context import AppContext
from desktop.tasks import Op
from storage.certificates import issue_certificate, print_certificate
from storage.database import Store
from storage.records import Certificate

SAVE_FOLDER = "PracticeCraft"  # in Documents: where PDFs are saved until another is chosen


def documents_folder() -> Path:
    found = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
    return Path(found) if found else Path.home()


class FolderMemory:
    """The folder the last PDF was saved in, kept per computer in the data folder (the
    window tells where, once); without one, Documents/PracticeCraft."""

    def __init__(self) -> None:
        self.settings: QSettings | None = None

    def keep_in(self, data_dir: Path) -> None:
        self.settings = QSettings(str(data_dir / "window.ini"), QSettings.Format.IniFormat)

    def remember(self, folder: Path) -> None:
        if self.settings is not None:
            self.settings.setValue("last_save_folder", str(folder))
            self.settings.sync()

    def folder(self) -> Path:
        last = self.settings.value("last_save_folder") if self.settings is not None else None
        if isinstance(last, str) and Path(last).is_dir():
            return Path(last)
        folder = documents_folder() / SAVE_FOLDER
        try:
            folder.mkdir(parents=True, exist_ok=True)
        except OSError:  # a read-only or missing Documents: offer it, or home, as it is
            return documents_folder()
        return folder


save_folders = FolderMemory()


def file_name(*parts: str) -> str:
    """A safe file name from words: "Certificate - Asha Verma - Raksha Bandhan.pdf"."""
    text = " - ".join(p.strip() for p in parts if p.strip())
    return re.sub(r'[\\/:*?"<>|]+', " ", text).strip() + ".pdf"


def choose_pdf(
    parent: QWidget, caption: str, suggested: str, on_chosen: Callable[[Path], None]
) -> QFileDialog:
    """Ask where to save a PDF, without blocking (the dialog is window-modal)."""
    folder = save_folders.folder()
    dialog = QFileDialog(parent, caption, str(folder / suggested), "PDF files (*.pdf)")
    dialog.setAcceptMode(QFileDialog.AcceptMode.AcceptSave)
    dialog.setDefaultSuffix("pdf")

    def chosen(name: str) -> None:
        save_folders.remember(Path(name).parent)
        on_chosen(Path(name))

    dialog.fileSelected.connect(chosen)
    dialog.open()
    return dialog


def open_pdf(path: Path) -> bool:
    """Open the PDF in the computer's viewer, to look at or print; False if none opened it."""
    return QDesktopServices.openUrl(QUrl.fromLocalFile(str(path)))


def save_certificate(
    ctx: AppContext,
    parent: QWidget,
    target: tuple[str, str],
    out: Path,
    on_done: Callable[[Certificate], None] = lambda _c: None,
) -> None:
    """Issue (once) and print the certificate of `target` = (child id, chapter key) to `out`."""
    child_id, chapter_key = target

    def work(store: Store, _progress: object) -> Certificate:
        certificate = issue_certificate(store, child_id, chapter_key)
        print_certificate(store, certificate, out)
        return certificate

    def done(certificate: Certificate) -> None:
        ctx.status(f"Certificate {certificate.certificate_number} saved to {out}")
        ctx.changed("certificates")
        open_pdf(out)
        on_done(certificate)

    Op(ctx, work, parent).with_progress("Making the certificate…").success(done).run()
