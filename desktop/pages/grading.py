"""The "Grade" page: open a returned sheet, mark it from the keyboard, save, see what changed.

Keys on an open sheet: Enter checks the typed answer and moves on; in mark mode (Ctrl+M), or on
an open-response question, 1 / 0 / p mark right / wrong / partly; Ctrl+Z undoes the last mark;
Ctrl+Enter saves; Esc goes back to the list of sheets.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, datetime
from html import escape

from PySide6.QtCore import QDate, Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from curriculum.question import Question
from desktop.context import AppContext
from desktop.errors import show_error
from desktop.pages import Page
from desktop.pages.grading_picker import SheetList, SheetPicker, recent_sheets
from desktop.pages.grading_rows import SheetGrader
from desktop.pages.grading_session import GradingSession
from desktop.pages.grading_summary import GradingSummary, SavedGrading, score_line
from desktop.pages.pdf_files import choose_pdf, file_name, save_certificate
from desktop.tasks import Op
from desktop.worker import Progress
from progress.attempts import SCHOOL_TIME, RecordedAttempt
from progress.dashboard import skill_title
from progress.grading import GradedAnswer
from storage.database import Store
from storage.errors import NotFoundError
from worksheets.model import Worksheet


@dataclass(frozen=True)
class OpenedSheet:
    sheet: Worksheet
    questions: list[Question]
    children: list[tuple[str, str]]  # who may have done it: (id, name)
    held: dict[str, list[RecordedAttempt]]  # child id -> what was recorded for this sheet


def open_sheet(store: Store, id_or_code: str) -> OpenedSheet:
    sheet = store.worksheets.find(id_or_code)
    if sheet.child_id is not None:
        children = [(sheet.child_id, store.children.get(sheet.child_id).name)]
    else:
        children = [(c.id or "", c.name) for c in store.classes.members(sheet.class_id or "")]
    held: dict[str, list[RecordedAttempt]] = defaultdict(list)
    for attempt in store.attempts.for_worksheet(sheet.id or ""):
        held[attempt.student_id].append(attempt)
    questions = [Question.model_validate(q) for q in sheet.questions]
    return OpenedSheet(sheet, questions, children, dict(held))


def school_today() -> date:
    return datetime.now(SCHOOL_TIME).date()


class GradingPage(Page):
    title = "Grade"

    def __init__(self, ctx: AppContext) -> None:
        super().__init__(ctx)
        self.opened: OpenedSheet | None = None
        self.grader: SheetGrader | None = None
        self.summary: GradingSummary | None = None
        self.stack = QStackedWidget()
        self.picker = SheetPicker()
        self.picker.open_requested.connect(self.open)
        self.picker.search_changed.connect(lambda _words: self.refresh())
        self.saved: SavedGrading | None = None
        self.sheet_view = self._sheet_view()
        self.stack.addWidget(self.picker)
        self.stack.addWidget(self.sheet_view)
        layout = QVBoxLayout(self)
        layout.addWidget(self.stack)
        self._shortcuts()

    # -- layout ------------------------------------------------------------------------------

    def _sheet_view(self) -> QWidget:
        view = QWidget()
        self.sheet_layout = QVBoxLayout(view)
        self.heading = QLabel()
        self.heading.setWordWrap(True)
        self.sheet_layout.addWidget(self.heading)
        self.sheet_layout.addLayout(self._who_and_when())
        self.sheet_layout.addLayout(self._tools())
        self.help = QLabel(
            "Type what the child wrote and press Enter: it is checked at once. To mark it "
            "yourself, turn on mark mode and press 1 (right), 0 (wrong) or p (partly)."
        )
        self.help.setWordWrap(True)
        self.help.setStyleSheet("color: #5f6368")
        self.sheet_layout.addWidget(self.help)
        return view

    def _who_and_when(self) -> QHBoxLayout:
        row = QHBoxLayout()
        self.child_label = QLabel("&Child:")
        self.child_box = QComboBox()
        self.child_box.setObjectName("child")
        self.child_label.setBuddy(self.child_box)
        self.child_box.currentIndexChanged.connect(self._child_chosen)
        when = QLabel("&Done on:")
        self.done_on = QDateEdit()
        self.done_on.setCalendarPopup(True)
        self.done_on.setDisplayFormat("d MMM yyyy")
        when.setBuddy(self.done_on)
        for widget in (self.child_label, self.child_box, when, self.done_on):
            row.addWidget(widget)
        row.addStretch(1)
        back = QPushButton("Other worksheets (Esc)")
        back.clicked.connect(self.back_to_list)
        row.addWidget(back)
        return row

    def _tools(self) -> QHBoxLayout:
        row = QHBoxLayout()
        self.mark_mode = QCheckBox("&Mark mode: 1 right, 0 wrong, p partly (Ctrl+M)")
        self.mark_mode.setObjectName("mark-mode")
        self.mark_mode.toggled.connect(self._mark_mode_changed)
        self.counts = QLabel()
        self.undo_button = QPushButton("Undo last mark (Ctrl+Z)")
        self.undo_button.clicked.connect(self.undo)
        self.save_button = QPushButton("Save marks (Ctrl+Enter)")
        self.save_button.setObjectName("save")
        self.save_button.setAutoDefault(True)  # Enter on it (after the last question) saves
        self.save_button.clicked.connect(self.save)
        row.addWidget(self.mark_mode)
        row.addStretch(1)
        row.addWidget(self.counts)
        row.addWidget(self.undo_button)
        row.addWidget(self.save_button)
        return row

    def _shortcuts(self) -> None:
        keys = {
            "Ctrl+Return": self.save,
            "Ctrl+Enter": self.save,
            "Ctrl+Z": self.undo,
            "Ctrl+M": self.mark_mode.toggle,
            "Esc": self.back_to_list,
        }
        for key, action in keys.items():
            shortcut = QShortcut(QKeySequence(key), self)
            shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            shortcut.activated.connect(action)

    # -- the list ----------------------------------------------------------------------------

    def refresh(self) -> None:
        words = self.picker.words.text()
        Op(self.ctx, lambda store, _: recent_sheets(store, words), self).quietly().success(
            self._show_listings
        ).run()

    def _show_listings(self, listings: SheetList) -> None:
        self.picker.show_listings(listings)

    def back_to_list(self) -> None:
        self.stack.setCurrentWidget(self.picker)
        self.picker.code.setFocus()
        self.picker.code.selectAll()
        self.refresh()

    # -- opening a sheet ---------------------------------------------------------------------

    def open(self, id_or_code: str) -> None:
        self.picker.show_problem("")
        Op(self.ctx, lambda store, _: open_sheet(store, id_or_code), self).success(
            self.show_sheet
        ).failure(self._not_opened).run()

    def _not_opened(self, error: BaseException) -> None:
        if not isinstance(error, NotFoundError):
            show_error(self, error)
            return
        self.picker.show_problem(
            f"No worksheet has the code “{self.picker.code.text().strip()}”. Check the code "
            "printed at the top of the sheet (it has no 0, O, 1, I or L)."
        )

    def show_sheet(self, opened: OpenedSheet) -> None:
        self.opened = opened
        sheet = opened.sheet
        whose = f"{escape(opened.children[0][1])} — " if sheet.child_id else ""
        self.heading.setText(
            f"<h2>{whose}{escape(sheet.title)}</h2><span style='color:#5f6368'>Code "
            f"{sheet.code} · {sheet.settings.get('date', '')} · {len(opened.questions)} "
            "questions</span>"
        )
        self.done_on.setMaximumDate(_qdate(school_today()))
        self.done_on.setDate(_qdate(school_today()))
        self.child_box.blockSignals(True)
        self.child_box.clear()
        if sheet.child_id is None:
            self.child_box.addItem("Choose whose sheet this is…", "")
        for child_id, name in opened.children:
            self.child_box.addItem(name, child_id)
        self.child_box.setVisible(sheet.child_id is None)  # a child's own sheet says whose
        self.child_label.setVisible(sheet.child_id is None)
        self.child_box.blockSignals(False)
        self.stack.setCurrentWidget(self.sheet_view)
        self._child_chosen()

    def _child_chosen(self) -> None:
        """Show the chosen child's marks for this sheet (a class sheet is graded per child)."""
        if self.opened is None:
            return
        child_id = self.child_id
        session = GradingSession(self.opened.questions)
        session.load(self.opened.held.get(child_id, []) if child_id else [])
        self._set_grader(SheetGrader(session))
        self._set_summary(None)
        if child_id:
            self.grader_focus(1)
        else:
            self.child_box.setFocus()

    def _set_grader(self, grader: SheetGrader) -> None:
        if self.grader is not None:
            self.sheet_layout.removeWidget(self.grader)
            self.grader.deleteLater()
        self.grader = grader
        grader.mark_mode = self.mark_mode.isChecked()
        grader.changed.connect(self._update_counts)
        grader.finished.connect(self.save_button.setFocus)
        self.sheet_layout.addWidget(grader, 1)
        self._update_counts()

    def grader_focus(self, number: int) -> None:
        if self.grader is not None:
            self.grader.focus(number)

    @property
    def child_id(self) -> str:
        return str(self.child_box.currentData() or "")

    # -- marking -----------------------------------------------------------------------------

    def _mark_mode_changed(self, on: bool) -> None:
        if self.grader is not None:
            self.grader.mark_mode = on
        self.ctx.status("Mark mode: 1 right, 0 wrong, p partly." if on else "Typing answers.")

    def undo(self) -> None:
        if self.grader is not None and self.grader.undo() is None:
            self.ctx.status("Nothing to undo.")

    def _update_counts(self) -> None:
        if self.grader is None:
            return
        counts = self.grader.session.counts()
        marked = len(self.grader.session) - counts["unmarked"]
        self.counts.setText(
            f"{marked} of {len(self.grader.session)} marked: {counts['right']} right, "
            f"{counts['wrong']} wrong"
            + (f", {counts['partly']} partly" if counts["partly"] else "")
        )
        self.undo_button.setEnabled(self.grader.session.can_undo)

    # -- saving ------------------------------------------------------------------------------

    def save(self) -> None:
        if self.opened is None or self.grader is None or self.stack.currentWidget() is self.picker:
            return
        if not self.child_id:
            self.ctx.status("Choose whose sheet this is first.")
            self.child_box.setFocus()
            return
        self.grader.check_pending()  # typed but not yet Entered: check it now
        graded = self.grader.session.graded()
        if not graded:
            self.ctx.status("Nothing is marked yet.")
            return
        work = _saver(
            self.opened.sheet, self.child_id, self.child_box.currentText(), graded, self.when
        )
        Op(self.ctx, work, self).with_progress("Saving the marks…").success(self._saved).run()

    @property
    def when(self) -> datetime:
        """The day the child did the sheet (IST), at the present time of day."""
        picked = self.done_on.date()
        day = date(picked.year(), picked.month(), picked.day())
        return datetime.now(SCHOOL_TIME).replace(year=day.year, month=day.month, day=day.day)

    def _saved(self, result: tuple[SavedGrading, list[RecordedAttempt]]) -> None:
        saved, held = result
        self.saved = saved
        if self.opened is not None:  # what the child box shows if it comes back to this child
            self.opened.held[saved.outcome.child_id] = held
        self._set_summary(GradingSummary(saved))
        self.ctx.status(f"Saved. {saved.child_name}: {score_line(saved.outcome)}")
        self.ctx.changed("attempts")

    def _set_summary(self, summary: GradingSummary | None) -> None:
        if self.summary is not None:
            self.sheet_layout.removeWidget(self.summary)
            self.summary.deleteLater()
        self.summary = summary
        if summary is not None:
            summary.certificate_requested.connect(self.ask_certificate)
            self.sheet_layout.insertWidget(4, summary)  # under the help, above the questions

    def ask_certificate(self, child_id: str, chapter_key: str) -> None:
        title = self.saved.chapter(chapter_key) if self.saved else chapter_key
        suggested = file_name("Certificate", self.child_box.currentText(), title)
        choose_pdf(
            self,
            "Save the certificate",
            suggested,
            lambda path: save_certificate(self.ctx, self, (child_id, chapter_key), path),
        )


def _saver(
    sheet: Worksheet, child_id: str, child_name: str, graded: list[GradedAnswer], when: datetime
) -> Callable[[Store, Progress], tuple[SavedGrading, list[RecordedAttempt]]]:
    def work(store: Store, _progress: Progress) -> tuple[SavedGrading, list[RecordedAttempt]]:
        outcome = store.progress.grade(sheet, child_id, graded, when)
        syllabus = store.custom_content.syllabus()
        chapters = store.progress.chapters().titles
        saved = SavedGrading(
            outcome,
            child_name,
            sheet.title,
            sheet.code,
            {tag: skill_title(syllabus, tag) for tag, _, _ in outcome.changes},
            {key: chapters.get(key, key) for key in outcome.chapters_mastered},
        )
        held = store.attempts.for_worksheet(sheet.id or "")
        return saved, [a for a in held if a.student_id == child_id]

    return work


def _qdate(day: date) -> QDate:
    return QDate(day.year, day.month, day.day)
