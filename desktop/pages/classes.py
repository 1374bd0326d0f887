"""The "Classes" page: a teacher's classes and who is on each roster."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QFormLayout,
    QHBoxLayout,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from desktop.context import AppContext
from desktop.pages import Page
from desktop.pages.child_dialogs import EditChildDialog
from desktop.pages.people_widgets import (
    ID_ROLE,
    SUBJECT_TITLES,
    SavingDialog,
    action_button,
    cell,
    content_grades,
    filling,
    heading,
    hint,
    select_id,
    selected_id,
    subject_title,
    table,
)
from desktop.tasks import Op
from storage.database import Store
from storage.records import Child, TeacherClass

CLASS_SUBJECTS = ("maths", "english", "evs", "hindi", "science")


@dataclass
class ClassesList:
    classes: list[TeacherClass]
    sizes: dict[str, int] = field(default_factory=dict)


def load_classes(store: Store) -> ClassesList:
    """Runs on the worker: the classes with the number of children on each roster."""
    view = ClassesList(store.classes.all())
    for school_class in view.classes:
        view.sizes[school_class.id or ""] = len(store.classes.members(school_class.id or ""))
    return view


def add_members(store: Store, class_id: str, children: list[Child]) -> int:
    """Runs on the worker: put the children on the roster, all or none."""
    with store.write() as writer:
        for child in children:
            store.classes.join(writer, class_id, child.id or "", child.roll_number)
    return len(children)


class ClassesPage(Page):
    title = "Classes"

    def __init__(self, ctx: AppContext) -> None:
        super().__init__(ctx)
        self.view = ClassesList([])
        self.members: list[Child] = []
        self.select_next: str | None = None
        self.dialog: QDialog | None = None
        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 20, 24, 16)
        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.addWidget(self._class_list())
        splitter.addWidget(self._roster())
        layout.addWidget(splitter, 1)
        self._class_chosen()

    def _class_list(self) -> QWidget:
        self.classes = table(("Class", "Grade", "Subject", "Children"))
        self.classes.itemSelectionChanged.connect(self._class_chosen)
        self.classes_hint = hint("")
        self.add_class_button = action_button(self, "Add class…", "Ctrl+N", self.add_class)
        return _column(
            (heading("Classes"), self.classes_hint, self.classes), (self.add_class_button,), ()
        )

    def _roster(self) -> QWidget:
        self.roster_title = heading("Roster")
        self.roster_hint = hint("Choose a class to see its children.")
        self.roster = table(("Name", "Roll no."))
        self.roster.itemSelectionChanged.connect(self._update_buttons)
        self.roster.doubleClicked.connect(self.edit_member)
        self.add_member_button = action_button(
            self, "Add children…", "Ctrl+Shift+N", self.add_children, "Add children to the class"
        )
        self.remove_button = action_button(
            self, "Remove from class", "Del", self.remove_child, "", self.roster
        )
        return _column(
            (self.roster_title, self.roster_hint, self.roster),
            (self.add_member_button,),
            (self.remove_button,),
        )

    def refresh(self) -> None:
        Op(self.ctx, lambda store, _p: load_classes(store), self).success(self._show).run()

    def _show(self, view: ClassesList) -> None:
        chosen, self.select_next = self.select_next or selected_id(self.classes), None
        self.view = view
        with filling(self.classes):
            self.classes.setRowCount(len(view.classes))
            for row, school_class in enumerate(view.classes):
                self._fill_class(row, school_class, view.sizes.get(school_class.id or "", 0))
        count = len(view.classes)
        self.classes_hint.setText(
            f"{count} class{'es' if count != 1 else ''}. Choose one to see its roster."
            if count
            else "No classes yet. Add one (Ctrl+N), e.g. 3A for Class 3, then add children "
            "to its roster, or import a roster on the Children page straight into a class."
        )
        select_id(self.classes, chosen or (view.classes[0].id if view.classes else None))
        self._class_chosen()

    def _fill_class(self, row: int, school_class: TeacherClass, size: int) -> None:
        values = (
            school_class.name,
            str(school_class.grade),
            subject_title(school_class.subject),
            str(size),
        )
        for column, text in enumerate(values):
            self.classes.setItem(row, column, cell(text, school_class.id if not column else None))

    def selected_class(self) -> TeacherClass | None:
        class_id = selected_id(self.classes)
        return next((c for c in self.view.classes if c.id == class_id), None)

    def _class_chosen(self) -> None:
        school_class = self.selected_class()
        self.members = []
        self.roster.setRowCount(0)
        if school_class is None:
            self.roster_title.setText("Roster")
            self.roster_hint.setText("Choose a class to see its children.")
        else:
            self.roster_title.setText(f"Roster of {school_class.name}")
            self._load_roster(school_class)
        self._update_buttons()

    def _load_roster(self, school_class: TeacherClass) -> None:
        class_id = school_class.id or ""
        Op(self.ctx, lambda store, _p: store.classes.members(class_id), self).success(
            lambda members: self._show_roster(class_id, members)
        ).run()

    def _show_roster(self, class_id: str, members: list[Child]) -> None:
        school_class = self.selected_class()
        if school_class is None or school_class.id != class_id:
            return  # another class was chosen meanwhile
        self.members = members
        with filling(self.roster):
            self.roster.setRowCount(len(members))
            for row, child in enumerate(members):
                self.roster.setItem(row, 0, cell(child.name, child.id))
                self.roster.setItem(row, 1, cell(child.roll_number or ""))
        grade = f"Class {school_class.grade}, {subject_title(school_class.subject)}"
        count = f"{len(members)} child{'ren' if len(members) != 1 else ''}"
        empty = " Add children to it with “Add children…” (Ctrl+Shift+N)." if not members else ""
        self.roster_hint.setText(f"{grade} · {count}.{empty}")
        self._update_buttons()

    def _update_buttons(self) -> None:
        self.add_member_button.setEnabled(self.selected_class() is not None)
        self.remove_button.setEnabled(selected_id(self.roster) is not None)

    def add_class(self) -> None:
        self._open(AddClassDialog(self.ctx, self._class_added, self))

    def _class_added(self, school_class: TeacherClass) -> None:
        self.ctx.status(f"Added class {school_class.name}.")
        self.ctx.changed("classes")
        self.select_next = school_class.id
        self.refresh()

    def add_children(self) -> None:
        school_class = self.selected_class()
        if school_class is not None:
            self._open(AddMembersDialog(self.ctx, school_class, self._members_added, self))

    def _members_added(self, count: int) -> None:
        school_class = self.selected_class()
        name = school_class.name if school_class else "the class"
        self.ctx.status(f"Added {count} child{'ren' if count != 1 else ''} to {name}.")
        self._roster_changed()

    def remove_child(self) -> None:
        school_class, child_id = self.selected_class(), selected_id(self.roster)
        child = next((c for c in self.members if c.id == child_id), None)
        if school_class is None or child is None or not school_class.id or not child.id:
            return
        answer = QMessageBox.question(
            self,
            f"Remove {child.name} from {school_class.name}?",
            f"{child.name} leaves the roster of {school_class.name}. Their worksheets and "
            "progress are kept, and you can add them back at any time.",
        )
        if answer != QMessageBox.StandardButton.Yes:
            return
        class_id, member_id, name = school_class.id, child.id, child.name
        Op(
            self.ctx, lambda store, _p: store.classes.remove_member(class_id, member_id), self
        ).success(lambda _none: self._removed(name, school_class.name)).run()

    def edit_member(self) -> None:
        """A double-click on a child of the roster opens their details."""
        child_id = selected_id(self.roster)
        child = next((c for c in self.members if c.id == child_id), None)
        if child is not None:
            self._open(EditChildDialog(self.ctx, child, self._member_edited, self))

    def _member_edited(self, child: Child) -> None:
        self.ctx.status(f"Saved {child.name}.")
        self._roster_changed()

    def _removed(self, name: str, class_name: str) -> None:
        self.ctx.status(f"{name} is no longer on the roster of {class_name}.")
        self._roster_changed()

    def _roster_changed(self) -> None:
        self.ctx.changed("classes")
        self.refresh()

    def _open(self, dialog: QDialog) -> None:
        self.dialog = dialog
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()


def _column(
    body: tuple[QWidget, ...], left: tuple[QWidget, ...], right: tuple[QWidget, ...]
) -> QWidget:
    """Widgets stacked (the last one stretches) over a row of buttons, left and right."""
    box = QWidget()
    layout = QVBoxLayout(box)
    layout.setContentsMargins(6, 0, 6, 0)
    for index, widget in enumerate(body):
        layout.addWidget(widget, 1 if index == len(body) - 1 else 0)
    row = QHBoxLayout()
    for button in left:
        row.addWidget(button)
    row.addStretch(1)
    for button in right:
        row.addWidget(button)
    layout.addLayout(row)
    return box


class AddClassDialog(SavingDialog):
    def __init__(
        self, ctx: AppContext, on_added: Callable[[TeacherClass], None], parent: QWidget
    ) -> None:
        super().__init__(ctx, parent, "Add a class")
        self.on_added = on_added
        self.name = QLineEdit()
        self.name.setPlaceholderText("e.g. 3A")
        self.grade = QComboBox()
        for grade in content_grades():
            self.grade.addItem(f"Class {grade}", grade)
        self.grade.setCurrentIndex(max(0, self.grade.findData(3)))
        self.subject = QComboBox()
        self.subject.addItem("Any subject", None)
        for subject in CLASS_SUBJECTS:
            self.subject.addItem(SUBJECT_TITLES[subject], subject)
        form = QFormLayout()
        form.addRow("Class &name", self.name)
        form.addRow("&Grade", self.grade)
        form.addRow("&Subject you teach", self.subject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.problem)
        layout.addWidget(self._buttons("Add class"))

    def submit(self) -> None:
        fields = {
            "name": self.name.text(),
            "grade": self.grade.currentData(),
            "subject": self.subject.currentData(),
        }
        self._run(lambda store, _p: store.classes.add(fields), self.on_added)


class AddMembersDialog(SavingDialog):
    """Tick children to put on a class's roster; those already on it are not listed."""

    def __init__(
        self,
        ctx: AppContext,
        school_class: TeacherClass,
        on_added: Callable[[int], None],
        parent: QWidget,
    ) -> None:
        super().__init__(ctx, parent, f"Add children to {school_class.name}")
        self.school_class = school_class
        self.on_added = on_added
        self.candidates: list[Child] = []
        self.search = QLineEdit()
        self.search.setPlaceholderText("Search by name")
        self.search.textChanged.connect(self._filter)
        self.same_grade = QCheckBox(f"Only children in Class {school_class.grade}")
        self.same_grade.setChecked(True)
        self.same_grade.toggled.connect(self._filter)
        self.list = QListWidget()
        self.nobody = hint("")
        self.nobody.hide()
        em = self.fontMetrics().horizontalAdvance("M")
        self.resize(em * 30, self.fontMetrics().height() * 28)
        layout = QVBoxLayout(self)
        layout.addWidget(self.search)
        layout.addWidget(self.same_grade)
        layout.addWidget(self.list, 1)
        layout.addWidget(self.nobody)
        layout.addWidget(self.problem)
        layout.addWidget(self._buttons("Add to class"))
        class_id = school_class.id or ""
        Op(ctx, lambda store, _p: _not_in_class(store, class_id), self).success(self._show).run()

    def _show(self, children: list[Child]) -> None:
        self.candidates = children
        for child in children:
            roll = f", roll {child.roll_number}" if child.roll_number else ""
            item = QListWidgetItem(f"{child.name}  (Class {child.grade}{roll})")
            item.setData(ID_ROLE, child.id)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Unchecked)
            self.list.addItem(item)
        self._filter()

    def _filter(self) -> None:
        words = self.search.text().casefold().split()
        for row, child in enumerate(self.candidates):
            shown = all(word in child.name.casefold() for word in words) and (
                not self.same_grade.isChecked() or child.grade == self.school_class.grade
            )
            self.list.item(row).setHidden(not shown)
        self._explain_empty()

    def _explain_empty(self) -> None:
        shown = any(not self.list.item(row).isHidden() for row in range(self.list.count()))
        name, grade = self.school_class.name, self.school_class.grade
        if shown:
            self.nobody.hide()
            return
        if not self.candidates:
            text = f"Every child is already on the roster of {name}."
        elif self.same_grade.isChecked() and not self.search.text().strip():
            text = (
                f"Every Class {grade} child is already in {name}. Untick “Only children in "
                f"Class {grade}” to see the others."
            )
        else:
            text = "No child matches your search."
        self.nobody.setText(text)
        self.nobody.show()

    def chosen(self) -> list[Child]:
        """The ticked children among those shown."""
        items = [self.list.item(row) for row in range(len(self.candidates))]
        return [
            child
            for child, item in zip(self.candidates, items, strict=True)
            if item.checkState() == Qt.CheckState.Checked and not item.isHidden()
        ]

    def submit(self) -> None:
        chosen, class_id = self.chosen(), self.school_class.id or ""
        if not chosen:
            self.show_problem("Tick the children to add to the class.")
            return
        self._run(lambda store, _p: add_members(store, class_id, chosen), self.on_added)


def _not_in_class(store: Store, class_id: str) -> list[Child]:
    on_roster = {child.id for child in store.classes.members(class_id)}
    return [child for child in store.children.all() if child.id not in on_roster]
