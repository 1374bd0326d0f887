"""Background work for widgets, built in one line:

    Op(ctx, lambda store, progress: store.children.all(), self).success(self.show).run()

`success` runs on the UI thread with the result; it is dropped if the parent widget was deleted
while the work ran. `failure` defaults to a dialog saying what went wrong and what to do next
(work the user started); `quietly()` logs to the status bar instead (automatic work).
`with_progress` shows a progress dialog after 600 ms, with Cancel.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Callable
from typing import TYPE_CHECKING, Any, Generic, TypeVar

import shiboken6
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QProgressDialog, QWidget

from desktop.errors import show_error
from desktop.worker import Cancelled, Progress
from storage.database import Store
from storage.telemetry import record_event

if TYPE_CHECKING:
    from desktop.context import AppContext

T = TypeVar("T")
log = logging.getLogger("practicecraft.desktop")
SHOW_PROGRESS_AFTER_MS = 600


class Op(Generic[T]):
    def __init__(
        self, ctx: AppContext, work: Callable[[Store, Progress], T], parent: QWidget | None = None
    ) -> None:
        self._ctx = ctx
        self._work = work
        self._parent = parent
        self._success: Callable[[T], None] = lambda _result: None
        self._failure: Callable[[BaseException], None] | None = None
        self._label: str | None = None
        self._quiet = False
        self._finally: Callable[[], None] = lambda: None
        self._event: str | None = None
        self._started = 0.0

    def success(self, callback: Callable[[T], None]) -> Op[T]:
        self._success = callback
        return self

    def failure(self, callback: Callable[[BaseException], None]) -> Op[T]:
        self._failure = callback
        return self

    def finally_(self, callback: Callable[[], None]) -> Op[T]:
        """Run `callback` on the UI thread however the work ended (done, failed or cancelled)."""
        self._finally = callback
        return self

    def named(self, event: str) -> Op[T]:
        """Note a usage event (`event`, e.g. "worksheet.make") when the work has ended; kept
        only if the user opted in, and written after the result is shown (never delaying or
        failing it)."""
        self._event = event
        return self

    def quietly(self) -> Op[T]:
        self._quiet = True
        return self

    def with_progress(self, label: str) -> Op[T]:
        self._label = label
        return self

    def run(self) -> None:
        dialog = self._progress_dialog() if self._label else None
        on_progress = _updater(dialog) if dialog else None
        self._started = time.monotonic()
        job = self._ctx.worker.submit(
            self._work, lambda r, e: self._done(r, e, dialog), on_progress
        )
        if dialog is not None:
            dialog.canceled.connect(lambda: setattr(job.progress, "cancelled", True))

    def _progress_dialog(self) -> QProgressDialog:
        dialog = QProgressDialog(self._label or "", "Cancel", 0, 1000, self._parent)
        dialog.setWindowTitle("PracticeCraft")
        dialog.setWindowModality(Qt.WindowModality.WindowModal)
        dialog.setMinimumDuration(SHOW_PROGRESS_AFTER_MS)
        dialog.setAutoClose(False)
        dialog.setAutoReset(False)
        dialog.setValue(0)
        return dialog

    def _done(
        self, result: Any, error: BaseException | None, dialog: QProgressDialog | None
    ) -> None:
        if dialog is not None and shiboken6.isValid(dialog):
            _dismiss(dialog)
        try:
            self._finish(result, error)
        finally:
            self._note_usage(ok=error is None)

    def _finish(self, result: Any, error: BaseException | None) -> None:
        if self._parent is not None and not shiboken6.isValid(self._parent):
            return  # the page closed while the work ran: nobody to show the result to
        try:
            self._deliver(result, error)
        finally:
            self._finally()

    def _deliver(self, result: Any, error: BaseException | None) -> None:
        if error is None:
            self._success(result)
        elif isinstance(error, Cancelled):
            self._ctx.status("Cancelled.")
        elif self._failure is not None:
            self._failure(error)
        elif self._quiet:
            log.warning("background work failed: %s", error)
            self._ctx.status(f"Could not finish: {error}")
        else:
            show_error(self._parent, error)

    def _note_usage(self, ok: bool) -> None:
        """Queued after the action's own result: fire-and-forget (failures are logged)."""
        if self._event is None:
            return
        event, elapsed_ms = self._event, int((time.monotonic() - self._started) * 1000)
        self._ctx.worker.submit(
            lambda store, _progress: record_event(store, event, "window", elapsed_ms, ok),
            lambda _kept, _error: None,
        )


def _dismiss(dialog: QProgressDialog) -> None:
    """Close the dialog for good, before any result or error box is shown.

    Hiding is not enough: QProgressDialog's own timer shows it once `minimumDuration` has passed,
    and a deleteLater() waits for the outer event loop — so over an error box (a nested loop) it
    came back on top, blocking the box's OK. reset() stops that timer; the dialog then
    forgets any late progress too.
    """
    dialog.blockSignals(True)  # no "canceled" from closing it: the work is already over
    dialog.reset()
    dialog.hide()
    dialog.setEnabled(False)
    dialog.deleteLater()


def _updater(dialog: QProgressDialog) -> Callable[[float, str], None]:
    def update(fraction: float, message: str) -> None:
        if not shiboken6.isValid(dialog) or not dialog.isEnabled():
            return  # a late report after the work ended must not show the dialog again
        dialog.setValue(int(fraction * 1000))
        if message:
            dialog.setLabelText(message)

    return update
