"""`bench cloud`: the sync RPCs on a server holding 100 users x 10,000 synced rows.

A throwaway PostgreSQL (Supabase's base and our migrations) is loaded as superuser with 100
users and 10,000 rows each (1,000,000 in all): mostly attempt_events, then worksheets (each with
a 10-question snapshot), children, classes and rosters, topic preferences, consents and
certificates. The rows go in over ROUNDS transactions, each holding a share of every user's
rows in clumps of CLUMP, so one user's changes span several change_xid values and lie in the
heap among other users' rows, as concurrent pushes would leave them. Then each account's usage
is measured (as the migration that added the limits measures existing accounts), and VACUUM
ANALYZE.

Measured as the user (the `authenticator` login, `SET LOCAL ROLE authenticated` and the JWT
claims, as PostgREST runs a request: through Row Level Security), round trips on 127.0.0.1:
- sync_pull(NULL, 1000), the first page of a first sync, for 20 users x 5 repeats: median and
  p95 ms, rows and JSON bytes (target from the issue: median < 50 ms); then the next page;
- the plan of the pull's attempt_events arm (EXPLAIN ANALYZE with literal parameters): an index
  scan on attempt_events_owner_changes, no Seq Scan; and the plan the function really runs,
  caught with auto_explain (nested statements): how each table's rows were found, JIT time;
- sync_counts(), the after-sync comparison (our target: < 50 ms);
- sync_push of 500 mutations, 400 new attempts and 100 edits (our target: < 1 s).
The load time and the row count are reported too.
"""

from __future__ import annotations

import json
import math
import statistics
import time
import uuid
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from typing import Any

import psycopg

from cloud.devstack.postgres import LocalPostgres
from cloud.migrations import prepare

USERS = 100
ROWS_PER_USER = 10_000
ROUNDS = 20
CLUMP = 50
MEASURED_USERS = 20
PULL_REPEATS = 5
PAGE = 1_000
COUNTS_REPEATS = 3
PUSH_SIZE = 500
PUSH_EDITS = 100
PUSH_REPEATS = 5
QUESTIONS_PER_SHEET = 10
TARGETS = {"pull_ms": 50.0, "counts_ms": 50.0, "push_ms": 1000.0}
START_MS = 1_767_225_600_000  # 2026-01-01 UTC: the school year the rows were made in
PULL_INDEX = "attempt_events_owner_changes"

# A user's rows per table, as shares of ROWS_PER_USER (at least one each) besides one profile;
# attempt_events takes the rest. Listed in the order a round writes them.
SHARES = {
    "user_profiles": 0.0,
    "children": 0.004,
    "teacher_classes": 0.0002,
    "class_members": 0.004,
    "topic_preferences": 0.004,
    "guardian_consents": 0.004,
    "worksheets": 0.04,
    "attempt_events": 0.0,
    "certificates": 0.003,
}


def run() -> Iterator[dict[str, Any]]:
    cluster = LocalPostgres.throwaway(prefix="practicecraft-pg-bench-")
    try:
        cluster.start()
        prepare(cluster.dsn())
        users, load = _load(cluster)
        yield load
        with psycopg.connect(cluster.dsn(user="authenticator"), autocommit=True) as conn:
            measured = users[:: max(1, len(users) // MEASURED_USERS)][:MEASURED_USERS]
            first, following = _pulls(conn, measured)
            first |= _arm_plan(conn, measured[0])
            first["function_plan"] = _function_plan(cluster, measured[0])
            yield first
            yield following
            yield _counts(conn, measured)
            yield _pushes(conn, measured)
    finally:
        cluster.remove()


def per_user_counts(rows: int) -> dict[str, int]:
    """How many rows of each table one user has; they add up to `rows`."""
    counts = {name: max(1, round(rows * share)) for name, share in SHARES.items()}
    counts["user_profiles"] = 1
    counts["attempt_events"] = rows - sum(
        n for name, n in counts.items() if name != "attempt_events"
    )
    if counts["attempt_events"] < 1:
        raise ValueError(f"{rows} rows per user is too few for every synced table")
    return counts


# --- loading ---------------------------------------------------------------------------------


def _ms(r: str) -> str:
    """When row r of user u was made (ms); ids and clock stamps derive from it."""
    return f"({START_MS} + ({r})::bigint * 600000 + u.n * 1000)"


def _id(table: str, r: str) -> str:
    """A UUIDv7 as a device makes it: time first, so new rows go to the right of the index."""
    h = f"md5('{table}:' || u.n || ':' || ({r}))"
    return (
        f"(lpad(to_hex({_ms(r)}), 12, '0') || '7' || substr({h}, 1, 3) || '8' "
        f"|| substr({h}, 4, 15))::uuid"
    )


def _columns(table: str, n: dict[str, int]) -> dict[str, str]:
    """The SQL that makes each column of row r of user u (from bench_users AS u)."""
    at = f"to_timestamp({_ms('r')} / 1000.0)"
    child = _id("children", f"mod(r, {n['children']})")
    common = {
        "id": _id(table, "r"),
        "owner_id": "u.id",
        "hlc": f"lpad({_ms('r')}::text, 13, '0') || '.00000.' || substr(md5('node' || u.n), 1, 16)",
        "created_at": at,
        "updated_at": at,
    }
    own: dict[str, dict[str, str]] = {
        "user_profiles": {
            "role": "'teacher'",
            "active_role": "'teacher'",
            "display_name": "'Teacher ' || u.n",
            "school_name": "'Kendriya Vidyalaya'",
            "subjects": """'["maths", "english"]'""",
            "grades": "'[3, 4]'",
        },
        "children": {
            "name": "'Child ' || r",
            "grade": "3 + mod(r, 3)",
            "age_band": "'8-9'",
            "roll_number": "r::text",
        },
        "teacher_classes": {"name": "'Class 4' || r", "grade": "4", "academic_year": "'2026-27'"},
        "class_members": {
            "class_id": _id("teacher_classes", f"mod(r, {n['teacher_classes']})"),
            "child_id": child,
            "roll_number": "r::text",
        },
        "topic_preferences": {
            "child_id": child,
            "subject": "'maths'",
            "selected_topics": """'["maths.c4.ch1", "maths.c4.ch2"]'""",
        },
        "guardian_consents": {
            "child_id": child,
            "guardian_name": "'Parent ' || r",
            "relation": "'mother'",
            "purpose": "'practice worksheets and progress tracking'",
            "consent_given": "true",
            "notice_version": "'1'",
            "notice_sha256": "md5('notice') || md5('v1')",
            "consented_at": at,
            "app_version": "'0.1.0'",
        },
        "worksheets": {
            "child_id": child,
            "code": "'W' || lpad(r::text, 5, '0') || '-' || u.n",
            "title": "'Practice'",
            "subject": "'maths'",
            "grade": "4",
            "mode": "'adaptive'",
            "seed": "r",
            "generator_version": "'1'",
            "questions": "%(questions)s::jsonb",
            "verification_hash": "md5('sheet' || u.n || ':' || r)",
        },
        "attempt_events": {
            "student_id": child,
            "worksheet_id": _id("worksheets", f"mod(r / 20, {n['worksheets']})"),
            "question_id": "'q' || (mod(r, 20) + 1)",
            "skill_tag": "'maths.c4.skill_' || mod(r, 30)",
            "given_answer": "mod(r, 97)::text",
            "result": "CASE WHEN mod(r, 4) = 0 THEN 'incorrect' ELSE 'correct' END",
            "error_type": "CASE WHEN mod(r, 4) = 0 THEN 'off_by_one' END",
            "answered_at": at,
            "mastery_before": "'learning'",
            "mastery_after": "'improving'",
            "response_time_ms": "2000 + mod(r, 5000)",
            "graded_by": "'auto'",
        },
        "certificates": {
            "child_id": child,
            "chapter_key": "'maths.c4.ch' || r",
            "chapter_title": "'Chapter ' || r",
            "certificate_number": "'PC-' || u.n || '-' || r",
            "verification_code": "upper(substr(md5('certificate' || u.n || ':' || r), 1, 16))",
            "issued_at": at,
        },
    }
    return common | own[table]


def _questions() -> str:
    """A modest question snapshot, as a worksheet keeps it (about 1.5 kB)."""
    return json.dumps(
        [
            {
                "id": f"q{i + 1}",
                "skill_tag": "maths.c4.skill_1",
                "type": "fill_blank",
                "prompt": {"en": f"{40 + i} + {17 + i} = ____", "hi": None},
                "answer": str(57 + 2 * i),
                "difficulty": 1 + i % 3,
            }
            for i in range(QUESTIONS_PER_SHEET)
        ]
    )


def _load(cluster: LocalPostgres) -> tuple[list[str], dict[str, Any]]:
    users = [str(uuid.uuid4()) for _ in range(USERS)]
    counts = per_user_counts(ROWS_PER_USER)
    started = time.perf_counter()
    with psycopg.connect(cluster.dsn(), autocommit=True) as conn:
        conn.execute("SET jit = off")  # compiling each bulk insert costs more than it saves
        with conn.transaction():
            conn.execute(
                "INSERT INTO auth.users (id, email) "
                "SELECT id, 'user' || n || '@example.test' FROM unnest(%s::uuid[]) "
                "WITH ORDINALITY AS u (id, n)",
                (users,),
            )
            conn.execute(
                "CREATE TEMPORARY TABLE bench_users AS "
                "SELECT n::integer AS n, id FROM unnest(%s::uuid[]) WITH ORDINALITY AS u (id, n)",
                (users,),
            )
        for round_number in range(ROUNDS):
            with conn.transaction():  # one transaction id for a share of every user's rows
                for table, count in counts.items():
                    _insert_round(conn, table, counts, _share(count, round_number))
        # The accounts' usage, as the migration that introduced it measures existing accounts
        # (pushes keep it up to date from then on).
        conn.execute("SELECT private.measure_accounts()")
        loaded = time.perf_counter() - started
        started = time.perf_counter()
        conn.execute("VACUUM ANALYZE")
        vacuumed = time.perf_counter() - started
        by_table = {table: _count(conn, table) for table in counts}
    rows = sum(by_table.values())
    return (
        users,
        {
            "benchmark": "cloud.load",
            "users": USERS,
            "rows": rows,
            "rows_by_table": by_table,
            "transactions": ROUNDS,
            "load_s": round(loaded, 1),
            "rows_per_s": round(rows / loaded),
            "vacuum_analyze_s": round(vacuumed, 1),
        },
    )


def _count(conn: psycopg.Connection[Any], table: str) -> int:
    row = conn.execute(f"SELECT count(*) FROM public.{table}").fetchone()
    assert row is not None
    return int(row[0])


def _share(count: int, round_number: int) -> range:
    """Round k's share of rows 0..count-1; small tables come in the first rounds."""
    return range(-(-count * round_number // ROUNDS), -(-count * (round_number + 1) // ROUNDS))


def _insert_round(
    conn: psycopg.Connection[Any], table: str, counts: dict[str, int], rows: range
) -> None:
    if not rows:
        return
    columns = _columns(table, counts)
    conn.execute(
        f"INSERT INTO public.{table} ({', '.join(columns)}) "
        f"SELECT {', '.join(columns.values())} "
        f"FROM bench_users AS u CROSS JOIN generate_series({rows.start}, {rows.stop - 1}) AS r "
        f"ORDER BY r / {CLUMP}, u.n, r",
        {"questions": _questions()},
    )


# --- measuring as the user -------------------------------------------------------------------


@contextmanager
def _as_user(conn: psycopg.Connection[Any], user_id: str) -> Iterator[None]:
    """One request as PostgREST runs it: a transaction as `authenticated` with the claims."""
    with conn.transaction():
        conn.execute("SET LOCAL ROLE authenticated")
        claims = json.dumps({"sub": user_id, "role": "authenticated"})
        conn.execute("SELECT set_config('request.jwt.claims', %s, true)", (claims,))
        yield


def _timed(conn: psycopg.Connection[Any], query: str, params: Sequence[Any]) -> tuple[float, Any]:
    started = time.perf_counter()
    row = conn.execute(query, params).fetchone()
    elapsed = (time.perf_counter() - started) * 1000
    assert row is not None
    return elapsed, row[0]


def _figures(times: list[float], target: float) -> dict[str, Any]:
    median = statistics.median(times)
    return {
        "calls": len(times),
        "median_ms": round(median, 2),
        "p95_ms": round(sorted(times)[math.ceil(0.95 * len(times)) - 1], 2),
        "target_ms": target,
        "within_target": median < target,
    }


def _pulls(conn: psycopg.Connection[Any], users: list[str]) -> tuple[dict[str, Any], ...]:
    """First page then the next one from its cursor, per user; JSON taken as text, unparsed."""
    pull = "SELECT public.sync_pull(%s, %s)::text"
    with _as_user(conn, users[-1]):
        _timed(conn, pull, (None, PAGE))  # the session's first call compiles the function
    first: list[float] = []
    following: list[float] = []
    sizes: dict[str, list[int]] = {"rows": [], "bytes": [], "next_rows": [], "next_bytes": []}
    for user_id in users:
        for _ in range(PULL_REPEATS):
            with _as_user(conn, user_id):
                elapsed, text = _timed(conn, pull, (None, PAGE))
            first.append(elapsed)
            page = json.loads(text)
            with _as_user(conn, user_id):
                elapsed, following_text = _timed(conn, pull, (page["cursor"], PAGE))
            following.append(elapsed)
            sizes["rows"].append(len(page["changes"]))
            sizes["bytes"].append(len(text.encode()))
            sizes["next_rows"].append(len(json.loads(following_text)["changes"]))
            sizes["next_bytes"].append(len(following_text.encode()))
    return (
        {
            "benchmark": "cloud.sync_pull_first_page",
            "users": len(users),
            "page_size": PAGE,
            "rows": min(sizes["rows"]),
            "has_more": page["has_more"],
            "json_bytes": round(statistics.median(sizes["bytes"])),
        }
        | _figures(first, TARGETS["pull_ms"]),
        {
            "benchmark": "cloud.sync_pull_next_page",
            "users": len(users),
            "rows": min(sizes["next_rows"]),
            "json_bytes": round(statistics.median(sizes["next_bytes"])),
        }
        | _figures(following, TARGETS["pull_ms"]),
    )


def _plan_nodes(plan: dict[str, Any]) -> Iterator[dict[str, Any]]:
    yield plan
    for child in plan.get("Plans", []):
        yield from _plan_nodes(child)


def _arm_plan(conn: psycopg.Connection[Any], user_id: str) -> dict[str, Any]:
    """EXPLAIN ANALYZE of sync_pull's attempt_events arm, with the parameters written in."""
    owner = uuid.UUID(user_id)
    with _as_user(conn, user_id):
        row = conn.execute("SELECT pg_snapshot_xmin(pg_current_snapshot())::text").fetchone()
        assert row is not None
        arm = (
            "SELECT 'attempt_events' AS tbl, x.change_xid, x.change_seq, "
            "to_jsonb(x) - 'change_xid' - 'change_seq' AS row FROM public.attempt_events AS x "
            f"WHERE x.owner_id = '{owner}' AND (x.change_xid, x.change_seq) > ('0'::xid8, 0) "
            f"AND x.change_xid < '{int(row[0])}'::xid8 "
            f"ORDER BY x.change_xid, x.change_seq LIMIT {PAGE + 1}"
        )
        explained = conn.execute(f"EXPLAIN (ANALYZE, FORMAT JSON) {arm}").fetchone()
    assert explained is not None
    nodes = list(_plan_nodes(explained[0][0]["Plan"]))
    indexes = sorted({n["Index Name"] for n in nodes if "Index Name" in n})
    seq_scans = sorted({n["Relation Name"] for n in nodes if n["Node Type"] == "Seq Scan"})
    return {
        "pull_uses_index": any(
            n["Node Type"] in ("Index Scan", "Index Only Scan")
            and n.get("Index Name") == PULL_INDEX
            for n in nodes
        )
        and "attempt_events" not in seq_scans,
        "arm_indexes": indexes,
        "arm_seq_scans": seq_scans,
        "arm_execution_ms": round(explained[0][0]["Execution Time"], 2),
    }


def _function_plan(cluster: LocalPostgres, user_id: str) -> dict[str, Any]:
    """The plan of the query sync_pull builds, as it runs inside the function (auto_explain).

    `scans` says, per table, how its rows were found and how many were turned into JSON: an
    arm that is not an ordered index scan converts every row the user has before sorting.
    """
    plans: list[str] = []
    with psycopg.connect(cluster.dsn(), autocommit=True) as conn:  # LOAD needs a superuser
        conn.add_notice_handler(lambda notice: plans.append(notice.message_primary or ""))
        try:
            conn.execute("LOAD 'auto_explain'")
        except psycopg.Error as error:
            return {"error": f"auto_explain is not available here: {error}"}
        for setting, value in (
            ("log_min_duration", "0"),
            ("log_analyze", "on"),
            ("log_nested_statements", "on"),
            ("log_format", "json"),
            ("log_level", "notice"),
        ):
            conn.execute(f"SET auto_explain.{setting} = '{value}'")
        with _as_user(conn, user_id):
            conn.execute("SELECT public.sync_pull(NULL, %s)::text", (PAGE,))
    found = [p for p in plans if "WITH ahead AS" in p]
    if not found:
        return {"error": f"auto_explain showed no pull query among {len(plans)} plans"}
    duration, _, body = found[0].partition("plan:")
    explained = json.loads(body)
    nodes = list(_plan_nodes(explained["Plan"]))
    return {
        "duration_ms": float(duration.split()[1]),
        "jit_ms": round(explained.get("JIT", {}).get("Timing", {}).get("Total", 0.0), 2),
        "merge_append": any(n["Node Type"] == "Merge Append" for n in nodes),
        "scans": dict(sorted(_scan(n) for n in nodes if "Relation Name" in n)),
    }


def _scan(node: dict[str, Any]) -> tuple[str, str]:
    """(table, "Index Scan on attempt_events_owner_changes, 941 rows") from a plan node."""
    below = [c["Index Name"] for c in node.get("Plans", []) if "Index Name" in c]
    index = node.get("Index Name") or (below[0] if below else None)
    how = f"{node['Node Type']} on {index}" if index else node["Node Type"]
    return node["Relation Name"], f"{how}, {node['Actual Rows']} rows"


def _counts(conn: psycopg.Connection[Any], users: list[str]) -> dict[str, Any]:
    times = []
    for user_id in users:
        for _ in range(COUNTS_REPEATS):
            with _as_user(conn, user_id):
                elapsed, counts = _timed(conn, "SELECT public.sync_counts()", ())
            times.append(elapsed)
    return {
        "benchmark": "cloud.sync_counts",
        "users": len(users),
        "attempt_events_live": counts["attempt_events"]["live"],
    } | _figures(times, TARGETS["counts_ms"])


def _pushes(conn: psycopg.Connection[Any], users: list[str]) -> dict[str, Any]:
    """Batches of PUSH_SIZE mutations, each committed: new attempts, edits of sheets, children."""
    times, statuses = [], []
    for repeat in range(PUSH_REPEATS):
        user_id = users[repeat % len(users)]
        with _as_user(conn, user_id):
            mutations = _batch(conn, repeat)
            elapsed, answer = _timed(
                conn,
                "SELECT public.sync_push(%s::json)",
                (
                    json.dumps(
                        {
                            "p_device_id": "bench-device",
                            "p_schema_version": 1,
                            "p_mutations": mutations,
                        }
                    ),
                ),
            )
        times.append(elapsed)
        statuses += [r["status"] for r in answer["results"]]
    return {
        "benchmark": "cloud.sync_push",
        "batch": PUSH_SIZE,
        "edits_per_batch": PUSH_EDITS,
        "applied": statuses.count("applied"),
        "not_applied": len(statuses) - statuses.count("applied"),
    } | _figures(times, TARGETS["push_ms"])


def _batch(conn: psycopg.Connection[Any], repeat: int) -> list[dict[str, Any]]:
    """What a device's outbox holds after a day of use; the user's ids are read through RLS."""
    children = [r[0] for r in conn.execute("SELECT id::text FROM public.children LIMIT 50")]
    sheets = [r[0] for r in conn.execute("SELECT id::text FROM public.worksheets LIMIT 50")]
    now = int(time.time() * 1000)
    mutations = []
    for i in range(PUSH_SIZE):
        mutation: dict[str, Any] = {
            "mutation_id": str(uuid.uuid4()),
            "hlc": f"{now:013d}.{i:05d}.{repeat:016x}",
        }
        if i < PUSH_EDITS:
            table, ids, field = (
                ("children", children, "name") if i % 2 else ("worksheets", sheets, "title")
            )
            mutation |= {"table": table, "op": "update", "row_id": ids[i % len(ids)]}
            mutation["fields"] = {field: f"Edited {repeat}-{i}"}
        else:
            mutation |= {"table": "attempt_events", "op": "insert", "row_id": str(uuid.uuid4())}
            mutation["fields"] = _new_attempt(
                children[i % len(children)], sheets[i % len(sheets)], i, now
            )
        mutations.append(mutation)
    return mutations


def _new_attempt(child_id: str, sheet_id: str, number: int, now_ms: int) -> dict[str, Any]:
    return {
        "student_id": child_id,
        "worksheet_id": sheet_id,
        "question_id": f"q{number % 20 + 1}",
        "skill_tag": "maths.c4.skill_2",
        "given_answer": str(number),
        "result": "correct",
        "answered_at": time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime(now_ms / 1000)),
        "mastery_before": "learning",
        "mastery_after": "improving",
        "response_time_ms": 2500,
        "graded_by": "auto",
    }
