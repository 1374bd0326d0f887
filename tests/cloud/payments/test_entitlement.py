"""get_entitlement(), through the official client: against the devstack by default, or a real
Supabase project (see tests/cloud/contract_env). And the quota counted from the sheets the
server receives, none of which is ever refused for being over it."""

from __future__ import annotations

import uuid
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from typing import Any
from zoneinfo import ZoneInfo

import pytest
from postgrest.exceptions import APIError

from cloud.devstack.server import DevCloud
from tests.cloud.contract_env import (
    Account,
    Accounts,
    Target,
    accounts_on,
    child_insert,
    mutation,
    push,
    raw_rpc,
    target_from_environment,
)
from tests.cloud.pushing import worksheet_fields

pytestmark = pytest.mark.filterwarnings("ignore:The '(timeout|verify)' parameter is deprecated")

KEYS = {
    "tier",
    "current_period_end",
    "worksheets_this_month",
    "monthly_quota",
    "month_resets_at",
    "grace_days",
    "plans",
    "server_time",
}
PLANS = [
    {"plan": "monthly", "amount_paise": 29900, "currency": "INR", "months": 1},
    {"plan": "yearly", "amount_paise": 299000, "currency": "INR", "months": 12},
]


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


def entitlement(accounts: Accounts, account: Account) -> dict[str, Any]:
    answer: Any = accounts.signed_in(account).rpc("get_entitlement", {}).execute().data
    return dict(answer)


def set_period_end(accounts: Accounts, account: Account, end: datetime) -> None:
    """What the payments service does, done here with the service key."""
    accounts.admin.table("user_subscriptions").update(
        {"tier": "paid", "current_period_end": end.isoformat()}
    ).eq("user_id", account.id).execute()


def parse(moment: str) -> datetime:
    return datetime.fromisoformat(moment)


def test_a_new_account_is_entitled_to_the_free_quota(accounts: Accounts, account: Account) -> None:
    found = entitlement(accounts, account)
    assert set(found) == KEYS
    assert found["tier"] == "free"
    assert found["current_period_end"] is None
    assert (found["worksheets_this_month"], found["monthly_quota"]) == (0, 20)
    assert found["grace_days"] == 7
    assert found["plans"] == PLANS
    now = datetime.now(UTC)
    assert abs(parse(found["server_time"]) - now) < timedelta(minutes=1)
    assert now < parse(found["month_resets_at"]) <= now + timedelta(days=32)


def test_the_month_resets_at_midnight_in_india(accounts: Accounts, account: Account) -> None:
    resets = parse(entitlement(accounts, account)["month_resets_at"])
    in_india = resets.astimezone(ZoneInfo("Asia/Kolkata"))
    assert (in_india.day, in_india.hour, in_india.minute) == (1, 0, 0)


def test_a_paid_account_has_no_quota_until_its_period_ends(
    accounts: Accounts, account: Account
) -> None:
    end = datetime.now(UTC) + timedelta(days=20)
    set_period_end(accounts, account, end)
    found = entitlement(accounts, account)
    assert (found["tier"], found["monthly_quota"]) == ("paid", None)
    assert parse(found["current_period_end"]) == end


def test_a_paid_period_that_has_ended_is_the_free_tier(
    accounts: Accounts, account: Account
) -> None:
    set_period_end(accounts, account, datetime.now(UTC) - timedelta(minutes=1))
    found = entitlement(accounts, account)
    assert (found["tier"], found["monthly_quota"]) == ("free", 20)


def test_get_entitlement_needs_a_signed_in_user(target: Target) -> None:
    answer = raw_rpc(target, "get_entitlement", {})
    assert answer.status_code in (401, 403)


def test_sheets_over_the_quota_are_received_and_counted(
    accounts: Accounts, account: Account
) -> None:
    client = accounts.signed_in(account)
    child = str(uuid.uuid4())
    assert push(client, [child_insert(child)])[0]["status"] == "applied"
    sheets = [
        mutation("worksheets", "insert", str(uuid.uuid4()), worksheet_fields(child))
        for _ in range(25)
    ]
    results = push(client, sheets)
    assert [r["status"] for r in results] == ["applied"] * 25
    found = entitlement(accounts, account)
    assert (found["worksheets_this_month"], found["monthly_quota"]) == (25, 20)


def test_a_sheet_pushed_twice_is_counted_once(accounts: Accounts, account: Account) -> None:
    client = accounts.signed_in(account)
    child = str(uuid.uuid4())
    push(client, [child_insert(child)])
    sheet = mutation("worksheets", "insert", str(uuid.uuid4()), worksheet_fields(child))
    push(client, [sheet])
    push(client, [{**sheet, "mutation_id": str(uuid.uuid4())}])  # the same row, again
    assert entitlement(accounts, account)["worksheets_this_month"] == 1


def test_another_user_cannot_read_someone_elses_entitlement(
    accounts: Accounts, account: Account
) -> None:
    other = accounts.create()
    set_period_end(accounts, account, datetime.now(UTC) + timedelta(days=5))
    assert entitlement(accounts, other)["tier"] == "free"
    with pytest.raises(APIError):
        accounts.signed_in(other).rpc("get_entitlement", {"p_user": account.id}).execute()
