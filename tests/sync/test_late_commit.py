"""A row the server commits late still reaches the device, through the whole sync path.

tests/cloud/test_sync_rpcs.py::test_a_transaction_that_commits_late_is_still_pulled holds
`sync_pull` to it in SQL. This is the second line: the device's engine, its saved cursor and the
devstack between them, so a cursor that stepped past an uncommitted change anywhere on the way
(in the server's watermark or in what the device keeps) loses the row for good.
"""

from __future__ import annotations

import time
import uuid
from collections.abc import Callable

import psycopg

from cloud.devstack.postgres import LocalPostgres
from tests.sync.devices import Device

MakeDevice = Callable[..., Device]


def test_a_child_the_server_commits_late_still_reaches_the_device(
    make_device: MakeDevice, email: str, sync_postgres: LocalPostgres
) -> None:
    laptop, school_pc = make_device(), make_device()
    account = laptop.sign_in(email, new=True)
    school_pc.sign_in(email)
    laptop.sync()
    late = str(uuid.uuid4())
    stamp = f"{time.time_ns() // 1_000_000:013d}.00000.00000000000000ab"
    with psycopg.connect(sync_postgres.dsn()) as slow:
        # A server-side writer (as the payments service is) takes its change number and waits.
        slow.execute("SET LOCAL ROLE service_role")
        slow.execute(
            "INSERT INTO public.children (id, owner_id, hlc, name, grade) "
            "VALUES (%s, %s, %s, 'Late', 3)",
            (late, account.user_id, stamp),
        )
        # Meanwhile another device's change commits, and this device pulls.
        quick = school_pc.add_child("Quick")
        school_pc.sync()
        laptop.sync()
        assert late not in laptop.rows("children")  # not committed yet
        slow.commit()
    laptop.sync()
    kept = laptop.rows("children")
    assert quick in kept and late in kept
    assert laptop.db.children.get(late).name == "Late"
