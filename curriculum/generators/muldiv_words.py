"""The stories of the muldiv word problems, in English and Hindi.

Each function takes the numbers `muldiv` has already chosen and a person, and returns the prompt
with its one blank. The arithmetic, answers, mistakes and solutions stay in `muldiv`; the wording
lives here so that the Hindi can be read and reviewed in one place.

Hindi verbs agree with the person (रखता / रखती), so every story that has the person as its
subject picks the form with `_verb`. Stories are only given numbers of 2 or more where a noun is
plural ("3 प्लेटों", "5 rows").
"""

from __future__ import annotations

from curriculum.generators.common import BLANK, Person
from curriculum.question import Text


def _verb(who: Person, masculine: str, feminine: str) -> str:
    return feminine if who.female else masculine


def laddoo_plates(who: Person, groups: int, size: int) -> Text:
    """Class 1: the same number of laddoos on each plate."""
    return Text(
        en=f"{who.en} puts {size} laddoos on each of {groups} plates. "
        f"How many laddoos are there in all? {BLANK}",
        hi=f"{who.hi} {groups} प्लेटों में {size}-{size} लड्डू {_verb(who, 'रखता', 'रखती')} है। "
        f"कुल कितने लड्डू हैं? {BLANK}",
    )


def mango_baskets(who: Person, groups: int, size: int) -> Text:
    """Class 2: equal groups."""
    return Text(
        en=f"{who.en} has {groups} baskets with {size} mangoes in each basket. "
        f"How many mangoes are there in all? {BLANK}",
        hi=f"{who.hi} के पास {groups} टोकरियाँ हैं। हर टोकरी में {size} आम हैं। कुल कितने आम हैं? {BLANK}",
    )


def share_laddoos(who: Person, total: int, friends: int) -> Text:
    """Class 2: sharing equally."""
    return Text(
        en=f"{who.en} shares {total} laddoos equally among {friends} friends. "
        f"How many laddoos does each friend get? {BLANK}",
        hi=f"{who.hi} {total} लड्डू {friends} दोस्तों में बराबर "
        f"{_verb(who, 'बाँटता', 'बाँटती')} है। हर दोस्त को कितने लड्डू मिलेंगे? {BLANK}",
    )


def chair_rows(who: Person, rows: int, per_row: int) -> Text:
    """Class 3: a multiplication fact as rows of chairs."""
    return Text(
        en=f"For the school function, {who.en} sets out {rows} rows of chairs with {per_row} "
        f"chairs in each row. How many chairs are there? {BLANK}",
        hi=f"स्कूल के समारोह के लिए {who.hi} ने कुर्सियों की {rows} पंक्तियाँ लगाईं। "
        f"हर पंक्ति में {per_row} कुर्सियाँ हैं। कुल कितनी कुर्सियाँ हैं? {BLANK}",
    )


def rakhi_boxes(who: Person, rakhis: int, boxes: int) -> Text:
    """Class 3 (Raksha Bandhan): sharing equally within the tables."""
    return Text(
        en=f"For Raksha Bandhan, {who.en} puts {rakhis} rakhis equally into {boxes} boxes. "
        f"How many rakhis go in each box? {BLANK}",
        hi=f"रक्षाबंधन के लिए {who.hi} {rakhis} राखियाँ {boxes} डिब्बों में बराबर-बराबर "
        f"{_verb(who, 'रखता', 'रखती')} है। हर डिब्बे में कितनी राखियाँ होंगी? {BLANK}",
    )


def mango_crates(who: Person, per_crate: int, crates: int) -> Text:
    """Class 4: 2-digit by 1-digit multiplication."""
    return Text(
        en=f"{who.en} packs {per_crate} mangoes in each crate. "
        f"How many mangoes are there in {crates} crates? {BLANK}",
        hi=f"{who.hi} हर पेटी में {per_crate} आम {_verb(who, 'भरता', 'भरती')} है। "
        f"{crates} पेटियों में कितने आम होंगे? {BLANK}",
    )


def crates_equally(who: Person, mangoes: int, crates: int) -> Text:
    """Class 4: exact division."""
    return Text(
        en=f"{who.en} packs {mangoes} mangoes equally into {crates} crates. "
        f"How many mangoes go in each crate? {BLANK}",
        hi=f"{who.hi} {mangoes} आम {crates} पेटियों में बराबर-बराबर "
        f"{_verb(who, 'भरता', 'भरती')} है। हर पेटी में कितने आम जाएँगे? {BLANK}",
    )


def laddoo_boxes(who: Person, laddoos: int, per_box: int) -> Text:
    """Class 4: division with a remainder; the answer is written as Q and R."""
    return Text(
        en=f"{who.en} has {laddoos} laddoos and puts {per_box} in each box. How many boxes are "
        f"full, and how many laddoos are left over? {BLANK} (Q = full boxes, R = laddoos left)",
        hi=f"{who.hi} के पास {laddoos} लड्डू हैं। वह हर डिब्बे में {per_box} लड्डू "
        f"{_verb(who, 'रखता', 'रखती')} है। कितने डिब्बे पूरे भरेंगे और कितने लड्डू बचेंगे? "
        f"{BLANK} (भागफल = भरे डिब्बे, शेषफल = बचे लड्डू)",
    )


def rupee_notes(who: Person, notes: int, value: str) -> Text:
    """Class 4: multiplying by 10 or 100 as notes of ₹10 or ₹100."""
    return Text(
        en=f"{who.en} has {notes} notes of ₹{value}. How many rupees is that? {BLANK}",
        hi=f"{who.hi} के पास ₹{value} के {notes} नोट हैं। कुल कितने रुपये हैं? {BLANK}",
    )


def chairs_split(who: Person, rows: int, per_row: int, first: int, rest: int) -> Text:
    """Class 4: counting rows of chairs in two parts is multiplying by splitting."""
    return Text(
        en=f"There are {rows} rows of chairs with {per_row} chairs in each row. {who.en} counts "
        f"the first {first} rows and then the other {rest} rows. "
        f"How many chairs are there in all? {BLANK}",
        hi=f"कुर्सियों की {rows} पंक्तियाँ हैं और हर पंक्ति में {per_row} कुर्सियाँ हैं। "
        f"{who.hi} पहले {first} पंक्तियाँ {_verb(who, 'गिनता', 'गिनती')} है, फिर बाकी {rest} "
        f"पंक्तियाँ। कुल कितनी कुर्सियाँ हैं? {BLANK}",
    )


def museum_rides(who: Person, children: int, per_ride: int) -> Text:
    """Class 4 (The Transport Museum): long division with a remainder."""
    return Text(
        en=f"{who.en}'s school takes {children} children to the transport museum. The museum's "
        f"toy train carries {per_ride} children at a time. How many full rides are there, and "
        f"how many children are left for one more ride? {BLANK} "
        f"(Q = full rides, R = children left)",
        hi=f"{who.hi} के स्कूल से {children} बच्चे परिवहन संग्रहालय गए। संग्रहालय की "
        f"खिलौना रेलगाड़ी में एक बार में {per_ride} बच्चे बैठते हैं। कितने पूरे चक्कर लगेंगे "
        f"और कितने बच्चे एक और चक्कर के लिए बचेंगे? {BLANK} (भागफल = पूरे चक्कर, शेषफल = बचे बच्चे)",
    )


def paper_bundles(who: Person, bundles: int, sheets: str) -> Text:
    """Class 5: multiplying by 10, 100, 1000 (or a multiple of them)."""
    return Text(
        en=f"{who.en}'s shop has {bundles} bundles of paper with {sheets} sheets in each "
        f"bundle. How many sheets are there in all? {BLANK}",
        hi=f"{who.hi} की दुकान में कागज़ के {bundles} बंडल हैं। हर बंडल में {sheets} पन्ने हैं। "
        f"कुल कितने पन्ने हैं? {BLANK}",
    )


def dairy_days(who: Person, litres: str, days: int) -> Text:
    """Class 5 (The Dairy Farm): 3-digit by 2-digit multiplication."""
    return Text(
        en=f"{who.en}'s dairy farm sells {litres} litres of milk every day. "
        f"How many litres does it sell in {days} days? {BLANK}",
        hi=f"{who.hi} का डेयरी फ़ार्म हर दिन {litres} लीटर दूध बेचता है। "
        f"{days} दिनों में कितने लीटर दूध बिकेगा? {BLANK}",
    )


def milk_cans(who: Person, litres: int, cans: int, hint: str) -> Text:
    """Class 5 (The Dairy Farm): doubling and halving, with the rewritten product as a hint."""
    return Text(
        en=f"On the dairy farm, {who.en} fills {cans} cans with {litres} litres of milk each. "
        f"How many litres of milk is that? {BLANK} (Hint: {hint})",
        hi=f"डेयरी फ़ार्म पर {who.hi} {cans} डिब्बों में {litres}-{litres} लीटर दूध "
        f"{_verb(who, 'भरता', 'भरती')} है। कुल कितने लीटर दूध है? {BLANK} (संकेत: {hint})",
    )


def coconut_sacks(who: Person, coconuts: str, per_sack: int) -> Text:
    """Class 5: find the quotient and remainder."""
    return Text(
        en=f"{who.en} has {coconuts} coconuts and packs {per_sack} in each sack. How many sacks "
        f"are full, and how many coconuts are left over? {BLANK} "
        f"(Q = full sacks, R = coconuts left)",
        hi=f"{who.hi} के पास {coconuts} नारियल हैं। वह हर बोरी में {per_sack} नारियल "
        f"{_verb(who, 'भरता', 'भरती')} है। कितनी बोरियाँ पूरी भरेंगी और कितने नारियल बचेंगे? "
        f"{BLANK} (भागफल = भरी बोरियाँ, शेषफल = बचे नारियल)",
    )


def mangoes_left(who: Person, per_crate: int, crates: int, left: int) -> Text:
    """Class 5: find the dividend from divisor, quotient and remainder."""
    return Text(
        en=f"{who.en} packed mangoes, {per_crate} in each crate. {crates} crates were filled "
        f"and {left} mangoes were left over. How many mangoes were there? {BLANK}",
        hi=f"{who.hi} ने हर पेटी में {per_crate} आम भरे। {crates} पेटियाँ भर गईं और {left} आम "
        f"बच गए। कुल कितने आम थे? {BLANK}",
    )


def coconut_farm(who: Person, coconuts: str, per_sack: int) -> Text:
    """Class 5 (Coconut Farm): exact division by 10 or 100."""
    return Text(
        en=f"{who.en}'s coconut farm has {coconuts} coconuts. They are packed {per_sack} to a "
        f"sack. How many sacks are needed? {BLANK}",
        hi=f"{who.hi} के नारियल के बाग़ में {coconuts} नारियल हैं। एक बोरी में {per_sack} "
        f"नारियल भरे जाते हैं। कितनी बोरियाँ लगेंगी? {BLANK}",
    )
