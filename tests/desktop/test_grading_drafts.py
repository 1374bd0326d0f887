"""Nothing typed on the Grade page is lost: drafts as typed, restored, and a question before leaving."""

from __future__ import annotations

from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox

from curriculum.engine import generate
from desktop.context import AppContext
from desktop.pages.grading import GradingPage
from desktop.window import MainWindow
from storage.database import Store
from tests.desktop.conftest import wait_idle
from tests.desktop.test_grading import (
    SKILL,
    InStore,
    answers,
    asha,
    open_by_code,
    page,
    sheet,
    store_sheet,
)
from worksheets.model import Worksheet

__all__ = ["asha", "page", "sheet"]  # fixtures shared with the Grade page's tests
Button = QMessageBox.StandardButton


def answer_leaving_with(monkeypatch: pytest.MonkeyPatch, button: Button) -> list[str]:
    """The "Marks not saved" question is answered with `button`; returns the texts asked."""
    asked: list[str] = []

    def question(_parent: Any, title: str, text: str, *_: Any, **__: Any) -> Button:
        asked.append(f"{title}: {text}")
        return button

    monkeypatch.setattr(QMessageBox, "question", staticmethod(question))
    return asked


def drafts_of(in_store: InStore, sheet: Worksheet) -> dict[str, Any]:
    return in_store(lambda s: s.drafts.for_worksheet(sheet.id or ""))  # type: ignore[no-any-return]


def mark_two(
    qtbot: Any, ctx: AppContext, page: GradingPage, in_store: InStore, sheet: Worksheet
) -> None:
    open_by_code(qtbot, ctx, page, sheet.code)
    assert page.grader is not None
    page.grader.mark(1, "correct")
    page.grader.mark(2, "incorrect")
    qtbot.waitUntil(lambda: bool(drafts_of(in_store, sheet)), timeout=30_000)


def test_marks_are_kept_in_the_database_as_they_are_typed(
    qtbot: Any, ctx: AppContext, page: GradingPage, sheet: Worksheet, in_store: InStore, asha: str
) -> None:
    mark_two(qtbot, ctx, page, in_store, sheet)
    kept = drafts_of(in_store, sheet)[asha].entries
    assert [e["result"] for e in kept[:3]] == ["correct", "incorrect", None]


def test_an_answer_typed_but_not_entered_is_kept_in_the_draft(
    qtbot: Any, ctx: AppContext, page: GradingPage, sheet: Worksheet, in_store: InStore, asha: str
) -> None:
    open_by_code(qtbot, ctx, page, sheet.code)
    assert page.grader is not None
    qtbot.keyClicks(page.grader.edits[0], "12")
    qtbot.waitUntil(lambda: bool(drafts_of(in_store, sheet)), timeout=30_000)
    assert drafts_of(in_store, sheet)[asha].entries[0]["text"] == "12"


def test_after_a_restart_the_sheet_opens_with_the_marks_not_saved(
    qtbot: Any, ctx: AppContext, page: GradingPage, sheet: Worksheet, in_store: InStore
) -> None:
    open_by_code(qtbot, ctx, page, sheet.code)
    assert page.grader is not None
    page.grader.mark(1, "correct")
    qtbot.keyClicks(page.grader.edits[1], answers(sheet)[1])
    qtbot.waitUntil(lambda: bool(drafts_of(in_store, sheet)), timeout=30_000)
    fresh = MainWindow(ctx)  # a new window knows nothing but the database
    qtbot.addWidget(fresh)
    again = fresh.show_page(GradingPage)
    assert isinstance(again, GradingPage)
    wait_idle(qtbot, ctx)
    again.open(sheet.code)
    wait_idle(qtbot, ctx)
    assert again.grader is not None
    assert again.grader.session.entry(1).result == "correct"
    assert again.grader.edits[1].text() == answers(sheet)[1]


def test_saving_the_marks_removes_their_draft(
    qtbot: Any, ctx: AppContext, page: GradingPage, sheet: Worksheet, in_store: InStore
) -> None:
    mark_two(qtbot, ctx, page, in_store, sheet)
    qtbot.keyClick(page.grader.edits[2], Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)  # type: ignore[union-attr]
    wait_idle(qtbot, ctx)
    assert page.summary is not None
    assert drafts_of(in_store, sheet) == {}
    assert len(in_store(lambda s: s.attempts.for_worksheet(sheet.id or ""))) == 2


def test_esc_with_marks_not_saved_asks_and_cancel_keeps_the_sheet_open(
    qtbot: Any, ctx: AppContext, page: GradingPage, sheet: Worksheet, in_store: InStore,
    monkeypatch: pytest.MonkeyPatch,
) -> None:  # fmt: skip
    mark_two(qtbot, ctx, page, in_store, sheet)
    asked = answer_leaving_with(monkeypatch, Button.Cancel)
    qtbot.keyClick(page.grader.edits[2], Qt.Key.Key_Escape)  # type: ignore[union-attr]
    assert len(asked) == 1 and "Asha Verma" in asked[0]
    assert page.stack.currentWidget() is page.sheet_view
    assert page.grader is not None and page.grader.session.entry(2).result == "incorrect"


def test_other_worksheets_then_discard_throws_the_marks_away(
    qtbot: Any, ctx: AppContext, page: GradingPage, sheet: Worksheet, in_store: InStore,
    monkeypatch: pytest.MonkeyPatch,
) -> None:  # fmt: skip
    mark_two(qtbot, ctx, page, in_store, sheet)
    answer_leaving_with(monkeypatch, Button.Discard)
    page.back_to_list()
    wait_idle(qtbot, ctx)
    assert page.stack.currentWidget() is page.picker
    assert drafts_of(in_store, sheet) == {}
    assert in_store(lambda s: s.attempts.for_worksheet(sheet.id or "")) == []


def test_leaving_with_save_saves_the_marks_first(
    qtbot: Any, ctx: AppContext, page: GradingPage, sheet: Worksheet, in_store: InStore,
    monkeypatch: pytest.MonkeyPatch,
) -> None:  # fmt: skip
    mark_two(qtbot, ctx, page, in_store, sheet)
    answer_leaving_with(monkeypatch, Button.Save)
    page.back_to_list()
    wait_idle(qtbot, ctx)
    assert page.stack.currentWidget() is page.picker
    assert len(in_store(lambda s: s.attempts.for_worksheet(sheet.id or ""))) == 2
    assert drafts_of(in_store, sheet) == {}


def test_opening_another_sheet_asks_before_leaving_marks_not_saved(
    qtbot: Any, ctx: AppContext, page: GradingPage, sheet: Worksheet, in_store: InStore,
    asha: str, monkeypatch: pytest.MonkeyPatch,
) -> None:  # fmt: skip
    other = in_store(lambda s: store_sheet(s, generate(SKILL, 3, seed=9), "OTHER2", asha))
    mark_two(qtbot, ctx, page, in_store, sheet)
    asked = answer_leaving_with(monkeypatch, Button.Cancel)
    page.open(other.code)
    wait_idle(qtbot, ctx)
    assert len(asked) == 1
    assert page.opened is not None and page.opened.sheet.code == sheet.code


def test_closing_the_window_with_marks_not_saved_asks_first(
    qtbot: Any, ctx: AppContext, window: MainWindow, page: GradingPage, sheet: Worksheet,
    in_store: InStore, monkeypatch: pytest.MonkeyPatch,
) -> None:  # fmt: skip
    mark_two(qtbot, ctx, page, in_store, sheet)
    asked = answer_leaving_with(monkeypatch, Button.Cancel)
    assert window.close() is False
    assert len(asked) == 1 and window.isVisible()


def test_nothing_is_asked_when_every_mark_is_saved(
    qtbot: Any, ctx: AppContext, window: MainWindow, page: GradingPage, sheet: Worksheet,
    in_store: InStore, monkeypatch: pytest.MonkeyPatch,
) -> None:  # fmt: skip
    mark_two(qtbot, ctx, page, in_store, sheet)
    page.save()
    wait_idle(qtbot, ctx)
    asked = answer_leaving_with(monkeypatch, Button.Cancel)
    page.back_to_list()
    assert asked == [] and page.stack.currentWidget() is page.picker


def test_marks_typed_before_choosing_the_child_go_to_the_child_chosen(
    qtbot: Any, ctx: AppContext, page: GradingPage, asha: str, in_store: InStore
) -> None:
    def setup(store: Store) -> Worksheet:
        class_id = store.classes.add({"name": "3A", "grade": 3}).id or ""
        store.classes.add_member(class_id, asha)
        return store_sheet(store, generate(SKILL, 3, seed=2), "CLASS3", class_id=class_id)

    class_sheet = in_store(setup)
    open_by_code(qtbot, ctx, page, class_sheet.code)
    assert page.grader is not None
    page.grader.mark(1, "correct")
    page.child_box.setCurrentIndex(page.child_box.findText("Asha Verma"))
    assert page.grader.session.entry(1).result == "correct"
    qtbot.waitUntil(lambda: asha in drafts_of(in_store, class_sheet), timeout=30_000)
    assert "" not in drafts_of(in_store, class_sheet)
