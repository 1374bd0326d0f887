"""Done when: with the stand-in Razorpay and the devstack, a free user signs in, pays, and the
server says paid, through get_entitlement and sync_pull alike, as the desktop reads them."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import httpx
import pytest
from supabase import Client

from cloud.devstack.postgres import LocalPostgres
from cloud.devstack.server import DevCloud
from tests.cloud.contract_env import Accounts, Target, accounts_on, pull_everything
from tests.cloud.payments.conftest import JWT_SECRET, RunningService
from tests.cloud.payments.flows import callback, checkout_options, deliver
from tests.cloud.payments.standin import RazorpayStandIn

pytestmark = pytest.mark.filterwarnings("ignore:The '(timeout|verify)' parameter is deprecated")


@pytest.fixture(scope="module")
def devstack(postgres: LocalPostgres) -> Iterator[Target]:
    """The devstack signing with the secret the payments service checks tokens with."""
    with DevCloud(postgres, jwt_secret=JWT_SECRET) as cloud:
        yield Target(cloud.url, cloud.anon_key, cloud.service_key)


@pytest.fixture
def accounts(devstack: Target) -> Iterator[Accounts]:
    with accounts_on(devstack) as made:
        yield made


def sign_in_and_order(
    accounts: Accounts, service: RunningService, plan: str
) -> tuple[Client, dict[str, str]]:
    client = accounts.signed_in(accounts.create())
    session = client.auth.get_session()
    assert session is not None
    answer = httpx.post(
        f"{service.url}/v1/orders",
        json={"plan": plan},
        headers={"Authorization": f"Bearer {session.access_token}"},
        timeout=10,
    )
    assert answer.status_code == 200, answer.text
    return client, answer.json()


@pytest.mark.parametrize("way", ["callback", "webhook"])
def test_a_free_user_becomes_paid_and_the_desktop_sees_it(
    accounts: Accounts, service: RunningService, razorpay: RazorpayStandIn, way: str
) -> None:
    client, made = sign_in_and_order(accounts, service, "monthly")
    before: Any = client.rpc("get_entitlement", {}).execute().data
    assert (before["tier"], before["monthly_quota"]) == ("free", 20)

    payment = razorpay.pay(made["order_id"])
    if way == "callback":
        options = checkout_options(made["checkout_url"])
        form = razorpay.callback_form(made["order_id"], payment["id"])
        assert callback(service, options["callback_url"], form).status_code == 200
    else:
        assert deliver(service, razorpay.webhook("payment.captured", payment)).status_code == 200

    after: Any = client.rpc("get_entitlement", {}).execute().data
    assert (after["tier"], after["monthly_quota"]) == ("paid", None)
    changes = pull_everything(client)
    (subscription,) = [c["row"] for c in changes if c["table"] == "user_subscriptions"]
    (receipt,) = [c["row"] for c in changes if c["table"] == "payment_events"]
    assert subscription["tier"] == "paid"
    assert subscription["current_period_end"] is not None
    assert (receipt["status"], receipt["amount_paise"]) == ("captured", 29900)
    assert receipt["razorpay_payment_id"] == payment["id"]
    assert "payload" not in receipt and "razorpay_signature" not in receipt
