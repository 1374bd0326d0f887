"""Halves and quarters (Class 3) and fractions of a collection and of a whole (Class 4),
family "fractions".

Where the answer is a part of a number (half of 18, 3/4 of 20 laddoos) the generator picks the
answer first and builds the question from it, so every answer is a whole number without
rejection. The Class 5 fraction skills live in `fraction_ops`, which also says how fraction
answers are written and accepted; importing it from here registers them.
"""

from __future__ import annotations

from fractions import Fraction
from random import Random

from curriculum.generators.common import BLANK, FILL, fill_blank, person
from curriculum.generators.fraction_ops import equal_forms, real_slips, written
from curriculum.generators.registry import register
from curriculum.generators.slips import Slip, likeliest
from curriculum.pictures import Strip
from curriculum.question import Question, Text

FAMILY = "fractions"
# (English plural, Hindi plural, Hindi plural before का: "12 आमों का 1/3")
ITEMS = (
    ("mangoes", "आम", "आमों"),
    ("bananas", "केले", "केलों"),
    ("marbles", "कंचे", "कंचों"),
    ("laddoos", "लड्डू", "लड्डुओं"),
    ("pencils", "पेंसिलें", "पेंसिलों"),
)


@register("maths.c3.half_quarter", family=FAMILY)
def make_half_quarter(rng: Random, difficulty: int) -> Question:
    """d1: half of an even number up to 20, double up to 10; d2: half up to 100, a quarter
    up to 40, double 11–50; d3: a quarter up to 100, half of 100–200, double 51–100."""
    form = rng.choice(("half", "double") if difficulty == 1 else ("half", "quarter", "double"))
    if form == "double":
        low, high = ((1, 10), (11, 50), (51, 100))[difficulty - 1]
        return double_question(difficulty, rng.randint(low, high))
    if form == "half":
        low, high = ((1, 10), (6, 50), (50, 100))[difficulty - 1]
    else:
        low, high = (2, 10) if difficulty == 2 else (6, 25)
    return share_question(difficulty, form, rng.randint(low, high))


def share_question(difficulty: int, form: str, answer: int) -> Question:
    """Half or a quarter of a number made from the answer: n = 2 × answer or 4 × answer."""
    n = answer * (2 if form == "half" else 4)
    prompt, solution = (half_texts if form == "half" else quarter_texts)(n, answer)
    slips: list[Slip] = [
        (2 * n, "half_double_confused") if form == "half" else (2 * answer, "fraction_part"),
        (n - (2 if form == "half" else 4), "operation_swap"),  # took 2 (or 4) away
        (answer + 1, "off_by_one"),
    ]
    return fill_blank(
        "maths.c3.half_quarter",
        instruction=FILL,
        prompt=prompt,
        answer=answer,
        solution=solution,
        difficulty=difficulty,
        key=f"{form}:{n}",
        data={"form": form, "number": n},
        wrong=likeliest(answer, slips),
    )


def half_texts(n: int, half: int) -> tuple[Text, Text]:
    return Text(en=f"Half of {n} is {BLANK}.", hi=f"{n} का आधा {BLANK} है।"), Text(
        en=f"Share {n} into 2 equal parts: {half} + {half} = {n}. Half of {n} is {half}.",
        hi=f"{n} को 2 बराबर भागों में बाँटो: {half} + {half} = {n}। {n} का आधा {half} है।",
    )


def quarter_texts(n: int, quarter: int) -> tuple[Text, Text]:
    return Text(en=f"A quarter of {n} is {BLANK}.", hi=f"{n} का एक-चौथाई {BLANK} है।"), Text(
        en=f"Half of {n} is {2 * quarter}, and half of {2 * quarter} is {quarter}.",
        hi=f"{n} का आधा {2 * quarter} है, और {2 * quarter} का आधा {quarter} है।",
    )


def double_question(difficulty: int, n: int) -> Question:
    slips = [
        (n // 2 if n % 2 == 0 else 0, "half_double_confused"),
        (n + 2, "operation_swap"),
        (2 * n + 2, "table_fact"),
        (2 * n - 2, "table_fact"),
    ]
    return fill_blank(
        "maths.c3.half_quarter",
        instruction=FILL,
        prompt=Text(en=f"Double of {n} is {BLANK}.", hi=f"{n} का दोगुना {BLANK} है।"),
        answer=2 * n,
        solution=Text(
            en=f"Double means two times: {n} + {n} = {2 * n}.",
            hi=f"दोगुना यानी दो बार: {n} + {n} = {2 * n}।",
        ),
        difficulty=difficulty,
        key=f"double:{n}",
        data={"form": "double", "number": n},
        wrong=likeliest(2 * n, slips),
    )


@register("maths.c4.fraction_of_collection", family=FAMILY)
def make_fraction_of_collection(rng: Random, difficulty: int) -> Question:
    """Answer first: each share, then the total. d1: 1/2 of up to 20; d2: 1/3 or 1/4 of up to
    40; d3: 3/4 of up to 60, or 1/3 or 1/4 of up to 100."""
    if difficulty == 1:
        top, bottom, share = 1, 2, rng.randint(1, 10)
    elif difficulty == 2:
        top, bottom, share = 1, rng.choice((3, 4)), rng.randint(2, 10)
    elif rng.random() < 0.6:
        top, bottom, share = 3, 4, rng.randint(2, 15)
    else:
        top, bottom, share = 1, rng.choice((3, 4)), rng.randint(10, 25)
    return part_of_collection(difficulty, top, bottom, share, rng.choice(ITEMS))


def part_of_collection(
    difficulty: int, top: int, bottom: int, share: int, item: tuple[str, str, str]
) -> Question:
    total, answer = bottom * share, top * share
    en, hi, hi_of = item
    return fill_blank(
        "maths.c4.fraction_of_collection",
        instruction=FILL,
        prompt=Text(
            en=f"{top}/{bottom} of {total} {en} = {BLANK} {en}",
            hi=f"{total} {hi_of} का {top}/{bottom} = {BLANK} {hi}",
        ),
        answer=answer,
        solution=sharing_solution(top, bottom, share),
        difficulty=difficulty,
        key=f"of:{top}/{bottom}:{total}",
        data={"numerator": top, "denominator": bottom, "total": total},
        wrong=likeliest(answer, collection_slips(top, bottom, share)),
    )


def collection_slips(top: int, bottom: int, share: int) -> list[Slip]:
    total = bottom * share
    if top > 1:  # one share only, the rest, the numerator taken away, the whole collection
        return [
            (share, "fraction_part"),
            (total - top * share, "fraction_part"),
            (total - top, "operation_swap"),
            (total, "fraction_part"),
        ]
    halving = (2 * total, "half_double_confused") if bottom == 2 else (total // 2, "fraction_part")
    return [
        (total - share, "fraction_part"),
        halving,
        (total - bottom, "operation_swap"),
        (share + 1, "off_by_one"),
    ]


def sharing_solution(top: int, bottom: int, share: int) -> Text:
    total, answer = bottom * share, top * share
    more_en = f" {top} groups: {top} × {share} = {answer}." if top > 1 else ""
    more_hi = f" {top} समूह: {top} × {share} = {answer}।" if top > 1 else ""
    return Text(
        en=f"Make {bottom} equal groups: {total} ÷ {bottom} = {share} in each group.{more_en}",
        hi=f"{total} को {bottom} बराबर समूहों में बाँटो: हर समूह में {total} ÷ {bottom} = "
        f"{share}।{more_hi}",
    )


@register("maths.c4.fraction_name", family=FAMILY)
def make_fraction_name(rng: Random, difficulty: int) -> Question:
    """d1: a strip of 2–6 parts, the counts told; d2: a strip of 4–10 parts with the coloured
    parts scattered, only the picture; d3: the part of a roti left after some is eaten."""
    if difficulty == 3:
        parts = rng.randint(5, 12)
        return roti_left(rng, parts, rng.randint(1, parts - 1))
    parts = rng.randint(2, 6) if difficulty == 1 else rng.randint(4, 10)
    coloured = rng.randint(1, parts - 1)
    boxes = [True] * coloured + [False] * (parts - coloured)
    if difficulty == 2:
        rng.shuffle(boxes)
    question = coloured_strip(difficulty, parts, coloured)
    return question.model_copy(update={"picture": Strip(coloured=tuple(boxes))})  # drawn


STRIP_INSTRUCTION = Text(
    en="Write the fraction. The strip is cut into equal parts; the shaded parts are coloured.",
    hi="भिन्न लिखो। पट्टी बराबर भागों में बँटी है; छायांकित भाग रंगीन हैं।",
)


def coloured_strip(difficulty: int, parts: int, coloured: int) -> Question:
    value, answer, told = Fraction(coloured, parts), f"{coloured}/{parts}", difficulty == 1
    slips = [
        (f"{parts}/{coloured}", "fraction_part"),
        (f"{coloured}/{parts - coloured}", "fraction_part"),
        (f"{parts - coloured}/{parts}", "fraction_part"),
    ]
    counted = Text(
        en=f"The strip has {parts} equal parts and {coloured} coloured",
        hi=f"पट्टी में {parts} बराबर भाग हैं और {coloured} रंगीन {'है' if coloured == 1 else 'हैं'}",
    )
    return fill_blank(
        "maths.c4.fraction_name",
        instruction=STRIP_INSTRUCTION,
        prompt=strip_prompt(parts, coloured, told=told),
        answer=answer,
        accepted=equal_forms(value),
        solution=fraction_solution(counted, answer, value),
        difficulty=difficulty,
        key=f"coloured:{answer}:{'told' if told else 'picture'}",
        data={"form": "coloured", "parts": parts, "coloured": coloured},
        wrong=real_slips(value, slips),
    )


def strip_prompt(parts: int, coloured: int, *, told: bool) -> Text:
    """(When `told`) the counts in words, then the sentence with the blank; the strip is drawn."""
    told_en = f"{coloured} of the {parts} equal parts {'is' if coloured == 1 else 'are'} coloured. "
    told_hi = f"{parts} बराबर भागों में से {coloured} भाग रंगीन {'है' if coloured == 1 else 'हैं'}। "
    return Text(
        en=f"{told_en if told else ''}The coloured part is {BLANK} of the strip.",
        hi=f"{told_hi if told else ''}पट्टी का {BLANK} भाग रंगीन है।",
    )


def fraction_solution(counted: Text, answer: str, value: Fraction) -> Text:
    same_en = f" This is the same as {written(value)}." if written(value) != answer else ""
    same_hi = f" यह {written(value)} के बराबर है।" if written(value) != answer else ""
    return Text(
        en=f"{counted.en}, so the fraction is {answer}.{same_en}",
        hi=f"{counted.hi}, इसलिए भिन्न {answer} है।{same_hi}",
    )


def roti_left(rng: Random, parts: int, eaten: int) -> Question:
    who, left = person(rng), parts - eaten
    value, answer = Fraction(left, parts), f"{left}/{parts}"
    slips = [
        (f"{eaten}/{parts}", "fraction_part"),
        (f"{parts}/{left}", "fraction_part"),
        (f"{left}/{eaten}", "fraction_part"),
    ]
    counted = Text(
        en=f"{parts} - {eaten} = {left} of the {parts} equal pieces are left",
        hi=f"{parts} बराबर टुकड़ों में से {parts} - {eaten} = {left} "
        f"{'टुकड़ा बचा' if left == 1 else 'टुकड़े बचे'}",
    )
    return fill_blank(
        "maths.c4.fraction_name",
        instruction=Text(en="Write the fraction.", hi="भिन्न लिखो।"),
        prompt=Text(
            en=f"{who.en} cut a roti into {parts} equal pieces and ate {eaten} of them. "
            f"The part of the roti left is {BLANK}.",
            hi=f"{who.hi} ने एक रोटी के {parts} बराबर टुकड़े किए और उनमें से {eaten} "
            f"{'खा लिया' if eaten == 1 else 'खा लिए'}। बची हुई रोटी पूरी रोटी का {BLANK} भाग है।",
        ),
        answer=answer,
        accepted=equal_forms(value),
        solution=fraction_solution(counted, answer, value),
        difficulty=3,
        key=f"left:{eaten}/{parts}",
        data={"form": "left", "parts": parts, "eaten": eaten},
        wrong=real_slips(value, slips),
    )
