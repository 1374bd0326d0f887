"""`practicecraft` with no command opens the window; where it cannot, it says why in one line."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

NO_DISPLAY = ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM", "PRACTICECRAFT_SKIP_DISPLAY_CHECK")


def start_window(data_dir: Path, **extra: str) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if k not in NO_DISPLAY} | extra
    return subprocess.run(
        [sys.executable, "-m", "practicecraft", "--data-dir", str(data_dir)],
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )


def test_without_a_display_the_window_says_so_in_one_line_and_exits_1(tmp_path: Path) -> None:
    done = start_window(tmp_path / "data")
    assert done.returncode == 1  # not 134: Qt never got to abort
    lines = done.stderr.splitlines()
    assert len(lines) == 1, done.stderr
    assert lines[0].startswith("practicecraft: error: ")
    assert "no display" in lines[0] and "DISPLAY" in lines[0]


def test_without_a_display_no_data_folder_is_made(tmp_path: Path) -> None:
    start_window(tmp_path / "data")
    assert not (tmp_path / "data").exists()


def test_with_xcb_chosen_and_no_display_the_window_says_so(tmp_path: Path) -> None:
    done = start_window(tmp_path / "data", QT_QPA_PLATFORM="xcb")
    assert done.returncode == 1
    assert "no display" in done.stderr and "Traceback" not in done.stderr
