"""How messages speak to a teacher or parent: counts with the right plural, and validation
problems in words (the field as a person calls it, the problem without pydantic's jargon).

Every model at an input boundary (storage records, item banks) reports through `problem`, so
one table of texts serves the command line, the window and the importers.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import Any

from pydantic import ValidationError
from pydantic_core import ErrorDetails

_ISO_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")
_DATE_ERRORS = ("date_parsing", "date_from_datetime_parsing", "date_from_datetime_inexact")
# Problems that are statements about the value rather than about the field ("date of birth:
# 2019-02-30 is not a real date" against "grade must be ...").
_STATEMENT = ("not a real date", "YYYY-MM-DD, e.g. 2018-07-25")


def count(n: int, one: str, many: str) -> str:
    """`1 child`, `2 children`, `0 children`."""
    return f"{n} {one if n == 1 else many}"


def first_problem(
    error: ValidationError,
    labels: Mapping[str, str] | None = None,
    forms: Mapping[str, str] | None = None,
) -> tuple[str | None, str]:
    """(the field's name in the model, a sentence about its first problem).

    `labels` says how a person calls a field (`date_of_birth` → "date of birth"); `forms`
    says how a field is written, for values that do not match its pattern.
    """
    first = error.errors()[0]
    field = ".".join(str(part) for part in first["loc"]) or None
    key = str(first["loc"][0]) if first["loc"] else ""
    label = (labels or {}).get(key, key.replace("_", " "))
    text = problem(first, (forms or {}).get(key))
    if not label:
        return field, text
    joiner = ": " if text.endswith(_STATEMENT) else " "
    return field, f"{label}{joiner}{text}"


def problem(detail: ErrorDetails, form: str | None = None) -> str:
    """One validation problem in plain words, without the field's name."""
    kind, context, value = detail["type"], detail.get("ctx", {}), detail.get("input")
    if kind in _DATE_ERRORS:
        return _date_problem(value)
    if kind == "string_pattern_mismatch":
        return f"is not written as expected: {form}" if form else "is not written as expected"
    known = _problem_for(kind, context, value)
    if known is not None:
        return known
    message = detail["msg"].removeprefix("Value error, ")
    return message[:1].lower() + message[1:]


def _problem_for(kind: str, context: Mapping[str, Any], value: Any) -> str | None:
    if kind == "missing":
        return "is required"
    if kind == "string_too_long":
        length = f" (this one has {len(value)})" if isinstance(value, str) else ""
        return f"must be at most {context['max_length']} characters{length}"
    if kind == "string_too_short":
        if context.get("min_length") == 1:
            return "must not be empty"
        return f"must be at least {context['min_length']} characters"
    if kind == "too_long" and isinstance(value, str):  # a constrained text type reports so
        return f"must be at most {context['max_length']} characters (this one has {len(value)})"
    if kind == "too_long":
        return f"may have at most {context['max_length']} entries"
    if kind in ("int_parsing", "int_type", "int_from_float", "int_parsing_size"):
        return "must be a whole number"
    if kind == "greater_than_equal":
        return f"must be at least {context['ge']}"
    if kind == "less_than_equal":
        return f"must be at most {context['le']}"
    if kind == "literal_error":
        return f"must be one of {context['expected']}"
    if kind == "extra_forbidden":
        return "is not a field PracticeCraft knows"
    if kind in ("bool_parsing", "bool_type"):
        return "must be yes or no (true or false)"
    return None


def _date_problem(value: Any) -> str:
    text = str(value)
    if _ISO_DATE.fullmatch(text):
        return f"{text} is not a real date"
    how = "write it as YYYY-MM-DD, e.g. 2018-07-25"
    return f"{text!r} is not a date: {how}" if len(text) <= 30 else how
