"""The Grade page, driven from the keyboard as a teacher grades a pile of returned sheets."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QPushButton

from curriculum.engine import generate
from curriculum.question import Question, worksheet_hash
from desktop.context import AppContext
from desktop.pages import grading, pdf_files
from desktop.pages.grading import GradingPage
from desktop.window import MainWindow
from progress.attempts import SCHOOL_TIME
from progress.grading import grade
from storage.database import Store
from tests.conftest import SCHOOL
from tests.desktop.conftest import wait_idle
from worksheets.model import Worksheet

SKILL = "maths.c3.add_3digit_regroup"
InStore = Callable[[Callable[[Store], Any]], Any]
A_WEEK_AGO = datetime.now(SCHOOL_TIME) - timedelta(days=7)


def store_sheet(
    store: Store,
    questions: list[Question],
    code: str,
    child_id: str | None = None,
    class_id: str | None = None,
) -> Worksheet:
    return store.worksheets.add(
        Worksheet(
            child_id=child_id,
            class_id=class_id,
            code=code,
            title="Maths — Addition",
            subject="maths",
            grade=3,
            mode="chosen",
            seed=1,
            generator_version="test",
            questions=[q.model_dump(mode="json") for q in questions],
            settings={"skills": {questions[0].skill_tag: len(questions)}, "date": "2 Nov 2026"},
            verification_hash=worksheet_hash(questions),
        )
    )


@pytest.fixture
def asha(in_store: InStore) -> str:
    return str(in_store(lambda s: s.children.add({"name": "Asha Verma", "grade": 3}, SCHOOL).id))


@pytest.fixture
def sheet(in_store: InStore, asha: str) -> Worksheet:
    questions = generate(SKILL, 5, seed=7)
    return in_store(lambda s: store_sheet(s, questions, "ADDK7Q", asha))  # type: ignore[no-any-return]


@pytest.fixture
def page(qtbot: Any, window: MainWindow, ctx: AppContext) -> GradingPage:
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)
    found = window.show_page(GradingPage)
    wait_idle(qtbot, ctx)
    assert isinstance(found, GradingPage)
    return found


def open_by_code(qtbot: Any, ctx: AppContext, page: GradingPage, code: str) -> None:
    qtbot.keyClicks(page.picker.code, code)
    qtbot.keyClick(page.picker.code, Qt.Key.Key_Return)
    wait_idle(qtbot, ctx)
    assert page.grader is not None


def answers(sheet: Worksheet) -> list[str]:
    return [Question.model_validate(q).answer for q in sheet.questions]


def test_a_sheet_is_graded_by_typing_answers_and_saved_with_a_summary(
    qtbot: Any, ctx: AppContext, page: GradingPage, sheet: Worksheet, in_store: InStore
) -> None:
    open_by_code(qtbot, ctx, page, "addk7q")  # typed in lower case, as teachers do
    assert page.grader is not None
    typed = answers(sheet)
    typed[2] = "1"  # one wrong
    for number, answer in enumerate(typed, start=1):
        edit = page.grader.edits[number - 1]
        assert QApplication.focusWidget() is edit  # Enter moved the focus on
        qtbot.keyClicks(edit, answer)
        qtbot.keyClick(edit, Qt.Key.Key_Return)
        verdict = page.grader.verdicts[number - 1].text()
        assert ("✗ wrong" in verdict) == (number == 3)
    assert "answer: " + answers(sheet)[2] in page.grader.verdicts[2].text()
    assert QApplication.focusWidget() is page.save_button  # after the last question
    qtbot.keyClick(page.grader.edits[4], Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    wait_idle(qtbot, ctx)
    assert page.summary is not None
    assert "Score: 4/5 (80%)" in page.summary.score.text()
    assert "Stars: +7 (total 7)" in page.summary.stars.text()  # 4 right + 3 for the sheet
    attempts = in_store(lambda s: s.attempts.for_worksheet(sheet.id or ""))
    assert [a.result for a in attempts].count("incorrect") == 1 and len(attempts) == 5
    assert {a.graded_by for a in attempts} == {"auto"}


def test_the_summary_names_mastery_changes_in_words(
    qtbot: Any, ctx: AppContext, page: GradingPage, sheet: Worksheet
) -> None:
    open_by_code(qtbot, ctx, page, sheet.code)
    assert page.grader is not None
    for number, answer in enumerate(answers(sheet), start=1):
        qtbot.keyClicks(page.grader.edits[number - 1], answer)
        qtbot.keyClick(page.grader.edits[number - 1], Qt.Key.Key_Return)
    page.save_button.click()
    wait_idle(qtbot, ctx)
    assert page.summary is not None
    assert page.summary.changes == ["Adding 3-digit numbers with carrying: not started → improving"]


def test_in_mark_mode_1_and_0_mark_right_and_wrong(
    qtbot: Any, ctx: AppContext, page: GradingPage, sheet: Worksheet, in_store: InStore
) -> None:
    open_by_code(qtbot, ctx, page, sheet.code)
    assert page.grader is not None
    qtbot.keyClick(page.grader.edits[0], Qt.Key.Key_M, Qt.KeyboardModifier.ControlModifier)
    assert page.mark_mode.isChecked()
    for number, key in enumerate((Qt.Key.Key_1, Qt.Key.Key_0, Qt.Key.Key_P), start=1):
        qtbot.keyClick(page.grader.edits[number - 1], key)
    session = page.grader.session
    assert [session.entry(n).result for n in (1, 2, 3, 4)] == [
        "correct",
        "incorrect",
        "partial",
        None,
    ]
    assert page.grader.edits[0].text() == ""  # the key marked; it did not type
    assert "1 right, 1 wrong, 1 partly" in page.counts.text()
    page.save()
    wait_idle(qtbot, ctx)
    attempts = in_store(lambda s: s.attempts.for_worksheet(sheet.id or ""))
    assert sorted((a.question_id, a.result, a.graded_by) for a in attempts) == [
        ("q1", "correct", "teacher"),
        ("q2", "incorrect", "teacher"),
        ("q3", "partial", "teacher"),
    ]


def test_outside_mark_mode_1_and_0_are_typed_as_answers(
    qtbot: Any, ctx: AppContext, page: GradingPage, sheet: Worksheet
) -> None:
    open_by_code(qtbot, ctx, page, sheet.code)
    assert page.grader is not None
    qtbot.keyClicks(page.grader.edits[0], "10")
    assert page.grader.edits[0].text() == "10"
    assert page.grader.session.entry(1).result is None


def test_ctrl_z_undoes_the_last_mark(
    qtbot: Any, ctx: AppContext, page: GradingPage, sheet: Worksheet
) -> None:
    open_by_code(qtbot, ctx, page, sheet.code)
    assert page.grader is not None
    first, second = page.grader.edits[:2]
    qtbot.keyClicks(first, answers(sheet)[0])
    qtbot.keyClick(first, Qt.Key.Key_Return)
    qtbot.keyClicks(second, "999")
    qtbot.keyClick(second, Qt.Key.Key_Return)
    assert page.grader.session.entry(2).result == "incorrect"
    qtbot.keyClick(page.grader.edits[2], Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert page.grader.session.entry(2).result is None
    assert page.grader.session.entry(1).result == "correct"  # only the last one
    assert page.grader.verdicts[1].text() == "" and second.text() == ""
    assert QApplication.focusWidget() is second  # back to the question undone
    assert "1 of 5 marked" in page.counts.text()


def test_ctrl_z_takes_back_marks_in_turn_and_what_it_took_back_is_not_saved(
    qtbot: Any, ctx: AppContext, page: GradingPage, sheet: Worksheet, in_store: InStore
) -> None:
    # The second line behind test_ctrl_z_undoes_the_last_mark: here the mark undone had
    # overridden a checked answer, so Ctrl+Z must bring the check back (not a blank), a second
    # Ctrl+Z takes back the mark before it, and the saved attempts show only what remains.
    open_by_code(qtbot, ctx, page, sheet.code)
    assert page.grader is not None
    first, second, third = page.grader.edits[:3]
    qtbot.keyClicks(first, answers(sheet)[0])
    qtbot.keyClick(first, Qt.Key.Key_Return)  # checked: right
    qtbot.keyClick(first, Qt.Key.Key_M, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClick(first, Qt.Key.Key_0)  # the teacher overrides it: wrong
    qtbot.keyClick(second, Qt.Key.Key_1)
    qtbot.keyClick(third, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert page.grader.session.entry(2).result is None
    assert page.grader.session.entry(1).result == "incorrect"
    qtbot.keyClick(third, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert page.grader.session.entry(1).result == "correct"
    page.save()
    wait_idle(qtbot, ctx)
    attempts = in_store(lambda s: s.attempts.for_worksheet(sheet.id or ""))
    assert [(a.question_id, a.result, a.graded_by) for a in attempts] == [("q1", "correct", "auto")]


def test_an_open_response_question_takes_only_marks(
    qtbot: Any, ctx: AppContext, page: GradingPage, asha: str, in_store: InStore
) -> None:
    questions = generate("evs.c3.family_and_friends", 15, seed=1, qtypes=["open_response"])
    open_one = next(q for q in questions if q.grading == "teacher")
    mixed = [next(q for q in questions if q.grading == "auto"), open_one]
    sheet = in_store(lambda s: store_sheet(s, mixed, "EVSOPN", asha))
    open_by_code(qtbot, ctx, page, sheet.code)
    assert page.grader is not None
    box = page.grader.edits[1]
    assert box.isReadOnly()
    qtbot.keyClicks(box, "I water the trees")
    qtbot.keyClick(box, Qt.Key.Key_Return)
    assert box.text() == "" and page.grader.session.entry(2).result is None  # not checked
    qtbot.keyClick(box, Qt.Key.Key_P)  # marks work without mark mode here
    assert page.grader.session.entry(2).result == "partial"
    assert "½ partly" in page.grader.verdicts[1].text()
    assert "answer:" not in page.grader.verdicts[1].text()  # it has no key to show


def test_an_unknown_code_says_so_beside_the_box(
    qtbot: Any, ctx: AppContext, page: GradingPage, dialogs: list[tuple[str, str]]
) -> None:
    qtbot.keyClicks(page.picker.code, "NOPE99")
    qtbot.keyClick(page.picker.code, Qt.Key.Key_Return)
    wait_idle(qtbot, ctx)
    assert page.grader is None and dialogs == []
    assert "No worksheet has the code “NOPE99”" in page.picker.problem.text()


def test_recent_sheets_are_listed_and_open_with_enter(
    qtbot: Any, ctx: AppContext, window: MainWindow, sheet: Worksheet
) -> None:
    page = window.show_page(GradingPage)
    wait_idle(qtbot, ctx)
    assert isinstance(page, GradingPage)
    table = page.picker.table
    row = [table.item(0, c).text() for c in range(table.columnCount())]
    # the title names the chapter when it does not already
    assert row == ["Asha Verma", "Maths — Addition (Give and Take)", "2 Nov 2026", "ADDK7Q", "—"]
    table.setFocus()
    table.setCurrentCell(0, 0)
    qtbot.keyClick(table, Qt.Key.Key_Return)
    wait_idle(qtbot, ctx)
    assert page.opened is not None and page.opened.sheet.code == "ADDK7Q"


def test_a_class_sheet_asks_whose_it_is_before_saving(
    qtbot: Any, ctx: AppContext, page: GradingPage, asha: str, in_store: InStore
) -> None:
    def setup(store: Store) -> Worksheet:
        class_id = store.classes.add({"name": "3A", "grade": 3}).id or ""
        store.classes.add_member(class_id, asha)
        return store_sheet(store, generate(SKILL, 3, seed=2), "CLASS3", class_id=class_id)

    sheet = in_store(setup)
    open_by_code(qtbot, ctx, page, sheet.code)
    assert page.grader is not None
    assert page.child_box.currentText() == "Choose whose sheet this is…"
    page.save()
    wait_idle(qtbot, ctx)
    assert page.summary is None
    page.child_box.setCurrentIndex(page.child_box.findText("Asha Verma"))
    assert page.grader is not None
    page.grader.mark(1, "correct")
    page.save()
    wait_idle(qtbot, ctx)
    assert page.summary is not None
    assert in_store(lambda s: len(s.attempts.for_child(asha))) == 1


def test_an_answer_typed_but_not_entered_is_checked_when_saving(
    qtbot: Any, ctx: AppContext, page: GradingPage, sheet: Worksheet, in_store: InStore
) -> None:
    open_by_code(qtbot, ctx, page, sheet.code)
    assert page.grader is not None
    qtbot.keyClicks(page.grader.edits[0], answers(sheet)[0])
    qtbot.keyClick(page.grader.edits[0], Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    wait_idle(qtbot, ctx)
    attempts = in_store(lambda s: s.attempts.for_worksheet(sheet.id or ""))
    assert [(a.question_id, a.result) for a in attempts] == [("q1", "correct")]


def test_reopening_a_graded_sheet_shows_its_marks_and_saving_again_adds_nothing(
    qtbot: Any, ctx: AppContext, page: GradingPage, sheet: Worksheet, in_store: InStore
) -> None:
    open_by_code(qtbot, ctx, page, sheet.code)
    assert page.grader is not None
    page.grader.mark(2, "incorrect")
    page.save()
    wait_idle(qtbot, ctx)
    qtbot.keyClick(page.grader.edits[0], Qt.Key.Key_Escape)
    wait_idle(qtbot, ctx)
    assert page.stack.currentWidget() is page.picker
    assert page.picker.table.item(0, 4).text() == "1 of 5"
    page.open(sheet.code)
    wait_idle(qtbot, ctx)
    assert page.grader is not None
    assert page.grader.session.entry(2).result == "incorrect"
    assert "your mark" in page.grader.verdicts[1].text()
    page.save()
    wait_idle(qtbot, ctx)
    assert page.summary is not None and "already saved" in page.summary.plain_text()
    assert in_store(lambda s: len(s.attempts.for_worksheet(sheet.id or ""))) == 1


def test_mastering_a_chapter_offers_its_certificate_in_the_summary(
    qtbot: Any,
    ctx: AppContext,
    page: GradingPage,
    asha: str,
    in_store: InStore,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    skills = ("maths.c3.mult_tables", "maths.c3.div_sharing")  # chapter 7, Raksha Bandhan

    def setup(store: Store) -> Worksheet:
        first = [q for skill in skills for q in generate(skill, 5, seed=1)]
        sheet = store_sheet(store, first, "DAYONE", asha)
        store.progress.grade(sheet, asha, grade(first, [q.answer for q in first]), A_WEEK_AGO)
        second = [q for skill in skills for q in generate(skill, 5, seed=2)]
        return store_sheet(store, second, "DAYTWO", asha)  # mastery needs a second day

    sheet = in_store(setup)
    open_by_code(qtbot, ctx, page, sheet.code)
    assert page.grader is not None
    for number, answer in enumerate(answers(sheet), start=1):
        qtbot.keyClicks(page.grader.edits[number - 1], answer)
        qtbot.keyClick(page.grader.edits[number - 1], Qt.Key.Key_Return)
    page.save()
    wait_idle(qtbot, ctx)
    assert page.summary is not None
    assert "Certificate ready</b>: Raksha Bandhan" in page.summary.plain_text()
    assert "Multiplication tables 2 to 10: improving → mastered" in page.summary.changes
    out = tmp_path / "certificate.pdf"
    monkeypatch.setattr(grading, "choose_pdf", lambda _p, _c, _s, chosen: chosen(out))
    monkeypatch.setattr(pdf_files, "open_pdf", lambda _path: True)
    button = page.summary.findChild(QPushButton, "certificate-maths.c3.ch7")
    assert button is not None
    button.click()
    wait_idle(qtbot, ctx)
    assert out.read_bytes().startswith(b"%PDF")
    assert in_store(lambda s: [c.chapter_key for c in s.certificates.for_child(asha)]) == [
        "maths.c3.ch7"
    ]
