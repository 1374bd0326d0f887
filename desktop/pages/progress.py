"""The "Progress" page: choose a child or a class and see where they stand.

Ctrl+P saves the chosen child's progress report as a PDF.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLabel, QStackedWidget, QVBoxLayout

from desktop.context import AppContext
from desktop.pages import Page, pdf_files
from desktop.pages.pdf_files import choose_pdf, file_name, save_certificate
from desktop.pages.progress_child import ChildProgress, ChildProgressView, load_child
from desktop.pages.progress_class import ClassProgress, ClassProgressView, load_class
from desktop.tasks import Op
from desktop.worker import Progress
from progress.attempts import school_today
from storage.child_export import write_progress_report
from storage.database import Store
from storage.records import Certificate

Choice = tuple[str, str]  # ("child", id) or ("class", name)


def choices(store: Store) -> list[tuple[str, Choice]]:
    """(label, choice) for every class, then every child: a teacher starts from the class."""
    children = [
        (f"{c.name} (Class {c.grade})", ("child", c.id or "")) for c in store.children.all()
    ]
    classes = [(f"Class {c.name} — whole class", ("class", c.name)) for c in store.classes.all()]
    return classes + children


def write_report(store: Store, child_id: str, out: Path) -> None:
    """The one-page report a parent keeps (as `practicecraft report` and the export write it)."""
    write_progress_report(store, child_id, out)


class ProgressPage(Page):
    title = "Progress"

    def __init__(self, ctx: AppContext) -> None:
        super().__init__(ctx)
        self.choice: Choice | None = None
        layout = QVBoxLayout(self)
        layout.addLayout(self._chooser())
        self.stack = QStackedWidget()
        self.empty = QLabel(
            "No children yet. Add them on the Children page (or import a class list on the "
            "Classes page), then grade their worksheets to see their progress here."
        )
        self.empty.setWordWrap(True)
        self.empty.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        self.child_view = ChildProgressView()
        self.child_view.report_requested.connect(self.ask_report)
        self.child_view.certificate_requested.connect(self.ask_certificate)
        self.class_view = ClassProgressView()
        self.class_view.child_requested.connect(
            lambda child_id: self.show_choice(("child", child_id))
        )
        for widget in (self.empty, self.child_view, self.class_view):
            self.stack.addWidget(widget)
        layout.addWidget(self.stack, 1)
        shortcut = QShortcut(QKeySequence("Ctrl+P"), self)
        shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        shortcut.activated.connect(self.ask_report)

    def _chooser(self) -> QHBoxLayout:
        row = QHBoxLayout()
        label = QLabel("&Show:")
        self.chooser = QComboBox()
        self.chooser.setObjectName("chooser")
        self.chooser.setMinimumContentsLength(28)
        label.setBuddy(self.chooser)
        self.chooser.activated.connect(self._chosen)
        row.addWidget(label)
        row.addWidget(self.chooser)
        row.addStretch(1)
        return row

    # -- choosing ----------------------------------------------------------------------------

    def refresh(self) -> None:
        Op(self.ctx, lambda store, _: choices(store), self).quietly().success(
            self._show_choices
        ).run()

    def _show_choices(self, found: list[tuple[str, Choice]]) -> None:
        self.chooser.clear()
        for label, choice in found:
            self.chooser.addItem(label, choice)
        if not found:
            self.choice = None
            self.stack.setCurrentWidget(self.empty)
            return
        known = [choice for _, choice in found]
        self.show_choice(self.choice if self.choice in known else known[0])

    def _chosen(self, index: int) -> None:
        choice = self.chooser.itemData(index)
        if choice:
            self.show_choice(tuple(choice))

    def show_choice(self, choice: Choice) -> None:
        """Show a child (("child", id)) or a class (("class", name))."""
        self.choice = choice
        for index in range(self.chooser.count()):
            if tuple(self.chooser.itemData(index)) == choice:
                self.chooser.setCurrentIndex(index)
        kind, key = choice
        today = school_today()
        if kind == "child":
            Op(self.ctx, lambda store, _: load_child(store, key, today), self).success(
                self._show_child
            ).run()
        else:
            Op(self.ctx, lambda store, _: load_class(store, key, today), self).success(
                self._show_class
            ).run()

    def _show_child(self, data: ChildProgress) -> None:
        self.child_view.show_progress(data)
        self.stack.setCurrentWidget(self.child_view)

    def _show_class(self, data: ClassProgress) -> None:
        self.class_view.show_progress(data)
        self.stack.setCurrentWidget(self.class_view)

    # -- PDFs --------------------------------------------------------------------------------

    @property
    def child_id(self) -> str | None:
        return self.choice[1] if self.choice and self.choice[0] == "child" else None

    def ask_report(self) -> None:
        data = self.child_view.data
        if self.child_id is None or data is None:
            self.ctx.status("Choose a child to make a progress report.")
            return
        suggested = file_name("Progress report", data.board.name, data.today.isoformat())
        choose_pdf(self, "Save the progress report", suggested, self.save_report)

    def save_report(self, out: Path) -> None:
        child_id = self.child_id
        if child_id is None:
            return

        def work(store: Store, _progress: Progress) -> Path:
            write_report(store, child_id, out)
            return out

        def done(path: Path) -> None:
            self.ctx.status(f"Progress report saved to {path}")
            pdf_files.open_pdf(path)

        Op(self.ctx, work, self).named("report.make").with_progress("Making the report…").success(
            done
        ).run()

    def ask_certificate(self, chapter_key: str) -> None:
        data, child_id = self.child_view.data, self.child_id
        if data is None or child_id is None:
            return
        title = next(
            (c.title for c in data.board.chapters_mastered if c.chapter_key == chapter_key), ""
        )
        choose_pdf(
            self,
            "Save the certificate",
            file_name("Certificate", data.board.name, title),
            lambda out: self.save_certificate(chapter_key, out),
        )

    def save_certificate(self, chapter_key: str, out: Path) -> None:
        child_id = self.child_id
        if child_id is None:
            return

        def reload(_certificate: Certificate) -> None:  # the button now says "Print again"
            self.show_choice(("child", child_id))

        save_certificate(self.ctx, self, (child_id, chapter_key), out, reload)
