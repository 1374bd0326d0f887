"""Importing a class roster: every row previewed and checked before anything is kept, and the
children kept on the school's basis, confirmed once per class after reading its notice."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from desktop.context import AppContext
from desktop.pages.consent_widgets import SchoolBasisBox
from desktop.pages.people_widgets import ERROR_STYLE, cell, filling, hint, table
from desktop.pages.roster_plan import grade_mismatches, plan_text
from desktop.tasks import Op
from storage.consent import ConsentBasis
from storage.database import Store
from storage.records import TeacherClass
from storage.roster import (
    RosterImport,
    RosterLine,
    RosterPreview,
    already_kept,
    import_roster,
    preview_lines,
    read_roster,
)

BAD_ROW = QColor("#fde7e9")
NEW_CLASS = "new"


@dataclass(frozen=True)
class RosterCheck:
    preview: RosterPreview
    lines: list[RosterLine]


def check_roster(path: Path) -> RosterCheck:
    """Runs on the worker: read and check every row of the file; writes nothing."""
    preview = read_roster(path)
    return RosterCheck(preview, preview_lines(preview))


def class_bases(store: Store, classes: list[TeacherClass]) -> dict[str, str]:
    """Runs on the worker: who confirmed each class's school basis, by class name."""
    found = {}
    for school_class in classes:
        basis = store.consents.school_basis_of_class(school_class.id or "")
        if basis is not None:
            found[school_class.name] = basis.guardian_name
    return found


def import_with_basis(
    store: Store, preview: RosterPreview, class_name: str | None, responsible: str | None
) -> RosterImport:
    """Runs on the worker: the school's basis confirmed now, or (None) the class's own."""
    basis = ConsentBasis.school(responsible) if responsible else None
    return import_roster(store, preview, class_name, basis)


class RosterImportDialog(QDialog):
    def __init__(
        self,
        ctx: AppContext,
        classes: list[TeacherClass],
        on_imported: Callable[[RosterImport], None],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.on_imported = on_imported
        self.check: RosterCheck | None = None
        self.classes = {c.name: c for c in classes}
        self.setWindowTitle("Import a class roster")
        self.resize(
            self.fontMetrics().horizontalAdvance("M") * 60, self.fontMetrics().height() * 44
        )
        layout = QVBoxLayout(self)
        layout.addLayout(self._file_row())
        layout.addWidget(
            hint(
                "A CSV file with the columns name and grade (3, Class 3 or III), and optionally "
                "roll number. Every row is checked first; nothing is added until all are right."
            )
        )
        self.rows = table(("Line", "Name", "Grade", "Roll number", "Problem"), stretch=4)
        layout.addWidget(self.rows, 1)
        self.summary = QLabel("Choose a file to see its children here before importing.")
        self.summary.setWordWrap(True)
        layout.addWidget(self.summary)
        layout.addLayout(self._class_row(classes))
        self.basis = SchoolBasisBox(self, ems=54)
        layout.addWidget(self.basis)
        layout.addWidget(self._buttons())
        self.bases: dict[str, str] = {}
        Op(ctx, lambda store, _p: class_bases(store, classes), self).success(
            self._bases_loaded
        ).quietly().run()

    def _file_row(self) -> QHBoxLayout:
        row = QHBoxLayout()
        choose = QPushButton("&Choose file…")
        choose.clicked.connect(self.choose_file)
        self.file_label = QLabel("No file chosen")
        row.addWidget(choose)
        row.addWidget(self.file_label, 1)
        return row

    def _class_row(self, classes: list[TeacherClass]) -> QHBoxLayout:
        self.school_class = QComboBox()
        self.school_class.addItem("Don't put them in a class", None)
        for school_class in classes:
            self.school_class.addItem(
                f"{school_class.name} (Class {school_class.grade})", school_class.name
            )
        self.school_class.addItem("A new class…", NEW_CLASS)
        self.new_class = QLineEdit()
        self.new_class.setPlaceholderText("new class name, e.g. 3A")
        self.new_class.hide()
        self.school_class.currentIndexChanged.connect(self._class_chosen)
        row = QHBoxLayout()
        label = QLabel("Put them in &class")
        label.setBuddy(self.school_class)
        row.addWidget(label)
        row.addWidget(self.school_class)
        row.addWidget(self.new_class)
        row.addStretch(1)
        return row

    def _class_chosen(self) -> None:
        chosen = self.school_class.currentData()
        self.new_class.setVisible(chosen == NEW_CLASS)
        name = chosen if isinstance(chosen, str) and chosen != NEW_CLASS else None
        self.basis.cover(name, self.bases.get(name or ""))
        if self.check is not None:
            self._summarise(self.check)

    def _bases_loaded(self, bases: dict[str, str]) -> None:
        self.bases = bases
        self._class_chosen()

    def _buttons(self) -> QDialogButtonBox:
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel, self)
        self.import_button = buttons.addButton("&Import", QDialogButtonBox.ButtonRole.AcceptRole)
        self.import_button.setEnabled(False)
        buttons.accepted.connect(self.import_children)
        buttons.rejected.connect(self.reject)
        return buttons

    def choose_file(self) -> None:
        path, _filter = QFileDialog.getOpenFileName(
            self, "Choose a class roster", str(Path.home()), "CSV files (*.csv);;All files (*)"
        )
        if path:
            self.open_roster(Path(path))

    def open_roster(self, path: Path) -> None:
        """Read and check the file in the background, then show every row."""
        self.check = None
        self.import_button.setEnabled(False)
        self.file_label.setText(path.name)
        self.summary.setText(f"Reading {path.name}…")
        Op(self.ctx, lambda _store, _p: check_roster(path), self).success(self._show).failure(
            self._unreadable
        ).run()

    def _unreadable(self, error: BaseException) -> None:
        self.rows.setRowCount(0)
        self._say_problem(f"{error}\n\nSave the file as “CSV UTF-8” and open it again.")

    def _say_problem(self, text: str) -> None:
        self.summary.setText(text)
        self.summary.setStyleSheet(ERROR_STYLE)

    def _show(self, check: RosterCheck) -> None:
        self.check = check
        with filling(self.rows):
            self.rows.setRowCount(len(check.lines))
            for row, line in enumerate(check.lines):
                self._show_line(row, line)
        self._summarise(check)

    def _show_line(self, row: int, line: RosterLine) -> None:
        values = (str(line.line), line.name, line.grade, line.roll_number, line.problem or "")
        for column, text in enumerate(values):
            item = cell(text)
            if line.problem:
                item.setBackground(QBrush(BAD_ROW))
                item.setToolTip(line.problem)
            self.rows.setItem(row, column, item)

    def _summarise(self, check: RosterCheck) -> None:
        problems = check.preview.problems
        if problems and not check.preview.cells:  # nothing read: the file itself is the problem
            self._say_problem(
                f"{'; '.join(str(p) for p in problems)}. Fix the file and open it again."
            )
        elif problems:
            lines = "; ".join(str(p) for p in problems[:3])
            more = f" and {len(problems) - 3} more" if len(problems) > 3 else ""
            count = "1 row needs" if len(problems) == 1 else f"{len(problems)} rows need"
            self._say_problem(
                f"{count} fixing ({lines}{more}). Fix the file and open it again — nothing is "
                "imported until every row is right."
            )
        elif not check.preview.rows:
            self._say_problem("The file has no children in it.")
        else:
            self._plan(check.preview)
            return
        self.import_button.setEnabled(False)

    def _plan(self, preview: RosterPreview) -> None:
        """Say what importing will do (new children, children already there), or why the
        rows cannot join the chosen class; the Import button follows."""
        self.import_button.setEnabled(False)
        chosen = self.school_class.currentData()
        mismatch = grade_mismatches(preview, self.classes.get(str(chosen)))
        if mismatch:
            self._say_problem(mismatch)
            return
        name = self.class_name()
        Op(self.ctx, lambda store, _p: already_kept(store, preview, name), self).success(
            lambda already: self._planned(preview, name, already)
        ).run()

    def _planned(self, preview: RosterPreview, name: str | None, already: int) -> None:
        if self.check is None or self.check.preview is not preview or self.class_name() != name:
            return  # another file or class was chosen meanwhile
        self.summary.setStyleSheet("")
        self.summary.setText(plan_text(len(preview.rows), already, name))
        self.import_button.setEnabled(already < len(preview.rows))

    def class_name(self) -> str | None:
        chosen = self.school_class.currentData()
        if chosen == NEW_CLASS:
            return self.new_class.text().strip() or None
        return str(chosen) if chosen else None

    def import_children(self) -> None:
        """Add every child of the checked file (and put them in the class chosen)."""
        check = self.check
        if check is None or check.preview.problems or not check.preview.rows:
            return
        problem = self._new_class_problem(check) or self.basis.problem()
        if problem:
            self._say_problem(problem)
            return
        class_name = self.class_name()
        responsible = None if self.basis.is_covered else self.basis.responsible.text()
        self.import_button.setEnabled(False)
        Op(
            self.ctx,
            lambda store, _p: import_with_basis(store, check.preview, class_name, responsible),
            self,
        ).success(self._imported).failure(self._not_imported).run()

    def _new_class_problem(self, check: RosterCheck) -> str | None:
        if self.school_class.currentData() != NEW_CLASS:
            return None
        if not self.class_name():
            return "Write a name for the new class, or choose another."
        grades = sorted({row.child.grade for row in check.preview.rows})
        if len(grades) > 1:
            return (
                f"The file has children of several grades ({', '.join(map(str, grades))}), so "
                "they cannot all join one new class. Add the class on the Classes page first, "
                "or import them without a class."
            )
        return None

    def _imported(self, result: RosterImport) -> None:
        self.accept()
        self.on_imported(result)

    def _not_imported(self, error: BaseException) -> None:
        self.import_button.setEnabled(True)
        self._say_problem(f"{error}\n\nNothing was imported.")
