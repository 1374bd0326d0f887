"""The window backs up by itself: once a day, and when it closes; a damaged backup is refused."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

from desktop.auto_backup import AutoBackup
from desktop.context import AppContext
from desktop.pages.settings import SettingsPage
from desktop.worker import Worker
from storage.backup import list_backups
from storage.database import Store
from storage.paths import local_database_path
from tests.conftest import SCHOOL
from tests.desktop.conftest import wait_idle


def _backups(ctx: AppContext) -> list[Path]:
    return list_backups(local_database_path(ctx.data_dir))


def test_closing_the_window_makes_a_backup_holding_the_last_change(
    qtbot: Any, ctx: AppContext, in_store: Any
) -> None:
    in_store(lambda store: store.children.add({"name": "Asha Verma", "grade": 3}, SCHOOL))
    AutoBackup(ctx).before_quit()
    ctx.worker.close()
    (made,) = _backups(ctx)
    with Store.open(made, create=False, read_only=True) as copy:
        assert [c.name for c in copy.children.all()] == ["Asha Verma"]


def test_the_daily_check_makes_a_backup_when_none_was_made_today(
    qtbot: Any, ctx: AppContext, in_store: Any
) -> None:
    in_store(lambda store: store.backup(now=datetime.now(UTC) - timedelta(days=2)))
    AutoBackup(ctx).check()
    wait_idle(qtbot, ctx)
    assert len(_backups(ctx)) == 2


def test_the_daily_check_makes_none_when_one_was_made_today(
    qtbot: Any, ctx: AppContext, in_store: Any
) -> None:
    in_store(lambda store: store.backup())
    AutoBackup(ctx).check()
    wait_idle(qtbot, ctx)
    assert len(_backups(ctx)) == 1


def test_restoring_a_damaged_backup_from_settings_says_so_and_keeps_the_data(
    qtbot: Any, tmp_path: Path, dialogs: list[tuple[str, str]]
) -> None:
    data_dir = tmp_path / "restore"
    database = local_database_path(data_dir)
    ctx = AppContext(worker=Worker(lambda: Store.open(database)), data_dir=data_dir)
    page = SettingsPage(ctx)
    qtbot.addWidget(page)
    try:
        ctx.worker.submit(
            lambda store, _p: store.children.add({"name": "Asha Verma", "grade": 3}, SCHOOL),
            lambda _r, _e: None,
        )
        wait_idle(qtbot, ctx)
        damaged = tmp_path / "damaged.sqlite3"
        damaged.write_bytes(b"SQLite format 3\x00" + b"\x00" * 500)
        page.backups.restore(damaged)
        wait_idle(qtbot, ctx)
        assert [title for title, _ in dialogs] == ["This backup cannot be used"]
        assert "nothing was changed" in dialogs[0][1]
        names: list[str] = []
        ctx.worker.submit(
            lambda store, _p: names.extend(c.name for c in store.children.all()),
            lambda _r, _e: None,
        )
        wait_idle(qtbot, ctx)
        assert names == ["Asha Verma"]
    finally:
        ctx.worker.close()
