"""One policy for text typed or imported by a person: what is refused, what is tidied."""

from __future__ import annotations

import re
import unicodedata

import pytest

from curriculum.text_policy import UnsafeText, clean_text, csv_cell
from curriculum.wording import count


@pytest.mark.parametrize(
    ("raw", "named"),
    [
        ("Asha\x00", "U+0000"),
        ("\x1b[31mAsha", "U+001B"),
        ("Asha\x7f", "U+007F"),
        ("Asha\x9b31m", "U+009B"),
        ("\u202eahsA", "U+202E"),
        ("Asha\u2066x\u2069", "U+2066"),
        ("Asha\ud800", "U+D800"),
        ("Asha\x0bVerma", "U+000B"),
    ],
)
def test_a_hidden_control_character_is_refused_and_named(raw: str, named: str) -> None:
    with pytest.raises(UnsafeText, match=re.escape(named)):
        clean_text(raw)


def test_the_refusal_says_where_the_character_is() -> None:
    with pytest.raises(UnsafeText, match="character 5"):
        clean_text("Asha\x00")


def test_tabs_and_line_breaks_in_a_one_line_field_become_single_spaces() -> None:
    assert clean_text("  Asha\t\r\nVerma  ") == "Asha Verma"


def test_a_multi_line_field_keeps_its_line_breaks_and_tabs() -> None:
    assert clean_text(" Line one\r\n\tLine two ", multiline=True) == "Line one\n\tLine two"


def test_text_is_stored_in_composed_form() -> None:
    decomposed = "Jose\u0301"
    assert clean_text(decomposed) == unicodedata.normalize("NFC", decomposed) == "José"


def test_joiners_that_devanagari_needs_are_kept() -> None:
    word = "क्\u200dष"  # a zero-width joiner asks for the half form
    assert clean_text(word) == word


@pytest.mark.parametrize("prefix", ["=", "+", "-", "@", "\t", "\r"])
def test_a_csv_cell_that_a_spreadsheet_would_run_as_a_formula_is_neutralised(
    prefix: str,
) -> None:
    cell = csv_cell(f'{prefix}HYPERLINK("http://x")')
    assert cell.startswith("'") and cell[1:].startswith(prefix)


def test_an_ordinary_csv_cell_is_left_as_it_is() -> None:
    assert csv_cell("Asha Verma") == "Asha Verma"


@pytest.mark.parametrize(
    ("n", "said"), [(0, "0 children"), (1, "1 child"), (2, "2 children"), (21, "21 children")]
)
def test_counts_are_said_with_the_right_plural(n: int, said: str) -> None:
    assert count(n, "child", "children") == said
