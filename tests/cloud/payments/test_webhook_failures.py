"""A webhook the database cannot apply in time is answered 503 well within Razorpay's 5 s, and
the same delivery, sent again, is applied: a failure never uses up an event id."""

from __future__ import annotations

import time

import psycopg

from tests.cloud.payments.conftest import RunningService
from tests.cloud.payments.flows import Conn, deliver, ordered, subscription
from tests.cloud.payments.standin import RazorpayStandIn


def test_a_webhook_that_cannot_be_applied_in_time_is_answered_503_and_applied_when_resent(
    service: RunningService, razorpay: RazorpayStandIn, db: Conn, buyer: str, postgres_dsn: str
) -> None:
    made = ordered(service, buyer)
    payment = razorpay.pay(made["order_id"])
    delivery = razorpay.webhook("payment.captured", payment)
    with psycopg.connect(postgres_dsn) as blocker:  # someone holds the order row for a while
        blocker.execute(
            "SELECT 1 FROM public.payment_events WHERE razorpay_order_id = %s FOR UPDATE",
            (made["order_id"],),
        )
        started = time.monotonic()
        answer = deliver(service, delivery)
        took = time.monotonic() - started
        blocker.rollback()
    assert answer.status_code == 503
    assert took < 5
    assert subscription(db, buyer)["tier"] == "free"
    logged = db.execute(
        "SELECT status FROM public.webhook_logs WHERE event_id = %s",
        (delivery.headers["X-Razorpay-Event-Id"],),
    ).fetchone()
    assert logged == {"status": "failed"}

    assert deliver(service, delivery).status_code == 200  # Razorpay's retry
    assert subscription(db, buyer)["tier"] == "paid"


def test_health_and_webhooks_answer_503_when_the_database_is_away(
    razorpay: RazorpayStandIn, service_dsn: str
) -> None:
    from cloud.devstack.server import listening_socket
    from tests.cloud.payments.conftest import settings_for

    closed = listening_socket(0)
    dead = f"postgresql://nobody@127.0.0.1:{closed.getsockname()[1]}/postgres?connect_timeout=1"
    running = RunningService(settings_for(razorpay, dead))
    try:
        running.start(ready_status=503)
        started = time.monotonic()
        made_up = razorpay.webhook("payment.captured", {"id": "pay_x", "order_id": "order_x"})
        answer = deliver(running, made_up)
        assert (answer.status_code, time.monotonic() - started < 5) == (503, True)
    finally:
        running.stop()
        closed.close()
