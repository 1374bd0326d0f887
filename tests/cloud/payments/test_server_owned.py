"""Only the server changes a tier: a client's writes to its subscription or payments are
refused, through sync_push and the table endpoints alike; the device never receives Razorpay's
payload nor the signature; the service's own role can do nothing but its functions."""

from __future__ import annotations

import uuid
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta

import httpx
import psycopg
import pytest

from cloud.devstack.postgres import LocalPostgres
from cloud.devstack.server import DevCloud
from tests.cloud.conftest import acting_as, new_user
from tests.cloud.payments.conftest import access_token
from tests.cloud.payments.flows import Conn, server_state
from tests.cloud.pushing import mutation, pull_all, push, rows_of

# What the desktop shows receipts from (the device's copy of payment_events).
RECEIPT_COLUMNS = {
    "id",
    "user_id",
    "razorpay_order_id",
    "razorpay_payment_id",
    "status",
    "amount_paise",
    "plan_tier",
    "created_at",
    "updated_at",
}


def captured_payment(db: Conn, user: str) -> str:
    """An order made and paid through the service's own functions; returns the order id."""
    order_id = f"order_{uuid.uuid4().hex[:14]}"
    db.execute(
        "SELECT private.payments_record_order(%s, %s, 'monthly', 29900, %s)",
        (uuid.uuid4(), user, psycopg.types.json.Jsonb({"id": order_id, "amount": 29900})),
    )
    db.execute(
        "SELECT private.payments_capture(%s, %s, 29900, %s, %s)",
        (
            order_id,
            f"pay_{uuid.uuid4().hex[:14]}",
            "ab" * 32,
            psycopg.types.json.Jsonb({"card": {"last4": "1111"}}),
        ),
    )
    return order_id


@pytest.fixture(scope="module")
def cloud(postgres: LocalPostgres) -> Iterator[DevCloud]:
    with DevCloud(postgres) as running:
        yield running


def rest(cloud: DevCloud, user: str) -> httpx.Client:
    """The table endpoints, as the signed-in user (a token from the devstack's own secret)."""
    headers = {
        "apikey": cloud.anon_key,
        "Authorization": f"Bearer {access_token(user, secret=cloud.jwt_secret)}",
    }
    return httpx.Client(base_url=f"{cloud.url}/rest/v1", headers=headers, timeout=10)


def test_sync_pull_never_serves_the_payload_or_the_signature(db: Conn) -> None:
    user = new_user(db)
    order_id = captured_payment(db, user)
    changes, _ = pull_all(db, user)
    (row,) = rows_of(changes, "payment_events").values()
    assert row["razorpay_order_id"] == order_id and row["status"] == "captured"
    assert set(row) >= RECEIPT_COLUMNS
    assert "payload" not in row and "razorpay_signature" not in row


def test_the_owner_cannot_read_the_payload_or_the_signature_directly(db: Conn) -> None:
    user = new_user(db)
    captured_payment(db, user)
    for column in ("payload", "razorpay_signature"):
        with (
            acting_as(db, "authenticated", user),
            pytest.raises(psycopg.errors.InsufficientPrivilege),
        ):
            db.execute(f"SELECT {column} FROM public.payment_events WHERE user_id = %s", (user,))
    with acting_as(db, "authenticated", user):
        seen = db.execute(
            "SELECT status, amount_paise FROM public.payment_events WHERE user_id = %s", (user,)
        ).fetchall()
    assert seen == [{"status": "captured", "amount_paise": 29900}]


def test_the_table_endpoint_does_not_hand_out_the_payload(cloud: DevCloud, db: Conn) -> None:
    user = new_user(db)
    captured_payment(db, user)
    with rest(cloud, user) as api:
        assert api.get("/payment_events", params={"select": "payload"}).status_code in (401, 403)
        assert api.get("/payment_events", params={"select": "razorpay_signature"}).status_code in (
            401,
            403,
        )
        receipts = api.get("/payment_events", params={"select": "status,amount_paise"})
    assert receipts.json() == [{"status": "captured", "amount_paise": 29900}]


def test_a_client_cannot_make_itself_paid_through_sync_push(db: Conn) -> None:
    user = new_user(db)
    sub_id = db.execute(
        "SELECT id FROM public.user_subscriptions WHERE user_id = %s", (user,)
    ).fetchone()
    assert sub_id is not None
    before = server_state(db, user)
    far = (datetime.now(UTC) + timedelta(days=3650)).isoformat()
    attempts = [
        mutation(
            "user_subscriptions",
            "update",
            str(sub_id["id"]),
            {"tier": "paid", "current_period_end": far},
        ),
        mutation(
            "user_subscriptions",
            "insert",
            str(uuid.uuid4()),
            {"tier": "paid", "current_period_end": far},
        ),
        mutation(
            "payment_events",
            "insert",
            str(uuid.uuid4()),
            {"razorpay_order_id": "order_selfmade", "status": "captured", "amount_paise": 29900},
        ),
    ]
    results = push(db, user, attempts)
    assert [r["status"] for r in results] == ["rejected"] * 3
    assert all("written only by the server" in r["reason"] for r in results)
    assert server_state(db, user) == before


def test_a_client_cannot_make_itself_paid_through_the_table_endpoints(
    cloud: DevCloud, db: Conn
) -> None:
    user = new_user(db)
    before = server_state(db, user)
    far = (datetime.now(UTC) + timedelta(days=3650)).isoformat()
    with rest(cloud, user) as api:
        answers = [
            api.patch(
                "/user_subscriptions",
                params={"user_id": f"eq.{user}"},
                json={"tier": "paid", "current_period_end": far},
            ),
            api.post("/user_subscriptions", json={"user_id": user, "tier": "paid"}),
            api.post(
                "/payment_events",
                json={
                    "user_id": user,
                    "razorpay_order_id": "order_mine",
                    "status": "captured",
                    "amount_paise": 1,
                },
            ),
            api.delete("/user_subscriptions", params={"user_id": f"eq.{user}"}),
            api.post("/rpc/payments_capture", json={"p_order_id": "order_mine"}),
        ]
    assert [a.status_code for a in answers] == [403, 403, 403, 403, 404]
    # (404 last: the payment functions live in `private`, which the API does not expose.)
    assert server_state(db, user) == before


def test_the_api_roles_cannot_call_the_payment_functions(db: Conn) -> None:
    user = new_user(db)
    for role in ("anon", "authenticated"):
        with (
            acting_as(db, role, user if role == "authenticated" else None),
            pytest.raises(psycopg.errors.InsufficientPrivilege),
        ):
            db.execute("SELECT private.payments_capture('o', 'p', 1, NULL, '{}')")


def test_the_services_role_writes_no_table_directly(db: Conn, service_dsn: str) -> None:
    user = new_user(db)
    with psycopg.connect(service_dsn, autocommit=True) as service:
        for statement in (
            "UPDATE public.user_subscriptions SET tier = 'paid' WHERE user_id = %s",
            "DELETE FROM public.payment_events WHERE user_id = %s",
            "SELECT * FROM public.user_subscriptions WHERE user_id = %s",
        ):
            with pytest.raises(psycopg.errors.InsufficientPrivilege):
                service.execute(statement, (user,))


def test_worksheets_are_never_refused_for_the_quota(db: Conn) -> None:
    """The quota is the device's to keep: the server counts, and takes every sheet."""
    from tests.cloud.pushing import child_fields, worksheet_fields

    user = new_user(db)
    child = str(uuid.uuid4())
    push(db, user, [mutation("children", "insert", child, child_fields())])
    sheets = [
        mutation("worksheets", "insert", str(uuid.uuid4()), worksheet_fields(child))
        for _ in range(40)
    ]
    assert [r["status"] for r in push(db, user, sheets)] == ["applied"] * 40
    counted = db.execute(
        "SELECT worksheets_generated_this_month AS n FROM public.user_subscriptions WHERE user_id = %s",
        (user,),
    ).fetchone()
    assert counted == {"n": 40}


def test_an_account_without_a_subscription_row_is_on_the_free_tier(db: Conn) -> None:
    """Accounts made before the sign-up trigger have no row: they get the free quota."""
    user = new_user(db)
    db.execute("DELETE FROM public.user_subscriptions WHERE user_id = %s", (user,))
    with acting_as(db, "authenticated", user):
        row = db.execute("SELECT public.get_entitlement() AS e").fetchone()
    assert row is not None
    found = row["e"]
    assert found["tier"] == "free"
    assert (found["worksheets_this_month"], found["monthly_quota"]) == (0, 20)
    assert found["current_period_end"] is None and found["month_resets_at"] is not None
