"""Nothing typed on the Grade page is lost: a draft kept in the database as it is typed.

Every check, mark, undo or keystroke schedules a write of the whole sheet's state a moment
later (one small transaction on the worker), so a crash or a restart loses at most that moment;
opening the sheet again restores it. Saving the marks removes the draft in the same transaction
as the attempts. Anything that would leave the sheet asks first (`ask_to_leave`).
"""

from __future__ import annotations

from enum import Enum
from typing import Any

from PySide6.QtCore import QObject, QTimer
from PySide6.QtWidgets import QMessageBox, QWidget

from desktop.context import AppContext
from desktop.pages.grading_rows import SheetGrader
from desktop.tasks import Op

DRAFT_DELAY_MS = 400  # a pause in typing; a crash loses at most this


class Leaving(Enum):
    SAVE = "save"
    DISCARD = "discard"
    STAY = "stay"


def draft_of(grader: SheetGrader) -> list[dict[str, Any]]:
    """The sheet as it stands: each question's verdict, and the text in its box (typed but
    perhaps not yet checked with Enter)."""
    kept = grader.session.as_draft()
    for entry, edit in zip(kept, grader.edits, strict=True):
        entry["text"] = edit.text()
    return kept


def put_back_text(grader: SheetGrader, draft: list[dict[str, Any]]) -> None:
    """Fill the answer boxes with what was in them when the draft was kept."""
    for edit, kept in zip(grader.edits, draft, strict=False):
        if not edit.isReadOnly():
            edit.setText(str(kept.get("text", kept.get("typed")) or ""))


def has_marks(draft: list[dict[str, Any]]) -> bool:
    return any(kept.get("result") or str(kept.get("text") or "").strip() for kept in draft)


class DraftKeeper(QObject):
    """Keeps the open sheet's draft for one child; `unsaved` says whether there is one."""

    def __init__(self, ctx: AppContext, page: QWidget) -> None:
        super().__init__(page)
        self._ctx, self._page = ctx, page
        self.unsaved = False
        self._key: tuple[str, str] | None = None  # (worksheet id, child id)
        self._snapshot: tuple[list[dict[str, Any]], str | None] | None = None
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(DRAFT_DELAY_MS)
        self._timer.timeout.connect(self.flush)

    def follow(self, worksheet_id: str, child_id: str, unsaved: bool) -> None:
        """From now on keep the draft of this sheet for this child."""
        self._timer.stop()
        self._key, self._snapshot, self.unsaved = (worksheet_id, child_id), None, unsaved

    def changed(self, draft: list[dict[str, Any]], done_on: str | None) -> None:
        self._snapshot = (draft, done_on)
        self.unsaved = True
        self._timer.start()

    def flush(self) -> None:
        """Write the pending draft now (before leaving, closing or switching child)."""
        self._timer.stop()
        if self._key is None or self._snapshot is None:
            return
        (sheet_id, child_id), (draft, done_on) = self._key, self._snapshot
        self._snapshot = None
        Op(
            self._ctx,
            lambda store, _p: store.drafts.put(sheet_id, child_id, draft, done_on),
        ).quietly().run()  # no parent: a draft is kept even if the page goes away

    def discard(self) -> None:
        self._timer.stop()
        self._snapshot, self.unsaved = None, False
        if self._key is not None:
            sheet_id, child_id = self._key
            Op(
                self._ctx, lambda store, _p: store.drafts.discard(sheet_id, child_id)
            ).quietly().run()

    def saving(self) -> None:
        """The marks are being saved (their transaction removes the draft): write no more."""
        self._timer.stop()
        self._snapshot = None

    def saved(self) -> None:
        self.unsaved = False


def ask_to_leave(parent: QWidget, whose: str, can_save: bool) -> Leaving:
    """Ask what to do with marks not saved yet: save them, throw them away, or stay."""
    buttons = QMessageBox.StandardButton.Discard | QMessageBox.StandardButton.Cancel
    if can_save:
        buttons |= QMessageBox.StandardButton.Save
    next_step = (
        "Save them now, or throw them away?"
        if can_save
        else "Choose whose sheet this is to save them, or throw them away."
    )
    answer = QMessageBox.question(
        parent,
        "Marks not saved",
        f"The marks and answers you typed for {whose} are not saved yet.\n\n{next_step}",
        buttons,
        QMessageBox.StandardButton.Save if can_save else QMessageBox.StandardButton.Cancel,
    )
    if answer == QMessageBox.StandardButton.Save and can_save:
        return Leaving.SAVE
    if answer == QMessageBox.StandardButton.Discard:
        return Leaving.DISCARD
    return Leaving.STAY
