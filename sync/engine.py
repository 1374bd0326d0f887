"""One sync: compare clocks, push the outbox, pull the server's changes, compare counts.

The engine never touches SQLite itself: every read and write of the store goes through `db`,
which runs a function with the store on the thread that owns it (inline on the command line,
the database worker in the window) — so the network waits never hold the store, and the store
is never used from two threads. Every step is safe to interrupt: a push batch leaves the outbox
only with the server's answer, a pull page is applied with its cursor, and a sync killed at any
point resumes where it stopped.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import TYPE_CHECKING, Any, TypeVar

from storage import entitlement
from storage.sync_outbox import PushOutcome
from sync.api import CloudApi, PullPage
from sync.errors import ClockWrong, Interrupted, ProtocolError, SyncError

if TYPE_CHECKING:
    from storage.database import Store

T = TypeVar("T")
StoreAccess = Callable[[Callable[["Store"], T]], T]
ProgressCallback = Callable[[str, int, int], None]  # (what, done, total or 0 if unknown)

log = logging.getLogger("practicecraft.sync")

CLOCK_BOUND_MS = 5 * 60 * 1000  # as Anki: beyond five minutes apart, nothing is pushed
PUSH_BATCH = 500  # mutations per sync_push call (see `bench sync`)
PULL_PAGE = 5000  # rows per sync_pull page: the most the server serves (see `bench sync`)


@dataclass
class SyncReport:
    pushed: PushOutcome = field(default_factory=PushOutcome)
    pulled: int = 0
    pages: int = 0
    requeued: int = 0
    tables: set[str] = field(default_factory=set)
    children: set[str] = field(default_factory=set)
    mismatched: list[str] = field(default_factory=list)
    counts_compared: bool = False
    clock_offset_ms: int = 0
    bytes_sent: int = 0
    bytes_received: int = 0
    seconds: float = 0.0

    def as_json(self) -> dict[str, Any]:
        return {
            "pushed": {"applied": self.pushed.applied, "superseded": self.pushed.superseded,
                       "rejected": self.pushed.rejected},
            "rejected": self.pushed.reasons,
            "pulled": self.pulled,
            "pages": self.pages,
            "requeued": self.requeued,
            "counts_match": not self.mismatched if self.counts_compared else None,
            "mismatched": self.mismatched,
            "clock_offset_ms": self.clock_offset_ms,
            "bytes_sent": self.bytes_sent,
            "bytes_received": self.bytes_received,
            "seconds": round(self.seconds, 3),
        }  # fmt: skip


class SyncEngine:
    def __init__(
        self,
        api: CloudApi,
        db: StoreAccess[Any],
        *,
        push_batch: int = PUSH_BATCH,
        pull_page: int = PULL_PAGE,
        clock_bound_ms: int = CLOCK_BOUND_MS,
    ) -> None:
        self.api = api
        self.db = db
        self.push_batch = push_batch
        self.pull_page = pull_page
        self.clock_bound_ms = clock_bound_ms

    def run(
        self,
        full: bool = False,
        progress: ProgressCallback | None = None,
        cancelled: Callable[[], bool] = lambda: False,
    ) -> SyncReport:
        """One whole sync. Raises a `SyncError` kind; what was done before it stays done."""
        started = time.monotonic()
        report = SyncReport()
        report.clock_offset_ms = self._check_clock()
        if full:
            self.db(lambda store: store.sync.begin_full_resync())
        tell = progress or (lambda _what, _done, _total: None)
        try:
            self._push(report, tell, cancelled)
            self._pull(report, tell, cancelled)
            if self.db(lambda store: store.sync.full_resync_running()):
                report.requeued = self.db(lambda store: store.sync.end_full_resync())
                self._push(report, tell, cancelled)
            self._compare_counts(report)
            self._refresh_entitlement()
            self.db(lambda store: store.sync.mark_success())
        finally:
            report.bytes_sent, report.bytes_received = self.api.bytes_sent, self.api.bytes_received
            report.seconds = time.monotonic() - started
        return report

    def _check_clock(self) -> int:
        clock = self.api.server_clock()
        if abs(clock.offset_ms) > self.clock_bound_ms + clock.round_trip_ms:
            raise ClockWrong(clock.offset_ms, self.clock_bound_ms)
        return clock.offset_ms

    def _push(self, report: SyncReport, tell: ProgressCallback, stop: Callable[[], bool]) -> None:
        total = self.db(lambda store: store.sync.pending_count())
        device = self.db(lambda store: store.sync.device_id())
        done = 0
        while batch := self.db(lambda store: store.sync.next_batch(self.push_batch)):
            _stop_if(stop)
            tell("Sending changes", done, total)
            outcome = self._push_batch(device, batch)
            report.pushed.add(outcome)
            done += len(batch) - outcome.unanswered
            if outcome.unanswered == len(batch):
                raise SyncError("the server answered none of the changes sent; will try again")

    def _push_batch(self, device: str, batch: list[dict[str, Any]]) -> PushOutcome:
        """Send one batch; its answers leave the outbox, a failure is counted on it."""
        try:
            answer = self.api.push(device, batch)
        except SyncError as error:
            reason = str(error)
            self.db(lambda store: store.sync.note_failure(batch, reason))
            raise
        results = answer["results"]
        outcome: PushOutcome = self.db(lambda store: store.sync.record_answers(batch, results))
        return outcome

    def _pull(self, report: SyncReport, tell: ProgressCallback, stop: Callable[[], bool]) -> None:
        """Pages in order; the next page is fetched while this one is written, so the server's
        time and the device's overlap (each page still commits with its own cursor)."""
        cursor = self.db(lambda store: store.sync.cursor())
        total = self._expected_rows() if not cursor else 0
        with ThreadPoolExecutor(1, thread_name_prefix="sync-fetch") as fetcher:
            coming = fetcher.submit(self.api.pull, cursor, self.pull_page)
            while True:
                _stop_if(stop)
                tell("Receiving changes", report.pulled, total)
                page = coming.result()
                if page.has_more:
                    coming = fetcher.submit(self.api.pull, page.cursor, self.pull_page)
                self._apply(page, report)
                if not page.has_more:
                    break
        tell("Updating progress", report.pulled, total)
        report.children |= self.db(lambda store: store.sync.finish_pull())

    def _apply(self, page: PullPage, report: SyncReport) -> None:
        applied = self.db(lambda store: store.sync.apply_page(page.changes, page.cursor))
        report.pulled += applied.rows
        report.pages += 1
        report.tables |= applied.tables
        if applied.skipped:
            log.warning("pulled rows of tables this version does not know: %s", applied.skipped)

    def _refresh_entitlement(self) -> None:
        """Keep the server's word on the tier and quota, for making sheets offline."""
        answer = self.api.get_entitlement()
        if answer is None:
            return
        fetched = datetime.now(UTC)
        try:
            self.db(lambda store: entitlement.remember(store, answer, fetched))
        except (KeyError, ValueError, TypeError) as error:
            raise ProtocolError(f"get_entitlement answered oddly: {error}") from error

    def _expected_rows(self) -> int:
        """For the progress bar of a first pull: how many rows the server holds for us."""
        counts = self.api.counts()
        return sum(int(c.get("live", 0)) + int(c.get("deleted", 0)) for c in counts.values())

    def _compare_counts(self, report: SyncReport) -> None:
        """Anki's check: after a sync, both sides must hold as many rows per table."""
        if self.db(lambda store: store.sync.pending_count()):
            return  # changes made during the sync are still queued: the next sync compares
        server = self.api.counts()
        local = self.db(lambda store: store.sync.counts())
        report.counts_compared = True
        for name in sorted(set(server) | set(local)):
            theirs, ours = server.get(name, {}), local.get(name, {})
            if (theirs.get("live", 0), theirs.get("deleted", 0)) != (
                ours.get("live", 0), ours.get("deleted", 0)
            ):  # fmt: skip
                report.mismatched.append(f"{name}: server {theirs}, this device {ours}")
        if report.mismatched:
            log.warning("counts differ after sync: %s", "; ".join(report.mismatched))


def _stop_if(cancelled: Callable[[], bool]) -> None:
    if cancelled():
        raise Interrupted("sync stopped; it resumes where it left off next time")
