"""Recording consent for children kept before it was asked for (an older version let the
command line and roster import keep children without a record)."""

from __future__ import annotations

from collections.abc import Callable, Sequence

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QListWidget,
    QListWidgetItem,
    QRadioButton,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from desktop.context import AppContext
from desktop.pages.consent_widgets import GuardianBox, SchoolBasisBox
from desktop.pages.people_widgets import SavingDialog, fit_to_screen, hint, scrolling
from storage.consent import ConsentBasis
from storage.database import Store
from storage.records import Child

ID_ROLE = Qt.ItemDataRole.UserRole


def record_consents(
    store: Store, child_ids: Sequence[str], guardian: tuple[str, str, str] | None, school: str
) -> int:
    """Runs on the worker: one record per child, on the guardian's consent or the school's."""
    if guardian is not None:
        name, relation, contact = guardian
        basis = ConsentBasis.guardian(name, relation, contact=contact or None)
    else:
        basis = ConsentBasis.school(school)
    with store.write():
        return store.consents.record_basis(child_ids, basis)


class MissingConsentDialog(SavingDialog):
    """The children without a record (ticked), and whose consent covers them."""

    def __init__(
        self,
        ctx: AppContext,
        children: list[Child],
        on_recorded: Callable[[int], None],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(ctx, parent, "Record consent")
        self.on_recorded = on_recorded
        content = QWidget()
        boxes = QVBoxLayout(content)
        boxes.setContentsMargins(0, 0, 0, 0)
        boxes.addWidget(
            hint(
                "These children were kept before PracticeCraft asked for consent. Record the "
                "parent's or guardian's consent, or the school's basis, for the ones ticked."
            )
        )
        boxes.addWidget(self._children(children))
        boxes.addWidget(self._choice())
        area = scrolling(content)
        layout = QVBoxLayout(self)
        layout.addWidget(area, 1)
        layout.addWidget(self.problem)
        layout.addWidget(self._buttons("Record consent"))
        fit_to_screen(self, area)

    def _children(self, children: list[Child]) -> QListWidget:
        self.child_list = QListWidget()
        for child in children:
            item = QListWidgetItem(f"{child.name} (Class {child.grade})")
            item.setData(ID_ROLE, child.id)
            item.setCheckState(Qt.CheckState.Checked)
            self.child_list.addItem(item)
        rows = min(max(len(children), 2), 8)  # the list scrolls beyond eight children
        self.child_list.setMaximumHeight(self.fontMetrics().height() * (rows + 1) + 8)
        return self.child_list

    def _choice(self) -> QWidget:
        box = QWidget()
        layout = QVBoxLayout(box)
        layout.setContentsMargins(0, 0, 0, 0)
        self.use_guardian = QRadioButton("A &parent or guardian agrees")
        self.use_school = QRadioButton("The &school's basis (a teacher's class)")
        self.use_guardian.setChecked(True)
        self.guardian = GuardianBox("The parent's or guardian's consent", self)
        self.school = SchoolBasisBox(self)
        stack = QStackedWidget()
        stack.addWidget(self.guardian)
        stack.addWidget(self.school)
        self.use_school.toggled.connect(lambda on: stack.setCurrentIndex(1 if on else 0))
        for widget in (self.use_guardian, self.use_school, stack):
            layout.addWidget(widget)
        return box

    def chosen_ids(self) -> list[str]:
        items = (self.child_list.item(row) for row in range(self.child_list.count()))
        return [
            str(item.data(ID_ROLE)) for item in items if item.checkState() == Qt.CheckState.Checked
        ]

    def submit(self) -> None:
        ids = self.chosen_ids()
        box = self.school if self.use_school.isChecked() else self.guardian
        problem = box.problem() or (None if ids else "Tick the children to record consent for.")
        if problem:
            self.show_problem(problem)
            return
        guardian = (
            None
            if self.use_school.isChecked()
            else (
                self.guardian.name.text(),
                self.guardian.relation.currentText(),
                self.guardian.contact.text(),
            )
        )
        school = self.school.responsible.text()
        self._run(
            lambda store, _progress: record_consents(store, ids, guardian, school),
            self.on_recorded,
        )
