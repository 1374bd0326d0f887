"""`bench cloud` loads its own PostgreSQL and prints the sync figures it promises."""

from __future__ import annotations

import json

import pytest

from bench import cloud as cloud_bench
from bench.__main__ import main

# Enough rows that an ordered index scan is the planner's choice, as it is at real scale.
ROWS, PAGE = 3000, 150


def test_cloud_benchmark_prints_its_figures_as_json(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setattr(cloud_bench, "USERS", 3)
    monkeypatch.setattr(cloud_bench, "ROWS_PER_USER", ROWS)
    monkeypatch.setattr(cloud_bench, "ROUNDS", 4)
    monkeypatch.setattr(cloud_bench, "MEASURED_USERS", 2)
    monkeypatch.setattr(cloud_bench, "PULL_REPEATS", 2)
    monkeypatch.setattr(cloud_bench, "COUNTS_REPEATS", 1)
    monkeypatch.setattr(cloud_bench, "PAGE", PAGE)
    monkeypatch.setattr(cloud_bench, "PUSH_SIZE", 40)
    monkeypatch.setattr(cloud_bench, "PUSH_EDITS", 10)
    monkeypatch.setattr(cloud_bench, "PUSH_REPEATS", 2)
    assert main(["cloud", "--json"]) == 0
    results = {r["benchmark"]: r for r in map(json.loads, capsys.readouterr().out.splitlines())}
    assert list(results) == [
        "cloud.load",
        "cloud.sync_pull_first_page",
        "cloud.sync_pull_next_page",
        "cloud.sync_counts",
        "cloud.sync_push",
    ]
    load, first, following = (
        results["cloud.load"],
        results["cloud.sync_pull_first_page"],
        results["cloud.sync_pull_next_page"],
    )
    counts, push = results["cloud.sync_counts"], results["cloud.sync_push"]

    assert load["rows"] == 3 * ROWS == sum(load["rows_by_table"].values())
    assert (
        load["rows_by_table"]["attempt_events"]
        == 3 * cloud_bench.per_user_counts(ROWS)["attempt_events"]
    )
    # Each user sees their rows and the subscription row the server made at sign-up.
    assert (first["rows"], first["has_more"]) == (PAGE, True)
    assert following["rows"] == PAGE
    assert first["json_bytes"] > following["json_bytes"] > 0
    # The pull's ordered arm walks the pull index: no sort of everything the user has.
    assert first["pull_uses_index"] is True, (first["arm_indexes"], first["arm_seq_scans"])
    assert cloud_bench.PULL_INDEX in first["arm_indexes"]
    assert "attempt_events" not in first["arm_seq_scans"]
    assert first["arm_execution_ms"] > 0
    assert "error" not in first["function_plan"]
    assert first["function_plan"]["merge_append"] is True
    assert counts["attempt_events_live"] == cloud_bench.per_user_counts(ROWS)["attempt_events"]
    assert (push["applied"], push["not_applied"]) == (2 * 40, 0)
    for result in (first, following, counts, push):
        assert result["calls"] > 0 and 0 < result["median_ms"] <= result["p95_ms"]
        # within_target says whether the median beat the target, nothing else
        assert result["within_target"] is (result["median_ms"] < result["target_ms"])
    assert [r["target_ms"] for r in (first, following, counts, push)] == [50, 50, 50, 1000]


def test_a_user_has_the_rows_asked_for_in_every_synced_table_the_bench_fills() -> None:
    counts = cloud_bench.per_user_counts(10_000)
    assert sum(counts.values()) == 10_000
    assert min(counts.values()) >= 1
    assert max(counts, key=counts.__getitem__) == "attempt_events"
    with pytest.raises(ValueError, match="too few"):
        cloud_bench.per_user_counts(5)
