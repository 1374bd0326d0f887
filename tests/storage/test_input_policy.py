"""Text at the store's door: refused with the field named, tidied, and said in plain words."""

from __future__ import annotations

import pytest

from storage.consent import ConsentBasis
from storage.database import Store
from storage.errors import InvalidInput, NotFoundError
from storage.tables import CHILDREN
from tests.conftest import SCHOOL


def test_a_nul_in_a_childs_name_is_refused_naming_the_field(store: Store) -> None:
    with pytest.raises(InvalidInput, match=r"^name contains a NUL character \(U\+0000\)"):
        store.children.add({"name": "Asha\x00", "grade": 3}, SCHOOL)
    assert store.children.all() == []


def test_a_terminal_escape_in_a_class_name_is_refused(store: Store) -> None:
    with pytest.raises(InvalidInput, match="escape character"):
        store.classes.add({"name": "\x1b[2J3A", "grade": 3})


def test_a_right_to_left_override_in_a_guardians_name_is_refused(store: Store) -> None:
    with pytest.raises(InvalidInput, match="guardian's name contains a right-to-left"):
        ConsentBasis.guardian("Sunita\u202e", "Mother", app_version="1.0")


def test_a_school_name_with_a_control_character_is_refused(store: Store) -> None:
    with pytest.raises(InvalidInput, match="school or family name"):
        store.profiles.save({"role": "teacher", "active_role": "teacher", "school_name": "A\x07"})


def test_a_name_is_kept_composed_and_trimmed(store: Store) -> None:
    child = store.children.add({"name": "  Jose\u0301\tKumar ", "grade": 3}, SCHOOL)
    assert store.children.get(child.id or "").name == "José Kumar"


def test_a_name_starting_like_a_formula_is_kept_as_typed(store: Store) -> None:
    child = store.children.add({"name": "@Asha", "grade": 3}, SCHOOL)
    assert store.children.get(child.id or "").name == "@Asha"


def test_a_row_kept_before_the_policy_is_still_readable(store: Store) -> None:
    with store.write() as writer:  # as an older version (or a pull) could have stored it
        [old] = writer.insert(CHILDREN, [("Asha\x1b[0m", 3, "CBSE", None, None, None, None)])
    assert store.children.get(old).name == "Asha\x1b[0m"
    assert [c.name for c in store.children.all()] == ["Asha\x1b[0m"]


def test_a_missing_child_is_named_in_plain_words(store: Store) -> None:
    with pytest.raises(NotFoundError, match=r"^there is no child with id nope$"):
        store.children.get("nope")


def test_an_impossible_date_of_birth_is_said_in_plain_words(store: Store) -> None:
    with pytest.raises(InvalidInput) as refused:
        store.children.add({"name": "Asha", "grade": 3, "date_of_birth": "2019-02-30"}, SCHOOL)
    assert str(refused.value) == "date of birth: 2019-02-30 is not a real date"
    assert refused.value.field == "date_of_birth"


def test_a_date_in_another_form_says_how_to_write_it(store: Store) -> None:
    with pytest.raises(InvalidInput, match="write it as YYYY-MM-DD"):
        store.children.add({"name": "Asha", "grade": 3, "date_of_birth": "30/2/2019"}, SCHOOL)


def test_an_age_band_in_another_form_says_how_to_write_it(store: Store) -> None:
    with pytest.raises(InvalidInput, match=r"^age band is not written as expected: like 7-8$"):
        store.children.add({"name": "Asha", "grade": 3, "age_band": "seven"}, SCHOOL)


def test_a_grade_with_thousands_of_digits_is_one_plain_sentence(store: Store) -> None:
    with pytest.raises(InvalidInput, match=r"^grade must be a whole number from 1 to 12$"):
        store.children.add({"name": "Asha", "grade": "9" * 5000}, SCHOOL)
