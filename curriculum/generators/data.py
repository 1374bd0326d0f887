"""Generators: data handling. Counting toys in a list (Class 1, So Many Toys),
reading pictographs (Class 2; Class 5 with a scale) and tables (Class 4, Data Handling).

Tallies and pictographs are pictures (`curriculum.pictures`), drawn by the renderer: bundles
of four marks crossed by the fifth, rows of icons with a key. Lists and tables are text. Every
question shows its data first, then asks one thing about it.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from random import Random
from typing import NamedTuple

from curriculum.generators.common import BLANK, PEOPLE
from curriculum.generators.registry import register
from curriculum.generators.shapes_common import Word, Wrong, fill
from curriculum.pictures import Icon, Pictograph, PictographRow, Tally
from curriculum.question import Question, Text

LOOK = Text(en="Look at the data and answer.", hi="आँकड़े देखो और उत्तर दो।")
Data = dict[str, object]
Shown = Word | Tally | Pictograph  # a list or table as text, or a picture


class Item(NamedTuple):
    en: str
    en_many: str
    hi: str
    hi_many: str
    feminine: bool  # Hindi agreement: कितनी गेंदें, कितने लट्टू
    hi_oblique: str = ""  # plural before a postposition: गुड़ियों से


def _ask(
    tag: str, difficulty: int, shown: Shown, ask: Word, answer: object, work: Word | str,
    data: Data, wrong: Wrong, accepted: Iterable[str] = (), hindi: dict[str, str] | None = None,
) -> Question:  # fmt: skip
    """The data shown, then the question with its blank; `work` is the worked answer."""
    if isinstance(shown, Word):
        prompt = Text(en=f"{shown.en}\n{ask.en} {BLANK}", hi=f"{shown.hi}\n{ask.hi} {BLANK}")
    else:  # drawn: the picture comes first, then the question
        prompt = Text(en=f"{ask.en} {BLANK}", hi=f"{ask.hi} {BLANK}")
    hint = Text(en=work, hi=work) if isinstance(work, str) else Text(en=work.en, hi=work.hi)
    question = fill(
        tag, difficulty, prompt, answer, hint, data, wrong, accepted, instruction=LOOK, hindi=hindi
    )
    return question if isinstance(shown, Word) else question.model_copy(update={"picture": shown})


def _rows(title: Word, labels: Sequence[Word], marks: Sequence[str]) -> Word:
    """A title line, then one line per row: 'Mango: * * *'."""
    pairs = list(zip(labels, marks, strict=True))
    return Word(
        en="\n".join([title.en, *(f"{label.en}: {mark}" for label, mark in pairs)]),
        hi="\n".join([title.hi, *(f"{label.hi}: {mark}" for label, mark in pairs)]),
    )


def _pictograph(
    title: Word, labels: Sequence[Word], counts: Sequence[int], icon: Icon, key: Word
) -> Pictograph:
    """Rows of `icon`, one row per label; `key` says what one icon stands for."""
    pairs = zip(labels, counts, strict=True)
    rows = (PictographRow(label=Text(en=w.en, hi=w.hi), count=c) for w, c in pairs)
    return Pictograph(
        icon=icon,
        stands_for=Text(en=key.en, hi=key.hi),
        rows=tuple(rows),
        title=Text(en=title.en, hi=title.hi),
    )


def _more_or_less(rng: Random, counts: Sequence[int]) -> tuple[int, int]:
    """Two different rows, the larger first."""
    first, second = rng.sample(range(len(counts)), 2)
    return (first, second) if counts[first] > counts[second] else (second, first)


def _difference(big: int, small: int, unit: int = 1) -> Wrong:
    """Wrong answers to 'how many more': added, gave the larger count, one step off."""
    diff = (big - small) * unit
    wrong: Wrong = [((big + small) * unit, "operation_swap"), (big * unit, "counted_wrong")]
    return [*wrong, (diff + unit, "off_by_one"), (diff - unit, "off_by_one")]


def _minus(big: int, small: int) -> str:
    return f"{big} − {small} = {big - small}"


def _total(values: Sequence[int]) -> tuple[int, str]:
    return sum(values), f"{' + '.join(map(str, values))} = {sum(values)}"


def _extreme(
    tag: str, difficulty: int, items: Sequence[Item], counts: Sequence[int], shown: Shown,
    most: bool, ask: tuple[str, str], data: Data,
) -> Question:  # fmt: skip
    """'Which ... is the most / the fewest?' over distinct counts; the others are wrong answers."""
    best = counts.index(max(counts) if most else min(counts))
    right = items[best]
    word = ("most", "सबसे ज़्यादा") if most else ("fewest", "सबसे कम")
    question = Word(en=ask[0].format(word[0]), hi=ask[1].format(word[1]))
    work = Word(
        en=f"{right.en_many.capitalize()}: {counts[best]}, the {word[0]}.",
        hi=f"{right.hi_many}: {counts[best]}, {word[1]}।",
    )
    wrong: Wrong = [(item.en, "compared_wrong") for item in items if item != right]
    accepted = (right.en_many, right.hi, right.hi_many, right.en.capitalize())
    data = {**data, "kind": word[0]}
    hindi = {item.en: item.hi for item in items}
    return _ask(tag, difficulty, shown, question, right.en, work, data, wrong, accepted, hindi)


# --- Class 1: So Many Toys -------------------------------------------------------------------

TOYS = (
    Item("ball", "balls", "गेंद", "गेंदें", True, "गेंदों"),
    Item("doll", "dolls", "गुड़िया", "गुड़ियाँ", True, "गुड़ियों"),
    Item("car", "cars", "कार", "कारें", True, "कारों"),
    Item("top", "tops", "लट्टू", "लट्टू", False, "लट्टुओं"),
    Item("kite", "kites", "पतंग", "पतंगें", True, "पतंगों"),
    Item("drum", "drums", "ढोल", "ढोल", False, "ढोलों"),
)


@register("maths.c1.data_count", family="data")
def data_count(rng: Random, difficulty: int) -> Question:
    """A list of toys (Class 1 counts things one by one: tally marks come in Class 3).
    d1: how many of one kind; d2: which kind is the most or fewest; d3: how many in all, or
    how many more of one kind than another."""
    tag = "maths.c1.data_count"
    kinds = rng.sample(TOYS, 2 if difficulty == 1 else 3)
    counts = rng.sample(range(1, 6) if difficulty < 3 else range(2, 8), len(kinds))
    toys = [toy for toy, n in zip(kinds, counts, strict=True) for _ in range(n)]
    rng.shuffle(toys)
    shown = Word(
        en="Toys: " + ", ".join(t.en for t in toys), hi="खिलौने: " + ", ".join(t.hi for t in toys)
    )
    data: Data = {"items": [t.en for t in kinds], "counts": counts}
    if difficulty == 3:
        return _toys_compared(tag, rng, kinds, counts, shown, data)
    if difficulty == 2:
        ask = ("Which toy do we have the {} of?", "कौन-सा खिलौना {} है?")
        return _extreme(tag, 2, kinds, counts, shown, rng.random() < 0.5, ask, data)
    asked = rng.randrange(2)
    toy, count = kinds[asked], counts[asked]
    how_many = "कितनी" if toy.feminine else "कितने"
    ask_toy = Word(en=f"How many {toy.en_many} are there?", hi=f"{toy.hi_many} {how_many} हैं?")
    work = Word(
        en=f"Count only the {toy.en_many}: {count}.", hi=f"केवल {toy.hi_many} गिनो: {count}।"
    )
    wrong: Wrong = [(count + 1, "off_by_one"), (count - 1, "off_by_one")]
    wrong += [(len(toys), "counted_wrong"), (counts[1 - asked], "counted_wrong")]  # all; the other
    data.update(kind="count", toys=[t.en for t in toys], asked=toy.en)
    return _ask(tag, 1, shown, ask_toy, count, work, data, wrong)


def _toys_compared(
    tag: str, rng: Random, kinds: Sequence[Item], counts: Sequence[int], shown: Word, data: Data
) -> Question:
    """How many toys in all (at most 21), or how many more of one kind than of another."""
    if rng.random() < 0.5:
        total, work = _total(counts)
        ask = Word(en="How many toys are there in all?", hi="कुल कितने खिलौने हैं?")
        wrong: Wrong = [(total - counts[-1], "counted_wrong"), (total - 1, "counted_wrong")]
        wrong.append((total + 1, "off_by_one"))
        return _ask(tag, 3, shown, ask, total, work, {**data, "kind": "total"}, wrong)
    big, small = _more_or_less(rng, counts)
    more, fewer = kinds[big], kinds[small]
    how_many = "कितनी" if more.feminine else "कितने"
    ask = Word(
        en=f"How many more {more.en_many} than {fewer.en_many} are there?",
        hi=f"{fewer.hi_oblique} से {how_many} ज़्यादा {more.hi_many} हैं?",
    )
    data.update(kind="more", more=more.en, fewer=fewer.en)
    wrong = _difference(counts[big], counts[small])
    answer = counts[big] - counts[small]
    return _ask(tag, 3, shown, ask, answer, _minus(counts[big], counts[small]), data, wrong)


# --- Class 2: Data Handling (pictographs, one symbol each) ------------------------------------

FRUITS = (
    Item("mango", "mangoes", "आम", "आम", False),
    Item("banana", "bananas", "केला", "केले", False),
    Item("apple", "apples", "सेब", "सेब", False),
    Item("guava", "guavas", "अमरूद", "अमरूद", False),
    Item("orange", "oranges", "संतरा", "संतरे", False),
    Item("grapes", "grapes", "अंगूर", "अंगूर", False),
)
FRUIT_TITLE = Word(
    en="Favourite fruits of the children in a class", hi="एक कक्षा के बच्चों के पसंदीदा फल"
)
ONE_CHILD = Word(en="= 1 child", hi="= 1 बच्चा")


@register("maths.c2.data_pictograph", family="data")
def data_pictograph(rng: Random, difficulty: int) -> Question:
    tag = "maths.c2.data_pictograph"
    fruits = rng.sample(FRUITS, 4)
    counts = rng.sample(range(1, 10), 4)
    labels = [Word(en=f.en.capitalize(), hi=f.hi) for f in fruits]
    shown = _pictograph(FRUIT_TITLE, labels, counts, "face", ONE_CHILD)
    data: Data = {"items": [f.en for f in fruits], "counts": counts}
    if difficulty == 2:
        ask = ("Which fruit is liked by the {} children?", "{} बच्चों को कौन-सा फल पसंद है?")
        return _extreme(tag, 2, fruits, counts, shown, rng.random() < 0.5, ask, data)
    if difficulty == 3:
        return _fruit_difference(tag, rng, fruits, counts, shown, data)
    i = rng.randrange(4)
    fruit, count = fruits[i], counts[i]
    question = Word(
        en=f"How many children like {fruit.en_many}?", hi=f"कितने बच्चों को {fruit.hi} पसंद है?"
    )
    work = Word(
        en=f"Count the faces next to {fruit.en.capitalize()}: {count}.",
        hi=f"{fruit.hi} के आगे के चेहरे गिनो: {count}।",
    )
    wrong: Wrong = [(count + 1, "off_by_one"), (count - 1, "off_by_one")]
    wrong.append((counts[(i + 1) % 4], "counted_wrong"))  # read the next row
    data.update(kind="count", asked=fruit.en)
    return _ask(tag, 1, shown, question, count, work, data, wrong)


def _fruit_difference(
    tag: str, rng: Random, fruits: Sequence[Item], counts: list[int], shown: Shown, data: Data
) -> Question:
    big, small = _more_or_less(rng, counts)
    more, fewer = fruits[big], fruits[small]
    question = Word(
        en=f"How many more children like {more.en_many} than {fewer.en_many}?",
        hi=f"{more.hi} पसंद करने वाले बच्चे {fewer.hi} पसंद करने वाले बच्चों से कितने ज़्यादा हैं?",
    )
    data = {**data, "kind": "more", "more": more.en, "fewer": fewer.en}
    work, wrong = _minus(counts[big], counts[small]), _difference(counts[big], counts[small])
    return _ask(tag, 3, shown, question, counts[big] - counts[small], work, data, wrong)


# --- Class 4: Data Handling (tables) ---------------------------------------------------------

# All masculine in Hindi, so one question reads right for each: "कितने ... हैं".
THEMES = [Word(en=en, hi=hi) for en, hi in (("marbles", "कंचे"), ("stickers", "स्टिकर"))]
THEMES.append(Word(en="bottle caps", hi="बोतल के ढक्कन"))


def no_borrow(a: int, b: int) -> int:
    """a − b worked column by column, always taking the smaller digit from the larger."""
    top, bottom = str(a), str(b).zfill(len(str(a)))
    return int("".join(str(abs(int(x) - int(y))) for x, y in zip(top, bottom, strict=True)))


def no_carry(values: Sequence[int]) -> int:
    """The sum written column by column, keeping only the units digit of each column's sum."""
    width = max(len(str(v)) for v in values)
    columns = zip(*(str(v).zfill(width) for v in values), strict=True)
    return int("".join(str(sum(int(d) for d in column) % 10) for column in columns))


@register("maths.c4.data_table", family="data")
def data_table(rng: Random, difficulty: int) -> Question:
    tag, theme = "maths.c4.data_table", rng.choice(THEMES)
    people = rng.sample(PEOPLE, 4)
    values = rng.sample(range(100, 500) if difficulty == 3 else range(10, 100), 4)
    title = Word(en=f"Number of {theme.en} each child has:", hi=f"हर बच्चे के पास कितने {theme.hi} हैं:")
    shown = _rows(title, [Word(en=p.en, hi=p.hi) for p in people], [str(v) for v in values])
    data: Data = {"names": [p.en for p in people], "values": values, "theme": theme.en}
    if difficulty == 1:
        items = [Item(p.en, p.en, p.hi, p.hi, p.female) for p in people]
        ask = (f"Who has the {{}} {theme.en}?", f"{{}} {theme.hi} किसके पास हैं?")
        return _extreme(tag, 1, items, values, shown, rng.random() < 0.5, ask, data)
    if difficulty == 3:
        total, work = _total(values)
        question = Word(
            en=f"How many {theme.en} do the four children have in all?",
            hi=f"चारों बच्चों के पास कुल कितने {theme.hi} हैं?",
        )
        wrong: Wrong = [(no_carry(values), "forgot_to_carry")]
        wrong += [(total - values[-1], "counted_wrong"), (total + values[-1], "counted_wrong")]
        return _ask(tag, 3, shown, question, total, work, {**data, "kind": "total"}, wrong)
    big, small = _more_or_less(rng, values)
    more, fewer = people[big], people[small]
    question = Word(
        en=f"How many more {theme.en} does {more.en} have than {fewer.en}?",
        hi=f"{more.hi} के पास {fewer.hi} से कितने ज़्यादा {theme.hi} हैं?",
    )
    wrong = [(no_borrow(values[big], values[small]), "forgot_to_borrow")]
    wrong += _difference(values[big], values[small])
    data.update(kind="more", more=more.en, fewer=fewer.en)
    work = _minus(values[big], values[small])
    return _ask(tag, 2, shown, question, values[big] - values[small], work, data, wrong)


# --- Class 5: Data Through Pictures (pictographs with a scale) -------------------------------

DAYS = tuple(
    Word(en=en, hi=hi)
    for en, hi in (
        ("Monday", "सोमवार"), ("Tuesday", "मंगलवार"), ("Wednesday", "बुधवार"),
        ("Thursday", "गुरुवार"), ("Friday", "शुक्रवार"), ("Saturday", "शनिवार"),
    )
)  # fmt: skip


@register("maths.c5.pictograph_scale", family="data")
def pictograph_scale(rng: Random, difficulty: int) -> Question:
    tag = "maths.c5.pictograph_scale"
    scale = rng.choice((5, 10) if difficulty < 3 else (5, 10, 20, 25))
    first = rng.randrange(3)
    days = DAYS[first : first + 4]
    stars = rng.sample(range(1, 10), 4)
    title = Word(en="Ice creams sold at a shop", hi="एक दुकान पर बिकी आइसक्रीम")
    key = Word(en=f"= {scale} ice creams", hi=f"= {scale} आइसक्रीम")
    shown = _pictograph(title, days, stars, "ice_cream", key)
    data: Data = {"days": [d.en for d in days], "stars": stars, "scale": scale}
    if difficulty == 2:
        return _scale_difference(rng, shown, days, stars, scale, data)
    if difficulty == 3:
        return _scale_total(rng, shown, stars, scale, data)
    i = rng.randrange(4)
    value = stars[i] * scale
    question = Word(
        en=f"How many ice creams were sold on {days[i].en}?",
        hi=f"{days[i].hi} को कितनी आइसक्रीम बिकीं?",
    )
    wrong: Wrong = [(stars[i], "counted_wrong")]  # counted the stars, forgot the scale
    wrong += [(value + scale, "off_by_one"), (value - scale, "off_by_one")]
    wrong.append((stars[i] + scale, "operation_swap"))
    work, data = f"{stars[i]} × {scale} = {value}", {**data, "kind": "day", "asked": i}
    return _ask(tag, 1, shown, question, value, work, data, wrong)


def _scale_difference(
    rng: Random, shown: Shown, days: Sequence[Word], stars: list[int], scale: int, data: Data
) -> Question:
    big, small = _more_or_less(rng, stars)
    more, fewer = days[big], days[small]
    diff = (stars[big] - stars[small]) * scale
    question = Word(
        en=f"How many more ice creams were sold on {more.en} than on {fewer.en}?",
        hi=f"{more.hi} को {fewer.hi} से कितनी ज़्यादा आइसक्रीम बिकीं?",
    )
    wrong: Wrong = [(stars[big] - stars[small], "counted_wrong")]  # forgot the scale
    wrong += _difference(stars[big], stars[small], scale)
    work = f"({stars[big]} − {stars[small]}) × {scale} = {diff}"
    data = {**data, "kind": "more", "more": more.en, "fewer": fewer.en}
    return _ask("maths.c5.pictograph_scale", 2, shown, question, diff, work, data, wrong)


def _scale_total(rng: Random, shown: Shown, stars: list[int], scale: int, data: Data) -> Question:
    """The total of all rows, or how many symbols a new number needs."""
    tag = "maths.c5.pictograph_scale"
    if rng.random() < 0.5:
        total = sum(stars) * scale
        question = Word(
            en="How many ice creams were sold on these four days in all?",
            hi="इन चार दिनों में कुल कितनी आइसक्रीम बिकीं?",
        )
        wrong: Wrong = [(sum(stars), "counted_wrong"), (total - stars[-1] * scale, "counted_wrong")]
        wrong.append((total + scale, "off_by_one"))
        work = f"{sum(stars)} × {scale} = {total}"
        return _ask(tag, 3, shown, question, total, work, {**data, "kind": "total"}, wrong)
    needed = rng.randint(2, 12)
    sold = needed * scale
    question = Word(
        en=f"On Sunday {sold} ice creams were sold. How many ice-cream pictures are needed "
        "to show this?",
        hi=f"रविवार को {sold} आइसक्रीम बिकीं। इसे दिखाने के लिए आइसक्रीम के कितने चित्र बनाने होंगे?",
    )
    wrong = [(sold, "counted_wrong"), (needed + 1, "off_by_one"), (needed - 1, "off_by_one")]
    data = {**data, "kind": "symbols", "sunday": sold}
    return _ask(tag, 3, shown, question, needed, f"{sold} ÷ {scale} = {needed}", data, wrong)
