"""Razorpay's API through the official SDK, with its sharp edges filed off.

- Every request has a timeout (the SDK sets none, so a hung connection would hang the order).
- Retries stay off (the SDK's `enable_retry` retries POSTs too, and orders have no idempotency
  key: a retried create can make two orders). A failed create is reported, and the buyer tries
  again with a new receipt.
- Signatures: the SDK's `verify_webhook_signature` wants the decoded text of the raw body (it
  calls `bytes(body, "utf-8")`), and `compare_digest` raises on a missing or non-ASCII
  signature; both are answered False here instead.
"""

from __future__ import annotations

import re
from typing import Any

import razorpay  # type: ignore[import-untyped]
import requests
from razorpay.errors import (  # type: ignore[import-untyped]
    BadRequestError,
    GatewayError,
    ServerError,
    SignatureVerificationError,
)

_SIGNATURE = re.compile(r"[0-9a-f]{64}")


class RazorpayUnavailable(Exception):
    """Razorpay did not answer in time, or answered with an error; the message says which."""


class RazorpayRefused(RazorpayUnavailable):
    """Razorpay answered that this request is wrong (an unknown id, a bad key, a bad field)."""


class _TimeoutSession(requests.Session):
    """A requests session whose every request has a timeout unless one is given."""

    def __init__(self, timeout: float) -> None:
        super().__init__()
        self._timeout = timeout

    def request(self, method: Any, url: Any, **kwargs: Any) -> requests.Response:  # type: ignore[override]
        kwargs.setdefault("timeout", self._timeout)
        return super().request(method, url, **kwargs)


class Razorpay:
    """The calls the service makes. Blocking (requests): run them off the event loop."""

    def __init__(self, key_id: str, key_secret: str, base_url: str, timeout: float) -> None:
        self.key_id = key_id
        self._client = razorpay.Client(
            session=_TimeoutSession(timeout), auth=(key_id, key_secret), base_url=base_url
        )

    def create_order(
        self, amount_paise: int, currency: str, receipt: str, notes: dict[str, str]
    ) -> dict[str, Any]:
        data = {"amount": amount_paise, "currency": currency, "receipt": receipt, "notes": notes}
        return self._call(self._client.order.create, data)

    def order(self, order_id: str) -> dict[str, Any]:
        return self._call(self._client.order.fetch, order_id)

    def order_payments(self, order_id: str) -> list[dict[str, Any]]:
        answer = self._call(self._client.order.payments, order_id)
        items: list[dict[str, Any]] = answer.get("items", [])
        return items

    def payment(self, payment_id: str) -> dict[str, Any]:
        return self._call(self._client.payment.fetch, payment_id)

    def _call(self, method: Any, *args: Any) -> dict[str, Any]:
        try:
            answer = method(*args)
        except BadRequestError as error:
            raise RazorpayRefused(f"Razorpay refused the request: {error}") from error
        except (GatewayError, ServerError) as error:
            raise RazorpayUnavailable(f"Razorpay failed the request: {error}") from error
        except requests.RequestException as error:
            raise RazorpayUnavailable(f"Razorpay could not be reached: {error}") from error
        if not isinstance(answer, dict):
            raise RazorpayUnavailable(f"Razorpay answered {type(answer).__name__}, not an object")
        return answer

    def callback_is_genuine(self, order_id: str, payment_id: str, signature: str) -> bool:
        """Whether `signature` is Razorpay's HMAC-SHA256(key secret, order_id|payment_id).

        `order_id` must be the one we stored, never the one the browser posted back.
        """
        if not _SIGNATURE.fullmatch(signature or ""):
            return False
        params = {
            "razorpay_order_id": order_id,
            "razorpay_payment_id": payment_id,
            "razorpay_signature": signature,
        }
        try:
            return bool(self._client.utility.verify_payment_signature(params))
        except SignatureVerificationError:
            return False


def webhook_is_genuine(body_text: str, signature: str | None, secret: str) -> bool:
    """Whether `signature` is HMAC-SHA256(webhook secret, body) over the raw body's text."""
    if signature is None or not _SIGNATURE.fullmatch(signature):
        return False
    utility = razorpay.Utility()
    try:
        return bool(utility.verify_webhook_signature(body_text, signature, secret))
    except SignatureVerificationError:
        return False
