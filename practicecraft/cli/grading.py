"""`practicecraft grade`: record a returned worksheet's answers or marks, show what changed."""

from __future__ import annotations

from datetime import datetime

import click

from curriculum.question import Question
from curriculum.syllabus import Syllabus
from curriculum.wording import count as counted
from practicecraft.cli.context import App, echo_json, pass_app
from practicecraft.cli.progress import LEVEL_WORDS
from progress.attempts import SCHOOL_TIME, AttemptResult
from progress.grading import GradingError, grade, parse_list, parse_mark
from storage.errors import InvalidInput
from storage.repositories.progress import GradeOutcome
from worksheets.model import Worksheet


@click.command("grade")
@click.argument("worksheet_id")
@click.option("--child", "child_id", default=None, help="Whose sheet (default: the sheet's child).")
@click.option("--answers", default=None, help='What the child wrote, in order: "12;7;½;...".')
@click.option("--marks", default=None, help='Right/wrong/partly per question: "1;0;p;...".')
@click.option(
    "--mark",
    "single_marks",
    multiple=True,
    metavar="N=MARK",
    help="Mark (or re-mark) question N: 5=1, 5=0, 5=p. Repeat for more.",
)
@click.option(
    "--on",
    "answered_on",
    type=click.DateTime(["%Y-%m-%d"]),
    default=None,
    help="The day the child did the sheet, YYYY-MM-DD (default: today).",
)
@click.option("--json", "as_json", is_flag=True, help="Print JSON.")
@pass_app
def grade_sheet(
    app: App,
    worksheet_id: str,
    child_id: str | None,
    answers: str | None,
    marks: str | None,
    single_marks: tuple[str, ...],
    answered_on: datetime | None,
    as_json: bool,
) -> None:
    """Grade a returned worksheet (by id or printed code); prints score, stars and mastery."""
    if answers is None and marks is None and not single_marks:
        raise click.UsageError("give --answers, --marks or --mark")
    store = app.store
    sheet = store.worksheets.find(worksheet_id)
    child = _child_id(sheet, child_id)
    questions = [Question.model_validate(q) for q in sheet.questions]
    try:
        marked = _marks(marks, single_marks, len(questions))
        graded = grade(questions, parse_list(answers) if answers is not None else None, marked)
    except GradingError as error:
        raise InvalidInput(str(error)) from None
    outcome = store.progress.grade(sheet, child, graded, _when(answered_on))
    syllabus = store.custom_content.syllabus()
    if as_json:
        echo_json(_as_json(outcome))
    else:
        _report(app, sheet, outcome, syllabus)


def _when(day: datetime | None) -> datetime:
    """Now, or the given (IST) day at the present time of day."""
    now = datetime.now(SCHOOL_TIME)
    if day is None:
        return now
    if day.date() > now.date():
        raise InvalidInput(f"--on {day.date()} is in the future")
    return now.replace(year=day.year, month=day.month, day=day.day)


def _child_id(sheet: Worksheet, given: str | None) -> str:
    if given:
        return given
    if sheet.child_id is None:
        raise click.UsageError(f"worksheet {sheet.code} is a class sheet: say whose with --child")
    return sheet.child_id


def _marks(marks: str | None, single: tuple[str, ...], count: int) -> dict[int, AttemptResult]:
    found: dict[int, AttemptResult] = {}
    if marks is not None:
        listed = parse_list(marks)
        if len(listed) != count:
            raise GradingError(
                f"the sheet has {counted(count, 'question', 'questions')}, "
                f"{counted(len(listed), 'mark', 'marks')} given"
            )
        found = {n: parse_mark(m, f"mark {n}") for n, m in enumerate(listed, start=1) if m != ""}
    for item in single:
        number, sep, mark = item.partition("=")
        number = number.strip()
        # A question number has a few digits; int() of thousands of digits would raise.
        if not sep or not (number.isascii() and number.isdigit()) or len(number) > 4:
            shown = item if len(item) <= 20 else item[:20] + "…"
            raise GradingError(f"--mark {shown!r}: write it as N=MARK, e.g. 5=1")
        found[int(number)] = parse_mark(mark, f"--mark {item}")
    return found


def _report(app: App, sheet: Worksheet, outcome: GradeOutcome, syllabus: Syllabus) -> None:
    child = app.store.children.get(outcome.child_id)
    click.echo(f"{child.name} — {sheet.title} ({sheet.code})")
    if outcome.recorded == 0:
        click.echo("Nothing new: these answers were already graded.")
    score = f"Score: {outcome.correct}/{outcome.questions}"
    if outcome.questions:
        score += f" ({round(100 * outcome.correct / outcome.questions)}%)"
    if outcome.partial:
        score += f", {outcome.partial} partly right"
    if outcome.graded < outcome.questions:
        score += f", {outcome.questions - outcome.graded} not graded yet"
    click.echo(score)
    gained = outcome.stars_after - outcome.stars_before
    click.echo(f"Stars: {gained:+d} (total {outcome.stars_after})")
    for tag, before, after in outcome.changes:
        click.echo(f"  {_skill_title(syllabus, tag)}: {LEVEL_WORDS[before]} → {LEVEL_WORDS[after]}")
    for achievement in outcome.unlocked:
        click.echo(f"New achievement: {achievement.title}")
    for chapter in outcome.chapters_mastered:
        click.echo(
            f"Chapter mastered — certificate ready: practicecraft certificate "
            f"--child {outcome.child_id} --chapter {chapter} --out certificate.pdf"
        )


def _skill_title(syllabus: Syllabus, tag: str) -> str:
    try:
        return syllabus.skill(tag).title
    except LookupError:
        return tag


def _as_json(outcome: GradeOutcome) -> dict[str, object]:
    return {
        "worksheet_id": outcome.worksheet_id,
        "child_id": outcome.child_id,
        "recorded": outcome.recorded,
        "correct": outcome.correct,
        "partial": outcome.partial,
        "graded": outcome.graded,
        "questions": outcome.questions,
        "stars_gained": outcome.stars_after - outcome.stars_before,
        "total_stars": outcome.stars_after,
        "mastery_changes": [
            {"skill": tag, "before": before, "after": after}
            for tag, before, after in outcome.changes
        ],
        "achievements": [a.key for a in outcome.unlocked],
        "certificates_ready": list(outcome.chapters_mastered),
    }
