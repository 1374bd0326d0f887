"""`child erase` warns about the backups it rewrites and leaves nothing; `child withdraw`."""

from __future__ import annotations

import io
from collections.abc import Callable
from pathlib import Path

import pytest

from practicecraft.cli import main
from tests.practicecraft.test_cli import CONSENT, Result
from tests.storage.test_erasure import files_holding

NAME = "Zarina Quixote"
Run = Callable[..., Result]


@pytest.fixture
def run(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> Run:
    data_dir = tmp_path / "data"

    def invoke(*args: str) -> Result:
        with pytest.raises(SystemExit) as exited:
            create = [] if data_dir.exists() else ["--create"]
            main(["--data-dir", str(data_dir), *create, *args])
        captured = capsys.readouterr()
        return int(exited.value.code or 0), captured.out, captured.err

    return invoke


def test_erase_warns_that_backups_holding_the_child_will_be_rewritten(
    run,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,  # type: ignore[no-untyped-def]
) -> None:
    _code, out, _ = run("child", "add", "--name", NAME, "--grade", "3", *CONSENT)
    child = out.strip()
    run("db", "backup")
    monkeypatch.setattr("sys.stdin", io.StringIO("n\n"))
    code, out, _ = run("child", "erase", child)
    assert code == 1
    assert f"1 backup(s) holding {NAME} will be rewritten" in out


def test_erase_leaves_no_byte_of_the_child_in_the_data_folder(
    run,
    tmp_path: Path,  # type: ignore[no-untyped-def]
) -> None:
    _code, out, _ = run("child", "add", "--name", NAME, "--grade", "3", *CONSENT)
    child = out.strip()
    run("db", "backup")
    code, out, _ = run("child", "erase", child, "--yes")
    assert (code, out.strip()) == (0, f"Erased {NAME}; 1 backup(s) rewritten without them.")
    assert files_holding(tmp_path / "data", child, NAME) == []


def test_withdraw_records_the_withdrawal_and_the_next_worksheet_is_refused(
    run: Run, tmp_path: Path
) -> None:
    _code, out, _ = run("child", "add", "--name", NAME, "--grade", "3", *CONSENT)
    child = out.strip()
    code, out, _ = run("child", "withdraw", child, "--by", "Sunita Verma", "--yes")
    assert code == 0 and "withdrawn" in out
    code, _out, err = run(
        "worksheet", "create", "--child", child, "--subject", "maths", "--chapters", "12",
        "--out", str(tmp_path / "sheet.pdf"),
    )  # fmt: skip
    assert code == 2
    assert f"consent for {NAME} was withdrawn" in err
