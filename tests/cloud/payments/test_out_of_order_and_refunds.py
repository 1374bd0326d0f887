"""Events in any order never downgrade a paid user wrongly; a refund takes back its period."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from tests.cloud.payments.conftest import RunningService
from tests.cloud.payments.flows import (
    Conn,
    deliver,
    months_after,
    ordered,
    pay_through_checkout,
    payment_row,
    server_state,
    subscription,
)
from tests.cloud.payments.standin import RazorpayStandIn


def test_a_full_refund_of_the_current_period_downgrades_to_free(
    service: RunningService, razorpay: RazorpayStandIn, db: Conn, buyer: str
) -> None:
    made, payment, _ = pay_through_checkout(service, razorpay, buyer)
    refund = razorpay.refund(payment["id"])
    refunded = razorpay.payments[payment["id"]]
    assert (
        deliver(service, razorpay.webhook("refund.processed", refunded, refund)).status_code == 200
    )
    assert subscription(db, buyer)["tier"] == "free"
    assert subscription(db, buyer)["current_period_end"] <= datetime.now(UTC)
    assert payment_row(db, made["order_id"])["status"] == "refunded"


def test_refunding_a_later_bought_period_keeps_the_current_one(
    service: RunningService, razorpay: RazorpayStandIn, db: Conn, buyer: str
) -> None:
    first, _, _ = pay_through_checkout(service, razorpay, buyer)
    _, second_payment, _ = pay_through_checkout(service, razorpay, buyer, "yearly")
    refund = razorpay.refund(second_payment["id"])
    deliver(
        service,
        razorpay.webhook("refund.processed", razorpay.payments[second_payment["id"]], refund),
    )
    sub = subscription(db, buyer)
    assert sub["tier"] == "paid"
    assert sub["current_period_end"] == payment_row(db, first["order_id"])["period_end"]


def test_a_partial_refund_leaves_the_tier(
    service: RunningService, razorpay: RazorpayStandIn, db: Conn, buyer: str
) -> None:
    _, payment, _ = pay_through_checkout(service, razorpay, buyer)
    before = subscription(db, buyer)["current_period_end"]
    refund = razorpay.refund(payment["id"], amount=5000)
    deliver(service, razorpay.webhook("refund.processed", razorpay.payments[payment["id"]], refund))
    assert subscription(db, buyer) | {"change_seq": 0} == {
        "tier": "paid",
        "current_period_end": before,
        "change_seq": 0,
    }


def test_the_same_refund_delivered_twice_takes_back_one_period(
    service: RunningService, razorpay: RazorpayStandIn, db: Conn, buyer: str
) -> None:
    pay_through_checkout(service, razorpay, buyer)
    _, second, _ = pay_through_checkout(service, razorpay, buyer)
    after_two = subscription(db, buyer)["current_period_end"]
    refund = razorpay.refund(second["id"])
    paid_back = razorpay.payments[second["id"]]
    deliver(service, razorpay.webhook("refund.processed", paid_back, refund))
    once = subscription(db, buyer)["current_period_end"]
    deliver(service, razorpay.webhook("refund.processed", paid_back, refund))  # a new event id
    assert subscription(db, buyer)["current_period_end"] == once < after_two
    assert subscription(db, buyer)["tier"] == "paid"


def test_payment_failed_after_captured_keeps_the_user_paid(
    service: RunningService, razorpay: RazorpayStandIn, db: Conn, buyer: str
) -> None:
    made, payment, _ = pay_through_checkout(service, razorpay, buyer)
    before = server_state(db, buyer)
    late = {**payment, "status": "failed", "captured": False, "error_code": "GATEWAY_ERROR"}
    assert deliver(service, razorpay.webhook("payment.failed", late)).status_code == 200
    assert server_state(db, buyer) == before
    assert payment_row(db, made["order_id"])["status"] == "captured"


def test_payment_authorized_after_captured_keeps_the_user_paid(
    service: RunningService, razorpay: RazorpayStandIn, db: Conn, buyer: str
) -> None:
    _, payment, _ = pay_through_checkout(service, razorpay, buyer)
    before = server_state(db, buyer)
    late = {**payment, "status": "authorized", "captured": False}
    assert deliver(service, razorpay.webhook("payment.authorized", late)).status_code == 200
    assert server_state(db, buyer) == before


def test_a_failed_attempt_then_a_captured_one_upgrades(
    service: RunningService, razorpay: RazorpayStandIn, db: Conn, buyer: str
) -> None:
    made = ordered(service, buyer)
    failed = razorpay.fail_payment(made["order_id"])
    deliver(service, razorpay.webhook("payment.failed", failed))
    assert payment_row(db, made["order_id"])["status"] == "failed"
    assert subscription(db, buyer)["tier"] == "free"
    paid = razorpay.pay(made["order_id"])
    deliver(service, razorpay.webhook("payment.captured", paid))
    assert payment_row(db, made["order_id"])["razorpay_payment_id"] == paid["id"]
    assert subscription(db, buyer)["tier"] == "paid"


def test_a_refund_seen_before_its_capture_never_upgrades(
    service: RunningService, razorpay: RazorpayStandIn, db: Conn, buyer: str
) -> None:
    made = ordered(service, buyer)
    payment = razorpay.pay(made["order_id"])
    refund = razorpay.refund(payment["id"])
    deliver(service, razorpay.webhook("refund.processed", razorpay.payments[payment["id"]], refund))
    deliver(service, razorpay.webhook("payment.captured", payment))
    assert subscription(db, buyer)["tier"] == "free"
    assert payment_row(db, made["order_id"])["status"] == "refunded"


def test_a_period_that_ended_is_not_taken_from_the_next(
    service: RunningService, razorpay: RazorpayStandIn, db: Conn, buyer: str
) -> None:
    """A refund of a period already used up changes nothing."""
    made, payment, _ = pay_through_checkout(service, razorpay, buyer)
    past_start = datetime.now(UTC) - timedelta(days=70)
    db.execute(
        "UPDATE public.payment_events SET period_start = %s, period_end = %s "
        "WHERE razorpay_order_id = %s",
        (past_start, months_after(db, past_start, 1), made["order_id"]),
    )
    before = subscription(db, buyer)["current_period_end"]
    refund = razorpay.refund(payment["id"])
    deliver(service, razorpay.webhook("refund.processed", razorpay.payments[payment["id"]], refund))
    assert subscription(db, buyer)["current_period_end"] == before
