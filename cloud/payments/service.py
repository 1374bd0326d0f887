"""What every endpoint shares: the settings, the database, Razorpay and the token check."""

from __future__ import annotations

import hashlib
import hmac
import logging
from dataclasses import dataclass
from typing import Any
from urllib.parse import parse_qsl

from starlette.requests import Request
from starlette.responses import JSONResponse

from cloud.payments.config import Settings
from cloud.payments.razorpay_api import Razorpay
from cloud.payments.store import Store
from cloud.payments.tokens import TokenVerifier

log = logging.getLogger("practicecraft.payments")
MAX_BODY = 1024 * 1024  # Razorpay's webhooks and form posts are a few kilobytes


class BodyTooLarge(Exception):
    """The request body is larger than any honest caller sends."""


@dataclass
class Service:
    settings: Settings
    store: Store
    razorpay: Razorpay
    tokens: TokenVerifier

    def page_token(self, order_id: str) -> str:
        """What a checkout URL carries so that only its buyer (who got it) opens the page."""
        key = hmac.new(self.settings.key_secret.encode(), b"checkout-page", hashlib.sha256)
        return hmac.new(key.digest(), order_id.encode(), hashlib.sha256).hexdigest()[:32]

    def page_token_matches(self, order_id: str, token: str) -> bool:
        return token.isascii() and hmac.compare_digest(self.page_token(order_id), token)

    def checkout_url(self, order_id: str) -> str:
        return f"{self.settings.public_url}/v1/checkout/{order_id}?t={self.page_token(order_id)}"

    def callback_url(self, ref: str) -> str:
        return f"{self.settings.public_url}/v1/checkout/callback?ref={ref}"


def error(status: int, sentence: str, **headers: str) -> JSONResponse:
    return JSONResponse({"error": sentence}, status_code=status, headers=headers or None)


async def read_body(request: Request, limit: int = MAX_BODY) -> bytes:
    """The raw body, refused past `limit` bytes before it is all read."""
    chunks: list[bytes] = []
    size = 0
    async for chunk in request.stream():
        size += len(chunk)
        if size > limit:
            raise BodyTooLarge(f"more than {limit} bytes")
        chunks.append(chunk)
    return b"".join(chunks)


def form_fields(raw: bytes) -> dict[str, Any]:
    """An application/x-www-form-urlencoded body (the last value of a repeated field)."""
    return dict(parse_qsl(raw.decode("utf-8", "replace"), keep_blank_values=True))
