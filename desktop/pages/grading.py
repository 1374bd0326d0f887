"""The "Grade" page: open a returned sheet, mark it from the keyboard, save, see what changed.

Keys on an open sheet: Enter checks the typed answer and moves on; in mark mode (Ctrl+M), or on
an open-response question, 1 / 0 / p mark right / wrong / partly; Ctrl+Z undoes the last mark;
Ctrl+Enter saves; Esc goes back to the list of sheets. What is typed is kept as a draft as it is
typed (grading_drafts.py), restored when the sheet is opened again; leaving a sheet with marks not
saved asks first.
"""

from __future__ import annotations

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

from desktop.context import AppContext
from desktop.errors import show_error
from desktop.pages import Page
from desktop.pages.grading_drafts import (
    DraftKeeper,
    Leaving,
    ask_to_leave,
    draft_of,
    has_marks,
    put_back_text,
)
from desktop.pages.grading_open import Draft, OpenedSheet, open_sheet, saver
from desktop.pages.grading_picker import SheetList, SheetPicker, recent_sheets
from desktop.pages.grading_rows import SheetGrader
from desktop.pages.grading_session import GradingSession
from desktop.pages.grading_summary import GradingSummary, SavedGrading, score_line
from desktop.pages.pdf_files import choose_pdf, file_name, save_certificate
from desktop.tasks import Op
from progress.attempts import SCHOOL_TIME, RecordedAttempt, school_today
from storage.errors import NotFoundError


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
        self.keeper = DraftKeeper(ctx, self)
        self.shown_child: str | None = None  # whose marks the grader shows ('' nobody's yet)
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
        self.done_on.dateChanged.connect(self._draft_changed)
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
        if not self.may_leave():
            return
        self.stack.setCurrentWidget(self.picker)
        self.picker.code.setFocus()
        self.picker.code.selectAll()
        self.refresh()

    # -- opening a sheet ---------------------------------------------------------------------

    def open(self, id_or_code: str) -> None:
        if not self.may_leave():
            return
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
        self.done_on.blockSignals(True)
        self.done_on.setMaximumDate(_qdate(school_today()))
        self.done_on.setDate(_qdate(school_today()))
        self.done_on.blockSignals(False)
        self.shown_child = None
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
        """Show the chosen child's marks for this sheet (a class sheet is graded per child).

        The marks shown before stay in their child's draft; marks typed before choosing whose
        sheet it is go to the child chosen.
        """
        if self.opened is None:
            return
        self.keeper.flush()
        carried: Draft | None = None
        if self.shown_child == "" and self.grader is not None and self.keeper.unsaved:
            carried = (draft_of(self.grader), self._done_on_text())
            self.keeper.discard()
            self.opened.drafts.pop("", None)
        self._show_child(self.child_id, carried)

    def _show_child(self, child_id: str, carried: Draft | None) -> None:
        assert self.opened is not None
        session = GradingSession(self.opened.questions)
        session.load(self.opened.held.get(child_id, []) if child_id else [])
        kept = carried or self.opened.drafts.get(child_id)
        if kept is not None:
            session.restore(kept[0])
        self.shown_child = None  # no drafts while the rows are being built
        self._set_grader(SheetGrader(session))
        if kept is not None:
            self._put_back(kept)
        self.shown_child = child_id
        self.keeper.follow(self.opened.sheet.id or "", child_id, unsaved=kept is not None)
        if carried is not None:
            self._draft_changed()
        elif kept is not None:
            self.ctx.status("The marks typed earlier and not saved are back. Save them when done.")
        self._set_summary(None)
        if child_id:
            self.grader_focus(1)
        else:
            self.child_box.setFocus()

    def _put_back(self, kept: Draft) -> None:
        assert self.grader is not None
        put_back_text(self.grader, kept[0])
        if kept[1]:
            day = date.fromisoformat(kept[1])
            self.done_on.blockSignals(True)
            self.done_on.setDate(_qdate(min(day, school_today())))
            self.done_on.blockSignals(False)

    def _set_grader(self, grader: SheetGrader) -> None:
        if self.grader is not None:
            self.sheet_layout.removeWidget(self.grader)
            self.grader.deleteLater()
        self.grader = grader
        grader.mark_mode = self.mark_mode.isChecked()
        grader.changed.connect(self._update_counts)
        grader.changed.connect(self._draft_changed)
        for edit in grader.edits:
            edit.textEdited.connect(self._draft_changed)
        grader.finished.connect(self.save_button.setFocus)
        self.sheet_layout.addWidget(grader, 1)
        self._update_counts()

    def grader_focus(self, number: int) -> None:
        if self.grader is not None:
            self.grader.focus(number)

    @property
    def child_id(self) -> str:
        return str(self.child_box.currentData() or "")

    # -- drafts and leaving ------------------------------------------------------------------

    def _draft_changed(self) -> None:
        if self.grader is None or self.opened is None or self.shown_child is None:
            return
        kept = (draft_of(self.grader), self._done_on_text())
        self.opened.drafts[self.shown_child] = kept
        self.keeper.changed(*kept)

    def _done_on_text(self) -> str:
        return str(self.done_on.date().toString("yyyy-MM-dd"))

    def may_leave(self) -> bool:
        """Before the open sheet is left (Esc, another sheet, closing the window): marks not
        saved are saved or thrown away as the teacher says, or the sheet stays open."""
        if self.stack.currentWidget() is self.picker or self.grader is None:
            return True
        if not self.keeper.unsaved or not has_marks(draft_of(self.grader)):
            self.keeper.discard()
            return True
        self.keeper.flush()  # kept whatever happens next, even if the app is killed now
        whose = self.child_box.currentText() if self.child_id else "this sheet"
        choice = ask_to_leave(self, whose, can_save=bool(self.child_id))
        if choice is Leaving.SAVE:
            self.save()
        elif choice is Leaving.DISCARD:
            self.keeper.discard()
            if self.opened is not None:
                self.opened.drafts.pop(self.shown_child or "", None)
        return choice is not Leaving.STAY

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
        work = saver(
            self.opened.sheet, self.child_id, self.child_box.currentText(), graded, self.when
        )
        self.keeper.saving()
        Op(self.ctx, work, self).named("grade.save").with_progress("Saving the marks…").success(
            self._saved
        ).run()

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
            self.opened.drafts.pop(saved.outcome.child_id, None)
        if self.shown_child == saved.outcome.child_id:
            self.keeper.saved()
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


def _qdate(day: date) -> QDate:
    return QDate(day.year, day.month, day.day)
