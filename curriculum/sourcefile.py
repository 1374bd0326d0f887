"""Reading data files so that every error names the file, the line and the field."""

from __future__ import annotations

import json
import json.decoder
import json.scanner
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from pydantic import ValidationError


class DataFileError(ValueError):
    """A syllabus or item-bank file is malformed. The message is `file:line: field: problem`."""

    def __init__(self, path: Path | str, line: int | None, field: str | None, problem: str) -> None:
        self.path, self.line, self.field, self.problem = Path(path), line, field, problem
        where = f"{path}:{line}" if line else str(path)
        super().__init__(f"{where}: {field}: {problem}" if field else f"{where}: {problem}")


class Located(dict[str, Any]):
    """A JSON object that remembers the line it starts on and the line of each key."""

    line: int = 0
    key_lines: dict[str, int]


class _LocatingDecoder(json.JSONDecoder):
    def __init__(self) -> None:
        super().__init__(object_pairs_hook=Located)
        # The pure-Python scanner calls parse_object, so objects can record their lines.
        self.parse_object = self._parse_object
        self.scan_once = json.scanner.py_make_scanner(self)  # type: ignore[attr-defined]

    def _parse_object(self, s_and_end: tuple[str, int], *args: Any) -> tuple[Any, int]:
        text, start = s_and_end
        value, end = json.decoder.JSONObject(s_and_end, *args)  # type: ignore[attr-defined]
        if isinstance(value, Located):
            value.line = text.count("\n", 0, start) + 1
            value.key_lines = {}
            position = start
            for key in value:
                found = text.find(json.dumps(key), position, end)
                if found >= 0:
                    value.key_lines[key] = text.count("\n", 0, found) + 1
                    position = found
        return value, end


def load_json(path: Path) -> Any:
    """Parse a JSON file, keeping line numbers; a syntax error names its line."""
    text = read_text(path)
    try:
        return _LocatingDecoder().decode(text)
    except json.JSONDecodeError as error:
        raise DataFileError(path, error.lineno, None, f"not valid JSON: {error.msg}") from None


def read_text(path: Path) -> str:
    try:
        return path.read_text(encoding="utf-8-sig")
    except OSError as error:
        raise DataFileError(path, None, None, f"cannot be read: {error.strerror}") from None
    except UnicodeDecodeError:
        raise DataFileError(path, None, None, "is not UTF-8 text") from None


def locate(document: Any, loc: Sequence[int | str]) -> tuple[int | None, str]:
    """The line of the deepest object on a validation error's path, and the field's name."""
    node, line, field = document, getattr(document, "line", None), ""
    for part in loc:
        if isinstance(node, Located) and isinstance(part, str):
            line = node.key_lines.get(part, node.line)
        try:
            node = node[part]
        except (KeyError, IndexError, TypeError):
            break
        if isinstance(node, Located):
            line = node.line
        field = str(part)
    return line, field


def validation_error(
    path: Path, document: Any, error: ValidationError, base_line: int = 0
) -> DataFileError:
    first = error.errors()[0]
    line, field = locate(document, first["loc"])
    dotted = ".".join(str(p) for p in first["loc"]) or field
    message = first["msg"].removeprefix("Value error, ")
    return DataFileError(path, (line or 1) + base_line, dotted or None, message)
