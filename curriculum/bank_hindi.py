"""The Hindi of the bundled item banks, kept beside them in resources/banks/hindi/<bank>.jsonl.

One line per item with words to translate: `{"id": ..., "hi": {"English": "Hindi", ...}}`, for
its answer, its options and both sides of its match pairs. Keyed by the English text, so an item
whose options are reordered keeps its Hindi, and an item whose English changed is caught by the
bank test (tests/curriculum/test_bank_hindi.py) instead of printing a stale translation.
A teacher's own bank gives the same Hindi in its own fields (answer_hi, options_hi, pairs_hi).
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from importlib import resources
from pathlib import Path
from typing import TYPE_CHECKING, Any

from curriculum.hindi import has_latin
from curriculum.sourcefile import DataFileError, read_text

if TYPE_CHECKING:
    from curriculum.banks import BankItem

Glossary = Mapping[str, str]


def bundled_glossaries(bank: str) -> dict[str, dict[str, str]]:
    """Item id -> its glossary, for the bundled bank named `bank` (e.g. "evs_c3")."""
    path = Path(str(resources.files("resources") / "banks" / "hindi" / f"{bank}.jsonl"))
    if not path.exists():
        return {}
    glossaries: dict[str, dict[str, str]] = {}
    for number, line in enumerate(read_text(path).splitlines(), start=1):
        if line.strip() and not line.lstrip().startswith("#"):
            item_id, glossary = _entry(path, number, line)
            glossaries[item_id] = glossary
    return glossaries


def _entry(path: Path, number: int, line: str) -> tuple[str, dict[str, str]]:
    try:
        row: Any = json.loads(line)
        item_id, glossary = row["id"], row["hi"]
    except (json.JSONDecodeError, KeyError, TypeError) as error:
        raise DataFileError(path, number, None, f"not an item's Hindi: {error}") from None
    if not isinstance(glossary, dict) or not all(
        isinstance(k, str) and isinstance(v, str) for k, v in glossary.items()
    ):
        raise DataFileError(path, number, "hi", "must map English text to Hindi text")
    return str(item_id), glossary


def texts_to_translate(item: BankItem) -> list[str]:
    """The English texts of an item that a Hindi sheet must print in Hindi."""
    texts = [] if item.type in ("true_false", "match") else [item.answer]
    texts += item.options
    texts += [side for pair in item.pairs for side in pair]
    return [t for t in dict.fromkeys(texts) if has_latin(t)]


def with_hindi(item: BankItem, glossary: Glossary) -> BankItem:
    """The item with the Hindi its glossary gives, where the item has none of its own."""

    def hindi(text: str) -> str | None:
        return glossary.get(text) or (None if has_latin(text) else text)

    update: dict[str, Any] = {}
    if item.answer_hi is None and item.type not in ("true_false", "match"):
        update["answer_hi"] = glossary.get(item.answer)
    options = [hindi(o) for o in item.options]
    if item.options and not item.options_hi and all(options):
        update["options_hi"] = tuple(options)
    pairs = [(hindi(left), hindi(right)) for left, right in item.pairs]
    if item.pairs and not item.pairs_hi and all(a and b for a, b in pairs):
        update["pairs_hi"] = tuple(pairs)
    return item.model_copy(update=update) if update else item
