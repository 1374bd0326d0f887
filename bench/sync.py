"""`bench sync`: the device's sync client against the devstack on loopback, over real Postgres.

The devstack runs in its own process (`python -m cloud.devstack`), as the server would, so the
client is measured alone in this one. One account is made through the devstack and loaded as
superuser with 100,000 rows (children, consents, worksheets with a question snapshot, and
attempts), then:
- initial pull: an empty device signs in and syncs every row (rows/s, bytes on the wire, this
  process's peak RSS), at two page sizes; and the floor: the same rows read with a plain psycopg
  SELECT (every column as text) and written to SQLite with `executemany`, and the ratio;
- one graded worksheet: a device grades a 30-question sheet and syncs (push, pull of the echo,
  counts) — the round trip a teacher waits for; median of several;
- 10,000 queued mutations pushed, at several batch sizes (the default is chosen from this).
Targets (issue 13): pull >= 20,000 rows/s and within 3x of the floor; one graded worksheet
< 300 ms; memory < 300 MB. Bytes are JSON bodies (headers not counted).
"""

from __future__ import annotations

import os
import resource
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.request
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import psycopg

from bench.sync_load import PASSWORD, load_account
from cloud.devstack import keys
from cloud.devstack.postgres import LocalPostgres
from cloud.migrations import prepare
from storage.database import Store
from storage.tables import SYNCED_TABLES
from sync import account
from sync.engine import SyncEngine

ROWS = 100_000
PAGES = (1_000, 5_000)
GRADED_REPEATS = 7
QUEUED = 10_000
BATCHES = (100, 250, 500, 1_000)
TARGETS = {"pull_rows_per_s": 20_000, "floor_ratio": 3.0, "graded_ms": 300.0, "memory_mb": 300.0}


def run() -> Iterator[dict[str, Any]]:
    os.environ["PRACTICECRAFT_SESSION_STORE"] = "memory"
    cluster = LocalPostgres.throwaway(prefix="practicecraft-pg-bench-")
    folder = Path(tempfile.mkdtemp(prefix="practicecraft-bench-sync-"))
    server = None
    try:
        cluster.start()
        prepare(cluster.dsn())
        server, url, anon = _devstack(cluster)
        email, user_id, load = load_account(cluster, url, anon, ROWS)
        yield {"benchmark": "sync.load", **load}
        yield _initial_pull(cluster, folder, url, anon, email, user_id)
        yield _graded_round_trip(folder, url, anon)
        yield _queued_push(folder, url, anon)
    finally:
        if server is not None:
            server.terminate()
            server.wait(10)
        cluster.remove()


def _devstack(cluster: LocalPostgres) -> tuple[subprocess.Popen[bytes], str, str]:
    secret = keys.new_jwt_secret()
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    database = f"postgresql://postgres@127.0.0.1:{cluster.port}/postgres"
    server = subprocess.Popen(
        [sys.executable, "-m", "cloud.devstack", "--database-url", database, "--port", str(port),
         "--jwt-secret", secret, "--data-dir", tempfile.mkdtemp(prefix="pc-devcloud-")],
        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
    )  # fmt: skip
    url = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 30
    while True:
        try:
            with urllib.request.urlopen(f"{url}/auth/v1/health", timeout=1):
                break
        except OSError:
            if time.monotonic() > deadline or server.poll() is not None:
                raise RuntimeError("the devstack did not start") from None
            time.sleep(0.1)
    return server, url, keys.anon_key(secret)


def _device(folder: Path, url: str, anon: str, email: str, new: bool = False) -> Store:
    folder.mkdir(parents=True)
    account.connect(folder, url, anon)
    signed = account.sign_in(folder, email, PASSWORD, new=new)
    path, _ = account.prepare_database(folder, signed)
    store = Store.open(path, create=True)
    store.sync.adopt(signed.user_id)
    return store


def _engine(folder: Path, store: Store, **sizes: int) -> SyncEngine:
    cloud = account.open_cloud(folder)
    return SyncEngine(cloud.api, lambda work: work(store), **sizes)


def _initial_pull(
    cluster: LocalPostgres, folder: Path, url: str, anon: str, email: str, user_id: str
) -> dict[str, Any]:
    figures: dict[str, Any] = {"benchmark": "sync.initial_pull", "rows": ROWS}
    for page in PAGES:
        store = _device(folder / f"pull-{page}", url, anon, email)
        engine = _engine(folder / f"pull-{page}", store, pull_page=page)
        started = time.perf_counter()
        report = engine.run()
        seconds = time.perf_counter() - started
        figures[f"page_{page}"] = {
            "pulled": report.pulled, "seconds": round(seconds, 2),
            "rows_per_s": round(report.pulled / seconds),
            "bytes_received": report.bytes_received,
            "counts_match": not report.mismatched,
        }  # fmt: skip
        store.close()
    figures["peak_rss_mb"] = round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1)
    floor = _floor(cluster, folder / "floor", user_id)
    best = max(figures[f"page_{p}"]["rows_per_s"] for p in PAGES)
    figures["floor"] = floor
    figures["floor_ratio"] = round(floor["rows_per_s"] / best, 2)
    figures["targets"] = TARGETS
    figures["within_target"] = (
        best >= TARGETS["pull_rows_per_s"]
        and figures["floor_ratio"] <= TARGETS["floor_ratio"]
        and figures["peak_rss_mb"] < TARGETS["memory_mb"]
    )
    return figures


def _floor(cluster: LocalPostgres, folder: Path, user_id: str) -> dict[str, Any]:
    """The same rows with no sync at all: one SELECT per table, one executemany per table."""
    folder.mkdir(parents=True)
    store = Store.open(folder / "floor.sqlite3", create=True)
    started = time.perf_counter()
    rows = 0
    with psycopg.connect(cluster.dsn()) as conn, store.write():
        for name, table in SYNCED_TABLES.items():
            columns = ", ".join(
                f"{c}::int" if c in table.bool_columns else f"{c}::text" for c in table.all_columns
            )
            fetched = conn.execute(
                f"SELECT {columns} FROM public.{name} WHERE owner_id = %s", (user_id,)
            ).fetchall()
            store.conn.executemany(table.insert_sql, fetched)
            rows += len(fetched)
    seconds = time.perf_counter() - started
    store.close()
    return {"rows": rows, "seconds": round(seconds, 2), "rows_per_s": round(rows / seconds)}


def _graded_round_trip(folder: Path, url: str, anon: str) -> dict[str, Any]:
    from bench.sync_load import grade_a_sheet

    store = _device(folder / "graded", url, anon, "graded@example.com", new=True)
    engine = _engine(folder / "graded", store)
    child = grade_a_sheet(store, None, seed=0)  # the child and a first sheet, synced once
    engine.run()
    times, sent = [], []
    for seed in range(1, GRADED_REPEATS + 1):
        grade_a_sheet(store, child, seed)
        started = time.perf_counter()
        report = engine.run()
        times.append((time.perf_counter() - started) * 1000)
        sent.append(report.bytes_sent)
    store.close()
    median = statistics.median(times)
    return {
        "benchmark": "sync.graded_worksheet", "questions": 30, "repeats": GRADED_REPEATS,
        "median_ms": round(median, 1), "max_ms": round(max(times), 1),
        "bytes_sent": int(statistics.median(sent)), "target_ms": TARGETS["graded_ms"],
        "within_target": median < TARGETS["graded_ms"],
    }  # fmt: skip


def _queued_push(folder: Path, url: str, anon: str) -> dict[str, Any]:
    from bench.sync_load import queue_children

    figures: dict[str, Any] = {"benchmark": "sync.push_queued", "mutations": QUEUED}
    for batch in BATCHES:
        where = folder / f"push-{batch}"
        store = _device(where, url, anon, f"push{batch}@example.com", new=True)
        queue_children(store, QUEUED // 2)  # each child and its consent: two mutations
        marks: dict[str, float] = {}

        def mark(what: str, _done: int, _total: int, marks: dict[str, float] = marks) -> None:
            marks.setdefault(what, time.perf_counter())

        report = _engine(where, store, push_batch=batch).run(progress=mark)
        pushed = marks["Receiving changes"] - marks["Sending changes"]
        figures[f"batch_{batch}"] = {
            "push_s": round(pushed, 2),
            "mutations_per_s": round(QUEUED / pushed),
            "bytes_sent": report.bytes_sent,
            "applied": report.pushed.applied,
        }
        store.close()
    return figures
