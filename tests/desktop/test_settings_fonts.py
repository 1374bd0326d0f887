"""The Settings page's choice of fonts: bundled unless this device chooses its system fonts."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest

from desktop.context import AppContext
from desktop.errors import explain
from desktop.pages.settings import SettingsPage
from storage.database import Store
from tests.desktop.conftest import wait_idle
from worksheets.render.fonts import FontNotFound

InStore = Callable[[Callable[[Store], Any]], Any]


@pytest.fixture
def settings(qtbot: Any, ctx: AppContext) -> SettingsPage:
    page = SettingsPage(ctx)
    qtbot.addWidget(page)
    page.show()
    page.refresh()
    wait_idle(qtbot, ctx)
    return page


def test_a_new_device_prints_in_the_bundled_fonts(
    in_store: InStore, settings: SettingsPage
) -> None:
    assert settings.fonts.currentData() == "bundled"
    assert settings.fonts.currentText() == "Bundled (recommended)"
    assert in_store(lambda store: store.settings.font_choice) == "bundled"


def test_choosing_system_fonts_is_saved_for_this_device(
    qtbot: Any, ctx: AppContext, in_store: InStore, settings: SettingsPage
) -> None:
    settings.fonts.setCurrentIndex(settings.fonts.findData("system"))
    settings.save_button.click()
    wait_idle(qtbot, ctx)
    assert in_store(lambda store: store.settings.font_choice) == "system"
    again = SettingsPage(ctx)
    qtbot.addWidget(again)
    again.refresh()
    wait_idle(qtbot, ctx)
    assert again.fonts.currentText() == "System fonts"


def test_an_unknown_saved_choice_falls_back_to_the_bundled_fonts(in_store: InStore) -> None:
    in_store(lambda store: store.settings.set(store.settings.FONTS, "comic-sans"))
    assert in_store(lambda store: store.settings.font_choice) == "bundled"


def test_a_damaged_font_file_is_explained_with_what_to_do() -> None:
    title, text = explain(
        FontNotFound(
            "the font file /x/NotoSans-Bold.ttf is missing or damaged; reinstall PracticeCraft to put its fonts back"
        )
    )
    assert title == "A font is missing"
    assert text == (
        "The font file /x/NotoSans-Bold.ttf is missing or damaged; "
        "reinstall PracticeCraft to put its fonts back."
    )
