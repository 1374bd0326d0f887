"""Word-problem stories in English and Hindi, with Hindi gender agreement done properly."""

from __future__ import annotations

from dataclasses import dataclass
from random import Random

from curriculum.generators.common import BLANK, indian, person
from curriculum.question import Text


@dataclass(frozen=True)
class Thing:
    en: str  # plural
    hi: str  # plural
    feminine: bool  # grammatical gender in Hindi: decides थे/थीं, कितने/कितनी, मिले/मिलीं


THINGS = (
    Thing("mangoes", "आम", False),
    Thing("marbles", "कंचे", False),
    Thing("laddoos", "लड्डू", False),
    Thing("balloons", "गुब्बारे", False),
    Thing("stickers", "स्टिकर", False),
    Thing("books", "किताबें", True),
    Thing("pencils", "पेंसिलें", True),
    Thing("bangles", "चूड़ियाँ", True),
    Thing("shells", "सीपियाँ", True),
)


@dataclass(frozen=True)
class Story:
    prompt: Text
    unit_en: str


def _agree(thing: Thing) -> dict[str, str]:
    f = thing.feminine
    return {
        "were": "थीं" if f else "थे",
        "how_many": "कितनी" if f else "कितने",
        "got": "मिलीं" if f else "मिले",
        "left": "बचीं" if f else "बचे",
        "gave": "दे दीं" if f else "दे दिए",
        "collected": "इकट्ठी कीं" if f else "इकट्ठे किए",
    }


def add_story(rng: Random, a: int, b: int) -> Story:
    if a + b >= 1_000:  # too many for one child's things: a crowd at a mela
        return _crowd_story(a, b)
    thing, who = rng.choice(THINGS), person(rng)
    g, pronoun = _agree(thing), ("She" if who.female else "He")
    if rng.random() < 0.5:
        en = (
            f"{who.en} had {indian(a)} {thing.en}. {pronoun} got {indian(b)} more. "
            f"How many {thing.en} does {who.en} have now? Answer: {BLANK}"
        )
        hi = (
            f"{who.hi} के पास {indian(a)} {thing.hi} {g['were']}। उसे {indian(b)} {thing.hi} और "
            f"{g['got']}। अब {who.hi} के पास {g['how_many']} {thing.hi} हैं? उत्तर: {BLANK}"
        )
    else:
        en = (
            f"For the school fair, Class 3 collected {indian(a)} {thing.en} and Class 4 collected "
            f"{indian(b)} {thing.en}. How many {thing.en} did they collect in all? Answer: {BLANK}"
        )
        hi = (
            f"स्कूल के मेले के लिए कक्षा 3 ने {indian(a)} {thing.hi} और कक्षा 4 ने {indian(b)} "
            f"{thing.hi} {g['collected']}। दोनों ने कुल {g['how_many']} {thing.hi} {g['collected']}? "
            f"उत्तर: {BLANK}"
        )
    return Story(Text(en=en, hi=hi), thing.en)


def subtract_story(rng: Random, a: int, b: int) -> Story:
    if a >= 1_000:
        return _library_story(a, b)
    if rng.random() < 0.5:
        en = (
            f"A train had {indian(a)} passengers. At Nagpur, {indian(b)} passengers got off. "
            f"How many passengers are still on the train? Answer: {BLANK}"
        )
        hi = (
            f"एक रेलगाड़ी में {indian(a)} यात्री थे। नागपुर में {indian(b)} यात्री उतर गए। "
            f"अब रेलगाड़ी में कितने यात्री हैं? उत्तर: {BLANK}"
        )
        return Story(Text(en=en, hi=hi), "passengers")
    thing, who = rng.choice(THINGS), person(rng)
    g, pronoun = _agree(thing), ("She" if who.female else "He")
    en = (
        f"{who.en} had {indian(a)} {thing.en}. {pronoun} gave {indian(b)} {thing.en} to friends. "
        f"How many {thing.en} are left with {who.en}? Answer: {BLANK}"
    )
    hi = (
        f"{who.hi} के पास {indian(a)} {thing.hi} {g['were']}। उसने {indian(b)} {thing.hi} दोस्तों "
        f"को {g['gave']}। अब {who.hi} के पास {g['how_many']} {thing.hi} {g['left']}? उत्तर: {BLANK}"
    )
    return Story(Text(en=en, hi=hi), thing.en)


def _crowd_story(a: int, b: int) -> Story:
    en = (
        f"On Saturday {indian(a)} people visited the Surajkund Mela and on Sunday {indian(b)} "
        f"people visited it. How many people visited on the two days? Answer: {BLANK}"
    )
    hi = (
        f"शनिवार को सूरजकुंड मेले में {indian(a)} लोग आए और रविवार को {indian(b)} लोग आए। "
        f"दोनों दिनों में कुल कितने लोग आए? उत्तर: {BLANK}"
    )
    return Story(Text(en=en, hi=hi), "people")


def _library_story(a: int, b: int) -> Story:
    en = (
        f"A city library has {indian(a)} books. {indian(b)} books are lent out to readers. "
        f"How many books are still in the library? Answer: {BLANK}"
    )
    hi = (
        f"एक शहर के पुस्तकालय में {indian(a)} किताबें हैं। {indian(b)} किताबें पाठकों को पढ़ने के "
        f"लिए दी गईं। अब पुस्तकालय में कितनी किताबें हैं? उत्तर: {BLANK}"
    )
    return Story(Text(en=en, hi=hi), "books")
