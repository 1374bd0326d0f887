"""A healthy database in a folder the user cannot write: shown, never called damaged.

The commands run in a child process as a user without write access to the folder: the test's
own user with the folder at mode 0555, or `nobody` on root's folder when the tests run as root
(root writes anywhere). The child has every module it needs imported before it drops its rights.
"""

from __future__ import annotations

import contextlib
import io
import json
import os
import pwd
import shutil
import stat
import tempfile
from collections.abc import Iterator
from pathlib import Path

import pytest

from practicecraft.cli import main
from storage.paths import local_database_path

Result = tuple[int, str, str]
# A change that would be kept anywhere else: the child comes with a guardian's consent.
GUARDIAN = ("--guardian", "Sunita Verma", "--relation", "Mother", "--yes")


def _as_reader(args: list[str]) -> Result:
    """Run the command line in a forked child that cannot write the data folder."""
    read_out, write_out = os.pipe()
    pid = os.fork()
    if pid == 0:  # the child: drop rights, run, report as JSON, never return
        os.close(read_out)
        code, out, err = 70, "", ""
        try:
            _drop_root()
            code, out, err = _run_here(args)
        finally:
            os.write(write_out, json.dumps([code, out, err]).encode())
            os._exit(0)
    os.close(write_out)
    with os.fdopen(read_out, "rb") as pipe:
        report = pipe.read()
    os.waitpid(pid, 0)
    code, out, err = json.loads(report)
    return code, out, err


def _drop_root() -> None:
    if os.geteuid() == 0:
        nobody = pwd.getpwnam("nobody")
        os.setgroups([])
        os.setgid(nobody.pw_gid)
        os.setuid(nobody.pw_uid)


def _run_here(args: list[str]) -> Result:
    out, err = io.StringIO(), io.StringIO()
    code = 0
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        try:
            main(args)
        except SystemExit as done:
            code = int(done.code or 0)
    return code, out.getvalue(), err.getvalue()


@pytest.fixture
def read_only_data() -> Iterator[Path]:
    """A data folder with one child and one worksheet, then made read-only to the reader."""
    top = Path(tempfile.mkdtemp(prefix="practicecraft-ro-"))
    top.chmod(0o755)  # `nobody` must reach the folder inside
    data_dir = top / "data"
    try:
        _fill(data_dir, top)
        _hand_to_reader(data_dir)
        yield data_dir
    finally:
        data_dir.chmod(0o700)
        shutil.rmtree(top)


def _fill(data_dir: Path, top: Path) -> None:
    roster = top / "roster.csv"
    roster.write_text("name,grade\nAsha Verma,3\n", encoding="utf-8")
    school_basis = ("--school-basis", "R. Sharma, Principal", "--yes")  # a roster needs its basis
    assert _ok(data_dir, "--create", "child", "import", str(roster), "--class", "3A", *school_basis)
    made = _ok(data_dir, "worksheet", "create", "--class", "3A", "--subject", "maths",
               "--chapters", "12", "--count", "5", "--out", str(top / "set.pdf"))  # fmt: skip
    (top / "sheet-id").write_text(made.strip())
    # Each read-only command once here, so the child finds its modules already imported.
    _ok(data_dir, "child", "list", "--json")
    _ok(data_dir, "class", "list")
    _ok(data_dir, "db", "check")
    _ok(data_dir, "progress")
    _ok(data_dir, "db", "backup", "--to", str(top / "warm.sqlite3"))
    _ok(data_dir, "worksheet", "render", made.strip(), "--out", str(top / "warm.pdf"))


def _ok(data_dir: Path, *args: str) -> str:
    code, out, err = _run_here(["--data-dir", str(data_dir), *args])
    assert code == 0, err
    return out


def _hand_to_reader(data_dir: Path) -> None:
    """Root: the folder stays root's (0755, files 0644), as another user's shared folder would;
    `nobody` can read it and can neither write nor change its mode. Anyone else: mode 0555."""
    if os.geteuid() == 0:
        for path in data_dir.rglob("*"):
            path.chmod(0o755 if path.is_dir() else 0o644)
        data_dir.chmod(0o755)
        return
    data_dir.chmod(0o555)
    assert stat.S_IMODE(data_dir.stat().st_mode) == 0o555


def test_child_list_works_in_a_read_only_folder(read_only_data: Path) -> None:
    code, out, err = _as_reader(["--data-dir", str(read_only_data), "child", "list"])
    assert code == 0, err
    assert "Asha Verma" in out and err == ""


def test_db_check_says_the_file_is_healthy_in_a_read_only_folder(read_only_data: Path) -> None:
    code, out, err = _as_reader(["--data-dir", str(read_only_data), "db", "check"])
    assert code == 0, err
    assert "integrity: ok" in out


def test_progress_works_in_a_read_only_folder(read_only_data: Path) -> None:
    code, _, err = _as_reader(["--data-dir", str(read_only_data), "progress"])
    assert code == 0, err


def test_a_backup_elsewhere_works_from_a_read_only_folder(read_only_data: Path) -> None:
    target = Path(tempfile.mkdtemp(prefix="practicecraft-copy-"))
    target.chmod(0o777)
    try:
        code, out, err = _as_reader(
            ["--data-dir", str(read_only_data), "db", "backup", "--to", str(target / "c.sqlite3")]
        )
        assert code == 0, err
        assert Path(out.strip()).stat().st_size > 0
    finally:
        shutil.rmtree(target)


def test_a_change_in_a_read_only_folder_says_read_only_not_damaged(read_only_data: Path) -> None:
    code, _, err = _as_reader(
        ["--data-dir", str(read_only_data), "child", "add", "--name", "Ravi", "--grade", "3",
         *GUARDIAN]
    )  # fmt: skip
    assert code == 1 and err.count("\n") == 1
    assert "read-only" in err and "damaged" not in err
    assert str(read_only_data) in err


def test_nothing_is_written_into_a_read_only_folder(read_only_data: Path) -> None:
    before = sorted(p.name for p in read_only_data.iterdir())
    _as_reader(["--data-dir", str(read_only_data), "child", "list"])
    adding = ["child", "add", "--name", "R", "--grade", "3", *GUARDIAN]
    _as_reader(["--data-dir", str(read_only_data), *adding])
    assert sorted(p.name for p in read_only_data.iterdir()) == before
    assert local_database_path(read_only_data).exists()


def test_a_saved_worksheet_prints_again_from_a_read_only_folder(read_only_data: Path) -> None:
    sheet_id = (read_only_data.parent / "sheet-id").read_text()
    target = Path(tempfile.mkdtemp(prefix="practicecraft-pdf-"))
    target.chmod(0o777)
    try:
        out = target / "again.pdf"
        code, _, err = _as_reader(
            ["--data-dir", str(read_only_data), "worksheet", "render", sheet_id, "--out", str(out)]
        )
        assert code == 0, err
        assert out.read_bytes() == (read_only_data.parent / "warm.pdf").read_bytes()
    finally:
        shutil.rmtree(target)
