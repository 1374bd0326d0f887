"""What a sync keeps when the network or the server fails, and what it refuses to lose."""

from __future__ import annotations

from collections.abc import Callable

import psycopg
import pytest

from cloud.devstack.server import DevCloud
from storage.writer import to_json, utc_now
from sync import account
from sync import api as sync_api
from sync.engine import SyncEngine
from sync.errors import ClockWrong, Interrupted, Offline, ServerBusy, UpdateRequired
from tests.sync.devices import Device
from tests.sync.faults import Fault

MakeDevice = Callable[..., Device]


def server_count(cloud: DevCloud, table: str, user_id: str) -> int:
    with psycopg.connect(cloud._database.dsn("postgres")) as conn:  # type: ignore[attr-defined]
        row = conn.execute(
            f"SELECT count(*) FROM public.{table} WHERE owner_id = %s", (user_id,)
        ).fetchone()
    return int(row[0]) if row else 0


@pytest.mark.parametrize("fault", [Fault.DROP_REQUEST, Fault.TIMEOUT])
def test_a_push_that_never_reached_the_server_stays_queued(
    make_device: MakeDevice, email: str, fault: Fault
) -> None:
    laptop = make_device()
    laptop.sign_in(email, new=True)
    laptop.add_child("Asha")
    laptop.transport.inject(fault)
    with pytest.raises(Offline):
        laptop.sync()
    assert laptop.db.sync.pending_count() == 2
    attempts = laptop.db.query("SELECT push_attempts, last_error FROM outbox")
    assert all(row["push_attempts"] == 1 and row["last_error"] for row in attempts)
    laptop.sync()
    assert laptop.db.sync.pending_count() == 0


def test_a_server_error_keeps_the_batch_for_a_retry(make_device: MakeDevice, email: str) -> None:
    laptop = make_device()
    laptop.sign_in(email, new=True)
    laptop.add_child("Asha")
    laptop.transport.inject(Fault.SERVER_ERROR)
    with pytest.raises(ServerBusy):
        laptop.sync()
    assert laptop.db.sync.pending_count() == 2
    laptop.sync()
    assert laptop.db.sync.pending_count() == 0


def test_a_lost_answer_is_retried_and_changes_nothing_twice(
    make_device: MakeDevice, email: str, devcloud: DevCloud
) -> None:
    laptop = make_device()
    signed = laptop.sign_in(email, new=True)
    laptop.add_child("Asha")
    laptop.transport.inject(Fault.DROP_RESPONSE)  # the server applied the batch; we never heard
    with pytest.raises(Offline):
        laptop.sync()
    assert laptop.db.sync.pending_count() == 2
    report = laptop.sync()
    assert report.pushed.applied == 2  # the server's first answers, repeated
    assert server_count(devcloud, "children", signed.user_id) == 1
    assert server_count(devcloud, "guardian_consents", signed.user_id) == 1


def test_an_expired_token_mid_sync_is_renewed_and_the_step_retried(
    make_device: MakeDevice, email: str
) -> None:
    laptop = make_device()
    laptop.sign_in(email, new=True)
    laptop.add_child("Asha")
    laptop.transport.inject(Fault.UNAUTHORIZED)
    report = laptop.sync()
    assert report.pushed.applied == 2 and laptop.db.sync.pending_count() == 0


def queue_bad_mutation(device: Device, row_id: str) -> None:
    """A change the server must refuse: a field its children table does not have."""
    with device.db.write():
        device.db.conn.execute(
            "INSERT INTO outbox (hlc, mutation_id, table_name, row_id, op, fields, created_at) "
            "VALUES (?, ?, 'children', ?, 'update', ?, ?)",
            (device.db.clock.now(), "0190f5a0-0000-7000-8000-000000000001", row_id,
             to_json({"shoe_size": 3}), utc_now()),
        )  # fmt: skip
        device.db.set_state("clock.high_water", device.db.clock.high_water)


def test_a_refused_change_leaves_the_queue_with_a_notice_and_blocks_nothing(
    make_device: MakeDevice, email: str
) -> None:
    laptop, school_pc = make_device(), make_device()
    laptop.sign_in(email, new=True)
    school_pc.sign_in(email)
    asha = laptop.add_child("Asha")
    queue_bad_mutation(laptop, asha)
    ravi = laptop.add_child("Ravi")  # queued after the bad one
    report = laptop.sync()
    assert report.pushed.rejected == 1 and laptop.db.sync.pending_count() == 0
    [notice] = laptop.db.sync.notices()
    assert notice.row_id == asha and "shoe_size" in notice.reason
    school_pc.sync()
    assert {c.id for c in school_pc.db.children.all()} == {asha, ravi}


def test_a_clock_far_from_the_servers_pushes_nothing(make_device: MakeDevice, email: str) -> None:
    laptop = make_device()
    laptop.sign_in(email, new=True)
    laptop.add_child("Asha")
    laptop.skew_ms = 20 * 60 * 1000
    with pytest.raises(ClockWrong, match="20 minutes ahead"):
        laptop.sync()
    assert laptop.db.sync.pending_count() == 2
    laptop.skew_ms = 0
    laptop.sync()
    assert laptop.db.sync.pending_count() == 0


def test_a_clock_a_little_off_still_syncs(make_device: MakeDevice, email: str) -> None:
    laptop = make_device()
    laptop.sign_in(email, new=True)
    laptop.skew_ms = -90 * 1000
    laptop.add_child("Asha")
    assert laptop.sync().pushed.applied == 2


def test_a_server_that_no_longer_speaks_our_version_stops_sync_and_keeps_the_work(
    make_device: MakeDevice, email: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    laptop = make_device()
    laptop.sign_in(email, new=True)
    laptop.add_child("Asha")
    monkeypatch.setattr(sync_api, "SCHEMA_VERSION", 99)
    with pytest.raises(UpdateRequired, match="please update"):
        laptop.sync()
    assert laptop.db.sync.pending_count() == 2


def test_an_interrupted_first_pull_resumes_where_it_stopped(
    make_device: MakeDevice, email: str
) -> None:
    laptop, new_pc = make_device(), make_device()
    laptop.sign_in(email, new=True)
    children = {laptop.add_child(f"Child {n}") for n in range(30)}
    laptop.sync()
    new_pc.sign_in(email)
    pages: list[int] = []

    def stop_after_two() -> bool:
        return len(pages) >= 2

    api = account.open_cloud(new_pc.data_dir, new_pc.http, new_pc.wall).api
    engine = SyncEngine(api, lambda work: work(new_pc.db), pull_page=10)
    with pytest.raises(Interrupted):
        engine.run(progress=lambda what, done, _t: pages.append(done), cancelled=stop_after_two)
    partial = {c.id for c in new_pc.db.children.all()}
    assert 0 < len(partial) < len(children)
    engine.run()
    assert {c.id for c in new_pc.db.children.all()} == children
