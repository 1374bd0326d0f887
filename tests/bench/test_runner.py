"""The benchmark runner prints one JSON object per benchmark, with the figures it promises."""

from __future__ import annotations

import json

import pytest

from bench import storage as storage_bench
from bench.__main__ import main


def test_storage_benchmark_prints_its_figures_as_json(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setattr(storage_bench, "CHILDREN_COUNT", 50)
    monkeypatch.setattr(storage_bench, "ATTEMPT_COUNT", 2_000)
    monkeypatch.setattr(storage_bench, "READ_REPEATS", 3)
    assert main(["storage", "--json"]) == 0
    (line,) = capsys.readouterr().out.splitlines()
    result = json.loads(line)
    assert result["benchmark"] == "storage"
    assert result["outbox_mutations"] == 2_050
    for key in (
        "repo_attempts_rows_per_s",
        "bare_attempts_rows_per_s",
        "overall_ratio",
        "read_ms_median",
    ):
        assert result[key] > 0
