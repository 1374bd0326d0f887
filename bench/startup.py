"""`bench startup`: the app's cold start as a whole process, the way a teacher starts it.

Each run is a new `python -m practicecraft --quit-after-first-paint` (offscreen): the
interpreter starts, imports the app and Qt, opens the window, paints it, waits for its first
database work and quits. The first run also creates the database (reported on its own); before
the later runs a teacher's profile and a class of 40 are saved, so they measure a returning
teacher's start. Target: median of the later runs < 1.5 s. When it is missed, the import times
(`python -X importtime`) are summed per top-level package to show what dominates.
"""

from __future__ import annotations

import os
import statistics
import subprocess
import sys
import tempfile
import time
from collections import defaultdict
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from storage.consent import ConsentBasis
from storage.database import Store
from storage.paths import local_database_path

RUNS = 7
TARGET_S = 1.5
TIMEOUT_S = 120
CLASS_SIZE = 40
TOP_PACKAGES = 8

SCHOOL = ConsentBasis.school("The head teacher", app_version="bench")


def command(data_dir: Path, *python_options: str) -> list[str]:
    return [
        sys.executable,
        *python_options,
        "-m",
        "practicecraft",
        "--data-dir",
        str(data_dir),
        "--quit-after-first-paint",
    ]


def start_once(data_dir: Path, *python_options: str) -> tuple[float, str]:
    """Seconds from starting the process to its exit, and what it wrote to stderr."""
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    started = time.perf_counter()
    done = subprocess.run(
        command(data_dir, *python_options),
        env=env,
        capture_output=True,
        text=True,
        timeout=TIMEOUT_S,
        check=False,
    )
    elapsed = time.perf_counter() - started
    if done.returncode != 0:
        raise RuntimeError(f"the app exited with {done.returncode}: {done.stderr.strip()[-2000:]}")
    return elapsed, done.stderr


def returning_teacher(data_dir: Path) -> None:
    """What a teacher has after the first day: a profile and a class."""
    with Store.open(local_database_path(data_dir)) as store:
        store.profiles.save({"role": "teacher", "active_role": "teacher", "school_name": "Bench"})
        school_class = store.classes.add({"name": "3A", "grade": 3, "subject": "maths"})
        children = store.children.add_many(
            [{"name": f"Child {n:02d}", "grade": 3} for n in range(1, CLASS_SIZE + 1)], SCHOOL
        )
        with store.write() as writer:
            for child in children:
                store.classes.join(writer, school_class.id or "", child.id or "")


def summarise_importtime(stderr: str, top: int = TOP_PACKAGES) -> dict[str, float]:
    """Milliseconds spent importing each top-level package (own time of all its modules),
    biggest first, from the output of `python -X importtime`."""
    spent: dict[str, float] = defaultdict(float)
    for line in stderr.splitlines():
        if not line.startswith("import time:") or "|" not in line:
            continue
        own, _cumulative, name = (part.strip() for part in line[12:].split("|", 2))
        if own.isdigit():
            spent[name.split(".")[0]] += int(own) / 1000
    ranked = sorted(spent.items(), key=lambda item: item[1], reverse=True)[:top]
    return {name: round(value, 1) for name, value in ranked}


def run() -> Iterator[dict[str, Any]]:
    with tempfile.TemporaryDirectory(prefix="bench-startup-") as folder:
        data_dir = Path(folder)
        first, _stderr = start_once(data_dir)
        returning_teacher(data_dir)
        later = [start_once(data_dir)[0] for _ in range(max(1, RUNS - 1))]
        median = statistics.median(later)
        result: dict[str, Any] = {
            "benchmark": "startup",
            "first_run_s": round(first, 3),
            "median_s": round(median, 3),
            "min_s": round(min(later), 3),
            "runs": 1 + len(later),
            "target_s": TARGET_S,
            "within_target": median < TARGET_S,
        }
        if median >= TARGET_S:
            result["import_ms_by_package"] = summarise_importtime(
                start_once(data_dir, "-X", "importtime")[1]
            )
        yield result
