"""Adding a child (the guardian's consent first) and editing a child's details."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any

from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QGroupBox,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from desktop.context import AppContext
from desktop.pages.consent_widgets import GuardianBox
from desktop.pages.people_widgets import (
    SavingDialog,
    content_grades,
    fit_to_screen,
    scrolling,
)
from storage.consent import PARENT_NOTICE, PARENT_NOTICE_VERSION, running_version
from storage.database import Store
from storage.records import Child, TeacherClass

# The notice lives in storage.consent, shared with the command line; these names stay for
# the pages and tests that use them.
NOTICE_VERSION = PARENT_NOTICE_VERSION
CONSENT_NOTICE = PARENT_NOTICE


def app_version() -> str:
    return running_version()


class ChildForm:
    """Name, grade and roll number fields, laid out in the caller's form."""

    def __init__(
        self, form: QFormLayout, child: Child | None = None, with_roll: bool = True
    ) -> None:
        self.name = QLineEdit(child.name if child else "")
        self.name.setPlaceholderText("as it should print on worksheets")
        self.grade = QComboBox()
        for grade in content_grades(child.grade if child else None):
            self.grade.addItem(f"Class {grade}", grade)
        self.grade.setCurrentIndex(max(0, self.grade.findData(child.grade if child else 1)))
        self.roll = QLineEdit((child.roll_number or "") if child else "")
        self.roll.setPlaceholderText("optional")
        form.addRow("Child's &name", self.name)
        form.addRow("&Grade", self.grade)
        if with_roll:  # a teacher's; a parent at home has none
            form.addRow("&Roll number", self.roll)

    def values(self) -> dict[str, Any]:
        return {
            "name": self.name.text(),
            "grade": self.grade.currentData(),
            "roll_number": self.roll.text().strip() or None,
        }


class AddChildDialog(SavingDialog):
    """The guardian's consent, then the child's details; nothing is kept without "I agree"."""

    def __init__(
        self,
        ctx: AppContext,
        classes: list[TeacherClass],
        on_added: Callable[[Child], None],
        parent: QWidget | None = None,
        for_teacher: bool = True,
    ) -> None:
        super().__init__(ctx, parent, "Add a child")
        self.on_added = on_added
        self.for_teacher = for_teacher
        content = QWidget()
        boxes = QVBoxLayout(content)
        boxes.setContentsMargins(0, 0, 0, 0)
        boxes.addWidget(self._consent_box())
        boxes.addWidget(self._child_box(classes))
        area = scrolling(content)
        layout = QVBoxLayout(self)
        layout.addWidget(area, 1)
        layout.addWidget(self.problem)
        layout.addWidget(self._buttons("Add child"))
        fit_to_screen(self, area)
        self.guardian.setFocus()

    def _consent_box(self) -> QGroupBox:
        box = GuardianBox("1. The parent's or guardian's consent", self)
        self.guardian, self.relation = box.name, box.relation
        self.contact, self.agree = box.contact, box.agree
        self.consent_box = box
        return box

    def _child_box(self, classes: list[TeacherClass]) -> QGroupBox:
        box = QGroupBox("2. The child")
        form = QFormLayout(box)
        self.child = ChildForm(form, with_roll=self.for_teacher)
        self.school_class = QComboBox()
        self.school_class.addItem("No class", None)
        for school_class in classes:
            self.school_class.addItem(
                f"{school_class.name} (Class {school_class.grade})", school_class
            )
        self.school_class.currentIndexChanged.connect(self._class_chosen)
        if classes:  # no class to offer (or a parent): no empty choice
            form.addRow("C&lass", self.school_class)
        return box

    def _class_chosen(self) -> None:
        chosen = self.school_class.currentData()
        if isinstance(chosen, TeacherClass):
            found = self.child.grade.findData(chosen.grade)
            if found >= 0:
                self.child.grade.setCurrentIndex(found)

    def consent(self) -> dict[str, Any]:
        return {
            "guardian_name": self.guardian.text(),
            "relation": self.relation.currentText(),
            "guardian_contact": self.contact.text().strip() or None,
            "notice_version": NOTICE_VERSION,
        }

    def submit(self) -> None:
        problem = self.consent_box.problem()
        if problem:
            self.show_problem(problem)
            return
        chosen = self.school_class.currentData()
        class_id = chosen.id if isinstance(chosen, TeacherClass) else None
        child, consent = self.child.values(), self.consent()
        if isinstance(chosen, TeacherClass) and chosen.grade != child["grade"]:
            self.show_problem(
                f"{chosen.name} is a Class {chosen.grade} class, and this child is in Class "
                f"{child['grade']}. Choose the child's own class, or “No class”."
            )
            return
        self._run(
            lambda store, _progress: add_child(store, child, consent, class_id), self.on_added
        )


def add_child(
    store: Store, child: Mapping[str, Any], consent: Mapping[str, Any], class_id: str | None
) -> Child:
    """Runs on the worker: the child with the consent shown, and their class, all or nothing."""
    with store.write() as writer:
        added = store.children.add_with_consent(
            child, consent, notice_text=CONSENT_NOTICE, app_version=app_version()
        )
        if class_id and added.id:
            store.classes.join(writer, class_id, added.id, added.roll_number)
    return added


class EditChildDialog(SavingDialog):
    def __init__(
        self,
        ctx: AppContext,
        child: Child,
        on_saved: Callable[[Child], None],
        parent: QWidget | None = None,
        for_teacher: bool = True,
    ) -> None:
        super().__init__(ctx, parent, f"Edit {child.name}")
        self.child_id = child.id or ""
        self.on_saved = on_saved
        layout = QVBoxLayout(self)
        form = QFormLayout()
        self.child = ChildForm(form, child, with_roll=for_teacher)
        layout.addLayout(form)
        layout.addWidget(self.problem)
        layout.addWidget(self._buttons("Save"))

    def submit(self) -> None:
        child_id, changes = self.child_id, self.child.values()
        self._run(
            lambda store, _progress: store.children.update(child_id, **changes), self.on_saved
        )
