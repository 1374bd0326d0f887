"""Children → Export…: save everything kept about a child in one zip (see storage.child_export)."""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path

from PySide6.QtWidgets import QFileDialog, QWidget

from desktop.context import AppContext
from desktop.pages.pdf_files import documents_folder
from desktop.tasks import Op
from storage.child_export import export_child
from storage.records import Child


def suggested_name(child: Child) -> str:
    """`PracticeCraft - Asha Verma.zip`, without characters a file name cannot hold."""
    return re.sub(r'[\\/:*?"<>|]+', " ", f"PracticeCraft - {child.name}").strip() + ".zip"


def ask_where(parent: QWidget, child: Child, on_chosen: Callable[[Path], None]) -> QFileDialog:
    """Ask where to save the zip, without blocking (the dialog is window-modal)."""
    dialog = QFileDialog(
        parent,
        f"Export everything kept about {child.name}",
        str(documents_folder() / suggested_name(child)),
        "Zip files (*.zip)",
    )
    dialog.setAcceptMode(QFileDialog.AcceptMode.AcceptSave)
    dialog.setDefaultSuffix("zip")
    dialog.fileSelected.connect(lambda chosen: on_chosen(Path(chosen)))
    dialog.open()
    return dialog


def save_export(ctx: AppContext, parent: QWidget, child: Child, out: Path) -> None:
    """Write the zip on the worker; the status bar says where it went."""
    child_id, name = child.id or "", child.name
    Op(ctx, lambda store, _p: export_child(store, child_id, out), parent).named(
        "child.export"
    ).with_progress(f"Exporting {name}…").success(
        lambda path: ctx.status(f"Saved everything kept about {name} to {path}")
    ).run()
