"""Data for `bench sync`: one account with many rows on the server, and work on a device."""

from __future__ import annotations

import json
import time
import uuid
from typing import Any

import httpx
import psycopg

from cloud.devstack.postgres import LocalPostgres
from curriculum.engine import generate
from curriculum.question import Question, worksheet_hash
from progress.grading import grade
from storage.consent import ConsentBasis
from storage.database import Store
from worksheets.model import Worksheet

PASSWORD = "correct horse battery staple"
SKILL = "maths.c3.add_3digit_regroup"
BASIS = ConsentBasis.school("R. Sharma, Principal", app_version="bench")
CHILDREN, WORKSHEETS = 400, 2_000  # the rest of the rows are attempts
STEP_MS = 5_000  # rows made 5 s apart, ending now (the server refuses stamps from the future)


def load_account(
    cluster: LocalPostgres, url: str, anon: str, rows: int
) -> tuple[str, str, dict[str, Any]]:
    """Sign an account up through the devstack, then give it `rows` rows as superuser."""
    email = f"bench-{uuid.uuid4().hex[:8]}@example.com"
    answer = httpx.post(
        f"{url}/auth/v1/signup", json={"email": email, "password": PASSWORD},
        headers={"apikey": anon}, timeout=30,
    )  # fmt: skip
    answer.raise_for_status()
    user_id = str(answer.json()["user"]["id"])
    counts = {
        "children": CHILDREN,
        "guardian_consents": CHILDREN,
        "worksheets": WORKSHEETS,
        "attempt_events": rows - 2 * CHILDREN - WORKSHEETS,
    }
    started = time.perf_counter()
    with psycopg.connect(cluster.dsn(), autocommit=True) as conn:
        conn.execute("SET jit = off")
        first_ms = int(time.time() * 1000) - rows * STEP_MS
        offset = 0
        for table, count in counts.items():
            with conn.transaction():
                _insert(conn, table, user_id, count, first_ms + offset * STEP_MS)
            offset += count
        conn.execute("SELECT private.measure_accounts()")
        conn.execute("VACUUM ANALYZE")
    seconds = time.perf_counter() - started
    return email, user_id, {"rows": rows, "rows_by_table": counts, "load_s": round(seconds, 1)}


def _insert(
    conn: psycopg.Connection[Any], table: str, user_id: str, count: int, start: int
) -> None:
    columns = _common(table, start) | _own(table)
    conn.execute(
        f"INSERT INTO public.{table} ({', '.join(columns)}) "
        f"SELECT {', '.join(columns.values())} FROM generate_series(0, {count - 1}) AS r",
        {"owner": user_id, "questions": _questions()},
    )


def _uuid(kind: str, r: str) -> str:
    return f"md5('{kind}:' || %(owner)s || ':' || ({r}))::uuid"


def _common(table: str, start: int) -> dict[str, str]:
    ms = f"({start}::bigint + r::bigint * {STEP_MS})"
    return {
        "id": _uuid(table, "r"),
        "owner_id": "%(owner)s::uuid",
        "hlc": f"lpad({ms}::text, 13, '0') || '.00000.' || substr(md5('bench-node'), 1, 16)",
        "created_at": f"to_timestamp({ms} / 1000.0)",
        "updated_at": f"to_timestamp({ms} / 1000.0)",
    }


def _own(table: str) -> dict[str, str]:
    child = _uuid("children", f"mod(r, {CHILDREN})")
    return {
        "children": {"name": "'Child ' || r", "grade": "3", "board": "'CBSE'",
                     "roll_number": "r::text"},
        "guardian_consents": {
            "child_id": _uuid("children", "r"), "guardian_name": "'Parent ' || r",
            "relation": "'mother'", "purpose": "'practice worksheets and progress tracking'",
            "consent_given": "true", "notice_version": "'1'",
            "notice_sha256": "md5('notice') || md5('v1')", "consented_at": "now()",
            "app_version": "'bench'",
        },
        "worksheets": {
            "child_id": child, "code": "'B' || lpad(r::text, 6, '0')", "title": "'Practice'",
            "subject": "'maths'", "grade": "3", "mode": "'chosen'", "seed": "r",
            "generator_version": "'1'", "questions": "%(questions)s::jsonb",
            "settings": "'{}'::jsonb", "verification_hash": "md5('sheet' || r)",
        },
        "attempt_events": {
            "student_id": child, "worksheet_id": _uuid("worksheets", f"mod(r / 20, {WORKSHEETS})"),
            "question_id": "'q' || (mod(r, 20) + 1)", "skill_tag": f"'{SKILL}'",
            "given_answer": "mod(r, 97)::text",
            "result": "CASE WHEN mod(r, 4) = 0 THEN 'incorrect' ELSE 'correct' END",
            "answered_at": "now() - (r || ' seconds')::interval",
            "mastery_before": "'learning'", "mastery_after": "'improving'",
            "response_time_ms": "2000 + mod(r, 5000)", "graded_by": "'auto'",
        },
    }[table]  # fmt: skip


def _questions() -> str:
    return json.dumps(
        [{"id": f"q{i + 1}", "skill_tag": SKILL, "type": "fill_blank",
          "prompt": {"en": f"{140 + i} + {170 + i} = ____", "hi": None},
          "answer": str(310 + 2 * i), "difficulty": 2} for i in range(20)]
    )  # fmt: skip


def grade_a_sheet(store: Store, child: str | None, seed: int) -> str:
    """A 30-question sheet graded for `child` (made first if None); returns the child's id."""
    if child is None:
        child = str(store.children.add({"name": "Asha", "grade": 3}, BASIS).id)
    questions = generate(SKILL, 30, seed)
    sheet = store.worksheets.add(
        Worksheet(
            child_id=child, code=f"G-{seed:05d}", title="Adding", subject="maths", grade=3,
            mode="chosen", seed=seed, generator_version="bench",
            questions=[q.model_dump(mode="json") for q in questions],
            settings={"skills": {SKILL: 30}}, verification_hash=worksheet_hash(questions),
        )
    )  # fmt: skip
    graded = grade(
        [Question.model_validate(q) for q in sheet.questions], [q.answer for q in questions]
    )
    store.progress.grade(sheet, child, graded)
    return child


def queue_children(store: Store, count: int) -> None:
    store.children.add_many([{"name": f"Child {n}", "grade": 3} for n in range(count)], BASIS)
