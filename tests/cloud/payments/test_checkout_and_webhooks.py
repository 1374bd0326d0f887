"""A free user becomes paid through the checkout callback and through the webhook alike, once.

Everything runs for real: the service under uvicorn on loopback, the stand-in Razorpay, the
real Postgres; signatures are made with hmac in the stand-in, not by the code under test.
"""

from __future__ import annotations

import threading
from datetime import UTC, datetime, timedelta

import httpx

from tests.cloud.payments.conftest import RunningService
from tests.cloud.payments.flows import (
    Conn,
    callback,
    checkout_options,
    deliver,
    months_after,
    ordered,
    pay_through_checkout,
    payment_row,
    server_state,
    subscription,
)
from tests.cloud.payments.standin import RazorpayStandIn, hmac_hex


def test_order_then_checkout_callback_makes_the_user_paid(
    service: RunningService, razorpay: RazorpayStandIn, db: Conn, buyer: str
) -> None:
    before = datetime.now(UTC)
    made, payment, answer = pay_through_checkout(service, razorpay, buyer)
    assert answer.status_code == 200
    assert "Payment received — return to PracticeCraft" in answer.text
    sub = subscription(db, buyer)
    assert sub["tier"] == "paid"
    row = payment_row(db, made["order_id"])
    assert (row["status"], row["razorpay_payment_id"]) == ("captured", payment["id"])
    assert (
        months_after(db, before, 1)
        <= sub["current_period_end"]
        <= months_after(db, datetime.now(UTC), 1)
    )


def test_order_then_captured_webhook_makes_the_user_paid(
    service: RunningService, razorpay: RazorpayStandIn, db: Conn, buyer: str
) -> None:
    made = ordered(service, buyer)
    payment = razorpay.pay(made["order_id"])
    answer = deliver(service, razorpay.webhook("payment.captured", payment))
    assert answer.status_code == 200
    assert subscription(db, buyer)["tier"] == "paid"
    assert payment_row(db, made["order_id"])["status"] == "captured"


def test_an_order_paid_webhook_alone_makes_the_user_paid(
    service: RunningService, razorpay: RazorpayStandIn, db: Conn, buyer: str
) -> None:
    made = ordered(service, buyer, "yearly")
    payment = razorpay.pay(made["order_id"])
    assert deliver(service, razorpay.webhook("order.paid", payment)).status_code == 200
    row = payment_row(db, made["order_id"])
    assert subscription(db, buyer)["tier"] == "paid"
    assert row["period_end"] == months_after(db, row["period_start"], 12)


def test_a_webhook_verifies_the_raw_body_not_reserialised_json(
    service: RunningService, razorpay: RazorpayStandIn, db: Conn, buyer: str
) -> None:
    """A body laid out unlike json.dumps' output is signed over its own bytes, and accepted."""
    made = ordered(service, buyer)
    payment = razorpay.pay(made["order_id"])
    assert (
        deliver(service, razorpay.webhook("payment.captured", payment, indent=3)).status_code == 200
    )
    assert subscription(db, buyer)["tier"] == "paid"


def test_a_forged_callback_signature_changes_nothing(
    service: RunningService, razorpay: RazorpayStandIn, db: Conn, buyer: str
) -> None:
    made = ordered(service, buyer)
    options = checkout_options(made["checkout_url"])
    payment = razorpay.pay(made["order_id"])
    before = server_state(db, buyer)
    form = razorpay.callback_form(made["order_id"], payment["id"])
    for signature in (
        hmac_hex("not the key secret", f"{made['order_id']}|{payment['id']}"),
        hmac_hex(razorpay.webhook_secret, f"{made['order_id']}|{payment['id']}"),
        "0" * 64,
        "",
    ):
        answer = callback(
            service, options["callback_url"], {**form, "razorpay_signature": signature}
        )
        assert answer.status_code == 402
        assert "did not go through" in answer.text
    assert server_state(db, buyer) == before
    logged = db.execute(
        "SELECT count(*) AS n FROM public.webhook_logs WHERE source = 'checkout' "
        "AND status = 'failed' AND payload ->> 'razorpay_payment_id' = %s",
        (payment["id"],),
    ).fetchone()
    assert logged == {"n": 4}


def test_a_callback_naming_another_users_order_changes_nothing(
    service: RunningService, razorpay: RazorpayStandIn, db: Conn, buyer: str
) -> None:
    """Mallory pays her own order, then posts her genuine signature against Asha's order."""
    from tests.cloud.conftest import new_user

    mallory = new_user(db)
    hers = ordered(service, mallory)
    her_options = checkout_options(hers["checkout_url"])
    theirs = ordered(service, buyer)
    their_options = checkout_options(theirs["checkout_url"])
    her_payment = razorpay.pay(hers["order_id"])
    genuine = razorpay.callback_form(hers["order_id"], her_payment["id"])
    before = [server_state(db, buyer), server_state(db, mallory)]
    # Her form at Asha's reference; and Asha's order id in her form at her own reference.
    assert callback(service, their_options["callback_url"], genuine).status_code == 402
    swapped = {**genuine, "razorpay_order_id": theirs["order_id"]}
    assert callback(service, her_options["callback_url"], swapped).status_code == 402
    assert callback(service, their_options["callback_url"], swapped).status_code == 402
    assert [server_state(db, buyer), server_state(db, mallory)] == before


def test_the_client_cannot_choose_the_amount(
    service: RunningService, razorpay: RazorpayStandIn, buyer: str
) -> None:
    from tests.cloud.payments.flows import order

    answer = order(
        service, buyer, {"plan": "monthly", "amount": 100, "amount_paise": 100, "currency": "USD"}
    )
    assert answer.status_code == 200
    assert (answer.json()["amount"], answer.json()["currency"]) == (29900, "INR")
    assert razorpay.orders[answer.json()["order_id"]]["amount"] == 29900
    options = checkout_options(answer.json()["checkout_url"])
    assert (options["amount"], options["currency"]) == (29900, "INR")


def test_a_captured_payment_of_another_amount_does_not_upgrade(
    service: RunningService, razorpay: RazorpayStandIn, db: Conn, buyer: str
) -> None:
    made = ordered(service, buyer)
    payment = razorpay.pay(made["order_id"], amount=100)
    before = server_state(db, buyer)
    assert deliver(service, razorpay.webhook("payment.captured", payment)).status_code == 200
    assert server_state(db, buyer) == before
    logged = db.execute(
        "SELECT status, error FROM public.webhook_logs WHERE payload #>> "
        "'{payload,payment,entity,id}' = %s",
        (payment["id"],),
    ).fetchone()
    assert logged == {"status": "ignored", "error": "amount_mismatch"}


def test_a_webhook_with_a_bad_signature_is_refused_logged_and_changes_nothing(
    service: RunningService, razorpay: RazorpayStandIn, db: Conn, buyer: str
) -> None:
    made = ordered(service, buyer)
    payment = razorpay.pay(made["order_id"])
    genuine = razorpay.webhook("payment.captured", payment)
    before = server_state(db, buyer)
    forgeries = [
        {**genuine.headers, "X-Razorpay-Signature": hmac_hex(razorpay.key_secret, genuine.body)},
        {**genuine.headers, "X-Razorpay-Signature": "f" * 64},
        {k: v for k, v in genuine.headers.items() if k != "X-Razorpay-Signature"},
    ]
    for headers in forgeries:
        answer = httpx.post(
            f"{service.url}/v1/webhooks/razorpay", content=genuine.body, headers=headers, timeout=10
        )
        assert answer.status_code == 400
    assert server_state(db, buyer) == before
    refused = db.execute(
        "SELECT count(*) AS n FROM public.webhook_logs WHERE status = 'failed' "
        "AND event_type = 'refused' AND payload ->> 'event_id_header' = %s",
        (genuine.headers["X-Razorpay-Event-Id"],),
    ).fetchone()
    assert refused == {"n": 3}
    # The refusals did not use up the event id: the genuine delivery still counts.
    assert deliver(service, genuine).status_code == 200
    assert subscription(db, buyer)["tier"] == "paid"


def test_the_same_webhook_delivered_five_times_has_one_effect(
    service: RunningService, razorpay: RazorpayStandIn, db: Conn, buyer: str
) -> None:
    made = ordered(service, buyer)
    payment = razorpay.pay(made["order_id"])
    delivery = razorpay.webhook("payment.captured", payment)
    answers = [deliver(service, delivery) for _ in range(5)]
    assert [a.status_code for a in answers] == [200] * 5
    assert [a.json()["duplicate"] for a in answers] == [False, True, True, True, True]
    row = payment_row(db, made["order_id"])
    assert subscription(db, buyer)["current_period_end"] == row["period_end"]
    assert row["period_end"] == months_after(db, row["period_start"], 1)
    log = db.execute(
        "SELECT deliveries, status FROM public.webhook_logs WHERE event_id = %s",
        (delivery.headers["X-Razorpay-Event-Id"],),
    ).fetchone()
    assert log == {"deliveries": 5, "status": "processed"}


def test_the_same_payment_in_two_events_has_one_effect(
    service: RunningService, razorpay: RazorpayStandIn, db: Conn, buyer: str
) -> None:
    """payment.captured and order.paid both arrive, with different event ids."""
    made = ordered(service, buyer)
    payment = razorpay.pay(made["order_id"])
    deliver(service, razorpay.webhook("payment.captured", payment))
    deliver(service, razorpay.webhook("order.paid", payment))
    row = payment_row(db, made["order_id"])
    assert subscription(db, buyer)["current_period_end"] == months_after(db, row["period_start"], 1)


def test_a_callback_and_a_webhook_racing_give_one_upgrade(
    service: RunningService, razorpay: RazorpayStandIn, db: Conn, buyer: str
) -> None:
    made = ordered(service, buyer)
    options = checkout_options(made["checkout_url"])
    payment = razorpay.pay(made["order_id"])
    form = razorpay.callback_form(made["order_id"], payment["id"])
    go = threading.Barrier(6)
    answers: list[int] = []

    def browser() -> None:
        go.wait()
        answers.append(callback(service, options["callback_url"], form).status_code)

    def razorpay_delivers() -> None:
        go.wait()
        answers.append(deliver(service, razorpay.webhook("payment.captured", payment)).status_code)

    racers = [threading.Thread(target=browser) for _ in range(3)]
    racers += [threading.Thread(target=razorpay_delivers) for _ in range(3)]
    for racer in racers:
        racer.start()
    for racer in racers:
        racer.join()
    assert sorted(answers) == [200] * 6
    row = payment_row(db, made["order_id"])
    assert subscription(db, buyer)["current_period_end"] == months_after(db, row["period_start"], 1)


def test_a_second_purchase_extends_from_the_current_period_end(
    service: RunningService, razorpay: RazorpayStandIn, db: Conn, buyer: str
) -> None:
    pay_through_checkout(service, razorpay, buyer)
    first_end = subscription(db, buyer)["current_period_end"]
    made, _payment, answer = pay_through_checkout(service, razorpay, buyer, "yearly")
    assert answer.status_code == 200
    assert payment_row(db, made["order_id"])["period_start"] == first_end
    assert subscription(db, buyer)["current_period_end"] == months_after(db, first_end, 12)


def test_a_purchase_after_the_period_ended_starts_now(
    service: RunningService, razorpay: RazorpayStandIn, db: Conn, buyer: str
) -> None:
    long_ago = datetime.now(UTC) - timedelta(days=40)
    db.execute(
        "UPDATE public.user_subscriptions SET tier = 'paid', current_period_end = %s "
        "WHERE user_id = %s",
        (long_ago, buyer),
    )
    started = datetime.now(UTC)
    made, _payment, _answer = pay_through_checkout(service, razorpay, buyer)
    assert payment_row(db, made["order_id"])["period_start"] >= started - timedelta(seconds=1)


def test_a_capture_waits_for_one_of_the_same_order_in_flight(
    service: RunningService, razorpay: RazorpayStandIn, db: Conn, service_dsn: str, buyer: str
) -> None:
    """The race made certain: the callback's transaction is still open when the webhook's
    starts; the webhook's waits for it and then finds the payment applied."""
    import psycopg

    made = ordered(service, buyer)
    payment = razorpay.pay(made["order_id"])
    capture = "SELECT private.payments_capture(%s, %s, 29900, NULL, '{}') ->> 'outcome' AS o"
    args = (made["order_id"], payment["id"])
    outcomes: list[str] = []
    with psycopg.connect(service_dsn) as first, psycopg.connect(service_dsn) as second:
        first.execute(capture, args)  # a transaction left open, holding what it locked

        def webhook_meanwhile() -> None:
            row = second.execute(capture, args).fetchone()
            second.commit()
            outcomes.append(row[0] if row else "")

        racer = threading.Thread(target=webhook_meanwhile)
        racer.start()
        racer.join(timeout=1)
        assert racer.is_alive(), "the second capture did not wait for the first"
        first.commit()
        racer.join(timeout=10)
    assert outcomes == ["already_captured"]
    row = payment_row(db, made["order_id"])
    assert subscription(db, buyer)["current_period_end"] == months_after(db, row["period_start"], 1)
