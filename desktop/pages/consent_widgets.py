"""The two ways a child's data is kept, as boxes the dialogs share: a parent's or guardian's
consent to the notice, or the school's basis confirmed by the person responsible."""

from __future__ import annotations

from PySide6.QtCore import QRect, Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFormLayout,
    QFrame,
    QGroupBox,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from desktop.pages.people_widgets import hint
from storage.consent import (
    PARENT_NOTICE,
    PARENT_NOTICE_VERSION,
    SCHOOL_NOTICE,
    SCHOOL_NOTICE_VERSION,
)

NOTICE_EMS = 32  # a notice's width, in widths of "M"
RELATIONS = ("Mother", "Father", "Guardian", "Teacher, on behalf of the school")


def notice_label(text: str, owner: QWidget, ems: int = NOTICE_EMS) -> QLabel:
    """The notice word for word, framed, wrapped to `ems` widths of "M" and tall enough to
    read whole."""
    notice = QLabel(text)
    notice.setWordWrap(True)
    notice.setFrameShape(QFrame.Shape.StyledPanel)
    notice.setMargin(8)
    notice.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
    notice.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    _fit_height(notice, owner.fontMetrics().horizontalAdvance("M") * ems)
    return notice


def _fit_height(label: QLabel, width: int) -> None:
    """Make the label at least `width` wide and tall enough for all its text at that width
    (wrapped labels in nested layouts are otherwise often given too little height)."""
    label.setMinimumWidth(width + 2 * (label.margin() + label.frameWidth()))
    metrics = label.fontMetrics()
    text = metrics.boundingRect(QRect(0, 0, width, 100_000), Qt.TextFlag.TextWordWrap, label.text())
    label.setMinimumHeight(text.height() + 2 * (label.margin() + label.frameWidth()))


class GuardianBox(QGroupBox):
    """The parent's notice, who they are, and their "I agree"."""

    def __init__(self, title: str, owner: QWidget) -> None:
        super().__init__(title)
        layout = QVBoxLayout(self)
        self.notice = notice_label(PARENT_NOTICE, owner)
        layout.addWidget(self.notice)
        layout.addWidget(hint(f"Notice version {PARENT_NOTICE_VERSION}"))
        self.name = QLineEdit()
        self.relation = QComboBox()
        self.relation.setEditable(True)
        self.relation.addItems(RELATIONS)
        self.contact = QLineEdit()
        self.contact.setPlaceholderText("phone or email, optional")
        self.agree = QCheckBox("I &agree to this notice")
        form = QFormLayout()
        form.addRow("Guardian's na&me", self.name)
        form.addRow("R&elation to the child", self.relation)
        form.addRow("&Contact", self.contact)
        layout.addLayout(form)
        layout.addWidget(self.agree)

    def problem(self) -> str | None:
        """What is still missing before the consent can be kept, in the user's words."""
        if not self.agree.isChecked():
            return (
                "Please read the notice with the parent or guardian and tick “I agree”. "
                "A child's details are kept only with their consent."
            )
        if not self.name.text().strip():
            return "Please write the parent's or guardian's name."
        return None


class SchoolBasisBox(QGroupBox):
    """The school's notice, the person responsible, and their confirmation; or, for a class
    whose basis is already recorded, who confirmed it (it covers new children too)."""

    def __init__(self, owner: QWidget, ems: int = NOTICE_EMS) -> None:
        super().__init__("The school's basis for keeping these children's data")
        layout = QVBoxLayout(self)
        self.notice = notice_label(SCHOOL_NOTICE, owner, ems)
        layout.addWidget(self.notice)
        layout.addWidget(hint(f"Notice version {SCHOOL_NOTICE_VERSION}"))
        self.responsible = QLineEdit()
        self.responsible.setPlaceholderText("e.g. Mrs R. Sharma, Principal")
        self.confirm = QCheckBox("I &confirm this basis for the school")
        self.form = QWidget()
        form = QFormLayout(self.form)
        form.setContentsMargins(0, 0, 0, 0)
        form.addRow("Person &responsible", self.responsible)
        form.addRow(self.confirm)
        layout.addWidget(self.form)
        self.covered = hint("")
        self.covered.hide()
        layout.addWidget(self.covered)

    def cover(self, class_name: str | None, responsible: str | None) -> None:
        """Show that the class's recorded basis covers the children (or ask for one)."""
        covered = bool(class_name and responsible)
        self.covered.setText(
            f"The school's basis for {class_name} was confirmed by {responsible}; it covers "
            "these children too."
            if covered
            else ""
        )
        self.covered.setVisible(covered)
        self.form.setVisible(not covered)

    @property
    def is_covered(self) -> bool:
        return not self.covered.isHidden()

    def problem(self) -> str | None:
        if self.is_covered:
            return None
        if not self.responsible.text().strip():
            return "Please write the name of the person responsible for the school's basis."
        if not self.confirm.isChecked():
            return "Please read the school's notice and tick “I confirm” to keep these children."
        return None
