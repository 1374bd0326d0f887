"""POST /v1/orders: a signed-in user starts buying a plan.

The client sends only the plan; the amount comes from the server's price table. The order is
counted against the account's rate limit before Razorpay is asked, gets a unique receipt (our
row id, 35 characters), and is recorded as a `created` payment_events row with Razorpay's
whole answer. Answers {order_id, amount, currency, key_id, checkout_url}.
"""

from __future__ import annotations

import json
import uuid
from typing import Any

from starlette.concurrency import run_in_threadpool
from starlette.requests import Request
from starlette.responses import JSONResponse, Response

from cloud.payments.razorpay_api import RazorpayUnavailable
from cloud.payments.service import BodyTooLarge, Service, error, log, read_body
from cloud.payments.store import DatabaseUnavailable, TooManyOrders, UnknownAccount, UnknownPlan
from cloud.payments.tokens import TokenRejected

SIGN_IN_AGAIN = "Please sign in to PracticeCraft again: your session has expired."
UNAVAILABLE = "Payments are unavailable just now. Nothing was charged; please try again later."


def receipt_for(ref: uuid.UUID) -> str:
    """Unique per order and within Razorpay's 40 characters (orders have no idempotency key)."""
    return f"pc-{ref.hex}"


async def _plan_asked(request: Request) -> str | None:
    try:
        body = json.loads(await read_body(request, 4096) or b"{}")
    except (ValueError, BodyTooLarge):
        return None
    plan = body.get("plan") if isinstance(body, dict) else None
    return plan if isinstance(plan, str) else None


async def create_order(service: Service, request: Request) -> Response:
    try:
        user = await run_in_threadpool(service.tokens.user_id, request.headers.get("authorization"))
    except TokenRejected:
        return error(401, SIGN_IN_AGAIN)
    plan = await _plan_asked(request)
    if plan is None:
        return error(400, "Choose a plan: monthly or yearly.")
    try:
        quote = await service.store.quote(user, plan)
        ref = uuid.uuid4()
        order = await run_in_threadpool(
            service.razorpay.create_order,
            quote.amount_paise,
            quote.currency,
            receipt_for(ref),
            {"user_id": str(user), "plan": plan},
        )
        _check_order(order, quote.amount_paise, quote.currency)
        await service.store.record_order(ref, user, plan, quote.amount_paise, order)
    except UnknownPlan:
        return error(400, f"There is no plan called {plan[:40]!r}: choose monthly or yearly.")
    except UnknownAccount:
        return error(401, SIGN_IN_AGAIN)
    except TooManyOrders:
        return error(
            429,
            "Too many payment attempts in a short time: please wait a few minutes and try again.",
            **{"Retry-After": "600"},
        )
    except (RazorpayUnavailable, DatabaseUnavailable) as failure:
        log.warning("order for %s not made: %s", user, failure)
        return error(503, UNAVAILABLE)
    return JSONResponse(_answer(service, order))


def _check_order(order: dict[str, Any], amount: int, currency: str) -> None:
    if not isinstance(order.get("id"), str) or (order.get("amount"), order.get("currency")) != (
        amount,
        currency,
    ):
        raise RazorpayUnavailable(f"Razorpay answered an order that is not ours: {order!r:.300}")


def _answer(service: Service, order: dict[str, Any]) -> dict[str, Any]:
    return {
        "order_id": order["id"],
        "amount": order["amount"],
        "currency": order["currency"],
        "key_id": service.razorpay.key_id,
        "checkout_url": service.checkout_url(order["id"]),
    }
