"""Python's cycle collector runs on the UI thread only, while the window is open.

Left to itself the collector runs on whichever thread happens to allocate when a threshold is
crossed — often the database thread, in the middle of a job. If the garbage it finds holds a Qt
object (a closed page, a dialog, a chart), PySide deletes the C++ object there: QObject's
destructor takes Qt's connection lock and then asks for the GIL, while the UI thread, holding
the GIL, waits for that same lock to delete another object. Both wait for ever (seen in CI:
the UI thread destroying a chart, the database thread destroying a QObject from inside
`gc_collect_main`). Reference counting still frees everything else at once on every thread;
only cycles wait, for at most one tick of the timer.
"""

from __future__ import annotations

import gc

from PySide6.QtCore import QObject, QTimer

TICK_MS = 500


class UiThreadCollector(QObject):
    """While started, automatic collection is off and the UI thread collects on a timer, a
    generation at a time when it has passed its threshold, as the automatic collector would."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._timer = QTimer(self)
        self._timer.setInterval(TICK_MS)
        self._timer.timeout.connect(self.tick)
        self._was_enabled = gc.isenabled()

    def start(self) -> None:
        self._was_enabled = gc.isenabled()
        gc.disable()
        self._timer.start()

    def stop(self) -> None:
        """Collect everything now, on this thread, and give collection back to Python."""
        self._timer.stop()
        gc.collect()
        if self._was_enabled:
            gc.enable()

    def tick(self) -> int:
        """Collect the generations past their thresholds; returns how many objects went."""
        counts, thresholds = gc.get_count(), gc.get_threshold()
        oldest = max(
            (gen for gen in range(3) if counts[gen] > thresholds[gen]),
            default=-1,
        )
        return gc.collect(oldest) if oldest >= 0 else 0
