"""The "Make worksheets" page: choose who and what on the left, see the PDF on the right.

Making runs on the worker with progress and Cancel (a class set of 40 never blocks the window);
the sheets are saved only once their PDF is printed, so a cancelled class set leaves nothing.
"""

from __future__ import annotations

import html
import shutil
from pathlib import Path
from typing import Literal

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QKeySequence, QShortcut
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtWidgets import (
    QDialog,
    QLabel,
    QMenu,
    QPushButton,
    QScrollArea,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from desktop.context import AppContext
from desktop.errors import show_error
from desktop.pages import Page
from desktop.pages.builder_form import BuilderForm
from desktop.pages.builder_job import (
    BuilderChoices,
    MadeSheets,
    load_choices,
    make_sheets,
    remove_files,
)
from desktop.pages.pdf_files import choose_pdf, file_name
from desktop.pages.pdf_preview import PdfPreview
from desktop.pages.printing import print_pdfs, printer_for
from desktop.pages.quota_prompt import offer_upgrade, quota_line
from desktop.pages.today_data import Practice
from desktop.tasks import Op
from desktop.worker import Progress
from storage import entitlement
from storage.database import Store
from worksheets.model import sheet_notes
from worksheets.quota import QuotaExceeded

PREVIEWS_FOLDER = "previews"
PrintChoice = Literal["sheets", "key", "both"]
PRINT_CHOICES: dict[PrintChoice, tuple[str, str]] = {
    "sheets": ("Print sheets…", "Ctrl+P"),
    "key": ("Print answer key…", "Ctrl+Shift+P"),
    "both": ("Print sheets and answer key (one job)…", ""),
}


class BuilderPage(Page):
    title = "Make worksheets"

    def __init__(self, ctx: AppContext) -> None:
        super().__init__(ctx)
        self.made: MadeSheets | None = None
        self.busy = False
        self.made_for = ""  # the child's or class's name
        self._practice: Practice | None = None  # what the Today page asked to choose
        self._print_dialog: tuple[QPrintDialog, QPrinter] | None = None
        self.form = BuilderForm()
        self.preview = PdfPreview()
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        self.summary.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.quota = QLabel()
        self.quota.setObjectName("quota")
        self.quota.setWordWrap(True)
        self.make_button = QPushButton("&Make worksheets")
        self.make_button.setToolTip("Ctrl+Enter")
        self.make_button.setDefault(True)
        self.save_button = QPushButton("&Save PDF…")
        self.save_button.setToolTip("Ctrl+S")
        self.print_button = QPushButton("&Print")
        self.print_button.setToolTip("Print the worksheets, the answer key, or both (Ctrl+P)")
        self.print_menu = self._print_menu()
        self.print_button.setMenu(self.print_menu)
        self._lay_out()
        self._connect()
        self._update_actions()

    def _lay_out(self) -> None:
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        scroll.setWidget(self.form)
        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 6, 0)
        left_layout.addWidget(scroll, 1)
        left_layout.addWidget(self.quota)
        left_layout.addWidget(self.make_button)
        right = QWidget()
        right_layout = QVBoxLayout(right)
        right_layout.setContentsMargins(6, 0, 0, 0)
        self.preview.add_actions(self.save_button, self.print_button)
        right_layout.addWidget(self.summary)
        right_layout.addWidget(self.preview, 1)
        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.addWidget(left)
        splitter.addWidget(right)
        splitter.setStretchFactor(1, 1)
        splitter.setChildrenCollapsible(False)
        # The form never scrolls sideways: the left side is at least as wide as it needs.
        scrollbar = scroll.verticalScrollBar().sizeHint().width()
        left.setMinimumWidth(self.form.minimumSizeHint().width() + scrollbar + 6)
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(f"<h2>{self.title}</h2>"))
        layout.addWidget(splitter, 1)

    def _print_menu(self) -> QMenu:
        """What to print is said, never guessed from the tab that happens to show."""
        menu = QMenu(self)
        self.print_actions: dict[PrintChoice, QAction] = {}
        for choice, (text, keys) in PRINT_CHOICES.items():
            # The keys are the page's own shortcuts; shown here, not bound twice.
            action = menu.addAction(f"{text}\t{keys}" if keys else text)
            action.triggered.connect(lambda _=False, c=choice: self.print_sheets(c))
            self.print_actions[choice] = action
        return menu

    def _connect(self) -> None:
        self.make_button.clicked.connect(self.make)
        self.save_button.clicked.connect(self.save_pdf)
        self.form.who_changed.connect(self._update_actions)
        shortcuts = (
            ("Ctrl+Return", self.make),
            ("Ctrl+Enter", self.make),
            (QKeySequence.StandardKey.Save, self.save_pdf),
            (QKeySequence.StandardKey.Print, lambda: self.print_sheets("sheets")),
            ("Ctrl+Shift+P", lambda: self.print_sheets("key")),
            ("Ctrl+K", lambda: self.preview.show_key(not self.preview.showing_key())),
        )
        for keys, action in shortcuts:
            QShortcut(QKeySequence(keys), self).activated.connect(action)

    def refresh(self) -> None:
        Op(self.ctx, load_choices, self).success(self._choices_loaded).quietly().run()
        Op(self.ctx, lambda store, _p: entitlement.current(store), self).success(
            lambda allowed: self.quota.setText(quota_line(allowed))
        ).quietly().run()

    def prepare(self, practice: Practice) -> None:
        """Open with `practice` chosen (from the Today page), once the names are loaded."""
        self._practice = practice
        self.refresh()

    def _choices_loaded(self, choices: BuilderChoices) -> None:
        self.form.set_choices(choices)
        if self._practice is not None:
            self.form.choose(self._practice)
            self._practice = None
        self._update_actions()

    # --- making -------------------------------------------------------------------------

    def make(self) -> None:
        """Make, print to PDF and save the chosen worksheets, in the background."""
        request = self.form.request()
        if request is None or self.busy:
            return
        self._set_busy(True)
        folder, who = self.ctx.data_dir / PREVIEWS_FOLDER, self.form.who()

        def work(store: Store, progress: Progress) -> MadeSheets:
            return make_sheets(store, progress, request, folder)

        Op(self.ctx, work, self).named("worksheet.make").with_progress(
            "Making worksheets…"
        ).success(lambda made: self._made(made, who)).failure(self._not_made).finally_(
            lambda: self._set_busy(False)
        ).run()

    def _not_made(self, error: BaseException) -> None:
        if isinstance(error, QuotaExceeded):
            offer_upgrade(self, error, self.ctx.open_upgrade)
        else:
            show_error(self, error)

    def _made(self, made: MadeSheets, who: str) -> None:
        before, self.made, self.made_for = self.made, made, who
        self.preview.show_files(made.pdf, made.key)
        if before is not None:
            remove_files((before.pdf, before.key))
        self.summary.setText(_summary(made, who))
        self.ctx.status(f"Made and saved {_plural(len(made.sheets), 'worksheet')} for {who}.")
        self.ctx.changed("worksheets")
        self._update_actions()

    def _set_busy(self, busy: bool) -> None:
        self.busy = busy
        self.make_button.setText("Making…" if busy else "&Make worksheets")
        self._update_actions()

    def _update_actions(self) -> None:
        self.make_button.setEnabled(not self.busy and self.form.request() is not None)
        self.save_button.setEnabled(self.made is not None)
        self.print_button.setEnabled(self.made is not None)
        has_key = self.made is not None and self.made.key is not None
        self.print_actions["key"].setEnabled(has_key)
        self.print_actions["both"].setEnabled(has_key)

    # --- saving and printing --------------------------------------------------------------

    def save_pdf(self) -> None:
        """Ask where to keep a copy of the PDF (and its answer key)."""
        if self.made is not None:
            suggested = file_name(_title(self.made), self.made_for)
            choose_pdf(self, "Save the worksheets", suggested, self._save_chosen)

    def _save_chosen(self, path: Path) -> None:
        self.save_pdf_to(path)

    def save_pdf_to(self, path: Path) -> list[Path]:
        """Copy the made PDF to `path`, and its key beside it as "<name> - answer key.pdf"."""
        if self.made is None:
            return []
        copies = [(self.made.pdf, path)]
        if self.made.key is not None:
            copies.append((self.made.key, path.with_name(f"{path.stem} - answer key.pdf")))
        try:
            for source, target in copies:
                shutil.copyfile(source, target)
        except OSError as error:
            show_error(self, error)
            return []
        also = " and its answer key beside it" if len(copies) > 1 else ""
        self.ctx.status(f"Saved {path.name}{also} in {path.parent}.")
        self._note_printed()
        return [target for _source, target in copies]

    def print_sheets(self, what: PrintChoice = "sheets") -> None:
        """Choose a printer and print the worksheets, the answer key, or both in one job."""
        files = self._files_to_print(what)
        if self.made is None or not files:
            return
        printer = printer_for(
            str(self.made.sheets[0].settings.get("paper", "A4")), _title(self.made)
        )
        dialog = QPrintDialog(printer, self)
        dialog.setWindowTitle(print_title(what, self.made))
        dialog.finished.connect(
            lambda result: (
                self.print_to(printer, what) if result == QDialog.DialogCode.Accepted else None
            )
        )
        self._print_dialog = (dialog, printer)  # kept alive while it is open
        dialog.setWindowModality(Qt.WindowModality.WindowModal)
        dialog.show()

    def _files_to_print(self, what: PrintChoice) -> list[Path]:
        if self.made is None:
            return []
        sheets, key = self.made.pdf, self.made.key
        if what != "sheets" and key is None:
            self.ctx.status(
                "There is no answer key: tick Answer key and make the worksheets again."
            )
            return []
        chosen: dict[PrintChoice, list[Path | None]] = {
            "sheets": [sheets],
            "key": [key],
            "both": [sheets, key],
        }
        return [path for path in chosen[what] if path is not None]

    def print_to(self, printer: QPrinter, what: PrintChoice = "sheets") -> None:
        """Print the chosen PDFs on `printer` as one job, in the background, with Cancel."""
        pdfs = self._files_to_print(what)
        if not pdfs:
            return

        def work(_store: Store, progress: Progress) -> int:
            def page(done: int, total: int) -> None:
                progress.update(done / total, f"Printed page {done} of {total}…")

            return print_pdfs(pdfs, printer, page)

        sheets = self.made is not None and self.made.pdf in pdfs

        def printed(pages: int) -> None:
            self.ctx.status(f"Sent {_plural(pages, 'page')} to the printer.")
            if sheets:
                self._note_printed()

        Op(self.ctx, work, self).with_progress("Printing…").success(printed).run()

    def _note_printed(self) -> None:
        """The sheets may be in a child's hands now: the Worksheets page will not delete them."""
        if self.made is not None:
            ids = [s.id or "" for s in self.made.sheets]
            Op(self.ctx, lambda store, _: store.worksheets.mark_printed(ids), self).quietly().run()


def print_title(what: PrintChoice, made: MadeSheets) -> str:
    """The print dialog's title: what this job prints, and how much of it."""
    sheets = f"{_plural(len(made.sheets), 'worksheet')} ({_plural(made.sheet_pages, 'page')})"
    key = f"answer key ({_plural(made.key_pages, 'page')})"
    return {
        "sheets": f"Print sheets — {sheets}",
        "key": f"Print answer key — {key}",
        "both": f"Print sheets and answer key — {sheets} and {key}",
    }[what]


def _title(made: MadeSheets) -> str:
    return made.sheets[0].title


def _summary(made: MadeSheets, who: str) -> str:
    sheets = f"{_plural(len(made.sheets), 'worksheet')}, {_plural(made.sheet_pages, 'page')}"
    key = f"; answer key {_plural(made.key_pages, 'page')}" if made.key else ""
    notes = "".join(f"<br>Note: {html.escape(note)}" for note in sheet_notes(made.sheets))
    return f"<b>{html.escape(_title(made))}</b><br>For {html.escape(who)}: {sheets}{key}{notes}"


def _plural(count: int, word: str) -> str:
    return f"{count} {word}{'' if count == 1 else 's'}"
