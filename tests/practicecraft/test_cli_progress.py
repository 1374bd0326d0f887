"""`practicecraft grade`, `progress` and `report` end to end on a fresh data folder."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from practicecraft.cli import main
from storage.database import Store
from storage.paths import local_database_path
from tests import pdf_reading


@pytest.fixture
def run(tmp_path: Path, capsys: pytest.CaptureFixture[str]):  # type: ignore[no-untyped-def]
    def invoke(*args: str) -> tuple[int, str, str]:
        with pytest.raises(SystemExit) as exited:
            # The first command starts the data folder, as `--create` (or the window) does.
            create = [] if (tmp_path / "data").exists() else ["--create"]
            main(["--data-dir", str(tmp_path / "data"), *create, *args])
        captured = capsys.readouterr()
        return int(exited.value.code or 0), captured.out, captured.err

    roster = tmp_path / "3a.csv"
    roster.write_text("name,grade,roll\nAsha Verma,3,1\nRavi Kumar,3,2\n", encoding="utf-8")
    invoke("child", "import", str(roster), "--class", "3A", "--school-basis", "R. Sharma", "--yes")
    return invoke


@pytest.fixture
def sheets(run, tmp_path: Path) -> list[str]:  # type: ignore[no-untyped-def]
    """A class set: one 10-question sheet per child, skill "adding with carrying"."""
    code, stdout, err = run(
        "worksheet",
        "create",
        "--class",
        "3A",
        "--subject",
        "maths",
        "--skills",
        "maths.c3.add_3digit_regroup",
        "--count",
        "10",
        "--seed",
        "4",
        "--out",
        str(tmp_path / "set.pdf"),
    )
    assert code == 0, err
    return stdout.split()


def answers_for(tmp_path: Path, sheet_id: str, wrong: tuple[int, ...] = ()) -> str:
    with Store.open(local_database_path(tmp_path / "data")) as store:
        questions = store.worksheets.find(sheet_id).questions
    return ";".join("0" if n in wrong else q["answer"] for n, q in enumerate(questions, 1))


def test_grading_answers_prints_score_stars_and_mastery(run, sheets, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    code, stdout, _ = run("grade", sheets[0], "--answers", answers_for(tmp_path, sheets[0], (2,)))
    assert code == 0
    assert "Score: 9/10 (90%)" in stdout
    assert "Stars: +12 (total 12)" in stdout
    assert "not started → improving" in stdout
    assert "First worksheet done" in stdout


def test_grading_again_adds_nothing(run, sheets, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    answers = answers_for(tmp_path, sheets[0])
    run("grade", sheets[0], "--answers", answers)
    code, stdout, _ = run("grade", sheets[0], "--answers", answers, "--json")
    result = json.loads(stdout)
    assert code == 0 and result["recorded"] == 0 and result["stars_gained"] == 0
    with Store.open(local_database_path(tmp_path / "data")) as store:
        assert store.query("SELECT count(*) FROM attempt_events")[0][0] == 10


def test_teacher_marks_and_an_override(run, sheets) -> None:  # type: ignore[no-untyped-def]
    code, stdout, _ = run("grade", sheets[1], "--marks", "1;1;0;p;1;1;1;1;1;1")
    assert code == 0 and "Score: 8/10 (80%), 1 partly right" in stdout
    code, stdout, _ = run("grade", sheets[1], "--mark", "3=1")
    assert code == 0 and "Score: 9/10" in stdout


def test_wrong_number_of_answers_is_refused_in_one_line(run, sheets) -> None:  # type: ignore[no-untyped-def]
    code, _, err = run("grade", sheets[0], "--answers", "1;2;3")
    assert code == 2
    assert err.strip() == "practicecraft: error: the sheet has 10 questions, 3 answers given"


def test_a_bad_mark_names_the_question(run, sheets) -> None:  # type: ignore[no-untyped-def]
    code, _, err = run("grade", sheets[0], "--marks", "1;1;maybe;1;1;1;1;1;1;1")
    assert code == 2 and "mark 3" in err and "maybe" in err


def test_grading_for_the_future_is_refused(run, sheets, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    code, _, err = run("grade", sheets[0], "--marks", ";".join("1" * 10), "--on", "2999-01-01")
    assert code == 2 and "future" in err


def test_child_progress_lists_skills_and_what_to_practise(run, sheets, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    run("grade", sheets[0], "--answers", answers_for(tmp_path, sheets[0], (1, 2)))
    child = json.loads(run("child", "list", "--json")[1])[0]
    code, stdout, _ = run("progress", "--child", child["id"], "--json")
    board = json.loads(stdout)
    assert code == 0
    (skill,) = board["skills"]
    assert (skill["skill_tag"], skill["attempts"], skill["correct"]) == (
        "maths.c3.add_3digit_regroup",
        10,
        8,
    )
    assert board["practise_next"] == ["maths.c3.add_3digit_regroup"]
    assert board["worksheets_made"][0][1] == 1
    code, text, _ = run("progress", "--child", child["id"])
    assert "Adding 3-digit numbers with carrying" in text and "8/10 right" in text


def test_class_progress_shows_the_grid_and_struggling_skills(run, sheets, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    run("grade", sheets[0], "--answers", answers_for(tmp_path, sheets[0], (1, 3, 5, 7, 9)))
    run("grade", sheets[1], "--answers", answers_for(tmp_path, sheets[1], (2, 4, 6, 8, 10)))
    code, stdout, _ = run("progress", "--class", "3A", "--json")
    board = json.loads(stdout)
    assert code == 0 and board["skills"] == ["maths.c3.add_3digit_regroup"]
    assert {c["name"] for c in board["children"]} == {"Asha Verma", "Ravi Kumar"}
    assert all(
        levels == {"maths.c3.add_3digit_regroup": "learning"} for levels in board["grid"].values()
    )
    assert board["struggling"][0]["struggling"] == 2
    code, text, _ = run("progress", "--class", "3A")
    assert "Most of the class finds these hard" in text


def test_usage_summary_counts_worksheets(run, sheets) -> None:  # type: ignore[no-untyped-def]
    code, stdout, _ = run("progress", "--json")
    usage = json.loads(stdout)
    assert code == 0 and sum(n for _, n in usage["worksheets_by_month"]) == 2
    assert usage["topics"] == [["maths.c3.add_3digit_regroup", 20]]


def test_report_is_a_one_page_pdf_with_the_childs_name(run, sheets, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    run("grade", sheets[0], "--answers", answers_for(tmp_path, sheets[0]))
    child = json.loads(run("child", "list", "--json")[1])[0]
    out = tmp_path / "report.pdf"
    code, _, err = run("report", "--child", child["id"], "--out", str(out))
    assert code == 0, err
    assert pdf_reading.page_count(out) == 1
    text = pdf_reading.text(out)
    assert "Asha Verma" in text and "3A" in text


def test_report_is_on_the_profiles_paper_unless_paper_is_given(run, sheets, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    child = json.loads(run("child", "list", "--json")[1])[0]
    with Store.open(local_database_path(tmp_path / "data"), create=False) as store:
        store.profiles.save({"role": "teacher", "active_role": "teacher", "paper_size": "Letter"})
    code, _, err = run("report", "--child", child["id"], "--out", str(tmp_path / "letter.pdf"))
    assert code == 0, err
    assert pdf_reading.page_size(tmp_path / "letter.pdf") == (612.0, 792.0)
    out = tmp_path / "a4.pdf"
    code, _, err = run("report", "--child", child["id"], "--out", str(out), "--paper", "A4")
    assert code == 0, err
    assert pdf_reading.page_size(out) == (595.28, 841.89)
