"""A local stand-in for the part of Razorpay's API the payments service uses.

It answers as Razorpay does (entities, collections, error bodies, HTTP basic auth with the key
id and secret): POST /v1/orders, GET /v1/orders/{id}, GET /v1/orders/{id}/payments and
GET /v1/payments/{id}. The test plays the buyer and Razorpay's back office with `pay`,
`fail_payment` and `refund`, and gets what Razorpay would send with `callback_form` and
`webhook`, signed with hmac here, independently of the code under test.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import itertools
import json
import secrets
import threading
import time
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

_ids = itertools.count(1)


def new_id(prefix: str) -> str:
    """Razorpay's ids: a prefix and 14 characters."""
    return f"{prefix}_{secrets.token_hex(4).upper()}{next(_ids):06d}"


def hmac_hex(secret: str, message: str | bytes) -> str:
    data = message.encode() if isinstance(message, str) else message
    return hmac.new(secret.encode(), data, hashlib.sha256).hexdigest()


@dataclass
class Webhook:
    body: bytes
    headers: dict[str, str]


@dataclass
class RazorpayStandIn:
    key_id: str = "rzp_test_standin"
    key_secret: str = field(default_factory=lambda: secrets.token_urlsafe(18))
    webhook_secret: str = field(default_factory=lambda: secrets.token_urlsafe(18))
    orders: dict[str, dict[str, Any]] = field(default_factory=dict)
    payments: dict[str, dict[str, Any]] = field(default_factory=dict)
    order_posts: list[dict[str, Any]] = field(default_factory=list)
    fail_creates_with: int | None = None  # answer POST /v1/orders with this status
    delay: float = 0.0
    _server: ThreadingHTTPServer | None = None
    _lock: threading.Lock = field(default_factory=threading.Lock)

    @property
    def url(self) -> str:
        assert self._server is not None, "start() the stand-in first"
        return f"http://127.0.0.1:{self._server.server_address[1]}"

    def start(self) -> RazorpayStandIn:
        self._server = ThreadingHTTPServer(("127.0.0.1", 0), _handler_for(self))
        self._server.daemon_threads = True
        threading.Thread(target=self._server.serve_forever, daemon=True).start()
        return self

    def stop(self) -> None:
        if self._server is not None:
            self._server.shutdown()
            self._server.server_close()

    # -- the API --------------------------------------------------------------------------

    def create_order(self, body: dict[str, Any]) -> tuple[int, dict[str, Any]]:
        self.order_posts.append(body)
        if self.fail_creates_with is not None:
            return self.fail_creates_with, _error("SERVER_ERROR", "We are facing some trouble")
        amount, receipt = body.get("amount"), body.get("receipt")
        if not isinstance(amount, int) or amount < 100:
            return 400, _error("BAD_REQUEST_ERROR", "The amount must be atleast INR 1.00")
        if receipt is not None and len(str(receipt)) > 40:
            return 400, _error(
                "BAD_REQUEST_ERROR", "receipt: may not be greater than 40 characters"
            )
        order = {
            "id": new_id("order"),
            "entity": "order",
            "amount": amount,
            "amount_paid": 0,
            "amount_due": amount,
            "currency": body.get("currency", "INR"),
            "receipt": receipt,
            "offer_id": None,
            "status": "created",
            "attempts": 0,
            "notes": body.get("notes", []),
            "created_at": int(time.time()),
        }
        with self._lock:
            self.orders[order["id"]] = order
        return 200, order

    def get(self, path: str) -> tuple[int, dict[str, Any]]:
        parts = path.strip("/").split("/")
        with self._lock:
            if parts[:2] == ["v1", "orders"] and len(parts) == 3 and parts[2] in self.orders:
                return 200, self.orders[parts[2]]
            order_payments = parts[:2] == ["v1", "orders"] and parts[3:] == ["payments"]
            if order_payments and len(parts) == 4 and parts[2] in self.orders:
                items = [p for p in self.payments.values() if p["order_id"] == parts[2]]
                return 200, {"entity": "collection", "count": len(items), "items": items}
            if parts[:2] == ["v1", "payments"] and len(parts) == 3 and parts[2] in self.payments:
                return 200, self.payments[parts[2]]
        return 400, _error("BAD_REQUEST_ERROR", "The id provided does not exist")

    # -- what buyers and the back office do ----------------------------------------------------

    def pay(
        self, order_id: str, status: str = "captured", amount: int | None = None
    ) -> dict[str, Any]:
        """A buyer pays the order (captured at once, as with automatic capture)."""
        with self._lock:
            order = self.orders[order_id]
            payment = {
                "id": new_id("pay"),
                "entity": "payment",
                "amount": amount or order["amount"],
                "currency": order["currency"],
                "status": status,
                "order_id": order_id,
                "method": "upi",
                "amount_refunded": 0,
                "refund_status": None,
                "captured": status == "captured",
                "email": "buyer@example.com",
                "error_code": None,
                "error_description": None,
                "created_at": int(time.time()),
            }
            self.payments[payment["id"]] = payment
            order["attempts"] += 1
            order["status"] = "paid" if status == "captured" else "attempted"
            if status == "captured":
                order["amount_paid"], order["amount_due"] = order["amount"], 0
        return dict(payment)

    def fail_payment(self, order_id: str) -> dict[str, Any]:
        payment = self.pay(order_id, status="failed")
        with self._lock:
            self.payments[payment["id"]].update(
                error_code="BAD_REQUEST_ERROR",
                error_description="Payment was cancelled by the user",
            )
            return dict(self.payments[payment["id"]])

    def refund(self, payment_id: str, amount: int | None = None) -> dict[str, Any]:
        with self._lock:
            payment = self.payments[payment_id]
            refunded = amount or payment["amount"]
            payment["amount_refunded"] += refunded
            full = payment["amount_refunded"] >= payment["amount"]
            payment["status"] = "refunded" if full else payment["status"]
            payment["refund_status"] = "full" if full else "partial"
            return {
                "id": new_id("rfnd"),
                "entity": "refund",
                "amount": refunded,
                "currency": payment["currency"],
                "payment_id": payment_id,
                "status": "processed",
                "created_at": int(time.time()),
            }

    def callback_form(self, order_id: str, payment_id: str) -> dict[str, str]:
        """What Checkout posts to the callback URL after a successful payment."""
        return {
            "razorpay_payment_id": payment_id,
            "razorpay_order_id": order_id,
            "razorpay_signature": hmac_hex(self.key_secret, f"{order_id}|{payment_id}"),
        }

    def webhook(
        self,
        event: str,
        payment: dict[str, Any],
        refund: dict[str, Any] | None = None,
        event_id: str | None = None,
        indent: int | None = None,
    ) -> Webhook:
        """A delivery of `event`, signed over its raw body with the webhook secret."""
        payload: dict[str, Any] = {"payment": {"entity": payment}}
        if event == "order.paid":
            payload["order"] = {"entity": self.orders[payment["order_id"]]}
        if refund is not None:
            payload["refund"] = {"entity": refund}
        document = {
            "entity": "event",
            "account_id": "acc_StandIn000001",
            "event": event,
            "contains": sorted(payload),
            "payload": payload,
            "created_at": int(time.time()),
        }
        body = json.dumps(document, indent=indent, separators=None if indent else (",", ":"))
        raw = body.encode()
        return Webhook(
            raw,
            {
                "Content-Type": "application/json",
                "X-Razorpay-Signature": hmac_hex(self.webhook_secret, raw),
                "X-Razorpay-Event-Id": event_id or new_id("evt"),
            },
        )


def _error(code: str, description: str) -> dict[str, Any]:
    return {
        "error": {
            "code": code,
            "description": description,
            "source": "NA",
            "step": "NA",
            "reason": "NA",
            "metadata": {},
        }
    }


def _handler_for(standin: RazorpayStandIn) -> type[BaseHTTPRequestHandler]:
    expected = (
        "Basic " + base64.b64encode(f"{standin.key_id}:{standin.key_secret}".encode()).decode()
    )

    class Handler(BaseHTTPRequestHandler):
        def log_message(self, format: str, *args: Any) -> None:
            pass  # quiet: the tests read the stand-in's state instead

        def _answer(self, status: int, body: dict[str, Any]) -> None:
            data = json.dumps(body).encode()
            self.send_response(status)
            self.send_header("Content-Type", "application/json")
            self.send_header("Content-Length", str(len(data)))
            self.end_headers()
            self.wfile.write(data)

        def _authorised(self) -> bool:
            if self.headers.get("Authorization") == expected:
                return True
            self._answer(401, _error("BAD_REQUEST_ERROR", "Authentication failed"))
            return False

        def do_POST(self) -> None:
            time.sleep(standin.delay)
            length = int(self.headers.get("Content-Length") or 0)
            raw = self.rfile.read(length)
            if not self._authorised():
                return
            if self.path != "/v1/orders":
                self._answer(404, _error("BAD_REQUEST_ERROR", "The requested URL was not found"))
                return
            self._answer(*standin.create_order(json.loads(raw or b"{}")))

        def do_GET(self) -> None:
            time.sleep(standin.delay)
            if self._authorised():
                self._answer(*standin.get(self.path.split("?")[0]))

    return Handler
