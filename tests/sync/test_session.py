"""Staying signed in: one refresher per process, restarts, offline starts, and a revoked session."""

from __future__ import annotations

import threading
import time
from collections.abc import Callable

import httpx
import pytest

from sync import account
from sync.errors import NotSignedIn, Offline, SignedOut
from sync.session import AuthSession
from sync.tokens import FileTokenStore, MemoryTokenStore, token_store
from tests.sync.devices import PASSWORD, Device
from tests.sync.faults import Fault

MakeDevice = Callable[..., Device]


def session_of(device: Device) -> AuthSession:
    return account.open_cloud(device.data_dir, device.http, device.wall).session


def token_requests(device: Device) -> list[httpx.Request]:
    seen: list[httpx.Request] = []

    def hook(request: httpx.Request) -> None:
        if request.url.path == "/auth/v1/token":
            seen.append(request)
            time.sleep(0.3)  # a slow refresh, so a second caller would race it

    device.transport.hook = hook
    return seen


def test_two_threads_needing_a_token_share_one_refresh(make_device: MakeDevice, email: str) -> None:
    laptop = make_device()
    laptop.sign_in(email, new=True)
    laptop.restart()  # no access token in memory: the next caller must refresh
    session = session_of(laptop)
    seen = token_requests(laptop)
    tokens: list[str] = []
    start = threading.Barrier(2)

    def ask() -> None:
        start.wait()
        tokens.append(session.access_token())

    threads = [threading.Thread(target=ask) for _ in range(2)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert len(seen) == 1 and session.refreshes == 1
    assert len(set(tokens)) == 1
    laptop.transport.hook = None
    laptop.add_child("Asha")
    laptop.sync()  # the refresh token was used once only: the session still works


def test_a_401_renews_once_even_when_two_callers_see_it(
    make_device: MakeDevice, email: str
) -> None:
    laptop = make_device()
    laptop.sign_in(email, new=True)
    session = session_of(laptop)
    asked = time.monotonic()
    session.access_token()
    first = session.renew(since=asked)
    second = session.renew(since=asked)  # a caller whose request failed at the same time
    assert first == second and session.refreshes == 1


def test_a_restart_keeps_the_session(make_device: MakeDevice, email: str) -> None:
    laptop = make_device()
    laptop.sign_in(email, new=True)
    laptop.add_child("Asha")
    laptop.restart()
    assert laptop.sync().pushed.applied == 2


def test_starting_offline_keeps_the_session(make_device: MakeDevice, email: str) -> None:
    laptop = make_device()
    laptop.sign_in(email, new=True)
    laptop.restart()
    laptop.transport.offline = True
    with pytest.raises(Offline):
        laptop.sync()
    assert account.signed_in_account(laptop.data_dir) is not None
    assert FileTokenStore(laptop.data_dir).load()
    laptop.transport.offline = False
    laptop.add_child("Asha")
    assert laptop.sync().pushed.applied == 2


def test_a_session_the_server_revoked_ends_here_and_keeps_local_data(
    make_device: MakeDevice, email: str
) -> None:
    laptop, phone = make_device(), make_device()
    laptop.sign_in(email, new=True)
    child = laptop.add_child("Asha")
    phone.sign_in(email)
    client = session_of(phone).client
    client.auth.admin.sign_out(session_of(phone).access_token(), "global")  # every session
    laptop.restart()
    with pytest.raises(SignedOut):
        laptop.sync()
    assert laptop.db.children.get(child).name == "Asha"
    assert laptop.db.sync.pending_count() == 2
    assert FileTokenStore(laptop.data_dir).load() is None
    with pytest.raises(NotSignedIn):
        laptop.sync()
    laptop.sign_in(email)  # signing in again finds the same data, still queued
    assert laptop.sync().pushed.applied == 2


def test_without_a_keyring_or_a_choice_the_session_is_not_written_to_disk(
    make_device: MakeDevice, email: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("PRACTICECRAFT_SESSION_STORE")
    monkeypatch.setattr("sync.tokens.keyring_available", lambda: False)
    store = token_store("https://x.supabase.co", "user", make_device().data_dir, None)
    assert isinstance(store, MemoryTokenStore) and not store.remembers


def test_the_file_store_is_private_to_the_user(make_device: MakeDevice, email: str) -> None:
    laptop = make_device()
    laptop.sign_in(email, new=True)
    path = FileTokenStore(laptop.data_dir).path
    assert path.stat().st_mode & 0o777 == 0o600
    assert path.read_text().strip() and PASSWORD not in path.read_text()


def test_a_lost_refresh_answer_is_asked_again_and_the_session_survives(
    make_device: MakeDevice, email: str
) -> None:
    laptop = make_device()
    laptop.sign_in(email, new=True)
    laptop.restart()
    laptop.transport.inject(Fault.DROP_RESPONSE)  # the refresh: the server rotated, we lost it
    laptop.add_child("Asha")
    assert laptop.sync().pushed.applied == 2
    assert session_of(laptop).refreshes == 1
