"""When to sync: on start, a moment after local changes, every few minutes, on demand.

One thread runs every sync, so two never overlap. It sleeps until the next sync is due:
- on start, and when the network comes back (`network_regained`);
- `debounce_s` after the last local change (`local_change`), so a burst of edits is one sync;
- every `interval_s` while things are well;
- after a failure that may pass (offline, a busy server), with exponential backoff and jitter;
- at once on "Sync now" (`sync_now`), whatever the backoff says.
A wrong clock is retried at the normal interval (the user may have fixed it); a server that
wants a newer version, or a session that ended, stops automatic syncs until the user acts.

Listeners get a `SyncStatus` after every change of state, on the scheduler's thread: the window
moves it to the UI thread; the command line has no scheduler.
"""

from __future__ import annotations

import logging
import random
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from enum import Enum

from sync.engine import ProgressCallback, SyncReport
from sync.errors import (
    ClockWrong,
    Interrupted,
    NotConnected,
    NotSignedIn,
    Offline,
    SignedOut,
    SyncError,
    UpdateRequired,
)

log = logging.getLogger("practicecraft.sync")

RunSync = Callable[[bool, ProgressCallback, Callable[[], bool]], SyncReport]


class SyncState(Enum):
    SIGNED_OUT = "signed out"
    IDLE = "up to date"
    SYNCING = "syncing"
    OFFLINE = "offline"
    CLOCK_WRONG = "clock wrong"
    UPDATE_REQUIRED = "update required"
    ERROR = "error"


@dataclass(frozen=True)
class SyncStatus:
    state: SyncState
    message: str = ""
    progress: tuple[str, int, int] | None = None  # (what, done, total or 0)
    last_success: float | None = None  # time.time() of the last sync that finished
    next_retry_in: float | None = None  # seconds, after a failure
    report: SyncReport | None = None  # of the last sync that finished
    error: SyncError | None = None
    user_started: bool = False  # the sync this status is about was asked for by the user


@dataclass
class Backoff:
    """Exponential backoff with jitter: 5 s, 10 s, 20 s ... up to 5 minutes."""

    base_s: float = 5.0
    cap_s: float = 300.0
    failures: int = 0
    rng: random.Random = field(default_factory=random.Random)

    def next_delay(self) -> float:
        delay = min(self.cap_s, self.base_s * 2.0**self.failures)
        self.failures += 1
        return float(delay * self.rng.uniform(0.5, 1.0))

    def reset(self) -> None:
        self.failures = 0


class SyncScheduler:
    def __init__(
        self,
        run: RunSync,
        *,
        interval_s: float = 300.0,
        debounce_s: float = 2.0,
        backoff: Backoff | None = None,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        self._run = run
        self.interval_s = interval_s
        self.debounce_s = debounce_s
        self.backoff = backoff or Backoff()
        self._clock = clock
        self._wake = threading.Condition()
        self._due: float | None = None  # when the next sync should start
        self._full = False
        self._user = False
        self._paused = False  # no automatic syncs (signed out, update required)
        self._stopping = False
        self._cancel = threading.Event()
        self._thread: threading.Thread | None = None
        self._listeners: list[Callable[[SyncStatus], None]] = []
        self.status = SyncStatus(SyncState.IDLE)
        self.syncs_started = 0

    def add_listener(self, listener: Callable[[SyncStatus], None]) -> None:
        self._listeners.append(listener)

    def start(self) -> None:
        """Begin: a first sync at once, then as the rules above say."""
        self._thread = threading.Thread(target=self._loop, name="sync", daemon=True)
        self._schedule(0.0)
        self._thread.start()

    def stop(self, timeout: float = 10.0) -> None:
        with self._wake:
            self._stopping = True
            self._cancel.set()
            self._wake.notify_all()
        if self._thread is not None:
            self._thread.join(timeout)

    def sync_now(self, full: bool = False) -> None:
        """The user asked: sync at once (even while backing off or paused)."""
        with self._wake:
            self._full = self._full or full
            self._user = True
            self._paused = False
            self._due = self._clock()
            self._wake.notify_all()

    def local_change(self) -> None:
        """Something was written here: sync `debounce_s` after the last of a burst."""
        with self._wake:
            if self._paused:
                return
            if self.status.state in (SyncState.OFFLINE, SyncState.ERROR) and self._due:
                return  # backing off: the retry will carry the change too
            self._due = self._clock() + self.debounce_s
            self._wake.notify_all()

    def network_regained(self) -> None:
        if not self._paused:
            self._schedule(0.0)

    def resume(self) -> None:
        """After signing in: automatic syncs again, starting now."""
        with self._wake:
            self._paused = False
        self._schedule(0.0)

    def cancel(self) -> None:
        """Stop the running sync at its next step (what it finished is kept)."""
        self._cancel.set()

    def _schedule(self, delay: float) -> None:
        with self._wake:
            due = self._clock() + delay
            self._due = due if self._due is None else min(self._due, due)
            self._wake.notify_all()

    def _loop(self) -> None:
        while True:
            with self._wake:
                while not self._stopping and not self._is_due():
                    self._wake.wait(self._wait_time())
                if self._stopping:
                    return
                full, user = self._full, self._user
                self._due, self._full, self._user = None, False, False
                self._cancel.clear()
            self._one_sync(full, user)

    def _is_due(self) -> bool:
        return self._due is not None and self._clock() >= self._due

    def _wait_time(self) -> float | None:
        return None if self._due is None else max(0.0, self._due - self._clock())

    def _one_sync(self, full: bool, user: bool) -> None:
        self.syncs_started += 1
        self._tell(replace(self.status, state=SyncState.SYNCING, message="", user_started=user,
                           error=None, next_retry_in=None, progress=None))  # fmt: skip

        def progress(what: str, done: int, total: int) -> None:
            self._tell(replace(self.status, progress=(what, done, total)))

        try:
            report = self._run(full, progress, self._cancel.is_set)
        except SyncError as error:
            self._failed(error, user)
        except Exception as error:  # a bug must not kill the sync thread: log it, retry later
            log.exception("sync failed unexpectedly")
            self._failed(SyncError(f"{type(error).__name__}: {error}"), user)
        else:
            self.backoff.reset()
            self._schedule(self.interval_s)
            self._tell(SyncStatus(SyncState.IDLE, "", None, time.time(), None, report, None, user))

    def _failed(self, error: SyncError, user: bool) -> None:
        state, delay = self._react(error)
        if delay is not None:
            self._schedule(delay)
        log.info("sync %s: %s", state.value, error)
        self._tell(replace(self.status, state=state, message=str(error), progress=None,
                           next_retry_in=delay, error=error, user_started=user))  # fmt: skip

    def _react(self, error: SyncError) -> tuple[SyncState, float | None]:
        """The state a failure leaves, and when to try again (None: not until asked)."""
        if isinstance(error, Interrupted):
            return SyncState.IDLE, self.interval_s
        if isinstance(error, ClockWrong):
            return SyncState.CLOCK_WRONG, self.interval_s
        if isinstance(error, UpdateRequired | SignedOut | NotSignedIn | NotConnected):
            with self._wake:
                self._paused = True
            if isinstance(error, UpdateRequired):
                return SyncState.UPDATE_REQUIRED, None
            return SyncState.SIGNED_OUT, None
        state = SyncState.OFFLINE if isinstance(error, Offline) else SyncState.ERROR
        return state, self.backoff.next_delay()

    def _tell(self, status: SyncStatus) -> None:
        self.status = status
        if self._stopping:
            return  # stopped: nobody is listening any more (the window may be closing)
        for listener in list(self._listeners):
            listener(status)
