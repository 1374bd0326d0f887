"""Words for sync's state, as the Account page and the status bar show them."""

from __future__ import annotations

import time
from functools import cache
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from sync.scheduler import SyncStatus


@cache
def has_keyring() -> bool:
    from sync.tokens import keyring_available

    return keyring_available()


def keep_signed_in_note() -> str:
    """Where "keep me signed in" keeps the session on this computer."""
    if has_keyring():
        return "The session is kept in this computer's password store."
    return (
        "This computer has no password store, so the session is kept in a private file in "
        "the data folder. Untick to sign in again each time PracticeCraft opens."
    )


def describe(status: SyncStatus | None) -> str:
    """One line: what sync is doing, or what went wrong and what happens next."""
    if status is None:
        return "Sync starts in a moment."
    name = status.state.name
    if name == "SYNCING":
        return "Syncing…" + _progress(status)
    if name == "IDLE":
        return "Up to date" + (_ago(status.last_success) if status.last_success else ".")
    if name == "OFFLINE":
        return "Offline: your work is kept here and sent when the connection is back" + _retry(
            status
        )
    if name == "CLOCK_WRONG":
        return f"Not syncing: {status.message}"
    if name == "UPDATE_REQUIRED":
        return "Not syncing: please update PracticeCraft. Your work is kept on this computer."
    if name == "SIGNED_OUT":
        return f"Not syncing: {status.message or 'sign in to sync'}"
    return f"Sync had a problem: {status.message}" + _retry(status)


def short(status: SyncStatus | None) -> str:
    """A few words for the status bar."""
    if status is None:
        return "Sync: starting"
    return {
        "SYNCING": "Syncing…",
        "IDLE": "Synced",
        "OFFLINE": "Offline — changes kept",
        "CLOCK_WRONG": "Sync stopped: check the clock",
        "UPDATE_REQUIRED": "Sync stopped: update needed",
        "SIGNED_OUT": "Sync: sign in again",
        "ERROR": "Sync problem — will retry",
    }[status.state.name]


def _progress(status: SyncStatus) -> str:
    if status.progress is None:
        return ""
    what, done, total = status.progress
    return f" {what.lower()} ({done:,} of {total:,})" if total else f" {what.lower()}"


def _ago(moment: float) -> str:
    minutes = int((time.time() - moment) // 60)
    if minutes < 1:
        return " (just now)."
    return f" ({minutes} min ago)." if minutes < 120 else f" ({minutes // 60} h ago)."


def _retry(status: SyncStatus) -> str:
    if status.next_retry_in is None:
        return "."
    return f"; trying again in {max(1, round(status.next_retry_in))} s."
