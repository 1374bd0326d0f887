"""Usage events, kept only if the user opted in on this device: fire-and-forget.

An event says what was done (`event`, e.g. `worksheet.make`), where (`route`: `cli` or the
page), the app's version, how long it took and whether it worked — nothing else. Event and
route are names written in the code, never text a user typed, so no child's name, answer or
mark can reach them: anything that is not a plain lower-case name is refused (and logged).

Recording never fails or holds up the action it describes: it runs after the action, in a
transaction of its own, and a failure is logged as a warning (never swallowed silently).
The events are a synced table, so they are sent with the account's data when it syncs: they
are tied to the account, not anonymous.
"""

from __future__ import annotations

import logging
import re
import sqlite3
from importlib.metadata import PackageNotFoundError, version
from typing import TYPE_CHECKING

from storage.errors import StorageError
from storage.writer import utc_now

if TYPE_CHECKING:
    from storage.database import Store

log = logging.getLogger("practicecraft.telemetry")
PLAIN_NAME = re.compile(r"[a-z][a-z0-9_.-]{0,59}")


def app_version() -> str:
    try:
        return version("practicecraft")
    except PackageNotFoundError:
        return "0.0.0+source"


def record_event(
    store: Store, event: str, route: str | None, latency_ms: int | None, ok: bool
) -> bool:
    """Keep one usage event if the user opted in; True if it was kept. Never raises for a
    failed write: the action it describes has already happened."""
    if not _plain(event) or (route is not None and not _plain(route)):
        log.warning("a usage event with a name that is not plain was refused: %r", event)
        return False
    if store.read_only:
        return False
    try:
        return store.telemetry.record(
            {
                "event": event,
                "route": route,
                "version": app_version(),
                "latency_ms": max(0, latency_ms) if latency_ms is not None else None,
                "ok": ok,
                "occurred_at": utc_now(),
            }
        )
    except (StorageError, sqlite3.Error) as error:
        log.warning("the usage event %s was not recorded: %s", event, error)
        return False


def _plain(name: str) -> bool:
    return PLAIN_NAME.fullmatch(name) is not None
