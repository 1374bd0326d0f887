"""`bench storage`: repository writes (outbox included) against bare sqlite3, and a child's read.

Writes 10,000 children (each with the consent record no child is kept without) and 200,000
attempts through the repositories in transactions of 1,000 rows, then inserts exactly the same
rows with bare `executemany` into a fresh database with the
same schema and pragmas, in the same batches. Attempts are built as validated `AttemptEvent`s
first, as grading does; that cost is reported separately so the end-to-end figure is visible too.
"""

from __future__ import annotations

import random
import statistics
import tempfile
import time
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import Any

from progress.attempts import MASTERY_LEVELS, AttemptEvent
from storage.consent import ConsentBasis
from storage.database import Store
from storage.tables import ATTEMPT_EVENTS, CHILDREN, GUARDIAN_CONSENTS, SyncedTable

CHILDREN_COUNT = 10_000
ATTEMPT_COUNT = 200_000
FOCUS_ATTEMPTS = 1_000
BATCH = 1_000
READ_REPEATS = 50
TARGET_RATIO = 0.40
TARGET_READ_MS = 5.0
FIRST_NAMES = [
    "Asha",
    "Rohan",
    "Priya",
    "Arjun",
    "Meera",
    "Kabir",
    "Ananya",
    "Vivaan",
    "Diya",
    "Ishaan",
    "Saanvi",
    "Aarav",
    "Lakshmi",
    "Murugan",
    "Fatima",
    "Gurpreet",
]
LAST_NAMES = ["Sharma", "Iyer", "Khan", "Singh", "Das", "Patel", "Nair", "Reddy", "Gupta", "Bose"]
SKILLS = [f"maths.c{g}.skill{s}" for g in range(1, 6) for s in range(12)]
SCHOOL = ConsentBasis.school("The head teacher", app_version="bench")


def run() -> Iterator[dict[str, Any]]:
    with tempfile.TemporaryDirectory(prefix="bench-storage-") as folder:
        yield measure(Path(folder))


def measure(folder: Path) -> dict[str, Any]:
    rng = random.Random(2026)
    store = Store.open(folder / "repo.sqlite3")
    children = [_child(rng, i) for i in range(CHILDREN_COUNT)]
    child_s = _timed(lambda: [store.children.add_many(b, SCHOOL) for b in _batches(children)])
    ids = [r["id"] for r in store.query("SELECT id FROM children ORDER BY id")]
    build_started = time.perf_counter()
    attempts = _attempts(rng, ids)
    build_s = time.perf_counter() - build_started
    attempt_s = _timed(lambda: [store.attempts.record_many(b) for b in _batches(attempts)])
    focus = ids[0]
    read_ms = _read_times(store, focus)
    outbox_rows = store.query("SELECT count(*) AS n FROM outbox")[0]["n"]
    # A folder of its own: one writer per data folder.
    bare_child_s, bare_attempt_s = _bare(store, folder / "bare" / "bare.sqlite3")
    store.close()
    child_rate, attempt_rate = CHILDREN_COUNT / child_s, ATTEMPT_COUNT / attempt_s
    bare_child_rate, bare_attempt_rate = (
        CHILDREN_COUNT / bare_child_s,
        ATTEMPT_COUNT / bare_attempt_s,
    )
    total = CHILDREN_COUNT + ATTEMPT_COUNT
    ratio = (total / (child_s + attempt_s)) / (total / (bare_child_s + bare_attempt_s))
    return {
        "benchmark": "storage",
        "children": CHILDREN_COUNT,
        "attempts": ATTEMPT_COUNT,
        "batch_rows": BATCH,
        "outbox_mutations": outbox_rows,
        "repo_children_rows_per_s": round(child_rate),
        "bare_children_rows_per_s": round(bare_child_rate),
        "children_ratio": round(child_rate / bare_child_rate, 3),
        "repo_attempts_rows_per_s": round(attempt_rate),
        "bare_attempts_rows_per_s": round(bare_attempt_rate),
        "attempts_ratio": round(attempt_rate / bare_attempt_rate, 3),
        "overall_ratio": round(ratio, 3),
        "target_ratio": TARGET_RATIO,
        "attempt_model_build_rows_per_s": round(ATTEMPT_COUNT / build_s),
        "attempts_end_to_end_ratio": round(
            (ATTEMPT_COUNT / (attempt_s + build_s)) / bare_attempt_rate, 3
        ),
        "read_one_child_attempts": FOCUS_ATTEMPTS,
        "read_ms_median": round(statistics.median(read_ms), 3),
        "read_ms_p95": round(sorted(read_ms)[int(len(read_ms) * 0.95) - 1], 3),
        "read_ms_first": round(read_ms[0], 3),
        "target_read_ms": TARGET_READ_MS,
        "meets_targets": ratio >= TARGET_RATIO and statistics.median(read_ms) < TARGET_READ_MS,
    }


def _child(rng: random.Random, index: int) -> dict[str, Any]:
    name = f"{rng.choice(FIRST_NAMES)} {rng.choice(LAST_NAMES)} {index}"
    return {"name": name, "grade": rng.randint(1, 5), "roll_number": str(index % 45 + 1)}


def _attempts(rng: random.Random, child_ids: Sequence[str]) -> list[AttemptEvent]:
    """FOCUS_ATTEMPTS for the first child, the rest spread over the others."""
    owners = [child_ids[0]] * FOCUS_ATTEMPTS
    rest = child_ids[1:]
    owners += [rest[i % len(rest)] for i in range(ATTEMPT_COUNT - FOCUS_ATTEMPTS)]
    built = []
    for index, owner in enumerate(owners):
        correct = rng.random() < 0.7
        day, second = rng.randint(1, 28), rng.randint(0, 86_399)
        built.append(
            AttemptEvent(
                student_id=owner,
                worksheet_id=f"ws-{index // 20}",
                question_id=f"q{index % 20 + 1}",
                skill_tag=rng.choice(SKILLS),
                given_answer=str(rng.randint(0, 999)),
                result="correct" if correct else "incorrect",
                error_type=None if correct else "forgot_to_carry",
                answered_at=f"2026-{rng.randint(1, 11):02d}-{day:02d}T"
                f"{second // 3600:02d}:{second // 60 % 60:02d}:{second % 60:02d}.000Z",
                mastery_before=rng.choice(MASTERY_LEVELS),
                mastery_after=rng.choice(MASTERY_LEVELS),
                response_time_ms=rng.randint(2_000, 90_000),
            )
        )
    return built


def _read_times(store: Store, child_id: str) -> list[float]:
    times = []
    for _ in range(READ_REPEATS):
        started = time.perf_counter()
        found = store.attempts.for_child(child_id)
        times.append((time.perf_counter() - started) * 1000)
        assert len(found) == FOCUS_ATTEMPTS, len(found)
    return times


def _bare(source: Store, path: Path) -> tuple[float, float]:
    """The floor: the same rows, same schema and pragmas, bare executemany, same batches."""
    target = Store.open(path)
    times = []
    for tables in ((GUARDIAN_CONSENTS, CHILDREN), (ATTEMPT_EVENTS,)):
        rows = {t: source.conn.execute(_select_all(t)).fetchall() for t in tables}
        times.append(_timed(lambda rows=rows: _bare_insert(target, rows)))
    target.close()
    return times[0], times[1]


def _select_all(table: SyncedTable) -> str:
    return f"SELECT {', '.join(table.all_columns)} FROM {table.name}"


def _bare_insert(store: Store, rows: dict[SyncedTable, list[Any]]) -> None:
    """Each batch of every table in one transaction, as the repositories write them."""
    batches = {table: list(_batches(table_rows)) for table, table_rows in rows.items()}
    for index in range(max(len(b) for b in batches.values())):
        store.conn.execute("BEGIN IMMEDIATE")
        for table, table_batches in batches.items():
            store.conn.executemany(table.insert_sql, table_batches[index])
        store.conn.execute("COMMIT")


def _batches(items: Sequence[Any]) -> Iterator[Sequence[Any]]:
    for start in range(0, len(items), BATCH):
        yield items[start : start + BATCH]


def _timed(work: Any) -> float:
    started = time.perf_counter()
    work()
    return time.perf_counter() - started
