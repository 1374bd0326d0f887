"""A real Postgres with our migrations, the devstack over it, and devices that sync with it."""

from __future__ import annotations

import itertools
from collections.abc import Iterator
from pathlib import Path

import pytest

from cloud.devstack.postgres import LocalPostgres
from cloud.devstack.server import DevCloud
from cloud.migrations import prepare
from tests.sync.devices import Device


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


_emails = itertools.count(1)


@pytest.fixture
def email() -> str:
    """A new account's address, different in every test."""
    return f"teacher{next(_emails)}-{id(object()):x}@example.com"


@pytest.fixture
def make_device(
    tmp_path: Path, devcloud: DevCloud, monkeypatch: pytest.MonkeyPatch
) -> Iterator[type[Device] | object]:
    monkeypatch.setenv("PRACTICECRAFT_SESSION_STORE", "file")
    made: list[Device] = []
    names = itertools.count(1)

    def make(name: str | None = None) -> Device:
        device = Device(tmp_path / (name or f"device{next(names)}"), devcloud)
        made.append(device)
        return device

    yield make
    for device in made:
        device.close()
