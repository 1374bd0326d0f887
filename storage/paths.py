"""Where the data lives: a folder private to the user (mode 0700) in the platform's data dir."""

from __future__ import annotations

import os
import stat
from pathlib import Path

import platformdirs

LOCAL_DATABASE = "practicecraft-local.sqlite3"
BACKUP_FOLDER = "backups"
DATA_DIR_VARIABLE = "PRACTICECRAFT_DATA_DIR"


def default_data_dir() -> Path:
    """`$PRACTICECRAFT_DATA_DIR`, else the platform's user-data folder for PracticeCraft."""
    configured = os.environ.get(DATA_DIR_VARIABLE)
    if configured:
        return Path(configured).expanduser()
    return Path(platformdirs.user_data_dir("PracticeCraft", appauthor=False))


def ensure_private_dir(path: Path) -> Path:
    """Create `path` (and parents) readable by its owner only; a folder that exists is left as
    it is: it may be shared (a sticky /tmp-like folder, a school's network drive) and its mode
    is not the app's to change."""
    if path.is_dir():
        return path
    path.mkdir(mode=0o700, parents=True, exist_ok=True)
    if os.name == "posix" and stat.S_IMODE(path.stat().st_mode) != 0o700:
        path.chmod(0o700)  # the umask may have taken bits off; this folder is ours
    return path


def local_database_path(data_dir: Path) -> Path:
    return data_dir / LOCAL_DATABASE


def backup_dir(database: Path) -> Path:
    return database.parent / BACKUP_FOLDER
