"""POST /v1/webhooks/razorpay: Razorpay's events, verified over the raw body.

The signature is HMAC-SHA256(webhook secret, body) over the body's decoded text exactly as it
arrived (never re-serialised JSON). A delivery that fails it is logged under a fresh id (its
event id cannot be trusted) and refused. A genuine one is applied in one database call that
logs it, skips an event id seen before and applies the event under the order's lock, so five
deliveries, or a delivery racing the checkout callback, give one upgrade. It answers as soon as
that call returns (Razorpay resends what is not answered 2xx within 5 s); a database failure
answers 503, so Razorpay delivers the event again.
"""

from __future__ import annotations

import hashlib
import json
from typing import Any

from starlette.requests import Request
from starlette.responses import JSONResponse, Response

from cloud.payments.razorpay_api import webhook_is_genuine
from cloud.payments.service import BodyTooLarge, Service, error, log, read_body
from cloud.payments.store import DatabaseUnavailable

KEPT_OF_A_REFUSED_BODY = 10_000  # characters of a refused delivery kept for the log


async def receive(service: Service, request: Request) -> Response:
    try:
        raw = await read_body(request)
    except BodyTooLarge:
        return error(413, "This body is larger than any Razorpay event.")
    text = _text(raw)
    signature = request.headers.get("x-razorpay-signature")
    event_id = request.headers.get("x-razorpay-event-id")
    try:
        if text is None or not webhook_is_genuine(text, signature, service.settings.webhook_secret):
            await _refused(service, text, event_id, "the signature does not match")
            return error(400, "The signature does not match this body.")
        event = _event(text)
        if event is None:
            await _refused(service, text, event_id, "a signed body that is not a Razorpay event")
            return error(400, "This is not a Razorpay event.")
        key = event_id or "sha256:" + hashlib.sha256(raw).hexdigest()
        outcome = await _apply(service, key, event)
    except DatabaseUnavailable as failure:
        log.warning("webhook %s not applied: %s", event_id, failure)
        return error(503, "Not recorded; please deliver it again.")
    return JSONResponse({"received": True, "duplicate": outcome.get("duplicate", False)})


async def _apply(service: Service, key: str, event: dict[str, Any]) -> dict[str, Any]:
    event_type = str(event.get("event", ""))[:100]
    try:
        return await service.store.webhook(key, event_type, event)
    except DatabaseUnavailable as failure:
        # Leave a trace; the event id stays open, so Razorpay's next delivery is applied.
        try:
            await service.store.log("razorpay", key, event_type, event, "failed", str(failure))
        except DatabaseUnavailable:
            log.warning("webhook %s: could not log the failure either", key)
        raise


async def _refused(service: Service, text: str | None, event_id: str | None, why: str) -> None:
    kept = {
        "event_id_header": (event_id or "")[:200],
        "body": (text or "")[:KEPT_OF_A_REFUSED_BODY],
    }
    await service.store.log("razorpay", None, "refused", kept, "failed", why)


def _text(raw: bytes) -> str | None:
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError:
        return None


def _event(text: str) -> dict[str, Any] | None:
    try:
        event = json.loads(text)
    except ValueError:
        return None
    if not isinstance(event, dict) or not isinstance(event.get("event"), str):
        return None
    return event
