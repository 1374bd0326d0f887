"""Bad input refused at the door on the command line: one plain line, exit 2, nothing kept;
and an own bank that made it in before can be listed and removed."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from practicecraft.cli import main
from storage.database import Store
from storage.paths import local_database_path
from storage.tables import CUSTOM_SKILLS

Result = tuple[int, str, str]
GUARDIAN = ("--guardian", "Sunita Verma", "--relation", "Mother", "--yes")


@pytest.fixture
def data_dir(tmp_path: Path) -> Path:
    return tmp_path / "data"


@pytest.fixture
def run(data_dir: Path, capsys: pytest.CaptureFixture[str]):  # type: ignore[no-untyped-def]
    def invoke(*args: str) -> Result:
        with pytest.raises(SystemExit) as exited:
            # The first command starts the data folder, as `--create` (or the window) does.
            create = [] if data_dir.exists() else ["--create"]
            main(["--data-dir", str(data_dir), *create, *args])
        captured = capsys.readouterr()
        return int(exited.value.code or 0), captured.out, captured.err

    return invoke


def _one_line_error(result: Result) -> str:
    code, _, err = result
    assert code == 2, err
    assert err.count("\n") == 1 and err.startswith("practicecraft: error: ")
    assert "Traceback" not in err
    return err


def _bank(tmp_path: Path, tag: str = "custom.c3.trees", **first: Any) -> Path:
    rows = [
        {"id": f"t{i}", "skill": tag, "type": "true_false", "prompt": f"Tree {i}?"}
        | {"answer": "True", "chapter": "Trees of Pune", "skill_title": "Our trees"}
        for i in range(6)
    ]
    rows[0].update(first)
    path = tmp_path / "trees.jsonl"
    path.write_text("\n".join(json.dumps(r) for r in rows) + "\n", encoding="utf-8")
    return path


# --- item banks -----------------------------------------------------------------------------


def test_a_bank_whose_hint_cannot_be_a_skills_note_is_refused_and_nothing_breaks(  # type: ignore[no-untyped-def]
    run, tmp_path: Path
) -> None:
    err = _one_line_error(run("bank", "import", str(_bank(tmp_path, hint="x" * 1000))))
    assert "trees.jsonl:1: hint:" in err and "600" in err and "nothing was imported" in err
    code, out, _ = run("syllabus", "list", "--grade", "3", "--subject", "maths")
    assert code == 0 and "MATHS Class 3" in out


@pytest.mark.parametrize(
    ("text", "said"),
    [
        ("[" * 100_000 + "]" * 100_000, "nested too deeply"),
        ('{"id": "a", "difficulty": ' + "9" * 5000 + "}", "too many digits"),
    ],
)
def test_hostile_json_in_a_bank_is_one_line(run, tmp_path: Path, text: str, said: str) -> None:  # type: ignore[no-untyped-def]
    path = tmp_path / "bad.jsonl"
    path.write_text(text + "\n", encoding="utf-8")
    err = _one_line_error(run("bank", "import", str(path)))
    assert "bad.jsonl:1: " in err and said in err


def test_a_bank_import_says_where_it_backed_up_first(run, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    code, out, _ = run("bank", "import", str(_bank(tmp_path)))
    assert code == 0 and "Imported 6 new questions (0 already there) and 1 new skill." in out
    backup = Path(out.split("backed up first, to ")[1].strip())
    assert backup.exists() and backup.parent.name == "backups"


def test_bank_list_shows_own_skills_with_their_questions(run, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    run("bank", "import", str(_bank(tmp_path)))
    code, out, _ = run("bank", "list")
    assert code == 0 and "custom.c3.trees" in out and "6 questions" in out
    listed = json.loads(run("bank", "list", "--json")[1])
    assert listed["skills"] == [
        {
            "tag": "custom.c3.trees",
            "grade": 3,
            "chapter": "Trees of Pune",
            "title": "Our trees",
            "questions": 6,
        }
    ]
    assert listed["unusable"] == []


def test_bank_remove_takes_a_skill_and_its_questions_away(run, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    run("bank", "import", str(_bank(tmp_path)))
    code, out, _ = run("bank", "remove", "custom.c3.trees", "--yes")
    assert code == 0 and "Removed 6 questions and 1 skill." in out
    assert json.loads(run("bank", "list", "--json")[1])["skills"] == []
    code, _, _ = run("questions", "--skill", "custom.c3.trees", "--count", "2")
    assert code == 2


def test_bank_remove_of_a_file_takes_its_questions_away(run, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    bank = _bank(tmp_path)
    run("bank", "import", str(bank))
    code, out, _ = run("bank", "remove", "--file", str(bank), "--yes")
    assert code == 0 and "Removed 6 questions and 1 skill." in out


def test_bank_remove_of_an_unknown_name_is_one_line(run) -> None:  # type: ignore[no-untyped-def]
    err = _one_line_error(run("bank", "remove", "custom.c3.nothing", "--yes"))
    assert "custom.c3.nothing" in err


def test_an_old_database_with_a_note_too_long_still_works_and_can_be_mended(  # type: ignore[no-untyped-def]
    run, data_dir: Path, tmp_path: Path
) -> None:
    with Store.open(local_database_path(data_dir)) as store, store.write() as writer:
        row = ("custom.c3.trees", "custom", 3, "Trees", "Our trees", "x" * 1000)
        writer.insert(CUSTOM_SKILLS, [row], ["old-skill"])
    assert run("syllabus", "list", "--subject", "maths", "--grade", "3")[0] == 0
    code, out, _ = run("bank", "list")
    assert "cannot be used" in out and "custom.c3.trees" in out and "600" in out
    code, out, _ = run("db", "check")
    assert code == 1 and "custom.c3.trees" in out
    assert run("bank", "remove", "custom.c3.trees", "--yes")[0] == 0
    assert run("db", "check")[0] == 0


# --- rosters --------------------------------------------------------------------------------


def test_a_semicolon_roster_from_excel_imports(run, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    roster = tmp_path / "3a.csv"
    roster.write_text("Name;Grade\r\nAsha Verma;3\r\n", encoding="utf-8-sig")
    code, out, _ = run("child", "import", str(roster), "--school-basis", "R. Sharma", "--yes")
    assert code == 0 and "Imported 1 child." in out


def test_a_roster_with_only_a_header_is_refused(run, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    roster = tmp_path / "3a.csv"
    roster.write_text("name,grade,roll number\n", encoding="utf-8")
    err = _one_line_error(run("child", "import", str(roster), "--school-basis", "R. Sharma"))
    assert "no children" in err


# --- messages in the user's words -----------------------------------------------------------


def test_an_unknown_child_is_named_in_plain_words(run) -> None:  # type: ignore[no-untyped-def]
    err = _one_line_error(run("child", "archive", "nope"))
    assert err == "practicecraft: error: there is no child with id nope\n"


def test_an_impossible_date_of_birth_is_said_plainly(run) -> None:  # type: ignore[no-untyped-def]
    err = _one_line_error(
        run("child", "add", "--name", "Asha", "--grade", "3", "--dob", "2019-02-30", *GUARDIAN)
    )
    assert err == "practicecraft: error: date of birth: 2019-02-30 is not a real date\n"


def test_a_name_with_a_nul_is_refused(run) -> None:  # type: ignore[no-untyped-def]
    err = _one_line_error(run("child", "add", "--name", "Asha\x00", "--grade", "3", *GUARDIAN))
    assert "name contains a NUL character" in err
    assert json.loads(run("child", "list", "--json")[1]) == []


def test_a_grade_of_5000_digits_is_one_short_line(run) -> None:  # type: ignore[no-untyped-def]
    err = _one_line_error(run("child", "add", "--name", "Asha", "--grade", "9" * 5000, *GUARDIAN))
    assert len(err) < 120


def test_a_mark_number_of_5000_digits_is_one_line(run, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    roster = tmp_path / "3a.csv"
    roster.write_text("name,grade\nAsha,3\n", encoding="utf-8")
    run("child", "import", str(roster), "--class", "3A", "--school-basis", "R. Sharma", "--yes")
    code, out, err = run(
        "worksheet", "create", "--class", "3A", "--subject", "maths", "--chapters", "1", "--count", "5",
        "--out", str(tmp_path / "sheet.pdf"),
    )  # fmt: skip
    assert code == 0, err
    sheet = out.split()[0]
    _one_line_error(run("grade", sheet, "--mark", "9" * 5000 + "=1"))


def test_importing_a_roster_twice_says_who_was_already_there_in_good_english(  # type: ignore[no-untyped-def]
    run, tmp_path: Path
) -> None:
    roster = tmp_path / "3a.csv"
    roster.write_text("name,grade\nAsha,3\n", encoding="utf-8")
    basis = ("--class", "3A", "--school-basis", "R. Sharma", "--yes")
    run("child", "import", str(roster), *basis)
    code, out, _ = run("child", "import", str(roster), *basis)
    assert code == 0
    assert out.strip() == (
        "Imported 0 children into class 3A. 1 child was already there and was not added again."
    )
