"""The checkout page and Razorpay's callback from it.

GET /v1/checkout/{order_id}?t=... runs Razorpay Checkout for the order (the token in the URL,
an HMAC of the order id, keeps strangers from opening a buyer's page and reading their email).
Razorpay then posts the form back to POST /v1/checkout/callback?ref=<our row id>. The
signature is checked against the order id stored in that row, never the one in the form; on
success the payment is captured and the tier upgraded in one transaction (a webhook for the
same payment then changes nothing); on failure the attempt is logged and the buyer sees 402.
"""

from __future__ import annotations

import uuid
from typing import Any

from starlette.requests import Request
from starlette.responses import HTMLResponse, Response

from cloud.payments import pages
from cloud.payments.service import BodyTooLarge, Service, form_fields, log, read_body
from cloud.payments.store import DatabaseUnavailable

PLAN_NAMES = {"monthly": "the paid plan for one month", "yearly": "the paid plan for one year"}
NOT_VERIFIED = "We could not confirm this payment with Razorpay, so your plan has not changed."


def _html(text: str, status: int = 200) -> HTMLResponse:
    headers = {
        "Content-Security-Policy": pages.CSP,
        "Cache-Control": "no-store",
        "Referrer-Policy": "no-referrer",
        "X-Frame-Options": "DENY",
    }
    return HTMLResponse(text, status_code=status, headers=headers)


async def checkout_page(service: Service, request: Request) -> Response:
    order_id = request.path_params["order_id"]
    missing = _html(
        pages.message("Payment page not found", "Start again from PracticeCraft's Upgrade page."),
        404,
    )
    if not service.page_token_matches(order_id, request.query_params.get("t", "")):
        return missing
    try:
        order = await service.store.checkout(order_id)
    except DatabaseUnavailable:
        return _html(pages.message("Please try again", "Payments are unavailable just now."), 503)
    if order is None:
        return missing
    if order.status in ("captured", "refunded"):
        return _html(pages.message("Already paid", "This order has been paid already."))
    options = {
        "key": service.razorpay.key_id,
        "amount": order.amount_paise,
        "currency": order.currency,
        "order_id": order_id,
        "name": "PracticeCraft",
        "description": PLAN_NAMES.get(order.plan or "", "the paid plan"),
        "prefill": {"email": order.email or ""},
        "callback_url": service.callback_url(str(order.ref)),
        "redirect": True,
    }
    what = PLAN_NAMES.get(order.plan or "", "the paid plan")
    return _html(pages.checkout(options, what, order.amount_paise))


async def checkout_callback(service: Service, request: Request) -> Response:
    try:
        fields = form_fields(await read_body(request, 64 * 1024))
    except BodyTooLarge:
        return _html(pages.not_paid(NOT_VERIFIED), 402)
    try:
        return await _settle(service, request.query_params.get("ref", ""), fields)
    except DatabaseUnavailable as failure:
        log.warning("checkout callback not recorded: %s", failure)
        return _html(
            pages.message(
                "Please wait a moment",
                "We could not record your payment just now. If you paid, "
                "PracticeCraft shows your new plan within a few minutes.",
            ),
            503,
        )


async def _settle(service: Service, ref_text: str, fields: dict[str, Any]) -> Response:
    if any(name.startswith("error[") for name in fields):
        reason = fields.get("error[description]") or "Razorpay reported that the payment failed."
        await _refuse(service, fields, f"Razorpay reported: {reason}"[:500])
        return _html(pages.not_paid(str(reason)), 402)
    order_id = await _stored_order(service, ref_text)
    payment_id = str(fields.get("razorpay_payment_id", ""))
    signature = str(fields.get("razorpay_signature", ""))
    if order_id is None:
        return await _refuse(service, fields, "no order of ours has this reference")
    if fields.get("razorpay_order_id") != order_id:
        return await _refuse(service, fields, "the form names another order than the reference")
    if not payment_id or not service.razorpay.callback_is_genuine(order_id, payment_id, signature):
        return await _refuse(service, fields, "the signature does not match the stored order")
    outcome = await service.store.capture(
        order_id,
        payment_id,
        None,
        signature,
        {"id": payment_id, "order_id": order_id, "via": "checkout callback"},
    )
    await service.store.log(
        "checkout",
        f"checkout:{payment_id}",
        "checkout.callback",
        _loggable(fields),
        "processed",
        None,
    )
    if outcome["outcome"] in ("upgraded", "already_captured", "second_payment"):
        return _html(pages.paid(_date(outcome.get("period_end"))))
    return await _refuse(service, fields, f"not applied: {outcome['outcome']}")


async def _stored_order(service: Service, ref_text: str) -> str | None:
    try:
        ref = uuid.UUID(ref_text)
    except ValueError:
        return None
    return await service.store.order_of(ref)


async def _refuse(service: Service, fields: dict[str, Any], why: str) -> Response:
    await service.store.log("checkout", None, "checkout.callback", _loggable(fields), "failed", why)
    return _html(pages.not_paid(NOT_VERIFIED), 402)


def _loggable(fields: dict[str, Any]) -> dict[str, Any]:
    return {str(k)[:100]: str(v)[:1000] for k, v in list(fields.items())[:30]}


def _date(period_end: Any) -> str | None:
    """The period's last day, as a reader in India would write it."""
    return str(period_end)[:10] if period_end else None
