"""Erasure reaches every copy: after erase + sync on one device and a pull on the other, no
row of either SQLite file, no byte of either data folder (databases, logs, backups) and no row
of any table in Postgres holds the child's id or name."""

from __future__ import annotations

import json
from collections.abc import Callable
from typing import Any

import psycopg
from supabase import create_client

from cloud.devstack.postgres import LocalPostgres
from cloud.devstack.server import DevCloud
from storage.erasure import child_digest
from tests.storage.test_erasure import NAME, child_with_history, files_holding, rows_mentioning
from tests.sync.devices import PASSWORD, Device

MakeDevice = Callable[..., Device]
SYSTEM_SCHEMAS = ("pg_catalog", "information_schema", "pg_toast")


def postgres_rows_mentioning(postgres: LocalPostgres, *needles: str) -> list[str]:
    """Every row of every table in every schema of the server's database holding a needle."""
    found = []
    with psycopg.connect(postgres.dsn(), autocommit=True) as conn:
        tables = conn.execute(
            "SELECT format('%%I.%%I', n.nspname, c.relname) FROM pg_class AS c "
            "JOIN pg_namespace AS n ON n.oid = c.relnamespace "
            "WHERE c.relkind IN ('r', 'p') AND n.nspname <> ALL (%s)",
            (list(SYSTEM_SCHEMAS),),
        ).fetchall()
        for (table,) in tables:
            for (text,) in conn.execute(f"SELECT t::text FROM {table} AS t"):
                if any(needle in text for needle in needles):
                    found.append(f"{table}: {text[:160]}")
    return found


def api_rows_mentioning(cloud: DevCloud, email: str, *needles: str) -> list[str]:
    """What the signed-in user reads through PostgREST's table endpoints (the official client)."""
    client = create_client(cloud.url, cloud.anon_key)
    client.auth.sign_in_with_password({"email": email, "password": PASSWORD})
    found = []
    for table in ("children", "guardian_consents", "class_members", "worksheets",
                  "attempt_events", "certificates", "topic_preferences", "sync_mutations",
                  "child_erasures"):  # fmt: skip
        rows: list[dict[str, Any]] = client.table(table).select("*").execute().data
        text = json.dumps(rows, ensure_ascii=False)
        found += [table for needle in needles if needle in text]
    client.auth.sign_out()
    return found


def erased_everywhere(make_device: MakeDevice, email: str) -> tuple[Device, Device, str]:
    """A child with history synced to two devices, each with a backup; then erased on one."""
    laptop, school_pc = make_device(), make_device()
    laptop.sign_in(email, new=True)
    school_pc.sign_in(email)
    child = child_with_history(laptop.db)
    laptop.db.backup()
    laptop.sync()
    school_pc.sync()
    school_pc.db.backup()
    assert school_pc.db.children.get(child).name == NAME
    laptop.db.children.erase(child)
    laptop.sync()
    school_pc.sync()
    return laptop, school_pc, child


def test_no_sqlite_row_on_either_device_names_the_erased_child(
    make_device: MakeDevice, email: str
) -> None:
    laptop, school_pc, child = erased_everywhere(make_device, email)
    for device in (laptop, school_pc):
        assert rows_mentioning(device.db.path, child, NAME) == []


def test_no_file_of_either_data_folder_holds_the_erased_child_backups_included(
    make_device: MakeDevice, email: str
) -> None:
    laptop, school_pc, child = erased_everywhere(make_device, email)
    for device in (laptop, school_pc):
        assert list((device.data_dir / "backups").glob("*.sqlite3"))
        assert files_holding(device.data_dir, child, NAME) == []


def test_no_postgres_row_holds_the_erased_child(
    make_device: MakeDevice, email: str, sync_postgres: LocalPostgres, devcloud: DevCloud
) -> None:
    _laptop, _school_pc, child = erased_everywhere(make_device, email)
    assert postgres_rows_mentioning(sync_postgres, child, NAME) == []
    assert api_rows_mentioning(devcloud, email, child, NAME) == []


def test_the_server_keeps_an_audit_row_of_the_erasure_without_personal_data(
    make_device: MakeDevice, email: str, sync_postgres: LocalPostgres
) -> None:
    laptop, _school_pc, child = erased_everywhere(make_device, email)
    with psycopg.connect(sync_postgres.dsn()) as conn:
        audit = conn.execute(
            "SELECT user_id::text, child_digest, erased_at IS NOT NULL, rows_erased > 0 "
            "FROM public.child_erasures WHERE child_digest = %s",
            (child_digest(child),),
        ).fetchall()
    owner = laptop.db.query("SELECT owner_id FROM teacher_classes")[0]["owner_id"]
    assert audit == [(owner, child_digest(child), True, True)]


def test_a_device_offline_since_before_the_erasure_purges_on_its_next_pull(
    make_device: MakeDevice, email: str
) -> None:
    laptop, school_pc = make_device(), make_device()
    laptop.sign_in(email, new=True)
    school_pc.sign_in(email)
    child = child_with_history(laptop.db)
    laptop.sync()
    school_pc.sync()
    school_pc.close()  # away for weeks
    laptop.db.children.erase(child)
    laptop.sync()
    for _ in range(3):  # the account keeps changing meanwhile
        laptop.add_child("Asha")
        laptop.sync()
    school_pc.open()
    school_pc.sync()
    assert rows_mentioning(school_pc.db.path, child, NAME) == []


def test_a_late_change_about_the_erased_child_is_refused_not_stored(
    make_device: MakeDevice, email: str, sync_postgres: LocalPostgres
) -> None:
    laptop, school_pc = make_device(), make_device()
    laptop.sign_in(email, new=True)
    school_pc.sign_in(email)
    child = child_with_history(laptop.db)
    laptop.sync()
    school_pc.sync()
    school_pc.db.children.update(child, roll_number="17")  # offline, before hearing of it
    laptop.db.children.erase(child)
    laptop.sync()
    report = school_pc.sync()
    assert report.pushed.rejected == 1
    assert postgres_rows_mentioning(sync_postgres, child, NAME) == []
    assert rows_mentioning(school_pc.db.path, child, NAME) == []
