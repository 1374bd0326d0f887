"""`practicecraft syllabus list`, `questions` and `bank import` as a teacher uses them."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from practicecraft.cli import main


@pytest.fixture
def run(tmp_path: Path, capsys: pytest.CaptureFixture[str]):  # type: ignore[no-untyped-def]
    def invoke(*args: str) -> tuple[int, str, str]:
        with pytest.raises(SystemExit) as exited:
            # The first command starts the data folder, as `--create` (or the window) does.
            create = [] if (tmp_path / "data").exists() else ["--create"]
            main(["--data-dir", str(tmp_path / "data"), *create, *args])
        captured = capsys.readouterr()
        return int(exited.value.code or 0), captured.out, captured.err

    return invoke


MATHS_MELA_3 = [
    "What's in a Name?",
    "Toy Joy",
    "Double Century",
    "Vacation with My Nani Maa",
    "Fun with Shapes",
    "House of Hundreds - I",
    "Raksha Bandhan",
    "Fair Share",
    "House of Hundreds - II",
    "Fun at Class Party!",
    "Filling and Lifting",
    "Give and Take",
    "Time Goes On",
    "The Surajkund Fair",
]


def test_syllabus_list_shows_every_maths_mela_3_chapter_with_skills(run) -> None:  # type: ignore[no-untyped-def]
    code, out, _ = run("syllabus", "list", "--grade", "3", "--subject", "maths", "--json")
    (grade,) = json.loads(out)
    assert code == 0
    assert [c["title"] for c in grade["chapters"]] == MATHS_MELA_3
    assert all(
        c["skills"] and all(s["source"] in ("generator", "bank") for s in c["skills"])
        for c in grade["chapters"]
    )


def test_questions_gives_distinct_questions_with_answers(run) -> None:  # type: ignore[no-untyped-def]
    code, out, _ = run(
        "questions",
        "--skill",
        "maths.c4.sub_4digit_regroup",
        "--count",
        "20",
        "--seed",
        "1",
        "--json",
    )
    made = json.loads(out)
    assert code == 0 and len(made) == 20
    assert len({q["key"] for q in made}) == 20
    assert all(q["answer"] for q in made)
    again = json.loads(
        run(
            "questions",
            "--skill",
            "maths.c4.sub_4digit_regroup",
            "--count",
            "20",
            "--seed",
            "1",
            "--json",
        )[1]
    )
    assert again == made


def test_questions_for_an_unknown_skill_is_bad_input(run) -> None:  # type: ignore[no-untyped-def]
    code, _, err = run("questions", "--skill", "maths.c3.juggling", "--count", "2")
    assert code == 2 and "maths.c3.juggling" in err


def test_bank_import_adds_a_teachers_own_skill_and_questions(run, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    bank = tmp_path / "my_questions.csv"
    rows = ["id,skill,type,prompt,answer,options,chapter,skill_title"]
    rows += [
        f"w{i},custom.c3.local_trees,multiple_choice,Tree number {i}?,neem{i},neem{i}|peepal{i},Trees of Pune,Our trees"
        for i in range(6)
    ]
    bank.write_text("\n".join(rows) + "\n", encoding="utf-8")
    code, out, _ = run("bank", "import", str(bank))
    assert code == 0 and "Imported 6 new questions" in out and "1 new skill." in out
    listed = json.loads(run("syllabus", "list", "--subject", "custom", "--json")[1])
    assert listed[0]["chapters"][0]["title"] == "Trees of Pune"
    made = json.loads(
        run("questions", "--skill", "custom.c3.local_trees", "--count", "6", "--json")[1]
    )
    assert len(made) == 6
    code, out, _ = run("bank", "import", str(bank))
    assert "Imported 0 new questions (6 already there)" in out


def test_bank_import_of_a_bad_file_names_the_line_and_imports_nothing(run, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    bank = tmp_path / "bad.csv"
    bank.write_text(
        "id,skill,type,prompt,answer\n"
        "a1,custom.c3.my_words,true_false,Rice is a grain.,True\n"
        "a2,custom.c3.my_words,true_false,Salt is sweet.,Maybe\n",
        encoding="utf-8",
    )
    code, _, err = run("bank", "import", str(bank))
    assert code == 2 and "bad.csv:3" in err and "nothing was imported" in err
    assert json.loads(run("syllabus", "list", "--json")[1])[-1]["subject"] != "custom"


def test_bank_import_refuses_an_unknown_syllabus_skill(run, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    bank = tmp_path / "x.jsonl"
    bank.write_text(
        '{"id": "z", "skill": "maths.c3.flying", "type": "true_false", "prompt": "Q", "answer": "True"}\n'
    )
    code, _, err = run("bank", "import", str(bank))
    assert code == 2 and "custom.c" in err


def test_syllabus_list_says_which_chapters_are_confirmed(run) -> None:  # type: ignore[no-untyped-def]
    code, out, _ = run("syllabus", "list", "--grade", "4", "--subject", "maths")
    assert code == 0
    lines = out.splitlines()
    hide = next(i for i, line in enumerate(lines) if "Hide and Seek" in line)
    assert lines[hide].endswith("(not confirmed)")
    assert lines[hide + 1].strip().startswith("note: Not confirmed")
    assert any("The Cleanest Village  (confirmed)" in line for line in lines)


def test_syllabus_list_labels_english_units_grammar_practice(run) -> None:  # type: ignore[no-untyped-def]
    code, out, _ = run("syllabus", "list", "--grade", "3", "--subject", "english", "--json")
    (grade,) = json.loads(out)
    assert code == 0 and grade["book"].startswith("Grammar practice")
    assert {c["checked"] for c in grade["chapters"]} == {
        "grammar practice, not a chapter of the book"
    }
