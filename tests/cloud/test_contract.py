"""The Supabase API contract the desktop relies on, through the official `supabase` client.

The same tests run against the devstack (by default) and against a real Supabase project
(see contract_env), so the devstack cannot drift from what production answers.
"""

from __future__ import annotations

import time
import uuid
from collections.abc import Iterator
from typing import Any

import jwt
import pytest
from postgrest.exceptions import APIError
from supabase_auth.errors import AuthApiError

from cloud.devstack.server import DevCloud
from tests.cloud.contract_env import (
    Account,
    Accounts,
    Target,
    accounts_on,
    auth_settings,
    certificate_insert,
    child_insert,
    hlc,
    mastered,
    mutation,
    pull_everything,
    push,
    raw_rpc,
    target_from_environment,
)

# The supabase package itself passes these to postgrest; nothing here can change that.
pytestmark = pytest.mark.filterwarnings("ignore:The '(timeout|verify)' parameter is deprecated")


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


def claims_of(access_token: str) -> dict[str, Any]:
    claims: dict[str, Any] = jwt.decode(access_token, options={"verify_signature": False})
    return claims


def assert_supabase_claims(
    claims: dict[str, Any], target: Target, user_id: str, email: str
) -> None:
    assert claims["iss"] == f"{target.url}/auth/v1"
    assert claims["sub"] == user_id
    assert claims["aud"] == "authenticated"
    assert claims["role"] == "authenticated"
    assert claims["email"] == email
    assert claims["aal"] == "aal1"
    assert claims["amr"][0]["method"] == "password"
    assert claims["is_anonymous"] is False
    assert claims["app_metadata"]["provider"] == "email"
    assert uuid.UUID(claims["session_id"])
    assert claims["iat"] <= time.time() + 5 < claims["exp"]


# -- auth ---------------------------------------------------------------------------------


def test_sign_up_gives_a_signed_in_session_with_supabase_claims(
    target: Target, accounts: Accounts
) -> None:
    assert auth_settings(target)["mailer_autoconfirm"], "turn off 'Confirm email' on the project"
    email = accounts.new_email()
    client = accounts.client()
    answer = client.auth.sign_up({"email": email, "password": "a long enough password"})
    assert answer.user is not None and answer.session is not None
    accounts.adopt(answer.user.id, email)
    assert answer.session.token_type == "bearer"
    assert answer.session.expires_in > 60
    assert_supabase_claims(claims_of(answer.session.access_token), target, answer.user.id, email)


def test_signing_up_twice_with_one_address_is_refused(target: Target, accounts: Accounts) -> None:
    account = accounts.create()
    with pytest.raises(AuthApiError) as refused:
        accounts.client().auth.sign_up({"email": account.email, "password": "another password"})
    assert refused.value.code == "user_already_exists"


def test_sign_in_gives_a_session_and_get_user_names_the_account(
    target: Target, accounts: Accounts, account: Account
) -> None:
    client = accounts.signed_in(account)
    session = client.auth.get_session()
    assert session is not None
    assert_supabase_claims(claims_of(session.access_token), target, account.id, account.email)
    found = client.auth.get_user()
    assert found is not None
    assert (found.user.id, found.user.email) == (account.id, account.email)


def test_a_wrong_password_is_refused_as_invalid_credentials(
    accounts: Accounts, account: Account
) -> None:
    with pytest.raises(AuthApiError) as refused:
        accounts.client().auth.sign_in_with_password(
            {"email": account.email, "password": "not the password"}
        )
    assert (refused.value.status, refused.value.code) == (400, "invalid_credentials")


def test_refresh_rotates_and_an_exchanged_refresh_token_cannot_be_used_again(
    target: Target, accounts: Accounts, account: Account
) -> None:
    client = accounts.signed_in(account)
    first = client.auth.get_session()
    assert first is not None
    second = client.auth.refresh_session().session
    assert second is not None
    third = client.auth.refresh_session().session
    assert third is not None
    assert len({first.refresh_token, second.refresh_token, third.refresh_token}) == 3
    assert (
        claims_of(third.access_token)["session_id"] == claims_of(first.access_token)["session_id"]
    )
    time.sleep(target.refresh_reuse_interval)  # past the grace a real project may allow
    with pytest.raises(AuthApiError) as refused:
        accounts.client().auth.refresh_session(first.refresh_token)
    assert (refused.value.status, refused.value.code) == (400, "refresh_token_already_used")


def test_sign_out_revokes_the_refresh_token_and_the_session(
    accounts: Accounts, account: Account
) -> None:
    client = accounts.signed_in(account)
    session = client.auth.get_session()
    assert session is not None
    client.auth.sign_out()
    assert client.auth.get_session() is None
    with pytest.raises(AuthApiError) as refused:
        accounts.client().auth.refresh_session(session.refresh_token)
    assert (refused.value.status, refused.value.code) == (400, "refresh_token_not_found")
    with pytest.raises(AuthApiError) as ended:
        accounts.client().auth.get_user(session.access_token)
    assert ended.value.code == "session_not_found"


# -- sync ---------------------------------------------------------------------------------


def test_a_pushed_child_comes_back_in_the_pull(accounts: Accounts, account: Account) -> None:
    client = accounts.signed_in(account)
    child = str(uuid.uuid4())
    results = push(client, [child_insert(child, "Asha Rao", 4)])
    assert [r["status"] for r in results] == ["applied"]
    pulled = [c["row"] for c in pull_everything(client) if c["table"] == "children"]
    assert [(r["id"], r["name"], r["grade"], r["owner_id"]) for r in pulled] == [
        (child, "Asha Rao", 4, account.id)
    ]


def test_another_account_neither_sees_nor_overwrites_the_child(accounts: Accounts) -> None:
    other_account = accounts.create()
    owner, other = accounts.signed_in(accounts.create()), accounts.signed_in(other_account)
    other_id = other_account.id
    child = str(uuid.uuid4())
    assert [r["status"] for r in push(owner, [child_insert(child, "Asha")])] == ["applied"]
    assert all(c["row"]["id"] != child for c in pull_everything(other))
    # Ids are unique per account: the same id pushed by another account is another row.
    theirs = push(
        other,
        [child_insert(child, "Someone else"), mutation("children", "update", child, {"grade": 9})],
    )
    assert [r["status"] for r in theirs] == ["applied", "applied"]
    kept = [c["row"] for c in pull_everything(owner) if c["row"]["id"] == child]
    assert [(r["name"], r["grade"]) for r in kept] == [("Asha", 3)]
    own = [c["row"] for c in pull_everything(other) if c["row"]["id"] == child]
    assert [(r["name"], r["grade"], r["owner_id"]) for r in own] == [("Someone else", 9, other_id)]


def test_two_teachers_importing_the_same_custom_tag_each_keep_their_own(
    accounts: Accounts,
) -> None:
    """The README's own example, pushed by two accounts: one id (made from the tag alone)."""
    tag = "custom.c3.local_trees"
    skill_id = str(
        uuid.uuid5(uuid.UUID("4b1d9a5e-6c0f-4f43-9d3e-0f6f2a7c8e51"), f"custom_skill\x1f{tag}")
    )
    teachers = [accounts.signed_in(accounts.create()) for _ in range(2)]
    for n, teacher in enumerate(teachers):
        skill = {"skill_tag": tag, "subject": "custom", "grade": 3, "chapter_title": "Trees",
                 "skill_title": f"Trees of school {n}", "concept": ""}  # fmt: skip
        results = push(teacher, [mutation("custom_skills", "insert", skill_id, skill)])
        assert [r["status"] for r in results] == ["applied"]
    for n, teacher in enumerate(teachers):
        own = [c["row"] for c in pull_everything(teacher) if c["table"] == "custom_skills"]
        assert [r["skill_title"] for r in own] == [f"Trees of school {n}"]


def test_a_nul_in_one_pushed_name_refuses_that_change_alone(
    accounts: Accounts, account: Account
) -> None:
    """PostgreSQL cannot store U+0000; one such name once failed the whole batch (HTTP 400)."""
    client = accounts.signed_in(account)
    bad, good = str(uuid.uuid4()), str(uuid.uuid4())
    results = push(client, [child_insert(bad, "As\x00ha"), child_insert(good, "Ravi")])
    assert [r["status"] for r in results] == ["rejected", "applied"]
    assert "NUL" in results[0]["reason"]
    assert [c["row"]["id"] for c in pull_everything(client) if c["table"] == "children"] == [good]


def stamped(change: dict[str, Any], stamp: str) -> dict[str, Any]:
    return change | {"hlc": stamp}


def test_two_devices_edits_of_one_child_merge_field_by_field_in_the_pull(
    accounts: Accounts, account: Account
) -> None:
    """Per-field last writer wins, as the official client sends and reads it back."""
    laptop, school_pc = accounts.signed_in(account), accounts.signed_in(account)
    child = str(uuid.uuid4())
    push(laptop, [child_insert(child, "Asha", 3)])
    early, late = hlc(node="000000000000000a"), hlc(offset_ms=5, node="000000000000000b")
    # The school PC's edit arrives second but was made first: its name loses, its grade
    # (which nobody else changed) is kept, and its roll number too.
    push(laptop, [stamped(mutation("children", "update", child, {"name": "Asha Verma"}), late)])
    older = {"name": "Asha V.", "grade": 4, "roll_number": "12"}
    push(school_pc, [stamped(mutation("children", "update", child, older), early)])
    for device in (laptop, school_pc):
        (row,) = [c["row"] for c in pull_everything(device) if c["row"]["id"] == child]
        assert (row["name"], row["grade"], row["roll_number"]) == ("Asha Verma", 4, "12")
        assert row["hlc"] == late
        assert (row["field_hlcs"]["name"], row["field_hlcs"]["grade"]) == (late, early)


def test_a_tombstone_beats_a_later_edit_in_the_pull(accounts: Accounts, account: Account) -> None:
    laptop, school_pc = accounts.signed_in(account), accounts.signed_in(account)
    child = str(uuid.uuid4())
    push(laptop, [child_insert(child, "Asha", 3)])
    early, late = hlc(node="000000000000000a"), hlc(offset_ms=5, node="000000000000000b")
    push(laptop, [stamped(mutation("children", "delete", child, {}), early)])
    edit = stamped(mutation("children", "update", child, {"name": "Asha Verma"}), late)
    assert [r["status"] for r in push(school_pc, [edit])] == ["superseded"]
    (row,) = [c["row"] for c in pull_everything(school_pc) if c["row"]["id"] == child]
    assert row["deleted_at"] is not None and row["name"] == "Asha"


def test_sync_counts_count_the_accounts_live_and_deleted_rows(
    accounts: Accounts, account: Account
) -> None:
    client = accounts.signed_in(account)
    kids = [str(uuid.uuid4()) for _ in range(3)]
    push(client, [child_insert(kid) for kid in kids])
    push(client, [mutation("children", "delete", kids[0], {})])
    counts: Any = client.rpc("sync_counts").execute().data
    assert counts["children"] == {"live": 2, "deleted": 1}
    assert counts["certificates"] == {"live": 0, "deleted": 0}
    assert counts["user_subscriptions"] == {"live": 1, "deleted": 0}


def test_anyone_can_verify_a_certificate_and_learns_name_chapter_date_and_issuer(
    target: Target, accounts: Accounts, account: Account
) -> None:
    client = accounts.signed_in(account)
    child, certificate = str(uuid.uuid4()), str(uuid.uuid4())
    school = {"role": "teacher", "active_role": "teacher", "display_name": None,
              "school_name": "Kendriya Vidyalaya No. 2", "subjects": [], "grades": [],
              "worksheet_language": "en", "paper_size": "A4"}  # fmt: skip
    results = push(
        client,
        [
            mutation("user_profiles", "insert", str(uuid.uuid4()), school),
            child_insert(child, "Asha Rao"),
            *mastered(child),
            certificate_insert(certificate, child, "CHOSENCODE"),
        ],
    )
    assert {r["status"] for r in results} == {"applied"}
    (issued,) = [c["row"] for c in pull_everything(client) if c["row"]["id"] == certificate]
    code = issued["verification_code"]
    assert code != "CHOSENCODE"  # the server makes the code
    anon = accounts.client()
    found = anon.rpc("verify_certificate", {"p_code": code}).execute().data
    assert found == [
        {"name": "Asha Rao", "chapter": "Toy Joy", "issued_on": "2026-11-21",
         "issued_by": "Kendriya Vidyalaya No. 2", "own_syllabus": False}
    ]  # fmt: skip
    wrong = "0" + code[1:]  # a code never holds a 0
    assert anon.rpc("verify_certificate", {"p_code": wrong}).execute().data == []


# -- refusals -----------------------------------------------------------------------------


def test_sync_without_signing_in_is_refused_with_401(target: Target, accounts: Accounts) -> None:
    with pytest.raises(APIError) as refused:
        accounts.client().rpc("sync_pull", {"p_cursor": None, "p_limit": 10}).execute()
    assert refused.value.code == "42501"
    assert raw_rpc(target, "sync_pull", {"p_cursor": None, "p_limit": 10}).status_code == 401


def test_an_old_client_is_told_to_update_with_426(
    target: Target, accounts: Accounts, account: Account
) -> None:
    client = accounts.signed_in(account)
    child = str(uuid.uuid4())
    with pytest.raises(APIError) as refused:
        push(client, [child_insert(child)], version=0)
    assert refused.value.code == "PT426"
    assert refused.value.message and "update" in refused.value.message
    session = client.auth.get_session()
    assert session is not None
    answer = raw_rpc(
        target,
        "sync_push",
        {"p_device_id": "old", "p_schema_version": 0, "p_mutations": []},
        session.access_token,
    )
    assert answer.status_code == 426
    assert all(c["row"]["id"] != child for c in pull_everything(client))


def test_an_unknown_function_is_not_found(target: Target, accounts: Accounts) -> None:
    with pytest.raises(APIError) as refused:
        accounts.client().rpc("no_such_function", {}).execute()
    assert refused.value.code == "PGRST202"
    assert raw_rpc(target, "no_such_function", {}).status_code == 404


def test_unknown_arguments_do_not_match_the_function(target: Target, accounts: Accounts) -> None:
    with pytest.raises(APIError) as refused:
        accounts.client().rpc("verify_certificate", {"p_kode": "ABC"}).execute()
    assert refused.value.code == "PGRST202"
