"""What every page shares: the database worker, the data folder and the status bar."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from desktop.worker import Worker

if TYPE_CHECKING:
    from desktop.accounts import AccountActions
    from desktop.sync_control import SyncController


@dataclass
class AppContext:
    worker: Worker
    data_dir: Path
    status: Callable[[str], None] = field(default=lambda _message: None)
    # Pages that show data call this after a change so other pages refresh when shown.
    changed: Callable[[str], None] = field(default=lambda _what: None)
    # Background sync and signing in/out, when the window runs them (None in page tests).
    sync: SyncController | None = None
    accounts: AccountActions | None = None
    # Show the Upgrade page (the window sets it; the quota prompt offers it).
    open_upgrade: Callable[[], None] = field(default=lambda: None)
