"""The table endpoints Supabase exposes for every table, tried as a normal signed-in user.

`sync_push` keeps the rules (clock bounds, append-only rows, tombstones, server-made codes), so
writing the tables directly must get nowhere. Through the official client, against the devstack
or a real project (see contract_env), as an attacker would try it.
"""

from __future__ import annotations

import uuid
from collections.abc import Iterator
from typing import Any

import pytest
from postgrest.exceptions import APIError

from cloud.devstack.server import DevCloud
from tests.cloud.contract_env import (
    Account,
    Accounts,
    Target,
    accounts_on,
    certificate_insert,
    child_insert,
    mastered,
    mutation,
    pull_everything,
    push,
    target_from_environment,
)

pytestmark = pytest.mark.filterwarnings("ignore:The '(timeout|verify)' parameter is deprecated")

FAR_FUTURE = "9999999999999.99999.ffffffffffffffff"  # the year 2286


@pytest.fixture(scope="module")
def target(request: pytest.FixtureRequest) -> Iterator[Target]:
    real = target_from_environment()
    if real is not None:
        yield real
        return
    with DevCloud(request.getfixturevalue("postgres")) as cloud:
        yield Target(cloud.url, cloud.anon_key, cloud.service_key)


@pytest.fixture
def accounts(target: Target) -> Iterator[Accounts]:
    with accounts_on(target) as made:
        yield made


@pytest.fixture
def account(accounts: Accounts) -> Account:
    return accounts.create()


def consent_insert(consent_id: str, child_id: str) -> dict[str, Any]:
    fields = {
        "child_id": child_id, "guardian_name": "Meera Rao", "guardian_contact": None,
        "relation": "mother", "purpose": "practice worksheets", "consent_given": True,
        "notice_version": "2026-11", "notice_sha256": "a" * 64,
        "consented_at": "2026-11-21T10:00:00.000Z", "app_version": "0.1.0",
    }  # fmt: skip
    return mutation("guardian_consents", "insert", consent_id, fields)


def row_of(client: Any, table: str, row_id: str) -> dict[str, Any]:
    (row,) = [c["row"] for c in pull_everything(client) if c["row"]["id"] == row_id]
    assert isinstance(row, dict)
    return row


def refused(call: Any) -> APIError:
    with pytest.raises(APIError) as raised:
        call.execute()
    return raised.value


def test_a_row_cannot_be_stamped_in_the_year_2286_so_the_owners_devices_still_edit_it(
    accounts: Accounts, account: Account
) -> None:
    client = accounts.signed_in(account)
    child = str(uuid.uuid4())
    push(client, [child_insert(child, "Asha")])
    frozen = {"hlc": FAR_FUTURE, "field_hlcs": {"name": FAR_FUTURE}, "name": "Frozen"}
    error = refused(client.table("children").update(frozen).eq("id", child))
    assert error.code == "42501", error.message
    later = push(client, [mutation("children", "update", child, {"name": "Asha Rao"})])
    assert [r["status"] for r in later] == ["applied"]
    assert row_of(client, "children", child)["name"] == "Asha Rao"


def test_a_row_cannot_be_written_directly_past_the_clock_bound(
    accounts: Accounts, account: Account
) -> None:
    client = accounts.signed_in(account)
    child = str(uuid.uuid4())
    row = {"id": child, "hlc": FAR_FUTURE, "name": "Asha", "grade": 3}
    assert refused(client.table("children").insert(row)).code == "42501"
    assert all(c["row"]["id"] != child for c in pull_everything(client))


def test_a_consent_record_cannot_be_rewritten(accounts: Accounts, account: Account) -> None:
    client = accounts.signed_in(account)
    child, consent = str(uuid.uuid4()), str(uuid.uuid4())
    push(client, [child_insert(child), consent_insert(consent, child)])
    rewrite = {"consent_given": False, "guardian_name": "Someone else"}
    assert refused(client.table("guardian_consents").update(rewrite).eq("id", consent)).code == (
        "42501"
    )
    kept = row_of(client, "guardian_consents", consent)
    assert (kept["consent_given"], kept["guardian_name"]) == (True, "Meera Rao")


def test_a_certificate_cannot_be_rewritten_or_given_a_chosen_code(
    accounts: Accounts, account: Account
) -> None:
    client = accounts.signed_in(account)
    child, certificate = str(uuid.uuid4()), str(uuid.uuid4())
    push(client, [child_insert(child), *mastered(child), certificate_insert(certificate, child)])
    issued = row_of(client, "certificates", certificate)
    chosen = {"verification_code": "MYOWNCODE1", "chapter_title": "Advanced Physics"}
    assert refused(client.table("certificates").update(chosen).eq("id", certificate)).code == (
        "42501"
    )
    forged = {**certificate_insert(str(uuid.uuid4()), child)["fields"], "id": str(uuid.uuid4())}
    forged["verification_code"] = "MYOWNCODE2"
    assert refused(client.table("certificates").insert(forged)).code == "42501"
    kept = row_of(client, "certificates", certificate)
    assert kept["verification_code"] == issued["verification_code"] != "MYOWNCODE1"
    assert kept["chapter_title"] == issued["chapter_title"]


def test_a_row_cannot_be_hard_deleted_only_tombstoned(accounts: Accounts, account: Account) -> None:
    client = accounts.signed_in(account)
    child = str(uuid.uuid4())
    push(client, [child_insert(child)])
    assert refused(client.table("children").delete().eq("id", child)).code == "42501"
    counts: Any = client.rpc("sync_counts").execute().data
    assert counts["children"] == {"live": 1, "deleted": 0}


def test_a_fake_applied_answer_cannot_be_planted_before_a_push(
    accounts: Accounts, account: Account
) -> None:
    client = accounts.signed_in(account)
    child = str(uuid.uuid4())
    pushed = child_insert(child, "Asha")
    planted = {
        "mutation_id": pushed["mutation_id"], "device_id": "attacker", "table_name": "children",
        "row_id": child, "op": "insert", "status": "applied",
    }  # fmt: skip
    assert refused(client.table("sync_mutations").insert(planted)).code == "42501"
    answer = push(client, [pushed])
    assert [(r["status"], r.get("repeated")) for r in answer] == [("applied", None)]
    assert row_of(client, "children", child)["name"] == "Asha"


def test_a_pushed_answer_cannot_be_edited_or_removed(accounts: Accounts, account: Account) -> None:
    client = accounts.signed_in(account)
    pushed = mutation("children", "update", str(uuid.uuid4()), {"name": "Nobody"})
    assert [r["status"] for r in push(client, [pushed])] == ["rejected"]
    mutations = client.table("sync_mutations")
    edit = mutations.update({"status": "applied"}).eq("mutation_id", pushed["mutation_id"])
    assert refused(edit).code == "42501"
    assert refused(mutations.delete().eq("mutation_id", pushed["mutation_id"])).code == "42501"
    again = push(client, [pushed])
    assert [(r["status"], r.get("repeated")) for r in again] == [("rejected", True)]


def test_the_table_api_reads_only_the_callers_own_rows(accounts: Accounts) -> None:
    owner, other = accounts.signed_in(accounts.create()), accounts.signed_in(accounts.create())
    child = str(uuid.uuid4())
    push(owner, [child_insert(child, "Asha")])
    mine = owner.table("children").select("id,name").eq("id", child).execute().data
    assert mine == [{"id": child, "name": "Asha"}]
    assert other.table("children").select("*").eq("id", child).execute().data == []


def test_anon_cannot_write_or_read_any_table(accounts: Accounts) -> None:
    anon = accounts.client()
    row = {"id": str(uuid.uuid4()), "hlc": FAR_FUTURE, "name": "Asha", "grade": 3}
    assert refused(anon.table("children").insert(row)).code == "42501"
    assert anon.table("children").select("*").execute().data == []
