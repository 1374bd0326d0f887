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
    assert result["outbox_mutations"] == 2_100  # 2,000 attempts, 50 children and their consents
    for key in (
        "repo_attempts_rows_per_s",
        "bare_attempts_rows_per_s",
        "overall_ratio",
        "read_ms_median",
    ):
        assert result[key] > 0


def test_progress_benchmark_prints_its_three_figures(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    from bench import progress as progress_bench

    monkeypatch.setattr(progress_bench, "CLASSES", 1)
    monkeypatch.setattr(progress_bench, "CLASS_SIZE", 3)
    monkeypatch.setattr(progress_bench, "ATTEMPTS_PER_CHILD", 100)
    monkeypatch.setattr(progress_bench, "GRADE_REPEATS", 2)
    monkeypatch.setattr(progress_bench, "DASHBOARD_REPEATS", 2)
    assert main(["progress", "--json"]) == 0
    results = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    assert [r["benchmark"] for r in results] == [
        "progress.recompute_all",
        "progress.grade_worksheet",
        "progress.class_dashboard",
    ]
    recompute, grading, dashboard = results
    assert recompute["children"] == 3 and recompute["attempts"] == 300
    assert grading["child_history_attempts"] == 100 + 2 * 30
    assert dashboard["children"] == 3 and dashboard["median_ms"] > 0
