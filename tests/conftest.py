"""Fixtures shared by every test: a fresh database per test, in a private temporary folder."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path

import pytest

from cloud.devstack.postgres import LocalPostgres
from cloud.devstack.server import DevCloud
from cloud.migrations import prepare
from storage.consent import ConsentBasis
from storage.database import Store


@pytest.fixture
def db_path(tmp_path: Path) -> Path:
    return tmp_path / "data" / "practicecraft-local.sqlite3"


@pytest.fixture
def store(db_path: Path) -> Iterator[Store]:
    opened = Store.open(db_path)
    yield opened
    opened.close()


def outbox(store: Store) -> list[dict[str, object]]:
    return [dict(r) for r in store.query("SELECT * FROM outbox ORDER BY hlc")]


# The school's basis, confirmed once: what tests that add children keep them on (no child is
# kept without a consent record).
SCHOOL = ConsentBasis.school("R. Sharma, Principal", app_version="test")


# The devstack over a real Postgres, for the sync tests (client, window and command line).
@pytest.fixture(scope="session")
def sync_postgres() -> Iterator[LocalPostgres]:
    cluster = LocalPostgres.throwaway()
    cluster.start()
    try:
        prepare(cluster.dsn())
        yield cluster
    finally:
        cluster.remove()


@pytest.fixture(scope="session")
def devcloud(sync_postgres: LocalPostgres) -> Iterator[DevCloud]:
    # Supabase lets a refresh token be exchanged again for 10 s (a client whose answer was
    # lost retries); the devstack does the same here, as production will.
    cloud = DevCloud(sync_postgres, refresh_reuse_interval=10.0).start()
    try:
        yield cloud
    finally:
        cloud.stop()


def paid_until(store: Store, end: datetime) -> None:
    """Give the store a paid entitlement, as a sync would bring it (for tests that make many
    sheets: a local-only database has the free tier's monthly quota)."""
    from storage import entitlement

    answer = {"tier": "paid", "current_period_end": end.isoformat(), "worksheets_this_month": 0,
              "monthly_quota": None}  # fmt: skip
    entitlement.remember(store, answer, datetime.now(UTC))
