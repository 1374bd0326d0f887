"""The consent gate across devices: a withdrawn child's changes wait, the withdrawal travels."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

import psycopg
import pytest

from cloud.devstack.postgres import LocalPostgres
from storage.consent import ConsentWithdrawn
from storage.making import SheetOrder, make_worksheets
from tests.sync.devices import Device

MakeDevice = Callable[..., Device]
ORDER = SheetOrder(subject="maths", chapters=(12,), count=5, seed=7)


def server_roll_number(postgres: LocalPostgres, child: str) -> str | None:
    with psycopg.connect(postgres.dsn()) as conn:
        row = conn.execute("SELECT roll_number FROM public.children WHERE id = %s", (child,))
        found = row.fetchone()
    return None if found is None else found[0]


def test_changes_about_a_withdrawn_child_are_not_synced_but_the_withdrawal_is(
    make_device: MakeDevice, email: str, sync_postgres: LocalPostgres
) -> None:
    laptop, school_pc = make_device(), make_device()
    laptop.sign_in(email, new=True)
    school_pc.sign_in(email)
    child = laptop.add_child("Ravi")
    laptop.sync()
    laptop.db.children.update(child, roll_number="9")
    laptop.db.consents.withdraw(child, by="Meera Rao")
    laptop.sync()
    assert server_roll_number(sync_postgres, child) is None
    assert laptop.db.sync.pending_count() == 1  # the edit waits
    school_pc.sync()
    assert not school_pc.db.consents.has_consent(child)


def test_the_other_device_enforces_the_withdrawal_on_its_next_action(
    make_device: MakeDevice, email: str
) -> None:
    laptop, school_pc = make_device(), make_device()
    laptop.sign_in(email, new=True)
    school_pc.sign_in(email)
    child = laptop.add_child("Ravi")
    laptop.sync()
    school_pc.sync()
    laptop.db.consents.withdraw(child, by="Meera Rao")
    laptop.sync()
    school_pc.sync()
    with pytest.raises(ConsentWithdrawn):
        make_worksheets(school_pc.db, ORDER, child_id=child, today=date(2026, 11, 21))
