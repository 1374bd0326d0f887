"""The pydantic models, the SQLite schema and the Postgres schema agree column by column.

Sources: `storage/tables.py` (what every writer works from), a fresh device database made by
`Store.open`, the record models, and the server's schema after every migration. A column added
on one side only, a type that cannot carry the other side's values, or a NOT NULL that one side
enforces and the other does not, fails here with the table and the column named.
"""

from __future__ import annotations

import json
import re
import sqlite3
from collections.abc import Iterator
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

import psycopg
import pytest
from pydantic import BaseModel

from cloud.devstack.postgres import LocalPostgres
from curriculum.banks import BankItem
from curriculum.custom import new_custom_skills
from curriculum.syllabus import builtin_syllabus
from progress.attempts import AttemptEvent
from storage.database import Store
from storage.records import (
    Certificate,
    Child,
    ClassMember,
    GuardianConsent,
    TeacherClass,
    TelemetryEvent,
    TopicPreference,
    UserProfile,
)
from storage.tables import SYNC_COLUMNS, SYNCED_TABLES, Kind, SyncedTable
from tests.conftest import SCHOOL
from worksheets.model import Worksheet

# Bookkeeping only the server keeps (see 20261122000100_synced_tables.sql): the clock stamp of
# each field's last accepted write, and the change sequence and transaction the pull orders by.
SERVER_ONLY = frozenset({"field_hlcs", "change_seq", "change_xid"})

# Which Postgres types can hold what a device stores in each SQLite (STRICT) type, and back.
SQLITE_TO_POSTGRES = {
    "TEXT": frozenset({"text", "uuid", "timestamp with time zone", "date", "jsonb"}),
    "INTEGER": frozenset({"smallint", "integer", "bigint", "boolean"}),
    "REAL": frozenset({"double precision", "real"}),
}

# Columns that may be NULL on the device but never on the server, and why.
NULLABLE_ON_DEVICE_ONLY = {
    # ARCHITECTURE.md §2: "owner_id (cloud user id, null until first sign-in)"; the server
    # stamps it from the caller's JWT (sync_push), so every server row has one.
    "owner_id",
}

# The record model each synced table's rows are validated by; custom_skills and bank_items have
# none (see the tests at the end).
MODELS: dict[str, type[BaseModel]] = {
    "user_profiles": UserProfile,
    "children": Child,
    "teacher_classes": TeacherClass,
    "class_members": ClassMember,
    "topic_preferences": TopicPreference,
    "worksheets": Worksheet,
    "attempt_events": AttemptEvent,
    "guardian_consents": GuardianConsent,
    "certificates": Certificate,
    "telemetry_events": TelemetryEvent,
}
SERVER_OWNED_COPIES = (
    "user_subscriptions",
    "payment_events",  # local migration 0005
    "child_erasures",  # local migration 0008
)


@dataclass(frozen=True)
class Column:
    name: str
    type: str
    not_null: bool


Columns = dict[str, Column]


def schema_differences(table: SyncedTable, device: Columns, server: Columns) -> list[str]:
    """Every way the device's and the server's `table` disagree with each other and tables.py."""
    name = table.name
    problems = []
    declared = set(table.all_columns)
    for column in sorted(declared - device.keys()):
        problems.append(f"{name}.{column}: in storage/tables.py, not in SQLite")
    for column in sorted(device.keys() - declared):
        problems.append(f"{name}.{column}: in SQLite, not in storage/tables.py")
    for column in sorted(device.keys() - server.keys()):
        problems.append(f"{name}.{column}: in SQLite, not in Postgres")
    for column in sorted(server.keys() - device.keys() - SERVER_ONLY):
        problems.append(f"{name}.{column}: in Postgres, not in SQLite")
    for column in sorted(SERVER_ONLY - server.keys()):
        problems.append(f"{name}.{column}: the server's bookkeeping column is missing")
    for column in sorted(device.keys() & server.keys()):
        problems += _column_differences(table, device[column], server[column])
    return problems


def _column_differences(table: SyncedTable, device: Column, server: Column) -> list[str]:
    where = f"{table.name}.{device.name}"
    problems = []
    if server.type not in SQLITE_TO_POSTGRES.get(device.type, frozenset()):
        problems.append(f"{where}: SQLite {device.type} cannot pair with Postgres {server.type}")
    is_json = device.name in table.json_columns
    if is_json != (server.type == "jsonb"):
        problems.append(
            f"{where}: {'a' if is_json else 'not a'} JSON column in storage/tables.py, "
            f"but {server.type} in Postgres"
        )
    if device.not_null and not server.not_null:
        problems.append(f"{where}: NOT NULL in SQLite, nullable in Postgres")
    if server.not_null and not device.not_null and device.name not in NULLABLE_ON_DEVICE_ONLY:
        problems.append(f"{where}: NOT NULL in Postgres, nullable in SQLite")
    return problems


# --- reading both schemas -------------------------------------------------------------------


@pytest.fixture(scope="module")
def device_db(tmp_path_factory: pytest.TempPathFactory) -> Iterator[sqlite3.Connection]:
    """A device database as the app makes it; read through its own connection."""
    store = Store.open(tmp_path_factory.mktemp("device") / "x.sqlite3")
    try:
        yield store.conn
    finally:
        store.close()


@pytest.fixture(scope="module")
def server_db(postgres: LocalPostgres) -> Iterator[psycopg.Connection[Any]]:
    with psycopg.connect(postgres.dsn(), autocommit=True) as conn:
        yield conn


def device_columns(conn: sqlite3.Connection, table: str) -> Columns:
    rows = conn.execute(f"PRAGMA table_info({table})").fetchall()
    return {r[1]: Column(r[1], r[2].upper(), bool(r[3])) for r in rows}


def server_columns(conn: psycopg.Connection[Any], table: str) -> Columns:
    rows = conn.execute(
        "SELECT a.attname, format_type(a.atttypid, NULL), a.attnotnull "
        "FROM pg_attribute AS a JOIN pg_class AS c ON c.oid = a.attrelid "
        "JOIN pg_namespace AS n ON n.oid = c.relnamespace "
        "WHERE n.nspname = 'public' AND c.relname = %s AND c.relkind = 'r' "
        "AND a.attnum > 0 AND NOT a.attisdropped",
        (table,),
    ).fetchall()
    return {r[0]: Column(r[0], r[1], r[2]) for r in rows}


def server_kinds(conn: psycopg.Connection[Any]) -> dict[str, str]:
    return dict(conn.execute("SELECT name, kind FROM private.sync_tables").fetchall())


# --- the contract ---------------------------------------------------------------------------

TABLES = sorted(SYNCED_TABLES)


@pytest.mark.parametrize("name", TABLES)
def test_synced_table_exists_on_the_device_and_on_the_server(
    name: str, device_db: sqlite3.Connection, server_db: psycopg.Connection[Any]
) -> None:
    assert device_columns(device_db, name), f"{name}: no such table in SQLite"
    assert server_columns(server_db, name), f"{name}: no such table in Postgres (schema public)"


@pytest.mark.parametrize("name", TABLES)
def test_device_and_server_agree_on_columns_types_and_not_null(
    name: str, device_db: sqlite3.Connection, server_db: psycopg.Connection[Any]
) -> None:
    problems = schema_differences(
        SYNCED_TABLES[name], device_columns(device_db, name), server_columns(server_db, name)
    )
    assert problems == []


@pytest.mark.parametrize("name", sorted(MODELS))
def test_record_model_fields_are_the_tables_own_columns_and_id(name: str) -> None:
    fields = set(MODELS[name].model_fields)
    expected = {*SYNCED_TABLES[name].columns, "id"}
    assert fields - expected == set(), f"{name}: model fields with no column"
    assert expected - fields == set(), f"{name}: columns the model does not carry"


def test_every_synced_table_has_a_model_or_a_reason_not_to() -> None:
    assert set(SYNCED_TABLES) - set(MODELS) == {"custom_skills", "bank_items"}


def test_kinds_in_tables_py_match_the_servers_sync_tables(
    server_db: psycopg.Connection[Any],
) -> None:
    kinds = server_kinds(server_db)
    for name, table in SYNCED_TABLES.items():
        assert kinds.get(name) == table.kind.value, f"{name}: kind differs"


def test_server_syncs_exactly_the_tables_the_device_syncs(
    server_db: psycopg.Connection[Any],
) -> None:
    device_kinds = {kind.value for kind in Kind}
    synced_on_server = {n for n, k in server_kinds(server_db).items() if k in device_kinds}
    assert synced_on_server == set(SYNCED_TABLES)


@pytest.mark.parametrize("name", SERVER_OWNED_COPIES)
def test_every_column_of_a_local_server_owned_copy_exists_on_the_server(
    name: str, device_db: sqlite3.Connection, server_db: psycopg.Connection[Any]
) -> None:
    device, server = device_columns(device_db, name), server_columns(server_db, name)
    assert device, f"{name}: no local copy"
    assert server_kinds(server_db)[name] == "server_owned"
    for column in device.values():
        assert column.name in server, f"{name}.{column.name}: not on the server"
        mapped = SQLITE_TO_POSTGRES[column.type]
        assert server[column.name].type in mapped, f"{name}.{column.name}: type differs"


def test_the_devices_clock_stamps_pass_the_servers_hlc_check(
    tmp_path: Path, server_db: psycopg.Connection[Any]
) -> None:
    with Store.open(tmp_path / "clock.sqlite3") as store:
        child = store.children.add({"name": "Asha", "grade": 3}, SCHOOL)
        (row,) = store.query("SELECT hlc FROM children WHERE id = ?", (child.id,))
    checks = server_db.execute(
        "SELECT c.conrelid::regclass::text, pg_get_constraintdef(c.oid) FROM pg_constraint AS c "
        "WHERE c.contype = 'c' AND c.conrelid = ANY(%s::regclass[]) "
        "AND pg_get_constraintdef(c.oid) LIKE '%%hlc ~%%'",
        ([f"public.{name}" for name in SYNCED_TABLES],),
    ).fetchall()
    assert {table.removeprefix("public.") for table, _ in checks} == set(SYNCED_TABLES)
    for table, definition in checks:
        pattern = re.search(r"'(.*)'::text", definition)
        assert pattern, f"{table}: unexpected check {definition}"
        passes = server_db.execute("SELECT %s ~ %s", (row["hlc"], pattern[1])).fetchone()
        assert passes == (True,), f"{table}: the server refuses the stamp {row['hlc']}"


# --- the two tables without a row model -----------------------------------------------------


def test_custom_skill_rows_are_built_with_exactly_the_tables_columns() -> None:
    """custom_skills rows are dicts made by curriculum.custom.new_custom_skills."""
    item = BankItem(
        id="own-1",
        skill="custom.c4.fractions_pizza",
        type="fill_blank",
        prompt="Half of 8 is ____",
        answer="4",
        chapter="Pizza fractions",
    )
    (skill,) = new_custom_skills([item], builtin_syllabus(), set(), "bank.csv")
    assert set(skill) == set(SYNCED_TABLES["custom_skills"].columns)


def test_bank_item_rows_carry_the_item_its_id_and_its_skill(tmp_path: Path) -> None:
    """bank_items has no row model: the row is (item.id, item.skill, the item as JSON)."""
    assert SYNCED_TABLES["bank_items"].columns == ("item_id", "skill_tag", "item")
    item = BankItem(
        id="own-2", skill="custom.c4.pizza", type="fill_blank", prompt="2 + 2 = ____", answer="4"
    )
    skills = new_custom_skills([item], builtin_syllabus(), set(), "bank.csv")
    with Store.open(tmp_path / "bank.sqlite3") as store:
        store.custom_content.import_items([item], skills)
        (row,) = store.query("SELECT item_id, skill_tag, item FROM bank_items")
    assert (row["item_id"], row["skill_tag"]) == (item.id, item.skill)
    assert BankItem.model_validate(json.loads(row["item"])) == item


# --- the checker itself ---------------------------------------------------------------------


@pytest.fixture
def children_schemas(
    device_db: sqlite3.Connection, server_db: psycopg.Connection[Any]
) -> tuple[Columns, Columns]:
    return device_columns(device_db, "children"), server_columns(server_db, "children")


def test_checker_catches_a_column_added_on_the_server_only(
    children_schemas: tuple[Columns, Columns],
) -> None:
    device, server = children_schemas
    server = server | {"nickname": Column("nickname", "text", False)}
    assert schema_differences(SYNCED_TABLES["children"], device, server) == [
        "children.nickname: in Postgres, not in SQLite"
    ]


def test_checker_catches_a_column_missing_from_tables_py_and_postgres(
    children_schemas: tuple[Columns, Columns],
) -> None:
    device, server = children_schemas
    device = device | {"school": Column("school", "TEXT", False)}
    assert schema_differences(SYNCED_TABLES["children"], device, server) == [
        "children.school: in SQLite, not in storage/tables.py",
        "children.school: in SQLite, not in Postgres",
    ]


def test_checker_catches_a_type_a_json_column_and_a_not_null_drift(
    children_schemas: tuple[Columns, Columns],
) -> None:
    device, server = children_schemas
    server = server | {
        "grade": replace(server["grade"], type="text"),
        "roll_number": replace(server["roll_number"], not_null=True),
    }
    device = device | {"board": replace(device["board"], not_null=False)}
    table = replace(SYNCED_TABLES["children"], json_columns=frozenset({"age_band"}))
    assert schema_differences(table, device, server) == [
        "children.age_band: a JSON column in storage/tables.py, but text in Postgres",
        "children.board: NOT NULL in Postgres, nullable in SQLite",
        "children.grade: SQLite INTEGER cannot pair with Postgres text",
        "children.roll_number: NOT NULL in Postgres, nullable in SQLite",
    ]


def test_checker_knows_the_servers_bookkeeping_columns_are_expected(
    children_schemas: tuple[Columns, Columns],
) -> None:
    device, server = children_schemas
    without = {k: v for k, v in server.items() if k != "change_xid"}
    assert schema_differences(SYNCED_TABLES["children"], device, without) == [
        "children.change_xid: the server's bookkeeping column is missing"
    ]


def test_owner_id_is_the_one_column_nullable_on_the_device_only(
    children_schemas: tuple[Columns, Columns],
) -> None:
    device, server = children_schemas
    assert not device["owner_id"].not_null and server["owner_id"].not_null
    assert set(SYNC_COLUMNS) & NULLABLE_ON_DEVICE_ONLY == {"owner_id"}
