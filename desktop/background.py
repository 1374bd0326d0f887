"""Work that does not touch the store (the network, for now) on a small pool of its own.

Results come back to the UI thread by a queued signal, as the database worker's do; the store's
thread is never held up by a slow server.
"""

from __future__ import annotations

from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from typing import Any

from PySide6.QtCore import QObject, Signal

Done = Callable[[Any, BaseException | None], None]


class Background(QObject):
    _finished = Signal(object, object, object)  # done, result, error

    def __init__(self) -> None:
        super().__init__()
        self._pool = ThreadPoolExecutor(max_workers=2, thread_name_prefix="network")
        self._finished.connect(lambda done, result, error: done(result, error))
        self.running = 0

    def run(self, work: Callable[[], Any], done: Done) -> None:
        self.running += 1

        def call() -> None:
            try:
                result = work()
            except BaseException as error:  # noqa: BLE001 - handed to the UI thread, shown there
                self._finished.emit(self._counted(done), None, error)
            else:
                self._finished.emit(self._counted(done), result, None)

        self._pool.submit(call)

    def _counted(self, done: Done) -> Done:
        def finished(result: Any, error: BaseException | None) -> None:
            self.running -= 1
            done(result, error)

        return finished

    def close(self) -> None:
        self._pool.shutdown(wait=True)
