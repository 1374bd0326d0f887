"""`bench startup` starts the real app as a process and reports its cold start."""

from __future__ import annotations

import json

import pytest

from bench import startup
from bench.__main__ import main


def test_startup_benchmark_times_whole_app_starts_and_compares_with_the_target(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setattr(startup, "RUNS", 2)
    monkeypatch.setattr(startup, "TARGET_S", 60.0)
    assert main(["startup", "--json"]) == 0
    (line,) = capsys.readouterr().out.splitlines()
    result = json.loads(line)
    assert result["benchmark"] == "startup" and result["runs"] == 2
    assert 0 < result["median_s"] < 60 and result["first_run_s"] > 0
    assert result["target_s"] == 60.0 and result["within_target"] is True
    assert "import_ms_by_package" not in result  # only profiled when the target is missed


def test_import_times_are_summed_per_top_level_package() -> None:
    stderr = (
        "import time: self [us] | cumulative | imported package\n"
        "import time:       500 |        500 |   PySide6.QtCore\n"
        "import time:      1500 |       2000 | PySide6\n"
        "import time:       250 |        250 | click\n"
        "This plugin does not support propagateSizeHints()\n"
    )
    assert startup.summarise_importtime(stderr) == {"PySide6": 2.0, "click": 0.2}
