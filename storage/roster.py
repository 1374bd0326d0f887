"""Roster CSV import: every row checked first; one bad row means nothing is imported.

Columns (header names are matched loosely): name, grade (3, "Class 3", "III"), and an optional
roll number. UTF-8 with or without a byte-order mark; blank lines are skipped; quoted fields may
hold commas. Columns may be separated by commas, semicolons (Excel in many European locales
saves "CSV" so) or tabs: the separator is the one that makes the header name the columns.
Problems name the line of the file they are on; a file with a header but no rows is one.

The children are kept on the school's basis (see `storage.consent`), confirmed once per class.
"""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from pydantic import ValidationError

from curriculum.wording import count
from storage.consent import ConsentBasis, ConsentRequired
from storage.errors import InvalidInput, NotFoundError
from storage.records import Child, TeacherClass, invalid_input

if TYPE_CHECKING:
    from storage.database import Store

HEADERS = {
    "name": ("name", "child", "child name", "student", "student name", "full name"),
    "grade": ("grade", "class", "std", "standard"),
    "roll_number": ("roll number", "roll no", "roll no.", "roll", "roll_number", "roll_no"),
}
MAX_BYTES = 5_000_000
DELIMITERS = (",", ";", "\t")


@dataclass(frozen=True)
class RosterRow:
    line: int
    child: Child


@dataclass(frozen=True)
class RosterProblem:
    line: int
    message: str

    def __str__(self) -> str:
        return f"line {self.line}: {self.message}"


@dataclass(frozen=True)
class RosterLine:
    """One line of the file as a preview shows it: what was read, and its problem if any."""

    line: int
    name: str
    grade: str
    roll_number: str
    problem: str | None = None


@dataclass
class RosterPreview:
    """What importing the file would do, shown before anything is written."""

    path: Path
    rows: list[RosterRow] = field(default_factory=list)
    problems: list[RosterProblem] = field(default_factory=list)
    cells: dict[int, dict[str, str]] = field(default_factory=dict, repr=False)
    seen: dict[tuple[str, int, str], int] = field(default_factory=dict, repr=False)

    def summary(self, limit: int = 3) -> str:
        shown = "; ".join(str(p) for p in self.problems[:limit])
        more = len(self.problems) - limit
        return f"{self.path.name}: {shown}" + (f"; and {more} more" if more > 0 else "")


@dataclass(frozen=True)
class RosterImport:
    added: list[Child]
    already_there: list[Child]
    school_class: TeacherClass | None

    def describe(self) -> str:
        """What happened, in a sentence or two for the teacher."""
        where = f" into class {self.school_class.name}" if self.school_class else ""
        text = f"Imported {count(len(self.added), 'child', 'children')}{where}."
        there = len(self.already_there)
        if there:
            verb = "was" if there == 1 else "were"
            text += (
                f" {count(there, 'child was', 'children were')} already there and {verb} "
                "not added again."
            )
        return text


def read_roster(path: Path) -> RosterPreview:
    """Parse and check every row of a roster file; writes nothing."""
    preview = RosterPreview(path)
    text = _read_text(path)
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=_delimiter(text))
    columns: dict[str, int] | None = None
    header_line = 1
    while True:
        line = reader.line_num + 1
        try:
            cells = next(reader)
        except StopIteration:
            break
        except csv.Error as error:
            preview.problems.append(RosterProblem(line, f"not valid CSV ({error})"))
            break
        if not any(cell.strip() for cell in cells):
            continue
        if columns is None:
            columns, header_line = _header(cells, line, preview), line
            if columns is None:
                break
            continue
        _read_row(cells, columns, line, preview)
    if columns is None and not preview.problems:
        preview.problems.append(RosterProblem(1, "the file has no header row (name, grade)"))
    elif columns is not None and not preview.cells and not preview.problems:
        message = "the file has a header but no children under it: add one row per child"
        preview.problems.append(RosterProblem(header_line, message))
    return preview


def _delimiter(text: str) -> str:
    """The separator that makes the first non-blank line a header naming name and grade."""
    first = next((line for line in text.splitlines() if line.strip()), "")
    for delimiter in DELIMITERS:
        cells = next(csv.reader([first], delimiter=delimiter), [])
        if _columns(cells).keys() >= {"name", "grade"}:
            return delimiter
    return ","


def _read_text(path: Path) -> str:
    try:
        raw = path.read_bytes()
    except OSError as error:
        raise InvalidInput(f"cannot read {path}: {error.strerror}") from None
    if len(raw) > MAX_BYTES:
        raise InvalidInput(f"{path.name} is larger than {MAX_BYTES // 1_000_000} MB")
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        line = raw[: error.start].count(b"\n") + 1
        raise InvalidInput(
            f"{path.name}: line {line}: not UTF-8 text; save the file as 'CSV UTF-8'"
        ) from None


def _columns(cells: list[str]) -> dict[str, int]:
    names = [" ".join(c.strip().lower().replace("_", " ").split()) for c in cells]
    columns = {}
    for key, aliases in HEADERS.items():
        for index, name in enumerate(names):
            if name in aliases or name.replace(" ", "_") in aliases:
                columns[key] = index
                break
    return columns


def _header(cells: list[str], line: int, preview: RosterPreview) -> dict[str, int] | None:
    columns = _columns(cells)
    missing = [key for key in ("name", "grade") if key not in columns]
    if missing:
        preview.problems.append(
            RosterProblem(
                line,
                f"the header must name the columns name and grade (missing: {', '.join(missing)}; "
                "columns are separated by commas, semicolons or tabs)",
            )
        )
        return None
    return columns


def _read_row(cells: list[str], columns: dict[str, int], line: int, preview: RosterPreview) -> None:
    values = {
        key: cells[index].strip() if index < len(cells) else "" for key, index in columns.items()
    }
    preview.cells[line] = dict(values)
    if not values.get("roll_number"):
        values.pop("roll_number", None)
    try:
        child = Child.model_validate(values)
    except ValidationError as error:
        preview.problems.append(RosterProblem(line, str(invalid_input(error))))
        return
    twin = preview.seen.setdefault(_key(child), line)
    if twin != line:
        message = f"the same child as line {twin} (add roll numbers to tell them apart)"
        preview.problems.append(RosterProblem(line, message))
        return
    preview.rows.append(RosterRow(line, child))


def preview_lines(preview: RosterPreview) -> list[RosterLine]:
    """Every line read, good and bad, in file order; a bad line carries its problem.

    Good lines show the values as they will be kept (grade "III" as 3); bad ones as written.
    """
    problems = {p.line: str(p) for p in preview.problems}
    good = {row.line: row.child for row in preview.rows}
    lines = []
    for number in sorted(set(preview.cells) | set(problems)):
        child = good.get(number)
        if child is not None:
            lines.append(RosterLine(number, child.name, str(child.grade), child.roll_number or ""))
            continue
        raw = preview.cells.get(number, {})
        lines.append(
            RosterLine(
                number,
                raw.get("name", ""),
                raw.get("grade", ""),
                raw.get("roll_number", ""),
                problems.get(number),
            )
        )
    return lines


def _key(child: Child) -> tuple[str, int, str]:
    return (child.name.casefold(), child.grade, child.roll_number or "")


def import_roster(
    store: Store,
    preview: RosterPreview,
    class_name: str | None = None,
    basis: ConsentBasis | None = None,
) -> RosterImport:
    """Add the previewed children (and put them in the class) in one transaction.

    Each new child gets a consent record on `basis` (the school's, confirmed by the person
    responsible); without one, the basis already confirmed for the class covers them, and with
    neither nothing is imported (ConsentRequired). Children already in the class (or, without a
    class, already kept) with the same name and grade are not added twice, so importing the
    same file again is harmless.
    """
    if preview.problems:
        raise InvalidInput(preview.summary() + " — nothing was imported")
    school_class = _class_for(store, preview, class_name) if class_name else None
    basis = basis or _basis_of(store, school_class)
    fresh, already = _new_children(store, preview, school_class)
    with store.write() as writer:
        if school_class and school_class.id is None:
            school_class = store.classes.add(school_class)
        added = store.children.add_many(fresh, basis) if fresh else []
        if school_class is not None and school_class.id:
            for child in added:
                store.classes.join(writer, school_class.id, child.id or "", child.roll_number)
    return RosterImport(added, already, school_class)


def already_kept(store: Store, preview: RosterPreview, class_name: str | None) -> int:
    """How many of the file's children importing would leave as they are: already in the
    class (or, without a class, already kept). Writes nothing."""
    school_class = None
    if class_name:
        try:
            school_class = store.classes.by_name(class_name)
        except NotFoundError:
            return 0  # a new class has no one in it yet
    return len(_new_children(store, preview, school_class)[1])


def _basis_of(store: Store, school_class: TeacherClass | None) -> ConsentBasis:
    found = None
    if school_class is not None and school_class.id:
        found = store.consents.school_basis_of_class(school_class.id)
    if found is None:
        raise ConsentRequired(
            "a roster's children are kept on the school's basis, which the person responsible "
            "confirms once per class after reading the notice; nothing was imported"
        )
    return found


def _new_children(
    store: Store, preview: RosterPreview, school_class: TeacherClass | None
) -> tuple[list[Child], list[Child]]:
    """(children to add, children already kept) for the rows of the file."""
    if school_class is None:
        existing = store.children.all(include_archived=True)
    else:
        existing = store.classes.members(school_class.id) if school_class.id else []
    known = {_key(c): c for c in existing}
    fresh, already = [], []
    for row in preview.rows:
        twin = known.get(_key(row.child))
        if twin is None:
            fresh.append(row.child)
        else:
            already.append(twin)
    return fresh, already


def _class_for(store: Store, preview: RosterPreview, name: str) -> TeacherClass:
    """The named class, or a new one (not yet saved) when every child is in one grade."""
    try:
        return store.classes.by_name(name)
    except NotFoundError:
        grades = {row.child.grade for row in preview.rows}
        if len(grades) != 1:
            raise InvalidInput(
                f"there is no class named {name!r} and the roster has several grades; "
                "create the class first with `practicecraft class add`"
            ) from None
        return TeacherClass(name=name, grade=grades.pop())
