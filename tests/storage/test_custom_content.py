"""A teacher's own questions: checked against what the store can read back, removable, and an
old database holding a row that cannot be read back still works."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from curriculum.banks import load_bank
from curriculum.sourcefile import DataFileError
from storage.database import Store
from storage.errors import NotFoundError
from storage.tables import CUSTOM_SKILLS
from tests.conftest import outbox


def _bank(tmp_path: Path, items: list[dict[str, Any]], name: str = "bank.jsonl") -> Path:
    path = tmp_path / name
    path.write_text("\n".join(json.dumps(i) for i in items) + "\n", encoding="utf-8")
    return path


def _items(tag: str = "custom.c3.trees", n: int = 3, **first: Any) -> list[dict[str, Any]]:
    items = [
        {"id": f"{tag}-{i}", "skill": tag, "type": "true_false", "prompt": f"Tree {i}?"}
        | {"answer": "True", "chapter": "Trees of Pune", "skill_title": "Our trees"}
        for i in range(n)
    ]
    items[0].update(first)
    return items


def test_a_hint_too_long_for_a_skills_note_is_refused_with_its_line(
    tmp_path: Path, store: Store
) -> None:
    path = _bank(tmp_path, _items(hint="x" * 1000))
    with pytest.raises(DataFileError) as refused:
        store.custom_content.import_file(path)
    assert refused.value.line == 1 and refused.value.field == "hint"
    assert "600" in str(refused.value) and "Remember" in str(refused.value)
    assert outbox(store) == [] and store.custom_content.items() == []


def test_a_hint_that_fits_a_skills_note_is_kept_as_its_note(tmp_path: Path, store: Store) -> None:
    store.custom_content.import_file(_bank(tmp_path, _items(hint="y" * 600)))
    [skill] = store.custom_content.syllabus().grade("custom", 3).chapters[0].skills  # type: ignore[union-attr]
    assert skill.concept == "y" * 600


@pytest.mark.parametrize("tag", ["custom.c0.zero", "custom.c13.big", "custom.c99.big"])
def test_an_own_skill_for_a_class_beyond_1_to_12_is_refused(
    tmp_path: Path, store: Store, tag: str
) -> None:
    with pytest.raises(DataFileError, match="1 to 12") as refused:
        store.custom_content.import_file(_bank(tmp_path, _items(tag)))
    assert refused.value.line == 1
    assert outbox(store) == []


def test_a_nul_in_a_question_is_refused_with_its_line(tmp_path: Path) -> None:
    items = _items()
    items[1]["prompt"] = "Tree\u0000?"
    with pytest.raises(DataFileError, match="NUL") as refused:
        load_bank(_bank(tmp_path, items))
    assert (refused.value.line, refused.value.field) == (2, "prompt")


def test_deeply_nested_json_is_a_plain_error_on_its_line(tmp_path: Path) -> None:
    path = tmp_path / "deep.jsonl"
    path.write_text(json.dumps(_items(n=1)[0]) + "\n" + "[" * 100_000 + "]" * 100_000 + "\n")
    with pytest.raises(DataFileError, match="nested too deeply") as refused:
        load_bank(path)
    assert refused.value.line == 2


def test_a_number_with_5000_digits_is_a_plain_error_on_its_line(tmp_path: Path) -> None:
    path = tmp_path / "digits.jsonl"
    path.write_text('{"id": "a", "difficulty": ' + "9" * 5000 + "}\n")
    with pytest.raises(DataFileError, match="too many digits") as refused:
        load_bank(path)
    assert refused.value.line == 1


def test_a_difficulty_with_5000_digits_in_a_csv_is_a_plain_error(tmp_path: Path) -> None:
    path = tmp_path / "digits.csv"
    path.write_text(
        f"id,skill,type,prompt,answer,difficulty\na,custom.c3.x,true_false,Q,True,{'9' * 5000}\n"
    )
    with pytest.raises(DataFileError) as refused:
        load_bank(path)
    assert (refused.value.line, refused.value.field) == (2, "difficulty")
    assert len(str(refused.value)) < 200


def test_an_import_takes_a_backup_first(tmp_path: Path, store: Store) -> None:
    result = store.custom_content.import_file(_bank(tmp_path, _items()))
    assert result.backup is not None and result.backup.exists()
    assert result.backup.parent.name == "backups"


def test_a_row_too_long_to_read_back_no_longer_breaks_the_syllabus(store: Store) -> None:
    with store.write() as writer:  # as the version without the check stored it
        row = ("custom.c3.trees", "custom", 3, "Trees", "Our trees", "x" * 1000)
        writer.insert(CUSTOM_SKILLS, [row], ["old-skill"])
    assert store.custom_content.syllabus().grade("custom", 3) is None
    [unusable] = store.custom_content.unusable()
    assert unusable.name == "custom.c3.trees" and "600" in unusable.problem


def test_removing_an_own_skill_tombstones_it_and_its_questions(
    tmp_path: Path, store: Store
) -> None:
    store.custom_content.import_file(_bank(tmp_path, _items()))
    store.conn.execute("DELETE FROM outbox")
    removed = store.custom_content.remove(["custom.c3.trees"])
    assert (removed.items, removed.skills) == (3, 1)
    assert store.custom_content.items() == [] and store.custom_content.skills() == []
    deletes = {(m["table_name"], m["op"]) for m in outbox(store)}
    assert deletes == {("bank_items", "delete"), ("custom_skills", "delete")}
    assert len(outbox(store)) == 4


def test_a_removed_skill_can_be_imported_again(tmp_path: Path, store: Store) -> None:
    path = _bank(tmp_path, _items())
    store.custom_content.import_file(path)
    store.custom_content.remove(["custom.c3.trees"])
    again = store.custom_content.import_file(path)
    assert (again.added, again.skills) == (3, 1)
    assert len(store.custom_content.items()) == 3


def test_one_question_can_be_removed_by_its_id(tmp_path: Path, store: Store) -> None:
    store.custom_content.import_file(_bank(tmp_path, _items()))
    store.custom_content.remove(["custom.c3.trees-1"])
    assert [i.id for i in store.custom_content.items()] == [
        "custom.c3.trees-0",
        "custom.c3.trees-2",
    ]


def test_removing_a_bank_file_removes_its_questions_and_the_skills_left_empty(
    tmp_path: Path, store: Store
) -> None:
    trees = _bank(tmp_path, _items(), "trees.jsonl")
    birds = _bank(tmp_path, _items("custom.c3.birds"), "birds.jsonl")
    store.custom_content.import_file(trees)
    store.custom_content.import_file(birds)
    removed = store.custom_content.remove_file(trees)
    assert (removed.items, removed.skills) == (3, 1)
    assert [s["skill_tag"] for s in store.custom_content.skills()] == ["custom.c3.birds"]


def test_removing_something_that_is_not_there_changes_nothing(tmp_path: Path, store: Store) -> None:
    store.custom_content.import_file(_bank(tmp_path, _items()))
    with pytest.raises(NotFoundError, match=r"custom\.c3\.nothing"):
        store.custom_content.remove(["custom.c3.trees", "custom.c3.nothing"])
    assert len(store.custom_content.items()) == 3


def test_importing_a_corrected_file_mends_a_skill_that_could_not_be_read(
    tmp_path: Path, store: Store
) -> None:
    with store.write() as writer:
        row = ("custom.c3.trees", "custom", 3, "Trees", "Our trees", "x" * 1000)
        writer.insert(CUSTOM_SKILLS, [row], ["old-skill"])
    store.custom_content.import_file(_bank(tmp_path, _items(hint="Trees give shade.")))
    assert store.custom_content.unusable() == []
    [skill] = store.custom_content.skills()
    assert (skill["concept"], skill["chapter_title"]) == ("Trees give shade.", "Trees of Pune")
    assert store.query("SELECT count(*) FROM custom_skills")[0][0] == 1
