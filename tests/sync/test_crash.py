"""A sync killed with SIGKILL at any moment loses nothing and pushes nothing twice.

`practicecraft sync` runs in a child process with small batches and pages (many steps), and
is killed at a random moment, twenty times, while both this device and another keep making
changes. After each kill the database must pass `PRAGMA integrity_check`; at the end, after
a restart and a clean sync, the device and the server hold the same rows, and the server
recorded every mutation this device ever queued exactly once, applied.
"""

from __future__ import annotations

import contextlib
import os
import random
import signal
import sqlite3
import subprocess
import sys
import time
from collections.abc import Callable

import psycopg

from cloud.devstack.server import DevCloud
from storage.database import Store
from sync.settings import database_path
from tests.sync.devices import Device

MakeDevice = Callable[..., Device]
KILLS = 20


def queued_mutations(store: Store) -> set[str]:
    return {row["mutation_id"] for row in store.query("SELECT mutation_id FROM outbox")}


def queued_mutations_on_disk(device: Device) -> set[str]:
    """Read the outbox beside the running child process (a read-only connection)."""
    path = database_path(device.data_dir)
    with contextlib.closing(sqlite3.connect(f"file:{path}?mode=ro", uri=True, timeout=5)) as conn:
        return {row[0] for row in conn.execute("SELECT mutation_id FROM outbox")}


def wait_until_syncing(device: Device, queued: int, process: subprocess.Popen[bytes]) -> None:
    """Until the child has pushed its first batch (its imports and start-up are done)."""
    deadline = time.monotonic() + 30
    while len(queued_mutations_on_disk(device)) >= queued and process.poll() is None:
        assert time.monotonic() < deadline, "the sync never started"
        time.sleep(0.01)


def start_sync(device: Device) -> subprocess.Popen[bytes]:
    command = [sys.executable, "-m", "practicecraft", "--data-dir", str(device.data_dir),
               "sync", "--push-batch", "5", "--pull-page", "10"]  # fmt: skip
    env = {**os.environ, "PRACTICECRAFT_SESSION_STORE": "file"}
    return subprocess.Popen(command, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)


def server_rows(cloud: DevCloud, user_id: str) -> dict[str, tuple[object, ...]]:
    with psycopg.connect(cloud._database.dsn("postgres")) as conn:  # type: ignore[attr-defined]
        rows = conn.execute(
            "SELECT id::text, name, grade, deleted_at IS NULL FROM public.children "
            "WHERE owner_id = %s",
            (user_id,),
        ).fetchall()
    return {row[0]: tuple(row[1:]) for row in rows}


def server_answers(cloud: DevCloud, user_id: str) -> list[tuple[str, str]]:
    with psycopg.connect(cloud._database.dsn("postgres")) as conn:  # type: ignore[attr-defined]
        rows = conn.execute(
            "SELECT mutation_id::text, status FROM public.sync_mutations WHERE owner_id = %s",
            (user_id,),
        ).fetchall()
    return [(row[0], row[1]) for row in rows]


def test_a_sync_killed_at_random_moments_loses_and_repeats_nothing(
    make_device: MakeDevice, email: str, devcloud: DevCloud
) -> None:
    laptop, phone = make_device(), make_device()
    signed = laptop.sign_in(email, new=True)
    phone.sign_in(email)
    rng = random.Random(20261203)
    ever_queued: set[str] = set()
    killed_while_running = 0
    for round_ in range(KILLS):
        for n in range(15):
            laptop.add_child(f"Laptop {round_}-{n}")
            phone.add_child(f"Phone {round_}-{n}")
        ever_queued |= queued_mutations(laptop.db)
        phone.sync()  # something for the laptop to pull, too
        laptop.close()  # the child process takes the data folder
        before = len(queued_mutations_on_disk(laptop))
        process = start_sync(laptop)
        wait_until_syncing(laptop, before, process)
        time.sleep(rng.uniform(0.0, 0.3))
        if process.poll() is None:
            killed_while_running += 1
        process.send_signal(signal.SIGKILL)
        process.wait()
        laptop.open()
        assert laptop.db.query("PRAGMA integrity_check")[0][0] == "ok", f"round {round_}"
    assert killed_while_running >= KILLS * 3 // 4, "the kills should land during syncs"
    laptop.restart()
    laptop.sync()
    phone.sync()
    assert laptop.db.sync.pending_count() == 0
    laptop_rows = {
        row["id"]: (row["name"], row["grade"], row["deleted_at"] is None)
        for row in laptop.rows("children").values()
    }
    assert laptop_rows == server_rows(devcloud, signed.user_id)
    assert len(laptop_rows) == 2 * 15 * KILLS
    answers = server_answers(devcloud, signed.user_id)
    mine = [(m, status) for m, status in answers if m in ever_queued]
    assert sorted(m for m, _ in mine) == sorted(ever_queued)  # each recorded once
    assert {status for _, status in mine} == {"applied"}
