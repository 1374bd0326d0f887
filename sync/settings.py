"""Where the cloud is and who is signed in: the data folder's `account.json`.

The Supabase URL and anon key come from, in order: the environment
(`PRACTICECRAFT_SUPABASE_URL`, `PRACTICECRAFT_SUPABASE_ANON_KEY`), `account connect` (saved
here), or the defaults a release build carries in `resources/cloud.json`. The anon key is
public by design; no service key is ever read or kept on the device. The file also remembers
which account is signed in (its id and email, not its tokens) so the right database opens
offline. It is private to the user (0600), like the data folder.
"""

from __future__ import annotations

import json
import os
import tempfile
from dataclasses import asdict, dataclass, replace
from importlib import resources
from pathlib import Path
from typing import Any
from urllib.parse import urlparse

from storage.paths import local_database_path
from sync.errors import NotConnected

ACCOUNT_FILE = "account.json"
URL_VARIABLE = "PRACTICECRAFT_SUPABASE_URL"
KEY_VARIABLE = "PRACTICECRAFT_SUPABASE_ANON_KEY"
SESSION_STORE_VARIABLE = "PRACTICECRAFT_SESSION_STORE"
SESSION_STORES = ("keyring", "file", "memory")


class InvalidConnection(NotConnected, ValueError):
    """A URL or key that cannot be a Supabase project's."""


@dataclass(frozen=True)
class Connection:
    url: str
    anon_key: str

    @classmethod
    def checked(cls, url: str, anon_key: str) -> Connection:
        url = url.strip().rstrip("/")
        parsed = urlparse(url)
        if parsed.scheme not in ("http", "https") or not parsed.netloc:
            raise InvalidConnection(f"{url!r} is not a web address (https://....supabase.co)")
        if parsed.scheme == "http" and parsed.hostname not in ("127.0.0.1", "localhost", "::1"):
            raise InvalidConnection("use https:// for a server that is not on this computer")
        anon_key = anon_key.strip()
        if len(anon_key) < 20 or any(ch.isspace() for ch in anon_key):
            raise InvalidConnection("that does not look like a Supabase anon key")
        return cls(url, anon_key)


@dataclass(frozen=True)
class AccountState:
    """What `account.json` holds. Tokens are never here (see `sync.tokens`)."""

    url: str | None = None
    anon_key: str | None = None
    user_id: str | None = None
    email: str | None = None
    session_store: str | None = None  # "file" once the user accepted a file store, ...
    payments_url: str | None = None  # the payments service (cloud/payments), if not the release's


def account_path(data_dir: Path) -> Path:
    return data_dir / ACCOUNT_FILE


def load_account(data_dir: Path) -> AccountState:
    path = account_path(data_dir)
    try:
        data: dict[str, Any] = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        return AccountState()
    except (OSError, ValueError) as error:
        raise NotConnected(
            f"{path} could not be read ({error}); run `account connect` again"
        ) from error
    known = {k: v for k, v in data.items() if k in AccountState.__dataclass_fields__}
    return AccountState(**known)


def save_account(data_dir: Path, state: AccountState) -> None:
    """Write `account.json` atomically, readable by the user alone."""
    path = account_path(data_dir)
    fd, temporary = tempfile.mkstemp(prefix=".account-", dir=data_dir)  # made 0600
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as handle:
            json.dump(asdict(state), handle, indent=2)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(temporary, path)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise


def update_account(data_dir: Path, **changes: Any) -> AccountState:
    state = replace(load_account(data_dir), **changes)
    save_account(data_dir, state)
    return state


def release_defaults() -> dict[str, str]:
    """The production project a release build points at (empty in a development checkout)."""
    text = resources.files("resources").joinpath("cloud.json").read_text(encoding="utf-8")
    data = json.loads(text)
    return {k: str(v) for k, v in data.items() if isinstance(v, str)}


def connection(data_dir: Path) -> Connection:
    """The project to sync with, or NotConnected saying how to set one."""
    state = load_account(data_dir)
    defaults = release_defaults()
    url = os.environ.get(URL_VARIABLE) or state.url or defaults.get("url", "")
    key = os.environ.get(KEY_VARIABLE) or state.anon_key or defaults.get("anon_key", "")
    if not url or not key:
        raise NotConnected(
            "no sync server is set: run `practicecraft account connect --url URL --anon-key KEY` "
            f"(or set {URL_VARIABLE} and {KEY_VARIABLE})"
        )
    return Connection.checked(url, key)


def session_store_choice(data_dir: Path) -> str | None:
    """How to remember the session: "keyring", "file", "memory", or None (keyring if any).

    The environment wins over the choice saved in the window or by `account signin --remember`.
    """
    chosen = os.environ.get(SESSION_STORE_VARIABLE, "").strip().lower()
    if chosen in SESSION_STORES:
        return chosen
    saved = load_account(data_dir).session_store
    return saved if saved in SESSION_STORES else None


def account_database_path(data_dir: Path, user_id: str) -> Path:
    return data_dir / f"practicecraft-{user_id}.sqlite3"


def database_path(data_dir: Path) -> Path:
    """The database to open now: the signed-in account's, else the local-only one.

    Known offline and cheaply (no network code is imported): the window opens with it.
    """
    user_id = load_account(data_dir).user_id
    if not user_id:
        return local_database_path(data_dir)
    return account_database_path(data_dir, user_id)
