"""Measurement, Class 3: which holds more or weighs more, and glasses of water from jugs."""

from __future__ import annotations

from random import Random

from curriculum.generators.common import BLANK, person
from curriculum.generators.measurement_common import (
    choose,
    distinct,
    near,
    nouns,
    number,
    same,
)
from curriculum.generators.registry import register
from curriculum.question import Question, QuestionType, Text

# Nouns whose Hindi form does not change before की/का/में, so one template fits them all.
CONTAINERS = nouns("bottle=बोतल; jug=जग; bucket=बाल्टी; mug=मग; kettle=केतली; water can=पानी की कैन")
HEAVY = nouns(
    "pumpkin=कद्दू; watermelon=तरबूज़; brick=ईंट; cabbage=पत्तागोभी; school bag=स्कूल बैग; "
    "sack of rice=चावल की बोरी"
)


# --- Class 3: Filling and Lifting -------------------------------------------------------------


def _holds_more(rng: Random, tag: str) -> Question:
    if rng.random() < 0.5:
        kind, things, values = "capacity", rng.sample(CONTAINERS, 2), distinct(rng, 2, 2, 20)
        en = [f"A {t[0]} holds {v} glasses of water." for t, v in zip(things, values, strict=True)]
        hi = [f"{t[1]} में {v} गिलास पानी आता है।" for t, v in zip(things, values, strict=True)]
        ask, ask_en = rng.choice((("more", "holds more water"), ("less", "holds less water")))
        ask_hi = f"में {'अधिक' if ask == 'more' else 'कम'} पानी आता है"
    else:
        kind, things, values = "weight", rng.sample(HEAVY, 2), distinct(rng, 2, 1, 15)
        en = [f"The {t[0]} weighs {v} kg." for t, v in zip(things, values, strict=True)]
        hi = [f"{t[1]} का वज़न {v} किलोग्राम है।" for t, v in zip(things, values, strict=True)]
        ask, ask_en = rng.choice((("more", "is heavier"), ("less", "is lighter")))
        ask_hi = f"का वज़न {'अधिक' if ask == 'more' else 'कम'} है"
    right = 0 if (values[0] > values[1]) == (ask == "more") else 1
    prompt = Text(
        en=f"{en[0]} {en[1]} The {BLANK} {ask_en}.", hi=f"{hi[0]} {hi[1]} {BLANK} {ask_hi}।"
    )
    data = {
        "form": "pick",
        "kind": kind,
        "names": [t[0] for t in things],
        "values": values,
        "ask": ask,
    }
    return choose(tag, 1, prompt, same(f"{max(values)} > {min(values)}"), things, right, data)


GLASSES = {
    "mul": (
        "One jug of water fills {per} glasses. {jugs} jugs of water fill {blank} glasses.",
        "एक जग पानी से {per} गिलास भरते हैं। {jugs} जग पानी से {blank} गिलास भरेंगे।",
    ),
    "div": (
        "A bucket holds {total} glasses of water. A jug holds {per} glasses. "
        "{blank} jugs of water fill the bucket.",
        "एक बाल्टी में {total} गिलास पानी आता है। एक जग में {per} गिलास पानी आता है। "
        "बाल्टी {blank} जग पानी से भरेगी।",
    ),
    "party": (
        "At the class party, {who} has {jugs} jugs of lemonade. Each jug fills {per} glasses. "
        "The jugs fill {blank} glasses in all.",
        "कक्षा की पार्टी में {who} के पास नींबू पानी के {jugs} जग हैं। हर जग से {per} गिलास "
        "भरते हैं। सब जगों से कुल {blank} गिलास भरेंगे।",
    ),
}


def _glasses(rng: Random, tag: str, d: int, qtype: QuestionType = "fill_blank") -> Question:
    """How many glasses some jugs fill (multiply), or how many jugs fill a bucket (divide)."""
    jugs, per, who = rng.randint(2, 5 + d), rng.randint(2, 4 + d), person(rng)
    total = jugs * per
    story = "party" if qtype == "word_problem" else "div" if d == 3 else "mul"
    en, hi = GLASSES[story]
    values = {"jugs": jugs, "per": per, "total": total, "blank": BLANK}
    prompt = Text(en=en.format(who=who.en, **values), hi=hi.format(who=who.hi, **values))
    if story == "div":
        wrong = [(total - per, "operation_swap"), *near(jugs, 1, "table_fact")]
        data = {"form": "div", "total": total, "per": per}
        return number(tag, d, prompt, jugs, f"{total} ÷ {per} = {jugs}", data, wrong)
    wrong = [(jugs + per, "operation_swap"), *near(total, per, "table_fact")]
    data = {"form": "mul", "jugs": jugs, "per": per}
    return number(tag, d, prompt, total, f"{jugs} × {per} = {total}", data, wrong, qtype=qtype)


def capacity_word(rng: Random, difficulty: int) -> Question:
    return _glasses(rng, "maths.c3.capacity_weight_compare", difficulty, "word_problem")


@register("maths.c3.capacity_weight_compare", family="measurement", word_problem=capacity_word)
def capacity_weight_compare(rng: Random, difficulty: int) -> Question:
    """Which holds more or weighs more (1); glasses from jugs (2); jugs to fill a bucket (3)."""
    if difficulty == 1:
        return _holds_more(rng, "maths.c3.capacity_weight_compare")
    return _glasses(rng, "maths.c3.capacity_weight_compare", difficulty)
