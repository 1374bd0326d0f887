"""POST /v1/orders: who may order, at what price, how often, and what happens when Razorpay
is away."""

from __future__ import annotations

import time
import uuid

import httpx

from cloud.devstack import keys
from tests.cloud.conftest import new_user
from tests.cloud.payments.conftest import JWT_SECRET, RunningService, access_token, settings_for
from tests.cloud.payments.flows import Conn, order, ordered, payment_row
from tests.cloud.payments.standin import RazorpayStandIn


def test_an_order_answers_exactly_what_the_desktop_reads(
    service: RunningService, razorpay: RazorpayStandIn, buyer: str
) -> None:
    made = ordered(service, buyer)
    assert set(made) == {"order_id", "amount", "currency", "key_id", "checkout_url"}
    assert (made["amount"], made["currency"], made["key_id"]) == (29900, "INR", razorpay.key_id)
    assert made["order_id"] in razorpay.orders
    assert made["checkout_url"].startswith(f"{service.url}/v1/checkout/{made['order_id']}?")


def test_the_yearly_plan_costs_what_the_price_table_says(
    service: RunningService, buyer: str
) -> None:
    assert ordered(service, buyer, "yearly")["amount"] == 299000


def test_an_order_is_recorded_as_created_with_razorpays_whole_answer(
    service: RunningService, razorpay: RazorpayStandIn, db: Conn, buyer: str
) -> None:
    made = ordered(service, buyer)
    row = payment_row(db, made["order_id"])
    assert (str(row["user_id"]), row["status"], row["amount_paise"], row["plan"]) == (
        buyer,
        "created",
        29900,
        "monthly",
    )
    assert row["payload"]["order"] == razorpay.orders[made["order_id"]]


def test_every_order_has_its_own_receipt_within_40_characters(
    service: RunningService, razorpay: RazorpayStandIn, buyer: str
) -> None:
    made = [ordered(service, buyer)["order_id"] for _ in range(3)]
    receipts = [razorpay.orders[order_id]["receipt"] for order_id in made]
    assert len(set(receipts)) == 3
    assert all(0 < len(receipt) <= 40 for receipt in receipts)


def test_an_order_without_a_valid_token_is_refused_with_401(
    service: RunningService, buyer: str
) -> None:
    now = int(time.time())
    expired = access_token(buyer, lifetime=-60)
    forged = access_token(buyer, secret="another project's secret" * 2)
    wrong_audience = keys.sign(
        {"sub": buyer, "role": "authenticated", "aud": "elsewhere", "exp": now + 60}, JWT_SECRET
    )
    api_key = keys.anon_key(JWT_SECRET)  # a valid JWT, but nobody's session
    for token in (expired, forged, wrong_audience, api_key, "not-a-jwt"):
        answer = order(service, buyer, token=token)
        assert answer.status_code == 401, token
        assert "sign in" in answer.json()["error"]
    no_header = httpx.post(f"{service.url}/v1/orders", json={"plan": "monthly"}, timeout=10)
    assert no_header.status_code == 401


def test_a_token_of_a_deleted_account_is_refused_with_401(service: RunningService) -> None:
    assert order(service, str(uuid.uuid4())).status_code == 401


def test_an_unknown_plan_is_refused_with_400(
    service: RunningService, razorpay: RazorpayStandIn, buyer: str
) -> None:
    posts = len(razorpay.order_posts)
    for body in ({"plan": "lifetime"}, {"plan": 7}, {}, ["monthly"]):
        answer = order(service, buyer, body)
        assert answer.status_code == 400, body
        assert answer.json()["error"].endswith(".")
    assert len(razorpay.order_posts) == posts


def test_too_many_orders_from_one_account_are_refused_with_429(
    service: RunningService, razorpay: RazorpayStandIn, db: Conn
) -> None:
    user = new_user(db)
    answers = [order(service, user).status_code for _ in range(11)]
    assert answers == [200] * 10 + [429]
    other = new_user(db)
    assert order(service, other).status_code == 200  # the limit is per account


def test_an_order_window_that_has_passed_lets_the_account_order_again(
    service: RunningService, db: Conn
) -> None:
    user = new_user(db)
    for _ in range(10):
        order(service, user)
    db.execute(
        "UPDATE private.order_requests SET window_started_at = now() - interval '11 minutes' "
        "WHERE user_id = %s",
        (user,),
    )
    assert order(service, user).status_code == 200


def test_razorpay_unreachable_answers_503_and_records_nothing(
    razorpay: RazorpayStandIn, service_dsn: str, db: Conn, buyer: str
) -> None:
    from cloud.devstack.server import listening_socket

    nobody_there = listening_socket(0)
    settings = settings_for(
        razorpay, service_dsn, razorpay_base_url=f"http://127.0.0.1:{nobody_there.getsockname()[1]}"
    )
    running = RunningService(settings).start()
    try:
        answer = order(running, buyer)
    finally:
        running.stop()
        nobody_there.close()
    assert answer.status_code == 503
    assert "Nothing was charged" in answer.json()["error"]
    rows = db.execute(
        "SELECT count(*) AS n FROM public.payment_events WHERE user_id = %s", (buyer,)
    )
    assert rows.fetchone() == {"n": 0}


def test_a_failed_order_is_not_retried(
    service: RunningService, razorpay: RazorpayStandIn, buyer: str
) -> None:
    """The SDK's retries would POST again, and two orders could be made for one click."""
    razorpay.fail_creates_with = 500
    posts = len(razorpay.order_posts)
    assert order(service, buyer).status_code == 503
    assert len(razorpay.order_posts) == posts + 1


def test_a_razorpay_that_does_not_answer_is_given_up_on_after_the_timeout(
    razorpay: RazorpayStandIn, service_dsn: str, buyer: str
) -> None:
    running = RunningService(settings_for(razorpay, service_dsn, razorpay_timeout=0.5)).start()
    razorpay.delay = 3.0
    try:
        started = time.monotonic()
        answer = order(running, buyer)
        took = time.monotonic() - started
    finally:
        razorpay.delay = 0.0
        running.stop()
    assert answer.status_code == 503
    assert took < 2.5


def test_health_answers_ok_while_the_database_answers(service: RunningService) -> None:
    answer = httpx.get(f"{service.url}/v1/health", timeout=10)
    assert (answer.status_code, answer.json()) == (200, {"status": "ok"})
