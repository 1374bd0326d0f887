"""The devstack's table endpoints answer as PostgREST does: rows, filters, statuses, errors.

Written through the official client with the service key (the one role that may write tables),
and checked against the database; the attacks a signed-in user might try are in
test_contract_tables.
"""

from __future__ import annotations

import json
import time
import uuid
from collections.abc import Iterator
from typing import Any

import httpx
import psycopg
import pytest
from postgrest.exceptions import APIError
from supabase import Client

from cloud.devstack.postgres import LocalPostgres
from cloud.devstack.server import DevCloud
from tests.cloud.contract_env import Target

pytestmark = pytest.mark.filterwarnings("ignore:The '(timeout|verify)' parameter is deprecated")
Conn = psycopg.Connection[dict[str, Any]]


@pytest.fixture(scope="module")
def cloud(postgres: LocalPostgres) -> Iterator[DevCloud]:
    with DevCloud(postgres) as running:
        yield running


@pytest.fixture
def service(cloud: DevCloud) -> Iterator[Client]:
    client = Target(cloud.url, cloud.anon_key, cloud.service_key).client(cloud.service_key)
    try:
        yield client
    finally:
        client.postgrest.aclose()


def webhook(event: str, status: str = "received") -> dict[str, Any]:
    return {"event_id": event, "event_type": "payment.captured", "payload": {"n": 1},
            "status": status}  # fmt: skip


def new_event() -> str:
    return f"evt_{uuid.uuid4().hex[:12]}"


def test_insert_returns_the_rows_made_with_their_defaults(service: Client, db: Conn) -> None:
    event = new_event()
    made = service.table("webhook_logs").insert(webhook(event)).execute().data
    assert len(made) == 1 and made[0]["event_id"] == event
    assert uuid.UUID(made[0]["id"]) and made[0]["received_at"]
    stored = db.execute("SELECT status FROM public.webhook_logs WHERE event_id = %s", (event,))
    assert stored.fetchone() == {"status": "received"}


def test_select_filters_orders_and_limits(service: Client) -> None:
    events = sorted(new_event() for _ in range(3))
    service.table("webhook_logs").insert([webhook(e) for e in events]).execute()
    logs = service.table("webhook_logs")
    found = logs.select("event_id").in_("event_id", events).order("event_id", desc=True)
    assert found.limit(2).execute().data == [{"event_id": e} for e in events[:0:-1]]
    assert logs.select("event_id").eq("event_id", events[0]).execute().data == [
        {"event_id": events[0]}
    ]
    assert (
        logs.select("event_id").neq("status", "received").in_("event_id", events).execute().data
        == []
    )
    assert logs.select("id").is_("error", "null").eq("event_id", events[1]).execute().data


def test_update_changes_only_the_filtered_rows(service: Client) -> None:
    first, second = new_event(), new_event()
    service.table("webhook_logs").insert([webhook(first), webhook(second)]).execute()
    changed = (
        service.table("webhook_logs").update({"status": "processed"}).eq("event_id", first)
    ).execute()
    assert [(r["event_id"], r["status"]) for r in changed.data] == [(first, "processed")]
    kept = service.table("webhook_logs").select("status").eq("event_id", second).execute()
    assert kept.data == [{"status": "received"}]


def test_delete_removes_only_the_filtered_rows(service: Client) -> None:
    first, second = new_event(), new_event()
    service.table("webhook_logs").insert([webhook(first), webhook(second)]).execute()
    gone = service.table("webhook_logs").delete().eq("event_id", first).execute().data
    assert [r["event_id"] for r in gone] == [first]
    left = service.table("webhook_logs").select("event_id").in_("event_id", [first, second])
    assert left.execute().data == [{"event_id": second}]


def test_upsert_merges_on_the_key_it_names(service: Client) -> None:
    event = new_event()
    logs = service.table("webhook_logs")
    logs.insert(webhook(event)).execute()
    logs.upsert(webhook(event, "ignored"), on_conflict="event_id").execute()
    assert logs.select("status").eq("event_id", event).execute().data == [{"status": "ignored"}]


def test_return_minimal_answers_201_and_204_without_a_body(cloud: DevCloud) -> None:
    url = f"{cloud.url}/rest/v1/webhook_logs"
    headers = {"apikey": cloud.service_key, "Prefer": "return=minimal"}
    event = new_event()
    made = httpx.post(url, json=webhook(event), headers=headers)
    assert (made.status_code, made.content) == (201, b"")
    changed = httpx.patch(
        url, params={"event_id": f"eq.{event}"}, json={"status": "failed"}, headers=headers
    )
    assert (changed.status_code, changed.content) == (204, b"")


def test_exact_count_comes_in_content_range(cloud: DevCloud, service: Client) -> None:
    events = [new_event() for _ in range(3)]
    service.table("webhook_logs").insert([webhook(e) for e in events]).execute()
    answer = httpx.get(
        f"{cloud.url}/rest/v1/webhook_logs",
        params={"select": "id", "event_id": f"in.({','.join(events)})", "limit": "2"},
        headers={"apikey": cloud.service_key, "Prefer": "count=exact"},
    )
    assert answer.headers["content-range"] == "0-1/3"


def test_an_unknown_table_is_not_found_with_postgrests_code(service: Client) -> None:
    with pytest.raises(APIError) as raised:
        service.table("no_such_table").select("*").execute()
    assert raised.value.code == "PGRST205"


def test_an_unknown_column_is_named_in_the_error(service: Client) -> None:
    with pytest.raises(APIError) as written:
        service.table("webhook_logs").insert({**webhook(new_event()), "colour": "red"}).execute()
    assert written.value.code == "PGRST204" and "'colour'" in str(written.value.message)
    with pytest.raises(APIError) as filtered:
        service.table("webhook_logs").select("*").eq("colour", "red").execute()
    assert filtered.value.code == "42703"


def test_a_bad_filter_is_a_parse_error(cloud: DevCloud) -> None:
    answer = httpx.get(
        f"{cloud.url}/rest/v1/webhook_logs",
        params={"status": "almost.received"},
        headers={"apikey": cloud.service_key},
    )
    assert (answer.status_code, answer.json()["code"]) == (400, "PGRST100")


def test_a_read_runs_in_a_read_only_transaction(cloud: DevCloud, db: Conn) -> None:
    """A GET that would write (here: a view calling nextval) is refused, as by PostgREST."""
    db.execute("CREATE SEQUENCE public.devstack_counter")
    db.execute("CREATE VIEW public.devstack_counting AS SELECT nextval('public.devstack_counter')")
    try:
        answer = httpx.get(
            f"{cloud.url}/rest/v1/devstack_counting", headers={"apikey": cloud.service_key}
        )
        assert (answer.status_code, answer.json()["code"]) == (405, "25006")
    finally:
        db.execute("DROP VIEW public.devstack_counting")
        db.execute("DROP SEQUENCE public.devstack_counter")


@pytest.fixture
def sleeper(db: Conn) -> Iterator[str]:
    db.execute(
        "CREATE FUNCTION public.devstack_sleep(p_seconds float) RETURNS void "
        "LANGUAGE sql AS $$ SELECT pg_sleep(p_seconds) $$"
    )
    try:
        yield "devstack_sleep"
    finally:
        db.execute("DROP FUNCTION public.devstack_sleep(float)")


def test_the_roles_statement_timeout_applies_to_each_request(
    cloud: DevCloud, db: Conn, sleeper: str
) -> None:
    """As PostgREST applies an impersonated role's settings (ALTER ROLE ... SET)."""
    row = db.execute(
        "SELECT s FROM pg_db_role_setting, unnest(setconfig) AS s "
        "WHERE setrole = 'anon'::regrole AND s LIKE 'statement_timeout=%%'"
    ).fetchone()
    setting = row["s"] if row else None
    db.execute("ALTER ROLE anon SET statement_timeout = '200ms'")
    try:
        started = time.perf_counter()
        answer = httpx.post(
            f"{cloud.url}/rest/v1/rpc/{sleeper}",
            json={"p_seconds": 3},
            headers={"apikey": cloud.anon_key},
        )
        elapsed = time.perf_counter() - started
    finally:
        if setting is None:
            db.execute("ALTER ROLE anon RESET statement_timeout")
        else:
            value = setting.partition("=")[2]
            db.execute(f"ALTER ROLE anon SET statement_timeout = '{value}'")
    assert (answer.status_code, answer.json()["code"]) == (500, "57014")
    assert elapsed < 2


def test_the_request_headers_reach_the_database(cloud: DevCloud, db: Conn) -> None:
    db.execute(
        "CREATE FUNCTION public.devstack_headers() RETURNS json LANGUAGE sql STABLE AS "
        "$$ SELECT current_setting('request.headers', true)::json $$"
    )
    try:
        answer = httpx.post(
            f"{cloud.url}/rest/v1/rpc/devstack_headers",
            headers={"apikey": cloud.anon_key, "X-Client-Info": "practicecraft-test"},
        )
    finally:
        db.execute("DROP FUNCTION public.devstack_headers()")
    headers = answer.json()
    assert headers["x-client-info"] == "practicecraft-test"
    assert headers["x-forwarded-for"].split(",")[-1].strip() == "127.0.0.1"
    assert json.loads(json.dumps(headers)) == headers
