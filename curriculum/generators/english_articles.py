"""English articles generators: a or an by the first sound, and the."""

from __future__ import annotations

from random import Random

from curriculum.generators import english_words as W
from curriculum.generators.common import BLANK, person
from curriculum.generators.english_common import FAMILY, GRAMMAR, _choose, _fill
from curriculum.generators.english_rules import SILENT_H, YOU_SOUND, article
from curriculum.generators.registry import register
from curriculum.question import Question, Text

ARTICLE_A_AN = Text(en="Fill in a or an.", hi="a या an में से सही शब्द भरो।")
ARTICLE_ANY = Text(en="Fill in a, an or the.", hi="a, an या the में से सही शब्द भरो।")


# ---------------------------------------------------------------- articles


@register("english.c1.articles_a_an", family=FAMILY)
def make_c1_articles(rng: Random, difficulty: int) -> Question:
    """d1: the article before a noun; d2: in a sentence; d3: a describing word comes first."""
    noun = rng.choice(W.C1_ARTICLE_NOUNS)
    if difficulty == 1:
        prompt, word = f"{BLANK} {noun}", noun
    elif difficulty == 2:
        prompt, word = f"I can see {BLANK} {noun}.", noun
    else:
        word, noun = rng.choice(W.C1_ARTICLE_ADJECTIVES), rng.choice(W.C1_ARTICLE_THINGS)
        prompt = f"{person(rng).en} has {BLANK} {word} {noun}."
    phrase = noun if word == noun else f"{word} {noun}"
    return _article_question("english.c1.articles_a_an", difficulty, prompt, word, phrase)


def _article_question(
    tag: str, difficulty: int, prompt: str, word: str, item: str, with_the: bool = False
) -> Question:
    """Options stay in the order a, an, the. Not offered as multiple choice: the variant's
    option letter (a) would be confused with the article "a"."""
    answer = "the" if with_the else article(word)
    options = ("a", "an", "the") if with_the else ("a", "an")
    question = _fill(
        tag,
        difficulty,
        ARTICLE_ANY if with_the else ARTICLE_A_AN,
        prompt=prompt,
        answer=answer,
        solution=_article_rule(word, answer, item if " " in item and len(item) < 30 else word),
        key=f"article:{item}",
        data={"next_word": word},
        wrong=[(o, GRAMMAR) for o in options if o != answer],
    )
    return _choose(question, options=options)


def _article_rule(word: str, answer: str, phrase: str) -> str:
    """The rule, shown on the words that follow the blank (`phrase`: "big cup" or "hour")."""
    w = word.lower()
    if answer == "the":
        return (
            f"Use 'the' for something there is only one of, and before best, most, first, last "
            f"and -est words: the {phrase}."
        )
    if w in SILENT_H:
        return f"The h in '{word}' is silent, so it begins with a vowel sound: an {phrase}."
    if w in YOU_SOUND or w.startswith("one"):
        sound = "won" if w.startswith("one") else "you"
        return f"'{word}' begins with the sound '{sound}', a consonant sound: a {phrase}."
    if answer == "an":
        return f"'{word}' begins with a vowel sound (a, e, i, o, u), so we write 'an': an {phrase}."
    return f"'{word}' begins with a consonant sound, so we write 'a': a {phrase}."


@register("english.c3.articles", family=FAMILY)
def make_c3_articles(rng: Random, difficulty: int) -> Question:
    """d1: a/an before a describing word; d2: silent h, "you" and "one" sounds (in sentences, or
    before a describing word: a useful ox, an ugly ox); d3: also "the"."""
    tag = "english.c3.articles"
    if difficulty == 1 or (difficulty == 2 and rng.random() < 0.5):
        adjectives = W.C3_ARTICLE_ADJECTIVES if difficulty == 1 else W.C3_ARTICLE_SOUND_ADJECTIVES
        adjective = rng.choice(sorted(adjectives))
        animal = rng.choice(adjectives[adjective])
        prompt = f"{person(rng).en} saw {BLANK} {adjective} {animal}."
        return _article_question(tag, difficulty, prompt, adjective, f"{adjective} {animal}")
    pool = W.C3_ARTICLE_SOUND + (W.C3_ARTICLE_THE if difficulty == 3 else ())
    sentence = rng.choice(pool)
    word = sentence.split(BLANK)[1].split()[0].strip(".")
    with_the = sentence in W.C3_ARTICLE_THE
    return _article_question(tag, difficulty, sentence, word, sentence, with_the)
