"""Measurement, Class 3: which holds more or weighs more, and glasses of water from jugs."""

from __future__ import annotations

from random import Random

from curriculum.generators.common import BLANK, person, sample
from curriculum.generators.measurement_common import (
    choose,
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
# What each thing really holds (glasses of about 200 mL) or weighs (kg), so no bucket holds 3
# glasses beside a jug of 17, and no sack of rice weighs 1 kg beside a 5 kg cabbage.
GLASSES_HELD = {
    "mug": (1, 2),
    "bottle": (3, 5),
    "jug": (5, 8),
    "kettle": (4, 7),
    "water can": (20, 40),
    "bucket": (40, 75),
}
KG = {
    "cabbage": (1, 2),
    "brick": (2, 4),
    "school bag": (2, 5),
    "watermelon": (3, 7),
    "pumpkin": (3, 9),
    "sack of rice": (10, 50),
}
JUG_GLASSES = (5, 8)  # a jug of water or lemonade fills 5 to 8 glasses
BUCKET_GLASSES = (40, 75)


# --- Class 3: Filling and Lifting -------------------------------------------------------------


def _holds_more(rng: Random, tag: str) -> Question:
    if rng.random() < 0.5:
        kind, things = "capacity", rng.sample(CONTAINERS, 2)
        values = _realistic(rng, [GLASSES_HELD[t[0]] for t in things])
        en = [
            f"A {t[0]} holds {v} {'glass' if v == 1 else 'glasses'} of water."
            for t, v in zip(things, values, strict=True)
        ]
        hi = [f"{t[1]} में {v} गिलास पानी आता है।" for t, v in zip(things, values, strict=True)]
        ask, ask_en = rng.choice((("more", "holds more water"), ("less", "holds less water")))
        ask_hi = f"में {'अधिक' if ask == 'more' else 'कम'} पानी आता है"
    else:
        kind, things = "weight", rng.sample(HEAVY, 2)
        values = _realistic(rng, [KG[t[0]] for t in things])
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


def _realistic(rng: Random, spans: list[tuple[int, int]]) -> list[int]:
    """A different value for each thing, each within the thing's own range."""
    return list(
        sample(rng, lambda r: [r.randint(lo, hi) for lo, hi in spans], lambda v: v[0] != v[1])
    )


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
    story = "party" if qtype == "word_problem" else "div" if d == 3 else "mul"
    per, who = rng.randint(*JUG_GLASSES), person(rng)
    if story == "div":  # a bucket holds 40 to 75 glasses: so many jugs of this one
        jugs = rng.choice([j for j in range(2, 11) if BUCKET_GLASSES[0] <= j * per <= 80])
    else:
        jugs = rng.randint(2, 3 + d)
    total = jugs * per
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
    """Which holds more or weighs more (1); glasses from jugs (2) or jugs to fill a bucket (3),
    or how much more one thing holds or weighs than another (2, 3)."""
    tag = "maths.c3.capacity_weight_compare"
    if difficulty == 1:
        return _holds_more(rng, tag)
    if rng.random() < 0.5:
        return _how_much_more(rng, tag, difficulty)
    return _glasses(rng, tag, difficulty)


def _how_much_more(rng: Random, tag: str, d: int) -> Question:
    """How many more glasses one thing holds than another, or how much heavier it is."""
    capacity = rng.random() < 0.5
    pool, spans = (CONTAINERS, GLASSES_HELD) if capacity else (HEAVY, KG)
    pair = sample(rng, lambda r: r.sample(pool, 2), lambda p: spans[p[0][0]][1] > spans[p[1][0]][0])
    (big, big_hi), (small, small_hi) = pair
    a, b = sample(rng, lambda r: _realistic(r, [spans[big], spans[small]]), lambda v: v[0] > v[1])
    if capacity:
        prompt = Text(
            en=f"A {big} holds {a} glasses of water and a {small} holds {b}. "
            f"The {big} holds {BLANK} more glasses than the {small}.",
            hi=f"{big_hi} में {a} गिलास पानी आता है और {small_hi} में {b} गिलास। "
            f"{big_hi} में {small_hi} से {BLANK} गिलास अधिक पानी आता है।",
        )
        units = None
    else:
        prompt = Text(
            en=f"The {big} weighs {a} kg and the {small} weighs {b} kg. "
            f"The {big} is {BLANK} kg heavier than the {small}.",
            hi=f"{big_hi} का वज़न {a} किलोग्राम है और {small_hi} का {b} किलोग्राम। "
            f"{big_hi} का वज़न {small_hi} से {BLANK} किलोग्राम अधिक है।",
        )
        units = ("kg", "किलोग्राम")
    wrong = [(a + b, "operation_swap"), *near(a - b, 1, "off_by_one")]
    data = {"form": "diff", "kind": "capacity" if capacity else "weight", "names": [big, small]}
    data["values"] = [a, b]
    return number(tag, d, prompt, a - b, f"{a} - {b} = {a - b}", data, wrong, units=units)
