"""Where the refresh token is remembered between runs: the OS keyring, or a file the user chose.

Only the refresh token is kept (never the session JSON: Windows' credential store holds about
1,280 characters). The access token lives in memory only. Where no keyring backend exists
(a Linux PC without a secret service), the session is not remembered unless the user accepted a
private file store (`PRACTICECRAFT_SESSION_STORE=file`, or the choice in the window) — never a
silent plaintext file. Entries are keyed by data folder as well as account, so two data folders
signed into one account never overwrite each other's single-use tokens.
"""

from __future__ import annotations

import hashlib
import logging
import os
import tempfile
from pathlib import Path
from typing import Protocol

log = logging.getLogger("practicecraft.sync")

SERVICE = "PracticeCraft"
TOKEN_FILE = "session.token"


class TokenStore(Protocol):
    """Keeps one refresh token per (server, account, data folder)."""

    remembers: bool  # False: the session ends with the process

    def load(self) -> str | None: ...
    def save(self, token: str) -> None: ...
    def forget(self) -> None: ...


class MemoryTokenStore:
    """Not remembered: the user signs in again after a restart."""

    remembers = False

    def __init__(self) -> None:
        self._token: str | None = None

    def load(self) -> str | None:
        return self._token

    def save(self, token: str) -> None:
        self._token = token

    def forget(self) -> None:
        self._token = None


class KeyringTokenStore:
    """The OS credential store (Windows Credential Manager, macOS Keychain, Secret Service)."""

    remembers = True

    def __init__(self, entry: str) -> None:
        self.entry = entry

    def load(self) -> str | None:
        import keyring
        import keyring.errors

        try:
            return keyring.get_password(SERVICE, self.entry)
        except keyring.errors.KeyringError as error:
            log.warning("could not read the session from the keyring: %s", error)
            return None

    def save(self, token: str) -> None:
        import keyring

        keyring.set_password(SERVICE, self.entry, token)

    def forget(self) -> None:
        import keyring
        import keyring.errors

        try:
            keyring.delete_password(SERVICE, self.entry)
        except keyring.errors.PasswordDeleteError:
            log.info("no keyring entry to forget for %s", self.entry)


class FileTokenStore:
    """A file readable by the user alone (0600) in the data folder, written atomically."""

    remembers = True

    def __init__(self, folder: Path) -> None:
        self.path = folder / TOKEN_FILE

    def load(self) -> str | None:
        try:
            token = self.path.read_text(encoding="ascii").strip()
        except FileNotFoundError:
            return None
        return token or None

    def save(self, token: str) -> None:
        fd, temporary = tempfile.mkstemp(prefix=".session-", dir=self.path.parent)  # 0600
        try:
            with os.fdopen(fd, "w", encoding="ascii") as handle:
                handle.write(token)
                handle.flush()
                os.fsync(handle.fileno())
            os.replace(temporary, self.path)
        except BaseException:
            Path(temporary).unlink(missing_ok=True)
            raise

    def forget(self) -> None:
        self.path.unlink(missing_ok=True)


def keyring_available() -> bool:
    """A real keyring backend is installed (not keyring's fail or null backends)."""
    import keyring
    from keyring.backends import fail

    backend = keyring.get_keyring()
    if isinstance(backend, fail.Keyring):
        return False
    return type(backend).__module__ not in ("keyring.backends.null",)


def entry_name(url: str, user_id: str, data_dir: Path) -> str:
    """The keyring entry for this server, account and data folder."""
    folder = hashlib.sha256(str(data_dir.resolve()).encode()).hexdigest()[:12]
    return f"{user_id}@{url}#{folder}"


def token_store(url: str, user_id: str, data_dir: Path, choice: str | None) -> TokenStore:
    """The store the user chose; without a choice, the keyring if there is one, else memory.

    `choice` is "keyring", "file" or "memory" (see `sync.settings.session_store_choice`).
    """
    if choice == "file":
        return FileTokenStore(data_dir)
    if choice == "memory" or (choice is None and not keyring_available()):
        return MemoryTokenStore()
    return KeyringTokenStore(entry_name(url, user_id, data_dir))
