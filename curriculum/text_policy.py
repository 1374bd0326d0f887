"""The one policy for text a person types or imports: names, rosters, classes, consents,
item banks and their own syllabus. Every input boundary goes through `clean_text` (records and
bank items use the `SingleLine` / `MultiLine` types below).

- Refused, naming the character and where it is: control characters (C0 except tab and line
  breaks, DEL, C1; terminal escape sequences start with ESC or CSI, both controls), the
  bidirectional overrides and isolates U+202A–U+202E and U+2066–U+2069 (they make text read
  differently from what is stored), the line and paragraph separators U+2028/U+2029, and lone
  surrogates. NUL is one of them: PostgreSQL cannot keep it in text, so one would stall sync.
- Tidied: Unicode NFC (one spelling of "é", so searches and duplicate checks work) and trimmed;
  in a one-line field, tabs and line breaks become single spaces.
- Kept: zero-width joiner and non-joiner (Indian scripts need them), left-to-right and
  right-to-left marks, and text starting with "=", "+", "-" or "@": a name is stored as it was
  typed, and `csv_cell` neutralises such text wherever a spreadsheet could run it as a formula.

The policy lives in `curriculum`, the lowest layer, so item banks and the storage records share
it. Text read back from the database is not checked again (`STORED` context): a row kept by an
older version must stay readable.
"""

from __future__ import annotations

import re
import unicodedata
from typing import Annotated, Any

from pydantic import AfterValidator, ValidationInfo

# A raw string: `re` reads the escapes, so the pattern's source holds no lone surrogate (a
# code point that is not a character, cannot be encoded, and no font can draw).
_FORBIDDEN = re.compile(
    r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u2028\u2029\u202a-\u202e\u2066-\u2069\ud800-\udfff]"
)
_NAMES = {
    0x00: "a NUL character",
    0x1B: "an escape character",
    0x7F: "a delete character",
    0x9B: "a terminal control character (CSI)",
    0x2028: "a line separator",
    0x2029: "a paragraph separator",
}
FORMULA_PREFIXES = ("=", "+", "-", "@", "\t", "\r")
# Pass as `context` when validating a row read from the database: it was checked on the way in.
STORED: dict[str, Any] = {"from_store": True}


class UnsafeText(ValueError):
    """Text holding a character the policy refuses; the message names it and its place."""


def clean_text(value: str, *, multiline: bool = False) -> str:
    """`value` checked and tidied by the policy, or UnsafeText."""
    found = _FORBIDDEN.search(value)
    if found:
        raise UnsafeText(
            f"contains {_describe(found.group())} at character {found.start() + 1}; "
            "remove it (it is invisible, or changes how the text shows)"
        )
    value = unicodedata.normalize("NFC", value)
    if multiline:
        return value.replace("\r\n", "\n").replace("\r", "\n").strip()
    return " ".join(value.split())


def csv_cell(value: str) -> str:
    """`value` safe to put in a CSV cell: a spreadsheet would run `=...`, `+...`, `-...`,
    `@...` as a formula, so such text gets a leading apostrophe (shown as text, not run)."""
    return "'" + value if value.startswith(FORMULA_PREFIXES) else value


def from_store(info: ValidationInfo) -> bool:
    return bool(info.context and info.context.get("from_store"))


def _describe(character: str) -> str:
    code = ord(character)
    if code in _NAMES:
        described = _NAMES[code]
    elif 0x202A <= code <= 0x202E or 0x2066 <= code <= 0x2069:
        described = f"a {unicodedata.name(character).lower()} character"
    elif 0xD800 <= code <= 0xDFFF:
        described = "half of a broken character (a lone surrogate)"
    else:
        described = "a control character"
    return f"{described} (U+{code:04X})"


def _single_line(value: str, info: ValidationInfo) -> str:
    return value if from_store(info) else clean_text(value)


def _multi_line(value: str, info: ValidationInfo) -> str:
    return value if from_store(info) else clean_text(value, multiline=True)


SingleLine = Annotated[str, AfterValidator(_single_line)]
MultiLine = Annotated[str, AfterValidator(_multi_line)]
