"""English sentence generators: word order, capitals, end marks, commas and direct speech."""

from __future__ import annotations

from collections.abc import Sequence
from random import Random

from curriculum.generators import english_words as W
from curriculum.generators.common import BLANK, person, sample
from curriculum.generators.english_common import FAMILY, GRAMMAR, _choose, _fill, _rewrite
from curriculum.generators.registry import Maker, register
from curriculum.question import Question, Text

ORDER_STOP = Text(
    en="Put the words in the right order to make a sentence. End it with a full stop (.).",
    hi="शब्दों को सही क्रम में लगाकर वाक्य बनाओ। अंत में पूर्ण विराम (.) लगाओ।",
)
ORDER_QUESTION = Text(
    en="Put the words in the right order to make a question. End it with a question mark (?).",
    hi="शब्दों को सही क्रम में लगाकर प्रश्न बनाओ। अंत में प्रश्नवाचक चिह्न (?) लगाओ।",
)
CAPITALS = Text(
    en="Rewrite the sentence with a capital letter and a full stop.",
    hi="वाक्य को बड़े अक्षर (capital letter) और पूर्ण विराम (.) के साथ फिर से लिखो।",
)
PUNCTUATE = Text(
    en="Rewrite the sentence with capital letters and the correct end mark (. or ?).",
    hi="वाक्य को बड़े अक्षरों और सही विराम चिह्न (. या ?) के साथ फिर से लिखो।",
)
END_MARK = Text(
    en="Put a full stop (.) or a question mark (?).",
    hi="पूर्ण विराम (.) या प्रश्नवाचक चिह्न (?) लगाओ।",
)
COMMAS = Text(
    en="Rewrite the sentence with commas in the right places.",
    hi="वाक्य में सही जगह अल्पविराम (,) लगाकर फिर से लिखो।",
)
SPEECH = Text(
    en="Rewrite the sentence with quotation marks, a comma and the correct end mark.",
    hi="बोले गए शब्दों को उद्धरण चिह्न (“ ”), अल्पविराम और सही विराम चिह्न के साथ फिर से लिखो।",
)


# ---------------------------------------------------------------- word order


def _proper(word: str) -> bool:
    return word.split("'")[0] in W.PROPER_FIRST_WORDS


def _tiles(sentence: str) -> list[str]:
    """The words of a sentence as tiles: end mark removed, first word in small letters unless
    it is a name or "I" (the capital would give the first word away)."""
    tiles = sentence[:-1].split()
    if not _proper(tiles[0]):
        tiles[0] = tiles[0].lower()
    return tiles


def _order_pool(pool: Sequence[str], difficulty: int) -> Sequence[str]:
    """d1: the shorter two thirds of the sentences, d2: all, d3: the longer two thirds."""
    ranked = sorted(pool, key=lambda s: (len(s.split("|")[0].split()), s))
    third = len(ranked) // 3
    return {1: ranked[: len(ranked) - third], 2: ranked, 3: ranked[third:]}[difficulty]


def _order_maker(tag: str, pool: Sequence[str]) -> Maker:
    def make(rng: Random, difficulty: int) -> Question:
        sentence, *alternates = rng.choice(_order_pool(pool, difficulty)).split("|")
        tiles = _tiles(sentence)
        orders = {tuple(_tiles(s)) for s in (sentence, *alternates)}
        jumble = sample(
            rng, lambda r: r.sample(tiles, len(tiles)), lambda t: tuple(t) not in orders
        )
        question = sentence.endswith("?")
        return _rewrite(
            tag,
            difficulty,
            ORDER_QUESTION if question else ORDER_STOP,
            prompt=" / ".join(jumble),
            answer=sentence,
            solution=f"{sentence} A sentence begins with a capital letter and ends with "
            f"{'a question mark' if question else 'a full stop'}.",
            key=f"order:{sentence}",
            data={"tiles": jumble, "alternates": alternates},
            alternates=alternates,
        )

    return make


for _level, _pool in enumerate((W.ORDER_C1, W.ORDER_C2, W.ORDER_C3, W.ORDER_C4, W.ORDER_C5), 1):
    _tag = f"english.c{_level}.sentence_order"
    register(_tag, family=FAMILY, variants=False)(_order_maker(_tag, _pool))


# ---------------------------------------------------------------- capitals and end marks


def _capitals_after_first(sentence: str) -> int:
    return sum(word[0].isupper() for word in sentence.split()[1:])


@register("english.c1.capital_full_stop", family=FAMILY, variants=False)
def make_capital_full_stop(rng: Random, difficulty: int) -> Question:
    """d1: only the first word; d2: a sentence beginning with a name; d3: names or I inside."""

    def level(sentence: str) -> int:
        if _capitals_after_first(sentence):
            return 3
        first = sentence.split()[0]
        return 2 if _proper(first) and first != "I" else 1

    sentence = rng.choice([s for s in W.C1_CAPITALS if level(s) == difficulty])
    plain = sentence[:-1].lower()
    return _rewrite(
        "english.c1.capital_full_stop",
        difficulty,
        CAPITALS,
        prompt=plain,
        answer=sentence,
        solution="Begin a sentence with a capital letter and end it with a full stop (.). "
        "Names, and the word I, always begin with a capital letter.",
        key=f"capitals:{sentence}",
        data={"plain": plain},
        stop_optional=False,
    )


@register("english.c3.punctuation", family=FAMILY, variants=False)
def make_punctuation(rng: Random, difficulty: int) -> Question:
    """d1: statements; d2: questions; d3: sentences with two or more names of people, places,
    days, months or festivals."""
    pools = {
        1: [s for s in W.C3_PUNCTUATION if s.endswith(".")],
        2: [s for s in W.C3_PUNCTUATION if s.endswith("?")],
        3: [s for s in W.C3_PUNCTUATION if _capitals_after_first(s) >= 2],
    }
    sentence = rng.choice(pools[difficulty])
    plain = sentence[:-1].lower()
    end = (
        "a question mark (?), because it asks something"
        if sentence.endswith("?")
        else ("a full stop (.), because it tells something")
    )
    return _rewrite(
        "english.c3.punctuation",
        difficulty,
        PUNCTUATE,
        prompt=plain,
        answer=sentence,
        solution=f"Capital letters begin the sentence and every name of a person, place, day, "
        f"month or festival (and the word I). This sentence ends with {end}.",
        key=f"punctuation:{sentence}",
        data={"plain": plain},
        stop_optional=False,
    )


@register("english.c2.question_mark", family=FAMILY)
def make_question_mark(rng: Random, difficulty: int) -> Question:
    """d1: telling sentences and wh- questions; d2: yes/no questions too; d3: telling sentences
    that contain a question word."""
    levels = {1: "1", 2: "12", 3: "23"}[difficulty]
    sentence = rng.choice([s for lvl, s in W.C2_END_MARKS if lvl in levels])
    words, mark = sentence[:-1], sentence[-1]
    other = "." if mark == "?" else "?"
    why = "it asks something" if mark == "?" else "it tells something; it does not ask"
    question = _fill(
        "english.c2.question_mark",
        difficulty,
        END_MARK,
        prompt=f"{words}{BLANK}",
        answer=mark,
        solution=f"'{sentence}' ends with {'?' if mark == '?' else 'a full stop'} because {why}.",
        key=f"end_mark:{words}",
        data={"words": words},
        wrong=[(other, GRAMMAR)],
    )
    return _choose(question, options=(".", "?"))


@register("english.c4.punctuation_commas", family=FAMILY, variants=False)
def make_commas(rng: Random, difficulty: int) -> Question:
    """A list of 3 (d1), 4 (d2) or 5 (d3) things: commas between them, "and" before the last."""
    frame, pool = rng.choice(W.COMMA_FRAMES)
    name = person(rng).en
    items = rng.sample(W.words(pool), difficulty + 2)

    def listed(separator: str) -> str:
        return separator.join(items[:-1]) + " and " + items[-1]

    text = frame.replace("{name}", name)
    answer = text.replace("{items}", listed(", "))
    return _rewrite(
        "english.c4.punctuation_commas",
        difficulty,
        COMMAS,
        prompt=text.replace("{items}", listed(" ")),
        answer=answer,
        solution="In a list, put a comma after each thing except the last two; join the last "
        "two with 'and' (no comma is needed before 'and').",
        key="commas:" + frame.replace("{name}", "*").replace("{items}", "|".join(items)),
        data={"frame": frame, "name": name, "items": items},
        alternates=[text.replace("{items}", ", ".join(items[:-1]) + ", and " + items[-1])],
    )


# ---------------------------------------------------------------- direct speech


@register("english.c5.direct_speech", family=FAMILY, variants=False)
def make_direct_speech(rng: Random, difficulty: int) -> Question:
    """d1: the speaker first (Ravi said, "…"); d2: also the spoken words first, for statements;
    d3: any."""
    speech_first = difficulty > 1 and rng.random() < 0.5
    questions = difficulty == 3 or not speech_first
    kind, spoken = rng.choice([s for s in W.SPOKEN if questions or s[0] == "statement"])
    speaker = person(rng).en
    verb = "asked" if kind == "question" else rng.choice(W.SAYING_VERBS)
    mark = "?" if kind == "question" else "."
    if speech_first:
        answer = f'"{spoken}{"?" if mark == "?" else ","}" {verb} {speaker}.'
        prompt = f"{spoken} {verb} {speaker}"
    else:
        answer = f'{speaker} {verb}, "{spoken}{mark}"'
        prompt = f"{speaker} {verb} {spoken}"
    return _rewrite(
        "english.c5.direct_speech",
        difficulty,
        SPEECH,
        prompt=prompt,
        answer=answer,
        solution=_speech_rule(speech_first, kind),
        key=f"speech:{spoken}:{'after' if speech_first else 'before'}",
        data={"speaker": speaker, "verb": verb, "spoken": spoken, "speech_first": speech_first},
        alternates=[answer.replace('"', "'")],  # single quotation marks: the British style
        stop_optional=False,
    )


def _speech_rule(speech_first: bool, kind: str) -> str:
    mark = "question mark" if kind == "question" else "full stop"
    if not speech_first:
        return (
            f"Put a comma after 'said' or 'asked', then the spoken words inside quotation marks, "
            f"beginning with a capital letter and ending with a {mark} inside the marks."
        )
    inside = "a question mark" if kind == "question" else "a comma (not a full stop)"
    return (
        f"The spoken words go inside quotation marks and end with {inside} inside the marks; "
        f"the sentence ends with a full stop after the speaker's name."
    )
