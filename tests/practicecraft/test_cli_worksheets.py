"""`practicecraft worksheet create|render` and `certificate` as a teacher runs them."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from practicecraft.cli import main
from storage.database import Store
from storage.paths import local_database_path
from tests import pdf_reading


@pytest.fixture
def run(tmp_path: Path, capsys: pytest.CaptureFixture[str]):  # type: ignore[no-untyped-def]
    def invoke(*args: str) -> tuple[int, str, str]:
        with pytest.raises(SystemExit) as exited:
            # The first command starts the data folder, as `--create` (or the window) does.
            create = [] if (tmp_path / "data").exists() else ["--create"]
            main(["--data-dir", str(tmp_path / "data"), *create, *args])
        captured = capsys.readouterr()
        return int(exited.value.code or 0), captured.out, captured.err

    roster = tmp_path / "3a.csv"
    roster.write_text(
        "name,grade,roll\nAsha Verma,3,1\nRavi Kumar,3,2\nFatima Khan,3,3\n", encoding="utf-8"
    )
    invoke("child", "import", str(roster), "--class", "3A", "--school-basis", "R. Sharma", "--yes")
    return invoke


def _pages(pdf: Path) -> int:
    return pdf_reading.page_count(pdf)


def test_adaptive_class_set_writes_a_sheet_per_child_and_their_keys(run, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    out, key = tmp_path / "set.pdf", tmp_path / "key.pdf"
    code, stdout, _ = run(
        "worksheet",
        "create",
        "--class",
        "3A",
        "--subject",
        "maths",
        "--mode",
        "adaptive",
        "--out",
        str(out),
        "--answer-key",
        str(key),
    )
    ids = stdout.split()
    assert code == 0 and len(ids) == 3
    assert _pages(out) >= 3 and _pages(key) >= 3
    text = pdf_reading.text(out)
    assert all(name in text for name in ("Asha Verma", "Ravi Kumar", "Fatima Khan"))


def test_render_by_id_or_code_gives_the_same_pdf(run, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    children = json.loads(run("child", "list", "--json")[1])
    first = tmp_path / "first.pdf"
    worksheet_id = run(
        "worksheet",
        "create",
        "--child",
        children[0]["id"],
        "--subject",
        "maths",
        "--chapters",
        "12",
        "--count",
        "10",
        "--out",
        str(first),
    )[1].strip()
    again = tmp_path / "again.pdf"
    assert run("worksheet", "render", worksheet_id, "--out", str(again))[0] == 0
    assert again.read_bytes() == first.read_bytes()
    with Store.open(local_database_path(tmp_path / "data")) as store:
        code = store.worksheets.get(worksheet_id).code
    by_code = tmp_path / "by-code.pdf"
    assert run("worksheet", "render", code.lower().replace("-", " "), "--out", str(by_code))[0] == 0
    assert by_code.read_bytes() == first.read_bytes()


def test_versions_for_a_class_share_skills(run, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    code, stdout, _ = run(
        "worksheet",
        "create",
        "--class",
        "3A",
        "--subject",
        "maths",
        "--chapters",
        "12",
        "--mode",
        "versions",
        "--versions",
        "2",
        "--out",
        str(tmp_path / "v.pdf"),
    )
    ids = stdout.split()
    assert code == 0 and len(ids) == 3  # one sheet per child
    with Store.open(local_database_path(tmp_path / "data")) as store:
        sheets = [store.worksheets.get(i) for i in ids]
    # Versions A and B handed round the class: the same skills, different questions.
    assert sorted({s.version_label for s in sheets}) == ["A", "B"]
    by_version = {s.version_label: s for s in sheets}
    skills = {v: sorted(q["skill_tag"] for q in s.questions) for v, s in by_version.items()}
    assert skills["A"] == skills["B"]
    keys = {v: {q["key"] for q in s.questions} for v, s in by_version.items()}
    assert keys["A"] != keys["B"]
    # children with the same version get the same questions (one key per version)
    same = [s for s in sheets if s.version_label == sheets[0].version_label]
    assert all(s.questions == same[0].questions for s in same)


def test_bad_requests_are_one_line_errors(run, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    out = str(tmp_path / "x.pdf")
    assert (
        run(
            "worksheet",
            "create",
            "--class",
            "9Z",
            "--subject",
            "maths",
            "--chapters",
            "1",
            "--out",
            out,
        )[0]
        == 2
    )
    code, _, err = run(
        "worksheet",
        "create",
        "--class",
        "3A",
        "--subject",
        "maths",
        "--chapters",
        "99",
        "--out",
        out,
    )
    assert code == 2 and "no chapter 99" in err and err.count("\n") == 1
    code, _, err = run(
        "worksheet", "create", "--class", "3A", "--subject", "maths", "--mode", "versions",
        "--out", out,
    )  # fmt: skip
    assert code == 2 and "choose at least one" in err  # versions of no skills


def test_a_sheet_with_no_chapters_is_what_the_child_should_practise_next(
    run, tmp_path: Path
) -> None:  # type: ignore[no-untyped-def]
    """As the window does: no chapters chosen makes the adaptive mix of the child's class."""
    _, stdout, _ = run("child", "list", "--json")
    child = json.loads(stdout)[0]["id"]
    out = tmp_path / "next.pdf"
    code, stdout, err = run(
        "worksheet", "create", "--child", child, "--subject", "maths", "--out", str(out)
    )
    assert code == 0, err
    with Store.open(local_database_path(tmp_path / "data")) as store:
        sheet = store.worksheets.find(stdout.split()[0])
    assert sheet.mode == "adaptive" and len(sheet.questions) == 20


def test_a_sheet_says_when_it_could_not_be_made_as_asked(run, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    """An item-bank chapter with too few hard true/false questions still makes its sheet and
    says, in words, what is not as asked."""
    code, _, err = run(
        "worksheet", "create", "--class", "3A", "--subject", "evs", "--chapters", "8",
        "--difficulty", "3", "--types", "true_false", "--count", "12",
        "--out", str(tmp_path / "evs.pdf"),
    )  # fmt: skip
    assert code == 0, err
    notes = [line for line in err.splitlines() if line.startswith("practicecraft: note: ")]
    assert notes and "evs.c3" not in err
    assert any("“Food We Eat”" in note and "true or false" in note for note in notes)


def test_a_certificate_needs_a_mastered_chapter(run, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    child = json.loads(run("child", "list", "--json")[1])[0]
    out = tmp_path / "cert.pdf"
    code, _, err = run(
        "certificate", "--child", child["id"], "--chapter", "maths.c3.ch7", "--out", str(out)
    )
    assert code == 2 and "not mastered" in err
    for day in ("2026-11-02", "2026-11-03"):  # mastery needs two days' work
        sheet = tmp_path / f"{day}.pdf"
        made = run(
            "worksheet",
            "create",
            "--child",
            child["id"],
            "--subject",
            "maths",
            "--chapters",
            "7",
            "--count",
            "10",
            "--out",
            str(sheet),
        )
        with Store.open(local_database_path(tmp_path / "data")) as store:
            answers = ";".join(
                q["answer"] for q in store.worksheets.find(made[1].strip()).questions
            )
        code, stdout, _ = run("grade", made[1].strip(), "--answers", answers, "--on", day)
        assert code == 0
    assert "certificate ready" in stdout
    code, stdout, _ = run(
        "certificate", "--child", child["id"], "--chapter", "maths.c3.ch7", "--out", str(out)
    )
    assert code == 0
    text = pdf_reading.text(out)
    assert "Asha Verma" in text and "Raksha Bandhan" in text and "Verification code" in text
    again = tmp_path / "again.pdf"
    assert run("certificate", stdout.strip(), "--out", str(again))[0] == 0
    assert again.read_bytes() == out.read_bytes()


def test_a_class_set_past_the_free_quota_is_exit_5_with_the_way_forward(
    run,
    tmp_path: Path,  # type: ignore[no-untyped-def]
) -> None:
    roster = tmp_path / "big.csv"
    lines = "".join(f"Child {n},3,{n}\n" for n in range(1, 22))
    roster.write_text("name,grade,roll\n" + lines, encoding="utf-8")
    run("child", "import", str(roster), "--class", "3B", "--school-basis", "R. Sharma", "--yes")
    out = tmp_path / "set.pdf"
    code, _, err = run("worksheet", "create", "--class", "3B", "--subject", "maths",
                       "--chapters", "12", "--out", str(out))  # fmt: skip
    assert code == 5 and err.count("\n") == 1
    assert "20 free worksheets" in err and "₹299 a month" in err and "printed again" in err
    assert not out.exists()
    code, _, _ = run("worksheet", "create", "--class", "3A", "--subject", "maths",
                     "--chapters", "12", "--out", str(out))  # fmt: skip
    assert code == 0  # three sheets still fit in this month's twenty
