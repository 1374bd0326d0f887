"""Help → the short guide bundled with the app (offline), and Help → About (version, licences)."""

from __future__ import annotations

from importlib import resources as package_files

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QTextBrowser, QVBoxLayout, QWidget

from storage.consent import running_version

GUIDE = ("help", "guide.html")
LICENCES = ("help", "licences.html")


def bundled_text(folder: str, name: str) -> str:
    return package_files.files("resources").joinpath(folder, name).read_text(encoding="utf-8")


class TextDialog(QDialog):
    """A page of bundled HTML with a Close button; links to other sites open in the browser."""

    def __init__(self, parent: QWidget | None, title: str, html: str) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        self.text = QTextBrowser()
        self.text.setOpenExternalLinks(True)
        self.text.setHtml(html)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.text, 1)
        layout.addWidget(buttons)
        room = (parent.screen() if parent else self.screen()).availableGeometry()
        self.resize(min(720, room.width() * 9 // 10), min(640, room.height() * 9 // 10))


def guide_dialog(parent: QWidget | None) -> TextDialog:
    dialog = TextDialog(parent, "PracticeCraft guide", bundled_text(*GUIDE))
    dialog.setObjectName("guide")
    return dialog


def about_dialog(parent: QWidget | None) -> TextDialog:
    html = (
        f"<h2>PracticeCraft {running_version()}</h2>"
        "<p>Practice worksheets for Indian classrooms and homes (CBSE/NCERT).<br>"
        "Everything is kept on this computer unless you sign in to sync.</p>"
        + bundled_text(*LICENCES)
    )
    dialog = TextDialog(parent, "About PracticeCraft", html)
    dialog.setObjectName("about")
    return dialog
