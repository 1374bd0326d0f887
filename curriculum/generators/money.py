"""Generators: money (NCERT Maths, Classes 1, 2 and 4).

Amounts are held in paise as whole numbers, so sums and change are exact; they are shown as
"₹ 45.50" (or "₹ 45" for whole rupees). Every item's `data` has the same shape, `prices` (paise
per piece or per kg), `qty` and `paid` (0 when nothing is paid), so one rule checks them all:
the answer is the total, or `paid` minus the total.
"""

from __future__ import annotations

from functools import lru_cache
from random import Random
from typing import Any, NamedTuple

from curriculum.generators.common import (
    BLANK,
    FILL,
    SOLVE,
    Person,
    fill_blank,
    person,
    sample,
)
from curriculum.generators.registry import register
from curriculum.pictures import Money
from curriculum.question import Question, QuestionType, Text

Wrong = list[tuple[int, str]]
Names = tuple[tuple[str, str], ...]
Good = tuple[str, str, int, int]  # name, Hindi name, lowest and highest price per kg
PIECE = {1: "coin", 2: "coin", 5: "coin", 10: "note", 20: "note", 50: "note", 100: "note"}
# Shop things (Class 1) and fair things (Class 2). All are feminine in Hindi, so "₹ 37 की
# गुड़िया" needs no agreement rule.
SHOP: Names = (("pencil", "पेंसिल"), ("eraser", "रबड़"), ("toffee", "टॉफ़ी"), ("notebook", "कॉपी"))
SHOP += (("ball", "गेंद"), ("chocolate", "चॉकलेट"), ("kite", "पतंग"))
FAIR: Names = (("whistle", "सीटी"), ("toy car", "खिलौना कार"), ("cap", "टोपी"), ("kite", "पतंग"))
FAIR += (("doll", "गुड़िया"), ("flute", "बाँसुरी"), ("pinwheel", "फिरकी"), ("ice cream", "आइसक्रीम"))
# Things sold by the kilogram at the village market, with a sensible price range in rupees.
MARKET: tuple[Good, ...] = (
    ("tomatoes", "टमाटर", 20, 60),
    ("onions", "प्याज़", 25, 70),
    ("potatoes", "आलू", 15, 40),
)
MARKET += (("rice", "चावल", 35, 90), ("sugar", "चीनी", 40, 55), ("dal", "दाल", 80, 140))
MARKET += (("apples", "सेब", 90, 180), ("wheat flour", "आटा", 30, 50))


class Words(NamedTuple):
    """English and Hindi pieces of a prompt (a plain tuple: cheaper than a Text while building)."""

    en: str
    hi: str


NOWHERE = Words("", "")


@lru_cache(maxsize=4096)  # the same few hundred amounts come up again and again
def amount(paise: int) -> str:
    """4550 -> "45.50"; 4500 -> "45"."""
    rupees, rest = divmod(paise, 100)
    return f"{rupees}.{rest:02d}" if rest else str(rupees)


def rs(paise: int) -> str:
    return f"₹ {amount(paise)}"


def _forms(paise: int) -> list[str]:
    """The ways a child may write an amount: 45.50, ₹45.50, Rs 45.50, 45 rupees 50 paise."""
    text, (rupees, rest) = amount(paise), divmod(paise, 100)
    forms = [f"₹ {text}", f"₹{text}", f"Rs {text}", f"Rs. {text}", f"{text} rupees"]
    if rest:
        forms += [f"{rupees} rupees {rest} paise", f"{rupees} रुपये {rest} पैसे"]
    else:
        forms += [f"{rupees}.00", f"₹ {rupees}.00", f"₹{rupees}.00", f"{rupees} रुपये"]
    return forms


def _a(noun: str) -> str:
    return f"an {noun}" if noun[0] in "aeiou" else f"a {noun}"


def _money(
    tag: str, d: int, prompt: Text, total: int, data: dict[str, Any], wrong: Wrong, **kw: Any
) -> Question:
    """`total` in paise; `wrong` amounts in paise (negative ones are not mistakes, just dropped)."""
    work = kw.pop("work")
    qtype: QuestionType = kw.pop("qtype", "fill_blank")
    return fill_blank(
        tag,
        instruction=SOLVE if qtype == "word_problem" else kw.pop("instruction", FILL),
        prompt=prompt,
        answer=amount(total),
        solution=Text(en=work, hi=work),
        difficulty=d,
        key=tag + ":" + "|".join(f"{k}={data[k]}" for k in sorted(data)),
        data=data,
        wrong=[(amount(w), e) for w, e in wrong if w > 0],
        accepted=_forms(total),
        unit="₹",
        qtype=qtype,
    )


def _carry_slip(a: int, b: int) -> int:
    """a + b adding each column but carrying nothing (38 + 25 -> 53; the last column in full)."""
    total, place = 0, 1
    while a >= 10 or b >= 10:
        total += (a % 10 + b % 10) % 10 * place
        a, b, place = a // 10, b // 10, place * 10
    return total + (a + b) * place


def _borrow_slip(a: int, b: int) -> int:
    """a - b taking the smaller digit from the larger in every column (50 - 37 -> 27)."""
    total, place = 0, 1
    while a or b:
        total += abs(a % 10 - b % 10) * place
        a, b, place = a // 10, b // 10, place * 10
    return total


# --- Class 1: How Much Can We Spend? and Class 2: coins and notes -------------------------------


def _count(rng: Random, kinds: tuple[int, ...], pieces: int, most: int) -> list[int]:
    """`pieces` coins and notes (rupees, largest first) adding to at most `most` rupees."""
    drawn = sample(rng, lambda r: r.choices(kinds, k=pieces), lambda v: sum(v) <= most)
    return sorted(drawn, reverse=True)


def _coins_question(tag: str, d: int, values: list[int]) -> Question:
    """Coins and notes drawn (the picture); the child writes what they make in all."""
    kinds = sorted(set(values), reverse=True)
    qty = [values.count(v) for v in kinds]
    notes = any(PIECE[v] == "note" for v in kinds)
    coins = any(PIECE[v] == "coin" for v in kinds)
    shown = {
        (True, True): Words("The coins and notes", "ये सिक्के और नोट"),
        (True, False): Words("The coins", "ये सिक्के"),
        (False, True): Words("The notes", "ये नोट"),
    }[(coins, notes)]
    prompt = Text(
        en=f"{shown.en} make ₹ {BLANK} in all.",
        hi=f"{shown.hi} मिलकर कुल ₹ {BLANK} होते हैं।",
    )
    total = sum(values) * 100
    wrong = [(len(values) * 100, "counted_wrong"), (total - values[-1] * 100, "counted_wrong")]
    wrong.append((total + values[-1] * 100, "counted_wrong"))
    data = {"form": "count", "prices": [v * 100 for v in kinds], "qty": qty, "paid": 0}
    work = " + ".join(str(v) for v in values) + f" = {sum(values)}"
    question = _money(tag, d, prompt, total, data, wrong, work=work)
    pieces = tuple(zip(kinds, qty, strict=True))
    return question.model_copy(update={"picture": Money(pieces=pieces)})


def _join(parts: list[str], and_: str) -> str:
    return ", ".join(parts[:-1]) + f" {and_} " + parts[-1] if len(parts) > 1 else parts[0]


def _working(prices: list[int], qty: list[int], paid: int) -> str:
    lines = [
        f"{n} × {amount(a)} = {amount(a * n)}" for a, n in zip(prices, qty, strict=True) if n > 1
    ]
    total = sum(a * n for a, n in zip(prices, qty, strict=True))
    if len(prices) > 1:
        parts = " + ".join(amount(a * n) for a, n in zip(prices, qty, strict=True))
        lines.append(f"{parts} = {amount(total)}")
    if paid:
        lines.append(f"{amount(paid)} - {amount(total)} = {amount(paid - total)}")
    return "; ".join(lines)


def _change_slips(paid: int, total: int) -> Wrong:
    """Change mistakes: adding, and the borrowing slips of 100 - 64 or 500 - 464.25."""
    wrong = [(paid + total, "operation_swap")]
    if total % 100:  # took the paise as they are: 100 - 71.50 -> 29.50
        wrong.append(((paid // 100 - total // 100) * 100 + total % 100, "forgot_to_borrow"))
    elif (paid // 1000) % 10 == 0:  # borrowed across the zero wrongly: 100 - 64 -> 46
        wrong.append((paid - total + 1000, "borrow_from_zero"))
    slip = _borrow_slip(paid // 100, total // 100) * 100
    if slip < paid:
        wrong.append((slip, "forgot_to_borrow"))
    return wrong


def _total_slips(prices: list[int], qty: list[int]) -> Wrong:
    """Total mistakes: forgetting the kilograms, a ten too many, subtracting, not carrying."""
    lines = [a * n for a, n in zip(prices, qty, strict=True)]
    wrong = [(sum(prices), "partial_product"), (sum(lines) + 1000, "place_value")]
    if len(lines) == 2:
        wrong += [(abs(lines[0] - lines[1]), "operation_swap")]
        wrong += [(_carry_slip(*lines), "forgot_to_carry")]
    elif qty[0] > 1:  # added the kilograms to the price instead of multiplying
        wrong += [(prices[0] + qty[0] * 100, "operation_swap")]
    return wrong


def _shop(
    rng: Random, tag: str, d: int, listing: Words, data: dict[str, Any], **kw: Any
) -> Question:
    """Someone buys what `listing` says; the answer is the total, or the change from `paid`."""
    p: Person = person(rng)
    she, ta = ("She", "ती") if p.female else ("He", "ता")
    prices, qty, paid = data["prices"], data["qty"], data["paid"]
    total = sum(a * n for a, n in zip(prices, qty, strict=True))
    where = kw.pop("where", NOWHERE)
    bought = Words(
        f"{where.en}{p.en} buys {listing.en}", f"{where.hi}{p.hi} {listing.hi} ख़रीद{ta} है"
    )
    kw["work"] = _working(prices, qty, paid)
    if paid:
        prompt = Text(
            en=f"{bought.en}. {she} pays with a {rs(paid)} note and gets back ₹ {BLANK}.",
            hi=f"{bought.hi}। वह {rs(paid)} का नोट दे{ta} है। उसे ₹ {BLANK} वापस मिलेंगे।",
        )
        wrong = [(paid - sum(prices), "partial_product"), *_change_slips(paid, total)]
        return _money(tag, d, prompt, paid - total, data, wrong, **kw)
    prompt = Text(
        en=f"{bought.en}. {she} spends ₹ {BLANK} in all.",
        hi=f"{bought.hi}। वह कुल ₹ {BLANK} ख़र्च कर{ta} है।",
    )
    return _money(tag, d, prompt, total, data, _total_slips(prices, qty), **kw)


def _things(
    rng: Random,
    tag: str,
    d: int,
    things: Names,
    prices: list[int],
    paid: int,
    **kw: Any,
) -> Question:
    """Buying a few things at a shop or the fair, one of each, in whole rupees."""
    items = rng.sample(things, len(prices))
    en = _join([f"{_a(t[0])} for ₹ {v}" for t, v in zip(items, prices, strict=True)], "and")
    hi = _join([f"₹ {v} की {t[1]}" for t, v in zip(items, prices, strict=True)], "और")
    data: dict[str, Any] = {"form": "buy", "items": [t[0] for t in items]}
    data["prices"] = [v * 100 for v in prices]
    data |= {"qty": [1] * len(prices), "paid": paid * 100}
    return _shop(rng, tag, d, Words(en, hi), data, **kw)


def _prices(rng: Random, count: int, lo: int, hi: int, most: int) -> list[int]:
    return list(
        sample(rng, lambda r: [r.randint(lo, hi) for _ in range(count)], lambda v: sum(v) <= most)
    )


def money_coins_word(rng: Random, difficulty: int) -> Question:
    prices = _prices(rng, 2 if difficulty < 3 else 3, 1, 9, 10 if difficulty == 1 else 20)
    return _things(rng, "maths.c1.money_coins", difficulty, SHOP, prices, 0, qtype="word_problem")


@register("maths.c1.money_coins", family="money", word_problem=money_coins_word)
def money_coins(rng: Random, difficulty: int) -> Question:
    """Count two or three coins and notes up to ₹ 15 (1), three or four up to ₹ 20 (2), four
    or five up to ₹ 20 (3)."""
    kinds, most = (1, 2, 5, 10), (15 if difficulty == 1 else 20)
    pieces = rng.choice({1: (2, 3), 2: (3, 4), 3: (4, 5)}[difficulty])
    return _coins_question("maths.c1.money_coins", difficulty, _count(rng, kinds, pieces, most))


# --- Class 2: Fun at the Fair -----------------------------------------------------------------


def money_100_word(rng: Random, difficulty: int) -> Question:
    """Two things at the fair, paid for with a ₹ 50 or ₹ 100 note (just the total at 1)."""
    paid = 0 if difficulty == 1 else rng.choice((50, 100))
    prices = _prices(rng, 2, 5, 45 if paid == 50 else 60, (paid or 100) - 1)
    where = Words("At the fair, ", "मेले में ")
    return _things(
        rng, "maths.c2.money_100", difficulty, FAIR, prices, paid, where=where, qtype="word_problem"
    )


@register("maths.c2.money_100", family="money", word_problem=money_100_word)
def money_100(rng: Random, difficulty: int) -> Question:
    """Count notes and coins (1), total of two things (2), change from a note (3), to ₹ 100."""
    tag = "maths.c2.money_100"
    if difficulty == 1:
        values = _count(rng, (50, 20, 10, 5, 2, 1), rng.randint(3, 5), 100)
        return _coins_question(tag, 1, values)
    if difficulty == 2:
        return _things(rng, tag, 2, FAIR, _prices(rng, 2, 10, 70, 100), 0)
    paid = rng.choice((50, 100))
    return _things(rng, tag, 3, FAIR, [rng.randint(11, paid - 3)], paid)


# --- Class 4: The Cleanest Village ------------------------------------------------------------


def _market(
    rng: Random, tag: str, d: int, count: int, paise: bool, pay: bool, **kw: Any
) -> Question:
    """Buying by the kilogram at the market: price per kg × kg, a total, maybe change."""

    least, most = (2 if count == 1 else 1), (5 if pay else 9)  # one thing: at least 2 kg

    def draw(r: Random) -> list[tuple[Good, int, int]]:
        return [
            (
                g,
                100 * r.randint(g[2], g[3]) + 25 * r.randrange(4 if paise else 1),
                r.randint(least, most),
            )
            for g in r.sample(MARKET, count)
        ]

    def fits(v: list[tuple[Good, int, int]]) -> bool:
        return sum(price * kg for _, price, kg in v) < (50_000 if pay else 200_000)

    bought = sample(rng, draw, fits)
    total = sum(price * kg for _, price, kg in bought)
    paid = rng.choice([n for n in (10_000, 20_000, 50_000) if n > total]) if pay else 0
    en = _join([f"{kg} kg of {g[0]} at {rs(price)} per kg" for g, price, kg in bought], "and")
    hi = _join(
        [f"{rs(price)} प्रति किलोग्राम के भाव से {kg} किलोग्राम {g[1]}" for g, price, kg in bought], "और"
    )
    data: dict[str, Any] = {"form": "market", "items": [g[0] for g, _, _ in bought]}
    data |= {"prices": [price for _, price, _ in bought], "qty": [kg for _, _, kg in bought]}
    data["paid"] = paid
    return _shop(rng, tag, d, Words(en, hi), data, **kw)


HAATS = (("At the weekly haat, ", "साप्ताहिक हाट में "), ("At the village market, ", "गाँव के बाज़ार में "))


def money_change_word(rng: Random, difficulty: int) -> Question:
    """Shopping at the haat with a note: one thing (1), two (2), two with paise (3)."""
    en, hi = rng.choice(HAATS)
    return _market(
        rng, "maths.c4.money_change", difficulty, 1 + (difficulty > 1), difficulty == 3, True,
        where=Words(en, hi), qtype="word_problem",
    )  # fmt: skip


@register("maths.c4.money_change", family="money", word_problem=money_change_word)
def money_change(rng: Random, difficulty: int) -> Question:
    """Price per kg × kg (1), a bill with paise (2), change from a note (3)."""
    count, pay = 1 + (difficulty > 1), difficulty == 3
    return _market(rng, "maths.c4.money_change", difficulty, count, difficulty > 1, pay)
