"""Signing in and staying signed in: Supabase Auth through the official client, refresh owned here.

Supabase refresh tokens are single-use: two refreshes of one token revoke the whole session.
So supabase-py's own timer (`auto_refresh_token`) and `initialize_from_storage` are never used
(they race, and sign users out after a restart or when starting offline). Instead one
`AuthSession` per (server, account, data folder) per process owns the refresh: every caller
asks `access_token()`, which refreshes on demand under a lock — a second caller waits and gets
the first caller's result (single flight). A 401 from the API calls `renew(since)` with the
moment the failing token was taken; it refreshes only if no one has since.

A network error or a server fault while refreshing never signs anyone out (the refresh token
is kept for the next try). Only the auth server saying the token is no longer valid ends the
session, and even then local data stays where it is.
"""

from __future__ import annotations

import logging
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import httpx
from supabase import Client, create_client
from supabase.lib.client_options import SyncClientOptions
from supabase_auth.errors import AuthApiError, AuthError, AuthRetryableError
from supabase_auth.types import Session

from sync.errors import AuthFailed, NotSignedIn, Offline, ProtocolError, ServerBusy, SignedOut
from sync.settings import Connection
from sync.tokens import TokenStore

log = logging.getLogger("practicecraft.sync")

REFRESH_MARGIN_S = 60  # refresh a token this close to its expiry before using it
RETRY_WAITS_S = (0.5, 2.0)  # a failed refresh is tried again well within GoTrue's 10 s


def auth_client(connection: Connection, http: httpx.Client) -> Client:
    """The official client, with its timer and session storage switched off (we own both)."""
    options = SyncClientOptions(auto_refresh_token=False, persist_session=False, httpx_client=http)
    return create_client(connection.url, connection.anon_key, options)


@dataclass(frozen=True)
class Account:
    user_id: str
    email: str


class AuthSession:
    """One signed-in account's tokens. Thread-safe; the only refresher of its refresh token."""

    def __init__(
        self,
        client: Client,
        http: httpx.Client,
        account: Account,
        store: TokenStore,
        now: Callable[[], float] = time.time,
    ) -> None:
        self.client = client
        self.http = http  # the connection pool the auth client and the sync API share
        self.account = account
        self.store = store
        self._now = now
        self._lock = threading.Lock()
        self._access: str | None = None
        self._expires_at = 0.0
        self._refreshes = 0  # how many refreshes this process made (tests read it)
        self._refreshed_at = -1.0  # time.monotonic() of the last new token
        self._ended = False

    @property
    def refreshes(self) -> int:
        return self._refreshes

    def begin(self, session: Session) -> None:
        """Take the tokens of a fresh sign-in."""
        with self._lock:
            self._take(session)

    def access_token(self) -> str:
        """A token valid for at least REFRESH_MARGIN_S more seconds, refreshed if need be."""
        with self._lock:
            if self._access and self._expires_at - self._now() > REFRESH_MARGIN_S:
                return self._access
            return self._refresh()

    def renew(self, since: float) -> str:
        """After a 401 for a token taken at `since` (time.monotonic()): refresh, unless another
        caller has refreshed since then (two requests failing together refresh once)."""
        with self._lock:
            if self._access and self._refreshed_at > since:
                return self._access
            return self._refresh()

    def end(self) -> None:
        """Forget the tokens here (signing out, or the server ended the session)."""
        with self._lock:
            self._ended = True
            self._access = None
            self.store.forget()

    def _refresh(self) -> str:
        if self._ended:
            raise NotSignedIn("signed out on this device")
        token = self.store.load()
        if not token:
            raise NotSignedIn("sign in again to sync (this device does not remember the session)")
        try:
            answer = self._exchange(token)
        except AuthApiError as error:
            raise self._refused(error) from error
        except AuthError as error:
            raise ProtocolError(f"the sign-in server answered oddly: {error}") from error
        if answer.session is None:
            raise ProtocolError("the sign-in server sent no session")
        self._refreshes += 1
        session: Session = answer.session
        self._take(session)
        return session.access_token

    def _exchange(self, token: str) -> Any:
        """Refresh, retrying a network failure at once: if the server rotated the token and
        the answer was lost, only a retry within its reuse interval (10 s) keeps the session."""
        for wait in (*RETRY_WAITS_S, None):
            try:
                return self.client.auth.refresh_session(token)
            except AuthRetryableError as error:
                if wait is None:
                    raise Offline(f"could not reach the sign-in server ({error})") from error
                time.sleep(wait)
        raise AssertionError("unreachable")

    def _refused(self, error: AuthApiError) -> Exception:
        if error.status >= 500 or error.status in (0, 408, 429):
            return ServerBusy(f"the sign-in server is busy ({error.status}): {error}")
        # The server no longer knows this refresh token: the session is over. Local data stays.
        log.warning("the server ended the session of %s: %s", self.account.email, error)
        self._ended = True
        self._access = None
        self.store.forget()
        return SignedOut(
            "your session has ended (signed out elsewhere, or the password changed): "
            "sign in again to sync; everything on this computer is kept"
        )

    def _take(self, session: Session) -> None:
        self._refreshed_at = time.monotonic()
        self._access = session.access_token
        self._expires_at = float(session.expires_at or self._now() + (session.expires_in or 0))
        self.store.save(session.refresh_token)
        self._ended = False


_SESSIONS: dict[tuple[str, str, str], AuthSession] = {}
_SESSIONS_LOCK = threading.Lock()


def shared_session(
    connection: Connection, data_dir: Path, account: Account, make: Callable[[], AuthSession]
) -> AuthSession:
    """The process's one session for this server, account and data folder (made once)."""
    key = (connection.url, account.user_id, str(data_dir.resolve()))
    with _SESSIONS_LOCK:
        session = _SESSIONS.get(key)
        if session is None or session._ended:
            session = _SESSIONS[key] = make()
        return session


def forget_shared(connection: Connection, data_dir: Path, account: Account) -> None:
    with _SESSIONS_LOCK:
        _SESSIONS.pop((connection.url, account.user_id, str(data_dir.resolve())), None)


def sign_in(client: Client, email: str, password: str) -> Session:
    """Password sign-in; AuthFailed for a wrong address or password, Offline if unreachable."""
    return _session_of(lambda: client.auth.sign_in_with_password(_credentials(email, password)))


def sign_up(client: Client, email: str, password: str) -> Session:
    """A new account. Projects that confirm email first answer without a session: say so."""
    answer = _call(lambda: client.auth.sign_up(_credentials(email, password)))
    if answer.session is None:
        raise AuthFailed(
            f"check {email} for the confirmation message, then sign in with the same password"
        )
    session: Session = answer.session
    return session


def sign_out_remotely(client: Client, access_token: str) -> None:
    """Revoke this device's session on the server (best effort: callers sign out locally anyway)."""
    _call(lambda: client.auth.admin.sign_out(access_token, "local"))


def _credentials(email: str, password: str) -> Any:
    return {"email": email.strip(), "password": password}


def _session_of(request: Callable[[], Any]) -> Session:
    answer = _call(request)
    if answer.session is None:
        raise ProtocolError("the sign-in server sent no session")
    session: Session = answer.session
    return session


def _call(request: Callable[[], Any]) -> Any:
    try:
        return request()
    except AuthRetryableError as error:
        raise Offline(f"could not reach the sign-in server ({error})") from error
    except AuthApiError as error:
        if error.status >= 500 or error.status == 429:
            raise ServerBusy(f"the sign-in server is busy ({error.status}): {error}") from error
        raise AuthFailed(_plain(error)) from error
    except AuthError as error:
        raise AuthFailed(str(error)) from error


def _plain(error: AuthApiError) -> str:
    code = getattr(error, "code", None) or ""
    if code == "invalid_credentials" or "invalid login" in str(error).lower():
        return "the email or password is not right"
    if code in ("user_already_exists", "email_exists"):
        return "an account with this email already exists: sign in instead"
    if code == "weak_password":
        return f"choose a stronger password ({error})"
    return str(error)
