"""`practicecraft worksheet list`: every sheet made, filtered by child, class, code or date."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

import pytest

from practicecraft.cli import main

Run = Callable[..., tuple[int, str, str]]


@pytest.fixture
def run(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> Run:
    def invoke(*args: str) -> tuple[int, str, str]:
        with pytest.raises(SystemExit) as exited:
            create = [] if (tmp_path / "data").exists() else ["--create"]
            main(["--data-dir", str(tmp_path / "data"), *create, *args])
        captured = capsys.readouterr()
        return int(exited.value.code or 0), captured.out, captured.err

    roster = tmp_path / "3a.csv"
    roster.write_text("name,grade,roll\nAsha Verma,3,1\nRavi Kumar,3,2\n", encoding="utf-8")
    invoke("child", "import", str(roster), "--class", "3A", "--school-basis", "R. Sharma", "--yes")
    return invoke


def make_class_set(run: Run, tmp_path: Path) -> list[str]:
    code, out, err = run(
        "worksheet", "create", "--class", "3A", "--subject", "maths", "--chapters", "12",
        "--count", "6", "--out", str(tmp_path / "set.pdf"),
    )  # fmt: skip
    assert code == 0, err
    return out.split()


def listed(run: Run, *options: str) -> list[dict[str, object]]:
    code, out, err = run("worksheet", "list", *options, "--json")
    assert code == 0, err
    return list(json.loads(out))


def test_list_shows_every_sheet_with_child_class_and_state(run: Run, tmp_path: Path) -> None:
    ids = make_class_set(run, tmp_path)
    sheets = listed(run)
    assert sorted(s["id"] for s in sheets) == sorted(ids)  # type: ignore[type-var]
    assert {s["child"] for s in sheets} == {"Asha Verma", "Ravi Kumar"}
    assert {(s["class"], s["state"]) for s in sheets} == {("3A", "printed")}


def test_list_by_child_shows_only_that_childs_sheets(run: Run, tmp_path: Path) -> None:
    make_class_set(run, tmp_path)
    asha = next(s for s in listed(run) if s["child"] == "Asha Verma")
    assert [s["id"] for s in listed(run, "--child", str(asha["child_id"]))] == [asha["id"]]


def test_list_by_class_name_or_id(run: Run, tmp_path: Path) -> None:
    ids = make_class_set(run, tmp_path)
    class_id = str(listed(run)[0]["class_id"])
    assert len(listed(run, "--class", "3A")) == len(listed(run, "--class", class_id)) == len(ids)


def test_list_by_code_finds_the_sheet_typed_in_lower_case(run: Run, tmp_path: Path) -> None:
    make_class_set(run, tmp_path)
    first = listed(run)[0]
    assert [s["id"] for s in listed(run, "--code", str(first["code"]).lower())] == [first["id"]]


def test_list_since_a_later_date_is_empty(run: Run, tmp_path: Path) -> None:
    make_class_set(run, tmp_path)
    assert listed(run, "--since", "2999-01-01") == []
    assert len(listed(run, "--since", "2000-01-01")) == 2


def test_list_prints_one_line_per_sheet_naming_child_and_code(run: Run, tmp_path: Path) -> None:
    make_class_set(run, tmp_path)
    code, out, _ = run("worksheet", "list")
    lines = out.splitlines()
    assert code == 0 and len(lines) == 2
    assert all(s["code"] in out for s in listed(run))
    assert any("Asha Verma (3A)" in line for line in lines)


def test_list_for_an_unknown_class_is_one_line_and_exit_2(run: Run) -> None:
    code, _, err = run("worksheet", "list", "--class", "9Z")
    assert code == 2
    assert err.strip() == "practicecraft: error: there is no class with the id or name 9Z"


def test_a_bad_date_is_refused_with_exit_2(run: Run) -> None:
    code, _, err = run("worksheet", "list", "--since", "21/11/2026")
    assert code == 2 and "--since" in err
