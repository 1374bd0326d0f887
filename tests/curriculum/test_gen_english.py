"""Oracles for the English generators.

Each oracle recomputes a question's answer from `question.data` with rules and word tables
written here, apart from the generator code (a second, separately typed table catches a slip in
either), and asserts it equals `question.answer`, that the prompt shows the data, and that every
listed wrong answer really is wrong.
"""

from __future__ import annotations

import re

import pytest

from curriculum.generators.common import BLANK
from curriculum.question import Question
from tests.curriculum.harness import Oracle, family_tags, run_generator_checks


def _set(text: str) -> frozenset[str]:
    return frozenset(text.split())


def _pairs(text: str) -> dict[str, str]:
    return dict(item.split(":") for item in text.split())


# ---------------------------------------------------------------- a, an, the

SILENT_H = _set("hour honest honour heir")
SAID_YOU = _set("uniform university unicorn useful unique unit")
ONE_OF_A_KIND = _set("sun moon sky earth ganga himalayas")
SUPERLATIVES = _set("best most first last tallest highest youngest oldest fastest")


def a_or_an(word: str) -> str:
    """By the first sound: a silent h is a vowel sound; "you" and "won" are consonant sounds."""
    w = word.lower()
    if w in SILENT_H:
        return "an"
    if w in SAID_YOU or w.startswith("one-"):
        return "a"
    return "an" if w[0] in "aeiou" else "a"


def oracle_article(q: Question) -> None:
    word = q.data["next_word"]
    assert q.prompt.en.split(BLANK)[1].split()[0].strip(".") == word
    expected = "the" if word.lower() in ONE_OF_A_KIND | SUPERLATIVES else a_or_an(word)
    assert q.answer == expected
    # "the" is offered only where a/an cannot stand; elsewhere "the" would often fit too.
    assert q.options == (("a", "an", "the") if expected == "the" else ("a", "an"))


def oracle_c1_article(q: Question) -> None:
    oracle_article(q)
    word = q.data["next_word"].lower()
    assert word not in SILENT_H | SAID_YOU and not word.startswith("one"), (
        "no exceptions in Class 1"
    )


# ---------------------------------------------------------------- opposites

OPPOSITES = {
    word: set(others.split("/"))
    for word, others in _pairs(
        """big:small hot:cold tall:short fat:thin up:down in:out day:night new:old young:old
        open:close/shut happy:sad fast:slow wet:dry full:empty good:bad clean:dirty yes:no
        come:go push:pull give:take front:back near:far thick:thin laugh:cry win:lose
        first:last before:after over:under ask:answer sit:stand high:low left:right on:off
        early:late strong:weak buy:sell friend:enemy rich:poor loud:quiet/soft
        easy:difficult/hard sweet:sour/bitter true:false remember:forget always:never
        question:answer inside:outside top:bottom deep:shallow wide:narrow lend:borrow
        arrive:leave/depart alive:dead float:sink sharp:blunt polite:rude tight:loose
        entrance:exit sunrise:sunset cheap:costly/expensive smooth:rough noisy:quiet/silent
        dangerous:safe heavy:light beautiful:ugly clever:foolish/silly/stupid love:hate
        winter:summer shout:whisper awake:asleep present:absent increase:decrease north:south"""
    ).items()
}


def oracle_opposite(q: Question) -> None:
    word = q.data["word"]
    assert f"'{word}'" in q.prompt.en
    assert q.answer in OPPOSITES[word]
    assert set(q.accepted) <= OPPOSITES[word]
    assert not {w.answer for w in q.wrong_answers} & OPPOSITES[word]
    assert not q.options or q.answer in q.options


PREFIXED = {
    "un": _set(
        """happy kind tidy safe lucky well fair lock pack wrap fold true usual healthy fit
        clean known seen even comfortable friendly wise load tie pleasant selfish real"""
    ),
    "dis": _set("appear agree obey honest respect approve similar advantage continue connect"),
    "in": _set(
        "correct complete visible active direct formal expensive dependent capable accurate"
    ),
    "im": _set("possible polite patient perfect pure proper mature mortal mobile partial"),
}


def oracle_prefix(q: Question) -> None:
    word = q.data["word"]
    assert f"'{word}'" in q.prompt.en
    (prefix,) = [p for p, group in PREFIXED.items() if word in group]
    if prefix in ("in", "im"):  # in- is written im- before p, b and m
        assert prefix == ("im" if word[0] in "pbm" else "in")
    assert q.answer == prefix + word
    for mistake in q.wrong_answers:
        assert mistake.answer.endswith(word) and mistake.answer[: -len(word)] in PREFIXED


# ---------------------------------------------------------------- plurals

IRREGULAR_PLURALS = _pairs(
    """child:children man:men woman:women tooth:teeth foot:feet goose:geese mouse:mice ox:oxen
    sheep:sheep deer:deer policeman:policemen postman:postmen fisherman:fishermen
    milkman:milkmen gentleman:gentlemen grandchild:grandchildren snowman:snowmen
    aircraft:aircraft fireman:firemen workman:workmen sportsman:sportsmen
    businessman:businessmen policewoman:policewomen"""
)
F_TO_VES = _set("leaf knife shelf wolf calf thief loaf elf scarf hoof")
O_TO_OES = _set("potato tomato hero mango")
ALSO_RIGHT = {"scarf": {"scarfs"}, "hoof": {"hoofs"}, "mango": {"mangos"}}


def plural(noun: str) -> str:
    if noun in IRREGULAR_PLURALS:
        return IRREGULAR_PLURALS[noun]
    if noun in F_TO_VES:
        return re.sub(r"fe?$", "ves", noun)
    if re.search(r"[^aeiou]y$", noun):
        return noun[:-1] + "ies"
    if re.search(r"(s|x|z|ch|sh)$", noun) or noun in O_TO_OES:
        return noun + "es"
    return noun + "s"


def oracle_plural(q: Question) -> None:
    noun = q.data["noun"]
    assert re.search(rf"\b{noun}\b", q.prompt.en)
    assert q.answer == plural(noun)
    assert set(q.accepted) <= ALSO_RIGHT.get(noun, set())
    assert noun not in IRREGULAR_PLURALS or q.skill_tag.endswith("irregular")


def oracle_plural_s(q: Question) -> None:
    oracle_plural(q)
    assert q.answer == q.data["noun"] + "s", "Class 1 nouns just add -s"


def oracle_plural_irregular(q: Question) -> None:
    oracle_plural(q)
    assert q.data["noun"] in IRREGULAR_PLURALS


def oracle_plural_y_f(q: Question) -> None:
    oracle_plural(q)
    assert re.search(r"(y|f|fe)$", q.data["noun"])


# ---------------------------------------------------------------- capitals and end marks

QUESTION_STARTERS = _set(
    """what where who when why how which whose is are am was were do does did can could will
    would shall should have has may"""
)
PROPER = _set(
    """asha ravi meera kabir priya arjun fatima gurpreet lakshmi murugan ananya rohan diya imran
    sneha tenzing moti goa delhi diwali kolkata taj mahal onam kerala mumbai sunday march monday
    holi jaipur december ganga panchatantra agra august friday yamuna varanasi eid madurai
    saturday qutub minar mount everest amritsar january sikkim pongal tuesday chennai shimla june
    makar sankranti pune kochi godavari india wednesday february october november lucknow patna
    mysuru gangtok nagpur"""
)


def punctuate(plain: str) -> str:
    """Capitals for the first word, names and I; ? if it begins like a question, else '.'."""
    words = plain.split()
    out = [
        w[0].upper() + w[1:] if i == 0 or w == "i" or w.split("'")[0] in PROPER else w
        for i, w in enumerate(words)
    ]
    return " ".join(out) + ("?" if words[0] in QUESTION_STARTERS else ".")


def oracle_capitals(q: Question) -> None:
    plain = q.data["plain"]
    assert q.prompt.en == plain and plain == plain.lower() and plain[-1].isalpha()
    assert q.answer == punctuate(plain)
    assert not q.skill_tag.startswith("english.c1") or q.answer.endswith(".")


def oracle_end_mark(q: Question) -> None:
    words = q.data["words"]
    assert q.prompt.en == words + BLANK
    assert q.answer == ("?" if words.split()[0].lower() in QUESTION_STARTERS else ".")
    assert q.options == (".", "?")


# ---------------------------------------------------------------- word order

NAMES = _set(
    """I Asha Ravi Meera Kabir Priya Arjun Fatima Gurpreet Lakshmi Murugan Ananya Rohan Diya
    Imran Sneha Tenzing Grandma Grandpa Amma Papa"""
)
ORDER_LENGTH = {1: (3, 4), 2: (4, 6), 3: (4, 8), 4: (5, 9), 5: (7, 11)}


def oracle_order(q: Question) -> None:
    tiles = q.data["tiles"]
    assert q.prompt.en == " / ".join(tiles)
    low, high = ORDER_LENGTH[int(q.skill_tag.split(".")[1][1])]
    assert low <= len(tiles) <= high
    first = q.answer.split()[0]
    assert (first in tiles) == (first.split("'")[0] in NAMES), "only a name keeps its capital"
    for sentence in (q.answer, *q.data["alternates"]):
        assert sorted(w.lower() for w in sentence[:-1].split()) == sorted(t.lower() for t in tiles)
        assert sentence[0].isupper()
        assert sentence.endswith("?") == (sentence.split()[0].lower() in QUESTION_STARTERS)
        assert sentence in q.accepted_answers
        assert [t.lower() for t in tiles] != [w.lower() for w in sentence[:-1].split()]
    assert ("question mark" in q.instruction.en) == q.answer.endswith("?")


# ---------------------------------------------------------------- commas


def oracle_commas(q: Question) -> None:
    items = q.data["items"]
    assert len(set(items)) == len(items) == q.difficulty + 2
    frame = q.data["frame"].replace("{name}", q.data["name"])
    listed = ", ".join(items[:-1]) + " and " + items[-1]
    assert q.answer == frame.replace("{items}", listed)
    assert q.prompt.en == frame.replace("{items}", listed.replace(",", ""))
    assert "," not in q.prompt.en
    oxford = frame.replace(
        "{items}", ", ".join(items).replace(", " + items[-1], ", and " + items[-1])
    )
    assert oxford in q.accepted


# ---------------------------------------------------------------- naming and action words

NOUNS = _set(
    """mango puppy ravi peacock kite sun cat baby asha bus water ball horse bell meera parrot bee
    milk pillow frog elephant rain kabir flower chapati rose moon teacher cow train lamp
    auto-rickshaw umbrella fox bag kulfi priya doctor tiger duck owl monkey tea storybook dog
    night grandma dal children park tree field farmer girls playground murugan bicycle mouse
    fatima letter birds sky dinner pond song grass papa car boys river arjun door lakshmi
    rangoli banana cradle diya plants cart imran sparrow nest sneha hands gate tenzing ducks
    lake ananya cake gardener soil cook pakoras gurpreet dhol east postman letters rohan
    shoelaces"""
)
VERBS = _set(
    """sleeps runs dances flies shines mews laughs sings moves bounces rings writes talks buzzes
    jumps falls smiles blooms smells looks speaks moos glows stops melts roars swims hoots
    kicks drinks reads barks cooks play climbs paints ploughs skip rides catches fly eat eats
    washes swim throws opens draws waters pulls carries builds claps cuts digs fries plays
    rises brings ties"""
)
OTHER_WORDS = _set(
    """ripe sweet little fast happily high brightly hungry loudly tiny sweetly old slowly cold
    red brown neatly green busy hot soft white small big grey softly yellow warm bright kindly
    long suddenly wet clever away heavy quickly beautifully kind sleepy naughty tasty"""
)


def _kind(word: str) -> str:
    w = word.lower()
    (kind,) = [
        k for k, group in (("noun", NOUNS), ("verb", VERBS), ("other", OTHER_WORDS)) if w in group
    ]
    return kind


def _word_kind_oracle(kind: str) -> Oracle:
    def oracle(q: Question) -> None:
        sentence, options = q.data["sentence"], q.data["options"]
        assert q.prompt.en.startswith(sentence)
        for option in options:
            assert re.search(rf"\b{re.escape(option)}\b", sentence)
        assert _kind(q.answer) == kind
        assert [o for o in options if _kind(o) == kind] == [q.answer], "exactly one right word"
        assert {w.answer for w in q.wrong_answers} == set(options) - {q.answer}

    return oracle


PROPER_NOUNS = _set(
    """Kabir Chennai Asha Diwali Ganga Mumbai Ravi Sunday Agra Akbar Meera Mithu Himalayas Diya
    Murugan Pongal Kerala June Fatima Imran India Priya Lucknow Sneha March Arjun Ranthambore
    Rohan Saturday Gurpreet Punjab Lakshmi Yamuna Tenzing Darjeeling Ananya Tuesday Kolkata
    Bengaluru Jaipur Eid Ratnagiri Kathak Delhi Pune"""
) | {"Taj Mahal", "New Delhi", "Mahatma Gandhi", "Makar Sankranti", "Red Fort"}


def oracle_common_proper(q: Question) -> None:
    noun, sentence = q.data["noun"], q.data["sentence"]
    assert re.search(rf"\b{noun}\b", sentence) and q.prompt.en.startswith(sentence)
    assert f"'{noun}'" in q.prompt.en
    assert q.answer == ("proper" if noun in PROPER_NOUNS else "common")


# ---------------------------------------------------------------- verbs and tenses

IRREGULAR_PAST = _pairs(
    """go:went eat:ate drink:drank see:saw write:wrote sing:sang swim:swam run:ran come:came
    take:took give:gave fly:flew bring:brought buy:bought catch:caught teach:taught
    think:thought sleep:slept sit:sat stand:stood find:found make:made tell:told break:broke
    ride:rode throw:threw grow:grew draw:drew know:knew wear:wore tear:tore speak:spoke
    wake:woke get:got lose:lost feel:felt keep:kept send:sent build:built spend:spent
    hear:heard read:read cut:cut put:put hit:hit begin:began ring:rang blow:blew leave:left
    meet:met feed:fed forget:forgot shake:shook have:had do:did"""
)


def _one_syllable(word: str) -> bool:
    return len(re.findall(r"[aeiou]+", word)) == 1


def _doubles(verb: str) -> bool:
    """Short vowel + one consonant at the end of a one-syllable word (not w, x, y), or, in
    British spelling, one vowel + l at the end of a longer word (travel)."""
    if _one_syllable(verb):
        return bool(re.search(r"(^|[^aeiou])[aeiou][^aeiouwxy]$", verb))
    return bool(re.search(r"[^aeiou][aeiou]l$", verb))


def past(verb: str) -> str:
    if verb in IRREGULAR_PAST:
        return IRREGULAR_PAST[verb]
    if verb.endswith("e"):
        return verb + "d"
    if re.search(r"[^aeiou]y$", verb):
        return verb[:-1] + "ied"
    return verb + verb[-1] + "ed" if _doubles(verb) else verb + "ed"


def ing(verb: str) -> str:
    if verb.endswith("ie"):
        return verb[:-2] + "ying"
    if verb.endswith("e") and not verb.endswith("ee"):
        return verb[:-1] + "ing"
    return verb + verb[-1] + "ing" if _doubles(verb) else verb + "ing"


def present_one(verb: str) -> str:
    """The present with he, she or one name."""
    if verb == "have":
        return "has"
    if re.search(r"(s|x|z|ch|sh|o)$", verb):
        return verb + "es"
    if re.search(r"[^aeiou]y$", verb):
        return verb[:-1] + "ies"
    return verb + "s"


def oracle_past_regular(q: Question) -> None:
    verb = q.data["verb"]
    assert verb not in IRREGULAR_PAST and q.prompt.en.endswith(f"({verb})")
    assert q.answer == past(verb)
    level = 1 if q.answer == verb + "ed" and not verb.endswith("y") else 3
    if verb.endswith("e") or re.search(r"[^aeiou]y$", verb):
        level = 2
    assert level == q.difficulty


def oracle_past_irregular(q: Question) -> None:
    verb = q.data["verb"]
    assert q.prompt.en.endswith(f"({verb})")
    assert q.answer == IRREGULAR_PAST[verb]
    assert past_regular_guess(verb) not in q.accepted_answers


def past_regular_guess(verb: str) -> str:
    return verb + ("d" if verb.endswith("e") else "ed")


TIME_WORDS = {"Every": "present", "On": "present", "Yesterday": "past", "Last": "past"}
TIME_WORDS |= {"Tomorrow": "future", "Next": "future"}
ONE_SUBJECTS = _set("he she") | {"my sister"}
MANY_SUBJECTS = _set("we they you") | {"my friends", "the children"}


def _is_one(subject: str) -> bool:
    return subject in ONE_SUBJECTS or subject in NAMES - {"I"}


def oracle_tenses(q: Question) -> None:
    verb, subject, when = q.data["verb"], q.data["subject"], q.data["when"]
    assert q.prompt.en == f"{when}, {subject} {BLANK} {q.prompt.en.split(BLANK)[1].strip()}"
    assert q.prompt.en.endswith(f"({verb})")
    tense = TIME_WORDS[when.split()[0]]
    assert subject in ONE_SUBJECTS | MANY_SUBJECTS | NAMES
    expected = {"future": f"will {verb}", "past": past(verb)}.get(tense)
    if expected is None:
        expected = present_one(verb) if _is_one(subject) else verb
    assert q.answer == expected


def oracle_continuous(q: Question) -> None:
    verb, subject = q.data["verb"], q.data["subject"]
    assert q.prompt.en.endswith(f"({verb})")
    now = q.prompt.en.startswith(("Look!", "Right now,", "At the moment,"))
    assert now == (q.data["tense"] == "present")
    if subject == "I":
        helper = "am" if now else "was"
    elif _is_one(subject):
        helper = "is" if now else "was"
    else:
        assert subject in MANY_SUBJECTS
        helper = "are" if now else "were"
    assert q.answer == f"{helper} {ing(verb)}"


IRREGULAR_PLURAL_HEADS = _set("children people men women mice geese feet teeth")


def number_of(subject: str) -> str:
    s = subject.lower()
    if s in ("i", "you"):
        return s
    if s in ("we", "they") or " and " in s:
        return "many"
    if s in ("he", "she", "it") or s.startswith(("each ", "every", "one of ")):
        return "one"
    head = s.split(" of ")[0].split()[-1]
    plural_head = head in IRREGULAR_PLURAL_HEADS or (head.endswith("s") and not head.endswith("ss"))
    return "many" if plural_head else "one"


def oracle_agreement(q: Question) -> None:
    subject, verb = q.data["subject"], q.data["verb"]
    assert q.prompt.en.startswith(f"{subject} {BLANK} ")
    number = number_of(subject)
    if verb == "be":
        expected = {"i": "am", "you": "are", "one": "is", "many": "are"}[number]
    elif verb == "be_past":
        expected = {"i": "was", "you": "were", "one": "was", "many": "were"}[number]
    else:
        expected = present_one(verb) if number == "one" else verb
    assert q.answer == expected
    assert q.answer in q.options and len(q.options) >= 2


# ---------------------------------------------------------------- Class 5 punctuation, nouns


def oracle_direct_speech(q: Question) -> None:
    spoken, speaker, verb = q.data["spoken"], q.data["speaker"], q.data["verb"]
    assert speaker in NAMES and spoken[0].isupper() and not re.search(r"[.,?!\"]", spoken)
    asks = spoken.split()[0].lower() in QUESTION_STARTERS
    assert (verb == "asked") == asks
    if q.data["speech_first"]:
        expected = f'"{spoken}{"?" if asks else ","}" {verb} {speaker}.'
        assert q.prompt.en == f"{spoken} {verb} {speaker}"
    else:
        expected = f'{speaker} {verb}, "{spoken}{"?" if asks else "."}"'
        assert q.prompt.en == f"{speaker} {verb} {spoken}"
    assert q.answer == expected
    assert all(a.endswith((".", '"', "”", "'", "’")) for a in q.accepted_answers)


COLLECTIVE_OF = {
    noun: set(words.split("/"))
    for noun, words in _pairs(
        """sheep:flock cows:herd bees:swarm lions:pride wolves:pack monkeys:troop
        elephants:herd fish:school/shoal grapes:bunch/cluster keys:bunch flowers:bouquet/bunch
        ships:fleet players:team people:crowd/group musicians:band/group singers:choir/group
        students:class/group
        soldiers:army thieves:gang shoes:pair puppies:litter ants:colony/army sticks:bundle
        pearls:string clothes:pile/heap geese:gaggle/flock judges:panel buffaloes:herd
        buses:fleet stairs:flight"""
    ).items()
}


def oracle_collective(q: Question) -> None:
    noun = q.data["noun"]
    assert f"{BLANK} of {noun}" in q.prompt.en
    assert q.answer in COLLECTIVE_OF[noun]
    assert set(q.accepted) <= COLLECTIVE_OF[noun]
    assert not {w.answer for w in q.wrong_answers} & COLLECTIVE_OF[noun]


SHORT_ENDINGS = _pairs("am:'m are:'re is:'s has:'s have:'ve will:'ll us:'s")


def short_form(full: str) -> str:
    if full.lower() == "cannot":
        return full[0] + "an't"
    first, second = full.split()
    if second == "not":
        return ("wo" if first == "will" else first) + "n't"
    return first + SHORT_ENDINGS[second]


def possessive(owner: str, thing: str) -> str:
    """One owner, or a plural not ending in s: add 's. A plural ending in s: add only '."""
    head = owner.split()[-1]
    if head in IRREGULAR_PLURAL_HEADS or not head.endswith("s"):
        return f"{owner}'s {thing}"
    return f"{owner}' {thing}"


def oracle_apostrophe(q: Question) -> None:
    if "full" in q.data:
        full = q.data["full"]
        assert q.prompt.en.endswith(f"({full})")
        assert q.answer == short_form(full)
    else:
        owner, thing = q.data["owner"], q.data["thing"]
        assert q.prompt.en == f"the {thing} of {owner} → {BLANK}"
        assert q.answer == possessive(owner, thing)
    assert q.answer.replace("'", "’") in q.accepted


ORACLES: dict[str, Oracle] = {
    "english.c1.articles_a_an": oracle_c1_article,
    "english.c1.opposites": oracle_opposite,
    "english.c1.plurals_s": oracle_plural_s,
    "english.c1.sentence_order": oracle_order,
    "english.c1.capital_full_stop": oracle_capitals,
    "english.c2.nouns_identify": _word_kind_oracle("noun"),
    "english.c2.plurals_s_es": oracle_plural,
    "english.c2.opposites": oracle_opposite,
    "english.c2.verbs_identify": _word_kind_oracle("verb"),
    "english.c2.sentence_order": oracle_order,
    "english.c2.question_mark": oracle_end_mark,
    "english.c3.nouns_common_proper": oracle_common_proper,
    "english.c3.plurals_irregular": oracle_plural_irregular,
    "english.c3.past_tense_regular": oracle_past_regular,
    "english.c3.articles": oracle_article,
    "english.c3.punctuation": oracle_capitals,
    "english.c3.sentence_order": oracle_order,
    "english.c4.tenses": oracle_tenses,
    "english.c4.past_tense_irregular": oracle_past_irregular,
    "english.c4.plurals_y_f": oracle_plural_y_f,
    "english.c4.punctuation_commas": oracle_commas,
    "english.c4.sentence_order": oracle_order,
    "english.c4.opposites_prefix": oracle_prefix,
    "english.c5.tenses_continuous": oracle_continuous,
    "english.c5.subject_verb_agreement": oracle_agreement,
    "english.c5.direct_speech": oracle_direct_speech,
    "english.c5.sentence_order": oracle_order,
    "english.c5.nouns_collective": oracle_collective,
    "english.c5.apostrophe": oracle_apostrophe,
}


def test_every_generator_of_the_family_has_an_oracle() -> None:
    assert set(ORACLES) == family_tags("english")


@pytest.mark.parametrize("skill_tag", sorted(ORACLES))
def test_generator_is_right_for_5000_seeds(skill_tag: str) -> None:
    run_generator_checks(skill_tag, ORACLES[skill_tag])


def test_the_word_lists_give_variety() -> None:
    from curriculum.generators import english_words as w

    assert len(w.C1_OPPOSITES) + len(w.C2_OPPOSITES) >= 60
    assert len(w.PLURAL_S) + len(w.PLURAL_ES) + len(w.PLURAL_S_TRICKY) >= 80
    assert len(w.IRREGULAR_VERBS) >= 40
    for sentences in (w.ORDER_C1, w.ORDER_C2, w.ORDER_C3, w.ORDER_C4, w.ORDER_C5):
        assert len(sentences) >= 40
        assert len(set(sentences)) == len(sentences)


@pytest.mark.parametrize(
    ("word", "article"),
    [
        ("hour", "an"),
        ("honest", "an"),
        ("university", "a"),
        ("uniform", "a"),
        ("one-rupee", "a"),
        ("umbrella", "an"),
        ("horse", "a"),
        ("egg", "an"),
    ],
)
def test_article_oracle_knows_the_exceptions(word: str, article: str) -> None:
    assert a_or_an(word) == article


@pytest.mark.parametrize(
    ("verb", "past_form", "ing_form"),
    [
        ("stop", "stopped", "stopping"),
        ("travel", "travelled", "travelling"),
        ("visit", "visited", "visiting"),
        ("cry", "cried", "crying"),
        ("play", "played", "playing"),
        ("dance", "danced", "dancing"),
        ("tie", "tied", "tying"),
        ("fix", "fixed", "fixing"),
    ],
)
def test_spelling_oracles_follow_british_rules(verb: str, past_form: str, ing_form: str) -> None:
    assert (past(verb), ing(verb)) == (past_form, ing_form)
