"""The bundled syllabus: complete, well-formed, every skill practisable; bad files named."""

from __future__ import annotations

import json
from collections import Counter
from pathlib import Path

import pytest

from curriculum.banks import builtin_bank, load_bank
from curriculum.engine import has_source
from curriculum.generators import all_generators
from curriculum.sourcefile import DataFileError
from curriculum.syllabus import builtin_syllabus, load_subject

SYLLABUS_DIR = Path(__file__).parents[2] / "resources" / "syllabus"
MIN_BANK_ITEMS = 15


def test_maths_covers_every_chapter_of_classes_1_to_5() -> None:
    chapters = {g.grade: len(g.chapters) for s, g in builtin_syllabus().entries(subject="maths")}
    assert chapters == {1: 13, 2: 11, 3: 14, 4: 14, 5: 15}


def test_english_and_evs_are_there() -> None:
    grades = Counter(s for s, _ in builtin_syllabus().entries())
    assert grades["english"] == 5 and grades["evs"] == 3


@pytest.mark.parametrize("skill", builtin_syllabus().skills(), ids=lambda s: s.tag)
def test_every_skill_has_a_generator_or_enough_bank_items(skill: object) -> None:
    tag = getattr(skill, "tag")  # noqa: B009
    generated = tag in {g.skill_tag for g in all_generators()}
    banked = len(builtin_bank().get(tag, ()))
    assert generated or banked >= MIN_BANK_ITEMS, f"{tag}: no generator and {banked} bank items"
    assert has_source(tag)


def test_every_generator_and_bank_skill_is_in_the_syllabus() -> None:
    tags = {s.tag for s in builtin_syllabus().skills()}
    assert {g.skill_tag for g in all_generators()} <= tags
    assert set(builtin_bank()) <= tags


def test_maths_skills_have_hindi_titles_and_concepts() -> None:
    for _, grade in builtin_syllabus().entries(subject="maths"):
        for chapter in grade.chapters:
            for skill in chapter.skills:
                assert skill.title_hi and skill.concept_hi, skill.tag


def test_unconfirmed_chapters_are_marked() -> None:
    maths4 = builtin_syllabus().grade("maths", 4)
    assert maths4 is not None
    assert maths4.chapters[1].title == "Hide and Seek" and maths4.chapters[1].confirmation == "none"


def _write_broken(tmp_path: Path, mutate: object) -> Path:
    document = json.loads((SYLLABUS_DIR / "cbse_maths.json").read_text(encoding="utf-8"))
    mutate(document)  # type: ignore[operator]
    path = tmp_path / "broken.json"
    path.write_text(json.dumps(document, ensure_ascii=False, indent=2), encoding="utf-8")
    return path


def test_a_malformed_syllabus_names_file_line_and_field(tmp_path: Path) -> None:
    def bad_tag(doc: dict) -> None:  # type: ignore[type-arg]
        doc["grades"][2]["chapters"][3]["skills"][0]["tag"] = "Maths C3 Bad Tag"

    path = _write_broken(tmp_path, bad_tag)
    with pytest.raises(DataFileError) as raised:
        load_subject(path)
    line = next(
        i for i, text in enumerate(path.read_text().splitlines(), 1) if "Maths C3 Bad Tag" in text
    )
    assert raised.value.line == line
    assert raised.value.field is not None and raised.value.field.endswith("tag")
    assert str(path) in str(raised.value)


def test_a_syllabus_with_a_missing_field_names_its_object(tmp_path: Path) -> None:
    path = _write_broken(tmp_path, lambda doc: doc["grades"][0]["chapters"][0].pop("title"))
    with pytest.raises(DataFileError) as raised:
        load_subject(path)
    assert raised.value.field and "title" in raised.value.field and raised.value.line


def test_invalid_json_names_its_line(tmp_path: Path) -> None:
    path = tmp_path / "syllabus.json"
    path.write_text('{\n  "board": "CBSE",\n  "subject": "maths"\n  "grades": []\n}\n')
    with pytest.raises(DataFileError) as raised:
        load_subject(path)
    assert raised.value.line == 4


@pytest.mark.parametrize(
    ("line", "field", "problem"),
    [
        (
            '{"id": "x1", "skill": "evs.c3.food_we_eat", "type": "multiple_choice", "prompt": "Q?", "answer": "A", "options": ["B", "C"]}',
            None,
            "options",
        ),
        (
            '{"id": "x1", "skill": "evs.c3.food_we_eat", "type": "fill_blank", "prompt": "no blank", "answer": "A"}',
            None,
            "blank",
        ),
        (
            '{"id": "x1", "skill": "evs.c3.food_we_eat", "type": "true_false", "prompt": "Q", "answer": "A", "difficulty": 7}',
            "difficulty",
            "must be at most 3",
        ),
        (
            '{"id": "x1", "skill": "evs.c3.food_we_eat", "type": "essay", "prompt": "Q", "answer": "A"}',
            "type",
            "",
        ),
        (
            '{"id": "x1", "skill": "evs.c3.food_we_eat", "prompt": "Q", "answer": "A"}',
            "type",
            "required",
        ),
        (
            '{"id": "x1", "skill": "evs.c3.food_we_eat", "type": "true_false", "prompt": "Q", "answer": "True",}',
            None,
            "JSON",
        ),
    ],
)
def test_a_malformed_bank_item_names_file_line_and_field(
    tmp_path: Path, line: str, field: str | None, problem: str
) -> None:
    good = '{"id": "ok1", "skill": "evs.c3.food_we_eat", "type": "true_false", "prompt": "Rice is a grain.", "answer": "True"}'
    path = tmp_path / "bank.jsonl"
    path.write_text(f"# my bank\n{good}\n\n{line}\n", encoding="utf-8")
    with pytest.raises(DataFileError) as raised:
        load_bank(path)
    assert raised.value.line == 4
    assert raised.value.field == field or (field is None and raised.value.field in (None, "type"))
    assert problem in str(raised.value)


def test_a_bank_csv_error_names_its_line(tmp_path: Path) -> None:
    path = tmp_path / "mine.csv"
    path.write_text(
        "id,skill,type,prompt,answer,options\n"
        "q1,custom.c3.my_words,multiple_choice,Pick one,cat,cat|dog\n"
        "q2,custom.c3.my_words,multiple_choice,Pick one,cow,cat|dog\n",
        encoding="utf-8",
    )
    with pytest.raises(DataFileError) as raised:
        load_bank(path)
    assert raised.value.line == 3


def test_duplicate_bank_ids_are_refused(tmp_path: Path) -> None:
    item = '{"id": "same", "skill": "evs.c3.food_we_eat", "type": "true_false", "prompt": "Q", "answer": "True"}'
    path = tmp_path / "bank.jsonl"
    path.write_text(f"{item}\n{item}\n", encoding="utf-8")
    with pytest.raises(DataFileError, match="line 1"):
        load_bank(path)
