"""Roster import: real classroom files, and one bad row means nothing is imported."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from storage.consent import SCHOOL_NOTICE, SCHOOL_RELATION, ConsentRequired
from storage.database import Store
from storage.errors import InvalidInput
from storage.records import Child, notice_sha256
from storage.roster import RosterRow, import_roster, read_roster
from tests.conftest import SCHOOL, outbox


def _write(tmp_path: Path, text: str, bom: bool = False, name: str = "roster.csv") -> Path:
    path = tmp_path / name
    path.write_bytes((b"\xef\xbb\xbf" if bom else b"") + text.encode("utf-8"))
    return path


GOOD = "\n".join(
    [
        "Name,Grade,Roll No",
        "आशा वर्मा,3,1",
        "",
        "முருகன் செல்வம்,3,2",
        '"Khan, Fatima",Class 3,3',
        "  ",
        "Rohan Das,III,4",
    ]
)


def test_unicode_names_quoted_commas_bom_and_blank_lines_import(
    tmp_path: Path, store: Store
) -> None:
    preview = read_roster(_write(tmp_path, GOOD, bom=True))
    assert preview.problems == []
    result = import_roster(store, preview, "3A", SCHOOL)
    names = [c.name for c in store.classes.members(result.school_class.id or "")]
    assert sorted(names) == sorted(["आशा वर्मा", "முருகன் செல்வம்", "Khan, Fatima", "Rohan Das"])
    assert {c.grade for c in store.children.all()} == {3}
    assert {c.roll_number for c in store.children.all()} == {"1", "2", "3", "4"}


def test_bad_grade_on_line_7_is_reported_and_nothing_is_imported(
    tmp_path: Path, store: Store
) -> None:
    lines = [
        "name,grade",  # line 1
        "Asha,3",
        "Ravi,3",
        "",
        "Meera,3",
        "Kabir,3",
        "Diya,thirteen",  # line 7
        "Ishaan,3",
    ]
    text = "\n".join(lines) + "\n"
    preview = read_roster(_write(tmp_path, text))
    assert [(p.line, "grade" in p.message) for p in preview.problems] == [(7, True)]
    with pytest.raises(InvalidInput, match="line 7"):
        import_roster(store, preview, "3A", SCHOOL)
    assert store.children.all() == [] and store.classes.all() == [] and outbox(store) == []


def test_line_numbers_count_quoted_fields_that_span_lines(tmp_path: Path) -> None:
    text = 'name,grade\n"Asha\nVerma",3\nRavi,0\n'
    problems = read_roster(_write(tmp_path, text)).problems
    assert [p.line for p in problems] == [4]


def test_every_bad_row_is_reported(tmp_path: Path) -> None:
    text = "name,grade\n,3\nRavi,14\nMeera,3\n"
    problems = read_roster(_write(tmp_path, text)).problems
    assert [p.line for p in problems] == [2, 3]


def test_missing_header_columns_are_named(tmp_path: Path) -> None:
    problems = read_roster(_write(tmp_path, "student,section\nAsha,A\n")).problems
    assert problems and "grade" in problems[0].message and problems[0].line == 1


def test_a_file_that_is_not_utf8_names_its_line(tmp_path: Path) -> None:
    path = tmp_path / "roster.csv"
    path.write_bytes(b"name,grade\nAsha,3\nR\xe9my,3\n")
    with pytest.raises(InvalidInput, match="line 3"):
        read_roster(path)


def test_the_same_child_twice_in_one_file_is_reported(tmp_path: Path) -> None:
    problems = read_roster(_write(tmp_path, "name,grade\nAsha,3\nasha,3\n")).problems
    assert [(p.line, "line 2" in p.message) for p in problems] == [(3, True)]


def test_importing_the_same_roster_again_adds_no_one_twice(tmp_path: Path, store: Store) -> None:
    path = _write(tmp_path, GOOD)
    import_roster(store, read_roster(path), "3A", SCHOOL)
    again = import_roster(store, read_roster(path), "3A", SCHOOL)
    assert again.added == [] and len(again.already_there) == 4
    assert len(store.children.all()) == 4


def test_a_roster_with_several_grades_needs_an_existing_class(tmp_path: Path, store: Store) -> None:
    preview = read_roster(_write(tmp_path, "name,grade\nAsha,3\nRavi,4\n"))
    with pytest.raises(InvalidInput, match="class add"):
        import_roster(store, preview, "Mixed", SCHOOL)
    assert store.children.all() == []


# --- Files as spreadsheets save them ----------------------------------------------------------


def test_a_semicolon_separated_roster_from_excel_imports(tmp_path: Path, store: Store) -> None:
    path = _write(
        tmp_path, "Name;Grade;Roll No\r\nKhan, Fatima;3;1\r\nRohan Das;III;2\r\n", bom=True
    )
    preview = read_roster(path)
    assert preview.problems == []
    assert [(r.child.name, r.child.grade, r.child.roll_number) for r in preview.rows] == [
        ("Khan, Fatima", 3, "1"),
        ("Rohan Das", 3, "2"),
    ]


def test_a_tab_separated_roster_imports(tmp_path: Path) -> None:
    preview = read_roster(_write(tmp_path, "name\tgrade\nAsha Verma\t3\n"))
    assert [(r.child.name, r.child.grade) for r in preview.rows] == [("Asha Verma", 3)]


def test_a_roster_with_only_a_header_says_it_has_no_children(tmp_path: Path) -> None:
    problems = read_roster(_write(tmp_path, "name,grade,roll number\n\n")).problems
    assert [p.line for p in problems] == [1]
    assert "no children" in problems[0].message


def test_a_name_with_a_control_character_is_refused_on_its_line(tmp_path: Path) -> None:
    problems = read_roster(_write(tmp_path, "name,grade\nAsha,3\nRavi\x1b[31m,3\n")).problems
    assert [p.line for p in problems] == [3]
    assert "name contains an escape character" in problems[0].message


# --- Consent: a roster is kept on the school's basis, confirmed once per class ---------------


def test_every_imported_child_has_the_schools_consent_record(tmp_path: Path, store: Store) -> None:
    result = import_roster(store, read_roster(_write(tmp_path, GOOD)), "3A", SCHOOL)
    for child in result.added:
        [record] = store.consents.for_child(child.id or "")
        assert (record.guardian_name, record.relation) == ("R. Sharma, Principal", SCHOOL_RELATION)
        assert record.notice_sha256 == notice_sha256(SCHOOL_NOTICE)
        assert record.notice_version.startswith("school-") and record.app_version == "test"
    assert len(result.added) == 4


def test_a_roster_without_a_basis_imports_nothing(tmp_path: Path, store: Store) -> None:
    with pytest.raises(ConsentRequired):
        import_roster(store, read_roster(_write(tmp_path, GOOD)), "3A")
    assert store.children.all() == [] and store.classes.all() == [] and outbox(store) == []


def test_a_class_whose_basis_is_recorded_covers_a_later_roster(
    tmp_path: Path, store: Store
) -> None:
    import_roster(store, read_roster(_write(tmp_path, "name,grade\nAsha,3\n")), "3A", SCHOOL)
    later = import_roster(store, read_roster(_write(tmp_path, "name,grade\nRavi,3\n")), "3A")
    [record] = store.consents.for_child(later.added[0].id or "")
    assert (record.guardian_name, record.relation) == ("R. Sharma, Principal", SCHOOL_RELATION)


def test_a_roster_whose_writing_fails_part_way_leaves_nothing_behind(
    tmp_path: Path, store: Store
) -> None:
    # The second line behind the check of every row first: should writing itself fail after the
    # class and the first children are written (here two rows carry one id, so the second insert
    # is refused), the class, the children, their consents and the outbox all stay as they were.
    preview = read_roster(_write(tmp_path, "name,grade\nAsha,3\nRavi,3\n"))
    twin = Child(id="0190f0c0-0000-7000-8000-000000000001", name="Kabir", grade=3)
    preview.rows.extend(
        [RosterRow(4, twin), RosterRow(5, twin.model_copy(update={"name": "Diya"}))]
    )
    with pytest.raises(sqlite3.IntegrityError):
        import_roster(store, preview, "3A", SCHOOL)
    assert store.children.all() == [] and store.classes.all() == [] and outbox(store) == []
    assert store.query("SELECT COUNT(*) AS n FROM guardian_consents")[0]["n"] == 0
