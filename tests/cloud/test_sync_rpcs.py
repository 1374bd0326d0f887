"""sync_push, sync_pull and sync_counts, called as the user on real Postgres."""

from __future__ import annotations

import json
import threading
import uuid
from collections.abc import Iterator

import psycopg
import pytest
from psycopg.rows import dict_row

from cloud.devstack.postgres import LocalPostgres
from tests.cloud.conftest import acting_as, new_user
from tests.cloud.pushing import (
    Conn,
    attempt_fields,
    child_fields,
    hlc,
    mutation,
    pull,
    pull_all,
    push,
    push_request,
    rows_of,
    snapshot,
    statuses,
    worksheet_fields,
)


@pytest.fixture
def user(db: Conn) -> str:
    return new_user(db)


# -- push ------------------------------------------------------------------------------------


def test_a_retried_batch_changes_nothing_and_gets_the_same_answers(db: Conn, user: str) -> None:
    child = str(uuid.uuid4())
    batch = [
        mutation("children", "insert", child, child_fields()),
        mutation("children", "update", child, {"grade": 4}),
        mutation("attempt_events", "insert", str(uuid.uuid4()), attempt_fields(child)),
        mutation("children", "update", child, {"grade": 40}),  # rejected: grade is 1..12
    ]
    first = push(db, user, batch)
    assert statuses(first) == ["applied", "applied", "applied", "rejected"]
    before = snapshot(db, user)

    again = push(db, user, batch)

    assert snapshot(db, user) == before
    assert [(r["status"], r.get("reason")) for r in again] == [
        (r["status"], r.get("reason")) for r in first
    ]
    assert all(r["repeated"] for r in again)


def test_each_field_keeps_its_latest_write(db: Conn, user: str) -> None:
    child = str(uuid.uuid4())
    early, late = hlc(), hlc(5)
    push(db, user, [mutation("children", "insert", child, child_fields(), hlc(-1000))])
    # Two devices edited different fields offline; the later stamp of each field wins.
    results = push(
        db,
        user,
        [
            mutation("children", "update", child, {"name": "Asha R", "grade": 5}, late),
            mutation("children", "update", child, {"grade": 4, "roll_number": "12"}, early),
        ],
    )
    assert statuses(results) == ["applied", "applied"]
    assert "newer values" in results[1]["reason"]
    row = rows_of(pull_all(db, user)[0], "children")[child]
    assert (row["name"], row["grade"], row["roll_number"]) == ("Asha R", 5, "12")
    assert row["hlc"] == late
    assert row["field_hlcs"]["grade"] == late and row["field_hlcs"]["roll_number"] == early

    stale = push(db, user, [mutation("children", "update", child, {"name": "Old"}, early)])
    assert statuses(stale) == ["superseded"]


def test_delete_wins_over_any_edit(db: Conn, user: str) -> None:
    child = str(uuid.uuid4())
    push(db, user, [mutation("children", "insert", child, child_fields())])
    assert statuses(push(db, user, [mutation("children", "delete", child, {})])) == ["applied"]
    later = push(
        db,
        user,
        [
            mutation("children", "update", child, {"name": "Back"}, hlc(60_000)),
            mutation("children", "insert", child, child_fields("Again"), hlc(60_000)),
            mutation("children", "delete", child, {}),
        ],
    )
    assert statuses(later) == ["superseded", "superseded", "superseded"]
    row = rows_of(pull_all(db, user)[0], "children")[child]
    assert row["deleted_at"] is not None and row["name"] == "Asha"


def test_two_devices_adding_the_same_natural_row_make_one(db: Conn, user: str) -> None:
    member = str(uuid.uuid4())  # on devices: natural_id(class, child)
    fields = {
        "class_id": str(uuid.uuid4()),
        "child_id": str(uuid.uuid4()),
        "roll_number": None,
        "left_at": None,
    }
    first = push(db, user, [mutation("class_members", "insert", member, fields, hlc())])
    second = push(
        db,
        user,
        [mutation("class_members", "insert", member, {**fields, "roll_number": "7"}, hlc(10))],
    )
    assert statuses(first) == ["applied"] and statuses(second) == ["applied"]
    members = rows_of(pull_all(db, user)[0], "class_members")
    assert list(members) == [member] and members[member]["roll_number"] == "7"


def test_append_only_rows_are_inserted_once_and_never_changed(db: Conn, user: str) -> None:
    attempt = str(uuid.uuid4())
    fields = attempt_fields(str(uuid.uuid4()))
    results = push(
        db,
        user,
        [
            mutation("attempt_events", "insert", attempt, fields),
            mutation("attempt_events", "insert", attempt, {**fields, "result": "incorrect"}),
            mutation("attempt_events", "update", attempt, {"result": "incorrect"}),
        ],
    )
    assert statuses(results) == ["applied", "superseded", "rejected"]
    row = rows_of(pull_all(db, user)[0], "attempt_events")[attempt]
    assert row["result"] == "correct"
    # Erasure tombstones an append-only row, and the tombstone is pulled.
    assert statuses(push(db, user, [mutation("attempt_events", "delete", attempt, {})])) == [
        "applied"
    ]
    assert rows_of(pull_all(db, user)[0], "attempt_events")[attempt]["deleted_at"] is not None


def test_a_bad_mutation_is_answered_and_does_not_block_the_batch(db: Conn, user: str) -> None:
    child = str(uuid.uuid4())
    results = push(
        db,
        user,
        [
            mutation("children", "insert", str(uuid.uuid4()), {**child_fields(), "grade": 13}),
            mutation("children", "insert", str(uuid.uuid4()), {**child_fields(), "nickname": "x"}),
            mutation("children", "update", child, {"owner_id": str(uuid.uuid4())}),
            mutation("user_subscriptions", "update", str(uuid.uuid4()), {"tier": "paid"}),
            mutation("mastery_state", "insert", str(uuid.uuid4()), {}),
            mutation("children", "insert", str(uuid.uuid4()), child_fields(), "yesterday"),
            mutation("children", "insert", str(uuid.uuid4()), child_fields(), hlc(3 * 86_400_000)),
            mutation("children", "update", str(uuid.uuid4()), {"name": "Nobody"}),
            mutation("children", "insert", child, child_fields("Fine")),
        ],
    )
    assert statuses(results) == ["rejected"] * 8 + ["applied"]
    reasons = [r["reason"] for r in results[:8]]
    assert "children_grade_check" in reasons[0]
    assert "no field nickname" in reasons[1]
    assert "no field owner_id" in reasons[2]
    assert "written only by the server" in reasons[3]
    assert "not a synced table" in reasons[4]
    assert "not a clock stamp" in reasons[5]
    assert "clock is more than a day ahead" in reasons[6]
    assert "no children row" in reasons[7]
    assert list(rows_of(pull_all(db, user)[0], "children")) == [child]


def test_the_whole_batch_is_one_transaction(db: Conn, user: str) -> None:
    """A batch that fails as a whole (malformed) leaves nothing behind."""
    before = snapshot(db, user)
    batch = [
        mutation("children", "insert", str(uuid.uuid4()), child_fields()),
        {"table": "children"},
    ]
    with pytest.raises(psycopg.errors.InvalidParameterValue, match="mutation_id"):
        push(db, user, batch)
    assert snapshot(db, user) == before


def test_an_old_client_is_told_to_update(db: Conn, user: str) -> None:
    batch = [mutation("children", "insert", str(uuid.uuid4()), child_fields())]
    with pytest.raises(psycopg.Error, match="please update") as raised:
        push(db, user, batch, version=0)
    assert raised.value.sqlstate == "PT426"


def test_anon_cannot_call_the_sync_functions(db: Conn) -> None:
    for call in ("sync_pull(NULL, 10)", "sync_counts()", "sync_push('{}'::json)"):
        with pytest.raises(psycopg.errors.InsufficientPrivilege), acting_as(db, "anon"):
            db.execute(f"SELECT public.{call}")


# -- another user ---------------------------------------------------------------------------


def test_another_user_sees_and_changes_nothing_of_mine(db: Conn, user: str) -> None:
    other = new_user(db)
    child = str(uuid.uuid4())
    push(db, user, [mutation("children", "insert", child, child_fields())])
    mine = snapshot(db, user)

    changes, _ = pull_all(db, other)
    assert {c["table"] for c in changes} == {"user_subscriptions"}  # only their own
    results = push(
        db,
        other,
        [
            mutation("children", "update", child, {"name": "Taken"}, hlc(1000)),
            mutation("children", "delete", child, {}),
            mutation("children", "insert", child, child_fields("Mine now")),
        ],
    )
    # Ids are unique per account: the same id is a row of their own, and mine is untouched.
    assert statuses(results) == ["rejected", "rejected", "applied"]
    assert all("another account" not in (r.get("reason") or "") for r in results)
    with acting_as(db, "authenticated", other):
        counts = db.execute("SELECT public.sync_counts() AS c").fetchone()
    assert counts is not None and counts["c"]["children"] == {"live": 1, "deleted": 0}
    assert rows_of(pull_all(db, other)[0], "children")[child]["name"] == "Mine now"
    assert snapshot(db, user) == mine


# -- pull ------------------------------------------------------------------------------------


def test_pages_hold_every_change_once_in_order(db: Conn, user: str) -> None:
    ids = [str(uuid.uuid4()) for _ in range(25)]
    push(
        db,
        user,
        [mutation("children", "insert", i, child_fields(f"C{n}")) for n, i in enumerate(ids)],
    )
    pages = []
    cursor = None
    while True:
        page = pull(db, user, cursor, limit=10)
        pages.append(page)
        cursor = page["cursor"]
        if not page["has_more"]:
            break
    assert [len(p["changes"]) for p in pages] == [10, 10, 6]  # + the subscription row
    pulled = [c["row"]["id"] for p in pages for c in p["changes"] if c["table"] == "children"]
    assert pulled == ids
    # Nothing more after the last cursor, and only the new change after an edit.
    assert pull(db, user, cursor)["changes"] == []
    push(db, user, [mutation("children", "update", ids[3], {"name": "Renamed"})])
    (change,) = pull(db, user, cursor)["changes"]
    assert change["row"]["id"] == ids[3] and change["row"]["name"] == "Renamed"


def test_a_bad_cursor_is_an_error(db: Conn, user: str) -> None:
    with pytest.raises(psycopg.errors.InvalidParameterValue), acting_as(db, "authenticated", user):
        db.execute("SELECT public.sync_pull('yesterday', 10)")


@pytest.fixture
def second_connection(postgres: LocalPostgres) -> Iterator[Conn]:
    with psycopg.connect(postgres.dsn(), autocommit=True, row_factory=dict_row) as conn:
        yield conn


def _insert_child(conn: Conn, user: str, child: str) -> None:
    """The slow writer: the service role, writing a row of the user's directly.

    Two pushes of one account take turns (each batch locks the account's usage row), so the
    writer that commits late beside a push is a server-side one, as the payments service is
    for subscriptions; the pull must not skip its row either.
    """
    conn.execute("SET LOCAL ROLE service_role")
    conn.execute(
        "INSERT INTO public.children (id, owner_id, hlc, name, grade) VALUES (%s, %s, %s, %s, 3)",
        (child, user, hlc(), "Late"),
    )
    conn.execute("RESET ROLE")


@pytest.mark.parametrize("late_started_first", [True, False])
def test_a_transaction_that_commits_late_is_still_pulled(
    db: Conn, second_connection: Conn, user: str, late_started_first: bool
) -> None:
    """The pitfall of cursors over sequences: a change numbered early but committed late.

    The slow transaction writes its row (taking a change number) and stays open; meanwhile a
    quick one writes and commits, and the device pulls and moves its cursor. When the slow one
    commits, its row must still come in the next pull. Run both ways round: the slow transaction
    having the older or the newer transaction id.
    """
    slow, quick = str(uuid.uuid4()), str(uuid.uuid4())
    _, cursor = pull_all(db, user)
    with second_connection.transaction():
        if late_started_first:
            _insert_child(second_connection, user, slow)
            push(db, user, [mutation("children", "insert", quick, child_fields("Quick"))])
        else:
            # The quick transaction takes its id first, the slow one its change number first.
            with db.transaction():
                db.execute("SELECT pg_current_xact_id()")
                _insert_child(second_connection, user, slow)
                db.execute("SET LOCAL ROLE authenticated")
                db.execute(
                    "SELECT set_config('request.jwt.claims', %s, true)",
                    (json.dumps({"sub": user, "role": "authenticated"}),),
                )
                db.execute(
                    "SELECT public.sync_push(%s::json)",
                    (push_request([mutation("children", "insert", quick, child_fields("Quick"))]),),
                )
            db.execute("RESET ROLE")
        seqs = {
            r["id"]: r["change_seq"]
            for r in db.execute(
                "SELECT id::text, change_seq FROM public.children WHERE id = ANY(%s::uuid[])",
                ([slow, quick],),
            )
        }
        assert seqs == {quick: seqs[quick]}  # the slow row is not committed yet
        before_commit, cursor = pull_all(db, user, cursor)
        assert slow not in rows_of(before_commit, "children")
    after_commit, _ = pull_all(db, user, cursor)
    pulled = set(rows_of(before_commit, "children")) | set(rows_of(after_commit, "children"))
    assert pulled == {slow, quick}
    slow_seq = db.execute(
        "SELECT change_seq FROM public.children WHERE id = %s", (slow,)
    ).fetchone()
    assert slow_seq is not None and slow_seq["change_seq"] < seqs[quick], (
        "the slow row took the smaller change number: a cursor on numbers alone would skip it"
    )


def test_concurrent_pushes_from_two_devices_converge(
    postgres: LocalPostgres, db: Conn, user: str
) -> None:
    """Two devices push edits of the same rows at once; the server ends with the newest of each."""
    ids = [str(uuid.uuid4()) for _ in range(20)]
    push(db, user, [mutation("children", "insert", i, child_fields(), hlc(-5000)) for i in ids])
    stamps = {
        node: [hlc(n, node) for n in range(20)] for node in ("00000000000000a1", "00000000000000b2")
    }
    errors: list[BaseException] = []

    def device(node: str) -> None:
        try:
            with psycopg.connect(postgres.dsn(), autocommit=True, row_factory=dict_row) as conn:
                for i, stamp in zip(ids, stamps[node], strict=True):
                    push(
                        conn,
                        user,
                        [mutation("children", "update", i, {"name": f"by {node}"}, stamp)],
                    )
        except (psycopg.Error, AssertionError) as error:  # reported in the test's own thread
            errors.append(error)

    threads = [threading.Thread(target=device, args=(node,)) for node in stamps]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert errors == []
    children = rows_of(pull_all(db, user)[0], "children")
    for n, i in enumerate(ids):
        newest = max(stamps[node][n] for node in stamps)
        assert children[i]["field_hlcs"]["name"] == newest
        assert children[i]["name"] == f"by {newest[-16:]}"


# -- counts, subscriptions, certificates -----------------------------------------------------


def test_counts_match_what_was_pushed(db: Conn, user: str) -> None:
    kids = [str(uuid.uuid4()) for _ in range(3)]
    push(db, user, [mutation("children", "insert", k, child_fields()) for k in kids])
    push(db, user, [mutation("children", "delete", kids[0], {})])
    push(
        db, user, [mutation("attempt_events", "insert", str(uuid.uuid4()), attempt_fields(kids[1]))]
    )
    with acting_as(db, "authenticated", user):
        counts = db.execute("SELECT public.sync_counts() AS c").fetchone()
    assert counts is not None
    assert counts["c"]["children"] == {"live": 2, "deleted": 1}
    assert counts["c"]["attempt_events"] == {"live": 1, "deleted": 0}
    assert counts["c"]["user_subscriptions"] == {"live": 1, "deleted": 0}
    assert set(counts["c"]) >= {"worksheets", "certificates", "payment_events"}


def test_a_new_user_gets_a_free_subscription_counting_worksheets_the_server_received(
    db: Conn, user: str
) -> None:
    child = str(uuid.uuid4())
    subscription = db.execute(
        "SELECT tier, worksheets_generated_this_month AS n, month_reset_at > now() AS ahead "
        "FROM public.user_subscriptions WHERE user_id = %s",
        (user,),
    ).fetchone()
    assert subscription == {"tier": "free", "n": 0, "ahead": True}
    push(
        db,
        user,
        [
            mutation("worksheets", "insert", str(uuid.uuid4()), worksheet_fields(child))
            for _ in range(3)
        ],
    )
    changes, _ = pull_all(db, user)
    (sub,) = rows_of(changes, "user_subscriptions").values()
    assert sub["worksheets_generated_this_month"] == 3
    # The count is the server's: the user can neither write it nor push it.
    with pytest.raises(psycopg.errors.InsufficientPrivilege), acting_as(db, "authenticated", user):
        db.execute("UPDATE public.user_subscriptions SET tier = 'paid' WHERE user_id = %s", (user,))
    refused = push(
        db, user, [mutation("user_subscriptions", "update", sub["id"], {"tier": "paid"})]
    )
    assert statuses(refused) == ["rejected"]
    tier = db.execute("SELECT tier FROM public.user_subscriptions WHERE user_id = %s", (user,))
    assert tier.fetchone() == {"tier": "free"}
