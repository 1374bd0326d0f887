"""The command line: what a teacher types, what they see, and the exit codes."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

from practicecraft.cli import main
from practicecraft.cli.main import cli

Result = tuple[int, str, str]
CONSENT = ("--guardian", "Sunita Verma", "--relation", "Mother", "--yes")


@pytest.fixture
def run(tmp_path: Path, capsys: pytest.CaptureFixture[str]):  # type: ignore[no-untyped-def]
    data_dir = tmp_path / "data"

    def invoke(*args: str) -> Result:
        with pytest.raises(SystemExit) as exited:
            # The first command starts the data folder, as `--create` (or the window) does.
            create = [] if data_dir.exists() else ["--create"]
            main(["--data-dir", str(data_dir), *create, *args])
        captured = capsys.readouterr()
        return int(exited.value.code or 0), captured.out, captured.err

    return invoke


def test_child_add_prints_the_new_id_and_db_check_counts_its_mutation(run) -> None:  # type: ignore[no-untyped-def]
    code, out, _ = run("child", "add", "--name", "Asha", "--grade", "3", *CONSENT)
    assert code == 0
    child_id = out.strip()
    assert re.fullmatch(
        r"[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}", child_id
    )
    code, out, _ = run("db", "check", "--json")
    report = json.loads(out)
    assert code == 0 and report["ok"]
    assert report["outbox_pending"] == 2 and report["outbox_by_table"] == {
        "children.insert": 1,
        "guardian_consents.insert": 1,
    }
    code, out, _ = run("db", "check")
    assert "outbox: 2 pending mutations (children.insert 1, guardian_consents.insert 1)" in out


def test_child_list_json(run) -> None:  # type: ignore[no-untyped-def]
    run("child", "add", "--name", "Ravi", "--grade", "2", "--board", "icse", *CONSENT)
    run("child", "add", "--name", "Asha", "--grade", "III", *CONSENT)
    code, out, _ = run("child", "list", "--json")
    listed = json.loads(out)
    assert code == 0
    assert [(c["name"], c["grade"], c["board"]) for c in listed] == [
        ("Asha", 3, "CBSE"),
        ("Ravi", 2, "ICSE"),
    ]


@pytest.mark.parametrize(
    "args",
    [
        ("child", "add", "--name", "Asha", "--grade", "13", *CONSENT),
        ("child", "add", "--name", "", "--grade", "3", *CONSENT),
        ("child", "add", "--name", "Asha", "--grade", "3", "--board", "XYZ", *CONSENT),
        ("child", "add", "--grade", "3", *CONSENT),
        ("child", "frobnicate"),
        ("child", "add", "--name", "Asha", "--grade", "3", "--class", "Nope", *CONSENT),
    ],
)
def test_bad_input_exits_2_with_one_line_and_writes_nothing(run, args: tuple[str, ...]) -> None:  # type: ignore[no-untyped-def]
    code, _, err = run(*args)
    assert code == 2
    assert err.count("\n") == 1 and err.startswith("practicecraft: error: ")
    assert "Traceback" not in err
    assert json.loads(run("child", "list", "--json")[1]) == []


def test_import_reports_the_bad_line_and_imports_nothing(run, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    roster = tmp_path / "3a.csv"
    roster.write_text(
        "name,grade\nAsha,3\nRavi,3\nMeera,3\nKabir,3\nDiya,3\nIshaan,30\n", encoding="utf-8"
    )
    code, _, err = run("child", "import", str(roster), "--class", "3A", "--school-basis", "R. S")
    assert code == 2 and "line 7" in err and "nothing was imported" in err
    assert err.count("\n") == 1
    assert json.loads(run("child", "list", "--json")[1]) == []


def test_import_into_a_class(run, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    roster = tmp_path / "3a.csv"
    roster.write_text(
        '\ufeffname,grade,roll number\nआशा,3,1\n"Khan, Fatima",3,2\n', encoding="utf-8"
    )
    code, out, _ = run(
        "child", "import", str(roster), "--class", "3A", "--school-basis", "R. Sharma", "--yes"
    )
    assert code == 0 and "Imported 2 children into class 3A" in out
    classes = json.loads(run("class", "list", "--json")[1])
    assert [(c["name"], c["grade"], c["children"]) for c in classes] == [("3A", 3, 2)]


def test_backup_then_restore(run, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    run("child", "add", "--name", "Asha", "--grade", "3", *CONSENT)
    code, out, _ = run("db", "backup")
    backup = Path(out.strip())
    assert code == 0 and backup.exists() and backup.parent.name == "backups"
    run("child", "add", "--name", "Ravi", "--grade", "3", *CONSENT)
    code, out, _ = run("db", "restore", "--yes")
    assert code == 0 and "Restored" in out
    assert [c["name"] for c in json.loads(run("child", "list", "--json")[1])] == ["Asha"]


def test_version(run) -> None:  # type: ignore[no-untyped-def]
    code, out, _ = run("--version")
    assert code == 0 and re.search(r"\d+\.\d+\.\d+", out)


def test_no_command_opens_the_window_on_the_local_database(tmp_path: Path) -> None:
    done = subprocess.run(
        [
            sys.executable,
            "-m",
            "practicecraft",
            "--data-dir",
            str(tmp_path / "data"),
            "--quit-after-first-paint",
        ],
        capture_output=True,
        text=True,
        check=False,
        env={**os.environ, "QT_QPA_PLATFORM": "offscreen"},
        timeout=60,
    )
    assert done.returncode == 0, done.stderr
    assert (tmp_path / "data" / "practicecraft-local.sqlite3").exists()


def test_a_damaged_database_is_one_clear_line_not_a_traceback(tmp_path: Path) -> None:
    data_dir = tmp_path / "data"
    data_dir.mkdir()
    (data_dir / "practicecraft-local.sqlite3").write_bytes(b"SQLite format 3\x00" + b"\xff" * 5000)
    done = subprocess.run(
        [sys.executable, "-m", "practicecraft", "--data-dir", str(data_dir), "child", "list"],
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.returncode == 1
    assert "Traceback" not in done.stderr and done.stderr.count("\n") == 1
    assert "practicecraft-local.sqlite3 is damaged" in done.stderr


def _commands(group, prefix=()):  # type: ignore[no-untyped-def]
    for name, command in group.commands.items():
        path = (*prefix, name)
        if hasattr(command, "commands"):
            yield from _commands(command, path)
        else:
            yield " ".join(path)


def test_every_command_is_documented_in_the_readme() -> None:
    readme = (Path(__file__).parents[2] / "README.md").read_text(encoding="utf-8")
    missing = [c for c in _commands(cli) if f"practicecraft {c}" not in readme]
    assert missing == []
