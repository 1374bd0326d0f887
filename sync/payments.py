"""Buying the paid tier: ask the payments service for a Razorpay order, then watch the tier.

The desktop never handles money or decides a tier: the service (cloud/payments) makes the
order with the amount from its own price table and verifies the payment; the app opens the
service's checkout page in the system browser and then asks the server for its entitlement
until the tier changes.
"""

from __future__ import annotations

import json
import os
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import httpx

from sync.account import Cloud
from sync.errors import NotConnected, Offline, ServerBusy, SyncError
from sync.settings import load_account, release_defaults

PAYMENTS_VARIABLE = "PRACTICECRAFT_PAYMENTS_URL"


class PaymentRefused(SyncError):
    """The payments service said no (an unknown plan, too many tries); its words say why."""


@dataclass(frozen=True)
class Order:
    order_id: str
    amount_paise: int
    currency: str
    checkout_url: str


def payments_url(data_dir: Path) -> str:
    """Where the payments service is: the environment, `account.json`, or the release's."""
    url = (
        os.environ.get(PAYMENTS_VARIABLE)
        or load_account(data_dir).payments_url
        or release_defaults().get("payments_url", "")
    )
    if not url:
        raise NotConnected(
            f"no payments service is set for this copy of PracticeCraft (set {PAYMENTS_VARIABLE})"
        )
    return url.rstrip("/")


def create_order(cloud: Cloud, service: str, plan: str) -> Order:
    """A Razorpay order for `plan`, made by the service for the signed-in account."""
    body = json.dumps({"plan": plan}).encode()
    asked = time.monotonic()
    response = _post(cloud.session.http, f"{service}/v1/orders", body, cloud.session.access_token())
    if response.status_code == 401:
        token = cloud.session.renew(since=asked)
        response = _post(cloud.session.http, f"{service}/v1/orders", body, token)
    answer = _answer(response)
    try:
        return Order(
            str(answer["order_id"]), int(answer["amount"]), str(answer["currency"]),
            str(answer["checkout_url"]),
        )  # fmt: skip
    except (KeyError, TypeError, ValueError) as error:
        raise SyncError(f"the payments service answered oddly: {error}") from error


def _post(http: httpx.Client, url: str, body: bytes, token: str) -> httpx.Response:
    headers = {"Authorization": f"Bearer {token}", "Content-Type": "application/json"}
    try:
        return http.post(url, content=body, headers=headers, timeout=30.0)
    except httpx.TransportError as error:
        raise Offline(
            f"could not reach the payments service ({type(error).__name__}); paying needs the "
            "internet"
        ) from error


def _answer(response: httpx.Response) -> dict[str, Any]:
    try:
        answer = response.json()
    except ValueError:
        answer = {}
    if response.is_success and isinstance(answer, dict):
        return answer
    said = answer.get("error") if isinstance(answer, dict) else None
    if response.status_code >= 500:
        raise ServerBusy(f"the payments service is busy: {said or response.status_code}")
    raise PaymentRefused(str(said or f"the payments service refused ({response.status_code})"))
