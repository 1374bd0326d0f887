"""`bench payments` runs the service as its own process and prints its webhook figures."""

from __future__ import annotations

import json

import pytest

from bench import payments as payments_bench
from bench.__main__ import main


def test_payments_benchmark_prints_its_figures_as_json(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setattr(payments_bench, "USERS", 4)
    monkeypatch.setattr(payments_bench, "WEBHOOKS", 40)
    monkeypatch.setattr(payments_bench, "WARMUP", 5)
    assert main(["payments", "--json"]) == 0
    (result,) = map(json.loads, capsys.readouterr().out.splitlines())
    assert result["benchmark"] == "payments.webhooks"
    assert result["webhooks"] == 40
    assert (result["processed"], result["logged"]) == (45, 45)  # every delivery applied once
    assert result["webhooks_per_s"] > 0 and 0 < result["p50_ms"] <= result["p99_ms"]
    assert result["targets"] == {"webhooks_per_s": 300.0, "p99_ms": 50.0}
    assert isinstance(result["within_target"], bool)
