"""`practicecraft-payments`: a missing setting is named at start; a missing package is named in
one line; the command and its subcommands exist."""

from __future__ import annotations

import subprocess
import sys
import tomllib
from pathlib import Path

import pytest

from cloud.payments.config import REQUIRED, SettingsError, from_environment

ROOT = Path(__file__).resolve().parents[3]
COMPLETE = {
    "RAZORPAY_KEY_ID": "rzp_test_x",
    "RAZORPAY_KEY_SECRET": "s",
    "RAZORPAY_WEBHOOK_SECRET": "w",
    "DATABASE_URL": "postgresql://x@127.0.0.1/postgres",
    "PUBLIC_URL": "https://pay.example/",
    "SUPABASE_JWT_SECRET": "j",
}


@pytest.mark.parametrize("name", sorted(REQUIRED))
def test_a_missing_setting_is_named(name: str) -> None:
    with pytest.raises(SettingsError, match=name):
        from_environment({k: v for k, v in COMPLETE.items() if k != name})


def test_without_a_jwt_secret_or_jwks_url_both_are_named() -> None:
    with pytest.raises(SettingsError, match=r"SUPABASE_JWT_SECRET.*SUPABASE_JWKS_URL"):
        from_environment({k: v for k, v in COMPLETE.items() if k != "SUPABASE_JWT_SECRET"})


def test_complete_settings_default_to_razorpays_own_api() -> None:
    settings = from_environment(COMPLETE)
    assert settings.razorpay_base_url == "https://api.razorpay.com"
    assert settings.public_url == "https://pay.example"
    assert settings.razorpay_timeout > 0


def run_entry_point(
    args: list[str], env: dict[str, str], missing: str | None = None
) -> subprocess.CompletedProcess[str]:
    scripts = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    module, _, function = scripts["project"]["scripts"]["practicecraft-payments"].partition(":")
    hide = f"sys.modules[{missing!r}] = None; " if missing else ""
    code = (
        f"import sys; {hide}sys.argv = ['practicecraft-payments', *{args!r}];"
        f" from {module} import {function}; {function}()"
    )
    return subprocess.run(
        [sys.executable, "-c", code],
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
        env=env,
    )


def test_the_service_stops_at_start_naming_a_missing_setting() -> None:
    env = {"PATH": "/usr/bin:/bin", **{k: v for k, v in COMPLETE.items() if k != "DATABASE_URL"}}
    done = run_entry_point([], env)
    assert done.returncode == 2
    assert done.stderr.splitlines() == [
        f"practicecraft-payments: error: DATABASE_URL is not set: {REQUIRED['DATABASE_URL']}"
    ]


def test_without_razorpays_sdk_it_says_so_in_one_line() -> None:
    done = run_entry_point([], {"PATH": "/usr/bin:/bin", **COMPLETE}, missing="razorpay")
    assert done.returncode == 1
    (line,) = done.stderr.splitlines()
    assert line.startswith("practicecraft-payments: error: ") and "razorpay" in line


def test_the_command_offers_serve_and_reconcile() -> None:
    done = run_entry_point(["--help"], {"PATH": "/usr/bin:/bin"})
    assert done.returncode == 0, done.stderr
    assert "serve" in done.stdout and "reconcile" in done.stdout and "--port" in done.stdout
