"""Item banks in Hindi: every bundled item's answer, options and match pairs have their Hindi,
and a teacher's own bank can give the same (answer_hi, options_hi, pairs_hi)."""

from __future__ import annotations

from pathlib import Path
from random import Random

import pytest

from curriculum.bank_hindi import bundled_glossaries, texts_to_translate
from curriculum.banks import BankItem, builtin_bank, load_bank
from curriculum.sourcefile import DataFileError

BANKS = Path(__file__).parents[2] / "resources" / "banks"
BANK_NAMES = sorted(p.stem for p in BANKS.glob("*.jsonl"))


def _raw_items(bank: str) -> list[BankItem]:
    return load_bank(BANKS / f"{bank}.jsonl")


@pytest.mark.parametrize("bank", BANK_NAMES)
def test_every_bundled_item_with_hindi_has_the_hindi_of_each_text_it_shows(bank: str) -> None:
    glossaries = bundled_glossaries(bank)
    missing = [
        (item.id, text)
        for item in _raw_items(bank)
        if item.prompt_hi
        for text in texts_to_translate(item)
        if text not in glossaries.get(item.id, {})
    ]
    assert missing == []


@pytest.mark.parametrize("bank", BANK_NAMES)
def test_no_hindi_is_kept_for_english_an_item_no_longer_has(bank: str) -> None:
    items = {item.id: item for item in _raw_items(bank)}
    stale = [
        (item_id, text)
        for item_id, glossary in bundled_glossaries(bank).items()
        for text in glossary
        if item_id not in items or text not in texts_to_translate(items[item_id])
    ]
    assert stale == []


def test_a_bundled_match_item_is_hindi_on_both_sides() -> None:
    item = next(i for items in builtin_bank().values() for i in items if i.type == "match")
    q = item.to_question(Random(1))
    assert all(p.left.hi and p.right_hi for p in q.pairs)
    assert q.answer_hi and all(letter in "कखगघ" for letter in q.answer_hi if letter.isalpha())


def test_a_bundled_choice_keeps_each_option_with_its_hindi_when_shuffled() -> None:
    item = next(i for i in builtin_bank()["evs.c3.family_and_friends"] if i.id.endswith(".001"))
    q = item.to_question(Random(7))
    pairs = dict(zip(q.options, q.options_hi, strict=True))
    assert pairs["grandmother"] == "दादी" and q.answer_hi == "दादी"


def test_a_teachers_csv_bank_can_give_the_hindi_of_its_options(tmp_path: Path) -> None:
    bank = tmp_path / "trees.csv"
    bank.write_text(
        "id,skill,type,prompt,prompt_hi,answer,options,options_hi\n"
        "t1,custom.c3.trees,multiple_choice,Which tree gives neem oil?,"
        "किस पेड़ से नीम का तेल मिलता है?,Neem,Neem|Mango|Banyan,नीम|आम|बरगद\n",
        encoding="utf-8",
    )
    (item,) = load_bank(bank)
    q = item.to_question(Random(3))
    assert dict(zip(q.options, q.options_hi, strict=True)) == {
        "Neem": "नीम",
        "Mango": "आम",
        "Banyan": "बरगद",
    }
    assert q.answer_hi == "नीम"


def test_options_hi_that_do_not_match_the_options_are_refused(tmp_path: Path) -> None:
    bank = tmp_path / "trees.csv"
    bank.write_text(
        "id,skill,type,prompt,answer,options,options_hi\n"
        "t1,custom.c3.trees,multiple_choice,Which tree?,Neem,Neem|Mango|Banyan,नीम|आम\n",
        encoding="utf-8",
    )
    with pytest.raises(DataFileError, match="options_hi"):
        load_bank(bank)
