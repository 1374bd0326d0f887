"""The one thread that touches the database.

Every read and write of the store runs on this thread, in the order it was asked for; results
and errors come back to the UI thread by a queued signal, so widgets never wait on SQLite and
SQLite is never used from two threads. Long jobs report progress and can be cancelled.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from PySide6.QtCore import QObject, Signal

from storage.database import Store

log = logging.getLogger("practicecraft.desktop")


class Cancelled(Exception):
    """The user cancelled a long job; nothing it was doing is kept."""


@dataclass
class Progress:
    """Handed to a job: `update` reports how far it is, and stops it if the user cancelled."""

    report: Callable[[float, str], None] = field(default=lambda _f, _m: None)
    cancelled: bool = False

    def update(self, fraction: float, message: str = "") -> None:
        if self.cancelled:
            raise Cancelled
        self.report(fraction, message)


Work = Callable[[Store, Progress], Any]
Done = Callable[[Any, BaseException | None], None]


@dataclass
class Job:
    work: Work
    done: Done
    progress: Progress = field(default_factory=Progress)


class Worker(QObject):
    """Runs jobs on one background thread that owns the store (opened there on first use)."""

    _finished = Signal(object, object, object)  # job, result, error
    _moved = Signal(object, float, str)  # job, fraction, message
    wrote = Signal()  # a job changed synced data (the clock stamped something): sync soon

    def __init__(self, open_store: Callable[[], Store]) -> None:
        super().__init__()
        self._open = open_store
        self._store: Store | None = None
        self._pool = ThreadPoolExecutor(max_workers=1, thread_name_prefix="database")
        self._pending = 0
        self._closed = False
        self._finished.connect(self._deliver)
        self.progress_listeners: dict[int, Callable[[float, str], None]] = {}
        self._moved.connect(self._report)

    @property
    def idle(self) -> bool:
        return self._pending == 0

    def submit(
        self, work: Work, done: Done, on_progress: Callable[[float, str], None] | None = None
    ) -> Job:
        job = Job(work, done)
        if self._closed:
            log.info("the database worker is closed: a late job was dropped")
            return job  # the window is closing; nobody waits for this answer
        if on_progress is not None:
            self.progress_listeners[id(job)] = on_progress
            job.progress.report = lambda f, m: self._moved.emit(job, f, m)
        self._pending += 1
        self._pool.submit(self._run, job)
        return job

    def submit_closed(self, work: Callable[[Path], Any], done: Done) -> Job:
        """Run `work(database_path)` with the store closed (e.g. restoring a backup over it);
        the store is opened again by the next job."""

        def closed(_store: Store, _progress: Progress) -> Any:
            path = _store.path
            self._close_store()
            return work(path)

        return self.submit(closed, done)

    def switch(self, open_store: Callable[[], Store], done: Done) -> Job:
        """Close the store and open another one from now on (signing in or out)."""

        def closed(_store: Store, _progress: Progress) -> Any:
            self._close_store()
            self._open = open_store
            self._store = open_store()
            return self._store.path

        return self.submit(closed, done)

    def reopen(self, open_store: Callable[[], Store], done: Done) -> Job:
        """Open the store with `open_store` from now on, when the current one never opened
        (a damaged file, replaced by a backup): the next job opens it, on the worker."""
        self._open = open_store  # read by the worker thread only while it has no store
        return self.submit(lambda store, _progress: store.path, done)

    def call(self, work: Callable[[Store], Any]) -> Any:
        """Run `work(store)` on the database thread and wait for its result.

        For background threads only (sync): never call it on the UI thread. The result comes
        straight back, not through the UI thread, so a busy window never holds sync up.
        """
        return self._pool.submit(self._direct, work).result()

    def _direct(self, work: Callable[[Store], Any]) -> Any:
        if self._store is None:
            self._store = self._open()
        return work(self._store)

    def _run(self, job: Job) -> None:
        try:
            if self._store is None:
                self._store = self._open()
            before = self._store.clock.high_water
            result = job.work(self._store, job.progress)
        except BaseException as error:  # noqa: BLE001 - handed to the UI thread, shown or logged there
            self._finished.emit(job, None, error)
        else:
            if self._store is not None and self._store.clock.high_water != before:
                self.wrote.emit()
            self._finished.emit(job, result, None)

    def _deliver(self, job: Job, result: Any, error: BaseException | None) -> None:
        self._pending -= 1
        self.progress_listeners.pop(id(job), None)
        job.done(result, error)

    def _report(self, job: Job, fraction: float, message: str) -> None:
        listener = self.progress_listeners.get(id(job))
        if listener is not None:
            listener(fraction, message)

    def close(self) -> None:
        """Finish queued jobs, close the store, stop the thread; later jobs are dropped.
        Safe to call twice."""
        if self._closed:
            return
        self._closed = True
        self._pool.submit(self._close_store)
        self._pool.shutdown(wait=True)

    def _close_store(self) -> None:
        if self._store is not None:
            self._store.close()
            self._store = None
