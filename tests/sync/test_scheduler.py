"""The scheduler decides when to sync; here the sync itself is a recording stand-in."""

from __future__ import annotations

import random
import threading
import time
from collections.abc import Callable, Iterator

import pytest

from sync.engine import SyncReport
from sync.errors import ClockWrong, Interrupted, Offline, SignedOut, SyncError, UpdateRequired
from sync.scheduler import Backoff, SyncScheduler, SyncState, SyncStatus


class Recorder:
    """A sync that takes `seconds`, counts how many ran at once, and fails as told."""

    def __init__(self, seconds: float = 0.0) -> None:
        self.seconds = seconds
        self.runs: list[bool] = []  # the `full` flag of each run
        self.failures: list[SyncError] = []
        self.running = 0
        self.most_at_once = 0
        self.lock = threading.Lock()

    def __call__(self, full: bool, progress, cancelled: Callable[[], bool]) -> SyncReport:  # type: ignore[no-untyped-def]
        with self.lock:
            self.running += 1
            self.most_at_once = max(self.most_at_once, self.running)
            self.runs.append(full)
        try:
            progress("Sending changes", 0, 1)
            deadline = time.monotonic() + self.seconds
            while time.monotonic() < deadline:
                if cancelled():
                    raise Interrupted("stopped")
                time.sleep(0.005)
            if self.failures:
                raise self.failures.pop(0)
            return SyncReport()
        finally:
            with self.lock:
                self.running -= 1


def wait_for(condition: Callable[[], bool], timeout: float = 5.0) -> None:
    deadline = time.monotonic() + timeout
    while not condition():
        assert time.monotonic() < deadline, "timed out waiting"
        time.sleep(0.01)


@pytest.fixture
def recorder() -> Recorder:
    return Recorder()


@pytest.fixture
def scheduler(recorder: Recorder) -> Iterator[SyncScheduler]:
    made = SyncScheduler(
        recorder, interval_s=60, debounce_s=0.2, backoff=Backoff(0.05, 1.0, rng=random.Random(1))
    )
    statuses: list[SyncStatus] = []
    made.add_listener(statuses.append)
    made.seen = statuses  # type: ignore[attr-defined]
    made.start()
    yield made
    made.stop()


def test_it_syncs_once_at_start(scheduler: SyncScheduler, recorder: Recorder) -> None:
    wait_for(lambda: scheduler.status.state is SyncState.IDLE and len(recorder.runs) == 1)
    time.sleep(0.3)
    assert len(recorder.runs) == 1


def test_a_burst_of_local_changes_is_one_sync_after_a_pause(
    scheduler: SyncScheduler, recorder: Recorder
) -> None:
    wait_for(lambda: len(recorder.runs) == 1 and scheduler.status.state is SyncState.IDLE)
    for _ in range(5):
        scheduler.local_change()
        time.sleep(0.05)
    assert len(recorder.runs) == 1  # still within the pause after the last change
    wait_for(lambda: len(recorder.runs) == 2)
    time.sleep(0.4)
    assert len(recorder.runs) == 2


def test_two_syncs_never_run_at_once(recorder: Recorder) -> None:
    recorder.seconds = 0.1
    scheduler = SyncScheduler(recorder, interval_s=60, debounce_s=0.0)
    scheduler.start()
    try:
        for _ in range(20):
            scheduler.sync_now()
            scheduler.local_change()
            time.sleep(0.01)
        wait_for(lambda: scheduler.status.state is SyncState.IDLE and recorder.running == 0)
    finally:
        scheduler.stop()
    assert recorder.most_at_once == 1 and len(recorder.runs) >= 2


def test_offline_backs_off_longer_each_time_and_sync_now_skips_the_wait(
    scheduler: SyncScheduler, recorder: Recorder
) -> None:
    wait_for(lambda: len(recorder.runs) == 1)
    recorder.failures = [Offline("no network")] * 3
    scheduler.sync_now()
    wait_for(lambda: len(recorder.runs) >= 4)
    waits = [s.next_retry_in for s in scheduler.seen if s.state is SyncState.OFFLINE]  # type: ignore[attr-defined]
    assert len(waits) == 3 and all(w is not None for w in waits)
    assert waits[0] <= 0.05 and 0.05 <= waits[2] <= 0.2  # type: ignore[operator]
    wait_for(lambda: scheduler.status.state is SyncState.IDLE)


def test_a_wrong_clock_says_so_and_tries_again_later(
    scheduler: SyncScheduler, recorder: Recorder
) -> None:
    wait_for(lambda: len(recorder.runs) == 1)
    recorder.failures = [ClockWrong(20 * 60_000, 300_000)]
    scheduler.sync_now()
    wait_for(lambda: scheduler.status.state is SyncState.CLOCK_WRONG)
    assert scheduler.status.next_retry_in == 60
    assert "clock" in scheduler.status.message


@pytest.mark.parametrize(
    ("error", "state"),
    [(UpdateRequired("please update"), SyncState.UPDATE_REQUIRED),
     (SignedOut("session ended"), SyncState.SIGNED_OUT)],
)  # fmt: skip
def test_an_update_or_an_ended_session_stops_automatic_syncs_until_asked(
    scheduler: SyncScheduler, recorder: Recorder, error: SyncError, state: SyncState
) -> None:
    wait_for(lambda: len(recorder.runs) == 1)
    recorder.failures = [error]
    scheduler.sync_now()
    wait_for(lambda: scheduler.status.state is state)
    scheduler.local_change()
    scheduler.network_regained()
    time.sleep(0.4)
    assert len(recorder.runs) == 2
    scheduler.sync_now()  # the user asks (after updating, or signing in again)
    wait_for(lambda: len(recorder.runs) == 3)


def test_a_full_resync_asked_for_is_passed_on(scheduler: SyncScheduler, recorder: Recorder) -> None:
    wait_for(lambda: len(recorder.runs) == 1)
    scheduler.sync_now(full=True)
    wait_for(lambda: len(recorder.runs) == 2)
    assert recorder.runs == [False, True]


def test_a_cancelled_sync_ends_idle(recorder: Recorder) -> None:
    recorder.seconds = 5
    scheduler = SyncScheduler(recorder, interval_s=60)
    scheduler.start()
    try:
        wait_for(lambda: scheduler.status.state is SyncState.SYNCING)
        scheduler.cancel()
        wait_for(lambda: scheduler.status.state is SyncState.IDLE, timeout=2)
    finally:
        scheduler.stop()


def test_an_unexpected_error_is_an_error_state_not_a_dead_thread(
    scheduler: SyncScheduler, recorder: Recorder
) -> None:
    wait_for(lambda: len(recorder.runs) == 1)
    recorder.failures = [ZeroDivisionError("bug")]  # type: ignore[list-item]
    scheduler.sync_now()
    wait_for(lambda: scheduler.status.state is SyncState.ERROR)
    wait_for(lambda: scheduler.status.state is SyncState.IDLE)  # retried after backoff
