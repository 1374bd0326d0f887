"""Accounts on this device: connect, sign up, sign in, sign out, and which database is open.

Local-only use keeps `practicecraft-local.sqlite3`. The first sign-in on a device adopts it:
the file becomes that account's database (`practicecraft-<user id>.sqlite3`), its rows get
the account as owner and are pushed. Signing into a different account uses a database of its
own, never mixing the two; signing out keeps every account's database on disk for when it
signs in again, and the app goes back to a local-only database.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import httpx

from storage.clock import wall_clock_ms
from storage.paths import local_database_path
from storage.relocate import move_database
from sync import session as auth
from sync.api import CloudApi
from sync.errors import NotSignedIn, SyncError
from sync.session import Account, AuthSession
from sync.settings import (
    Connection,
    account_database_path,
    connection,
    load_account,
    session_store_choice,
    update_account,
)
from sync.tokens import token_store

log = logging.getLogger("practicecraft.sync")


def signed_in_account(data_dir: Path) -> Account | None:
    """The account this data folder is signed into (known offline: no network needed)."""
    state = load_account(data_dir)
    if state.user_id and state.email:
        return Account(state.user_id, state.email)
    return None


def connect(data_dir: Path, url: str, anon_key: str) -> Connection:
    """Remember the Supabase project to sync with (URL and public anon key)."""
    checked = Connection.checked(url, anon_key)
    update_account(data_dir, url=checked.url, anon_key=checked.anon_key)
    return checked


@dataclass
class Cloud:
    """The pieces that talk to one project for one signed-in account (the session is shared
    by the whole process, with its connection pool)."""

    connection: Connection
    session: AuthSession
    api: CloudApi


def new_http(transport: httpx.BaseTransport | None = None) -> httpx.Client:
    return httpx.Client(transport=transport, timeout=30.0, follow_redirects=False)


def open_cloud(
    data_dir: Path,
    http: httpx.Client | None = None,
    wall_ms: Callable[[], int] = wall_clock_ms,
) -> Cloud:
    """The cloud for the signed-in account, resuming its remembered session (no network yet).

    `wall_ms` is the device clock that is compared with the server's (the store's clock).
    """
    account = signed_in_account(data_dir)
    if account is None:
        raise NotSignedIn("sign in first: `practicecraft account signin --email ...`")
    project = connection(data_dir)
    session = auth.shared_session(
        project, data_dir, account, lambda: _new_session(project, data_dir, account, http)
    )
    return Cloud(project, session, CloudApi(project, session, session.http, wall_ms))


def _new_session(
    project: Connection, data_dir: Path, account: Account, http: httpx.Client | None
) -> AuthSession:
    http = http or new_http()
    store = token_store(project.url, account.user_id, data_dir, session_store_choice(data_dir))
    return AuthSession(auth.auth_client(project, http), http, account, store)


def sign_in(
    data_dir: Path,
    email: str,
    password: str,
    *,
    new: bool = False,
    http: httpx.Client | None = None,
) -> Account:
    """Sign in (or up, with `new`), remember the session as chosen, and record the account.

    The database is not touched: call `prepare_database` with the store closed afterwards.
    """
    project = connection(data_dir)
    http = http or new_http()
    client = auth.auth_client(project, http)
    signed = (auth.sign_up if new else auth.sign_in)(client, email, password)
    account = Account(str(signed.user.id), str(signed.user.email or email))
    store = token_store(project.url, account.user_id, data_dir, session_store_choice(data_dir))
    auth.forget_shared(project, data_dir, account)
    session = auth.shared_session(
        project, data_dir, account, lambda: AuthSession(client, http, account, store)
    )
    session.begin(signed)
    update_account(data_dir, user_id=account.user_id, email=account.email)
    return account


def prepare_database(data_dir: Path, account: Account) -> tuple[Path, bool]:
    """The account's database; on the device's first sign-in, the local data becomes it.

    Returns (path, adopted). Call with no connection open on the local database.
    """
    target = account_database_path(data_dir, account.user_id)
    local = local_database_path(data_dir)
    if target.exists() or not local.exists():
        return target, False
    move_database(local, target)
    log.info("the local data became %s's database", account.email)
    return target, True


def sign_out(data_dir: Path, http: httpx.Client | None = None) -> Account | None:
    """Sign this device out. The server is told if it can be reached; local data stays."""
    account = signed_in_account(data_dir)
    if account is None:
        return None
    try:
        cloud = open_cloud(data_dir, http)
        auth.sign_out_remotely(cloud.session.client, cloud.session.access_token())
    except SyncError as error:
        log.info("signed out on this device only (%s)", error)
    project = connection(data_dir)
    store = token_store(project.url, account.user_id, data_dir, session_store_choice(data_dir))
    store.forget()
    auth.forget_shared(project, data_dir, account)
    update_account(data_dir, user_id=None, email=None)
    return account
