"""`bench payments`: Razorpay webhooks verified and applied by one payments-service process.

A throwaway PostgreSQL (Supabase's base and our migrations) gets USERS accounts and WEBHOOKS
open orders, made through the service's own function. The service runs as one process
(`python -m cloud.payments serve`, one uvicorn worker, its access log on) on 127.0.0.1,
connecting as a login role with only the `payments_service` rights. The bench then POSTs one signed
`payment.captured` delivery per order to /v1/webhooks/razorpay, CONCURRENCY at a time over
keep-alive connections, as Razorpay's senders would: each one is verified over its raw body,
logged, de-duplicated and applied (the order marked captured and the account's period
extended, in one transaction). Reported: webhooks per second over the whole run, and the
p50 / p99 of each delivery's round trip in ms. Targets from the issue: at least 300 webhooks/s
and p99 under 50 ms. A WARMUP of deliveries (their own orders) goes first, unmeasured.
"""

from __future__ import annotations

import asyncio
import hashlib
import hmac
import json
import math
import os
import secrets
import subprocess
import sys
import tempfile
import time
import uuid
from collections.abc import Iterator
from typing import IO, Any

import httpx
import psycopg
from psycopg.types.json import Jsonb

from cloud.devstack.postgres import LocalPostgres
from cloud.devstack.server import listening_socket
from cloud.migrations import prepare

USERS = 200
WEBHOOKS = 3000
WARMUP = 100
CONCURRENCY = 8
TARGETS = {"webhooks_per_s": 300.0, "p99_ms": 50.0}
SERVICE_LOGIN = "payments_bench"


def run() -> Iterator[dict[str, Any]]:
    cluster = LocalPostgres.throwaway(prefix="practicecraft-pg-bench-")
    try:
        cluster.start()
        prepare(cluster.dsn())
        orders = _load(cluster, WARMUP + WEBHOOKS)
        secret = secrets.token_urlsafe(24)
        with _service(cluster, secret) as url:
            deliveries = [_delivery(order, secret) for order in orders]
            asyncio.run(_send(url, deliveries[:WARMUP]))
            started = time.perf_counter()
            latencies = asyncio.run(_send(url, deliveries[WARMUP:]))
            elapsed = time.perf_counter() - started
        yield _figures(cluster, latencies, elapsed)
    finally:
        cluster.remove()


def _load(cluster: LocalPostgres, count: int) -> list[str]:
    """`count` open orders of 29,900 paise spread over USERS accounts; their order ids."""
    users = [str(uuid.uuid4()) for _ in range(USERS)]
    orders = [f"order_bench{n:09d}" for n in range(count)]
    with psycopg.connect(cluster.dsn(), autocommit=True) as conn, conn.transaction():
        conn.execute(f"CREATE ROLE {SERVICE_LOGIN} LOGIN IN ROLE payments_service")
        with conn.cursor() as cursor:
            cursor.executemany(
                "INSERT INTO auth.users (id, email) VALUES (%s, %s)",
                [(user, f"{user[:8]}@bench.test") for user in users],
            )
            cursor.executemany(
                "SELECT private.payments_record_order(%s, %s, 'monthly', 29900, %s)",
                [
                    (uuid.uuid4(), users[n % USERS], Jsonb({"id": order, "amount": 29900}))
                    for n, order in enumerate(orders)
                ],
            )
    return orders


class _service:
    """`python -m cloud.payments serve` in its own process, until the block ends."""

    def __init__(self, cluster: LocalPostgres, webhook_secret: str) -> None:
        listener = listening_socket(0)
        self.port = listener.getsockname()[1]
        listener.close()
        self.env = {
            **os.environ,
            "RAZORPAY_KEY_ID": "rzp_test_bench",
            "RAZORPAY_KEY_SECRET": secrets.token_urlsafe(18),
            "RAZORPAY_WEBHOOK_SECRET": webhook_secret,
            "DATABASE_URL": cluster.url(user=SERVICE_LOGIN),
            "PUBLIC_URL": f"http://127.0.0.1:{self.port}",
            "SUPABASE_JWT_SECRET": secrets.token_urlsafe(32),
            "RAZORPAY_BASE_URL": "http://127.0.0.1:9",  # never called: no orders are made
            "RECONCILE_INTERVAL_SECONDS": "0",
        }
        self._process: subprocess.Popen[bytes] | None = None
        self._log: IO[bytes] = tempfile.TemporaryFile()  # noqa: SIM115 (closed in __exit__)

    def __enter__(self) -> str:
        # As deployed: one uvicorn worker, access log on (to /dev/null here).
        command = [sys.executable, "-m", "cloud.payments", "serve", "--port", str(self.port)]
        # The server's log goes to a file: a pipe nobody reads could fill up and stall it.
        self._process = subprocess.Popen(
            command, env=self.env, stdout=subprocess.DEVNULL, stderr=self._log
        )
        url = self.env["PUBLIC_URL"]
        deadline = time.monotonic() + 30
        while time.monotonic() < deadline:
            if self._process.poll() is not None:
                self._log.seek(0)
                raise RuntimeError(f"the service stopped: {self._log.read().decode()[-2000:]}")
            try:
                if httpx.get(f"{url}/v1/health", timeout=1).status_code == 200:
                    return url
            except httpx.TransportError:
                time.sleep(0.1)
        raise RuntimeError("the payments service did not start")

    def __exit__(self, *_: object) -> None:
        if self._process is not None:
            self._process.terminate()
            self._process.wait(timeout=15)
        self._log.close()


def _delivery(order_id: str, secret: str) -> tuple[bytes, dict[str, str]]:
    """A payment.captured event for the order, as Razorpay sends it, signed over its body."""
    payment = {
        "id": f"pay_{order_id[-14:]}",
        "entity": "payment",
        "amount": 29900,
        "currency": "INR",
        "status": "captured",
        "order_id": order_id,
        "method": "upi",
        "amount_refunded": 0,
        "captured": True,
        "email": "bench@example.test",
        "created_at": int(time.time()),
    }
    event = {
        "entity": "event",
        "account_id": "acc_bench",
        "event": "payment.captured",
        "contains": ["payment"],
        "payload": {"payment": {"entity": payment}},
        "created_at": int(time.time()),
    }
    body = json.dumps(event, separators=(",", ":")).encode()
    signature = hmac.new(secret.encode(), body, hashlib.sha256).hexdigest()
    return body, {
        "Content-Type": "application/json",
        "X-Razorpay-Signature": signature,
        "X-Razorpay-Event-Id": f"evt_{order_id[-14:]}",
    }


async def _send(url: str, deliveries: list[tuple[bytes, dict[str, str]]]) -> list[float]:
    """Every delivery, CONCURRENCY at a time over keep-alive connections; each round trip in ms.

    A few lines of HTTP/1.1 over asyncio streams rather than a full client, so the bench's own
    CPU (on the same machine as the service and PostgreSQL) weighs as little as it can.
    """
    queue = list(reversed(deliveries))
    latencies: list[float] = []
    host, port = url.removeprefix("http://").split(":")

    async def sender() -> None:
        reader, writer = await asyncio.open_connection(host, int(port))
        try:
            while queue:
                body, headers = queue.pop()
                started = time.perf_counter()
                writer.write(_request(host, body, headers))
                status, _answer = await _response(reader)
                latencies.append((time.perf_counter() - started) * 1000)
                if status != 200:
                    raise RuntimeError(f"webhook answered {status}: {_answer!r}")
        finally:
            writer.close()

    await asyncio.gather(*(sender() for _ in range(CONCURRENCY)))
    return latencies


def _request(host: str, body: bytes, headers: dict[str, str]) -> bytes:
    lines = [
        "POST /v1/webhooks/razorpay HTTP/1.1",
        f"Host: {host}",
        f"Content-Length: {len(body)}",
        *(f"{k}: {v}" for k, v in headers.items()),
    ]
    return ("\r\n".join(lines) + "\r\n\r\n").encode() + body


async def _response(reader: asyncio.StreamReader) -> tuple[int, bytes]:
    head = await reader.readuntil(b"\r\n\r\n")
    status = int(head.split(b" ", 2)[1])
    length = 0
    for line in head.split(b"\r\n"):
        name, _, value = line.partition(b":")
        if name.strip().lower() == b"content-length":
            length = int(value)
    return status, await reader.readexactly(length)


def _percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, max(0, math.ceil(share * len(ordered)) - 1))]


def _figures(cluster: LocalPostgres, latencies: list[float], elapsed: float) -> dict[str, Any]:
    with psycopg.connect(cluster.dsn()) as conn:
        row = conn.execute(
            "SELECT count(*) FILTER (WHERE status = 'processed'), count(*) FROM public.webhook_logs"
        ).fetchone()
    processed, logged = row if row else (0, 0)
    rate = len(latencies) / elapsed if elapsed else 0.0
    p50, p99 = _percentile(latencies, 0.50), _percentile(latencies, 0.99)
    return {
        "benchmark": "payments.webhooks",
        "webhooks": len(latencies),
        "concurrency": CONCURRENCY,
        "webhooks_per_s": round(rate, 1),
        "p50_ms": round(p50, 2),
        "p99_ms": round(p99, 2),
        "processed": processed,
        "logged": logged,
        "targets": TARGETS,
        "within_target": rate >= TARGETS["webhooks_per_s"] and p99 < TARGETS["p99_ms"],
    }
