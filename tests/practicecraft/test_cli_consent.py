"""Consent on the command line: no child is kept without a record of one kind or the other."""

from __future__ import annotations

import io
import json
from pathlib import Path

import pytest

from practicecraft.cli import main
from storage.consent import (
    PARENT_NOTICE,
    PARENT_NOTICE_VERSION,
    SCHOOL_NOTICE,
    SCHOOL_NOTICE_VERSION,
    SCHOOL_RELATION,
)
from storage.database import Store
from storage.paths import local_database_path
from storage.records import GuardianConsent, notice_sha256
from storage.tables import CHILDREN

Result = tuple[int, str, str]
GUARDIAN = ("--guardian", "Sunita Verma", "--relation", "Mother")
SCHOOL = ("--school-basis", "R. Sharma, Principal")


@pytest.fixture
def data_dir(tmp_path: Path) -> Path:
    return tmp_path / "data"


@pytest.fixture
def run(data_dir: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch):  # type: ignore[no-untyped-def]
    def invoke(*args: str, answer: str = "") -> Result:
        monkeypatch.setattr("sys.stdin", io.StringIO(answer))
        with pytest.raises(SystemExit) as exited:
            # The first command starts the data folder, as `--create` (or the window) does.
            create = [] if data_dir.exists() else ["--create"]
            main(["--data-dir", str(data_dir), *create, *args])
        captured = capsys.readouterr()
        return int(exited.value.code or 0), captured.out, captured.err

    return invoke


def _consents(data_dir: Path) -> list[GuardianConsent]:
    with Store.open(local_database_path(data_dir)) as store:
        return [
            c for child in store.children.all() for c in store.consents.for_child(child.id or "")
        ]


def _children(run) -> list[str]:  # type: ignore[no-untyped-def]
    return [c["name"] for c in json.loads(run("child", "list", "--json")[1])]


def _roster(tmp_path: Path, *names: str) -> Path:
    path = tmp_path / "3a.csv"
    path.write_text("name,grade\n" + "".join(f"{n},3\n" for n in names), encoding="utf-8")
    return path


# --- child add ------------------------------------------------------------------------------


def test_child_add_without_a_consent_basis_is_refused_and_keeps_no_one(run) -> None:  # type: ignore[no-untyped-def]
    code, _, err = run("child", "add", "--name", "Asha", "--grade", "3")
    assert code == 2 and err.count("\n") == 1
    assert "--guardian" in err and "--school-basis" in err
    assert _children(run) == []


def test_child_add_prints_the_notice_and_keeps_the_guardians_consent(run, data_dir: Path) -> None:  # type: ignore[no-untyped-def]
    code, out, err = run("child", "add", "--name", "Asha", "--grade", "3", *GUARDIAN, answer="y\n")
    assert code == 0 and out.strip()
    assert PARENT_NOTICE.splitlines()[0] in err
    [consent] = _consents(data_dir)
    assert (consent.guardian_name, consent.relation) == ("Sunita Verma", "Mother")
    assert consent.notice_version == PARENT_NOTICE_VERSION
    assert consent.notice_sha256 == notice_sha256(PARENT_NOTICE)


def test_child_add_declined_keeps_nothing(run) -> None:  # type: ignore[no-untyped-def]
    code, _, err = run("child", "add", "--name", "Asha", "--grade", "3", *GUARDIAN, answer="n\n")
    assert code == 1 and "aborted" in err
    assert _children(run) == []


def test_child_add_with_yes_skips_the_question_for_scripts(run, data_dir: Path) -> None:  # type: ignore[no-untyped-def]
    code, _, err = run("child", "add", "--name", "Asha", "--grade", "3", *GUARDIAN, "--yes")
    assert code == 0 and err == ""
    assert len(_consents(data_dir)) == 1


def test_child_add_needs_both_guardian_and_relation(run) -> None:  # type: ignore[no-untyped-def]
    code, _, err = run("child", "add", "--name", "Asha", "--grade", "3", "--guardian", "S", "--yes")
    assert code == 2 and "--relation" in err
    assert _children(run) == []


def test_child_add_into_a_class_is_covered_by_its_school_basis(  # type: ignore[no-untyped-def]
    run, tmp_path: Path, data_dir: Path
) -> None:
    run("child", "import", str(_roster(tmp_path, "Ravi")), "--class", "3A", *SCHOOL, "--yes")
    code, _, _ = run("child", "add", "--name", "Asha", "--grade", "3", "--class", "3A")
    assert code == 0
    assert {(c.guardian_name, c.relation) for c in _consents(data_dir)} == {
        ("R. Sharma, Principal", SCHOOL_RELATION)
    }
    assert len(_consents(data_dir)) == 2


def test_child_add_into_a_class_without_a_basis_is_refused(run) -> None:  # type: ignore[no-untyped-def]
    run("class", "add", "--name", "3A", "--grade", "3")
    code, _, err = run("child", "add", "--name", "Asha", "--grade", "3", "--class", "3A")
    assert code == 2 and "school-basis" in err
    assert _children(run) == []


# --- child import ---------------------------------------------------------------------------


def test_child_import_without_a_school_basis_imports_nothing(run, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    code, _, err = run("child", "import", str(_roster(tmp_path, "Asha", "Ravi")), "--class", "3A")
    assert code == 2 and err.count("\n") == 1 and "--school-basis" in err
    assert _children(run) == []


def test_child_import_shows_the_school_notice_and_records_it_for_every_child(  # type: ignore[no-untyped-def]
    run, tmp_path: Path, data_dir: Path
) -> None:
    roster = str(_roster(tmp_path, "Asha", "Ravi"))
    code, out, err = run("child", "import", roster, "--class", "3A", *SCHOOL, answer="y\n")
    assert code == 0 and "Imported 2 children into class 3A" in out
    assert SCHOOL_NOTICE.splitlines()[0] in err
    consents = _consents(data_dir)
    assert len(consents) == 2
    assert {(c.relation, c.notice_version) for c in consents} == {
        (SCHOOL_RELATION, SCHOOL_NOTICE_VERSION)
    }
    assert {c.notice_sha256 for c in consents} == {notice_sha256(SCHOOL_NOTICE)}


def test_a_second_roster_for_the_class_is_covered_by_the_basis_confirmed_once(  # type: ignore[no-untyped-def]
    run, tmp_path: Path, data_dir: Path
) -> None:
    run("child", "import", str(_roster(tmp_path, "Asha")), "--class", "3A", *SCHOOL, "--yes")
    code, out, _ = run("child", "import", str(_roster(tmp_path, "Ravi")), "--class", "3A")
    assert code == 0 and "Imported 1 child into class 3A." in out
    assert len(_consents(data_dir)) == 2


# --- consent for children kept before it was asked for -------------------------------------


def _old_children(data_dir: Path, *names: str) -> None:
    """Children as an older version kept them: no consent record."""
    with Store.open(local_database_path(data_dir)) as store, store.write() as writer:
        writer.insert(CHILDREN, [(n, 3, "CBSE", None, None, None, None) for n in names])


def test_db_check_reports_children_without_a_consent_record(run, data_dir: Path) -> None:  # type: ignore[no-untyped-def]
    _old_children(data_dir, "Asha", "Ravi")
    code, out, _ = run("db", "check")
    assert code == 1
    assert "consent: 2 children have no consent record (Asha, Ravi)" in out
    code, out, _ = run("db", "check", "--json")
    report = json.loads(out)
    assert not report["ok"]
    assert [c["name"] for c in report["children_without_consent"]] == ["Asha", "Ravi"]


def test_child_consent_records_a_guardians_consent_for_a_child_kept_before(  # type: ignore[no-untyped-def]
    run, data_dir: Path
) -> None:
    _old_children(data_dir, "Asha")
    [asha] = json.loads(run("child", "list", "--json")[1])
    code, out, _ = run("child", "consent", asha["id"], *GUARDIAN, "--yes")
    assert code == 0 and "Asha" in out
    assert json.loads(run("db", "check", "--json")[1])["children_without_consent"] == []


def test_class_consent_records_the_school_basis_for_its_children_without_one(  # type: ignore[no-untyped-def]
    run, data_dir: Path
) -> None:
    _old_children(data_dir, "Asha", "Ravi")
    run("class", "add", "--name", "3A", "--grade", "3")
    with Store.open(local_database_path(data_dir)) as store:
        three_a = store.classes.by_name("3A")
        for child in store.children.all():
            store.classes.add_member(three_a.id or "", child.id or "")
    code, out, _ = run("class", "consent", "3A", *SCHOOL, "--yes")
    assert code == 0 and "2 children" in out
    code, _, _ = run("db", "check")
    assert code == 0
    assert {c.relation for c in _consents(data_dir)} == {SCHOOL_RELATION}
