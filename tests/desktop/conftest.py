"""Desktop tests run offscreen with a fresh database per test, on the real worker thread."""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any, TypeVar

import pytest
from PySide6.QtWidgets import QMessageBox

from desktop.collector import UiThreadCollector
from desktop.context import AppContext
from desktop.window import MainWindow
from desktop.worker import Worker
from storage.database import Store
from storage.paths import local_database_path

T = TypeVar("T")


@pytest.fixture(autouse=True)
def collected_on_the_ui_thread(qapp: Any) -> Iterator[None]:
    """As in the app: cycles are collected on the UI thread only (`desktop.collector`), and
    what a test leaves is collected here, before the next test's threads start allocating."""
    collector = UiThreadCollector()
    collector.start()
    yield
    collector.stop()


@pytest.fixture
def dialogs(monkeypatch: pytest.MonkeyPatch) -> list[tuple[str, str]]:
    """Message boxes shown during the test, recorded instead of blocking it."""
    shown: list[tuple[str, str]] = []

    def record(
        _parent: Any, title: str, text: str, *_: Any, **__: Any
    ) -> QMessageBox.StandardButton:
        shown.append((title, text))
        return QMessageBox.StandardButton.Ok

    for name in ("warning", "information", "critical"):
        monkeypatch.setattr(QMessageBox, name, staticmethod(record))
    monkeypatch.setattr(
        QMessageBox, "question", staticmethod(lambda *a, **k: QMessageBox.StandardButton.Yes)
    )
    return shown


@pytest.fixture
def ctx(qtbot: Any, tmp_path: Path, dialogs: list[tuple[str, str]]) -> Iterator[AppContext]:
    data_dir = tmp_path / "data"
    worker = Worker(lambda: Store.open(local_database_path(data_dir)))
    context = AppContext(worker=worker, data_dir=data_dir)
    yield context
    qtbot.waitUntil(lambda: worker.idle, timeout=30_000)
    worker.close()


@pytest.fixture
def in_store(qtbot: Any, ctx: AppContext) -> Callable[[Callable[[Store], T]], T]:
    """Run `fn(store)` on the worker thread and wait for its result (setup and checks)."""

    def run(fn: Callable[[Store], T]) -> T:
        box: dict[str, Any] = {}

        def done(result: Any, error: BaseException | None) -> None:
            box["result"], box["error"] = result, error

        ctx.worker.submit(lambda store, _progress: fn(store), done)
        qtbot.waitUntil(lambda: "error" in box, timeout=30_000)
        if box["error"] is not None:
            raise box["error"]
        return box["result"]  # type: ignore[no-any-return]

    return run


@pytest.fixture
def window(qtbot: Any, ctx: AppContext) -> MainWindow:
    main = MainWindow(ctx)
    qtbot.addWidget(main)
    main.show()
    qtbot.waitUntil(lambda: ctx.worker.idle, timeout=30_000)
    return main


def wait_idle(qtbot: Any, ctx: AppContext) -> None:
    qtbot.waitUntil(lambda: ctx.worker.idle, timeout=30_000)
