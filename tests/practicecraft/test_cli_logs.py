"""Commands log to the data folder's log file, and never a child's name."""

from __future__ import annotations

from pathlib import Path

import pytest

from practicecraft.cli import main
from storage.logfiles import REDACTOR

CONSENT = ("--guardian", "Sunita Verma", "--relation", "Mother", "--yes")


def _run(data_dir: Path, capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str]:
    with pytest.raises(SystemExit) as exited:
        create = [] if data_dir.exists() else ["--create"]
        main(["--data-dir", str(data_dir), *create, *args])
    return int(exited.value.code or 0), capsys.readouterr().out


def test_a_flow_with_a_named_child_leaves_no_name_in_the_log_files(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    data_dir = tmp_path / "data"
    _, out = _run(
        data_dir, capsys, "child", "add", "--name", "Zoya Qureshi", "--grade", "3", *CONSENT
    )
    child_id = out.strip()
    _run(data_dir, capsys, "child", "list")
    _run(data_dir, capsys, "progress", "--child", child_id)
    _run(data_dir, capsys, "report", "--child", child_id, "--out", str(tmp_path / "r.pdf"))
    _run(data_dir, capsys, "child", "archive", child_id)
    REDACTOR.hide([])
    logs = sorted((data_dir / "logs").iterdir())
    written = "".join(p.read_text(encoding="utf-8") for p in logs)
    assert "child.add done" in written and "report done" in written
    for secret in ("zoya", "qureshi", "sunita"):
        assert secret not in written.casefold()
