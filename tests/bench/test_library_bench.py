"""`bench library` prints its search latency figures as JSON."""

from __future__ import annotations

import json

import pytest

from bench import library as library_bench
from bench.__main__ import main


def test_library_benchmark_prints_search_latency_on_its_sheets(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setattr(library_bench, "SHEETS", 60)
    monkeypatch.setattr(library_bench, "CLASSES", 2)
    monkeypatch.setattr(library_bench, "CLASS_SIZE", 3)
    monkeypatch.setattr(library_bench, "REPEATS", 1)
    assert main(["library", "--json"]) == 0
    (line,) = capsys.readouterr().out.splitlines()
    result = json.loads(line)
    assert (result["benchmark"], result["sheets"]) == ("library", 60)
    assert result["searches"] == 20
    assert result["search_ms_p95"] >= result["search_ms_p50"] > 0
