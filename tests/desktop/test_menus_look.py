"""Menu bar, About, the bundled guide, icons and the one stylesheet (section 8)."""

from __future__ import annotations

import re
from typing import Any

from PySide6.QtCore import QSize
from PySide6.QtGui import QFontDatabase, QKeySequence
from PySide6.QtWidgets import QApplication, QLineEdit, QTextBrowser

from desktop.help_dialogs import TextDialog
from desktop.look import PAGE_ICONS, apply_look, stylesheet
from desktop.pages.builder import BuilderPage
from desktop.pages.children import ChildrenPage
from desktop.pages.settings import SettingsPage
from desktop.window import PAGES, MainWindow
from storage.consent import running_version


def _menu_titles(window: MainWindow) -> list[str]:
    return [action.text().replace("&", "") for action in window.menuBar().actions()]


def _action(window: MainWindow, menu: str, text: str) -> Any:
    for top in window.menuBar().actions():
        if top.text().replace("&", "") == menu:
            for action in top.menu().actions():
                if (
                    action.text()
                    .replace("&&", "\0")
                    .replace("&", "")
                    .replace("\0", "&")
                    .startswith(text)
                ):
                    return action
    raise AssertionError(f"{menu} → {text} is not in the menu bar")


def test_the_menu_bar_has_file_edit_view_and_help(window: MainWindow) -> None:
    assert _menu_titles(window) == ["File", "Edit", "View", "Help"]


def test_usual_shortcuts_are_in_the_menus(window: MainWindow) -> None:
    assert _action(window, "File", "Quit").shortcut() == QKeySequence("Ctrl+Q")
    assert _action(window, "Edit", "Copy").shortcut() == QKeySequence(QKeySequence.StandardKey.Copy)
    assert _action(window, "Help", "PracticeCraft guide").shortcut() == QKeySequence(
        QKeySequence.StandardKey.HelpContents
    )


def test_view_lists_every_page_with_its_ctrl_number(window: MainWindow) -> None:
    for number, page in enumerate(PAGES, start=1):
        action = _action(window, "View", page.title)
        # Ctrl+1…9: a tenth page is in the menu without a key of its own
        expected = QKeySequence(f"Ctrl+{number}") if number <= 9 else QKeySequence()
        assert action.shortcut() == expected
        action.trigger()
        assert window.stack.currentWidget() is window.pages[page]


def test_file_settings_opens_the_settings_page(window: MainWindow) -> None:
    _action(window, "File", "Settings").trigger()
    assert window.stack.currentWidget() is window.pages[SettingsPage]


def test_edit_paste_goes_to_the_field_being_typed_in(qtbot: Any, window: MainWindow) -> None:
    field = QLineEdit()
    qtbot.addWidget(field)
    field.show()
    field.activateWindow()
    field.setFocus()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is field)
    QApplication.clipboard().setText("Diya")
    _action(window, "Edit", "Paste").trigger()
    assert field.text() == "Diya"


def _open_dialog(qtbot: Any, window: MainWindow, name: str) -> TextDialog:
    dialog = window.findChild(TextDialog, name)
    assert dialog is not None and dialog.isVisible()
    qtbot.addWidget(dialog)
    return dialog


def test_help_opens_the_bundled_guide_offline(qtbot: Any, window: MainWindow) -> None:
    _action(window, "Help", "PracticeCraft guide").trigger()
    guide = _open_dialog(qtbot, window, "guide")
    text = guide.findChild(QTextBrowser).toPlainText()
    for topic in ("Make worksheets", "Grade", "Progress", "Classes"):
        assert topic in text


def test_about_shows_the_version_and_the_fonts_licence(qtbot: Any, window: MainWindow) -> None:
    _action(window, "Help", "About").trigger()
    about = _open_dialog(qtbot, window, "about")
    text = about.findChild(QTextBrowser).toPlainText()
    assert running_version() in text
    assert "SIL Open Font License 1.1" in text and "Noto Sans Devanagari" in text
    assert "Apache License 2.0" in text  # the icons'


def test_every_page_has_its_own_icon_in_the_sidebar(window: MainWindow) -> None:
    for row, page in enumerate(PAGES):
        assert not window.nav.item(row).icon().isNull(), page.title
        assert page.title in PAGE_ICONS, page.title
    assert len({PAGE_ICONS[p.title] for p in PAGES}) == len(PAGES)


def test_icons_draw_sharp_at_125_percent(window: MainWindow) -> None:
    pixmap = window.nav.item(0).icon().pixmap(QSize(20, 20), 1.25)
    assert pixmap.devicePixelRatio() == 1.25
    assert pixmap.width() == 25  # drawn at the screen's pixels, not scaled up


def test_the_app_takes_its_one_stylesheet_from_resources(qtbot: Any) -> None:
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    before = app.styleSheet()
    try:
        apply_look(app)
        assert app.styleSheet() == stylesheet()
        assert "QListWidget#navigation" in app.styleSheet()
    finally:
        app.setStyleSheet(before)


def test_the_stylesheet_takes_colours_from_the_palette_so_dark_mode_reads() -> None:
    assert re.findall(r"#[0-9a-fA-F]{3,6}\b", stylesheet()) == []
    assert "palette(highlight)" in stylesheet()


def test_the_window_has_no_page_shortcut_clash(window: MainWindow) -> None:
    keys = [
        a.shortcut().toString()
        for menu in window.menuBar().actions()
        for a in menu.menu().actions()
        if not a.shortcut().isEmpty()
    ]
    assert len(keys) == len(set(keys))


def test_the_main_actions_have_icons(window: MainWindow) -> None:
    builder = window.pages[BuilderPage]
    children = window.pages[ChildrenPage]
    for button in (builder.make_button, builder.print_button, children.add_button):  # type: ignore[attr-defined]
        assert not button.icon().isNull(), button.text()


def test_hindi_names_have_a_font_in_the_window_on_any_computer(qtbot: Any) -> None:
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    before = app.styleSheet()
    try:
        apply_look(app)
    finally:
        app.setStyleSheet(before)
    assert "Noto Sans Devanagari" in QFontDatabase.families()


def test_the_stylesheet_does_not_widen_text_past_its_button() -> None:
    # A bold default button is measured in the normal weight and then clipped ("Sign ir").
    assert "font-weight" not in stylesheet().split("QPushButton")[1].split("}")[0]
    assert ":default" not in stylesheet()
