"""Named errors of sync. Each kind tells the caller what to do next (and the window what to say).

Transient kinds (`Offline`, `ServerBusy`) keep everything queued and are retried with backoff.
`ClockWrong` and `UpdateRequired` stop syncing until the user acts. `SignedOut` means the
server no longer knows the session: the user signs in again; local data is never touched.
"""

from __future__ import annotations


class SyncError(Exception):
    """Base class of every error sync raises on purpose."""

    transient = False  # retried automatically with backoff


class NotConnected(SyncError):
    """No Supabase URL and anon key are set for this data folder."""


class NotSignedIn(SyncError):
    """Sync needs a signed-in account and there is none on this device."""


class SignedOut(SyncError):
    """The server says the session is gone (revoked, or its refresh token was used up)."""


class AuthFailed(SyncError):
    """Sign-in or sign-up was refused (wrong password, an address already registered, ...)."""


class Offline(SyncError):
    """The server could not be reached (no network, DNS, timeout, connection dropped)."""

    transient = True


class ServerBusy(SyncError):
    """The server answered with a fault of its own (5xx, a timeout inside it): try later."""

    transient = True


class ClockWrong(SyncError):
    """This device's clock differs from the server's beyond the bound: nothing is pushed."""

    def __init__(self, offset_ms: int, bound_ms: int) -> None:
        self.offset_ms = offset_ms
        direction = "ahead of" if offset_ms > 0 else "behind"
        minutes = abs(offset_ms) / 60_000
        super().__init__(
            f"this computer's clock is {minutes:.0f} minutes {direction} the server's; "
            "set the correct date and time, then sync again (your work stays saved here)"
        )
        self.bound_ms = bound_ms


class UpdateRequired(SyncError):
    """The server no longer accepts this version's sync protocol (HTTP 426)."""


class Interrupted(SyncError):
    """A sync was asked to stop; what it finished is kept and the rest resumes next time."""


class ProtocolError(SyncError):
    """The server answered something this version does not understand."""
