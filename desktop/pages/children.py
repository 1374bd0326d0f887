"""The "Children" page: the children kept, their details, classes and topics to practise."""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import partial
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QSplitter,
    QStackedWidget,
    QVBoxLayout,
)

from curriculum.wording import count
from desktop.context import AppContext
from desktop.pages import Page
from desktop.pages.child_dialogs import AddChildDialog, EditChildDialog
from desktop.pages.child_export import ask_where, save_export
from desktop.pages.child_topics import TopicsPanel
from desktop.pages.consent_dialog import MissingConsentDialog
from desktop.pages.consent_withdrawal import WITHDRAWN_BY, Withdrawal, ask_withdrawal
from desktop.pages.people_widgets import (
    action_button,
    cell,
    filling,
    heading,
    hint,
    quiet_colour,
    select_id,
    selected_id,
    table,
)
from desktop.pages.roster_import import RosterImportDialog
from desktop.tasks import Op
from storage.database import Store
from storage.records import Child, TeacherClass
from storage.roster import RosterImport

COLUMNS = ("Name", "Class", "Grade", "Roll no.")


@dataclass
class ChildrenList:
    """What the page shows: the children, the classes, and which classes each child is in."""

    children: list[Child]
    classes: list[TeacherClass]
    class_names: dict[str, list[str]] = field(default_factory=dict)
    without_consent: list[Child] = field(default_factory=list)


def load_children(store: Store, include_archived: bool) -> ChildrenList:
    """Runs on the worker."""
    view = ChildrenList(
        store.children.all(include_archived),
        store.classes.all(),
        without_consent=store.children.without_consent(),
    )
    for school_class in view.classes:
        for member in store.classes.members(school_class.id or ""):
            view.class_names.setdefault(member.id or "", []).append(school_class.name)
    return view


def toggle_archived(store: Store, child_id: str, archived: bool) -> Child:
    """Runs on the worker: archive the child, or bring an archived child back."""
    return store.children.unarchive(child_id) if archived else store.children.archive(child_id)


class ChildrenPage(Page):
    title = "Children"

    def __init__(self, ctx: AppContext) -> None:
        super().__init__(ctx)
        self.role = "teacher"
        self.view = ChildrenList([], [])
        self.dialog: QDialog | None = None
        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 20, 24, 16)
        layout.addWidget(heading("Children"))
        self.table = table(COLUMNS)
        layout.addWidget(self._missing_consent())
        buttons = self._button_row()  # made first: the search row holds Add child and Import
        layout.addLayout(self._search_row())
        layout.addLayout(buttons)
        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.addWidget(self._list())
        self.topics = TopicsPanel(ctx)
        splitter.addWidget(self.topics)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 2)
        layout.addWidget(splitter, 1)
        self._selection_changed()

    def _missing_consent(self) -> QFrame:
        """A notice, shown while some children have no consent record, with the way to fix it."""
        self.missing = QFrame()
        self.missing.setFrameShape(QFrame.Shape.StyledPanel)
        self.missing_text = QLabel()
        self.missing_text.setWordWrap(True)
        self.record_consent_button = QPushButton("&Record consent…")
        self.record_consent_button.clicked.connect(self.record_consent)
        row = QHBoxLayout(self.missing)
        row.addWidget(self.missing_text, 1)
        row.addWidget(self.record_consent_button)
        self.missing.hide()
        return self.missing

    def _search_row(self) -> QHBoxLayout:
        self.search = QLineEdit()
        self.search.setPlaceholderText("Search by name, class or roll number  (Ctrl+F)")
        self.search.setClearButtonEnabled(True)
        self.search.textChanged.connect(self._filter)
        QShortcut(QKeySequence.StandardKey.Find, self).activated.connect(self.search.setFocus)
        self.show_archived = QCheckBox("Show &archived children")
        self.show_archived.toggled.connect(self.refresh)
        row = QHBoxLayout()
        row.addWidget(self.search, 1)
        row.addWidget(self.show_archived)
        # what adds children sits by the search; what acts on the chosen child, on the row below
        # (one row of seven buttons is too wide for 1366×768 at 150%)
        for button in (self.add_button, self.import_button):
            row.addWidget(button)
        return row

    def _button_row(self) -> QHBoxLayout:
        self.add_button = action_button(self, "Add child…", "Ctrl+N", self.add_child)
        self.import_button = action_button(
            self, "Import roster…", "Ctrl+I", self.import_roster, "Import a class list from CSV"
        )
        self.edit_button = action_button(
            self, "Edit…", "F2", self.edit_child, "Edit the child", self.table
        )
        self.archive_button = action_button(
            self, "Archive", "Del", self.archive_child, "Hide from lists, keep history", self.table
        )
        self.erase_button = action_button(
            self,
            "Erase…",
            "Shift+Del",
            self.erase_child,
            "Erase the child and all their data",
            self.table,
        )
        self.withdraw_button = action_button(
            self,
            "Withdraw consent…",
            "Ctrl+Shift+W",
            self.withdraw_consent,
            "Stop using and syncing the child's data; erase it if you wish",
            self.table,
        )
        self.export_button = action_button(
            self, "Export…", "Ctrl+E", self.export_child, "Save all their data in a zip", self.table
        )
        row = QHBoxLayout()
        row.addStretch(1)
        for button in self._child_buttons():
            row.addWidget(button)
        return row

    def _child_buttons(self) -> tuple[QPushButton, ...]:
        return (
            self.edit_button,
            self.export_button,
            self.archive_button,
            self.withdraw_button,
            self.erase_button,
        )

    def _list(self) -> QStackedWidget:
        self.table.itemSelectionChanged.connect(self._selection_changed)
        self.table.doubleClicked.connect(self.edit_child)
        self.empty = hint(
            "No children yet.\n\nAdd a child (Ctrl+N) with their parent's or guardian's "
            "consent, or import a class roster from a CSV file (Ctrl+I)."
        )
        self.empty.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.stack = QStackedWidget()
        self.stack.addWidget(self.table)
        self.stack.addWidget(self.empty)
        return self.stack

    def refresh(self) -> None:
        archived = self.show_archived.isChecked()
        Op(self.ctx, lambda store, _p: load_children(store, archived), self).success(
            self._show
        ).run()

    def _show(self, view: ChildrenList) -> None:
        chosen = selected_id(self.table)
        self.view = view
        with filling(self.table):
            self.table.setRowCount(len(view.children))
            for row, child in enumerate(view.children):
                self._fill_row(row, child)
        self.stack.setCurrentWidget(self.table if view.children else self.empty)
        self._show_missing(view.without_consent)
        self.topics.setVisible(bool(view.children))
        self._filter()
        select_id(self.table, chosen)
        self._selection_changed()

    def _show_missing(self, children: list[Child]) -> None:
        have = "has" if len(children) == 1 else "have"
        self.missing_text.setText(
            f"{count(len(children), 'child', 'children')} {have} no consent record: they were "
            "kept before PracticeCraft asked for one. Record a parent's consent or the "
            "school's basis for them."
        )
        self.missing.setVisible(bool(children))

    def record_consent(self) -> None:
        self._open(MissingConsentDialog(self.ctx, self.view.without_consent, self._recorded, self))

    def _recorded(self, recorded: int) -> None:
        self._changed(f"Recorded consent for {count(recorded, 'child', 'children')}.")

    def _fill_row(self, row: int, child: Child) -> None:
        name = child.name + ("  (archived)" if child.archived_at else "")
        classes = ", ".join(self.view.class_names.get(child.id or "", [])) or "—"
        values = (name, classes, str(child.grade), child.roll_number or "")
        for column, text in enumerate(values):
            item = cell(text, child.id if column == 0 else None)
            if child.archived_at:
                item.setForeground(quiet_colour(self.palette()))
            self.table.setItem(row, column, item)

    def _filter(self) -> None:
        words = self.search.text().casefold().split()
        for row in range(self.table.rowCount()):
            text = " ".join(
                (item.text() if (item := self.table.item(row, c)) else "")
                for c in range(len(COLUMNS))
            ).casefold()
            self.table.setRowHidden(row, not all(word in text for word in words))

    def selected_child(self) -> Child | None:
        child_id = selected_id(self.table)
        return next((c for c in self.view.children if c.id == child_id), None)

    def _selection_changed(self) -> None:
        child = self.selected_child()
        for button in self._child_buttons():
            button.setEnabled(child is not None)
        archived = child is not None and child.archived_at is not None
        self.archive_button.setText("Bring back" if archived else "Archive")
        if child is None or child.id != self.topics.child_id:
            self.topics.show_child(child)

    def set_role(self, role: str) -> None:
        """A parent keeps no classes, rosters or roll numbers: those are a teacher's."""
        self.role = role
        teacher = role != "parent"
        self.import_button.setVisible(teacher)
        self.import_button.setEnabled(teacher)  # its Ctrl+I goes too
        self.table.setColumnHidden(COLUMNS.index("Class"), not teacher)
        self.table.setColumnHidden(COLUMNS.index("Roll no."), not teacher)

    def add_child(self) -> None:
        teacher = self.role != "parent"
        classes = self.view.classes if teacher else []
        self._open(AddChildDialog(self.ctx, classes, self._added, self, for_teacher=teacher))

    def _added(self, child: Child) -> None:
        self._changed(f"Added {child.name}, with their guardian's consent.")
        self.search.clear()

    def import_roster(self) -> None:
        self._open(RosterImportDialog(self.ctx, self.view.classes, self._imported, self))

    def _imported(self, result: RosterImport) -> None:
        self._changed(result.describe())

    def edit_child(self) -> None:
        child = self.selected_child()
        if child is not None:
            teacher = self.role != "parent"
            self._open(EditChildDialog(self.ctx, child, self._edited, self, for_teacher=teacher))

    def _edited(self, child: Child) -> None:
        self._changed(f"Saved {child.name}.")

    def archive_child(self) -> None:
        child = self.selected_child()
        if child is None or not child.id:
            return
        child_id, archived = child.id, child.archived_at is not None
        Op(self.ctx, lambda store, _p: toggle_archived(store, child_id, archived), self).success(
            self._archived
        ).run()

    def _archived(self, child: Child) -> None:
        if child.archived_at:
            self._changed(f"Archived {child.name}: hidden from lists, their history is kept.")
        else:
            self._changed(f"{child.name} is back in the lists.")

    def export_child(self) -> None:
        """Ask where to save the selected child's zip, then save it."""
        child = self.selected_child()
        if child is not None:
            self.dialog = ask_where(self, child, self.export_to)

    def export_to(self, out: Path) -> None:
        child = self.selected_child()
        if child is not None:
            save_export(self.ctx, self, child, out)

    def erase_child(self) -> None:
        child = self.selected_child()
        if child is not None and child.id:
            self._ask_to_erase(child)

    def _ask_to_erase(self, child: Child) -> None:
        child_id = child.id or ""
        Op(self.ctx, lambda store, _p: store.children.backups_holding(child_id), self).success(
            lambda backups: self._confirm_erase(child, len(backups))
        ).run()

    def withdraw_consent(self) -> None:
        """Withdrawal is one click and one answer, as giving consent was; erasure is offered."""
        child = self.selected_child()
        if child is None or not child.id:
            return
        choice = ask_withdrawal(self, child.name)
        if choice is Withdrawal.CANCELLED:
            return
        child_id = child.id
        withdraw = Op(
            self.ctx, lambda store, _p: store.consents.withdraw(child_id, by=WITHDRAWN_BY), self
        )
        withdraw.success(lambda _none: self._withdrawn(child, choice)).run()

    def _withdrawn(self, child: Child, choice: Withdrawal) -> None:
        self._changed(
            f"Consent for {child.name} withdrawn: their data is no longer used or synced."
        )
        if choice is Withdrawal.WITHDRAW_AND_ERASE:
            self._ask_to_erase(child)
        elif choice is Withdrawal.WITHDRAW_AND_EXPORT:
            self.dialog = ask_where(self, child, partial(save_export, self.ctx, self, child))

    def _confirm_erase(self, child: Child, backups: int) -> None:
        """The warning: what goes, where, and that backups holding the child are rewritten."""
        rewritten = (
            f"\n\n{backups} backup(s) hold {child.name}: they will be rewritten without them "
            "(a damaged one is deleted)."
            if backups
            else ""
        )
        answer = QMessageBox.question(
            self,
            f"Erase {child.name}?",
            f"Erase {child.name} and everything kept about them: their worksheets, answers, "
            "progress and certificates, on this computer, in its backups and on every device "
            f"you sync with.{rewritten}\n\n"
            "This cannot be undone. To only hide them from lists, use Archive instead.",
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            QMessageBox.StandardButton.No,
        )
        if answer != QMessageBox.StandardButton.Yes:
            return
        child_id, name = child.id or "", child.name
        Op(self.ctx, lambda store, _p: store.children.erase(child_id), self).success(
            lambda _rewrite: self._changed(f"Erased {name} and everything kept about them.")
        ).run()

    def _open(self, dialog: QDialog) -> None:
        self.dialog = dialog
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()

    def _changed(self, message: str) -> None:
        self.ctx.status(message)
        self.ctx.changed("children")
        self.refresh()
