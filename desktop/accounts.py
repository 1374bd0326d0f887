"""Signing in and out from the window: the network off the UI thread, then the store switched.

Signing in runs on the network pool; once the server has said yes, the database worker closes
the store and opens the account's (the first sign-in on this computer adopts the local data),
and background sync starts. Signing out stops sync, tells the server if it can be reached, and
opens this computer's own local data again. The account's database stays on disk.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from desktop.background import Background
from desktop.sync_control import SyncController
from desktop.worker import Worker
from storage.database import Store
from storage.folder_lock import Holder
from storage.paths import local_database_path

Finished = Callable[[BaseException | None], None]


def open_account_store(data_dir: Path, user_id: str, email: str) -> Store:
    """The account's store for the window, adopting the local data on a first sign-in."""
    from sync.account import prepare_database
    from sync.session import Account

    path, _adopted = prepare_database(data_dir, Account(user_id, email))
    store = Store.open(path, create=True, holder=Holder.WINDOW)
    store.sync.adopt(user_id)
    return store


def open_local_store(data_dir: Path) -> Store:
    return Store.open(local_database_path(data_dir), create=True, holder=Holder.WINDOW)


class AccountActions:
    def __init__(self, worker: Worker, data_dir: Path, sync: SyncController) -> None:
        self.worker = worker
        self.data_dir = data_dir
        self.sync = sync
        self.background = Background()
        self.on_switched: Callable[[], None] = lambda: None  # the window refreshes its pages

    def sign_in(
        self, email: str, password: str, new: bool, remember: str | None, done: Finished
    ) -> None:
        """Sign in (or up, with `new`); `remember` is "file", "memory" or None (keyring)."""
        data_dir, http = self.data_dir, self.sync.http

        def network() -> Any:
            from sync.account import sign_in
            from sync.settings import update_account

            update_account(data_dir, session_store=remember)
            return sign_in(data_dir, email, password, new=new, http=http)

        self.background.run(network, lambda signed, error: self._signed_in(signed, error, done))

    def _signed_in(self, signed: Any, error: BaseException | None, done: Finished) -> None:
        if error is not None:
            done(error)
            return
        self.sync.stop()
        user_id, email = signed.user_id, signed.email
        self.worker.switch(
            lambda: open_account_store(self.data_dir, user_id, email),
            lambda _path, failed: self._switched(failed, done, start_sync=True),
        )

    def sign_out(self, done: Finished) -> None:
        self.sync.stop()
        data_dir, http = self.data_dir, self.sync.http

        def network() -> Any:
            from sync.account import sign_out

            return sign_out(data_dir, http=http)

        self.background.run(network, lambda _account, error: self._signed_out(error, done))

    def _signed_out(self, error: BaseException | None, done: Finished) -> None:
        if error is not None:
            done(error)
            return
        self.worker.switch(
            lambda: open_local_store(self.data_dir),
            lambda _path, failed: self._switched(failed, done, start_sync=False),
        )

    def _switched(self, error: BaseException | None, done: Finished, start_sync: bool) -> None:
        if error is None:
            if start_sync:
                self.sync.start()
            self.on_switched()
        done(error)

    def close(self) -> None:
        self.sync.stop()
        self.background.close()
