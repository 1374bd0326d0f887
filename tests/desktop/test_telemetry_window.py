"""Usage events from the window: after the action, never failing it; the opt-in text is true."""

from __future__ import annotations

import logging
from typing import Any

import pytest
from PySide6.QtWidgets import QWidget

from desktop.context import AppContext
from desktop.pages.settings import TELEMETRY_NOTE, SettingsPage
from desktop.tasks import Op
from storage.repositories import DeviceSettings
from tests.conftest import SCHOOL
from tests.desktop.conftest import wait_idle


def _add_a_child(qtbot: Any, ctx: AppContext) -> list[str]:
    """Run a named action from a widget; returns what its success callback received."""
    got: list[str] = []
    parent = QWidget()
    qtbot.addWidget(parent)
    Op(
        ctx,
        lambda store, _p: store.children.add({"name": "Zoya Qureshi", "grade": 3}, SCHOOL).id,
        parent,
    ).named("child.add").success(got.append).run()
    wait_idle(qtbot, ctx)
    return got


def _events(in_store: Any) -> list[dict[str, Any]]:
    return in_store(lambda s: [dict(r) for r in s.query("SELECT * FROM telemetry_events")])


def test_a_named_action_records_nothing_while_telemetry_is_off(
    qtbot: Any, ctx: AppContext, in_store: Any
) -> None:
    assert _add_a_child(qtbot, ctx)
    assert _events(in_store) == []


def test_a_named_action_records_its_event_without_child_data_once_opted_in(
    qtbot: Any, ctx: AppContext, in_store: Any
) -> None:
    in_store(lambda s: s.settings.set(DeviceSettings.TELEMETRY, True))
    (child_id,) = _add_a_child(qtbot, ctx)
    (event,) = _events(in_store)
    assert (event["event"], event["route"], event["ok"]) == ("child.add", "window", 1)
    assert child_id not in str(event) and "Zoya" not in str(event)


def test_a_failing_telemetry_write_neither_fails_the_action_nor_passes_silently(
    qtbot: Any, ctx: AppContext, in_store: Any, caplog: pytest.LogCaptureFixture
) -> None:
    in_store(lambda s: s.settings.set(DeviceSettings.TELEMETRY, True))
    in_store(
        lambda s: s.conn.execute(
            "CREATE TRIGGER no_events BEFORE INSERT ON telemetry_events "
            "BEGIN SELECT RAISE(ABORT, 'telemetry refused'); END"
        )
    )
    with caplog.at_level(logging.WARNING, logger="practicecraft.telemetry"):
        got = _add_a_child(qtbot, ctx)
    assert len(got) == 1
    assert in_store(lambda s: [c.name for c in s.children.all()]) == ["Zoya Qureshi"]
    assert "the usage event child.add was not recorded: telemetry refused" in caplog.text


def test_the_opt_in_says_what_is_collected_and_that_it_is_tied_to_the_account(
    qtbot: Any, ctx: AppContext
) -> None:
    page = SettingsPage(ctx)
    qtbot.addWidget(page)
    assert not page.telemetry.isChecked()
    assert "anonymous" not in page.telemetry.text()
    for said in ("how long it took", "whether it worked", "never children's names"):
        assert said in TELEMETRY_NOTE
    assert "tied to your account: they are not anonymous" in TELEMETRY_NOTE
