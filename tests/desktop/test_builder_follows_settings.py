"""The Make worksheets page follows the wizard's and Settings' language and paper at once,
except a field the user changed on the form."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtWidgets import QWizard

from desktop.context import AppContext
from desktop.pages.builder import BuilderPage
from desktop.pages.settings import SettingsPage
from desktop.window import MainWindow
from desktop.wizard import FirstRunWizard
from storage.database import Store
from tests.desktop.conftest import wait_idle

InStore = Callable[[Callable[[Store], Any]], Any]


def builder_choices(qtbot: Any, ctx: AppContext, window: MainWindow) -> tuple[str, str]:
    page = window.show_page(BuilderPage)
    assert isinstance(page, BuilderPage)
    wait_idle(qtbot, ctx)
    order = page.form.options.order("maths", ())
    return order.language, order.paper


def change_settings(qtbot: Any, ctx: AppContext, window: MainWindow, lang: str, paper: str) -> None:
    settings = window.show_page(SettingsPage)
    assert isinstance(settings, SettingsPage)
    wait_idle(qtbot, ctx)
    settings.language.setCurrentIndex(settings.language.findData(lang))
    settings.paper.setCurrentIndex(settings.paper.findData(paper))
    settings.save()
    wait_idle(qtbot, ctx)


def test_the_wizards_language_and_paper_reach_the_builder_without_a_restart(
    qtbot: Any, ctx: AppContext, window: MainWindow
) -> None:
    assert builder_choices(qtbot, ctx, window) == ("en", "A4")  # before anyone said otherwise
    wizard = FirstRunWizard(ctx, on_done=window.refresh_current)
    qtbot.addWidget(wizard)
    wizard.open()
    wizard.role_page.buttons["parent"].click()
    wizard.next()
    qtbot.keyClicks(wizard.name_page.name, "The Vermas")
    wizard.next()
    wizard.language_page.buttons["hi"].click()
    wizard.next()
    wizard.paper_page.buttons["Letter"].click()
    wizard.button(QWizard.WizardButton.FinishButton).click()
    wait_idle(qtbot, ctx)
    assert builder_choices(qtbot, ctx, window) == ("hi", "Letter")


def test_a_change_in_settings_reaches_the_builder_at_once(
    qtbot: Any, ctx: AppContext, window: MainWindow
) -> None:
    assert builder_choices(qtbot, ctx, window) == ("en", "A4")
    change_settings(qtbot, ctx, window, "hi", "Letter")
    assert builder_choices(qtbot, ctx, window) == ("hi", "Letter")


def test_a_language_chosen_on_the_form_stays_when_settings_change(
    qtbot: Any, ctx: AppContext, window: MainWindow
) -> None:
    builder = window.show_page(BuilderPage)
    assert isinstance(builder, BuilderPage)
    wait_idle(qtbot, ctx)
    language = builder.form.options.language
    language.setCurrentIndex(language.findData("both"))
    change_settings(qtbot, ctx, window, "hi", "Letter")
    assert builder_choices(qtbot, ctx, window) == ("both", "Letter")  # paper was not touched
