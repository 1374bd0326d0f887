"""Three devices, one account, one server, and faults: everyone converges and nothing is lost.

A hypothesis state machine adds, edits, deletes and grades children on three devices, syncs them
in any order with faults injected at the HTTP layer (a request dropped before the server, an
answer lost after the server committed, a 401 for an expired token, a 500, a timeout), restarts
devices, skews their clocks within and beyond the bound, and signs them out and in again. When
the faults heal and every device syncs twice, every device and the server must hold the same
rows and tombstones, every write a device acknowledged must be there (the newest stamp of each
field wins), no attempt is duplicated, no deleted row is alive again, mastery, stars and streaks
agree everywhere, and every outbox is empty. A failing example prints its steps and the faults.
"""

from __future__ import annotations

import os
import shutil
import tempfile
import uuid
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import psycopg
import pytest
from hypothesis import HealthCheck, note, settings
from hypothesis import strategies as st
from hypothesis.stateful import RuleBasedStateMachine, initialize, invariant, precondition, rule

from cloud.devstack.server import DevCloud
from curriculum.engine import generate
from curriculum.question import Question, worksheet_hash
from progress.grading import grade
from sync.errors import SyncError
from tests.sync.devices import Device
from tests.sync.faults import Fault
from worksheets.model import Worksheet

SKILL = "maths.c3.add_3digit_regroup"
NAMES = ("Asha", "Ravi", "Meena", "Arjun")
SKEWS = {"none": 0, "within": 60_000, "behind within": -60_000, "beyond": 20 * 60_000}
FAULTS = [None, *(f for f in Fault if f is not Fault.NONE)]


@dataclass
class ChildModel:
    """Every acknowledged write to one child, with the stamp the device gave it."""

    writes: dict[str, list[tuple[str, Any]]] = field(default_factory=dict)
    deleted: bool = False

    def expected(self, name: str) -> Any:
        return max(self.writes[name])[1]


class Convergence(RuleBasedStateMachine):
    cloud: DevCloud

    def __init__(self) -> None:
        super().__init__()
        self.folder = Path(tempfile.mkdtemp(prefix="pc-converge-"))
        self.devices: list[Device] = []
        self.children: dict[str, ChildModel] = {}
        self.attempts: set[str] = set()
        self.email = f"converge-{uuid.uuid4().hex[:10]}@example.com"
        self.user_id = ""

    @initialize()
    def three_devices_signed_into_one_account(self) -> None:
        for n in range(3):
            device = Device(self.folder / f"device{n}", self.cloud)
            self.devices.append(device)
            signed = device.sign_in(self.email, new=(n == 0))
            self.user_id = signed.user_id

    # -- what people do --------------------------------------------------------------------

    @rule(n=st.integers(0, 2), name=st.sampled_from(NAMES))
    def add_child(self, n: int, name: str) -> None:
        device = self.devices[n]
        child = device.add_child(name)
        stamp = device.rows("children")[child]["hlc"]
        model = self.children[child] = ChildModel()
        for column, value in (("name", name), ("grade", 3), ("roll_number", None)):
            model.writes[column] = [(stamp, value)]

    def _live_on(self, device: Device) -> list[str]:
        return sorted(c.id or "" for c in device.db.children.all(include_archived=True))

    @precondition(lambda self: bool(self.children))
    @rule(n=st.integers(0, 2), pick=st.integers(0, 99), change=st.sampled_from(
        [("name", "Asha Verma"), ("name", "Ravi K."), ("grade", 4), ("grade", 5),
         ("roll_number", "7"), ("roll_number", None)]))  # fmt: skip
    def edit_child(self, n: int, pick: int, change: tuple[str, Any]) -> None:
        device = self.devices[n]
        live = self._live_on(device)
        if not live:
            return
        child = live[pick % len(live)]
        column, value = change
        if getattr(device.db.children.get(child), column) == value:
            return  # no change: nothing is written
        device.db.children.update(child, **{column: value})
        stamp = device.rows("children")[child]["hlc"]
        self.children[child].writes[column].append((stamp, value))

    @precondition(lambda self: bool(self.children))
    @rule(n=st.integers(0, 2), pick=st.integers(0, 99))
    def delete_child(self, n: int, pick: int) -> None:
        device = self.devices[n]
        live = self._live_on(device)
        if live:
            child = live[pick % len(live)]
            device.db.children.delete(child)
            self.children[child].deleted = True

    @precondition(lambda self: bool(self.children))
    @rule(n=st.integers(0, 2), pick=st.integers(0, 99), right=st.integers(0, 3))
    def grade_a_sheet(self, n: int, pick: int, right: int) -> None:
        device = self.devices[n]
        live = self._live_on(device)
        if not live:
            return
        child = live[pick % len(live)]
        questions = generate(SKILL, 3, pick)
        sheet = device.db.worksheets.add(
            Worksheet(
                child_id=child,
                code=f"C-{uuid.uuid4().hex[:8].upper()}",
                title="Adding",
                subject="maths",
                grade=3,
                mode="chosen",
                seed=pick,
                generator_version="test",
                questions=[q.model_dump(mode="json") for q in questions],
                settings={"skills": {SKILL: 3}},
                verification_hash=worksheet_hash(questions),
            )
        )
        answers = [q.answer if i < right else "0" for i, q in enumerate(questions)]
        graded = grade([Question.model_validate(q) for q in sheet.questions], answers)
        device.db.progress.grade(sheet, child, graded)
        self.attempts |= {
            r["id"] for r in device.db.query(
                "SELECT id FROM attempt_events WHERE worksheet_id = ?", (sheet.id,))
        }  # fmt: skip

    # -- what happens to devices -----------------------------------------------------------

    @rule(
        n=st.integers(0, 2),
        clean=st.integers(0, 4),
        fault=st.sampled_from(FAULTS),
    )
    def sync(self, n: int, clean: int, fault: Fault | None) -> None:
        """Sync, with `fault` hitting the request after `clean` good ones (if it gets there)."""
        device = self.devices[n]
        device.transport.pending.clear()
        if fault is not None:
            device.transport.inject(*([Fault.NONE] * clean), fault)
        try:
            device.sync()
        except SyncError as error:  # expected with a fault or a wrong clock; nothing is lost
            note(f"device {n}: sync failed: {type(error).__name__}: {error}")
        note(f"device {n}: faults met: {device.transport.log[-3:]}")
        device.transport.pending.clear()

    @rule(n=st.integers(0, 2))
    def restart(self, n: int) -> None:
        self.devices[n].restart()

    @rule(n=st.integers(0, 2), skew=st.sampled_from(sorted(SKEWS)))
    def set_clock(self, n: int, skew: str) -> None:
        self.devices[n].skew_ms = SKEWS[skew]

    @rule(n=st.integers(1, 2))
    def sign_out_and_in_again(self, n: int) -> None:
        device = self.devices[n]
        device.sign_out()
        device.sign_in(self.email)

    @invariant()
    def every_device_database_is_sound(self) -> None:
        for device in self.devices:
            assert device.db.query("PRAGMA quick_check")[0][0] == "ok"

    # -- after the faults heal -------------------------------------------------------------

    def teardown(self) -> None:
        try:
            if self.devices:
                self._heal_and_check()
        finally:
            for device in self.devices:
                device.close()
                device.http.close()
            shutil.rmtree(self.folder, ignore_errors=True)

    def _heal_and_check(self) -> None:
        for device in self.devices:
            device.skew_ms = 0
            device.transport.pending.clear()
            device.transport.offline = False
        for _ in range(2):
            for device in self.devices:
                device.sync()
        for device in self.devices:
            assert device.db.sync.pending_count() == 0, "an outbox is not empty"
        views = [self._children_view(d) for d in self.devices]
        assert views[0] == views[1] == views[2], "devices disagree on children"
        assert views[0] == self._server_children(), "a device disagrees with the server"
        self._check_the_model(views[0])
        self._check_attempts()
        derived = [self._derived(d) for d in self.devices]
        assert derived[0] == derived[1] == derived[2], "mastery or stars differ"

    def _children_view(self, device: Device) -> dict[str, tuple[Any, ...]]:
        return {
            row["id"]: (row["name"], row["grade"], row["roll_number"], row["deleted_at"] is None)
            for row in device.rows("children").values()
        }

    def _server_children(self) -> dict[str, tuple[Any, ...]]:
        with psycopg.connect(self.cloud._database.dsn("postgres")) as conn:  # type: ignore[attr-defined]
            rows = conn.execute(
                "SELECT id::text, name, grade, roll_number, deleted_at IS NULL "
                "FROM public.children WHERE owner_id = %s",
                (self.user_id,),
            ).fetchall()
        return {row[0]: tuple(row[1:]) for row in rows}

    def _check_the_model(self, view: dict[str, tuple[Any, ...]]) -> None:
        assert set(view) == set(self.children), "a child was lost or invented"
        for child, model in self.children.items():
            name, grade_, roll, live = view[child]
            assert live == (not model.deleted), f"child {child}: deleted or resurrected wrongly"
            if live:
                expected = tuple(model.expected(c) for c in ("name", "grade", "roll_number"))
                assert (name, grade_, roll) == expected, f"child {child}: a newer write was lost"

    def _check_attempts(self) -> None:
        for device in self.devices:
            ids = [r["id"] for r in device.db.query("SELECT id FROM attempt_events")]
            assert len(ids) == len(set(ids)) and set(ids) == self.attempts, "attempts differ"
        with psycopg.connect(self.cloud._database.dsn("postgres")) as conn:  # type: ignore[attr-defined]
            row = conn.execute(
                "SELECT count(*), count(DISTINCT id) FROM public.attempt_events WHERE owner_id = %s",
                (self.user_id,),
            ).fetchone()
        assert row == (len(self.attempts), len(self.attempts)), "the server's attempts differ"

    def _derived(self, device: Device) -> tuple[Any, ...]:
        mastery = device.db.query(
            "SELECT student_id, skill_tag, mastery_level, streak, attempts_count, correct_count "
            "FROM mastery_state ORDER BY student_id, skill_tag"
        )
        stars = device.db.query(
            "SELECT child_id, total_stars, current_streak, longest_streak, worksheets_completed "
            "FROM child_engagement ORDER BY child_id"
        )
        return [tuple(r) for r in mastery], [tuple(r) for r in stars]


@pytest.fixture
def machine(devcloud: DevCloud, monkeypatch: pytest.MonkeyPatch) -> type[Convergence]:
    monkeypatch.setenv("PRACTICECRAFT_SESSION_STORE", "file")
    Convergence.cloud = devcloud
    return Convergence


def test_devices_converge_under_faults(machine: type[Convergence]) -> None:
    run = machine.TestCase
    run.settings = settings(
        max_examples=int(os.environ.get("CONVERGENCE_EXAMPLES", "200")),
        stateful_step_count=12,
        deadline=None,
        suppress_health_check=[HealthCheck.too_slow, HealthCheck.filter_too_much],
    )
    run().runTest()
