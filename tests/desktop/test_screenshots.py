"""`python -m desktop.screenshots`: demo data, and one picture per page plus the wizard."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from desktop.screenshots import CLASSES, SCHOOL, build_demo, slug
from desktop.window import PAGES
from storage.database import Store
from storage.paths import local_database_path


def test_the_demo_school_has_two_classes_with_graded_work_over_several_days(
    tmp_path: Path,
) -> None:
    build_demo(tmp_path)
    with Store.open(local_database_path(tmp_path)) as store:
        profile = store.profiles.current()
        assert profile is not None and profile.school_name == SCHOOL
        assert [c.name for c in store.classes.all()] == ["3A", "4B"]
        names = [child.name for child in store.children.all()]
        assert len(names) == sum(len(children) for children in CLASSES.values())
        assert any("\u0900" <= letter <= "\u097f" for name in names for letter in name)
        days = {
            attempt.answered_at[:10]
            for child in store.children.all()
            for attempt in store.attempts.for_child(child.id or "")
        }
        assert len(days) >= 3


def test_screenshots_writes_one_png_per_page_and_the_first_run_wizard(tmp_path: Path) -> None:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    done = subprocess.run(
        [sys.executable, "-m", "desktop.screenshots", str(tmp_path)],
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    expected = [f"{n:02d}-{slug(page.title)}.png" for n, page in enumerate(PAGES, start=1)]
    for name in [*expected, "00-first-run-wizard.png"]:
        picture = tmp_path / name
        assert picture.is_file(), name
        assert picture.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n" and picture.stat().st_size > 2000
