"""English grammar, Classes 1–5 (family "english"): articles, opposites, plurals, naming and
action words, tenses, agreement, punctuation, apostrophes and word order.

Each generator picks an item from the hand-written lists in `english_words` and builds a
fill-in, choose-the-word or rewrite question. Spelling rules (plurals, -ed, -ing, a/an by sound,
short forms) are computed; irregular words come from tables. Every solution states the rule.

This module only gathers the family; importing it registers every generator. The code lives in:

- `english_common`: the family, the kinds of mistake and the fill-in, choose and rewrite builders;
- `english_rules`: the spelling rules (a/an, plurals, -ed, -ing, he/she/it -s, short forms);
- `english_articles`: a or an by the first sound, and the;
- `english_opposites`: opposite words, and opposites made with un-, dis-, in- or im-;
- `english_plurals`: -s, -es, -ies, -ves and irregular plurals;
- `english_word_kinds`: naming and action words, common and proper nouns, collective nouns;
- `english_verbs`: past tenses, tenses by their time words, continuous tenses, agreement;
- `english_sentences`: word order, capitals, end marks, commas and direct speech;
- `english_apostrophes`: short forms (don't, I'm) and owners ('s, s').
"""

from __future__ import annotations

from curriculum.generators import (  # noqa: F401 - imported to register their generators
    english_apostrophes,
    english_articles,
    english_opposites,
    english_plurals,
    english_sentences,
    english_verbs,
    english_word_kinds,
)
from curriculum.generators.english_common import FAMILY
from curriculum.generators.english_rules import (
    article,
    contract,
    ing_form,
    past_regular,
    plural,
    third_person,
)

__all__ = ["FAMILY", "article", "contract", "ing_form", "past_regular", "plural", "third_person"]
