"""Generators: long and round things (Class 1), solids and their faces (Classes 2-3)."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from random import Random
from typing import NamedTuple

from curriculum.generators.common import BLANK
from curriculum.generators.registry import register
from curriculum.generators.shapes_common import Word, Wrong, fill, many, pick, table, words
from curriculum.question import Question, Text

# --- Class 1: What is Long? What is Round? ---------------------------------------------------

ROUND_ROLLERS = words(
    "ball=गेंद, marble=कंचा, orange=संतरा, wheel=पहिया, tyre=टायर, coconut=नारियल, lemon=नींबू, "
    "laddoo=लड्डू, pea=मटर का दाना, bead=मनका"
)
# A pipe rolls, but it is long as well as round: it stays out of "long or round" questions.
ROLLERS = [*ROUND_ROLLERS, *words("pipe=पाइप")]
# Round, but kept out of roll/slide questions: whether a coin rolls depends on how it lies.
FLAT_ROUND = words("bangle=चूड़ी, coin=सिक्का, plate=थाली, roti=रोटी")
LONG = words(
    "stick=छड़ी, rope=रस्सी, snake=साँप, pencil=पेंसिल, ruler=पटरी, broom=झाड़ू, sugarcane=गन्ना, "
    "ladder=सीढ़ी, bamboo=बाँस"
)
# Things with flat faces that slide. Not a dice: children roll one in every game of ludo.
SLIDERS = words(
    "book=किताब, brick=ईंट, box=डिब्बा, eraser=रबड़, duster=डस्टर, slate=स्लेट, "
    "matchbox=माचिस की डिब्बी, notebook=कॉपी, tile=टाइल, wooden block=लकड़ी का गुटका, "
    "chalk box=चॉक का डिब्बा"
)
_THING_ASK = {
    "round": Word(en="Which of these is round:", hi="इनमें से कौन-सी चीज़ गोल है:"),
    "long": Word(en="Which of these is long:", hi="इनमें से कौन-सी चीज़ लंबी है:"),
    "roll": Word(en="Which of these can roll:", hi="इनमें से कौन-सी चीज़ लुढ़क सकती है:"),
    "slide": Word(
        en="Which of these cannot roll, but slides:",
        hi="इनमें से कौन-सी चीज़ लुढ़कती नहीं, बस खिसकती है:",
    ),
}
_SHAPE_HINT = Text(
    en="Round things, like a ball or a bangle, curve all the way round. Long things, like a "
    "rope or a stick, stretch far in one direction.",
    hi="गेंद या चूड़ी जैसी गोल चीज़ें चारों ओर से मुड़ी होती हैं। रस्सी या छड़ी जैसी लंबी चीज़ें एक "
    "ओर दूर तक फैली होती हैं।",
)
_MOVE_HINT = Text(
    en="Things that are curved all round roll; things with flat faces slide.",
    hi="चारों ओर से घुमावदार चीज़ें लुढ़कती हैं; सपाट सतह वाली चीज़ें खिसकती हैं।",
)


@register("maths.c1.long_round", family="geometry")
def long_round(rng: Random, difficulty: int) -> Question:
    tag = "maths.c1.long_round"
    if difficulty == 3:
        return _count_rollers(tag, rng)
    kind = rng.choice(("round", "long") if difficulty == 1 else ("roll", "slide"))
    fits, misfits = {
        "round": (ROUND_ROLLERS + FLAT_ROUND, LONG),
        "long": (LONG, ROUND_ROLLERS + FLAT_ROUND),
        "roll": (ROLLERS, SLIDERS),
        "slide": (SLIDERS, ROLLERS),
    }[kind]
    right, others = rng.choice(fits), rng.sample(misfits, 2 if difficulty == 1 else 3)
    return pick(
        tag,
        rng,
        difficulty,
        _THING_ASK[kind],
        right,
        others,
        kind,
        _SHAPE_HINT if difficulty == 1 else _MOVE_HINT,
    )


def _count_rollers(tag: str, rng: Random) -> Question:
    rolling = rng.randint(2, 4)
    rollers = rng.sample(ROLLERS, rolling)
    things = rollers + rng.sample(SLIDERS, 6 - rolling)
    rng.shuffle(things)
    en, hi = ", ".join(t.en for t in things), ", ".join(t.hi for t in things)
    prompt = Text(
        en=f"How many of these things can roll: {en}? Answer: {BLANK}",
        hi=f"इनमें से कितनी चीज़ें लुढ़क सकती हैं: {hi}? उत्तर: {BLANK}",
    )
    hint = Text(
        en=f"These roll: {', '.join(t.en for t in rollers)}. {_MOVE_HINT.en}",
        hi=f"ये लुढ़कती हैं: {', '.join(t.hi for t in rollers)}। {_MOVE_HINT.hi}",
    )
    wrong: Wrong = [(rolling + 1, "off_by_one"), (rolling - 1, "off_by_one")]
    wrong.append((6 - rolling, "counted_wrong"))  # counted the things that slide
    data: dict[str, object] = {"kind": "count_roll", "things": [t.en for t in things]}
    key = "count_roll:" + ",".join(sorted(t.en for t in things))
    return fill(tag, 3, prompt, rolling, hint, data, wrong, key=key)


# --- Solids: Class 2 (Shapes Around Us) and Class 3 (Toy Joy) ----------------------------------


class Solid(NamedTuple):
    en: str
    hi: str
    faces: int  # NCERT Class 3: curved surfaces count as faces (a cylinder has 3)
    edges: int  # curved edges count too: a cylinder has 2, a cone 1
    corners: int  # the tip of a cone is its corner
    flat: int
    curved: int
    rolls: bool
    slides: bool


SOLIDS = [
    Solid(en, hi, int(f), int(e), int(c), int(flat), int(curved), rolls == "yes", slides == "yes")
    for en, hi, f, e, c, flat, curved, rolls, slides in table("""
        cube     | घन    | 6 | 12 | 8 | 6 | 0 | no  | yes
        cuboid   | घनाभ  | 6 | 12 | 8 | 6 | 0 | no  | yes
        cylinder | बेलन  | 3 | 2  | 0 | 2 | 1 | yes | yes
        cone     | शंकु  | 2 | 1  | 1 | 1 | 1 | yes | yes
        sphere   | गोला  | 1 | 0  | 0 | 0 | 1 | yes | no
    """)
]
# Everyday things of each shape; the Hindi is in the oblique form, to read "पासे का आकार".
EXAMPLES = {
    "cube": words("dice=पासे, ice cube=बर्फ़ के टुकड़े, sugar cube=चीनी के क्यूब, Rubik's cube=रूबिक क्यूब"),
    "cuboid": words(
        "brick=ईंट, matchbox=माचिस की डिब्बी, duster=डस्टर, almirah=अलमारी, book=किताब, "
        "shoe box=जूते के डिब्बे"
    ),
    "cylinder": words(
        "candle=मोमबत्ती, pipe=पाइप, drum=ढोल, tin can=टिन के डिब्बे, log=लट्ठे, gas cylinder=गैस सिलेंडर"
    ),
    "cone": words(
        "ice-cream cone=आइसक्रीम कोन, birthday cap=जन्मदिन की टोपी, funnel=कीप, "
        "mehendi cone=मेहंदी कोन, traffic cone=ट्रैफ़िक कोन"
    ),
    "sphere": words("ball=गेंद, laddoo=लड्डू, globe=ग्लोब, marble=कंचे"),
}
ABOUT = {
    "cube": Text(
        en="A cube has 6 flat faces (squares), 12 edges and 8 corners. It slides on a flat face; "
        "it does not roll along like a ball.",
        hi="घन के 6 समतल फलक (वर्ग), 12 किनारे और 8 कोने होते हैं। यह समतल फलक पर खिसकता है; गेंद की "
        "तरह लुढ़कता नहीं।",
    ),
    "cuboid": Text(
        en="A cuboid has 6 flat faces (rectangles), 12 edges and 8 corners. It slides; it does "
        "not roll.",
        hi="घनाभ के 6 समतल फलक (आयत), 12 किनारे और 8 कोने होते हैं। यह खिसकता है, लुढ़कता नहीं।",
    ),
    "cylinder": Text(
        en="A cylinder has 3 faces (2 flat, 1 curved), 2 curved edges and no corners. It rolls "
        "and it slides.",
        hi="बेलन के 3 फलक (2 समतल, 1 घुमावदार) और 2 घुमावदार किनारे होते हैं; कोई कोना नहीं होता। "
        "यह लुढ़कता भी है और खिसकता भी है।",
    ),
    "cone": Text(
        en="A cone has 2 faces (1 flat, 1 curved), 1 curved edge and 1 corner (its tip). It "
        "rolls and it slides.",
        hi="शंकु के 2 फलक (1 समतल, 1 घुमावदार), 1 घुमावदार किनारा और 1 कोना (उसकी नोक) होता है। "
        "यह लुढ़कता भी है और खिसकता भी है।",
    ),
    "sphere": Text(
        en="A sphere has 1 curved face, no edges and no corners. It rolls; it does not slide.",
        hi="गोले का 1 घुमावदार फलक होता है; कोई किनारा या कोना नहीं होता। यह लुढ़कता है, खिसकता नहीं।",
    ),
}
# kind | question | Hindi
_SOLID_ASK_TEXT = {
    kind: Word(en=en, hi=hi)
    for kind, en, hi in table("""
        roll_and_slide | Which of these solids can both roll and slide: | इनमें से कौन-सा ठोस लुढ़क भी सकता है और खिसक भी सकता है:
        only_roll | Which of these solids rolls but cannot slide: | इनमें से कौन-सा ठोस लुढ़कता है, पर खिसकता नहीं:
        only_slide | Which of these solids slides but cannot roll: | इनमें से कौन-सा ठोस खिसकता है, पर लुढ़कता नहीं:
        only_flat | Which of these solids has only flat faces: | इनमें से किस ठोस के सभी फलक समतल हैं:
        only_curved | Which of these solids has only a curved face: | इनमें से किस ठोस का केवल एक घुमावदार फलक है:
        flat_and_curved | Which of these solids has both flat and curved faces: | इनमें से किस ठोस के समतल और घुमावदार दोनों तरह के फलक हैं:
    """)  # noqa: E501
}
_SOLID_FITS: dict[str, Callable[[Solid], bool]] = {
    "roll_and_slide": lambda s: s.rolls and s.slides,
    "only_roll": lambda s: s.rolls and not s.slides,
    "only_slide": lambda s: s.slides and not s.rolls,
    "only_flat": lambda s: s.curved == 0,
    "only_curved": lambda s: s.flat == 0,
    "flat_and_curved": lambda s: s.flat > 0 and s.curved > 0,
}
_COUNTED = {  # Hindi in the genitive: "बेलन के समतल फलकों की संख्या"
    "flat": Word("flat faces", "समतल फलकों"),
    "curved": Word("curved faces", "घुमावदार फलकों"),
    "faces": Word("faces", "फलकों"),
    "edges": Word("edges", "किनारों"),
    "corners": Word("corners", "कोनों"),
}


def _solid_count(
    tag: str, difficulty: int, solid: Solid, prop: str, related: Sequence[str]
) -> Question:
    """'Number of <prop> of a <solid> = ____'; wrong answers mix it up with the related counts."""
    answer = int(getattr(solid, prop))
    name = _COUNTED[prop]
    prompt = Text(
        en=f"Number of {name.en} of a {solid.en} = {BLANK}",
        hi=f"{solid.hi} के {name.hi} की संख्या = {BLANK}",
    )
    wrong: Wrong = [(getattr(solid, p), "shape_property") for p in related if p != prop]
    wrong += [(answer + 1, "off_by_one"), (answer - 1, "off_by_one")]
    wrong += [(getattr(s, prop), "shape_property") for s in SOLIDS]  # another solid's count
    data: dict[str, object] = {"solid": solid.en, "property": prop}
    return fill(tag, difficulty, prompt, answer, ABOUT[solid.en], data, wrong)


@register("maths.c2.shapes_3d", family="geometry")
def shapes_3d(rng: Random, difficulty: int) -> Question:
    """d1: the solid a thing is shaped like; d2: flat and curved faces, rolling and sliding;
    d3: which thing has a shape, how many solids can roll."""
    tag = "maths.c2.shapes_3d"
    solid = rng.choice(SOLIDS)
    if difficulty == 1:
        return _shape_of_thing(tag, rng, 1, solid)
    if difficulty == 2:
        if rng.random() < 0.4:
            prop = rng.choice(("flat", "curved"))
            return _solid_count(tag, 2, solid, prop, ("flat", "curved", "faces"))
        return _solid_property(tag, rng, 2) if rng.random() < 0.6 else _rolling(tag, rng, 2, 3)
    if rng.random() < 0.5:
        return _thing_of_shape(tag, rng, 3, solid)
    return _solid_property(tag, rng, 3) if rng.random() < 0.5 else _rolling(tag, rng, 3, 4)


def _shape_of_thing(tag: str, rng: Random, difficulty: int, solid: Solid) -> Question:
    """'A dice has the shape of a ____.'"""
    example = rng.choice(EXAMPLES[solid.en])
    article = "An" if example.en[0] in "aeiou" else "A"
    prompt = Text(
        en=f"{article} {example.en} has the shape of a {BLANK}.",
        hi=f"{example.hi} का आकार {BLANK} है।",
    )
    wrong: Wrong = [(s.en, "shape_property") for s in rng.sample(SOLIDS, 5) if s != solid]
    data: dict[str, object] = {"kind": "example", "example": example.en}
    accepted = (solid.hi, solid.en.capitalize())
    hindi = {s.en: s.hi for s in SOLIDS}
    return fill(
        tag, difficulty, prompt, solid.en, ABOUT[solid.en], data, wrong, accepted, hindi=hindi
    )


def _thing_of_shape(tag: str, rng: Random, difficulty: int, solid: Solid) -> Question:
    """'Which of these has the shape of a cone: funnel, dice, ball?'"""
    right = rng.choice(_unnamed(solid))
    others = [rng.choice(_unnamed(s)) for s in rng.sample([s for s in SOLIDS if s != solid], 2)]
    ask = Word(
        en=f"Which of these has the shape of a {solid.en}:",
        hi=f"इनमें से किसका आकार {solid.hi} जैसा है:",
    )
    return pick(tag, rng, difficulty, ask, right, others, f"shape_of:{solid.en}", ABOUT[solid.en])


def _unnamed(solid: Solid) -> list[Word]:
    """The things of a shape whose name does not give it away ("ice cube", "traffic cone")."""
    return [e for e in EXAMPLES[solid.en] if solid.en not in e.en.lower()]


def _solid_property(tag: str, rng: Random, difficulty: int) -> Question:
    """'Which of these solids can both roll and slide: ...?'"""
    kind = rng.choice(sorted(_SOLID_FITS))
    ask, fits = _SOLID_ASK_TEXT[kind], _SOLID_FITS[kind]
    right = rng.choice([s for s in SOLIDS if fits(s)])
    others = [Word(s.en, s.hi) for s in rng.sample([s for s in SOLIDS if not fits(s)], 2)]
    return pick(tag, rng, difficulty, ask, Word(right.en, right.hi), others, kind, ABOUT[right.en])


def _rolling(tag: str, rng: Random, difficulty: int, size: int) -> Question:
    """'How many of these solids can roll: cube, cone, sphere? ____'"""
    chosen = rng.sample(SOLIDS, size)
    rolling = sum(s.rolls for s in chosen)
    prompt = Text(
        en=f"How many of these solids can roll: {', '.join(s.en for s in chosen)}? {BLANK}",
        hi=f"इनमें से कितने ठोस लुढ़क सकते हैं: {', '.join(s.hi for s in chosen)}? {BLANK}",
    )
    hint = Text(
        en="A cylinder, a cone and a sphere have a curved face, so they roll; a cube and a "
        "cuboid have only flat faces.",
        hi="बेलन, शंकु और गोले का एक घुमावदार फलक होता है, इसलिए वे लुढ़कते हैं; घन और घनाभ के "
        "सभी फलक समतल होते हैं।",
    )
    wrong: Wrong = [(rolling + 1, "off_by_one"), (rolling - 1, "off_by_one")]
    wrong.append((size - rolling, "counted_wrong"))
    data: dict[str, object] = {"kind": "count_rolls", "solids": sorted(s.en for s in chosen)}
    return fill(tag, difficulty, prompt, rolling, hint, data, wrong)


@register("maths.c3.solids_faces", family="geometry")
def solids_faces(rng: Random, difficulty: int) -> Question:
    tag, props = "maths.c3.solids_faces", ("faces", "edges", "corners")
    if difficulty == 1 and rng.random() < 0.5:
        return _shape_of_thing(tag, rng, 1, rng.choice(SOLIDS))
    if difficulty == 2 and rng.random() < 0.5:
        if rng.random() < 0.5:
            solid = rng.choice(SOLIDS)
            prop = rng.choice(("flat", "curved"))
            return _solid_count(tag, 2, solid, prop, ("flat", "curved", "faces"))
        return _solid_property(tag, rng, 2)
    if difficulty < 3:  # flat-faced solids first, then the ones with curved faces
        solid = rng.choice(SOLIDS[:2] if difficulty == 1 else SOLIDS[2:])
        return _solid_count(tag, difficulty, solid, rng.choice(props), props)
    if rng.random() < 0.6:
        return _solid_total(tag, rng)
    right = rng.choice(SOLIDS)
    counts = (right.faces, right.edges, right.corners)
    others = rng.sample([s for s in SOLIDS if (s.faces, s.edges, s.corners) != counts], 2)
    f, e, c = counts
    ask = Word(
        en=f"Which solid has {many(f, 'face')}, {many(e, 'edge')} and {many(c, 'corner')}:",
        hi=_which_solid_hi(f, e, c),
    )
    others_words = [Word(s.en, s.hi) for s in others]
    return pick(
        tag, rng, 3, ask, Word(right.en, right.hi), others_words, f"fec{f}-{e}-{c}", ABOUT[right.en]
    )


# English plural, Hindi oblique plural ("2 शंकुओं में"), Hindi before में for one ("1 शंकु में")
_SOLID_MANY = {
    "cube": ("cubes", "घनों"),
    "cuboid": ("cuboids", "घनाभों"),
    "cylinder": ("cylinders", "बेलनों"),
    "cone": ("cones", "शंकुओं"),
}
_PART_IN_ALL = {
    "faces": ("faces", "फलक"),
    "edges": ("edges", "किनारे"),
    "corners": ("corners", "कोने"),
}


def _solid_total(tag: str, rng: Random) -> Question:
    """'2 cubes and 1 cone have ____ corners in all.'"""
    first, second = rng.sample([s for s in SOLIDS if s.en in _SOLID_MANY], 2)
    a, b, prop = rng.randint(1, 3), rng.randint(1, 3), rng.choice(sorted(_PART_IN_ALL))
    x, y = int(getattr(first, prop)), int(getattr(second, prop))
    answer = a * x + b * y

    def group(n: int, solid: Solid) -> tuple[str, str]:
        many, many_hi = _SOLID_MANY[solid.en]
        return (f"1 {solid.en}", f"1 {solid.hi}") if n == 1 else (f"{n} {many}", f"{n} {many_hi}")

    (one, one_hi), (two, two_hi) = group(a, first), group(b, second)
    part, part_hi = _PART_IN_ALL[prop]
    prompt = Text(
        en=f"{one} and {two} have {BLANK} {part} in all.",
        hi=f"{one_hi} और {two_hi} में कुल {BLANK} {part_hi} हैं।",
    )
    work = f"{a} × {x} + {b} × {y} = {answer}"
    wrong: Wrong = [(x + y, "counted_wrong"), (a * y + b * x, "shape_property")]
    wrong.append((answer + 1, "off_by_one"))
    data: dict[str, object] = {
        "kind": "total",
        "part": prop,
        "groups": [[a, first.en], [b, second.en]],
    }
    return fill(tag, 3, prompt, answer, Text(en=work, hi=work), data, wrong)


# singular and plural of the parts a solid has, in Hindi
_PARTS_HI = (("फलक", "फलक"), ("किनारा", "किनारे"), ("कोना", "कोने"))


def _which_solid_hi(faces: int, edges: int, corners: int) -> str:
    """ "किस ठोस के 2 फलक, 1 किनारा और 1 कोना है:" — 1 takes the singular, a part a solid
    lacks is "कोई ... नहीं", and the verb agrees with the nearest count, as Hindi speaks."""
    counts = list(zip((faces, edges, corners), _PARTS_HI, strict=True))
    had = [f"{n} {one if n == 1 else many_}" for n, (one, many_) in counts if n]
    lacked = [one for n, (one, _) in counts if not n]
    listed = had[0] if len(had) == 1 else f"{', '.join(had[:-1])} और {had[-1]}"
    first, last = next(n for n, _ in counts if n), [n for n, _ in counts if n][-1]
    text = f"किस ठोस {'का' if first == 1 else 'के'} {listed} {'है' if last == 1 else 'हैं'}"
    if lacked:
        text += f", पर कोई {' या '.join(lacked)} नहीं है"
    return text + ":"
