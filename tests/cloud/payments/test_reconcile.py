"""Reconciliation recovers payments whose webhook and callback never arrived, idempotently."""

from __future__ import annotations

import asyncio
import os
import time
from dataclasses import replace
from datetime import timedelta
from typing import Any

from click.testing import CliRunner

from cloud.devstack.server import listening_socket
from cloud.payments.__main__ import main
from cloud.payments.app import build_service
from cloud.payments.reconcile import Report, reconcile
from tests.cloud.payments.conftest import RunningService, settings_for
from tests.cloud.payments.flows import (
    Conn,
    deliver,
    ordered,
    payment_row,
    server_state,
    subscription,
)
from tests.cloud.payments.standin import RazorpayStandIn


def reconcile_once(service: RunningService) -> Report:
    async def run() -> Report:
        fresh = build_service(service.settings)
        await fresh.store.open()
        try:
            return await reconcile(fresh.store, fresh.razorpay, timedelta(days=7))
        finally:
            await fresh.store.close()

    return asyncio.run(run())


def test_reconciliation_recovers_a_lost_webhook(
    service: RunningService, razorpay: RazorpayStandIn, db: Conn, buyer: str
) -> None:
    made = ordered(service, buyer)
    razorpay.pay(made["order_id"])  # the browser closed; every webhook was lost
    assert subscription(db, buyer)["tier"] == "free"
    report = reconcile_once(service)
    assert report.upgraded >= 1  # other tests' buyers may have paid without a word too
    assert subscription(db, buyer)["tier"] == "paid"
    assert payment_row(db, made["order_id"])["status"] == "captured"


def test_reconciling_again_changes_nothing(
    service: RunningService, razorpay: RazorpayStandIn, db: Conn, buyer: str
) -> None:
    made = ordered(service, buyer)
    payment = razorpay.pay(made["order_id"])
    reconcile_once(service)
    after_first = server_state(db, buyer)
    assert reconcile_once(service).upgraded == 0
    assert server_state(db, buyer) == after_first
    deliver(service, razorpay.webhook("payment.captured", payment))  # the webhook, late
    assert server_state(db, buyer) == after_first


def test_reconciliation_records_a_refund_without_upgrading(
    service: RunningService, razorpay: RazorpayStandIn, db: Conn, buyer: str
) -> None:
    made = ordered(service, buyer)
    payment = razorpay.pay(made["order_id"])
    razorpay.refund(payment["id"])
    reconcile_once(service)
    assert subscription(db, buyer)["tier"] == "free"
    assert payment_row(db, made["order_id"])["status"] == "refunded"


def test_reconciliation_leaves_an_unpaid_order_open(
    service: RunningService, razorpay: RazorpayStandIn, db: Conn, buyer: str
) -> None:
    made = ordered(service, buyer)
    reconcile_once(service)
    assert payment_row(db, made["order_id"])["status"] == "created"


def test_reconciliation_reports_razorpay_unreachable_and_changes_nothing(
    service: RunningService, razorpay: RazorpayStandIn, db: Conn, buyer: str
) -> None:
    made = ordered(service, buyer)
    razorpay.pay(made["order_id"])
    before = server_state(db, buyer)
    nobody_there = listening_socket(0)  # bound, never listening: connections are refused
    service.settings = replace(
        service.settings,
        razorpay_base_url=f"http://127.0.0.1:{nobody_there.getsockname()[1]}",
    )
    report = reconcile_once(service)
    nobody_there.close()
    assert report.problems and "could not be reached" in report.problems[0]
    assert server_state(db, buyer) == before


def test_the_service_reconciles_on_a_timer(
    razorpay: RazorpayStandIn, service_dsn: str, db: Conn, buyer: str
) -> None:
    running = RunningService(settings_for(razorpay, service_dsn, reconcile_every=0.2)).start()
    try:
        made = ordered(running, buyer)
        razorpay.pay(made["order_id"])
        deadline = time.monotonic() + 10
        while subscription(db, buyer)["tier"] != "paid" and time.monotonic() < deadline:
            time.sleep(0.1)
    finally:
        running.stop()
    assert subscription(db, buyer)["tier"] == "paid"


def environment_for(service: RunningService) -> dict[str, Any]:
    settings = service.settings
    return {
        "RAZORPAY_KEY_ID": settings.key_id,
        "RAZORPAY_KEY_SECRET": settings.key_secret,
        "RAZORPAY_WEBHOOK_SECRET": settings.webhook_secret,
        "DATABASE_URL": settings.database_url,
        "PUBLIC_URL": settings.public_url,
        "SUPABASE_JWT_SECRET": settings.jwt_secret,
        "RAZORPAY_BASE_URL": settings.razorpay_base_url,
    }


def test_the_reconcile_command_recovers_a_lost_webhook_and_says_so(
    service: RunningService, razorpay: RazorpayStandIn, db: Conn, buyer: str
) -> None:
    made = ordered(service, buyer)
    razorpay.pay(made["order_id"])
    env = {k: v for k, v in os.environ.items() if k not in environment_for(service)}
    done = CliRunner().invoke(main, ["reconcile"], env={**env, **environment_for(service)})
    assert "orders checked:" in done.output and "upgraded:" in done.output, done.output
    assert subscription(db, buyer)["tier"] == "paid"
