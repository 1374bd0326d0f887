"""The Make worksheets page: choosing, making in the background, previewing, saving, printing."""

from __future__ import annotations

import itertools
import time
from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QPageSize
from PySide6.QtPdf import QPdfDocument
from PySide6.QtPrintSupport import QPrinter
from PySide6.QtWidgets import QMessageBox, QProgressDialog, QPushButton

from desktop.context import AppContext
from desktop.pages.builder import BuilderPage
from desktop.pages.printing import print_pdf
from storage.database import Store
from storage.records import Child
from tests.conftest import SCHOOL, paid_until
from tests.desktop.conftest import wait_idle
from worksheets.quota import FREE_MONTHLY_QUOTA

InStore = Callable[[Callable[[Store], Any]], Any]
MAKING_TIMEOUT_MS = 120_000


def _page(qtbot: Any, ctx: AppContext) -> BuilderPage:
    page = BuilderPage(ctx)
    qtbot.addWidget(page)
    page.resize(1100, 760)
    page.show()
    page.refresh()
    wait_idle(qtbot, ctx)
    return page


def _add_child(in_store: InStore, name: str = "Asha Verma", grade: int = 3) -> Child:
    return in_store(lambda store: store.children.add({"name": name, "grade": grade}, SCHOOL))  # type: ignore[no-any-return]


def _add_class(in_store: InStore, name: str, size: int, paid: bool = True) -> None:
    def add(store: Store) -> None:
        school_class = store.classes.add({"name": name, "grade": 3, "subject": "maths"})
        children = store.children.add_many(
            [{"name": f"Child {n:02d}", "grade": 3} for n in range(1, size + 1)], SCHOOL
        )
        for child in children:
            store.classes.add_member(school_class.id or "", child.id or "")
        if paid and size > FREE_MONTHLY_QUOTA:  # a class set this big needs the paid tier
            paid_until(store, datetime.now(UTC) + timedelta(days=30))

    in_store(add)


def _tick_chapter_with_keyboard(qtbot: Any, page: BuilderPage, number: int) -> None:
    tree = page.form.tree
    tree.setFocus()
    tree.setCurrentItem(tree.chapters()[number - 1])
    qtbot.keyClick(tree, Qt.Key.Key_Space)


def _made_for_child(
    qtbot: Any, ctx: AppContext, in_store: InStore, key: bool = True, count: int | None = None
) -> Any:
    _add_child(in_store)
    page = _page(qtbot, ctx)
    page.form.for_child.click()
    page.form.options.key_box.setChecked(key)
    if count is not None:
        page.form.options.count.setValue(count)
    _tick_chapter_with_keyboard(qtbot, page, 12)
    page.make()
    qtbot.waitUntil(lambda: page.made is not None, timeout=MAKING_TIMEOUT_MS)
    wait_idle(qtbot, ctx)
    return page


def _worksheet_count(in_store: InStore) -> int:
    rows = in_store(lambda store: store.query("SELECT count(*) AS n FROM worksheets"))
    return int(rows[0]["n"])


def test_ticking_a_chapter_ticks_its_skills(qtbot: Any, ctx: AppContext, in_store: InStore) -> None:
    _add_child(in_store)
    page = _page(qtbot, ctx)
    _tick_chapter_with_keyboard(qtbot, page, 12)
    chapter = page.form.tree.chapters()[11]
    assert chapter.childCount() > 0
    assert len(page.form.tree.ticked_skills()) == chapter.childCount()
    assert "ticked" in page.form.tree_hint.text()


def test_ctrl_enter_makes_a_worksheet_for_a_child_saves_it_and_previews_its_pdf(
    qtbot: Any, ctx: AppContext, in_store: InStore
) -> None:
    child = _add_child(in_store)
    page = _page(qtbot, ctx)
    page.form.for_child.click()
    _tick_chapter_with_keyboard(qtbot, page, 12)
    qtbot.keyClick(page.form.tree, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: page.made is not None, timeout=MAKING_TIMEOUT_MS)
    assert page.made is not None
    saved = in_store(lambda store: store.worksheets.for_child(child.id or ""))
    assert [s.id for s in saved] == [s.id for s in page.made.sheets]
    assert page.made.pdf.exists() and page.made.pdf.is_relative_to(ctx.data_dir)
    assert page.preview.page_count() == page.made.sheet_pages >= 1
    assert "Asha Verma" in page.summary.text() and page.print_button.isEnabled()


def test_the_answer_key_can_be_previewed_and_back(
    qtbot: Any, ctx: AppContext, in_store: InStore
) -> None:
    page = _made_for_child(qtbot, ctx, in_store)
    assert page.made.key is not None and page.made.key.exists()
    page.preview.key_button.click()
    assert page.preview.showing_key() and page.preview.current_file() == page.made.key
    assert page.preview.view.document() is page.preview.key
    assert page.preview.page_count() == page.made.key_pages >= 1
    page.preview.sheets_button.click()
    assert page.preview.current_file() == page.made.pdf


def test_without_an_answer_key_there_is_none_to_preview(
    qtbot: Any, ctx: AppContext, in_store: InStore
) -> None:
    page = _made_for_child(qtbot, ctx, in_store, key=False)
    assert page.made.key is None and not page.preview.key_button.isEnabled()


def test_a_class_set_of_40_keeps_the_window_responding(
    qtbot: Any, ctx: AppContext, in_store: InStore
) -> None:
    _add_class(in_store, "3A", 40)
    page = _page(qtbot, ctx)
    page.form.for_class.click()
    _tick_chapter_with_keyboard(qtbot, page, 12)
    ticks: list[float] = []
    timer = QTimer()
    timer.setInterval(10)
    timer.timeout.connect(lambda: ticks.append(time.perf_counter()))
    timer.start()
    started = time.perf_counter()
    page.make()
    qtbot.waitUntil(lambda: page.made is not None, timeout=MAKING_TIMEOUT_MS)
    took = time.perf_counter() - started
    timer.stop()
    longest_gap = max(b - a for a, b in itertools.pairwise(ticks))
    assert (
        page.made is not None and len(page.made.sheets) == 40 and _worksheet_count(in_store) == 40
    )
    # Making 40 sheets takes seconds. Done on the window's thread, the clock would stop for all
    # of it (or for one sheet's share at a time, 40 times); off it, the clock only waits for its
    # turn on a busy machine. The limits are far from both, so load does not make this flaky.
    assert len(ticks) > took / 0.010 / 4, f"{len(ticks)} ticks in {took:.1f} s: the window starved"
    assert longest_gap < min(1.0, took / 3), f"the window froze for {longest_gap * 1000:.0f} ms"


def test_cancelling_a_class_set_saves_nothing(
    qtbot: Any, ctx: AppContext, in_store: InStore
) -> None:
    messages: list[str] = []
    _add_class(in_store, "3A", 40)
    page = _page(qtbot, ctx)
    ctx.status = messages.append
    page.form.for_class.click()
    _tick_chapter_with_keyboard(qtbot, page, 12)
    page.make()
    progress = page.findChild(QProgressDialog)
    assert progress is not None
    qtbot.waitUntil(lambda: progress.value() > 0, timeout=MAKING_TIMEOUT_MS)
    cancel = progress.findChild(QPushButton)
    assert cancel is not None and cancel.text() == "Cancel"
    cancel.click()
    wait_idle(qtbot, ctx)
    assert _worksheet_count(in_store) == 0 and page.made is None
    assert list((ctx.data_dir / "previews").glob("*.pdf")) == []
    assert messages[-1] == "Cancelled." and page.make_button.isEnabled()


def test_a_worksheet_that_cannot_be_made_says_what_to_do(
    qtbot: Any, ctx: AppContext, in_store: InStore, dialogs: list[tuple[str, str]]
) -> None:
    _add_child(in_store)
    page = _page(qtbot, ctx)
    page.make()  # nothing ticked
    wait_idle(qtbot, ctx)
    assert dialogs and dialogs[0][0] == "Please check" and "choose at least one" in dialogs[0][1]
    assert _worksheet_count(in_store) == 0 and page.make_button.isEnabled()


def test_printing_to_a_pdf_printer_prints_every_page(
    qtbot: Any, ctx: AppContext, in_store: InStore, tmp_path: Path
) -> None:
    page = _made_for_child(qtbot, ctx, in_store)
    printed = tmp_path / "printed.pdf"
    page.print_to(_pdf_printer(printed))
    wait_idle(qtbot, ctx)
    assert _pages(printed) == page.made.sheet_pages


def test_print_answer_key_prints_the_key_whatever_the_preview_shows(
    qtbot: Any, ctx: AppContext, in_store: InStore, tmp_path: Path
) -> None:
    page = _made_for_child(qtbot, ctx, in_store)
    printed = tmp_path / "key.pdf"
    page.print_to(_pdf_printer(printed), "key")
    wait_idle(qtbot, ctx)
    assert _pages(printed) == page.made.key_pages


def test_print_sheets_prints_the_sheets_after_a_look_at_the_answer_key(
    qtbot: Any, ctx: AppContext, in_store: InStore, tmp_path: Path
) -> None:
    # 25 questions of "Give and Take" fill two pages and their key one, whatever the
    # questions drawn (20 fill one page each, now pages are filled): the page count shows
    # which was printed
    page = _made_for_child(qtbot, ctx, in_store, count=25)
    page.preview.key_button.click()  # a look at the key before printing
    printed = tmp_path / "sheets.pdf"
    page.print_to(_pdf_printer(printed), "sheets")
    wait_idle(qtbot, ctx)
    assert _pages(printed) == page.made.sheet_pages != page.made.key_pages


def test_print_both_sends_the_sheets_then_the_key_in_one_job(
    qtbot: Any, ctx: AppContext, in_store: InStore, tmp_path: Path
) -> None:
    page = _made_for_child(qtbot, ctx, in_store)
    printed = tmp_path / "both.pdf"
    page.print_to(_pdf_printer(printed), "both")
    wait_idle(qtbot, ctx)
    assert _pages(printed) == page.made.sheet_pages + page.made.key_pages


@pytest.mark.parametrize(
    ("what", "title"),
    [("sheets", "Print sheets — 1 worksheet"), ("key", "Print answer key — "),
     ("both", "Print sheets and answer key — 1 worksheet")],
)  # fmt: skip
def test_the_print_dialog_title_says_what_it_prints(
    qtbot: Any, ctx: AppContext, in_store: InStore, what: str, title: str
) -> None:
    page = _made_for_child(qtbot, ctx, in_store)
    page.print_sheets(what)  # type: ignore[arg-type]
    assert page._print_dialog is not None
    dialog = page._print_dialog[0]
    assert dialog.windowTitle().startswith(title)
    dialog.reject()


def test_the_print_menu_offers_sheets_key_and_both(
    qtbot: Any, ctx: AppContext, in_store: InStore
) -> None:
    page = _made_for_child(qtbot, ctx, in_store, key=False)
    texts = [a.text().split("\t")[0] for a in page.print_menu.actions()]
    assert texts == [
        "Print sheets…",
        "Print answer key…",
        "Print sheets and answer key (one job)…",
    ]
    assert [a.isEnabled() for a in page.print_menu.actions()] == [True, False, False]


def test_print_pdf_reports_each_page(
    qtbot: Any, ctx: AppContext, in_store: InStore, tmp_path: Path
) -> None:
    page = _made_for_child(qtbot, ctx, in_store)
    seen: list[tuple[int, int]] = []
    count = print_pdf(page.made.key, _pdf_printer(tmp_path / "p.pdf"), lambda *p: seen.append(p))
    assert count == page.made.key_pages and seen[-1] == (count, count)


def test_save_pdf_copies_the_worksheets_and_their_key(
    qtbot: Any, ctx: AppContext, in_store: InStore, tmp_path: Path
) -> None:
    page = _made_for_child(qtbot, ctx, in_store)
    saved = page.save_pdf_to(tmp_path / "Asha maths.pdf")
    assert saved == [tmp_path / "Asha maths.pdf", tmp_path / "Asha maths - answer key.pdf"]
    assert saved[0].read_bytes() == page.made.pdf.read_bytes()
    assert _pages(saved[1]) == page.made.key_pages


def test_making_again_replaces_the_preview_and_tidies_the_old_files(
    qtbot: Any, ctx: AppContext, in_store: InStore
) -> None:
    page = _made_for_child(qtbot, ctx, in_store)
    first = page.made.pdf
    page.make()
    qtbot.waitUntil(lambda: page.made.pdf != first, timeout=MAKING_TIMEOUT_MS)
    assert not first.exists() and page.made.pdf.exists()
    assert _worksheet_count(in_store) == 2


def test_the_profile_sets_the_language_and_paper(
    qtbot: Any, ctx: AppContext, in_store: InStore
) -> None:
    in_store(
        lambda store: store.profiles.save(
            {
                "role": "parent",
                "active_role": "parent",
                "worksheet_language": "both",
                "paper_size": "Letter",
            }
        )
    )
    _add_child(in_store)
    page = _page(qtbot, ctx)
    order = page.form.options.order("maths", ())
    assert (order.language, order.paper) == ("both", "Letter")


def test_a_teacher_starts_with_their_class_and_its_subject(
    qtbot: Any, ctx: AppContext, in_store: InStore
) -> None:
    in_store(lambda store: store.profiles.save({"role": "teacher", "active_role": "teacher"}))
    _add_class(in_store, "3A", 3)
    page = _page(qtbot, ctx)
    assert page.form.for_class.isChecked() and page.form.who() == "3A"
    assert page.form.subject() == "maths" and "3 children" in page.form.class_box.currentText()


@pytest.mark.parametrize(("who", "where"), [("child", "Children page"), ("class", "Classes page")])
def test_with_no_one_to_make_for_the_page_says_where_to_add_them(
    qtbot: Any, ctx: AppContext, who: str, where: str
) -> None:
    page = _page(qtbot, ctx)
    (page.form.for_child if who == "child" else page.form.for_class).click()
    assert not page.make_button.isEnabled()
    assert where in page.form.who_hint.text() and page.form.who_hint.isVisibleTo(page)


def test_own_chapters_missing_are_explained(qtbot: Any, ctx: AppContext, in_store: InStore) -> None:
    _add_child(in_store)
    page = _page(qtbot, ctx)
    page.form.subject_box.setCurrentIndex(page.form.subject_box.findData("custom"))
    assert page.form.book_stack.currentWidget() is page.form.empty_book
    assert "no chapters of your own for Class 3" in page.form.empty_book.text()


def _pdf_printer(path: Path) -> QPrinter:
    printer = QPrinter(QPrinter.PrinterMode.ScreenResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(path))
    printer.setPageSize(QPageSize(QPageSize.PageSizeId.A4))
    printer.setFullPage(True)
    return printer


def _pages(path: Path) -> int:
    document = QPdfDocument()
    assert document.load(str(path)) == QPdfDocument.Error.None_
    count = document.pageCount()
    document.close()
    return count


def test_coming_back_to_the_page_keeps_what_was_ticked(
    qtbot: Any, ctx: AppContext, in_store: InStore
) -> None:
    _add_child(in_store)
    page = _page(qtbot, ctx)
    _tick_chapter_with_keyboard(qtbot, page, 12)
    ticked = page.form.tree.ticked_skills()
    _add_child(in_store, "Ravi Kumar")
    page.refresh()
    wait_idle(qtbot, ctx)
    assert page.form.child_box.count() == 2 and page.form.tree.ticked_skills() == ticked


def test_coming_back_keeps_the_subject_chosen_for_a_class(
    qtbot: Any, ctx: AppContext, in_store: InStore
) -> None:
    _add_class(in_store, "3A", 3)
    page = _page(qtbot, ctx)
    page.form.for_class.click()
    assert page.form.subject() == "maths"
    page.form.subject_box.setCurrentIndex(page.form.subject_box.findData("english"))
    page.refresh()
    wait_idle(qtbot, ctx)
    assert page.form.subject() == "english"


def test_past_the_free_quota_the_window_offers_the_paid_tier_not_an_error(
    qtbot: Any, ctx: AppContext, in_store: InStore, monkeypatch: pytest.MonkeyPatch
) -> None:
    shown: list[str] = []

    def choose_the_paid_tier(box: QMessageBox) -> int:
        shown.append(box.text())
        next(b for b in box.buttons() if "paid tier" in b.text()).click()
        return 0

    monkeypatch.setattr(QMessageBox, "exec", choose_the_paid_tier)
    opened: list[bool] = []
    ctx.open_upgrade = lambda: opened.append(True)
    _add_class(in_store, "3B", FREE_MONTHLY_QUOTA + 1, paid=False)
    page = _page(qtbot, ctx)
    assert page.quota.text() == "Free tier: 0 of 20 worksheets made this month."
    page.form.for_class.click()
    _tick_chapter_with_keyboard(qtbot, page, 12)
    page.make()
    qtbot.waitUntil(lambda: bool(shown), timeout=MAKING_TIMEOUT_MS)
    assert "₹299 a month" in shown[0] and "printed again" in shown[0]
    assert opened == [True] and page.made is None and _worksheet_count(in_store) == 0


def test_the_chapter_tree_shows_which_chapters_are_not_confirmed(
    qtbot: Any, ctx: AppContext, in_store: InStore
) -> None:
    """A teacher sees, beside each chapter, when it was not confirmed against the book."""
    _add_child(in_store, grade=4)
    page = _page(qtbot, ctx)
    page.form.subject_box.setCurrentIndex(page.form.subject_box.findData("maths"))
    chapters = page.form.tree.chapters()
    hide = chapters[1]
    assert hide.text(0) == "2. Hide and Seek  (not confirmed)"
    assert "different sides" in hide.toolTip(0)
    assert chapters[6].text(0) == "7. The Cleanest Village"
