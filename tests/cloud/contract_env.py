"""Where the contract tests run: the devstack by default, or a real Supabase project.

Set SUPABASE_TEST_URL, SUPABASE_TEST_ANON_KEY and SUPABASE_TEST_SERVICE_KEY to run the same
tests against a Supabase project that has our migrations applied. That project needs "Confirm
email" off (sign-up then returns a session, and no mail is sent). GoTrue lets a revoked refresh
token be exchanged again for `refresh_token_reuse_interval` seconds (10 by default); set
SUPABASE_TEST_REFRESH_REUSE_INTERVAL to the project's value and the test waits that long before
it checks single use. Addresses are made at SUPABASE_TEST_EMAIL_DOMAIN (default example.com).
Every account a test makes is made and deleted with the admin API.
"""

from __future__ import annotations

import itertools
import os
import time
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from typing import Any

import httpx
from supabase import Client, ClientOptions, create_client

ENV_URL, ENV_ANON, ENV_SERVICE = (
    "SUPABASE_TEST_URL",
    "SUPABASE_TEST_ANON_KEY",
    "SUPABASE_TEST_SERVICE_KEY",
)
PASSWORD = "correct horse battery staple"
_clock = itertools.count(1)


@dataclass(frozen=True)
class Target:
    """A Supabase API to test: its URL and the two API keys."""

    url: str
    anon_key: str
    service_key: str
    refresh_reuse_interval: float = 0.0
    email_domain: str = "example.com"

    def client(self, key: str | None = None) -> Client:
        """A fresh client with the anon key (or `key`); no refresh timer runs in the tests."""
        options = ClientOptions(auto_refresh_token=False, persist_session=True)
        return create_client(self.url, key or self.anon_key, options)


def target_from_environment() -> Target | None:
    """The real project the environment names, or None to use the devstack."""
    url, anon, service = (os.environ.get(name) for name in (ENV_URL, ENV_ANON, ENV_SERVICE))
    if not (url and anon and service):
        return None
    reuse = float(os.environ.get("SUPABASE_TEST_REFRESH_REUSE_INTERVAL", "10"))
    domain = os.environ.get("SUPABASE_TEST_EMAIL_DOMAIN", "example.com")
    return Target(url.rstrip("/"), anon, service, reuse, domain)


@dataclass(frozen=True)
class Account:
    id: str
    email: str
    password: str = PASSWORD


@dataclass
class Accounts:
    """Makes confirmed accounts with the admin API and deletes them all at the end."""

    target: Target
    made: list[Account] = field(default_factory=list)
    clients: list[Client] = field(default_factory=list)

    def __post_init__(self) -> None:
        self.admin = self.target.client(self.target.service_key)

    def new_email(self) -> str:
        return f"contract-{uuid.uuid4().hex[:12]}@{self.target.email_domain}"

    def create(self) -> Account:
        email = self.new_email()
        made = self.admin.auth.admin.create_user(
            {"email": email, "password": PASSWORD, "email_confirm": True}
        )
        account = Account(made.user.id, email)
        self.made.append(account)
        return account

    def adopt(self, user_id: str, email: str) -> Account:
        """An account made some other way (sign-up), to be deleted at the end as well."""
        account = Account(user_id, email)
        self.made.append(account)
        return account

    def client(self, key: str | None = None) -> Client:
        client = self.target.client(key)
        self.clients.append(client)
        return client

    def signed_in(self, account: Account) -> Client:
        client = self.client()
        client.auth.sign_in_with_password({"email": account.email, "password": account.password})
        return client

    def close(self) -> None:
        for client in self.clients:
            close(client)
        for account in self.made:
            self.admin.auth.admin.delete_user(account.id)
        close(self.admin)


def close(client: Client) -> None:
    """Close the client's HTTP connections (its clients never start a refresh timer)."""
    client.auth.close()
    client.postgrest.aclose()


@contextmanager
def accounts_on(target: Target) -> Iterator[Accounts]:
    accounts = Accounts(target)
    try:
        yield accounts
    finally:
        accounts.close()


def hlc(offset_ms: int = 0, node: str = "00000000c0ffee00") -> str:
    """A clock stamp `WWWWWWWWWWWWW.CCCCC.NNNNNNNNNNNNNNNN`, later than every earlier one here."""
    return f"{int(time.time() * 1000) + offset_ms:013d}.{next(_clock) % 100000:05d}.{node}"


def mutation(table: str, op: str, row_id: str, fields: dict[str, Any]) -> dict[str, Any]:
    return {
        "mutation_id": str(uuid.uuid4()),
        "table": table,
        "op": op,
        "row_id": row_id,
        "hlc": hlc(),
        "fields": fields,
    }


def child_insert(child_id: str, name: str = "Asha", grade: int = 3) -> dict[str, Any]:
    fields = {"name": name, "grade": grade, "board": "CBSE", "date_of_birth": None,
              "age_band": None, "roll_number": None, "archived_at": None}  # fmt: skip
    return mutation("children", "insert", child_id, fields)


def certificate_insert(certificate_id: str, child_id: str, code: str = "") -> dict[str, Any]:
    """A certificate for "Toy Joy" (maths.c3.ch2, one skill: see `mastered`).

    The verification code is the server's to make: whatever `code` the device sends is replaced.
    """
    fields = {
        "child_id": child_id,
        "chapter_key": "maths.c3.ch2",
        "chapter_title": "Toy Joy",
        "certificate_number": f"PC-2026-{certificate_id[:6].upper()}",
        "verification_code": code or "DEVICE0000",
        "issued_at": "2026-11-20T20:00:00.000Z",  # 21 November in India
    }
    return mutation("certificates", "insert", certificate_id, fields)


def mastered(child_id: str, skills: tuple[str, ...] = ("maths.c3.solids_faces",)) -> list[Any]:
    """The graded answers that master each skill: five right answers over two days."""
    answers = []
    for skill in skills:
        for n in range(5):
            fields = {
                "student_id": child_id, "worksheet_id": None, "question_id": f"{skill}-{n}",
                "skill_tag": skill, "given_answer": "6", "result": "correct",
                "error_type": None, "answered_at": f"2026-11-{18 + n // 3}T05:00:00.000Z",
                "mastery_before": "learning", "mastery_after": "improving",
                "response_time_ms": 3000, "graded_by": "auto",
            }  # fmt: skip
            answers.append(mutation("attempt_events", "insert", str(uuid.uuid4()), fields))
    return answers


def push(client: Client, mutations: list[dict[str, Any]], version: int = 1) -> list[Any]:
    """sync_push as the client's user; the answers, one per mutation, in order."""
    answer = client.rpc(
        "sync_push",
        {"p_device_id": "contract-device", "p_schema_version": version, "p_mutations": mutations},
    ).execute()
    data: Any = answer.data
    results: list[Any] = data["results"]
    return results


def pull_everything(client: Client) -> list[dict[str, Any]]:
    changes: list[dict[str, Any]] = []
    cursor = None
    while True:
        page: Any = client.rpc("sync_pull", {"p_cursor": cursor, "p_limit": 500}).execute().data
        changes += page["changes"]
        cursor = page["cursor"]
        if not page["has_more"]:
            return changes


def raw_rpc(
    target: Target, function: str, args: dict[str, Any], token: str | None = None
) -> httpx.Response:
    """The HTTP answer itself, for the status codes the client does not surface."""
    headers = {"apikey": target.anon_key, "Authorization": f"Bearer {token or target.anon_key}"}
    return httpx.post(f"{target.url}/rest/v1/rpc/{function}", json=args, headers=headers)


def auth_settings(target: Target) -> dict[str, Any]:
    answer = httpx.get(f"{target.url}/auth/v1/settings", headers={"apikey": target.anon_key})
    answer.raise_for_status()
    settings: dict[str, Any] = answer.json()
    return settings
