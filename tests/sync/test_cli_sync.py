"""Two data folders on this computer, one account, the command line only: they converge."""

from __future__ import annotations

import io
import json
import socket
from collections.abc import Callable
from pathlib import Path

import pytest

from cloud.devstack.server import DevCloud
from practicecraft.cli import main

PASSWORD = "correct horse battery staple"
Run = Callable[..., tuple[int, str, str]]


@pytest.fixture
def run(capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch) -> Run:
    monkeypatch.setenv("PRACTICECRAFT_SESSION_STORE", "file")

    def invoke(data_dir: Path, *args: str, stdin: str = "") -> tuple[int, str, str]:
        monkeypatch.setattr("sys.stdin", io.StringIO(stdin))
        with pytest.raises(SystemExit) as exited:
            main(["--data-dir", str(data_dir), *args])
        captured = capsys.readouterr()
        return int(exited.value.code or 0), captured.out, captured.err

    return invoke


def names(run: Run, folder: Path) -> list[str]:
    code, out, err = run(folder, "child", "list", "--json", "--all")
    assert code == 0, err
    return sorted(c["name"] for c in json.loads(out))


def set_up(run: Run, folder: Path, cloud: DevCloud, email: str, new: bool) -> None:
    code, _, err = run(
        folder, "account", "connect", "--url", cloud.url, "--anon-key", cloud.anon_key
    )
    assert code == 0, err
    verb = "signup" if new else "signin"
    code, out, err = run(
        folder, "account", verb, "--email", email, "--password-stdin", stdin=PASSWORD + "\n"
    )
    assert code == 0, err
    assert f"Signed in as {email}" in out


def test_two_data_folders_signed_into_one_account_converge(
    run: Run, tmp_path: Path, devcloud: DevCloud, email: str
) -> None:
    school, home = tmp_path / "school", tmp_path / "home"
    set_up(run, school, devcloud, email, new=True)
    code, _, err = run(school, "child", "add", "--name", "Asha", "--grade", "3",
                       "--guardian", "Ravi Verma", "--relation", "father", "--yes")  # fmt: skip
    assert code == 0, err
    code, out, err = run(school, "sync", "--json")
    assert code == 0, err
    assert json.loads(out)["pushed"]["applied"] == 2
    set_up(run, home, devcloud, email, new=False)
    assert run(home, "sync")[0] == 0
    assert names(run, home) == ["Asha"]
    # Offline edits on both, then both sync.
    run(home, "child", "add", "--name", "Meena", "--grade", "2",
        "--guardian", "Lata", "--relation", "mother", "--yes")  # fmt: skip
    run(school, "child", "add", "--name", "Arjun", "--grade", "4",
        "--guardian", "Om", "--relation", "father", "--yes")  # fmt: skip
    for folder in (home, school, home):
        code, out, err = run(folder, "sync", "--json")
        assert code == 0, err
        assert json.loads(out)["counts_match"] is True
    assert names(run, home) == names(run, school) == ["Arjun", "Asha", "Meena"]
    code, out, _ = run(home, "account", "status", "--json")
    status = json.loads(out)
    assert status["email"] == email and status["pending"] == 0 and status["last_sync"]


def test_a_server_that_cannot_be_reached_is_exit_3_and_keeps_the_work(
    run: Run, tmp_path: Path, devcloud: DevCloud, email: str
) -> None:
    folder = tmp_path / "school"
    set_up(run, folder, devcloud, email, new=True)
    run(folder, "child", "add", "--name", "Asha", "--grade", "3",
        "--guardian", "Ravi", "--relation", "father", "--yes")  # fmt: skip
    with socket.socket() as probe:  # a port nobody answers on
        probe.bind(("127.0.0.1", 0))
        dead = f"http://127.0.0.1:{probe.getsockname()[1]}"
    account = json.loads((folder / "account.json").read_text())
    account["url"] = dead
    (folder / "account.json").write_text(json.dumps(account))
    code, _, err = run(folder, "sync")
    assert code == 3 and err.count("\n") == 1 and "could not reach" in err
    code, out, _ = run(folder, "account", "status", "--json")
    assert json.loads(out)["pending"] == 2


def test_a_password_is_never_taken_as_an_argument(run: Run, tmp_path: Path) -> None:
    code, _, err = run(tmp_path / "x", "account", "signin", "--email", "a@b.c", "--password", "x")
    assert code == 2 and "no such option" in err.lower()


def test_signing_out_keeps_the_data_and_says_so(
    run: Run, tmp_path: Path, devcloud: DevCloud, email: str
) -> None:
    folder = tmp_path / "school"
    set_up(run, folder, devcloud, email, new=True)
    code, out, _ = run(folder, "account", "signout")
    assert code == 0 and "stays on this computer" in out
    code, out, _ = run(folder, "account", "status", "--json")
    assert json.loads(out)["email"] is None
