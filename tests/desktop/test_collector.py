"""Cycles holding Qt objects are collected on the UI thread, never on the database thread.

A collection that starts on another thread deletes Qt objects there, and can deadlock with the
UI thread deleting another one (CI hung for ever in `tests/desktop/test_grading.py` that way).
"""

from __future__ import annotations

import gc
import threading
import weakref
from typing import Any

from PySide6.QtCore import QObject

from desktop.collector import UiThreadCollector


class Page(QObject):
    """A Qt object in a reference cycle, as closed pages and dialogs often are."""

    def __init__(self, collected_on: list[str]) -> None:
        super().__init__()
        self.marker = Marker(self, collected_on)


class Marker:
    """Part of the page's cycle; says on which thread the cycle was collected."""

    def __init__(self, page: Page, collected_on: list[str]) -> None:
        self.page, self.collected_on = page, collected_on

    def __del__(self) -> None:
        self.collected_on.append(threading.current_thread().name)


def _garbage_cycle() -> tuple[weakref.ref[Any], list[str]]:
    collected_on: list[str] = []
    page = Page(collected_on)
    return weakref.ref(page), collected_on


def _allocate_cycles_on_a_thread() -> None:
    """Far past every threshold, as a busy database job would be."""

    def busy() -> None:
        for _ in range(gc.get_threshold()[0] * 50):
            cycle: list[Any] = []
            cycle.append(cycle)

    worker = threading.Thread(target=busy, name="database_0")
    worker.start()
    worker.join()


def test_a_busy_worker_thread_never_collects_a_qt_object_the_ui_tick_does(qapp: Any) -> None:
    collector = UiThreadCollector()  # the desktop tests' own is already running; this one too
    collector.start()
    try:
        page, collected_on = _garbage_cycle()
        _allocate_cycles_on_a_thread()
        assert page() is not None and collected_on == []  # not collected on "database_0"
        while collector.tick():
            pass
        assert page() is None and collected_on == ["MainThread"]
    finally:
        collector.stop()


def test_without_the_collector_the_worker_thread_would_collect_it(qapp: Any) -> None:
    """The first test's premise: Python's own collector runs on the allocating thread."""
    was_enabled = gc.isenabled()
    gc.enable()
    try:
        page, collected_on = _garbage_cycle()
        _allocate_cycles_on_a_thread()
        assert page() is None and collected_on == ["database_0"]
    finally:
        if not was_enabled:
            gc.disable()


def test_stopping_collects_what_is_left_and_gives_collection_back(qapp: Any) -> None:
    was_enabled = gc.isenabled()
    collector = UiThreadCollector()
    collector.start()
    assert not gc.isenabled()
    page, collected_on = _garbage_cycle()
    collector.stop()
    assert page() is None and collected_on == ["MainThread"]
    assert gc.isenabled() == was_enabled
