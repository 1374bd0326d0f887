"""What the devstack itself promises: secrets kept as hashes, tokens checked, roles kept apart.

The contract tests hold the devstack to Supabase's answers; these look inside it (its database
and its keys), so they run against the devstack only.
"""

from __future__ import annotations

import hashlib
import os
import stat
import statistics
import time
import uuid
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Any

import httpx
import jwt
import psycopg
import pytest
from supabase_auth.errors import AuthApiError

from cloud.devstack import keys
from cloud.devstack.__main__ import UrlDatabase, banner, load_jwt_secret
from cloud.devstack.postgres import LocalPostgres
from cloud.devstack.rest import http_status
from cloud.devstack.server import DevCloud
from tests.cloud.contract_env import Accounts, Target, accounts_on

pytestmark = pytest.mark.filterwarnings("ignore:The '(timeout|verify)' parameter is deprecated")
Conn = psycopg.Connection[dict[str, Any]]


@pytest.fixture(scope="module")
def cloud(postgres: LocalPostgres) -> Iterator[DevCloud]:
    with DevCloud(postgres) as running:
        yield running


@pytest.fixture
def accounts(cloud: DevCloud) -> Iterator[Accounts]:
    with accounts_on(Target(cloud.url, cloud.anon_key, cloud.service_key)) as made:
        yield made


@pytest.fixture
def whoami(db: Conn) -> Iterator[str]:
    """A function that tells who runs it, as the API sees it; dropped afterwards."""
    db.execute(
        "CREATE FUNCTION public.devstack_whoami() RETURNS jsonb LANGUAGE sql STABLE AS $$ "
        "SELECT jsonb_build_object('current_user', current_user, 'session_user', session_user, "
        "'role', auth.role(), 'uid', auth.uid()) $$"
    )
    try:
        yield "devstack_whoami"
    finally:
        db.execute("DROP FUNCTION public.devstack_whoami()")


def rpc(cloud: DevCloud, function: str, token: str | None, **args: Any) -> httpx.Response:
    headers = {"apikey": cloud.anon_key}
    if token:
        headers["Authorization"] = f"Bearer {token}"
    return httpx.post(f"{cloud.url}/rest/v1/rpc/{function}", json=args, headers=headers)


def user_token(cloud: DevCloud, user_id: str, **changes: Any) -> str:
    now = int(time.time())
    claims = {"sub": user_id, "role": "authenticated", "aud": "authenticated",
              "iat": now, "exp": now + 600} | changes  # fmt: skip
    return keys.sign(claims, cloud.jwt_secret)


# -- secrets at rest ----------------------------------------------------------------------


def test_passwords_are_stored_only_as_salted_slow_hashes(db: Conn, accounts: Accounts) -> None:
    first, second = accounts.create(), accounts.create()
    stored = {
        row["id"]: row["encrypted_password"]
        for row in db.execute(
            "SELECT id::text, encrypted_password FROM auth.users WHERE id = ANY(%s::uuid[])",
            ([first.id, second.id],),
        )
    }
    assert all(first.password not in hashed for hashed in stored.values())
    assert all(hashed.startswith("$scrypt$ln=14,r=8,p=1$") for hashed in stored.values())
    assert stored[first.id] != stored[second.id]  # same password, different salt
    assert keys.verify_password(first.password, stored[first.id])
    assert not keys.verify_password("not the password", stored[first.id])


def test_refresh_tokens_are_stored_only_as_digests(db: Conn, accounts: Accounts) -> None:
    session = accounts.signed_in(accounts.create()).auth.get_session()
    assert session is not None
    kept = [r["token"] for r in db.execute("SELECT token FROM auth.refresh_tokens")]
    assert session.refresh_token not in kept
    assert hashlib.sha256(session.refresh_token.encode()).hexdigest() in kept


# -- tokens -------------------------------------------------------------------------------


def test_an_expired_access_token_is_refused_as_jwt_expired(
    cloud: DevCloud, accounts: Accounts
) -> None:
    account = accounts.create()
    expired = user_token(cloud, account.id, iat=int(time.time()) - 7200, exp=int(time.time()) - 60)
    answer = rpc(cloud, "sync_counts", expired)
    assert answer.status_code == 401
    assert answer.json() == {"code": "PGRST301", "details": None, "hint": None,
                             "message": "JWT expired"}  # fmt: skip
    assert "invalid_token" in answer.headers["www-authenticate"]
    assert rpc(cloud, "sync_counts", user_token(cloud, account.id)).status_code == 200


def test_a_token_signed_with_another_secret_is_refused(cloud: DevCloud, accounts: Accounts) -> None:
    account = accounts.create()
    forged = keys.sign(
        {"sub": account.id, "role": "authenticated", "exp": int(time.time()) + 600},
        keys.new_jwt_secret(),
    )
    answer = rpc(cloud, "sync_counts", forged)
    assert (answer.status_code, answer.json()["code"]) == (401, "PGRST301")
    with pytest.raises(AuthApiError) as refused:
        accounts.client().auth.get_user(forged)
    assert (refused.value.status, refused.value.code) == (403, "bad_jwt")


def test_the_gateway_refuses_requests_without_a_valid_api_key(
    cloud: DevCloud, accounts: Accounts
) -> None:
    body = {"p_code": "ABC"}
    missing = httpx.post(f"{cloud.url}/rest/v1/rpc/verify_certificate", json=body)
    assert (missing.status_code, missing.json()["message"]) == (
        401,
        "No API key found in request",
    )
    session = accounts.signed_in(accounts.create()).auth.get_session()
    assert session is not None
    other_secret = keys.anon_key(keys.new_jwt_secret())
    for bad_key in ("not-a-key", other_secret, session.access_token):
        refused = httpx.post(
            f"{cloud.url}/auth/v1/token?grant_type=password",
            json={"email": "x@example.com", "password": "x"},
            headers={"apikey": bad_key},
        )
        assert (refused.status_code, refused.json()["message"]) == (401, "Invalid API key")
    as_query = httpx.post(
        f"{cloud.url}/rest/v1/rpc/verify_certificate?apikey={cloud.anon_key}", json=body
    )
    assert (as_query.status_code, as_query.json()) == (200, [])


def test_each_call_runs_as_the_role_its_token_names(
    cloud: DevCloud, accounts: Accounts, whoami: str
) -> None:
    account = accounts.create()
    seen = {
        "anon key": rpc(cloud, whoami, None).json(),
        "service key": rpc(cloud, whoami, cloud.service_key).json(),
        "user token": accounts.signed_in(account).rpc(whoami).execute().data,
    }
    assert seen == {
        "anon key": {"current_user": "anon", "session_user": "authenticator",
                     "role": "anon", "uid": None},
        "service key": {"current_user": "service_role", "session_user": "authenticator",
                        "role": "service_role", "uid": None},
        "user token": {"current_user": "authenticated", "session_user": "authenticator",
                       "role": "authenticated", "uid": account.id},
    }  # fmt: skip


def test_a_signed_token_naming_another_role_cannot_switch_to_it(
    cloud: DevCloud, whoami: str
) -> None:
    for role in ("postgres", "supabase_auth_admin", "authenticator"):
        answer = rpc(cloud, whoami, user_token(cloud, str(uuid.uuid4()), role=role))
        assert (answer.status_code, answer.json()["code"]) == (403, "42501")


def test_sync_needs_a_user_even_with_the_service_key(cloud: DevCloud, accounts: Accounts) -> None:
    """The service role may call the function but is nobody's account: 403, not someone's rows."""
    accounts.signed_in(accounts.create())
    answer = rpc(cloud, "sync_counts", cloud.service_key)
    assert (answer.status_code, answer.json()["message"]) == (403, "sign in to sync")


def test_auth_writes_as_supabase_auth_admin_and_rpcs_as_authenticator(
    db: Conn, accounts: Accounts
) -> None:
    accounts.signed_in(accounts.create()).rpc("sync_counts").execute()
    logins = {
        row["application_name"]: row["users"]
        for row in db.execute(
            "SELECT application_name, array_agg(DISTINCT usename::text) AS users "
            "FROM pg_stat_activity WHERE application_name LIKE 'practicecraft-devstack-%' "
            "GROUP BY application_name"
        )
    }
    assert logins == {
        "practicecraft-devstack-auth": ["supabase_auth_admin"],
        "practicecraft-devstack-rest": ["authenticator"],
    }


# -- refresh tokens and sessions ----------------------------------------------------------


def test_reusing_a_refresh_token_revokes_every_token_of_its_session(
    db: Conn, accounts: Accounts
) -> None:
    client = accounts.signed_in(accounts.create())
    first = client.auth.get_session()
    assert first is not None
    second = client.auth.refresh_session().session
    assert second is not None
    with pytest.raises(AuthApiError) as reused:
        accounts.client().auth.refresh_session(first.refresh_token)
    assert str(reused.value.code) == "refresh_token_already_used"
    with pytest.raises(AuthApiError) as family:
        accounts.client().auth.refresh_session(second.refresh_token)
    assert str(family.value.code) == "refresh_token_already_used"
    session_id = jwt.decode(second.access_token, options={"verify_signature": False})["session_id"]
    revoked = db.execute(
        "SELECT bool_and(revoked) AS all_revoked, count(*) AS n FROM auth.refresh_tokens "
        "WHERE session_id = %s",
        (session_id,),
    ).fetchone()
    assert revoked == {"all_revoked": True, "n": 2}


def test_with_a_reuse_interval_a_lost_refresh_answer_can_be_asked_again(
    postgres: LocalPostgres,
) -> None:
    """As GoTrue's refresh_token_reuse_interval: a client whose answer was lost tries again."""
    with (
        DevCloud(postgres, refresh_reuse_interval=1.0) as lenient,
        accounts_on(Target(lenient.url, lenient.anon_key, lenient.service_key)) as made,
    ):
        first = made.signed_in(made.create()).auth.get_session()
        assert first is not None
        url = f"{lenient.url}/auth/v1/token?grant_type=refresh_token"
        headers = {"apikey": lenient.anon_key}
        lost = httpx.post(url, json={"refresh_token": first.refresh_token}, headers=headers)
        again = httpx.post(url, json={"refresh_token": first.refresh_token}, headers=headers)
        assert (lost.status_code, again.status_code) == (200, 200)
        newest = again.json()["refresh_token"]
        assert httpx.post(url, json={"refresh_token": newest}, headers=headers).is_success
        time.sleep(1.2)
        late = httpx.post(url, json={"refresh_token": first.refresh_token}, headers=headers)
        assert late.json()["error_code"] == "refresh_token_already_used"


def test_two_refreshes_racing_with_one_token_give_one_session(
    cloud: DevCloud, accounts: Accounts
) -> None:
    """Refreshes of one session are serialised: one wins, the other is a reuse."""
    session = accounts.signed_in(accounts.create()).auth.get_session()
    assert session is not None
    url = f"{cloud.url}/auth/v1/token?grant_type=refresh_token"
    body = {"refresh_token": session.refresh_token}
    with ThreadPoolExecutor(2) as pool:
        answers = list(
            pool.map(
                lambda _: httpx.post(url, json=body, headers={"apikey": cloud.anon_key}), [1, 2]
            )
        )
    assert sorted(a.status_code for a in answers) == [200, 400]
    assert [a.json()["error_code"] for a in answers if a.status_code == 400] == [
        "refresh_token_already_used"
    ]


def test_local_sign_out_ends_one_session_and_global_ends_them_all(accounts: Accounts) -> None:
    account = accounts.create()
    laptop, phone, tablet = (accounts.signed_in(account) for _ in range(3))
    sessions = [c.auth.get_session() for c in (laptop, phone, tablet)]
    tokens = [s.refresh_token for s in sessions if s is not None]

    def refresh_fails(token: str) -> str:
        with pytest.raises(AuthApiError) as refused:
            accounts.client().auth.refresh_session(token)
        return str(refused.value.code)

    laptop.auth.sign_out({"scope": "local"})
    assert refresh_fails(tokens[0]) == "refresh_token_not_found"
    phone_again = phone.auth.refresh_session().session  # the phone's session lives on
    assert phone_again is not None
    tablet.auth.sign_out()  # global: every session of the account
    assert refresh_fails(phone_again.refresh_token) == "refresh_token_not_found"
    assert refresh_fails(tokens[2]) == "refresh_token_not_found"


def test_the_admin_api_needs_the_service_key(cloud: DevCloud, accounts: Accounts) -> None:
    user = accounts.signed_in(accounts.create())
    with pytest.raises(AuthApiError) as refused:
        user.auth.admin.create_user({"email": accounts.new_email(), "password": "secret123"})
    assert (refused.value.status, refused.value.code) == (403, "not_admin")


def test_errors_take_the_shape_of_the_api_version_asked_for(cloud: DevCloud) -> None:
    url = f"{cloud.url}/auth/v1/token?grant_type=password"
    wrong = {"email": "nobody@example.com", "password": "wrong password"}
    headers = {"apikey": cloud.anon_key}
    current = httpx.post(
        url, json=wrong, headers=headers | {"X-Supabase-Api-Version": "2024-01-01"}
    )
    assert current.headers["x-supabase-api-version"] == "2024-01-01"
    assert current.json() == {"code": "invalid_credentials", "message": "Invalid login credentials"}
    legacy = httpx.post(url, json=wrong, headers=headers)
    assert legacy.json() == {"code": 400, "error_code": "invalid_credentials",
                             "msg": "Invalid login credentials"}  # fmt: skip


# -- PostgREST details ----------------------------------------------------------------------


def test_a_get_call_runs_read_only(cloud: DevCloud, accounts: Accounts) -> None:
    """A GET call reads; one that would write (verify_certificate counts each check) is 405."""
    client = accounts.signed_in(accounts.create())
    counts: Any = client.rpc("sync_counts", {}, get=True).execute().data
    assert counts["children"] == {"live": 0, "deleted": 0}
    answer = httpx.get(
        f"{cloud.url}/rest/v1/rpc/verify_certificate",
        params={"p_code": "NOPE123"},
        headers={"apikey": cloud.anon_key},
    )
    assert (answer.status_code, answer.json()["code"]) == (405, "25006")


def test_answers_are_not_held_back_by_delayed_acks(cloud: DevCloud) -> None:
    """Without TCP_NODELAY on the server's sockets each answer waits ~40 ms for an ACK."""
    with httpx.Client(base_url=cloud.url) as client:
        client.get("/auth/v1/health")
        took = []
        for _ in range(11):
            started = time.perf_counter()
            client.get("/auth/v1/health").raise_for_status()
            took.append(time.perf_counter() - started)
    # The median, not the sum: a delayed ACK holds back every answer (~40 ms each), while a
    # busy machine only delays a few of them.
    median = statistics.median(took)
    assert median < 0.025, f"the median answer took {median * 1000:.0f} ms"


@pytest.mark.parametrize(
    ("sqlstate", "role", "status"),
    [
        ("42501", "anon", 401), ("42501", "authenticated", 403), ("PT426", "authenticated", 426),
        ("P0001", "anon", 400), ("22023", "anon", 400), ("23514", "anon", 400),
        ("23505", "anon", 409), ("23503", "anon", 409), ("40001", "anon", 500),
        ("42883", "anon", 404), ("57014", "anon", 500), ("08006", "anon", 503),
    ],
)  # fmt: skip
def test_database_errors_get_postgrests_status(sqlstate: str, role: str, status: int) -> None:
    assert http_status(sqlstate, role) == status


# -- the command line's pieces -----------------------------------------------------------


def test_the_api_keys_follow_from_the_secret_alone() -> None:
    secret = keys.new_jwt_secret()
    assert keys.anon_key(secret) == keys.anon_key(secret)
    assert keys.decode(keys.anon_key(secret), secret)["role"] == "anon"
    assert keys.api_key_role(keys.service_key(secret), secret) == "service_role"
    assert keys.api_key_role(keys.service_key(secret), keys.new_jwt_secret()) is None


def test_a_generated_secret_is_kept_private_and_reused(tmp_path: Path) -> None:
    secret = load_jwt_secret(None, tmp_path)
    assert stat.S_IMODE(os.stat(tmp_path / "jwt_secret").st_mode) == 0o600
    assert load_jwt_secret(None, tmp_path) == secret
    assert load_jwt_secret("given", tmp_path) == "given"


def test_a_database_url_gives_each_role_its_own_login() -> None:
    dsn = UrlDatabase("postgresql://postgres:pw@127.0.0.1:6543/app").dsn(user="authenticator")
    assert psycopg.conninfo.conninfo_to_dict(dsn) == {
        "user": "authenticator", "host": "127.0.0.1", "port": "6543", "dbname": "app"
    }  # fmt: skip


def test_the_banner_says_it_is_for_development_and_tests_only() -> None:
    text = banner("http://127.0.0.1:54321", "s" * 40)
    assert "development and tests only" in text
    assert keys.anon_key("s" * 40) in text and keys.service_key("s" * 40) in text
