"""One throwaway PostgreSQL for the cloud tests, with Supabase's base and our migrations."""

from __future__ import annotations

import json
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

import psycopg
import pytest
from psycopg.rows import dict_row

from cloud.devstack.postgres import LocalPostgres
from cloud.migrations import prepare


@pytest.fixture(scope="session")
def postgres() -> Iterator[LocalPostgres]:
    cluster = LocalPostgres.throwaway()
    cluster.start()
    try:
        prepare(cluster.dsn())
        yield cluster
    finally:
        cluster.remove()


@pytest.fixture
def db(postgres: LocalPostgres) -> Iterator[psycopg.Connection[dict[str, Any]]]:
    """A superuser connection in autocommit; tests open their own transactions."""
    with psycopg.connect(postgres.dsn(), autocommit=True, row_factory=dict_row) as conn:
        yield conn


def new_user(conn: psycopg.Connection[Any], email: str | None = None) -> str:
    """A row in auth.users, as the auth service would make on sign-up; returns its id."""
    user_id = str(uuid.uuid4())
    conn.execute(
        "INSERT INTO auth.users (id, email) VALUES (%s, %s)",
        (user_id, email or f"{user_id[:8]}@example.test"),
    )
    return user_id


def claims_for(role: str, user_id: str | None = None) -> dict[str, Any]:
    claims: dict[str, Any] = {"role": role, "aud": "authenticated" if user_id else role}
    if user_id:
        claims["sub"] = user_id
    return claims


@contextmanager
def acting_as(
    conn: psycopg.Connection[Any], role: str, user_id: str | None = None
) -> Iterator[psycopg.Connection[Any]]:
    """A transaction run as an API role with the request's JWT claims, then rolled back.

    This is how PostgREST runs every request on Supabase: `set local role` and
    `request.jwt.claims`. Nothing the block does survives it.
    """
    with conn.transaction(force_rollback=True):
        conn.execute(f"SET LOCAL ROLE {role}")
        conn.execute(
            "SELECT set_config('request.jwt.claims', %s, true)",
            (json.dumps(claims_for(role, user_id)),),
        )
        yield conn


@contextmanager
def committed_as(
    conn: psycopg.Connection[Any], role: str, user_id: str | None = None
) -> Iterator[psycopg.Connection[Any]]:
    """Like `acting_as`, but the transaction commits."""
    with conn.transaction():
        conn.execute(f"SET LOCAL ROLE {role}")
        conn.execute(
            "SELECT set_config('request.jwt.claims', %s, true)",
            (json.dumps(claims_for(role, user_id)),),
        )
        yield conn
