"""The Progress page: a child's mastery, charts and certificates; a class's heat map."""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCharts import QBarSeries, QLineSeries
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QPushButton

from curriculum.engine import generate
from desktop.context import AppContext
from desktop.pages import pdf_files
from desktop.pages.charts import level_counts_by_day
from desktop.pages.grading import GradingPage
from desktop.pages.progress import ProgressPage
from desktop.pages.progress_levels import LEVEL_FILLS
from desktop.window import MainWindow
from progress.analytics import LevelChange
from progress.grading import grade
from storage.database import Store
from tests.conftest import SCHOOL
from tests.desktop.conftest import wait_idle
from tests.desktop.test_grading import store_sheet
from tests.pdf_reading import page_count, text

SKILL = "maths.c3.add_3digit_regroup"
InStore = Callable[[Callable[[Store], Any]], Any]


def grade_sheet(
    store: Store, child_id: str, skill: str, seed: int, day: str, wrong: int = 0
) -> None:
    """A sheet of 5 for `skill`, graded on `day` with the first `wrong` answers wrong."""
    questions = generate(skill, 5, seed)
    sheet = store_sheet(store, questions, f"S{seed:05d}", child_id)
    answers = [q.answer if n >= wrong else "0" for n, q in enumerate(questions)]
    when = datetime.fromisoformat(f"{day}T05:00:00").replace(tzinfo=UTC)
    store.progress.grade(sheet, child_id, grade(questions, answers), when)


def add_child(store: Store, name: str, class_name: str | None = None) -> str:
    child_id = store.children.add({"name": name, "grade": 3}, SCHOOL).id or ""
    if class_name is not None:
        found = [c for c in store.classes.all() if c.name == class_name]
        class_id = found[0].id if found else store.classes.add({"name": class_name, "grade": 3}).id
        store.classes.add_member(class_id or "", child_id)
    return child_id


@pytest.fixture
def page(qtbot: Any, window: MainWindow, ctx: AppContext) -> ProgressPage:
    found = window.show_page(ProgressPage)
    wait_idle(qtbot, ctx)
    assert isinstance(found, ProgressPage)
    return found


@pytest.fixture(autouse=True)
def no_pdf_viewer(monkeypatch: pytest.MonkeyPatch) -> list[Path]:
    opened: list[Path] = []
    monkeypatch.setattr(pdf_files, "open_pdf", lambda path: opened.append(path) or True)
    return opened


def show(qtbot: Any, ctx: AppContext, page: ProgressPage, kind: str, key: str) -> None:
    page.refresh()  # as when the page is shown again after the setup
    wait_idle(qtbot, ctx)
    page.show_choice((kind, key))
    wait_idle(qtbot, ctx)


def skill_item(page: ProgressPage, title: str) -> Any:
    tree = page.child_view.skills
    for index in range(tree.topLevelItemCount()):
        chapter = tree.topLevelItem(index)
        for row in range(chapter.childCount()):
            if chapter.child(row).text(0) == title:
                return chapter.child(row)
    raise AssertionError(f"no row for {title}")


def test_after_grading_the_childs_progress_shows_the_new_level_and_a_chart(
    qtbot: Any, ctx: AppContext, window: MainWindow, in_store: InStore
) -> None:
    child = in_store(lambda s: add_child(s, "Asha Verma"))
    questions = generate(SKILL, 5, seed=3)
    in_store(lambda s: store_sheet(s, questions, "ASHA01", child))
    grading = window.show_page(GradingPage)
    assert isinstance(grading, GradingPage)
    grading.open("ASHA01")
    wait_idle(qtbot, ctx)
    assert grading.grader is not None
    for number, q in enumerate(questions, start=1):
        qtbot.keyClicks(grading.grader.edits[number - 1], q.answer)
        qtbot.keyClick(grading.grader.edits[number - 1], Qt.Key.Key_Return)
    grading.save()
    wait_idle(qtbot, ctx)
    page = window.show_page(ProgressPage)
    wait_idle(qtbot, ctx)
    assert isinstance(page, ProgressPage)
    assert page.chooser.currentText() == "Asha Verma (Class 3)"
    row = skill_item(page, "Adding 3-digit numbers with carrying")
    assert (row.text(1), row.text(2)) == ("improving", "5 / 5")
    assert row.background(1).color().name() == LEVEL_FILLS["improving"]
    lines = page.child_view.skills_chart.chart().series()
    improving = next(s for s in lines if s.name() == "improving")
    assert isinstance(improving, QLineSeries) and improving.count() > 0
    assert max(p.y() for p in improving.points()) == 1
    bars = page.child_view.months_chart.chart().series()[0]
    assert isinstance(bars, QBarSeries) and bars.barSets()[0].at(0) == 100
    assert "★ <b>10</b> stars" in page.child_view.tiles.text()  # 5 + 3 + 2 for a perfect sheet


def test_the_skills_chart_counts_skills_per_level_day_by_day() -> None:
    timeline = {
        "a": [
            LevelChange("2026-11-02", "learning", 0.3),
            LevelChange("2026-11-04", "improving", 0.6),
        ],
        "b": [LevelChange("2026-11-04", "learning", 0.3)],
    }
    counts = level_counts_by_day(timeline)
    assert [(d.isoformat(), c["learning"], c["improving"]) for d, c in counts] == [
        ("2026-11-02", 1, 0),
        ("2026-11-04", 1, 1),
    ]


def test_a_class_heat_map_has_a_row_per_child_and_cells_coloured_by_level(
    qtbot: Any, ctx: AppContext, page: ProgressPage, in_store: InStore
) -> None:
    def setup(store: Store) -> None:
        asha = add_child(store, "Asha Verma", "3A")
        ravi = add_child(store, "Ravi Kumar", "3A")
        add_child(store, "Meera Iyer", "3A")  # nothing graded yet
        grade_sheet(store, asha, SKILL, 1, "2026-11-02")
        grade_sheet(store, ravi, SKILL, 2, "2026-11-02", wrong=4)

    in_store(setup)
    show(qtbot, ctx, page, "class", "3A")
    grid = page.class_view.grid
    names = [grid.verticalHeaderItem(r).text() for r in range(grid.rowCount())]
    assert names == ["Asha Verma", "Meera Iyer", "Ravi Kumar"]
    column = 1  # the only skill, after the stars
    cells = [grid.item(r, column) for r in range(grid.rowCount())]
    assert [c.text() for c in cells] == ["improving", "not started", "learning"]
    assert [c.background().color().name() for c in cells] == [
        LEVEL_FILLS["improving"],
        LEVEL_FILLS["unknown"],
        LEVEL_FILLS["learning"],
    ]
    assert "Adding 3-digit numbers with carrying" in grid.horizontalHeaderItem(column).toolTip()
    assert "1 of 2 children still learning" in page.class_view.struggling.text()


def test_opening_a_childs_row_in_the_heat_map_shows_that_child(
    qtbot: Any, ctx: AppContext, page: ProgressPage, in_store: InStore
) -> None:
    child = in_store(lambda s: add_child(s, "Asha Verma", "3A"))
    in_store(lambda s: grade_sheet(s, child, SKILL, 1, "2026-11-02"))
    show(qtbot, ctx, page, "class", "3A")
    grid = page.class_view.grid
    grid.setCurrentCell(0, 1)
    qtbot.keyClick(grid, Qt.Key.Key_Return)
    wait_idle(qtbot, ctx)
    assert page.stack.currentWidget() is page.child_view
    assert page.chooser.currentText() == "Asha Verma (Class 3)"


def test_a_mastered_chapter_offers_its_certificate_and_prints_it(
    qtbot: Any, ctx: AppContext, page: ProgressPage, in_store: InStore, tmp_path: Path
) -> None:
    def setup(store: Store) -> str:
        child = add_child(store, "Asha Verma")
        seed = 10
        for day in ("2026-11-02", "2026-11-03"):  # mastery needs two days' work
            for skill in ("maths.c3.mult_tables", "maths.c3.div_sharing"):
                grade_sheet(store, child, skill, seed, day)
                seed += 1
        return child

    child = in_store(setup)
    show(qtbot, ctx, page, "child", child)
    button = page.child_view.findChild(QPushButton, "certificate-maths.c3.ch7")
    assert button is not None and button.text() == "Save certificate PDF…"
    out = tmp_path / "certificate.pdf"
    page.save_certificate("maths.c3.ch7", out)
    wait_idle(qtbot, ctx)
    assert out.read_bytes().startswith(b"%PDF")
    assert in_store(lambda s: [c.chapter_key for c in s.certificates.for_child(child)]) == [
        "maths.c3.ch7"
    ]
    again = page.child_view.findChild(QPushButton, "certificate-maths.c3.ch7")
    assert again is not None and again.text() == "Print again…"


def test_the_progress_report_is_saved_as_a_pdf(
    qtbot: Any,
    ctx: AppContext,
    page: ProgressPage,
    in_store: InStore,
    tmp_path: Path,
    no_pdf_viewer: list[Path],
) -> None:
    child = in_store(lambda s: add_child(s, "Asha Verma"))
    in_store(lambda s: grade_sheet(s, child, SKILL, 1, "2026-11-02", wrong=1))
    show(qtbot, ctx, page, "child", child)
    out = tmp_path / "report.pdf"
    page.save_report(out)
    wait_idle(qtbot, ctx)
    assert no_pdf_viewer == [out]  # opened to look at or print
    assert page_count(out) == 1
    printed = " ".join(text(out).split())
    assert "Progress report" in printed and "Asha Verma Class 3" in printed
    # the one graded sheet: its skill at its level with 4 of 5 right, and the month's line
    assert "Adding 3-digit numbers with carrying Improving 4/5" in printed
    assert "Nov 2026 1 5 80%" in printed


def test_a_child_with_nothing_graded_is_told_where_to_start(
    qtbot: Any, ctx: AppContext, page: ProgressPage, in_store: InStore
) -> None:
    child = in_store(lambda s: add_child(s, "Asha Verma"))
    show(qtbot, ctx, page, "child", child)
    view = page.child_view
    assert view.no_answers.isVisibleTo(page) and "Grade page" in view.no_answers.text()
    assert not view.skills.isVisibleTo(page) and not view.skills_chart.isVisibleTo(page)


def test_with_no_children_the_page_says_how_to_add_them(page: ProgressPage) -> None:
    assert page.stack.currentWidget() is page.empty
    assert "Children page" in page.empty.text()
