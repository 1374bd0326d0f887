"""Log files: rotated, private, and with no child's or guardian's name in them."""

from __future__ import annotations

import logging
import stat
from collections.abc import Iterator
from pathlib import Path

import pytest

from storage.database import Store
from storage.logfiles import MAX_BYTES, REDACTOR, hide_names_of, start_logging
from tests.conftest import SCHOOL

log = logging.getLogger("practicecraft.test")


@pytest.fixture
def log_file(tmp_path: Path) -> Iterator[Path]:
    path = start_logging(tmp_path / "data")
    yield path
    REDACTOR.hide([])


def _everything_logged(folder: Path) -> str:
    return "".join(p.read_text(encoding="utf-8") for p in sorted(folder.iterdir()))


def test_the_log_rotates_and_every_file_and_the_folder_are_private(log_file: Path) -> None:
    line = "x" * 200
    for _ in range(MAX_BYTES // 200 + 200):
        log.info(line)
    files = sorted(p.name for p in log_file.parent.iterdir())
    assert files[:2] == ["practicecraft.log", "practicecraft.log.1"]
    assert all(stat.S_IMODE(p.stat().st_mode) == 0o600 for p in log_file.parent.iterdir())
    assert stat.S_IMODE(log_file.parent.stat().st_mode) == 0o700


def test_names_of_children_and_guardians_kept_never_reach_the_log(
    log_file: Path, store: Store
) -> None:
    store.children.add({"name": "Zoya Qureshi", "grade": 3}, SCHOOL)
    hide_names_of(store)
    log.warning("printing Zoya Qureshi's sheet; ZOYA again; the Qureshi family")
    try:
        raise RuntimeError("cannot grade zoya qureshi")
    except RuntimeError:
        log.exception("grading failed")
    log.info("basis given by R. Sharma, Principal")
    written = _everything_logged(log_file.parent)
    assert "RuntimeError" in written and "(a name)" in written
    for name in ("zoya", "qureshi", "sharma"):
        assert name not in written.casefold()


def test_words_that_only_contain_a_name_are_left_alone(log_file: Path, store: Store) -> None:
    store.children.add({"name": "Ram Lal", "grade": 3}, SCHOOL)
    hide_names_of(store)
    log.info("the program started")
    assert "the program started" in _everything_logged(log_file.parent)
