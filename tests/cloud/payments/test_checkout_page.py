"""The checkout page runs Razorpay Checkout for its order, escapes what it shows, and opens
only for the URL the buyer was given; a failure reported by Razorpay changes nothing."""

from __future__ import annotations

import json
import re

import httpx

from tests.cloud.conftest import new_user
from tests.cloud.payments.conftest import RunningService
from tests.cloud.payments.flows import (
    Conn,
    callback,
    checkout_options,
    ordered,
    pay_through_checkout,
    server_state,
)
from tests.cloud.payments.standin import RazorpayStandIn


def test_the_page_runs_razorpay_checkout_for_the_order_with_the_buyers_email(
    service: RunningService, razorpay: RazorpayStandIn, db: Conn
) -> None:
    user = new_user(db, "asha.parent@example.test")
    made = ordered(service, user)
    page = httpx.get(made["checkout_url"], timeout=10)
    assert '<script src="https://checkout.razorpay.com/v1/checkout.js"></script>' in page.text
    options = checkout_options(made["checkout_url"])
    assert options["key"] == razorpay.key_id
    assert (options["amount"], options["currency"]) == (29900, "INR")
    assert options["order_id"] == made["order_id"]
    assert options["prefill"] == {"email": "asha.parent@example.test"}
    assert options["callback_url"].startswith(f"{service.url}/v1/checkout/callback?ref=")


def test_what_the_page_shows_is_escaped(service: RunningService, db: Conn) -> None:
    hostile = 'x"</script><script>alert(1)</script><b>@example.test'
    made = ordered(service, new_user(db, hostile))
    page = httpx.get(made["checkout_url"], timeout=10).text
    assert "<script>alert(1)" not in page and "<b>" not in page
    options = json.loads(re.search(r"var options = (\{.*?\});var checkout", page)[1])
    assert options["prefill"]["email"] == hostile


def test_the_page_opens_only_with_the_token_the_buyer_was_given(
    service: RunningService, buyer: str
) -> None:
    made = ordered(service, buyer)
    bare = f"{service.url}/v1/checkout/{made['order_id']}"
    for url in (bare, bare + "?t=" + "0" * 32, bare + "?t=%E2%82%B9"):
        answer = httpx.get(url, timeout=10)
        assert answer.status_code == 404
        assert "Asha" not in answer.text and "@" not in answer.text


def test_a_paid_orders_page_says_it_is_paid(
    service: RunningService, razorpay: RazorpayStandIn, buyer: str
) -> None:
    made, _, _ = pay_through_checkout(service, razorpay, buyer)
    page = httpx.get(made["checkout_url"], timeout=10)
    assert page.status_code == 200 and "Already paid" in page.text
    assert "checkout.js" not in page.text


def test_a_failure_reported_by_checkout_answers_402_and_changes_nothing(
    service: RunningService, razorpay: RazorpayStandIn, db: Conn, buyer: str
) -> None:
    made = ordered(service, buyer)
    options = checkout_options(made["checkout_url"])
    before = server_state(db, buyer)
    failure = {
        "error[code]": "BAD_REQUEST_ERROR",
        "error[description]": "Your payment didn't go through as it was declined by the bank.",
        "error[source]": "bank",
        "error[metadata]": json.dumps({"order_id": made["order_id"], "payment_id": "pay_X"}),
    }
    answer = callback(service, options["callback_url"], failure)
    assert answer.status_code == 402
    assert "declined by the bank" in answer.text
    assert server_state(db, buyer) == before
    logged = db.execute(
        "SELECT status FROM public.webhook_logs WHERE source = 'checkout' "
        "AND payload ->> 'error[metadata]' LIKE %s",
        (f"%{made['order_id']}%",),
    ).fetchone()
    assert logged == {"status": "failed"}
