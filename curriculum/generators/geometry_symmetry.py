"""Generators: symmetry of letters and figures (Classes 3-4)."""

from __future__ import annotations

from random import Random

from curriculum.generators.common import BLANK
from curriculum.generators.registry import register
from curriculum.generators.shapes_common import Word, Wrong, fill, pick, table
from curriculum.question import Question, Text

# --- Symmetry: Class 3 (The Surajkund Fair), Class 4 (Fun with Symmetry) ---------------------

# Lines of symmetry of capital letters drawn plainly, as in a simple sans-serif font (Arial):
# the I is a single bar, the O an oval, and B, C, D, E, K fold top onto bottom, as textbooks take
# them. In fonts with serifs or uneven halves the answers can differ, so the hint says so.
LETTER_LINES = {
    **dict.fromkeys("HIOX", 2),
    **dict.fromkeys("ABCDEKMTUVWY", 1),
    **dict.fromkeys("FGJLNPQRSZ", 0),
}
_SYMMETRIC = sorted(k for k, v in LETTER_LINES.items() if v)
_ASYMMETRIC = sorted(k for k, v in LETTER_LINES.items() if not v)
_FONT_HINT = Text(
    en="A line of symmetry folds a shape into two matching halves. Written as plain capital "
    "letters (B, E and K with equal top and bottom halves), A B C D E H I K M O T U V W X Y have a "
    "line of symmetry; F G J L N P Q R S Z have none.",
    hi="सममित रेखा पर मोड़ने से दोनों आधे भाग एक-दूसरे पर ठीक बैठते हैं। सादे ढंग से छपे अंग्रेज़ी के "
    "बड़े अक्षरों में (जिनमें B, E और K के ऊपर और नीचे के आधे भाग बराबर हों) A B C D E H I K M O "
    "T U V W X Y में सममित रेखा है; F G J L N P Q R S Z में नहीं है।",
)


@register("maths.c3.symmetry_letters", family="geometry")
def symmetry_letters(rng: Random, difficulty: int) -> Question:
    tag = "maths.c3.symmetry_letters"
    if difficulty == 3 or rng.random() < 0.5:  # count among 3, 4 or 5 letters
        return _count_symmetric(tag, rng, 2 + difficulty)
    if difficulty == 1:
        right, others, kind = rng.choice(_SYMMETRIC), rng.sample(_ASYMMETRIC, 2), "has_line"
        ask = Word(
            en="Which of these letters has a line of symmetry:",
            hi="अंग्रेज़ी के इन बड़े अक्षरों में से किसमें सममित रेखा है:",
        )
    else:
        right, others, kind = rng.choice(_ASYMMETRIC), rng.sample(_SYMMETRIC, 3), "no_line"
        ask = Word(
            en="Which of these letters has no line of symmetry:",
            hi="अंग्रेज़ी के इन बड़े अक्षरों में से किसमें कोई सममित रेखा नहीं है:",
        )
    choices = [Word(o, o) for o in others]
    return pick(tag, rng, difficulty, ask, Word(right, right), choices, kind, _FONT_HINT)


def _count_symmetric(tag: str, rng: Random, size: int, at_least: int = 1) -> Question:
    """How many of `size` letters have a line of symmetry (`at_least` 2: two lines or more)."""
    letters = rng.sample(sorted(LETTER_LINES), size)
    count = sum(1 for x in letters if LETTER_LINES[x] >= at_least)
    if at_least > 1:
        return _count_two_lines(tag, letters, count)
    shown = ", ".join(letters)
    prompt = Text(
        en=f"How many of these letters have a line of symmetry: {shown}? Answer: {BLANK}",
        hi=f"अंग्रेज़ी के इन बड़े अक्षरों में से कितनों में सममित रेखा है: {shown}? उत्तर: {BLANK}",
    )
    wrong: Wrong = [(count + 1, "off_by_one"), (count - 1, "off_by_one")]
    wrong.append((size - count, "counted_wrong"))  # counted the letters without one
    data: dict[str, object] = {"kind": "count", "letters": letters}
    key = "count:" + "".join(sorted(letters))
    return fill(tag, size - 2, prompt, count, _FONT_HINT, data, wrong, key=key)


def _count_two_lines(tag: str, letters: list[str], count: int) -> Question:
    shown = ", ".join(letters)
    prompt = Text(
        en=f"How many of these letters have 2 lines of symmetry: {shown}? Answer: {BLANK}",
        hi=f"इनमें से कितने अक्षरों में 2 सममित रेखाएँ हैं: {shown}? उत्तर: {BLANK}",
    )
    wrong: Wrong = [(count + 1, "off_by_one"), (count - 1, "off_by_one")]
    wrong.append((sum(1 for x in letters if LETTER_LINES[x]), "counted_wrong"))  # any line
    data: dict[str, object] = {"kind": "count_two", "letters": letters}
    key = "count_two:" + "".join(sorted(letters))
    return fill(tag, 3, prompt, count, _LETTER_LINES_HINT, data, wrong, key=key)


# difficulty | figure | Hindi | lines of symmetry | the counts children give instead
FIGURES = table("""
    2 | a square | वर्ग | 4 | 2, 8
    2 | a rectangle (not a square) | आयत (जो वर्ग नहीं है) | 2 | 4, 1
    2 | an equilateral triangle (all sides equal) | समबाहु त्रिभुज (सभी भुजाएँ बराबर) | 3 | 1, 6
    2 | an isosceles triangle (only two sides equal) | समद्विबाहु त्रिभुज (केवल दो भुजाएँ बराबर) | 1 | 2, 3
    2 | a scalene triangle (all sides different) | विषमबाहु त्रिभुज (सभी भुजाएँ अलग) | 0 | 1, 3
    2 | a semicircle | अर्धवृत्त | 1 | 2, 0
    3 | a regular pentagon | समपंचभुज | 5 | 10, 1
    3 | a regular hexagon | समषट्भुज | 6 | 3, 12
    3 | a regular octagon | समअष्टभुज | 8 | 4, 16
    3 | a circle | वृत्त | many | 1, 2, 4
""")
_LETTER_CONFUSED = {2: "1, 4", 1: "0, 2", 0: "1, 2"}
_LETTER_LINES_HINT = Text(
    en="Count the fold lines that make the two halves match. In plain capital letters: H, I, O, "
    "X have 2; A B C D E K M T U V W Y have 1; F G J L N P Q R S Z have none.",
    hi="वे मोड़ रेखाएँ गिनो जिन पर दोनों आधे भाग ठीक मिलते हैं। सादे ढंग से छपे अंग्रेज़ी के बड़े अक्षरों "
    "में: H, I, O, X में 2; A B C D E K M T U V W Y में 1; F G J L N P Q R S Z में एक भी नहीं।",
)
_MANY = ("countless", "infinite", "unlimited", "Many", "अनगिनत", "अनेक")
_LINES_HINT = Text(
    en="Count every fold line that makes the two halves match. A regular shape with n sides has "
    "n lines of symmetry; a circle has many (every line through its centre).",
    hi="हर वह मोड़ रेखा गिनो जिस पर दोनों आधे भाग ठीक मिलते हैं। सम आकृति की जितनी भुजाएँ, उतनी ही "
    "सममित रेखाएँ (सम पंचभुज में 5, सम षट्भुज में 6); वृत्त में अनगिनत (केंद्र से जाने वाली हर रेखा)।",
)


@register("maths.c4.symmetry_lines", family="geometry")
def symmetry_lines(rng: Random, difficulty: int) -> Question:
    """d1: a letter; d2: a figure, or how many of 4 letters have a line; d3: a regular shape,
    or how many of 5 letters have two lines."""
    hint = _LINES_HINT
    tag = "maths.c4.symmetry_lines"
    if difficulty == 2 and rng.random() < 0.5:
        return _count_symmetric(tag, rng, 4)
    if difficulty == 3 and rng.random() < 0.4:
        return _count_symmetric(tag, rng, 5, at_least=2)
    if difficulty == 3 and rng.random() < 0.5:
        return _regular_polygon(tag, rng.randint(3, 12))
    if difficulty == 1:
        letter = rng.choice(sorted(LETTER_LINES))
        n = LETTER_LINES[letter]
        en, hi, lines, confused = (
            f"the letter {letter}",
            f"अंग्रेज़ी के बड़े अक्षर {letter}",
            str(n),
            _LETTER_CONFUSED[n],
        )
        hint = _LETTER_LINES_HINT
    else:
        _, en, hi, lines, confused = rng.choice([f for f in FIGURES if f[0] == str(difficulty)])
    prompt = Text(
        en=f"Number of lines of symmetry of {en} = {BLANK}",
        hi=f"{hi} की सममित रेखाओं की संख्या = {BLANK}",
    )
    wrong: Wrong = [(int(c), "shape_property") for c in confused.split(",")]
    if lines.isdigit():
        wrong.append((int(lines) + 1, "off_by_one"))
    accepted = _MANY if lines == "many" else ()
    data: dict[str, object] = {"figure": en}
    tag, hindi = "maths.c4.symmetry_lines", {"many": "अनगिनत"}
    return fill(tag, difficulty, prompt, lines, hint, data, wrong, accepted, hindi=hindi)


def _regular_polygon(tag: str, sides: int) -> Question:
    """A shape with all sides and all angles equal has as many lines of symmetry as sides."""
    prompt = Text(
        en=f"Number of lines of symmetry of a shape with {sides} equal sides and {sides} equal "
        f"angles = {BLANK}",
        hi=f"{sides} बराबर भुजाओं और {sides} बराबर कोणों वाली आकृति की सममित रेखाओं की संख्या = {BLANK}",
    )
    wrong: Wrong = [(sides // 2, "shape_property"), (2 * sides, "shape_property")]
    wrong.append((sides + 1, "off_by_one"))
    data: dict[str, object] = {"figure": f"regular:{sides}"}
    return fill(tag, 3, prompt, sides, _LINES_HINT, data, wrong)
