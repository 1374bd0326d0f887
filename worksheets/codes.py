"""Short codes people type: worksheet codes, certificate numbers and verification codes."""

from __future__ import annotations

import secrets

# No 0/O, 1/I/L or U: nothing a teacher can misread when typing a code from paper.
ALPHABET = "23456789ABCDEFGHJKMNPQRSTVWXYZ"


def _chars(count: int) -> str:
    return "".join(secrets.choice(ALPHABET) for _ in range(count))


def worksheet_code() -> str:
    """e.g. K7Q2-M9XP: 30^8 ≈ 6.6e11 codes, so clashes are vanishingly rare (and checked)."""
    return f"{_chars(4)}-{_chars(4)}"


def verification_code() -> str:
    return _chars(10)


def normalise_code(text: str) -> str:
    """What a person typed, as stored: upper case, spaces dropped, hyphen in place."""
    cleaned = "".join(ch for ch in text.upper() if ch.isalnum())
    return f"{cleaned[:4]}-{cleaned[4:]}" if len(cleaned) == 8 else cleaned
