"""`practicecraft-devcloud` runs from the development environment, and says in one line what is
missing where the cloud side's packages are not installed (a runtime-only install)."""

from __future__ import annotations

import subprocess
import sys
import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def entry_point() -> tuple[str, str]:
    scripts = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    module, _, function = scripts["project"]["scripts"]["practicecraft-devcloud"].partition(":")
    return module, function


def run_entry_point_without(missing: str) -> subprocess.CompletedProcess[str]:
    """Call the declared entry point in a fresh interpreter where `missing` cannot be imported,
    as in an environment made with `uv sync --no-dev`."""
    module, function = entry_point()
    code = (
        f"import sys; sys.modules[{missing!r}] = None; sys.argv = ['practicecraft-devcloud'];"
        f" from {module} import {function}; {function}()"
    )
    return subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, timeout=60, check=False
    )


def test_devcloud_without_psycopg_says_so_in_one_line_and_exits_1() -> None:
    done = run_entry_point_without("psycopg")
    assert done.returncode == 1
    lines = done.stderr.splitlines()
    assert len(lines) == 1, done.stderr
    assert lines[0].startswith("practicecraft-devcloud: error: ")
    assert "psycopg" in lines[0] and "uv run practicecraft-devcloud" in lines[0]


def test_devcloud_without_uvicorn_names_uvicorn() -> None:
    done = run_entry_point_without("uvicorn")
    assert done.returncode == 1
    assert "uvicorn" in done.stderr and "Traceback" not in done.stderr


def test_devcloud_runs_from_the_development_environment() -> None:
    script = Path(sys.executable).parent / "practicecraft-devcloud"
    done = subprocess.run(
        [str(script), "--help"], capture_output=True, text=True, timeout=60, check=False
    )
    assert done.returncode == 0, done.stderr
    assert "--database-url" in done.stdout
