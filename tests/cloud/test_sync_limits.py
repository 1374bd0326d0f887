"""What sync_push and sync_pull refuse or bound: sizes, accounts, NUL, and ids per account.

Each limit is tried at its edge and one past it; a refused mutation is answered with a reason
and the rest of its batch applies.
"""

from __future__ import annotations

import json
import uuid
from collections.abc import Iterator
from typing import Any

import psycopg
import pytest

from storage.ids import natural_id
from tests.cloud.conftest import acting_as, new_user
from tests.cloud.pushing import (
    Conn,
    child_fields,
    hlc,
    mutation,
    pull,
    pull_all,
    push,
    push_request,
    rows_of,
    statuses,
    worksheet_fields,
)


@pytest.fixture
def user(db: Conn) -> str:
    return new_user(db)


def limit(db: Conn, name: str) -> int:
    row = db.execute("SELECT value FROM private.limits WHERE name = %s", (name,)).fetchone()
    assert row is not None
    return int(row["value"])


def size(db: Conn, fields: dict[str, Any]) -> int:
    """A row's size as the server measures it: its fields as PostgreSQL prints them as JSON."""
    row = db.execute("SELECT octet_length(%s::jsonb::text) AS n", (json.dumps(fields),)).fetchone()
    assert row is not None
    return int(row["n"])


def sheet_of(db: Conn, child: str, byte_size: int) -> dict[str, Any]:
    """Worksheet fields whose JSON is exactly `byte_size` bytes (a long question pads it)."""
    fields = worksheet_fields(child) | {"questions": [{"id": "q1", "prompt": ""}]}
    fields["questions"][0]["prompt"] = "x" * (byte_size - size(db, fields))
    assert size(db, fields) == byte_size
    return fields


# -- a row, a field ----------------------------------------------------------------------------


def test_a_row_at_the_size_limit_is_stored_and_one_byte_more_is_refused(
    db: Conn, user: str
) -> None:
    most, child = limit(db, "row_bytes"), str(uuid.uuid4())
    results = push(
        db,
        user,
        [
            mutation("worksheets", "insert", str(uuid.uuid4()), sheet_of(db, child, most + 1)),
            mutation("worksheets", "insert", str(uuid.uuid4()), sheet_of(db, child, most)),
        ],
    )
    assert statuses(results) == ["rejected", "applied"]
    assert f"more than the {most} a row may hold" in results[0]["reason"]


def test_a_field_at_the_text_limit_is_stored_and_one_character_more_is_refused(
    db: Conn, user: str
) -> None:
    most = limit(db, "text_chars")
    long_board, longer_board = "ब" * most, "ब" * (most + 1)  # characters, not bytes
    results = push(
        db,
        user,
        [
            mutation(
                "children", "insert", str(uuid.uuid4()), child_fields() | {"board": longer_board}
            ),
            mutation(
                "children", "insert", str(uuid.uuid4()), child_fields() | {"board": long_board}
            ),
        ],
    )
    assert statuses(results) == ["rejected", "applied"]
    assert f"board holds {most + 1} characters" in results[0]["reason"]


def test_an_edit_is_held_to_the_same_limits(db: Conn, user: str) -> None:
    child = str(uuid.uuid4())
    push(db, user, [mutation("children", "insert", child, child_fields())])
    longer = "x" * (limit(db, "text_chars") + 1)
    results = push(db, user, [mutation("children", "update", child, {"roll_number": longer})])
    assert statuses(results) == ["rejected"]


# -- an account ---------------------------------------------------------------------------------


def usage(db: Conn, user: str) -> dict[str, Any]:
    row = db.execute(
        "SELECT rows, bytes FROM private.account_usage WHERE owner_id = %s", (user,)
    ).fetchone()
    assert row is not None
    return dict(row)


def test_the_account_keeps_count_of_its_rows_and_bytes(db: Conn, user: str) -> None:
    child, fields = str(uuid.uuid4()), child_fields("Asha")
    push(db, user, [mutation("children", "insert", child, fields)])
    assert usage(db, user) == {"rows": 2, "bytes": size(db, fields)}  # the row and its answer
    push(db, user, [mutation("children", "update", child, {"name": "Asha Raghunathan"})])
    assert usage(db, user) == {"rows": 3, "bytes": size(db, fields) + len("Raghunathan") + 1}


def test_an_existing_account_is_measured_from_its_rows(db: Conn, user: str) -> None:
    push(db, user, [mutation("children", "insert", str(uuid.uuid4()), child_fields())])
    counted = usage(db, user)
    db.execute("DELETE FROM private.account_usage WHERE owner_id = %s", (user,))
    push(db, user, [])
    assert usage(db, user) == counted


def test_accounts_that_hold_rows_already_are_measured_once_by_the_migration(db: Conn) -> None:
    user, child = new_user(db), str(uuid.uuid4())
    db.execute(  # a row written before the limits existed
        "INSERT INTO public.children (id, owner_id, hlc, name, grade) VALUES (%s, %s, %s, 'Asha', 3)",
        (child, user, hlc()),
    )
    db.execute("SELECT private.measure_accounts()")
    measured = usage(db, user)
    assert measured["rows"] == 1 and measured["bytes"] > 0


def give_room(db: Conn, user: str, rows: int | None = None, more_bytes: int | None = None) -> None:
    """Let the account keep only `rows` rows / `more_bytes` more bytes (an operator's override)."""
    push(db, user, [])  # the usage row exists from the first push on
    db.execute(
        "UPDATE private.account_usage SET max_rows = %s, max_bytes = bytes + %s WHERE owner_id = %s",
        (rows, more_bytes, user),
    )


def test_an_account_at_its_row_limit_takes_nothing_more(db: Conn, user: str) -> None:
    give_room(db, user, rows=2)  # one row and its answer
    first, second = (
        mutation("children", "insert", str(uuid.uuid4()), child_fields()) for _ in "ab"
    )
    results = push(db, user, [first, second])
    assert statuses(results) == ["applied", "rejected"]
    assert "this account is full" in results[1]["reason"]
    assert usage(db, user)["rows"] == 2


def test_an_account_at_its_byte_limit_takes_nothing_more(db: Conn, user: str) -> None:
    fields = child_fields("Asha")
    give_room(db, user, rows=100, more_bytes=size(db, fields))
    first, second = (mutation("children", "insert", str(uuid.uuid4()), fields) for _ in "ab")
    assert statuses(push(db, user, [first, second])) == ["applied", "rejected"]


def test_a_refusal_for_a_full_account_is_not_recorded_so_a_retry_is_weighed_again(
    db: Conn, user: str
) -> None:
    give_room(db, user, rows=1)
    waiting = mutation("children", "insert", str(uuid.uuid4()), child_fields())
    assert statuses(push(db, user, [waiting])) == ["rejected"]
    db.execute("UPDATE private.account_usage SET max_rows = NULL WHERE owner_id = %s", (user,))
    again = push(db, user, [waiting])
    assert [(r["status"], r.get("repeated")) for r in again] == [("applied", None)]


# -- pull pages ---------------------------------------------------------------------------------


@pytest.fixture
def page_bytes(db: Conn) -> Iterator[int]:
    """The page limit, put back after the test changed it."""
    before = limit(db, "page_bytes")
    try:
        yield before
    finally:
        db.execute("UPDATE private.limits SET value = %s WHERE name = 'page_bytes'", (before,))


def served_size(db: Conn, table: str, row_id: str) -> int:
    """A row's size as sync_pull measures it: its JSON as the pull prints it."""
    columns = [
        r["column_name"]
        for r in db.execute(
            "SELECT column_name FROM information_schema.columns WHERE table_schema = 'public' "
            "AND table_name = %s AND column_name NOT IN ('change_xid', 'change_seq') "
            "ORDER BY ordinal_position",
            (table,),
        )
    ]
    listed = ", ".join(f"x.{name}" for name in columns)
    row = db.execute(
        f"SELECT octet_length((SELECT row_to_json(r) FROM (SELECT {listed}) AS r)::text) AS n "
        f"FROM public.{table} AS x WHERE x.id = %s",
        (row_id,),
    ).fetchone()
    assert row is not None
    return int(row["n"])


def row_sizes(db: Conn, user: str) -> list[int]:
    """The size of each row a first pull serves, in order, as sync_pull measures it."""
    return [served_size(db, c["table"], c["row"]["id"]) for c in pull_all(db, user)[0]]


def test_a_page_holds_rows_up_to_its_byte_limit_and_not_one_byte_more(
    db: Conn, user: str, page_bytes: int
) -> None:
    push(
        db, user, [mutation("children", "insert", str(uuid.uuid4()), child_fields()) for _ in "abc"]
    )
    first, second, *_ = row_sizes(db, user)
    db.execute("UPDATE private.limits SET value = %s WHERE name = 'page_bytes'", (first + second,))
    at_the_edge = pull(db, user)
    assert (len(at_the_edge["changes"]), at_the_edge["has_more"]) == (2, True)
    db.execute(
        "UPDATE private.limits SET value = %s WHERE name = 'page_bytes'", (first + second - 1,)
    )
    over = pull(db, user)
    assert (len(over["changes"]), over["has_more"]) == (1, True)
    rest, _ = pull_all(db, user, over["cursor"])
    assert len(rest) == len(row_sizes(db, user)) - 1  # nothing skipped


def test_a_row_bigger_than_a_page_still_comes_alone(db: Conn, user: str, page_bytes: int) -> None:
    push(
        db,
        user,
        [mutation("worksheets", "insert", str(uuid.uuid4()), worksheet_fields(str(uuid.uuid4())))],
    )
    db.execute("UPDATE private.limits SET value = 1 WHERE name = 'page_bytes'")
    changes, _ = pull_all(db, user)
    assert {c["table"] for c in changes} == {"user_subscriptions", "worksheets"}


# -- NUL ----------------------------------------------------------------------------------------


def test_a_nul_in_pushed_text_refuses_that_mutation_alone(db: Conn, user: str) -> None:
    bad, good = str(uuid.uuid4()), str(uuid.uuid4())
    batch = [
        mutation("children", "insert", bad, child_fields("As\x00ha")),
        mutation("children", "insert", good, child_fields("Ravi")),
    ]
    results = push(db, user, batch)
    assert statuses(results) == ["rejected", "applied"]
    assert "U+0000 (NUL)" in results[0]["reason"]
    assert list(rows_of(pull_all(db, user)[0], "children")) == [good]
    again = push(db, user, batch)  # a retry gets the same answers
    assert [(r["status"], r.get("repeated")) for r in again] == [
        ("rejected", True),
        ("applied", True),
    ]


def test_a_backslash_before_u0000_is_text_not_a_nul(db: Conn, user: str) -> None:
    """Only an escaped NUL is one: the six characters \\u0000 typed as text are stored."""
    child = str(uuid.uuid4())
    results = push(db, user, [mutation("children", "insert", child, child_fields("A\\u0000"))])
    assert statuses(results) == ["applied"]
    assert rows_of(pull_all(db, user)[0], "children")[child]["name"] == "A\\u0000"


# -- ids per account ----------------------------------------------------------------------------

BIRDS = {"skill_tag": "custom.c3.birds", "subject": "custom", "grade": 3,
         "chapter_title": "Birds", "skill_title": "Nests", "concept": ""}  # fmt: skip


def test_two_accounts_pushing_the_same_custom_tag_both_keep_their_own(db: Conn) -> None:
    """A custom skill's id is made from its tag on every device: one id, two accounts."""
    first, second = new_user(db), new_user(db)
    same_id = natural_id("custom_skill", "custom.c3.birds")  # as storage/repositories/custom.py
    mine = push(db, first, [mutation("custom_skills", "insert", same_id, BIRDS)])
    theirs = push(
        db, second, [mutation("custom_skills", "insert", same_id, BIRDS | {"skill_title": "Eggs"})]
    )
    assert statuses(mine) == statuses(theirs) == ["applied"]
    for user, title in ((first, "Nests"), (second, "Eggs")):
        (skill,) = rows_of(pull_all(db, user)[0], "custom_skills").values()
        assert (skill["owner_id"], skill["skill_title"]) == (user, title)


def test_a_refusal_tells_nothing_of_other_accounts_ids(db: Conn) -> None:
    owner, other = new_user(db), new_user(db)
    used, unused = str(uuid.uuid4()), str(uuid.uuid4())
    push(db, owner, [mutation("children", "insert", used, child_fields())])
    answers = push(
        db,
        other,
        [mutation("children", "update", row, {"name": "Taken"}) for row in (used, unused)],
    )
    reasons = [
        r["reason"].replace(row, "<id>") for r, row in zip(answers, (used, unused), strict=True)
    ]
    assert reasons[0] == reasons[1] == "no children row <id>"


def test_anon_cannot_push_even_with_text_it_cannot_store(db: Conn) -> None:
    batch = [mutation("children", "insert", str(uuid.uuid4()), child_fields("\x00"))]
    with pytest.raises(psycopg.errors.InsufficientPrivilege), acting_as(db, "anon"):
        db.execute("SELECT public.sync_push(%s::json)", (push_request(batch),))
