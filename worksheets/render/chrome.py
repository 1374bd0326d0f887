"""The words a sheet prints around its questions — header, footer, key headings — in the sheet's
language: English, Hindi, or both ("Name / नाम").

The user's own words (school, child and class names) and the sheet's code are printed as they
are; everything else a Hindi sheet prints is Hindi.
"""

from __future__ import annotations

from curriculum.question import Text

Language = str  # "en", "hi" or "both"

LABELS = {
    "name": Text(en="Name", hi="नाम"),
    "class": Text(en="Class", hi="कक्षा"),
    "roll": Text(en="Roll no.", hi="अनुक्रमांक"),
    "date": Text(en="Date", hi="दिनांक"),
    "code": Text(en="Code", hi="कोड"),
    "remember": Text(en="Remember", hi="याद रखो"),
    "answer_key": Text(en="Answer key", hi="उत्तर कुंजी"),
    "sheet_code": Text(en="Worksheet code", hi="अभ्यास पत्र का कोड"),
    "version": Text(en="Version", hi="संस्करण"),
}
MONTHS_HI = {
    "Jan": "जनवरी", "Feb": "फ़रवरी", "Mar": "मार्च", "Apr": "अप्रैल", "May": "मई", "Jun": "जून",
    "Jul": "जुलाई", "Aug": "अगस्त", "Sep": "सितंबर", "Oct": "अक्तूबर", "Nov": "नवंबर",
    "Dec": "दिसंबर",
}  # fmt: skip
# Version A, B, C... of a class set, as Hindi-medium books letter their parts: क, ख, ग...
VERSIONS_HI = dict(zip("ABCDEFGHIJKL", "कखगघङचछजझञटठ", strict=True))


def label(key: str, language: Language) -> str:
    """A label in the sheet's language; both languages side by side on a bilingual sheet."""
    text = LABELS[key]
    return pick(text, language)


def pick(text: Text, language: Language) -> str:
    if language == "hi" and text.hi:
        return text.hi
    if language == "both" and text.hi and text.hi != text.en:
        return f"{text.en} / {text.hi}"
    return text.en


def separator(language: Language) -> str:
    """Between the parts of a footer or a running head. A line with Hindi starts in the
    Devanagari face, which has no middle dot, so it takes a dash it has."""
    return "·" if language == "en" else "–"


def page_footer(number: int, total: int, code: str, language: Language) -> str:
    en, hi = f"Page {number} of {total}", f"पृष्ठ {number} / {total}"
    dot = separator(language)
    pages = {"en": en, "hi": hi}.get(language, f"{en} / {hi}")
    return f"{pages}  {dot}  {code}"


def dated(printed: str, language: Language) -> str:
    """The header's date, from the date as the sheet stores it ("21 Nov 2026"): "Date: 21 Nov
    2026", "दिनांक: 21 नवंबर 2026", or both, each with its own label."""
    if not printed:
        return f"{label('date', language)}: ____________"
    # no-break spaces: a date wraps as a whole, never "दिनांक: 21" / "नवंबर 2026"
    nbsp = "\u00a0"
    en = f"{LABELS['date'].en}:{nbsp}{printed.replace(' ', nbsp)}"
    months = nbsp.join(MONTHS_HI.get(w, w) for w in printed.split(" "))
    hi = f"{LABELS['date'].hi}:{nbsp}{months}"
    return {"en": en, "hi": hi}.get(language, f"{en} / {hi}")


def version_in(version: str, language: Language) -> str:
    """ "(Version B)", "(संस्करण ख)", "(Version B / संस्करण ख)"."""
    en = f"{LABELS['version'].en} {version}"
    hi = f"{LABELS['version'].hi} {VERSIONS_HI.get(version, version)}"
    shown = {"en": en, "hi": hi}.get(language, f"{en} / {hi}")
    return f"({shown})"
