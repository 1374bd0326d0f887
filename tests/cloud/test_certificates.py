"""Certificates the server stands behind, and verify_certificate, on real Postgres as the user.

A certificate is recorded only for one of the account's children and a real chapter whose
skills the synced answers show mastered; its code is the server's; verify_certificate names
the issuer, and guessing codes is throttled.
"""

from __future__ import annotations

import json
import uuid
from collections.abc import Iterator
from typing import Any

import psycopg
import pytest

from curriculum.syllabus import builtin_syllabus
from progress.mastery import POLICY
from tests.cloud.conftest import committed_as, new_user
from tests.cloud.pushing import (
    Conn,
    attempt_fields,
    child_fields,
    mutation,
    pull_all,
    push,
    rows_of,
    statuses,
)

TOY_JOY = ("maths.c3.ch2", "Toy Joy", ("maths.c3.solids_faces",))
NANI_MAA = (
    "maths.c3.ch4",
    "Vacation with My Nani Maa",
    ("maths.c3.add_2digit_mental", "maths.c3.sub_2digit_mental"),
)


@pytest.fixture
def user(db: Conn) -> str:
    return new_user(db)


@pytest.fixture(autouse=True)
def fresh_checks(db: Conn) -> Iterator[None]:
    """Each test counts its own certificate checks, in one window (a year long, so that no
    window ends in the middle of a test); the checks are cleared before and after."""
    (before,) = db.execute(
        "SELECT value FROM private.limits WHERE name = 'verify_window_seconds'"
    ).fetchall()
    db.execute("UPDATE private.limits SET value = 31536000 WHERE name = 'verify_window_seconds'")
    db.execute("DELETE FROM private.certificate_checks")
    try:
        yield
    finally:
        db.execute("DELETE FROM private.certificate_checks")
        db.execute(
            "UPDATE private.limits SET value = %s WHERE name = 'verify_window_seconds'",
            (before["value"],),
        )


def answers(child: str, skill: str, days: list[int], result: str = "correct") -> list[Any]:
    """One graded answer in `skill` per entry of `days` (the day of November 2026, in India)."""
    made = []
    for n, day in enumerate(days):
        fields = attempt_fields(child) | {
            "question_id": f"{skill}-{uuid.uuid4().hex[:6]}-{n}",
            "skill_tag": skill,
            "result": result,
            "answered_at": f"2026-11-{day:02d}T05:00:00.000Z",
        }
        made.append(mutation("attempt_events", "insert", str(uuid.uuid4()), fields))
    return made


def mastered(child: str, skills: tuple[str, ...]) -> list[Any]:
    return [m for skill in skills for m in answers(child, skill, [18, 18, 18, 19, 19])]


def certificate(child: str, chapter: tuple[str, str, tuple[str, ...]], code: str = "") -> Any:
    key, title, _ = chapter
    fields = {
        "child_id": child,
        "chapter_key": key,
        "chapter_title": title,
        "certificate_number": f"PC-2026-{uuid.uuid4().hex[:6].upper()}",
        "verification_code": code or "K7PQ2MX9RT",
        "issued_at": "2026-11-20T20:00:00.000Z",  # 21 November in India
    }
    return mutation("certificates", "insert", str(uuid.uuid4()), fields)


def profile(school: str | None, display: str | None = None) -> Any:
    fields = {"role": "teacher", "active_role": "teacher", "school_name": school,
              "display_name": display, "subjects": [], "grades": [],
              "worksheet_language": "en", "paper_size": "A4"}  # fmt: skip
    return mutation("user_profiles", "insert", str(uuid.uuid4()), fields)


def a_child(db: Conn, user: str, name: str = "Asha Rao") -> str:
    child = str(uuid.uuid4())
    assert statuses(
        push(db, user, [mutation("children", "insert", child, child_fields(name))])
    ) == ["applied"]
    return child


def issued_code(db: Conn, user: str, certificate_id: str) -> str:
    code: str = rows_of(pull_all(db, user)[0], "certificates")[certificate_id]["verification_code"]
    return code


def verify(db: Conn, code: str, caller_ip: str = "203.0.113.7") -> list[dict[str, str]]:
    """verify_certificate as an anonymous caller from `caller_ip`, as the gateway passes it on
    (committed, as a request is: the check is counted)."""
    with committed_as(db, "anon"):
        headers = json.dumps({"x-forwarded-for": f"198.51.100.1, {caller_ip}"})
        db.execute("SELECT set_config('request.headers', %s, true)", (headers,))
        found = db.execute("SELECT * FROM public.verify_certificate(%s)", (code,)).fetchall()
    return [{k: str(v) for k, v in row.items()} for row in found]


# -- what is recorded ----------------------------------------------------------------------------


def test_the_servers_chapters_are_the_built_in_syllabus(db: Conn) -> None:
    expected = {
        chapter.key: (chapter.title, [skill.tag for skill in chapter.skills])
        for _, grade in builtin_syllabus().entries()
        for chapter in grade.chapters
    }
    stored = {
        r["chapter_key"]: (r["title"], r["skill_tags"])
        for r in db.execute("SELECT chapter_key, title, skill_tags FROM private.chapters")
    }
    changed = sorted(k for k in expected if stored.get(k) != expected[k])
    assert changed == [], (
        "the syllabus changed: add a migration that upserts into private.chapters these rows: "
        + ", ".join(f"{k} {expected[k]}" for k in changed)
    )


def test_the_servers_mastery_evidence_matches_the_devices_mastery_rule() -> None:
    """certificate_problem asks five right answers on two days: what the device's streak needs."""
    assert (POLICY.mastered_streak, POLICY.mastered_days) == (5, 2)


def test_a_certificate_for_a_mastered_chapter_is_recorded(db: Conn, user: str) -> None:
    child = a_child(db, user)
    made = certificate(child, NANI_MAA)
    results = push(db, user, [*mastered(child, NANI_MAA[2]), made])
    assert statuses(results)[-1] == "applied"


def test_a_certificate_without_mastery_in_every_skill_is_refused(db: Conn, user: str) -> None:
    child = a_child(db, user)
    one_skill_only = mastered(child, NANI_MAA[2][:1])
    results = push(db, user, [*one_skill_only, certificate(child, NANI_MAA)])
    assert statuses(results)[-1] == "rejected"
    assert "maths.c3.sub_2digit_mental" in results[-1]["reason"]
    assert "maths.c3.add_2digit_mental" not in results[-1]["reason"]


@pytest.mark.parametrize(
    ("days", "result", "recorded"),
    [
        ([18, 18, 18, 19, 19], "correct", True),  # five right answers on two days
        ([18, 18, 18, 19], "correct", False),  # four
        ([18, 18, 18, 18, 18], "correct", False),  # one day
        ([18, 18, 18, 19, 19], "partial", False),  # not right
    ],
)
def test_mastery_needs_five_right_answers_on_two_days(
    db: Conn, user: str, days: list[int], result: str, recorded: bool
) -> None:
    child = a_child(db, user)
    evidence = answers(child, TOY_JOY[2][0], days, result)
    results = push(db, user, [*evidence, certificate(child, TOY_JOY)])
    assert statuses(results)[-1] == ("applied" if recorded else "rejected")


def test_answers_of_another_child_do_not_count(db: Conn, user: str) -> None:
    child, sibling = a_child(db, user), a_child(db, user, "Ravi")
    results = push(db, user, [*mastered(sibling, TOY_JOY[2]), certificate(child, TOY_JOY)])
    assert statuses(results)[-1] == "rejected"


def test_a_certificate_for_no_real_chapter_is_refused(db: Conn, user: str) -> None:
    child = a_child(db, user)
    invented = ("maths.c3.ch99", "Advanced Physics", ("maths.c3.solids_faces",))
    results = push(db, user, [*mastered(child, TOY_JOY[2]), certificate(child, invented)])
    assert statuses(results)[-1] == "rejected"
    assert "no chapter maths.c3.ch99" in results[-1]["reason"]


def test_a_certificate_for_another_accounts_child_is_refused(db: Conn, user: str) -> None:
    theirs = a_child(db, new_user(db))
    results = push(db, user, [certificate(theirs, TOY_JOY)])
    assert statuses(results) == ["rejected"]
    assert "no child of this account" in results[0]["reason"]


def test_a_certificate_for_the_accounts_own_chapter_needs_its_own_skills(
    db: Conn, user: str
) -> None:
    child = a_child(db, user)
    skill = {"skill_tag": "custom.c3.birds", "subject": "custom", "grade": 3,
             "chapter_title": "Birds of our town", "skill_title": "Nests", "concept": ""}  # fmt: skip
    own = ("custom.c3.ch1", "Birds of our town", ("custom.c3.birds",))
    wrong_title = ("custom.c3.ch1", "Fish of our town", ("custom.c3.birds",))
    results = push(
        db,
        user,
        [
            mutation("custom_skills", "insert", str(uuid.uuid4()), skill),
            *mastered(child, own[2]),
            certificate(child, wrong_title),
            certificate(child, own),
        ],
    )
    assert statuses(results)[-2:] == ["rejected", "applied"]


def test_the_verification_code_is_the_servers_not_the_devices(db: Conn, user: str) -> None:
    child = a_child(db, user)
    first, second = certificate(child, TOY_JOY, "CHOSEN0001"), certificate(child, TOY_JOY)
    push(db, user, [*mastered(child, TOY_JOY[2]), first, second])
    codes = [issued_code(db, user, m["row_id"]) for m in (first, second)]
    assert "CHOSEN0001" not in codes and codes[0] != codes[1]
    for code in codes:
        assert len(code) == 10 and set(code) <= set("23456789ABCDEFGHJKMNPQRSTVWXYZ")


# -- verify_certificate ----------------------------------------------------------------------------


@pytest.fixture
def issued(db: Conn, user: str) -> tuple[str, str]:
    """A certificate for Asha Rao of a school that has a name: (child id, its code)."""
    child = a_child(db, user)
    made = certificate(child, TOY_JOY)
    push(db, user, [profile("Kendriya Vidyalaya No. 2"), *mastered(child, TOY_JOY[2]), made])
    return child, issued_code(db, user, made["row_id"])


ASHAS_CERTIFICATE = {
    "name": "Asha Rao",
    "chapter": "Toy Joy",
    "issued_on": "2026-11-21",
    "issued_by": "Kendriya Vidyalaya No. 2",
    "own_syllabus": "False",
}


def test_verify_certificate_tells_anyone_the_name_chapter_date_and_issuer(
    issued: tuple[str, str],
    db: Conn,
) -> None:
    _, code = issued
    spaced = f" {code[:4].lower()}-{code[4:]} "
    for typed in (code, spaced):
        assert verify(db, typed) == [ASHAS_CERTIFICATE]
    wrong = ("0" if code[0] != "0" else "1") + code[1:]  # 0 is never in a code
    assert verify(db, wrong) == []
    assert verify(db, "") == []


def test_a_withdrawn_certificate_finds_nothing(
    issued: tuple[str, str], db: Conn, user: str
) -> None:
    child, code = issued
    push(db, user, [mutation("children", "delete", child, {})])  # the child erased
    assert verify(db, code) == []


def test_the_issuer_is_the_family_name_when_there_is_no_school(db: Conn, user: str) -> None:
    child = a_child(db, user)
    made = certificate(child, TOY_JOY)
    push(db, user, [profile(None, "The Rao family"), *mastered(child, TOY_JOY[2]), made])
    (found,) = verify(db, issued_code(db, user, made["row_id"]))
    assert found["issued_by"] == "The Rao family"


def test_a_certificate_of_an_unnamed_issuer_is_not_confirmed(db: Conn, user: str) -> None:
    child = a_child(db, user)
    made = certificate(child, TOY_JOY)
    push(db, user, [profile("  "), *mastered(child, TOY_JOY[2]), made])
    assert verify(db, issued_code(db, user, made["row_id"])) == []


def test_one_caller_may_check_thirty_codes_in_ten_minutes(
    issued: tuple[str, str], db: Conn
) -> None:
    _, code = issued
    for _ in range(29):
        verify(db, "WRONGCODE2", caller_ip="203.0.113.8")
    assert verify(db, code, caller_ip="203.0.113.8")  # the thirtieth
    with pytest.raises(psycopg.Error, match="too many certificate checks") as refused:
        verify(db, code, caller_ip="203.0.113.8")
    assert refused.value.sqlstate == "PT429"
    assert verify(db, code, caller_ip="203.0.113.9")  # someone else is not held back


def test_signed_in_callers_are_counted_by_account(issued: tuple[str, str], db: Conn) -> None:
    _, code = issued
    checker = new_user(db)
    for _ in range(30):
        with committed_as(db, "authenticated", checker):
            db.execute("SELECT * FROM public.verify_certificate('WRONGCODE3')")
    with (
        pytest.raises(psycopg.Error, match="too many") as refused,
        committed_as(db, "authenticated", checker),
    ):
        db.execute("SELECT * FROM public.verify_certificate(%s)", (code,))
    assert refused.value.sqlstate == "PT429"


def test_checks_pause_for_everyone_after_too_many_wrong_codes(
    issued: tuple[str, str], db: Conn
) -> None:
    """The bound that holds against a guesser with many addresses."""
    _, code = issued
    db.execute(
        "INSERT INTO private.certificate_checks (caller, window_start, misses) "
        "SELECT '*', to_timestamp(floor(extract(epoch FROM now()) / value) * value), 999 "
        "FROM private.limits WHERE name = 'verify_window_seconds'"
    )
    assert verify(db, "WRONGCODE4", caller_ip="203.0.113.10") == []  # the thousandth miss
    with pytest.raises(psycopg.Error, match="paused") as refused:
        verify(db, code, caller_ip="203.0.113.11")
    assert refused.value.sqlstate == "PT429"
