"""The first-run wizard and the Settings page."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QDesktopServices, QImage
from PySide6.QtWidgets import QWizard

from desktop.context import AppContext
from desktop.pages.settings import SettingsPage
from desktop.pages.settings_backups import RestoreThenOpen
from desktop.pages.settings_store import LARGE_PRINT, LOGO
from desktop.wizard import FirstRunWizard
from desktop.worker import Worker
from storage.backup import list_backups
from storage.database import Store
from storage.paths import local_database_path
from storage.records import UserProfile
from tests.conftest import SCHOOL
from tests.desktop.conftest import wait_idle

InStore = Callable[[Callable[[Store], Any]], Any]


@pytest.fixture
def finished() -> list[bool]:
    """One entry each time the wizard calls `on_done`."""
    return []


@pytest.fixture
def wizard(qtbot: Any, ctx: AppContext, finished: list[bool]) -> FirstRunWizard:
    first_run = FirstRunWizard(ctx, on_done=lambda: finished.append(True))
    qtbot.addWidget(first_run)
    first_run.open()
    return first_run


def _finish(qtbot: Any, ctx: AppContext, wizard: FirstRunWizard) -> None:
    wizard.button(QWizard.WizardButton.FinishButton).click()
    wait_idle(qtbot, ctx)


def test_wizard_saves_a_teachers_school_language_and_paper(
    qtbot: Any, ctx: AppContext, in_store: InStore, wizard: FirstRunWizard, finished: list[bool]
) -> None:
    wizard.role_page.buttons["teacher"].click()
    wizard.next()
    qtbot.keyClicks(wizard.name_page.name, "Sunrise Public School")
    qtbot.keyClick(wizard.name_page.name, Qt.Key.Key_Return)  # Enter goes on, like Next
    assert wizard.currentPage() is wizard.language_page
    wizard.language_page.buttons["both"].click()
    wizard.next()
    assert wizard.currentPage() is wizard.paper_page
    wizard.paper_page.buttons["Letter"].click()
    _finish(qtbot, ctx, wizard)
    profile = in_store(lambda store: store.profiles.current())
    assert (profile.role, profile.active_role) == ("teacher", "teacher")
    assert profile.school_name == "Sunrise Public School" and profile.display_name is None
    assert (profile.worksheet_language, profile.paper_size) == ("both", "Letter")
    assert finished == [True]
    assert not wizard.isVisible()


def test_wizard_keeps_a_parents_family_name_and_defaults_to_english_on_a4(
    qtbot: Any, ctx: AppContext, in_store: InStore, wizard: FirstRunWizard
) -> None:
    wizard.role_page.buttons["parent"].click()
    wizard.next()
    assert "Family" in wizard.name_page.label.text()
    qtbot.keyClicks(wizard.name_page.name, "Sharma")
    wizard.next()
    wizard.next()
    _finish(qtbot, ctx, wizard)
    profile = in_store(lambda store: store.profiles.current())
    assert (profile.role, profile.display_name, profile.school_name) == ("parent", "Sharma", None)
    assert (profile.worksheet_language, profile.paper_size) == ("en", "A4")


def test_wizard_will_not_go_on_until_a_role_is_chosen(wizard: FirstRunWizard) -> None:
    assert not wizard.button(QWizard.WizardButton.NextButton).isEnabled()
    wizard.role_page.buttons["teacher"].click()
    assert wizard.button(QWizard.WizardButton.NextButton).isEnabled()


def test_cancelling_the_wizard_stores_nothing(
    qtbot: Any, ctx: AppContext, in_store: InStore, wizard: FirstRunWizard, finished: list[bool]
) -> None:
    wizard.role_page.buttons["teacher"].click()
    wizard.next()
    qtbot.keyClicks(wizard.name_page.name, "Sunrise Public School")
    qtbot.keyClick(wizard, Qt.Key.Key_Escape)
    wait_idle(qtbot, ctx)
    assert not wizard.isVisible()
    assert in_store(lambda store: store.profiles.current()) is None
    assert finished == []


@pytest.fixture
def settings(qtbot: Any, ctx: AppContext) -> SettingsPage:
    page = SettingsPage(ctx)
    qtbot.addWidget(page)
    page.show()
    page.refresh()
    wait_idle(qtbot, ctx)
    return page


def _teacher(store: Store) -> UserProfile:
    return store.profiles.save(
        {"role": "teacher", "active_role": "teacher", "school_name": "Sunrise", "grades": [3]}
    )


def test_settings_start_with_telemetry_off_and_english_on_a4(settings: SettingsPage) -> None:
    assert not settings.telemetry.isChecked()
    assert settings.language.currentData() == "en" and settings.paper.currentData() == "A4"
    assert not settings.large_print.isChecked()


def test_ctrl_s_saves_language_paper_large_print_telemetry_and_name(
    qtbot: Any, ctx: AppContext, in_store: InStore
) -> None:
    in_store(_teacher)
    page = SettingsPage(ctx)
    qtbot.addWidget(page)
    page.show()
    page.refresh()
    wait_idle(qtbot, ctx)
    assert page.name.text() == "Sunrise"
    page.name.clear()
    qtbot.keyClicks(page.name, "Sunrise Public School")
    page.language.setCurrentIndex(page.language.findData("hi"))
    page.paper.setCurrentIndex(page.paper.findData("Letter"))
    page.large_print.click()
    page.telemetry.click()
    page.activateWindow()
    qtbot.waitActive(page)
    qtbot.keyClick(page.name, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    wait_idle(qtbot, ctx)
    profile = in_store(lambda store: store.profiles.current())
    assert profile.school_name == "Sunrise Public School"
    assert (profile.worksheet_language, profile.paper_size) == ("hi", "Letter")
    assert profile.grades == [3]  # fields the page does not show are kept
    assert in_store(lambda store: store.settings.telemetry_enabled) is True
    assert in_store(lambda store: store.settings.get(LARGE_PRINT)) is True


def test_a_refresh_keeps_edits_that_are_not_saved_yet(
    qtbot: Any, ctx: AppContext, settings: SettingsPage
) -> None:
    qtbot.keyClicks(settings.name, "Sunrise")
    settings.refresh()
    wait_idle(qtbot, ctx)
    assert settings.name.text() == "Sunrise"


def test_settings_save_makes_a_profile_when_the_wizard_was_skipped(
    qtbot: Any, ctx: AppContext, in_store: InStore, settings: SettingsPage
) -> None:
    settings.role.setCurrentIndex(settings.role.findData("parent"))
    qtbot.keyClicks(settings.name, "Iyer")
    settings.save_button.click()
    wait_idle(qtbot, ctx)
    profile = in_store(lambda store: store.profiles.current())
    assert (profile.role, profile.display_name, profile.school_name) == ("parent", "Iyer", None)
    assert in_store(lambda store: store.settings.telemetry_enabled) is False


def test_a_chosen_logo_is_copied_into_the_data_folder_when_saved(
    qtbot: Any, ctx: AppContext, in_store: InStore, settings: SettingsPage, tmp_path: Path
) -> None:
    picture = tmp_path / "crest.jpg"
    image = QImage(1600, 800, QImage.Format.Format_RGB32)
    image.fill(QColor("navy"))
    assert image.save(str(picture))
    settings.logo.use_file(picture)
    settings.save_button.click()
    wait_idle(qtbot, ctx)
    saved = Path(in_store(lambda store: store.settings.get(LOGO)))
    assert saved == ctx.data_dir / "logo.png"
    assert max(QImage(str(saved)).width(), QImage(str(saved)).height()) == 800
    assert settings.logo.remove_button.isEnabled()


def test_back_up_now_by_ctrl_b_makes_a_backup_listed_on_the_page(
    qtbot: Any, ctx: AppContext, settings: SettingsPage
) -> None:
    assert settings.backups.count == 0 and settings.backups.empty.isVisibleTo(settings)
    settings.activateWindow()
    qtbot.waitActive(settings)
    qtbot.keyClick(settings.backups.list, Qt.Key.Key_B, Qt.KeyboardModifier.ControlModifier)
    wait_idle(qtbot, ctx)
    (made,) = list_backups(local_database_path(ctx.data_dir))
    assert made.stat().st_size > 0
    assert settings.backups.count == 1
    assert settings.backups.selected() == made
    assert not settings.backups.empty.isVisibleTo(settings)


def test_open_folder_opens_the_data_folder(
    monkeypatch: pytest.MonkeyPatch, ctx: AppContext, settings: SettingsPage
) -> None:
    opened: list[str] = []
    monkeypatch.setattr(
        QDesktopServices, "openUrl", staticmethod(lambda url: opened.append(url.toLocalFile()))
    )
    settings.data_folder.open_button.click()
    assert opened == [str(ctx.data_dir)]
    assert settings.data_folder.path.text() == str(local_database_path(ctx.data_dir))


def test_restore_puts_the_backup_back_and_reopens_the_store(
    qtbot: Any, tmp_path: Path, dialogs: list[tuple[str, str]]
) -> None:
    data_dir = tmp_path / "restore"
    database = local_database_path(data_dir)
    ctx = AppContext(worker=Worker(lambda: Store.open(database)), data_dir=data_dir)
    page = SettingsPage(ctx)
    qtbot.addWidget(page)
    try:
        _run(
            qtbot,
            ctx,
            lambda store: store.children.add({"name": "Aarav Sharma", "grade": 3}, SCHOOL),
        )
        _run(qtbot, ctx, lambda store: store.backup())
        _run(
            qtbot, ctx, lambda store: store.children.add({"name": "Diya Patel", "grade": 3}, SCHOOL)
        )
        page.backups.show_backups()
        page.backups.restore_button.click()  # `question` answers Yes (the dialogs fixture)
        wait_idle(qtbot, ctx)
        names = _run(qtbot, ctx, lambda store: [c.name for c in store.children.all()])
        assert names == ["Aarav Sharma"]
        assert list(data_dir.glob("*.replaced-*")), "the data it replaced is kept"
        assert dialogs == []
    finally:
        ctx.worker.close()


def test_a_damaged_backup_replaces_nothing(tmp_path: Path) -> None:
    database = tmp_path / "db.sqlite3"
    Store.open(database).close()
    damaged = tmp_path / "damaged.sqlite3"
    damaged.write_bytes(b"not a database")
    opener = RestoreThenOpen(damaged, database)
    with pytest.raises(Exception, match="not an SQLite database"):
        opener()
    opener().close()  # the next open finds the database as it was
    assert opener.replaced is None


def _run(qtbot: Any, ctx: AppContext, fn: Callable[[Store], Any]) -> Any:
    box: dict[str, Any] = {}
    ctx.worker.submit(lambda store, _p: fn(store), lambda r, e: box.update(r=r, e=e))
    qtbot.waitUntil(lambda: "e" in box, timeout=30_000)
    if box["e"] is not None:
        raise box["e"]
    return box["r"]
