"""`practicecraft child export ID --out FILE.zip`."""

from __future__ import annotations

import json
import stat
import zipfile
from pathlib import Path

import pytest

from practicecraft.cli import main

CONSENT = ("--guardian", "Sunita Verma", "--relation", "Mother", "--yes")


def _run(data_dir: Path, capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    with pytest.raises(SystemExit) as exited:
        create = [] if data_dir.exists() else ["--create"]
        main(["--data-dir", str(data_dir), *create, *args])
    out, err = capsys.readouterr()
    return int(exited.value.code or 0), out, err


@pytest.fixture
def asha(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> tuple[Path, str]:
    data_dir = tmp_path / "data"
    _, out, _ = _run(
        data_dir, capsys, "child", "add", "--name", "Asha Verma", "--grade", "3", *CONSENT
    )
    return data_dir, out.strip()


def test_child_export_writes_a_private_zip_of_the_childs_data(
    asha: tuple[Path, str], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    data_dir, child_id = asha
    out = tmp_path / "asha.zip"
    code, said, _ = _run(data_dir, capsys, "child", "export", child_id, "--out", str(out))
    assert code == 0 and said.strip() == f"Exported everything kept about Asha Verma to {out}"
    assert stat.S_IMODE(out.stat().st_mode) == 0o600
    with zipfile.ZipFile(out) as archive:
        tables = json.loads(archive.read("data.json"))["tables"]
    assert [c["id"] for c in tables["children"]] == [child_id]
    assert [c["guardian_name"] for c in tables["guardian_consents"]] == ["Sunita Verma"]


def test_child_export_of_an_unknown_child_is_bad_input(
    asha: tuple[Path, str], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    data_dir, _ = asha
    code, _, err = _run(
        data_dir, capsys, "child", "export", "nobody", "--out", str(tmp_path / "x.zip")
    )
    assert code == 2 and err == "practicecraft: error: there is no child with id nobody\n"


def test_child_export_to_a_missing_folder_is_one_line_and_writes_nothing(
    asha: tuple[Path, str], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    data_dir, child_id = asha
    out = tmp_path / "missing" / "asha.zip"
    code, _, err = _run(data_dir, capsys, "child", "export", child_id, "--out", str(out))
    assert code == 2 and err.startswith("practicecraft: error: cannot write ")
    assert len(err.splitlines()) == 1 and not out.parent.exists()
