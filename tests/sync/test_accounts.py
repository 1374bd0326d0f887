"""Whose data is where: adoption on the first sign-in, one database per account, sign-out."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from storage.paths import local_database_path
from sync import account
from sync.errors import NotConnected
from sync.settings import account_database_path, account_path
from sync.tokens import FileTokenStore
from tests.sync.devices import Device

MakeDevice = Callable[..., Device]


def test_the_first_sign_in_adopts_the_local_data_and_sends_it(
    make_device: MakeDevice, email: str
) -> None:
    laptop, school_pc = make_device(), make_device()
    child = laptop.add_child("Asha")  # made before any account existed
    signed = laptop.sign_in(email, new=True)
    assert not local_database_path(laptop.data_dir).exists()
    assert laptop.db.path == account_database_path(laptop.data_dir, signed.user_id)
    owners = {r["owner_id"] for r in laptop.db.query("SELECT owner_id FROM children")}
    assert owners == {signed.user_id}
    laptop.sync()
    school_pc.sign_in(email)
    school_pc.sync()
    assert school_pc.db.children.get(child).name == "Asha"


def test_another_account_on_the_same_computer_gets_its_own_database(
    make_device: MakeDevice, email: str
) -> None:
    laptop = make_device()
    asha = laptop.add_child("Asha")
    first = laptop.sign_in(email, new=True)
    laptop.sync()
    laptop.sign_out()
    second = laptop.sign_in("other-" + email, new=True)
    assert first.user_id != second.user_id
    assert [c.name for c in laptop.db.children.all()] == []
    laptop.add_child("Ravi")
    laptop.sync()
    laptop.sign_out()
    laptop.sign_in(email)
    assert [c.id for c in laptop.db.children.all()] == [asha]
    laptop.sync()
    assert [c.id for c in laptop.db.children.all()] == [asha]  # nothing of the other's


def test_signing_out_keeps_the_accounts_data_and_opens_a_local_database(
    make_device: MakeDevice, email: str
) -> None:
    laptop = make_device()
    signed = laptop.sign_in(email, new=True)
    laptop.add_child("Asha")
    laptop.sign_out()
    assert laptop.db.path == local_database_path(laptop.data_dir)
    assert laptop.db.children.all() == []
    assert account_database_path(laptop.data_dir, signed.user_id).exists()
    assert account.signed_in_account(laptop.data_dir) is None


def test_signing_out_offline_still_signs_out_here(make_device: MakeDevice, email: str) -> None:
    laptop = make_device()
    laptop.sign_in(email, new=True)
    laptop.transport.offline = True
    laptop.sign_out()
    assert account.signed_in_account(laptop.data_dir) is None


def test_the_account_file_is_private_and_holds_no_token(
    make_device: MakeDevice, email: str
) -> None:
    laptop = make_device()
    laptop.sign_in(email, new=True)
    path = account_path(laptop.data_dir)
    assert path.stat().st_mode & 0o777 == 0o600
    text = path.read_text()
    session = account.open_cloud(laptop.data_dir, laptop.http).session
    refresh_token = FileTokenStore(laptop.data_dir).load()
    assert refresh_token and refresh_token not in text
    assert session.access_token() not in text


def test_without_a_server_sync_says_how_to_set_one(tmp_path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.delenv("PRACTICECRAFT_SUPABASE_URL", raising=False)
    with pytest.raises(NotConnected, match="account connect"):
        account.sign_in(tmp_path, "a@example.com", "pw")


def test_a_url_that_is_not_a_supabase_address_is_refused(tmp_path) -> None:  # type: ignore[no-untyped-def]
    with pytest.raises(NotConnected, match="not a web address"):
        account.connect(tmp_path, "supabase.co", "x" * 40)
    with pytest.raises(NotConnected, match="https"):
        account.connect(tmp_path, "http://example.com", "x" * 40)
