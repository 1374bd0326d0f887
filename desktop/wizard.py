"""The first-run wizard: who is using PracticeCraft, and how their worksheets should look.

One question per page, with the usual choice already made (English, A4). Nothing is stored
until Finish; cancelling leaves the database as it was, so the wizard comes back next time.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtGui import QPalette
from PySide6.QtWidgets import (
    QButtonGroup,
    QLabel,
    QLineEdit,
    QRadioButton,
    QStyle,
    QVBoxLayout,
    QWidget,
    QWizard,
    QWizardPage,
)

from desktop.context import AppContext
from desktop.errors import show_error
from desktop.pages.people_widgets import quiet_colour
from desktop.tasks import Op
from storage.database import Store
from storage.records import UserProfile

ROLES = (
    ("teacher", "A teacher", "I make worksheets for the children in my classes."),
    ("parent", "A parent", "I make worksheets for my own children at home."),
)
LANGUAGES = (
    ("en", "English", "Questions in English."),
    ("hi", "Hindi (हिन्दी)", "Maths questions in Hindi, where a Hindi text exists."),
    ("both", "English and Hindi", "Each question in English, with the Hindi below it."),
)
PAPERS = (
    ("A4", "A4", "The usual paper in India."),
    ("Letter", "Letter", "US Letter, a little wider and shorter than A4."),
)


def muted(label: QLabel) -> QLabel:
    """A label in a softer colour than the text around it, still easy to read."""
    palette = label.palette()
    palette.setColor(QPalette.ColorRole.WindowText, quiet_colour(palette))
    label.setPalette(palette)
    return label


class ChoicePage(QWizardPage):
    """A page that asks one question with a few answers, each explained in one line."""

    def __init__(
        self,
        title: str,
        subtitle: str,
        choices: tuple[tuple[str, str, str], ...],
        default: str | None = None,
    ) -> None:
        super().__init__()
        self.setTitle(title)
        self.setSubTitle(subtitle)
        self.group = QButtonGroup(self)
        self.buttons: dict[str, QRadioButton] = {}
        layout = QVBoxLayout(self)
        for value, label, explanation in choices:
            layout.addWidget(self._choice(value, label, explanation))
        layout.addStretch(1)
        if default is not None:
            self.buttons[default].setChecked(True)
        self.group.buttonToggled.connect(lambda *_: self.completeChanged.emit())

    def _choice(self, value: str, label: str, explanation: str) -> QWidget:
        box = QWidget()
        layout = QVBoxLayout(box)
        layout.setContentsMargins(0, 4, 0, 8)
        layout.setSpacing(2)
        button = QRadioButton(label)
        button.setObjectName(f"choice-{value}")
        self.group.addButton(button)
        self.buttons[value] = button
        note = muted(QLabel(explanation))
        note.setWordWrap(True)
        style = button.style()
        note.setIndent(  # lines up under the button's text
            style.pixelMetric(QStyle.PixelMetric.PM_ExclusiveIndicatorWidth)
            + style.pixelMetric(QStyle.PixelMetric.PM_RadioButtonLabelSpacing)
        )
        layout.addWidget(button)
        layout.addWidget(note)
        return box

    @property
    def value(self) -> str | None:
        for value, button in self.buttons.items():
            if button.isChecked():
                return value
        return None

    def isComplete(self) -> bool:
        return self.value is not None


class NamePage(QWizardPage):
    """The school's name (teacher) or the family's name (parent), printed on every sheet."""

    def __init__(self, role: Callable[[], str | None]) -> None:
        super().__init__()
        self._role = role
        self.label = QLabel()
        self.name = QLineEdit()
        self.name.setObjectName("name")
        self.name.setMaxLength(120)
        self.label.setBuddy(self.name)
        note = muted(QLabel("You can leave it empty, or change it later in Settings."))
        layout = QVBoxLayout(self)
        layout.addWidget(self.label)
        layout.addWidget(self.name)
        layout.addWidget(note)
        layout.addStretch(1)

    def initializePage(self) -> None:
        teacher = self._role() == "teacher"
        self.setTitle("What is your school called?" if teacher else "What is your family's name?")
        self.setSubTitle("It is printed at the top of every worksheet.")
        self.label.setText("School &name:" if teacher else "Family &name:")
        self.name.setPlaceholderText(
            "e.g. Sunrise Public School" if teacher else "e.g. The Sharma family"
        )
        self.name.setFocus()


class FirstRunWizard(QWizard):
    """Asks role, school or family name, worksheet language and paper size; saves the profile."""

    def __init__(self, ctx: AppContext, on_done: Callable[[], None] = lambda: None) -> None:
        super().__init__()
        self.ctx = ctx
        self.on_done = on_done
        self.setWindowTitle("Welcome to PracticeCraft")
        self.setWizardStyle(QWizard.WizardStyle.ModernStyle)
        self.setOption(QWizard.WizardOption.NoBackButtonOnStartPage, True)
        self.setButtonText(QWizard.WizardButton.FinishButton, "&Start")
        self.role_page = ChoicePage(
            "Welcome! Who will use PracticeCraft?",
            "This decides what PracticeCraft shows first. You can change it later.",
            ROLES,
        )
        self.name_page = NamePage(lambda: self.role_page.value)
        self.language_page = ChoicePage(
            "Which language should worksheets use?",
            "You can still choose another language for any worksheet.",
            LANGUAGES,
            default="en",
        )
        self.paper_page = ChoicePage(
            "Which paper do you print on?", "Worksheets are laid out for this size.", PAPERS, "A4"
        )
        for page in (self.role_page, self.name_page, self.language_page, self.paper_page):
            self.addPage(page)
        self.saving = False

    def profile(self) -> dict[str, Any]:
        """The answers, as the fields of a `UserProfile`."""
        role = self.role_page.value or "teacher"
        name = self.name_page.name.text().strip() or None
        return {
            "role": role,
            "active_role": role,
            "school_name": name if role == "teacher" else None,
            "display_name": name if role == "parent" else None,
            "worksheet_language": self.language_page.value or "en",
            "paper_size": self.paper_page.value or "A4",
        }

    def accept(self) -> None:
        """Finish: save the profile on the worker; close only once it is saved."""
        if self.saving:
            return  # a second click while saving adds nothing
        self.saving = True
        self.button(QWizard.WizardButton.FinishButton).setEnabled(False)
        answers = self.profile()
        Op(self.ctx, lambda store, _p: _save(store, answers), self).success(self._saved).failure(
            self._failed
        ).run()

    def _saved(self, _profile: UserProfile) -> None:
        self.saving = False
        super().accept()
        self.ctx.status("Welcome! Your choices are saved; change them any time in Settings.")
        self.on_done()

    def _failed(self, error: BaseException) -> None:
        self.saving = False
        self.button(QWizard.WizardButton.FinishButton).setEnabled(True)
        show_error(self, error)


def _save(store: Store, answers: dict[str, Any]) -> UserProfile:
    return store.profiles.save(answers)
