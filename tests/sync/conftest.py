"""A real Postgres with our migrations, the devstack over it, and devices that sync with it."""

from __future__ import annotations

import itertools
from collections.abc import Iterator
from pathlib import Path

import pytest

from cloud.devstack.server import DevCloud
from tests.sync.devices import Device

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
