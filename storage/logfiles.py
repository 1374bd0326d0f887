"""The app's log files: rotating, private, in the data folder's `logs/`, with no child's name.

Logs go beside the data they describe (`DATA_DIR/logs/practicecraft.log`, 1 MB, then up to 5
older files), so `--data-dir` moves them too and the folder's privacy (0700) covers them.
Every line written is passed through a `NameRedactor` that knows the names of the children and
guardians kept in the open database: a name that slips into a message or a traceback is
written as "(a name)". Code should still never log names; this is the net under it.
"""

from __future__ import annotations

import logging
import logging.handlers
import os
import re
import sys
import threading
from collections.abc import Iterable
from pathlib import Path
from typing import TYPE_CHECKING

from storage.paths import ensure_private_dir

if TYPE_CHECKING:
    from storage.database import Store

LOG_FOLDER = "logs"
LOG_FILE = "practicecraft.log"
MAX_BYTES = 1_000_000
KEEP_FILES = 5
HIDDEN = "(a name)"
MIN_PART = 3  # parts of a name shorter than this ("Al", "K.") are too common to hide alone
FORMAT = "%(asctime)s %(levelname)s %(name)s [%(threadName)s] %(message)s"


class NameRedactor:
    """Replaces known names in text. `hide` may be called from any thread at any time."""

    def __init__(self) -> None:
        self._pattern: re.Pattern[str] | None = None
        self._names: frozenset[str] = frozenset()
        self._lock = threading.Lock()

    def hide(self, names: Iterable[str]) -> None:
        whole = frozenset(name.strip() for name in names if name and name.strip())
        if whole == self._names:
            return  # called after every change: most changes add no name
        self._names = whole
        parts = {part for name in whole for part in name.split() if len(part) >= MIN_PART}
        words = [re.escape(w) for w in sorted(whole, key=len, reverse=True)]
        words += [rf"(?<!\w){re.escape(p)}(?!\w)" for p in sorted(parts, key=len, reverse=True)]
        pattern = re.compile("|".join(words), re.IGNORECASE) if words else None
        with self._lock:
            self._pattern = pattern

    def redact(self, text: str) -> str:
        with self._lock:
            pattern = self._pattern
        return pattern.sub(HIDDEN, text) if pattern is not None else text


REDACTOR = NameRedactor()


class RedactingFormatter(logging.Formatter):
    """Formats the whole line (message and traceback), then hides the names in it."""

    def format(self, record: logging.LogRecord) -> str:
        return REDACTOR.redact(super().format(record))


class _PrivateRotatingFile(logging.handlers.RotatingFileHandler):
    _told = False

    def _open(self):  # type: ignore[no-untyped-def]
        """Each log file is readable by the user only (0600), from its first byte."""
        os.close(os.open(self.baseFilename, os.O_WRONLY | os.O_CREAT | os.O_APPEND, 0o600))
        return super()._open()

    def handleError(self, record: logging.LogRecord) -> None:
        """A log that cannot be written (the disk filled up) is said once, in one line, never
        as logging's own traceback on the user's screen."""
        if not self._told:
            self._told = True
            sys.stderr.write(f"practicecraft: note: cannot write the log {self.baseFilename}\n")


_handler: logging.Handler | None = None


def current_log_file() -> Path | None:
    """Where the log is being written (None before `start_logging`)."""
    return Path(_handler.baseFilename) if isinstance(_handler, logging.FileHandler) else None


def log_folder(data_dir: Path) -> Path:
    return data_dir / LOG_FOLDER


def start_logging(data_dir: Path) -> Path:
    """Send the app's log (`practicecraft.*`, INFO and above) to the data folder's log file,
    instead of any folder set before. Returns the file; OSError if it cannot be made."""
    global _handler
    path = ensure_private_dir(log_folder(data_dir)) / LOG_FILE
    if not os.access(path.parent, os.W_OK) or (path.exists() and not os.access(path, os.W_OK)):
        raise PermissionError(13, "the log folder is read-only", str(path.parent))
    handler = _PrivateRotatingFile(path, maxBytes=MAX_BYTES, backupCount=KEEP_FILES, delay=True)
    handler.setFormatter(RedactingFormatter(FORMAT))
    logger = logging.getLogger("practicecraft")
    if _handler is not None:
        logger.removeHandler(_handler)
        _handler.close()
    logger.addHandler(handler)
    logger.setLevel(logging.INFO)
    _handler = handler
    return path


def hide_names_of(store: Store) -> None:
    """Tell the log which names to hide: every child and guardian the database has kept."""
    rows = store.query(
        "SELECT name FROM children UNION SELECT guardian_name FROM guardian_consents"
    )
    REDACTOR.hide(str(row[0]) for row in rows if row[0])
