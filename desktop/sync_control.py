"""Sync in the window: the scheduler's thread does the network, the database worker the store.

The UI thread never waits on either: the scheduler runs each sync on its own thread, reaching
the store through `Worker.call` (a short job on the database thread per batch or page), and
its status comes back to the UI thread by a queued signal. Automatic syncs that fail go to the
status bar and the log; a sync the user asked for that fails shows a dialog (the Account page
does that from `status_changed`).
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject, Signal

from desktop.worker import Worker
from sync.settings import load_account

if TYPE_CHECKING:
    from sync.engine import ProgressCallback, SyncReport
    from sync.scheduler import SyncScheduler, SyncStatus

log = logging.getLogger("practicecraft.desktop")


class SyncController(QObject):
    """Owns the scheduler while an account is signed in; tells the window what sync is doing."""

    status_changed = Signal(object)  # SyncStatus, delivered on the UI thread
    data_changed = Signal(object)  # the tables a pull changed (set[str])

    def __init__(self, worker: Worker, data_dir: Path, http: Any = None) -> None:
        super().__init__()
        self.worker = worker
        self.data_dir = data_dir
        self.http = http  # tests give a client with a slow or faulty transport
        self.scheduler: SyncScheduler | None = None
        self.status: SyncStatus | None = None
        self.status_changed.connect(self._remember)

    def start(self) -> bool:
        """Begin syncing in the background if this folder is signed in; True if it started."""
        from sync.scheduler import SyncScheduler

        if self.scheduler is not None or not load_account(self.data_dir).user_id:
            return False
        self.scheduler = SyncScheduler(self._run)
        self.scheduler.add_listener(self.status_changed.emit)
        self.scheduler.start()
        return True

    def stop(self) -> None:
        if self.scheduler is not None:
            self.scheduler.stop()
            self.scheduler = None

    def sync_now(self, full: bool = False) -> None:
        if self.scheduler is None:
            self.start()
        if self.scheduler is not None:
            self.scheduler.sync_now(full)

    def local_change(self) -> None:
        """The window wrote something: sync a moment later."""
        if self.scheduler is not None:
            self.scheduler.local_change()

    def network_regained(self) -> None:
        if self.scheduler is not None:
            self.scheduler.network_regained()

    def watch_network(self) -> bool:
        """Sync as soon as the operating system says the network is back (where Qt can tell);
        elsewhere the offline backoff finds it within minutes. True if watching."""
        from PySide6.QtNetwork import QNetworkInformation

        if not QNetworkInformation.loadDefaultBackend():
            return False
        information = QNetworkInformation.instance()
        if information is None:
            return False
        online = QNetworkInformation.Reachability.Online
        information.reachabilityChanged.connect(
            lambda reach: self.network_regained() if reach == online else None
        )
        return True

    def _run(
        self, full: bool, progress: ProgressCallback, cancelled: Callable[[], bool]
    ) -> SyncReport:
        """One sync, on the scheduler's thread."""
        from sync.account import open_cloud
        from sync.engine import SyncEngine

        cloud = open_cloud(self.data_dir, self.http)
        engine = SyncEngine(cloud.api, self.worker.call)
        report = engine.run(full=full, progress=progress, cancelled=cancelled)
        if report.tables:
            self.data_changed.emit(set(report.tables))
        return report

    def _remember(self, status: SyncStatus) -> None:
        self.status = status
