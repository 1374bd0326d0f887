"""Usage events: off by default, never failing what they describe, never holding child data."""

from __future__ import annotations

import logging

import pytest

from storage.database import Store
from storage.repositories import DeviceSettings
from storage.telemetry import record_event


def _events(store: Store) -> list[dict[str, object]]:
    return [dict(r) for r in store.query("SELECT * FROM telemetry_events")]


def _refuse_telemetry_writes(store: Store) -> None:
    """A real failing write: SQLite itself refuses the insert (as a full or damaged file would)."""
    store.conn.execute(
        "CREATE TRIGGER no_events BEFORE INSERT ON telemetry_events "
        "BEGIN SELECT RAISE(ABORT, 'telemetry refused'); END"
    )


def test_telemetry_is_off_on_a_new_database(store: Store) -> None:
    assert store.settings.telemetry_enabled is False
    assert record_event(store, "worksheet.make", "builder", 120, True) is False
    assert _events(store) == []


def test_an_opted_in_event_is_kept_and_queued_for_sync(store: Store) -> None:
    store.settings.set(DeviceSettings.TELEMETRY, True)
    assert record_event(store, "worksheet.make", "builder", 120, True) is True
    (event,) = _events(store)
    assert (event["event"], event["route"], event["latency_ms"], event["ok"]) == (
        "worksheet.make",
        "builder",
        120,
        1,
    )
    tables = [r["table_name"] for r in store.query("SELECT table_name FROM outbox")]
    assert tables == ["telemetry_events"]


def test_a_failing_telemetry_write_is_logged_as_a_warning_and_not_raised(
    store: Store, caplog: pytest.LogCaptureFixture
) -> None:
    store.settings.set(DeviceSettings.TELEMETRY, True)
    _refuse_telemetry_writes(store)
    with caplog.at_level(logging.WARNING, logger="practicecraft.telemetry"):
        assert record_event(store, "worksheet.make", "builder", 120, True) is False
    assert "the usage event worksheet.make was not recorded: telemetry refused" in caplog.text
    assert store.query("SELECT count(*) AS n FROM outbox")[0]["n"] == 0


@pytest.mark.parametrize("event", ["Asha Verma", "child add", "grade:Asha", ""])
def test_an_event_name_that_is_not_a_plain_code_name_is_refused(
    store: Store, caplog: pytest.LogCaptureFixture, event: str
) -> None:
    store.settings.set(DeviceSettings.TELEMETRY, True)
    with caplog.at_level(logging.WARNING, logger="practicecraft.telemetry"):
        assert record_event(store, event, "cli", 1, True) is False
    assert _events(store) == [] and "refused" in caplog.text
