"""The "Settings" page: how worksheets look, the school's name, privacy, data, backups."""

from __future__ import annotations

from pathlib import Path
from typing import cast

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeySequence, QPixmap, QResizeEvent, QShortcut
from PySide6.QtWidgets import (
    QBoxLayout,
    QCheckBox,
    QComboBox,
    QFileDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)
from shiboken6 import isValid

from desktop.context import AppContext
from desktop.errors import show_error
from desktop.pages import Page
from desktop.pages.settings_backups import BackupsBox, DataFolderBox, data_column
from desktop.pages.settings_store import SettingsValues, load_settings, save_settings
from desktop.tasks import Op
from desktop.wizard import LANGUAGES, PAPERS, ROLES, muted
from storage.records import Role

TELEMETRY_NOTE = (
    "Off unless you turn it on. When on, PracticeCraft notes each main action (making "
    "worksheets, saving marks, a report, a backup, each command): its name, where it was "
    "started, the app's version, how long it took and whether it worked — never children's "
    "names, answers or marks. The notes are sent with your data when you sign in and sync, so "
    "they are tied to your account: they are not anonymous."
)
PREVIEW_HEIGHT = 56
FONTS_NOTE = (
    "For this computer only. The bundled fonts print Hindi on any computer, and a worksheet "
    "printed again elsewhere comes out exactly the same."
)
FONTS = (
    (
        "bundled",
        "Bundled (recommended)",
        "PracticeCraft's own Noto fonts: Hindi prints on any computer, and a worksheet printed "
        "again on another computer is exactly the same.",
    ),
    (
        "system",
        "System fonts",
        "This computer's fonts where it has them (e.g. Nirmala UI, DejaVu Sans, Lohit). A "
        "worksheet may look different when printed on another computer.",
    ),
)


def _combo(choices: tuple[tuple[str, str, str], ...]) -> QComboBox:
    combo = QComboBox()
    for value, label, explanation in choices:
        combo.addItem(label, value)
        combo.setItemData(combo.count() - 1, explanation, Qt.ItemDataRole.ToolTipRole)
    return combo


def _select(combo: QComboBox, value: str) -> None:
    combo.setCurrentIndex(max(0, combo.findData(value)))


class LogoPicker(QWidget):
    """A picture for the school: chosen here, copied into the data folder when saved."""

    edited = Signal()

    def __init__(self) -> None:
        super().__init__()
        self.saved: str | None = None  # the logo in the data folder
        self.chosen: Path | None = None  # a picture picked but not saved yet
        self.preview = QLabel()
        self.preview.setObjectName("logo-preview")
        self.choose_button = QPushButton("Choose &picture…")
        self.remove_button = QPushButton("Remo&ve")
        self.choose_button.clicked.connect(self.choose)
        self.remove_button.clicked.connect(self.remove)
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.preview)
        row.addWidget(self.choose_button)
        row.addWidget(self.remove_button)
        row.addStretch(1)
        self.show_logo(None)

    def choose(self) -> None:
        name, _filter = QFileDialog.getOpenFileName(
            self, "Choose the school's logo", str(Path.home()), "Pictures (*.png *.jpg *.jpeg)"
        )
        if name:
            self.use_file(Path(name))

    def use_file(self, path: Path) -> None:
        self.chosen = path
        self._preview(str(path))
        self.edited.emit()

    def remove(self) -> None:
        self.chosen, self.saved = None, None
        self._preview(None)
        self.edited.emit()

    def show_logo(self, saved: str | None) -> None:
        self.saved, self.chosen = saved, None
        self._preview(saved)

    def _preview(self, path: str | None) -> None:
        picture = QPixmap(path) if path else QPixmap()
        if picture.isNull():
            self.preview.setPixmap(QPixmap())
            self.preview.setText("No logo")
        else:
            self.preview.setPixmap(
                picture.scaledToHeight(PREVIEW_HEIGHT, Qt.TransformationMode.SmoothTransformation)
            )
        self.remove_button.setEnabled(path is not None)


class SettingsPage(Page):
    title = "Settings"

    def __init__(self, ctx: AppContext) -> None:
        super().__init__(ctx)
        self.dirty = False  # edits not saved yet: a refresh must not overwrite them
        self.role = _combo(ROLES)
        self.name = QLineEdit()
        self.name.setObjectName("school-name")
        self.name.setMaxLength(120)
        self.form_labels: list[QLabel] = []
        self.name_label = self._label("School &name:", self.name)
        self.logo = LogoPicker()
        self.language = _combo(LANGUAGES)
        self.paper = _combo(PAPERS)
        self.fonts = _combo(FONTS)
        self.large_print = QCheckBox("&Large print for new worksheets (one column, bigger text)")
        self.telemetry = QCheckBox("S&hare how PracticeCraft is used, to help improve it")
        self.save_button = QPushButton("&Save settings")
        self.save_button.setToolTip("Ctrl+S")
        self.save_button.clicked.connect(self.save)
        QShortcut(QKeySequence("Ctrl+S"), self, self.save)
        self.data_folder = DataFolderBox(ctx)
        self.backups = BackupsBox(ctx)
        self._watch_edits()
        self._lay_out(data_column(self.data_folder, self.backups))
        self._align_labels()
        self._name_label()

    def _watch_edits(self) -> None:
        for combo in (self.role, self.language, self.paper, self.fonts):
            combo.activated.connect(self._edited)
        self.name.textEdited.connect(self._edited)
        self.large_print.clicked.connect(self._edited)
        self.telemetry.clicked.connect(self._edited)
        self.logo.edited.connect(self._edited)
        self.role.currentIndexChanged.connect(lambda _i: self._name_label())

    def _edited(self) -> None:
        self.dirty = True

    def _name_label(self) -> None:
        teacher = self.role.currentData() == "teacher"
        self.name_label.setText("School &name:" if teacher else "Family &name:")
        self.name.setPlaceholderText("e.g. Sunrise Public School" if teacher else "e.g. Sharma")

    def _form_column(self) -> QWidget:
        left = QWidget()
        form = QVBoxLayout(left)
        form.setContentsMargins(0, 0, 0, 0)
        form.addWidget(self._you_box())
        form.addWidget(self._worksheets_box())
        form.addWidget(self._privacy_box())
        save_row = QHBoxLayout()
        save_row.addStretch(1)
        save_row.addWidget(self.save_button)
        form.addLayout(save_row)
        form.addStretch(1)
        return left

    def _lay_out(self, right: QWidget) -> None:
        left = self._form_column()
        self.columns = columns = QBoxLayout(QBoxLayout.Direction.LeftToRight)
        columns.setSpacing(24)
        columns.addWidget(left, 3)
        columns.addWidget(right, 2)
        self._column_widgets = (left, right)
        body = QWidget()
        outer = QVBoxLayout(body)
        outer.setContentsMargins(24, 16, 24, 16)
        outer.addWidget(QLabel("<h2>Settings</h2>"))
        outer.addLayout(columns, 1)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        scroll.setWidget(body)
        page = QVBoxLayout(self)
        page.setContentsMargins(0, 0, 0, 0)
        page.addWidget(scroll)

    def resizeEvent(self, event: QResizeEvent) -> None:
        """Side by side when there is room, one under the other on a small or scaled screen."""
        left, right = self._column_widgets
        margins = self.columns.spacing() + 48  # between the columns, and the page's margins
        wide = event.size().width() >= left.sizeHint().width() + right.sizeHint().width() + margins
        self.columns.setDirection(
            QBoxLayout.Direction.LeftToRight if wide else QBoxLayout.Direction.TopToBottom
        )
        super().resizeEvent(event)

    def _label(self, text: str, buddy: QWidget) -> QLabel:
        label = QLabel(text)
        label.setBuddy(buddy)
        self.form_labels.append(label)
        return label

    def _align_labels(self) -> None:
        """The same label width in every box, so the fields line up down the page."""
        width = max(label.sizeHint().width() for label in self.form_labels)
        for label in self.form_labels:
            label.setMinimumWidth(width)

    def _you_box(self) -> QGroupBox:
        box = QGroupBox("You")
        form = QFormLayout(box)
        form.addRow(self._label("I &am:", self.role), self.role)
        form.addRow(self.name_label, self.name)
        # Not offered until worksheets print it: a logo chosen here would appear nowhere.
        # (The picker and the saved setting stay, for when the sheets' header shows it.)
        self.logo.setParent(box)
        self.logo.hide()
        self.role.setToolTip("Teachers see classes first; parents see their children.")
        return box

    def _worksheets_box(self) -> QGroupBox:
        box = QGroupBox("Worksheets")
        form = QFormLayout(box)
        form.addRow(self._label("Lan&guage:", self.language), self.language)
        form.addRow(self._label("&Paper:", self.paper), self.paper)
        form.addRow("", self.large_print)
        note = muted(QLabel("Good for Classes 1 and 2. You can still change these per worksheet."))
        note.setWordWrap(True)
        form.addRow("", note)
        form.addRow(self._label("&Fonts:", self.fonts), self.fonts)
        fonts_note = muted(QLabel(FONTS_NOTE))
        fonts_note.setWordWrap(True)
        form.addRow("", fonts_note)
        return box

    def _privacy_box(self) -> QGroupBox:
        box = QGroupBox("Privacy")
        layout = QVBoxLayout(box)
        layout.addWidget(self.telemetry)
        note = muted(QLabel(TELEMETRY_NOTE))
        note.setWordWrap(True)
        layout.addWidget(note)
        return box

    def refresh(self) -> None:
        self.backups.show_backups()
        Op(self.ctx, lambda store, _p: load_settings(store), self).quietly().success(
            self.show_values
        ).run()

    def show_values(self, values: SettingsValues) -> None:
        if self.dirty or not isValid(self):  # unsaved edits win; a closed window shows nothing
            return
        _select(self.role, values.role)
        self.name.setText(values.name)
        _select(self.language, values.language)
        _select(self.paper, values.paper)
        _select(self.fonts, values.fonts)
        self.large_print.setChecked(values.large_print)
        self.telemetry.setChecked(values.telemetry)
        self.logo.show_logo(values.logo)

    def values(self) -> SettingsValues:
        """What the form says now."""
        return SettingsValues(
            role=cast(Role, self.role.currentData()),
            name=self.name.text(),
            language=self.language.currentData(),
            paper=self.paper.currentData(),
            large_print=self.large_print.isChecked(),
            telemetry=self.telemetry.isChecked(),
            logo=self.logo.saved,
            fonts=self.fonts.currentData(),
        )

    def save(self) -> None:
        values, new_logo = self.values(), self.logo.chosen
        self.save_button.setEnabled(False)
        Op(self.ctx, lambda store, _p: save_settings(store, values, new_logo), self).success(
            self._saved
        ).failure(self._save_failed).run()

    def _saved(self, values: SettingsValues) -> None:
        self.save_button.setEnabled(True)
        self.dirty = False
        self.show_values(values)
        self.ctx.status("Settings saved.")
        self.ctx.changed("settings")

    def _save_failed(self, error: BaseException) -> None:
        self.save_button.setEnabled(True)
        show_error(self, error)
