"""Number sense, Classes 1–5 (family "numbers"): counting objects and tally marks, the number
just before, after or between, number bonds of 10 and skip counting.

The family's other generators live in sibling modules, registered by importing them here:
`place_value` (tens and ones up to lakhs), `comparing` (comparing, ordering, rounding),
`number_names` (number names up to 100) and `number_facts` (odd and even, factors, multiples,
primes).
"""

from __future__ import annotations

from dataclasses import dataclass
from random import Random

from curriculum.generators import (  # noqa: F401 - imported to register their generators
    comparing,
    number_facts,
    number_names,
    place_value,
)
from curriculum.generators.common import BLANK, FILL, fill_blank, person, sample
from curriculum.generators.registry import register
from curriculum.generators.slips import Slip, likeliest
from curriculum.pictures import Objects, Tally, TallyRow
from curriculum.question import Question, Text

FAMILY = "numbers"


@dataclass(frozen=True)
class Thing:
    one: str
    many: str
    hi_one: str
    hi_many: str


THINGS = (
    Thing("mango", "mangoes", "आम", "आम"),
    Thing("laddoo", "laddoos", "लड्डू", "लड्डू"),
    Thing("marble", "marbles", "कंचा", "कंचे"),
    Thing("bangle", "bangles", "चूड़ी", "चूड़ियाँ"),
    Thing("kite", "kites", "पतंग", "पतंगें"),
)
FRUITS = (("mangoes", "आम"), ("bananas", "केले"), ("guavas", "अमरूद"), ("jamuns", "जामुन"))


@register("maths.c1.count_objects", family=FAMILY)
def make_count_objects(rng: Random, difficulty: int) -> Question:
    """d1: 1–5 things in a row, or two small groups (6 at most); d2: 4–9 in a row or in two
    groups; d3: 5–9 in uneven groups."""
    if difficulty < 3:
        low, high = (1, 5) if difficulty == 1 else (4, 9)
        if rng.random() < 0.5:
            groups = [rng.randint(low, high)]
        else:
            total = rng.randint(max(low, 2), high + 1)
            first = rng.randint(1, total - 1)
            groups = [first, total - first]
    else:
        total = rng.randint(5, 9)
        cuts = sorted(rng.sample(range(1, total), rng.randint(1, 2)))
        groups = [b - a for a, b in zip([0, *cuts], [*cuts, total], strict=True)]
    thing, n = rng.choice(THINGS), sum(groups)
    question = fill_blank(
        "maths.c1.count_objects",
        instruction=Text(en=f"Count the {thing.many}.", hi=f"{thing.hi_many} गिनो।"),
        prompt=Text(en=f"{thing.many.capitalize()}: {BLANK}", hi=f"{thing.hi_many}: {BLANK}"),
        answer=n,
        solution=counting_solution(n),
        difficulty=difficulty,
        key="count:" + "-".join(map(str, groups)),
        data={"groups": groups, "thing": thing.one},
        wrong=likeliest(
            n, [(n - 1, "off_by_one"), (n + 1, "off_by_one"), (n + 2, "counted_wrong")]
        ),
    )
    # the things are drawn (a picture), not typed as dots
    picture = Objects(thing=thing.one, groups=tuple(groups))
    return question.model_copy(update={"picture": picture})


def counting_solution(n: int) -> Text:
    counting = ", ".join(str(i) for i in range(1, n + 1))
    return Text(
        en=f"Count one by one: {counting}. So there {'is' if n == 1 else 'are'} {n}.",
        hi=f"एक-एक करके गिनो: {counting}। कुल {n} {'है' if n == 1 else 'हैं'}।",
    )


TALLY_INSTRUCTION = Text(
    en="Count the tally marks. Four marks crossed by a fifth make a bundle of 5.",
    hi="टैली के निशान गिनो। चार खड़े निशान और उन्हें काटता पाँचवाँ निशान मिलकर 5 का गुच्छा बनाते हैं।",
)


TALLY_RANGES = {1: (1, 20), 2: (10, 30), 3: (25, 60)}  # each level has 20 different counts


@register("maths.c3.tally_count", family=FAMILY)
def make_tally_count(rng: Random, difficulty: int) -> Question:
    """d1: 1–20 marks; d2: 10–30; d3: 25–60. Wrong: each group counted as 4 or as 6.

    The marks are drawn (bundles of four crossed by the fifth), not typed: `picture` holds
    the count, and the prompt names what was counted.
    """
    low, high = TALLY_RANGES[difficulty]
    n = rng.randint(low, high)
    fives, ones = divmod(n, 5)
    fruit_en, fruit_hi = rng.choice(FRUITS)
    slips: list[Slip] = [(n - fives, "counted_wrong"), (n + fives, "counted_wrong")]
    question = fill_blank(
        "maths.c3.tally_count",
        instruction=TALLY_INSTRUCTION,
        prompt=Text(
            en=f"Children who like {fruit_en}: {BLANK}",
            hi=f"{fruit_hi} पसंद करने वाले बच्चे: {BLANK}",
        ),
        answer=n,
        solution=tally_solution(fives, ones),
        difficulty=difficulty,
        key=f"tally:{n}",
        data={"count": n},
        wrong=likeliest(n, [*slips, (n + 1, "off_by_one"), (n - 1, "off_by_one")]),
    )
    return question.model_copy(update={"picture": Tally(rows=(TallyRow(count=n),))})


def tally_solution(fives: int, ones: int) -> Text:
    by_fives = ", ".join(str(5 * i) for i in range(1, fives + 1))
    by_ones = ", ".join(str(5 * fives + i) for i in range(1, ones + 1))
    total = 5 * fives + ones
    if not fives:
        return Text(
            en=f"Count the marks one by one: {by_ones}.", hi=f"निशान एक-एक करके गिनो: {by_ones}।"
        )
    if not ones:
        return Text(
            en=f"Count the groups in fives: {by_fives}. Total: {total}.",
            hi=f"समूहों को पाँच-पाँच करके गिनो: {by_fives}। कुल: {total}।",
        )
    return Text(
        en=f"Count the groups in fives: {by_fives}; then the single marks: {by_ones}. "
        f"Total: {total}.",
        hi=f"समूहों को पाँच-पाँच करके गिनो: {by_fives}; फिर अकेले निशान: {by_ones}। कुल: {total}।",
    )


def neighbour_question(skill_tag: str, difficulty: int, form: str, n: int) -> Question:
    """form "after" / "before": the number just after / before n; "between": n is the answer,
    shown between n - 1 and n + 1."""
    answer = {"after": n + 1, "before": n - 1, "between": n}[form]
    low, high = n - 1, n + 1
    prompts = {
        "after": (f"The number just after {n} is {BLANK}.", f"{n} के ठीक बाद की संख्या {BLANK} है।"),
        "before": (f"The number just before {n} is {BLANK}.", f"{n} से ठीक पहले की संख्या {BLANK} है।"),
        "between": (
            f"The number between {low} and {high} is {BLANK}.",
            f"{low} और {high} के बीच की संख्या {BLANK} है।",
        ),
    }
    counted = {"after": f"{n}, {high}", "before": f"{n}, {low}", "between": f"{low}, {n}, {high}"}
    return fill_blank(
        skill_tag,
        instruction=FILL,
        prompt=Text(en=prompts[form][0], hi=prompts[form][1]),
        answer=answer,
        solution=Text(en=f"Count: {counted[form]}.", hi=f"गिनो: {counted[form]}।"),
        difficulty=difficulty,
        key=f"{form}:{n}",
        data={"form": form, "number": n}
        if form != "between"
        else {"form": form, "low": low, "high": high},
        wrong=likeliest(answer, neighbour_slips(form, n, answer)),
    )


def neighbour_slips(form: str, n: int, answer: int) -> list[Slip]:
    """Counting the wrong way, one too far, and across a ten: after 139 comes "130"."""
    slips: list[Slip] = []
    if form != "before" and answer % 10 == 0 and answer >= 20:
        slips.append((answer - 10, "forgot_to_carry"))
    if form == "before" and n % 10 == 0 and n >= 20:
        slips.append((answer + 10, "forgot_to_borrow"))
    if form == "after":
        slips += [(n + 2, "off_by_one"), (n - 1, "operation_swap"), (n, "off_by_one")]
    elif form == "before":
        slips += [(n - 2, "off_by_one"), (n + 1, "operation_swap"), (n, "off_by_one")]
    else:
        slips += [(n + 2, "off_by_one"), (n - 2, "off_by_one")]
    return slips


@register("maths.c1.before_after_9", family=FAMILY)
def make_before_after_9(rng: Random, difficulty: int) -> Question:
    """Within 1–10. d1: just after; d2: just before; d3: between."""
    form = ("after", "before", "between")[difficulty - 1]
    low, high = {"after": (1, 9), "before": (2, 10), "between": (2, 9)}[form]
    return neighbour_question("maths.c1.before_after_9", difficulty, form, rng.randint(low, high))


@register("maths.c1.numbers_10_20", family=FAMILY)
def make_numbers_10_20(rng: Random, difficulty: int) -> Question:
    """Within 10–20. d1: just after, or 10 and some more; d2: just before, or a ten and some
    ones; d3: between, or a ten and some ones."""
    tag = "maths.c1.numbers_10_20"
    if rng.random() < 0.5:
        return ten_and_more(
            tag, difficulty, rng.randint(1, 10 if difficulty == 1 else 9), said=difficulty > 1
        )
    form = ("after", "before", "between")[difficulty - 1]
    low, high = {"after": (10, 19), "before": (11, 20), "between": (11, 19)}[form]
    return neighbour_question(tag, difficulty, form, rng.randint(low, high))


def ten_and_more(tag: str, difficulty: int, ones: int, *, said: bool) -> Question:
    """ "10 + 4 = ____" (d1), or in words "1 ten and 4 ones = ____": the numbers 11 to 20."""
    n = 10 + ones
    if said:
        ones_en, ones_hi = ("1 one" if ones == 1 else f"{ones} ones"), f"{ones} इकाई"
        prompt = Text(en=f"1 ten and {ones_en} = {BLANK}", hi=f"1 दहाई और {ones_hi} = {BLANK}")
    else:
        prompt = Text(en=f"10 + {ones} = {BLANK}", hi=f"10 + {ones} = {BLANK}")
    wrong: list[Slip] = [(100 + ones, "place_value"), (n + 1, "off_by_one")]
    if ones < 10:
        wrong.insert(1, (10 * ones + 1, "reversed_digits"))  # 14 read as 41
    return fill_blank(
        tag,
        instruction=FILL,
        prompt=prompt,
        answer=n,
        solution=Text(en=f"10 and {ones} more make {n}.", hi=f"10 और {ones} मिलकर {n} होते हैं।"),
        difficulty=difficulty,
        key=f"ten_and:{ones}:{'said' if said else 'sum'}",
        data={"form": "ten_and", "ones": ones, "said": int(said)},
        wrong=likeliest(n, wrong),
    )


@register("maths.c3.numbers_to_200", family=FAMILY)
def make_numbers_to_200(rng: Random, difficulty: int) -> Question:
    """d1: just before or after, inside a ten; d2: the same across a ten (139, 140; 200);
    d3: between two numbers, or skip counting by 2, 5 or 10 beyond 100."""
    tag = "maths.c3.numbers_to_200"
    if difficulty == 1:
        n = sample(rng, lambda r: r.randint(21, 198), lambda v: v % 10 not in (0, 9))
        return neighbour_question(tag, difficulty, rng.choice(("after", "before")), n)
    if difficulty == 2:
        if rng.random() < 0.5:
            return neighbour_question(tag, difficulty, "after", rng.randrange(29, 200, 10))
        return neighbour_question(tag, difficulty, "before", rng.randrange(30, 201, 10))
    if rng.random() < 0.5:
        return neighbour_question(tag, difficulty, "between", rng.randint(101, 199))
    step = rng.choice((2, 5, 10))
    start = rng.randint(100, 200 - 4 * step)
    return skip_question(tag, difficulty, start, step, rng.randrange(5))


@register("maths.c2.skip_count", family=FAMILY)
def make_skip_count(rng: Random, difficulty: int) -> Question:
    """Five terms up to 100. d1: by 10s from a ten, any term missing; d2: by 2s or 5s
    from a multiple, any term missing; d3: by 2s, 5s or 10s from any number."""
    tag = "maths.c2.skip_count"
    if difficulty == 1:
        return skip_question(tag, difficulty, 10 * rng.randint(1, 6), 10, rng.randrange(5))
    step = rng.choice((2, 5)) if difficulty == 2 else rng.choice((2, 5, 10))
    if difficulty == 2:
        start = step * rng.randint(1, (100 - 4 * step) // step)
    else:
        start = sample(rng, lambda r: r.randint(1, 100 - 4 * step), lambda v: v % step)
    return skip_question(tag, difficulty, start, step, rng.randrange(5))


def skip_question(skill_tag: str, difficulty: int, start: int, step: int, blank: int) -> Question:
    """Five terms start, start + step, ... with term number `blank` (from 0) left out."""
    terms = [start + step * i for i in range(5)]
    answer = terms[blank]
    shown = ", ".join(BLANK if i == blank else str(t) for i, t in enumerate(terms))
    near = terms[blank - 1] + 1 if blank else terms[1] - 1
    return fill_blank(
        skill_tag,
        instruction=Text(
            en=f"Skip count by {step}s. Fill in the blank.",
            hi=f"{step}-{step} करके गिनो और रिक्त स्थान भरो।",
        ),
        prompt=Text(en=shown, hi=shown),
        answer=answer,
        solution=Text(
            en=f"Each number is {step} more than the one before: {', '.join(map(str, terms))}.",
            hi=f"हर संख्या पिछली संख्या से {step} अधिक है: {', '.join(map(str, terms))}।",
        ),
        difficulty=difficulty,
        key=f"skip:{start}:{step}:{blank}",
        data={"start": start, "step": step, "blank": blank},
        wrong=likeliest(
            answer,
            [
                (near, "pattern_rule"),
                (answer + step, "pattern_rule"),
                (answer + 1, "off_by_one"),
                (answer - 1, "off_by_one"),
            ],
        ),
    )


@register("maths.c1.make_10", family=FAMILY)
def make_make_10(rng: Random, difficulty: int) -> Question:
    """d1: a + ____ = 10 with a from 5 to 9; d2: any a, the blank first or second;
    d3: a + b + ____ = 10. At d1 and d2, half are a story: "Asha has 7 bangles. How many more
    does she need to make 10?"."""
    if difficulty < 3 and rng.random() < 0.5:
        return ten_story(rng, difficulty, rng.randint(1, 9))
    if difficulty == 1:
        given, blank_first = [rng.randint(5, 9)], False
    elif difficulty == 2:
        given, blank_first = [rng.randint(1, 9)], rng.random() < 0.5
    else:
        a = rng.randint(1, 8)
        given, blank_first = [a, rng.randint(1, 9 - a)], False
    answer = 10 - sum(given)
    terms = [str(g) for g in given]
    terms.insert(0 if blank_first else len(terms), BLANK)
    sentence = " + ".join(terms) + " = 10"
    # One off, or (with two numbers given) forgetting one of them.
    slips: list[Slip] = [(answer + 1, "off_by_one"), (answer - 1, "off_by_one")]
    slips += [(10 - g, "counted_wrong") for g in given if len(given) > 1]
    return fill_blank(
        "maths.c1.make_10",
        instruction=Text(en="Fill in the blank to make 10.", hi="10 बनाने के लिए रिक्त स्थान भरो।"),
        prompt=Text(en=sentence, hi=sentence),
        answer=answer,
        solution=bond_solution(given, answer),
        difficulty=difficulty,
        key="bond10:" + "-".join(map(str, sorted(given))),
        data={"given": given, "blank_first": int(blank_first)},
        wrong=likeliest(answer, [*slips, (answer + 2, "counted_wrong")]),
    )


# thing, things, Hindi one, Hindi many, feminine (कितनी, not कितने)
TEN_THINGS = (
    ("bangle", "bangles", "चूड़ी", "चूड़ियाँ", True),
    ("marble", "marbles", "कंचा", "कंचे", False),
    ("mango", "mangoes", "आम", "आम", False),
    ("laddoo", "laddoos", "लड्डू", "लड्डू", False),
    ("kite", "kites", "पतंग", "पतंगें", True),
)


def ten_story(rng: Random, difficulty: int, have: int) -> Question:
    """How many more things make 10: the same bond as "7 + ____ = 10", told as a story."""
    one, many, hi_one, hi_many, feminine = rng.choice(TEN_THINGS)
    who, answer = person(rng), 10 - have
    en_have = f"1 {one}" if have == 1 else f"{have} {many}"
    hi_have = f"1 {hi_one} है" if have == 1 else f"{have} {hi_many} हैं"
    prompt = Text(
        en=f"{who.en} has {en_have}. How many more {many} make 10? {BLANK}",
        hi=f"{who.hi} के पास {hi_have}। 10 होने के लिए {'कितनी' if feminine else 'कितने'} "
        f"और {hi_many} चाहिए? {BLANK}",
    )
    return fill_blank(
        "maths.c1.make_10",
        instruction=Text(en="Make 10.", hi="10 बनाओ।"),
        prompt=prompt,
        answer=answer,
        accepted=(f"{answer} {one if answer == 1 else many}",),
        solution=bond_solution([have], answer),
        difficulty=difficulty,
        key=f"story10:{have}",
        data={"given": [have], "form": "story"},
        wrong=likeliest(
            answer,
            [(answer + 1, "off_by_one"), (answer - 1, "off_by_one"), (have, "counted_wrong")],
        ),
    )


def bond_solution(given: list[int], answer: int) -> Text:
    if len(given) == 1:
        return Text(
            en=f"{given[0]} and {answer} make 10. Count on from {given[0]} to 10: {answer} more.",
            hi=f"{given[0]} और {answer} मिलकर 10 बनाते हैं। {given[0]} से 10 तक आगे गिनो: {answer} और।",
        )
    part = sum(given)
    return Text(
        en=f"{given[0]} + {given[1]} = {part}, and {part} + {answer} = 10.",
        hi=f"{given[0]} + {given[1]} = {part}, और {part} + {answer} = 10।",
    )
