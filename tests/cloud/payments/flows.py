"""What a buyer's desktop, browser and Razorpay do, over real HTTP to the running service."""

from __future__ import annotations

import json
import re
from datetime import datetime
from typing import Any

import httpx
import psycopg

from tests.cloud.payments.conftest import RunningService, access_token
from tests.cloud.payments.standin import RazorpayStandIn, Webhook

Conn = psycopg.Connection[dict[str, Any]]


def order(
    service: RunningService, user: str, body: Any = None, token: str | None = None
) -> httpx.Response:
    """The desktop's POST {PAYMENTS}/v1/orders."""
    return httpx.post(
        f"{service.url}/v1/orders",
        json={"plan": "monthly"} if body is None else body,
        headers={"Authorization": f"Bearer {token or access_token(user)}"},
        timeout=10,
    )


def ordered(service: RunningService, user: str, plan: str = "monthly") -> dict[str, Any]:
    answer = order(service, user, {"plan": plan})
    assert answer.status_code == 200, answer.text
    made: dict[str, Any] = answer.json()
    return made


def checkout_options(checkout_url: str) -> dict[str, Any]:
    """The options the checkout page hands Razorpay Checkout, read from the page."""
    page = httpx.get(checkout_url, timeout=10)
    assert page.status_code == 200, page.text
    found = re.search(r"var options = (\{.*?\});var checkout", page.text)
    assert found, page.text
    options: dict[str, Any] = json.loads(found[1])
    return options


def callback(service: RunningService, callback_url: str, form: dict[str, str]) -> httpx.Response:
    """Razorpay Checkout's form post to the callback URL, from the buyer's browser."""
    return httpx.post(callback_url, data=form, timeout=10)


def deliver(service: RunningService, webhook: Webhook) -> httpx.Response:
    return httpx.post(
        f"{service.url}/v1/webhooks/razorpay",
        content=webhook.body,
        headers=webhook.headers,
        timeout=10,
    )


def pay_through_checkout(
    service: RunningService, razorpay: RazorpayStandIn, user: str, plan: str = "monthly"
) -> tuple[dict[str, Any], dict[str, Any], httpx.Response]:
    """Order, open the page, pay, and let the browser post the callback."""
    made = ordered(service, user, plan)
    options = checkout_options(made["checkout_url"])
    payment = razorpay.pay(made["order_id"])
    answer = callback(
        service, options["callback_url"], razorpay.callback_form(made["order_id"], payment["id"])
    )
    return made, payment, answer


def subscription(db: Conn, user: str) -> dict[str, Any]:
    row = db.execute(
        "SELECT tier, current_period_end, change_seq FROM public.user_subscriptions WHERE user_id = %s",
        (user,),
    ).fetchone()
    assert row is not None
    return row


def payment_row(db: Conn, order_id: str) -> dict[str, Any]:
    row = db.execute(
        "SELECT * FROM public.payment_events WHERE razorpay_order_id = %s", (order_id,)
    ).fetchone()
    assert row is not None
    return row


def months_after(db: Conn, start: datetime, months: int) -> datetime:
    """`start` plus calendar months in India, computed by PostgreSQL independently."""
    row = db.execute(
        "SELECT ((%s::timestamptz AT TIME ZONE 'Asia/Kolkata') + make_interval(months => %s))"
        " AT TIME ZONE 'Asia/Kolkata' AS t",
        (start, months),
    ).fetchone()
    assert row is not None
    result: datetime = row["t"]
    return result


def server_state(db: Conn, user: str) -> list[Any]:
    """Everything about `user`'s money the server keeps."""
    return [
        db.execute(
            "SELECT tier, current_period_end FROM public.user_subscriptions WHERE user_id = %s",
            (user,),
        ).fetchall(),
        db.execute(
            "SELECT razorpay_order_id, razorpay_payment_id, status, period_end "
            "FROM public.payment_events WHERE user_id = %s ORDER BY razorpay_order_id",
            (user,),
        ).fetchall(),
    ]
